"""The Forward Plan in the read-only JSON API: public plan items, as `forwardplan.opendata` gives
them to the downloads and the feed. A draft or an item waiting for Democratic Support answers
exactly like one that does not exist (404). Conventions (GET only, errors, licence, pagination,
the page cache) are api/http.py's."""

from django import forms

from api.http import ApiError, detail_response, endpoint, form_errors, paginated_response
from forwardplan import opendata
from forwardplan.models import PUBLIC_STATUSES, DecisionMakerType

NO_ITEM = "No published Forward Plan item has that id."


class PlanItemFilters(forms.Form):
    status = forms.ChoiceField(
        required=False,
        choices=[(s.value, s.label) for s in sorted(PUBLIC_STATUSES)],
        error_messages={"invalid_choice": "Choose a status: published, deferred or withdrawn"},
    )
    decision_maker_type = forms.ChoiceField(
        required=False,
        choices=DecisionMakerType.choices,
        error_messages={"invalid_choice": "Choose a decision maker type: officer, cabinet or cabinet_member"},
    )


@endpoint(query=tuple(PlanItemFilters.base_fields), paginated=True)
def plan_item_list(request):
    """Every public item (withdrawn and past ones too), by expected date: open data is the whole record."""
    form = PlanItemFilters(request.GET)
    form.is_valid()
    items = opendata.public_items()
    for name, value in form.cleaned_data.items():
        if value and name not in form.errors:
            items = items.filter(**{name: value})
    items = items.order_by("expected_from", "reference", "pk")
    return paginated_response(request, items, opendata.item_data, errors=form_errors(form))


@endpoint()
def plan_item_detail(request, id):
    item = opendata.with_history(opendata.public_items().filter(reference_slug=id)).first()
    if item is None:
        raise ApiError(404, NO_ITEM)  # the same for a draft as for nothing at all
    return detail_response(opendata.item_detail(item))
