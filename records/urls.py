"""The URLs every kind of record has, written once: each app calls these with its prefix and views.

Every URL name and path stays the app's own (`decisions:sign-off`, `scrutiny:publish`): the helpers
only spare each app from writing the same list again.
"""

from django.urls import path


def staff_record_urls(prefix, authoring, review, *, page):
    """Drafting and review of a record under `prefix` ("records", "reports"): `authoring` and `review`
    are the app's view modules; `page` names the record's staff page ("record", "report"), and
    `review` has the views `<page>`, `<page>_pdf` and `return_<page>`."""
    one = f"{prefix}/<int:pk>/"
    page_view, pdf_view, return_view = (getattr(review, name) for name in (page, f"{page}_pdf", f"return_{page}"))
    return [
        # Drafting: the task list, its pages, appendices and papers, checking and submitting
        path(f"{prefix}/new/", authoring.start, name="start"),
        path(f"{one}tasks/", authoring.task_list, name="tasks"),
        path(f"{one}delete/", authoring.delete_draft, name="delete-draft"),
        path(f"{one}edit/<slug:task>/", authoring.task, name="task"),
        path(f"{one}appendices/add/", authoring.appendix_add, name="appendix-add"),
        path(f"{one}appendices/<int:child>/remove/", authoring.appendix_remove, name="appendix-remove"),
        path(f"{one}background-papers/add/", authoring.paper_add, name="paper-add"),
        path(f"{one}background-papers/<int:child>/remove/", authoring.paper_remove, name="paper-remove"),
        path(f"{one}check/", authoring.check_answers, name="check"),
        # The record and the actions every kind has
        path(one, page_view, name=page),
        path(f"{one}pdf/", pdf_view, name=f"{page}-pdf"),
        path(f"{one}retry-pdf/", review.retry_pdf, name="retry-pdf"),
        path(f"{one}sign-off/<slug:department>/", review.sign_off, name="sign-off"),
        path(f"{one}return/", return_view, name="return"),
        path(f"{one}publish/", review.publish, name="publish"),
        path(f"{one}withdraw/", review.withdraw, name="withdraw"),
        path(f"{one}dispose-papers/", review.dispose_papers, name="dispose-papers"),
    ]


def public_record_urls(prefix, *, page, pdf, appendix, paper, names):
    """A published record's public page, its PDF, and its appendices' and background papers' files
    under `prefix`; `names`: the URL names of the four."""
    page_name, pdf_name, appendix_name, paper_name = names
    return [
        path(prefix, page, name=page_name),
        path(f"{prefix}pdf/", pdf, name=pdf_name),
        path(f"{prefix}appendices/<str:ref>/", appendix, name=appendix_name),
        path(f"{prefix}background-papers/<int:number>/", paper, name=paper_name),
    ]
