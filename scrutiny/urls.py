"""Staff work on briefing reports, under /scrutiny/: drafting (views/authoring.py) and the report,
sign-off, agreement, approval, publication (views/review.py)."""

from django.urls import path

from scrutiny.views import authoring, review

app_name = "scrutiny"

urlpatterns = [
    # Drafting
    path("reports/new/", authoring.start, name="start"),
    path("reports/<int:pk>/tasks/", authoring.task_list, name="tasks"),
    path("reports/<int:pk>/delete/", authoring.delete_draft, name="delete-draft"),
    path("reports/<int:pk>/edit/<slug:task>/", authoring.task, name="task"),
    path("reports/<int:pk>/sections/add/", authoring.section_add, name="section-add"),
    path("reports/<int:pk>/sections/<int:child>/", authoring.section_edit, name="section-edit"),
    path("reports/<int:pk>/sections/<int:child>/remove/", authoring.section_remove, name="section-remove"),
    path("reports/<int:pk>/sections/<int:child>/move/<slug:direction>/", authoring.section_move, name="section-move"),
    path("reports/<int:pk>/appendices/add/", authoring.appendix_add, name="appendix-add"),
    path("reports/<int:pk>/appendices/<int:child>/remove/", authoring.appendix_remove, name="appendix-remove"),
    path("reports/<int:pk>/background-papers/add/", authoring.paper_add, name="paper-add"),
    path("reports/<int:pk>/background-papers/<int:child>/remove/", authoring.paper_remove, name="paper-remove"),
    path("reports/<int:pk>/check/", authoring.check_answers, name="check"),
    # The report and its review
    path("reports/<int:pk>/", review.report, name="report"),
    path("reports/<int:pk>/pdf/", review.report_pdf, name="report-pdf"),
    path("reports/<int:pk>/retry-pdf/", review.retry_pdf, name="retry-pdf"),
    path("reports/<int:pk>/appendices/<int:child>/file/", review.appendix_file, name="appendix-file"),
    path("reports/<int:pk>/sign-off/<slug:department>/", review.sign_off, name="sign-off"),
    path("reports/<int:pk>/return/", review.return_report, name="return"),
    path("reports/<int:pk>/agree/", review.agree, name="agree"),
    path("reports/<int:pk>/approve/", review.approve, name="approve"),
    path("reports/<int:pk>/record-approval/", review.record_approval, name="record-approval"),
    path("reports/<int:pk>/publish/", review.publish, name="publish"),
    path("reports/<int:pk>/withdraw/", review.withdraw, name="withdraw"),
]
