"""General exception and special urgency notices in the read-only JSON API: published notices, as
`notices.opendata` gives them (what the notice's public page says, the reasons only once
published). Conventions (GET only, errors, licence, pagination, the page cache) are api/http.py's."""

from django import forms

from api.http import ApiError, detail_response, endpoint, form_errors, paginated_response
from notices import opendata
from notices.models import Kind

NO_NOTICE = "No published notice has that id."


class NoticeFilters(forms.Form):
    kind = forms.ChoiceField(
        required=False,
        choices=Kind.choices,
        error_messages={"invalid_choice": "Choose a kind: general_exception or special_urgency"},
    )


@endpoint(query=tuple(NoticeFilters.base_fields), paginated=True)
def notice_list(request):
    """Every published notice, newest first, as the public list of notices."""
    form = NoticeFilters(request.GET)
    form.is_valid()
    notices = opendata.public_notices()
    kind = form.cleaned_data.get("kind")
    if kind and "kind" not in form.errors:
        notices = notices.filter(kind=kind)
    notices = notices.order_by("-published_at", "-pk")
    return paginated_response(request, notices, opendata.notice_data, errors=form_errors(form))


@endpoint()
def notice_detail(request, id):
    notice = opendata.public_notices().filter(pk=id).first()
    if notice is None:
        raise ApiError(404, NO_NOTICE)
    return detail_response(opendata.notice_data(notice))
