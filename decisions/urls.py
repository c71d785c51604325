"""URLs of decision records: the public register at /decisions/, staff work under /decisions/records/."""

from django.urls import path

from decisions.views import authoring, public, review

app_name = "decisions"

urlpatterns = [
    # Staff: drafting (decisions/views/authoring.py)
    path("records/new/", authoring.start, name="start"),
    path("records/<int:pk>/tasks/", authoring.task_list, name="tasks"),
    path("records/<int:pk>/delete/", authoring.delete_draft, name="delete-draft"),
    path("records/<int:pk>/edit/<slug:task>/", authoring.task, name="task"),
    path("records/<int:pk>/consultations/add/", authoring.consultation_add, name="consultation-add"),
    path(
        "records/<int:pk>/consultations/<int:child>/remove/", authoring.consultation_remove, name="consultation-remove"
    ),
    path("records/<int:pk>/appendices/add/", authoring.appendix_add, name="appendix-add"),
    path("records/<int:pk>/appendices/<int:child>/remove/", authoring.appendix_remove, name="appendix-remove"),
    path("records/<int:pk>/appendices/<int:child>/file/", authoring.appendix_download, name="appendix-download"),
    path("records/<int:pk>/background-papers/add/", authoring.paper_add, name="paper-add"),
    path("records/<int:pk>/background-papers/<int:child>/remove/", authoring.paper_remove, name="paper-remove"),
    path("records/<int:pk>/check/", authoring.check_answers, name="check"),
    # Staff: the record, sign-off, agreement, decision, publication (decisions/views/review.py)
    path("records/<int:pk>/", review.record, name="record"),
    path("records/<int:pk>/sign-off/<slug:department>/", review.sign_off, name="sign-off"),
    path("records/<int:pk>/return/", review.return_record, name="return"),
    path("records/<int:pk>/urgency/", review.urgency, name="urgency"),
    path("records/<int:pk>/record-agreement/", review.record_agreement, name="record-agreement"),
    path("records/<int:pk>/sign/", review.sign, name="sign"),
    path("records/<int:pk>/publish/", review.publish, name="publish"),
    path("records/<int:pk>/withdraw/", review.withdraw, name="withdraw"),
    path("records/<int:pk>/pdf/", review.record_pdf, name="record-pdf"),
    path("records/<int:pk>/retry-pdf/", review.retry_pdf, name="retry-pdf"),
    # Public (decisions/views/public.py)
    path("", public.decision_list, name="list"),
    path("download.csv", public.download_csv, name="download-csv"),
    path("download.json", public.download_json, name="download-json"),
    path("feed.atom", public.feed, name="feed"),
    path("<slug:slug>/", public.detail, name="detail"),
    path("<slug:slug>/pdf/", public.pdf, name="pdf"),
    path("<slug:slug>/appendices/<str:ref>/", public.appendix, name="public-appendix"),
]
