"""The parts every task page of a decision record is built from: section labels, money, `TaskForm`."""

from decimal import Decimal, InvalidOperation

from crispy_forms_gds.layout import Field
from django import forms
from django.core.exceptions import ValidationError

from decisions.sections import LABELS
from records.forms import (
    LONG_TEXT_HINT,
    NoHTML,
    buttons,
    helper,
)


def numbered(section, text=None):
    return f"{section}. {text or LABELS[section]}"


# — fields -------------------------------------------------------------------------------------


class MoneyField(forms.DecimalField):
    """Pounds as people write them: "491,000", "£491000.00"."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(
            max_digits=14,
            decimal_places=2,
            required=False,
            error_messages={
                "invalid": "Enter the amount as a number, like 491,000 or 491000.00",
                "max_digits": "Enter an amount less than £1,000,000,000,000",
                "max_decimal_places": "Enter the amount to the nearest penny",
                "max_whole_digits": "Enter an amount less than £1,000,000,000,000",
            },
            **kwargs,
        )

    def widget_attrs(self, widget):
        return {"inputmode": "decimal", "spellcheck": "false"}

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").replace("£", "").replace(" ", "")
        if value in self.empty_values:
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not number.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if number < 0:
            raise ValidationError("The amount must be £0 or more", code="negative")
        return number


# — task forms ---------------------------------------------------------------------------------


class TaskForm(forms.ModelForm):
    """A task page: its fields, what to call them in messages, and its crispy layout."""

    what = {}  # field -> how messages name it ("the reasons")
    long_text = ()  # fields that get the paragraphs-and-lists hint

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField):
                field.validators.append(NoHTML(self.what.get(name, "your answer")))
            if name in self.long_text:
                field.help_text = LONG_TEXT_HINT
        self.helper = helper(*self.layout_fields(), buttons())

    def layout_fields(self):
        return [Field(name) for name in self.fields]

    def model_fields(self):
        """The Decision fields this form writes (for services.save_edits)."""
        return [name for name in self._meta.fields if name in self.cleaned_data]

    def m2m_values(self):
        return {}
