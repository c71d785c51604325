"""TC-1: the council's contracts register, from its published decisions: every contract over £5,000 a
decision awards, as the Local Government Transparency Code 2015 asks, as CSV and JSON under the Open
Government Licence (decisions/opendata_contracts.py says what each column holds). Only published
records, and only 7b's answers, which the form says are published: nothing exempt is in 7b.
"""

from django.views.decorators.http import require_safe

from council.models import CouncilSettings
from council.opendata import csv_value, download, streamed_csv, streamed_json
from decisions import opendata_contracts
from decisions.models import Decision

CHUNK = 2000


def _rows():
    contracts = opendata_contracts.in_register(Decision.objects.all())
    return (opendata_contracts.register_row(d) for d in contracts.iterator(chunk_size=CHUNK))


@require_safe
def contracts_csv(request):
    return download(streamed_csv(opendata_contracts.REGISTER_FIELDS, _rows(), cell=csv_value), "contracts", "csv")


@require_safe
def contracts_json(request):
    response = streamed_json(
        request, publisher=CouncilSettings.for_request(request).name, key="contracts", items=_rows()
    )
    return download(response, "contracts", "json")
