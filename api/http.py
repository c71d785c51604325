"""The API's HTTP conventions, in one place: GET only, JSON errors, the licence, CORS, caching and
pagination.

- Only GET (and HEAD) are allowed; anything else is 405 with an `Allow` header. The views change
  nothing, so they are exempt from CSRF (a POST gets the 405, not a 403 page).
- Every response, errors included, is JSON with the licence in its body and a `Link: <...>;
  rel="license"` header, and carries `Access-Control-Allow-Origin: *`.
- A successful response may be cached by anyone for `CACHE_SECONDS`; errors are not stored.
- An error is `{"status": 400, "message": "...", "errors": {"field": ["message", ...]}, "licence": {...}}`
  (`errors` only when a parameter is at fault).
- A list is `{"count", "page", "page_size", "next", "previous", "licence", "results"}`: `page` from
  1, `page_size` 1 to `MAX_PAGE_SIZE` (default `DEFAULT_PAGE_SIZE`). A bad value is 400; a page
  after the last, however large its number, is 404 (page 1 of an empty list is an empty page).
- A parameter given empty (`?committee=`) is 400, except the search `q`; an unroutable path under
  /api/ is a JSON 404.
"""

import functools
import re

from django.core.paginator import Paginator
from django.http import JsonResponse

from council.opendata import LICENCE_NAME, LICENCE_URL, absolute, with_licence
from council.pagecache import public_page

LICENCE = {"name": LICENCE_NAME, "url": LICENCE_URL}
CACHE_SECONDS = 300
CACHE_CONTROL = f"public, max-age={CACHE_SECONDS}"
ERROR_CACHE_CONTROL = "no-store"
ALLOWED_METHODS = ("GET", "HEAD")
DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
PAGINATION_PARAMETERS = ("page", "page_size")
PAGE_ERROR = "Enter a page number: a whole number, 1 or more"
PAGE_SIZE_ERROR = f"Enter a page size: a whole number from 1 to {MAX_PAGE_SIZE}"
WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
DIGITS = re.compile(r"[0-9]+")
MAX_PAGE_DIGITS = 18  # longer is past the last page of anything; never int() 100,000 digits
# Query parameters an empty value is meaningful for (the search: no words). Any other parameter
# given empty is a 400, as its schema (an enum, a number, a date) says.
BLANK_ALLOWED = {"q"}
BLANK_ERROR = "Give a value, or leave the parameter out"


class ApiError(Exception):
    """Answered as a JSON error: `status`, `message` and, for bad parameters, `errors` by parameter."""

    def __init__(self, status, message, errors=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or {}


def json_response(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def error_response(status, message, errors=None):
    body = {"status": status, "message": message}
    if errors:
        body["errors"] = {name: [str(m) for m in messages] for name, messages in errors.items()}
    body["licence"] = LICENCE
    return json_response(body, status=status)


def with_api_headers(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "Link"
    with_licence(response)
    response["Cache-Control"] = CACHE_CONTROL if response.status_code == 200 else ERROR_CACHE_CONTROL
    return response


def endpoint(*, query=(), paginated=False):
    """An API view: GET only, errors as JSON, the API's headers.

    `query` names the query parameters the view reads (pagination's are added when `paginated`);
    the OpenAPI test checks the document gives exactly these (`view.query_parameters`).
    """
    parameters = tuple(query) + (PAGINATION_PARAMETERS if paginated else ())

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ALLOWED_METHODS:
                response = error_response(405, f"This API is read-only: use GET, not {request.method}.")
                response["Allow"] = ", ".join(ALLOWED_METHODS)
            else:
                try:
                    _refuse_blank(request.GET, parameters)
                    response = view(request, *args, **kwargs)
                except ApiError as exc:
                    response = error_response(exc.status, exc.message, exc.errors)
            return with_api_headers(response)

        # Served from the public page cache until something public changes (council.pagecache).
        cached = public_page(wrapper, vary_on_cookie=False)  # the same for everyone
        cached.csrf_exempt = True  # read-only: nothing to forge
        cached.query_parameters = parameters
        return cached

    return decorate


def _refuse_blank(params, parameters):
    blank = {name: [BLANK_ERROR] for name in parameters if name not in BLANK_ALLOWED and params.get(name, None) == ""}
    if blank:
        raise ApiError(400, "Some parameters are not valid: see errors.", blank)


def not_found(request):
    """A path under the API that names nothing: JSON, like every other API answer."""
    return with_api_headers(error_response(404, "There is nothing at this address: /api/v1/ lists what there is."))


def form_errors(form):
    """A Django form's errors as {parameter: [message, ...]}."""
    return {name: list(messages) for name, messages in form.errors.items()}


def _whole_number(params, name, default, maximum, message, errors):
    raw = params.get(name, "").strip()
    if raw == "":
        return default
    if not WHOLE_NUMBER.fullmatch(raw) or not 1 <= int(raw) <= maximum:
        errors[name] = [message]
        return default
    return int(raw)


def _page_number(params, errors):
    """The page asked for: any whole number from 1, however long (one past the last page is a 404,
    as the description says, not a 400); None for a number too long to be any page."""
    raw = params.get("page", "").strip()
    if raw == "":
        return 1
    if not DIGITS.fullmatch(raw) or not raw.strip("0"):
        errors["page"] = [PAGE_ERROR]
        return 1
    return int(raw) if len(raw) <= MAX_PAGE_DIGITS else None


def page_parameters(params, errors):
    """(page, page_size) from the query string; a bad value adds its message to `errors`.

    `page` is None for a number too long to be any page (answered 404 like any page after the last).
    """
    page = _page_number(params, errors)
    page_size = _whole_number(params, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PAGE_SIZE_ERROR, errors)
    return page, page_size


def _page_url(request, number):
    params = request.GET.copy()
    params["page"] = str(number)
    return absolute(request.path) + "?" + params.urlencode(safe=",")


def paginated_response(request, queryset, serialise, *, errors=None):
    """One page of `queryset` (ordered), each item through `serialise`, in the list envelope.

    `errors` are the view's own parameter errors: with any, or a bad page parameter, the answer
    is 400 listing them all.
    """
    errors = dict(errors or {})
    number, size = page_parameters(request.GET, errors)
    if errors:
        raise ApiError(400, "Some parameters are not valid: see errors.", errors)
    paginator = Paginator(queryset, size)
    if number is None or number > paginator.num_pages:
        raise ApiError(
            404,
            f"There is no page {number or 'that large'}: the last page is {paginator.num_pages}.",
        )
    page = paginator.page(number)
    results = [serialise(item) for item in page.object_list]
    return json_response(
        {
            "count": paginator.count,
            "page": number,
            "page_size": size,
            "next": _page_url(request, number + 1) if page.has_next() else None,
            "previous": _page_url(request, number - 1) if page.has_previous() else None,
            "licence": LICENCE,
            "results": results,
        }
    )


def detail_response(data):
    """One item: its fields, and the licence."""
    return json_response({**data, "licence": LICENCE})
