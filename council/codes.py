"""Sign-off codes and reference numbers: their formats and the counters behind them.

A department's code format is a Python format string over these fields, so each council can
describe its departments' codes in the admin. The seed record's codes in these terms:

    Democratic Support  DS{seq:02d} {yy}/{yy_next}                    DS20 21/22
    Finance             {initials}.{yy}.{yy_next}.{seq}               djn.21.22.53
    Human Resources     {month}{year2}{INITIALS}                      721KAB
    Procurement         PB/{directorate}/{seq:03d}/{INITIALS}/{mm}{year2}   PB/CYP/006/ED/0721
"""

import datetime
import string

from django.db import IntegrityError, transaction

FIELDS = {
    "seq": "the department's next number in the municipal year",
    "yy": "the municipal year's first year, two digits (21)",
    "yy_next": "the municipal year's second year, two digits (22)",
    "initials": "the reviewer's initials, lower case (djn)",
    "INITIALS": "the reviewer's initials, upper case (DJN)",
    "dd": "day of the month, two digits",
    "mm": "month, two digits (07)",
    "month": "month, no leading zero (7)",
    "year2": "calendar year, two digits (21)",
    "yyyy": "calendar year, four digits",
    "directorate": "the record's directorate code (CYP)",
}

FORMAT_HELP = (
    "Fields in braces: "
    + "; ".join(f"{{{name}}} {meaning}" for name, meaning in FIELDS.items())
    + (". Numbers take a width: {seq:03d}.")
)

EXAMPLE_VALUES = dict(
    seq=53,
    yy="21",
    yy_next="22",
    initials="djn",
    INITIALS="DJN",
    dd="14",
    mm="07",
    month="7",
    year2="21",
    yyyy="2021",
    directorate="CYP",
)


def validate_format(code_format):
    """Raise ValueError with a message a person can act on if the format is not usable."""
    names = set()
    try:
        for _literal, field, _spec, _conversion in string.Formatter().parse(code_format):
            if field is not None:
                names.add(field)
    except ValueError as exc:
        raise ValueError(f"The code format is not valid: {exc}. Put each field in braces, like {{seq}}.") from exc
    unknown = sorted(names - FIELDS.keys())
    if unknown:
        raise ValueError(
            f"The code format uses {', '.join('{' + n + '}' for n in unknown)}, which is not a field. "
            f"Use only: {', '.join('{' + n + '}' for n in FIELDS)}."
        )
    if "seq" not in names and not names & {"dd", "initials", "INITIALS"}:
        raise ValueError("The code format must include {seq}, or a date and initials, so that codes are unique.")
    try:
        example(code_format)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"The code format cannot be filled in: {exc}.") from exc


def example(code_format):
    return render(code_format, **EXAMPLE_VALUES)


def render(code_format, **values):
    return code_format.format(**values)


def values_for(*, seq, municipal_year, on_date: datetime.date, initials="", directorate=""):
    return dict(
        seq=seq,
        yy=f"{municipal_year.start_year % 100:02d}",
        yy_next=f"{(municipal_year.start_year + 1) % 100:02d}",
        initials=initials.lower(),
        INITIALS=initials.upper(),
        dd=f"{on_date.day:02d}",
        mm=f"{on_date.month:02d}",
        month=str(on_date.month),
        year2=f"{on_date.year % 100:02d}",
        yyyy=str(on_date.year),
        directorate=directorate,
    )


def next_number(key, start_year):
    """Take the next number of a yearly counter. Call inside a transaction.

    The row is created if missing (a concurrent creator loses harmlessly to the unique
    constraint) and then locked with SELECT ... FOR UPDATE, so concurrent callers queue.
    """
    from council.models import YearlySequence

    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number must be called inside a transaction")
    if not YearlySequence.objects.filter(key=key, start_year=start_year).exists():
        try:
            with transaction.atomic():
                YearlySequence.objects.create(key=key, start_year=start_year)
        except IntegrityError:
            pass
    counter = YearlySequence.objects.select_for_update().get(key=key, start_year=start_year)
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    return counter.last_value


# — issuing codes: one sequence and one namespace per department, across every kind of record ---


class CodeTaken(Exception):
    """The department has already issued this code, on some record of some kind."""


def _lock_department(department):
    """Everyone issuing this department's codes queues here until the code chosen is committed.

    FOR NO KEY UPDATE, not FOR UPDATE: inserting a sign-off takes FOR KEY SHARE on its
    department (the foreign key), which FOR UPDATE would block.
    """
    from council.models import Department

    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Codes must be issued inside a transaction")
    list(Department.objects.select_for_update(no_key=True).filter(pk=department.pk).values_list("pk"))


def code_taken(department, code):
    """Codes are unique per department, whichever kind of record they were issued on."""
    from council.models import IssuedCode

    return IssuedCode.objects.filter(department=department, code=code).exists()


def record_issued(department_id, code):
    """Called by each app's sign-off model when it is created (the write-through)."""
    from council.models import IssuedCode

    IssuedCode.objects.create(department_id=department_id, code=code)


def take_typed_code(department, code):
    """A code the reviewer typed (Legal numbers its own files): refused with CodeTaken if issued before.

    Holds the department's lock until the transaction ends, so the sign-off that records it is
    created before anyone else can check the same code. Call inside a transaction.
    """
    _lock_department(department)
    if code_taken(department, code):
        raise CodeTaken(code)
    return code


def generate_code(department, *, reviewer, directorate_code, on_date):
    """The department's next code from its format. Call inside a transaction.

    Holds the department's lock until the transaction ends (see `take_typed_code`).
    """
    from council.models import CouncilSettings

    _lock_department(department)
    year = CouncilSettings.load().municipal_year(on_date)
    fields_used = {f for _, f, _, _ in string.Formatter().parse(department.code_format) if f}
    seq = next_number(f"sign-off:{department.slug}", year.start_year) if "seq" in fields_used else 0
    code = render(
        department.code_format,
        **values_for(
            seq=seq,
            municipal_year=year,
            on_date=on_date,
            initials=reviewer.code_initials,
            directorate=directorate_code,
        ),
    )
    # A format without a sequence (HR's month, year and initials) can repeat: make it unique.
    base, n = code, 1
    while code_taken(department, code):
        n += 1
        code = f"{base}-{n}"
    return code
