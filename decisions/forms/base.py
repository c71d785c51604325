"""The parts every task page of a decision record is built from: section labels, money, and the shared
`TaskForm` (`records.forms`)."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

from decisions.sections import LABELS
from records.forms import TaskForm

__all__ = ["MoneyField", "TaskForm", "numbered"]


def numbered(section, text=None):
    return f"{section}. {text or LABELS[section]}"


# — fields -------------------------------------------------------------------------------------


PLAIN_NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)", re.ASCII)


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

    def prepare_value(self, value):
        """A saved amount shown again as people write it: 491,000, or 491,000.50 when it has pence
        (not 491000.00). What someone typed is shown back as they typed it."""
        if isinstance(value, Decimal) and value.is_finite():
            return f"{value:,.2f}".removesuffix(".00")
        return value

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").replace("£", "").replace(" ", "")
        if value in self.empty_values:
            return None
        # Plain digits only: Decimal() would also take "1e6", "NaN" and other scripts' digits ("２"),
        # which nobody types as money and a reader of the record would not recognise.
        if not PLAIN_NUMBER.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if number < 0:
            raise ValidationError("The amount must be £0 or more", code="negative")
        return number
