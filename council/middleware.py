"""Middleware the whole site shares."""

from django.http import Http404

# The widest integer a database row's id can be (a 64-bit signed integer).
LARGEST_ID = 2**63 - 1


class ImpossibleIdMiddleware:
    """An id or reference in the path that no row could have is a 404, before any view looks it up.

    `<int:pk>` matches any run of digits: looked up through a foreign key (`decision_id=pk`), a
    number past 64 bits reaches SQLite's driver, which cannot bind it (OverflowError). `<str:ref>`
    matches a NUL character (`%00`), which PostgreSQL refuses in any text (ValueError). Both would be
    a 500 instead of "not found".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for value in (*view_args, *view_kwargs.values()):
            if (isinstance(value, int) and abs(value) > LARGEST_ID) or (isinstance(value, str) and "\x00" in value):
                raise Http404("There is nothing with that number or reference")
