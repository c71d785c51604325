"""Staff work on briefing reports, under /scrutiny/: drafting (views/authoring.py) and the report,
sign-off, agreement, approval, publication (views/review.py)."""

from django.urls import path

from records.urls import staff_record_urls
from scrutiny.views import authoring, review

app_name = "scrutiny"

urlpatterns = [
    *staff_record_urls("reports", authoring, review, page="report"),
    # A report's own: its numbered sections, the director's agreement, the cabinet member's approval
    path("reports/<int:pk>/sections/add/", authoring.section_add, name="section-add"),
    path("reports/<int:pk>/sections/<int:child>/", authoring.section_edit, name="section-edit"),
    path("reports/<int:pk>/sections/<int:child>/remove/", authoring.section_remove, name="section-remove"),
    path("reports/<int:pk>/sections/<int:child>/move/<slug:direction>/", authoring.section_move, name="section-move"),
    path("reports/<int:pk>/appendices/<int:child>/file/", review.appendix_file, name="appendix-file"),
    path("reports/<int:pk>/background-papers/<int:child>/file/", review.paper_file, name="paper-file"),
    path("reports/<int:pk>/agree/", review.agree, name="agree"),
    path("reports/<int:pk>/approve/", review.approve, name="approve"),
    path("reports/<int:pk>/record-approval/", review.record_approval, name="record-approval"),
]
