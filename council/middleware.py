"""Middleware the whole site shares."""

from django.http import Http404

# The widest integer a database row's id can be (a 64-bit signed integer).
LARGEST_ID = 2**63 - 1


class ImpossibleIdMiddleware:
    """An id in the path that no row could have (`<int:pk>` matches any run of digits) is a 404.

    Looked up through a foreign key (`decision_id=pk`), such a number reaches SQLite's driver, which
    cannot bind it: an OverflowError, a 500, instead of "not found".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if any(isinstance(value, int) and abs(value) > LARGEST_ID for value in (*view_args, *view_kwargs.values())):
            raise Http404("There is nothing with that number")
