"""Task page 8b: the lawful route of a key decision (EXEC-5, EXEC-6, EXEC-7) and its Forward Plan item."""

from crispy_forms_gds.layout import Field
from django import forms
from django.db.models import Q

from decisions.forms.base import TaskForm, numbered
from decisions.models import Decision, KeyDecisionRoute
from decisions.rules_route import LINKABLE
from forwardplan.models import PlanItem
from records.forms import ChoiceRadios, optional_choice


class PlanItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item):
        reference = item.reference or "Not yet published"
        return f"{reference}: {item.title} ({item.get_status_display().lower()})"


class RouteForm(TaskForm):
    key_decision_route = ChoiceRadios(
        KeyDecisionRoute.choices,
        label=numbered("8b", "How will the key decision be taken lawfully?"),
        message="Choose how the key decision will be taken",
        help_text="Only for a key decision. Ask Democratic Support if you are not sure.",
    )
    plan_item = optional_choice(
        PlanItem.objects.none(),
        "Which Forward Plan item is the decision?",
        "Choose the Forward Plan item",
        field=PlanItemChoiceField,
        help_text="Items you or your directorate proposed, published or waiting for Democratic Support.",
        error_messages={"invalid_choice": "Choose a Forward Plan item from the list"},
    )

    class Meta:
        model = Decision
        fields = ["key_decision_route", "plan_item"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        record = self.instance
        theirs = Q(author_id=record.author_id)
        if record.directorate_id:
            theirs |= Q(directorate_id=record.directorate_id)
        # The item already linked stays a choice, whatever has happened to it since.
        self.fields["plan_item"].queryset = PlanItem.objects.filter(
            (theirs & Q(status__in=LINKABLE)) | Q(pk=record.plan_item_id or 0)
        ).order_by("expected_from", "pk")

    def layout_fields(self):
        return [Field.radios("key_decision_route"), Field.select("plan_item")]
