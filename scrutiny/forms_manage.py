"""Democratic Support's forms for committees and meetings (GOV.UK Frontend via crispy-forms-gds)."""

from crispy_forms_gds.layout import Button, Field, Size
from django import forms

from council import roles
from council.forms import ModelMultipleChoiceField
from council.models import Committee, User
from records.forms import GovDateField, helper, people_with_role
from scrutiny.models import Meeting


class PersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name_and_title


class PeopleField(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name_and_title


def _people():
    return User.objects.filter(is_active=True).order_by("last_name", "first_name", "username")


def _councillors():
    """A committee is chaired by an elected member: only councillors are offered as chair or vice-chair."""
    return people_with_role(*roles.COUNCILLORS)


class CommitteeForm(forms.ModelForm):
    chair = PersonField(queryset=_councillors(), required=False, empty_label="No chair", label="Chair")
    vice_chair = PersonField(queryset=_councillors(), required=False, empty_label="No vice-chair", label="Vice-chair")
    members = PeopleField(queryset=_people(), required=False, label="Members", widget=forms.CheckboxSelectMultiple)
    lead_officers = PeopleField(
        queryset=_people(),
        required=False,
        label="Lead officers",
        help_text="The officers who serve the committee.",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Committee
        fields = ["chair", "vice_chair", "members", "lead_officers"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            if name in {"members", "lead_officers"}:
                self.fields[name].queryset = _people()
            if name in {"chair", "vice_chair"}:
                self.fields[name].queryset = _councillors()
                self.fields[name].help_text = "Only councillors are listed."
                self.fields[name].error_messages["invalid_choice"] = "Choose a councillor from the list"
        self.helper = helper(
            Field.select("chair"),
            Field.select("vice_chair"),
            Field.checkboxes("members", legend_size=Size.MEDIUM, small=True),
            Field.checkboxes("lead_officers", legend_size=Size.MEDIUM, small=True),
            Button("save", "Save the committee"),
        )

    def clean(self):
        data = super().clean()
        chair, vice_chair = data.get("chair"), data.get("vice_chair")
        if chair and vice_chair and chair == vice_chair:
            self.add_error("vice_chair", "Choose a vice-chair who is not the chair")
        return data


class MeetingForm(forms.ModelForm):
    date = GovDateField(
        what="the date of the meeting", label="Date of the meeting", help_text="For example, 17 11 2021"
    )
    venue = forms.CharField(
        label="Venue", max_length=200, required=False, help_text="For example, Warspite Room, Council House"
    )

    class Meta:
        model = Meeting
        fields = ["date", "venue"]

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.committee = committee
        self.helper = helper(
            Field("date"),
            Field.text("venue"),
            Button("save", "Save the meeting"),
        )

    def clean_date(self):
        date = self.cleaned_data.get("date")
        if date is None:
            raise forms.ValidationError("Enter the date of the meeting", code="required")
        if self.instance.pk and self.instance.is_agenda_published and date != self.instance.date:
            raise forms.ValidationError(
                "The meeting's agenda has been published: its date cannot be changed", code="published"
            )
        clash = Meeting.objects.filter(committee=self.committee, date=date, starts_at=self.instance.starts_at)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"{self.committee} already has a meeting on that date", code="unique")
        return date
