"""What an officer types into a decision record: one form per task of the authoring task list.

Field validation only (error `code=`s, GOV.UK-style messages). Whether the record is complete
is `rules.py`'s question: the views add its problems to these forms on "Save and continue".
Labels carry the section numbers of the council's form (`decisions.sections`).
"""

from decisions.forms.appendices import AppendixForm, BackgroundPaperForm
from decisions.forms.base import MoneyField, TaskForm, numbered
from decisions.forms.consultation import CabinetConsultationForm, ConsultationForm, ExemptForm, SignOffForm
from decisions.forms.contract import ContractForm
from decisions.forms.route import RouteForm
from decisions.forms.tasks import DetailsForm, FinanceForm, PlanForm, ReasonsForm, UrgencyForm

__all__ = [
    "AppendixForm",
    "BackgroundPaperForm",
    "CabinetConsultationForm",
    "ConsultationForm",
    "ContractForm",
    "DetailsForm",
    "ExemptForm",
    "FinanceForm",
    "MoneyField",
    "PlanForm",
    "ReasonsForm",
    "RouteForm",
    "SignOffForm",
    "TaskForm",
    "UrgencyForm",
    "numbered",
]
