"""URLs of decision records: the public register at /decisions/, staff work under /decisions/records/."""

from django.urls import path

from decisions.views import authoring, contracts, public, review, route
from notices import views as notices
from records.urls import public_record_urls, staff_record_urls

app_name = "decisions"

urlpatterns = [
    # Staff: drafting (decisions/views/authoring.py); the record, sign-off, agreement, decision,
    # publication (decisions/views/review.py)
    *staff_record_urls("records", authoring, review, page="record"),
    path("records/<int:pk>/consultations/add/", authoring.consultation_add, name="consultation-add"),
    path(
        "records/<int:pk>/consultations/<int:child>/remove/", authoring.consultation_remove, name="consultation-remove"
    ),
    path("records/<int:pk>/appendices/<int:child>/file/", authoring.appendix_download, name="appendix-download"),
    path("records/<int:pk>/background-papers/<int:child>/file/", authoring.paper_download, name="paper-download"),
    path("records/<int:pk>/urgency/", review.urgency, name="urgency"),
    path("records/<int:pk>/record-agreement/", review.record_agreement, name="record-agreement"),
    path("records/<int:pk>/sign/", review.sign, name="sign"),
    # The statutory clock's notices (notices/views.py) and the officer's Forward Plan proposal
    path("records/<int:pk>/general-exception-notice/", notices.general_exception, name="general-exception-notice"),
    path("records/<int:pk>/notice-of-reasons/", notices.publish_reasons, name="notice-of-reasons"),
    path("records/<int:pk>/special-urgency-notice/", notices.special_urgency, name="special-urgency-notice"),
    path("records/<int:pk>/propose-plan-item/", route.propose_plan_item, name="propose-plan-item"),
    # Public (decisions/views/public.py)
    path("", public.decision_list, name="list"),
    path("download.csv", public.download_csv, name="download-csv"),
    path("download.json", public.download_json, name="download-json"),
    # TC-1: the contracts register (decisions/views/contracts.py)
    path("contracts.csv", contracts.contracts_csv, name="contracts-csv"),
    path("contracts.json", contracts.contracts_json, name="contracts-json"),
    path("feed.atom", public.feed, name="feed"),
    *public_record_urls(
        "<slug:slug>/",
        page=public.detail,
        pdf=public.pdf,
        appendix=public.appendix,
        paper=public.background_paper,
        names=("detail", "pdf", "public-appendix", "public-paper"),
    ),
]
