"""The tasks of a briefing report's authoring task list, each declared once (`records.tasklist.Task`).

Its title, the form of its page and the rules "Save and continue" checks: the task list, the
task pages and check your answers all read them from here.
"""

from records.tasklist import Task, TaskList
from scrutiny import forms, rules
from scrutiny.models import BriefingReport

TASKS = TaskList(
    [
        Task("details", "Committee, meeting and report details", forms.DetailsForm, rules.details),
        Task("summary", "Purpose, recommendations and alternative options", forms.SummaryForm, rules.sections),
        Task(
            "implications", "Corporate Plan, financial and carbon implications", forms.ImplicationsForm, rules.sections
        ),
        # A list of sections, each added, changed, moved and removed by its own buttons.
        Task("body", "Body of the report", rules=rules.sections, children=("sections",), anchor="sections"),
        Task(
            "appendices",
            "Appendices and background papers",
            rules=rules.confidentiality,
            optional=True,
            children=("appendices", "background_papers"),
            anchor="appendices",
        ),
        Task("confidentiality", "Confidentiality", forms.ConfidentialityForm, rules.confidentiality),
        Task(
            "sign-off",
            "Departments to sign off and the originating SLT member",
            forms.SignOffForm,
            rules.sign_off_details,
        ),
        Task(
            "decisions",
            "Decisions the report is about",
            forms.DecisionsForm,
            optional=True,
            children=("decisions",),
        ),
    ],
    model=BriefingReport,
    prefilled={"author_email", "meeting"},
)

# Check your answers: each part of the report, rendered by `scrutiny/_report_value.html` as the
# report renders it, under the task that changes it ("": not changed on a task page).
ANSWER_GROUPS = [
    (
        "Committee, meeting and report details",
        [
            ("committee", "Committee", ""),
            ("meeting", "Meeting", "details"),
            ("title", "Title of report", "details"),
            ("lead_member", "Lead member", "details"),
            ("portfolio", "Lead member's portfolio", "details"),
            ("lead_director", "Lead strategic director", "details"),
            ("author", "Author", ""),
            ("email", "Contact email", "details"),
            ("reference", "Your reference", "details"),
            ("key_decision", "Key decision", "details"),
        ],
    ),
    (
        "Purpose, recommendations and alternative options",
        [
            ("purpose", "Purpose of report", "summary"),
            ("recommendations", "Recommendations and reasons", "summary"),
            ("alternatives", "Alternative options considered and rejected", "summary"),
        ],
    ),
    (
        "Corporate Plan, financial and carbon implications",
        [
            (
                "plan_relevance",
                "Priority, and relevance to the Corporate Plan and/or the Plymouth Plan",
                "implications",
            ),
            (
                "financial_implications",
                "Implications for the Medium Term Financial Plan and Resource Implications",
                "implications",
            ),
            ("carbon_implications", "Carbon Footprint (Environmental) Implications", "implications"),
        ],
    ),
    ("Body of the report", [("body", "Sections", "body")]),
    (
        "Appendices, background papers and confidentiality",
        [
            ("appendices", "Appendices", "appendices"),
            ("papers", "Background papers", "appendices"),
            ("confidentiality", "Confidentiality", "confidentiality"),
        ],
    ),
    (
        "Sign-off and decisions",
        [
            ("sign-off", "Departments that sign off", "sign-off"),
            ("slt", "Originating Senior Leadership Team member", "sign-off"),
            ("decisions", "Decisions the report is about", "decisions"),
        ],
    ),
]
