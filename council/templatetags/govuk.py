"""Template helpers for GOV.UK Design System markup."""

from django import forms, template

register = template.Library()


@register.filter
def error_target_id(bound_field):
    """The id an error-summary link must point at for this field.

    Radios and checkboxes have no element with the field's own id: the GOV.UK pattern links to
    the first option, which crispy-forms-gds renders as id_<name>_1. Multi-part inputs (dates)
    link to their first part.
    """
    widget = bound_field.field.widget
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        return f"id_{bound_field.html_name}_1"
    if isinstance(widget, forms.MultiWidget):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


@register.filter
def first_visible_field(form):
    fields = form.visible_fields()
    return fields[0] if fields else None
