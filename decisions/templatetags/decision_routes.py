"""The first lawful date of decision on each route of a key decision (EXEC-5 to 7), for the
officer's task list and the Forward Plan task page: `{% route_warnings decision as warnings %}`."""

from django import template

from council.models import CouncilSettings
from decisions.rules_route import first_lawful_dates

register = template.Library()


@register.simple_tag
def route_warnings(decision):
    return first_lawful_dates(decision, CouncilSettings.load())
