"""The tasks of a decision record's authoring task list, each declared once (`records.tasklist.Task`).

Its title, the form of its page, the rules "Save and continue" checks and the numbered sections
of the council's form it fills in: the task list, the task pages, check your answers and the
record's section grouping all read them from here.
"""

from decisions import forms, rules
from decisions.models import Decision
from records.tasklist import Task, TaskList

TASKS = TaskList(
    [
        Task("details", "Decision details", forms.DetailsForm, rules.details, ("1", "2", "3", "4a", "4b", "4c")),
        Task("reasons", "Reasons and alternative options", forms.ReasonsForm, rules.reasons, ("5", "6")),
        Task(
            "finance",
            "Financial implications and key decision",
            forms.FinanceForm,
            rules.finance,
            ("7", "8"),
        ),
        # 7b (TC-1): the contract it awards, for the contracts register (decisions/contract.py).
        Task("contract", "Contract awarded", forms.ContractForm, rules.contract, ("7b",)),
        # 8b: the key decision's lawful route (EXEC-5 to 7) and its Forward Plan item. Optional: a
        # decision that is not key needs none, and a key one without a route has problems here.
        Task("forward-plan", "Forward Plan", forms.RouteForm, rules.route, ("8b",), optional=True),
        Task("plan", "Council plan and environmental implications", forms.PlanForm, rules.plan, ("9", "10")),
        # 12b, the scrutiny chair's agreement, is asked for on submission: the caption names what is typed here.
        Task(
            "urgency",
            "Urgency",
            forms.UrgencyForm,
            rules.urgency,
            ("11", "12a", "12b"),
            caption="Sections 11 and 12a",
        ),
        Task(
            "consultation",
            "Consultation",
            forms.ConsultationForm,
            rules.consultation,
            ("13a", "13b", "13c", "14", "15"),
            children=("consultations",),
            anchor="consultations",
        ),
        Task(
            "sign-off",
            "Departments to sign off",
            forms.SignOffForm,
            sections=("16",),
            optional=True,
            children=("applicable_departments",),
        ),
        Task(
            "appendices",
            "Appendices and background papers",
            rules=rules.exempt,
            sections=("17", "19"),
            optional=True,
            children=("appendices", "background_papers"),
            anchor="appendices",
        ),
        Task("exempt", "Confidential or exempt information", forms.ExemptForm, rules.exempt, ("18a", "18b")),
    ],
    model=Decision,
    # Filled in by start_decision from the author's profile: not a sign that the officer has started.
    prefilled={"author_email", "author_phone", "directorate"},
    anchors={"portfolio": "id_consultation-portfolio"},
)
