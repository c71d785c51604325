"""The municipal year: a council's year, from the month its annual meeting falls in (`council.models`
names it too)."""

import datetime


class MunicipalYear:
    """A municipal year, labelled as councils write it: `21/22`."""

    def __init__(self, start_year, start_month):
        self.start_year = start_year
        self.start_month = start_month

    @classmethod
    def containing(cls, on_date, start_month):
        year = on_date.year if on_date.month >= start_month else on_date.year - 1
        return cls(year, start_month)

    @property
    def label(self):
        return f"{self.start_year % 100:02d}/{(self.start_year + 1) % 100:02d}"

    @property
    def starts_on(self):
        return datetime.date(self.start_year, self.start_month, 1)

    def __eq__(self, other):
        return isinstance(other, MunicipalYear) and (self.start_year, self.start_month) == (
            other.start_year,
            other.start_month,
        )

    def __hash__(self):
        return hash((self.start_year, self.start_month))

    def __str__(self):
        return self.label
