"""Dates as the documents give them: a year ("2018"), a month ("2023-07") or a day ("2023-10-02")."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
Precision = Literal["year", "month", "day"]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a year, a month or a day. Dates sort by their first day (2023 before
    2023-07); `words` says the date as a reader would ("July 2023")."""

    first_day: dt.date
    precision: Precision
    text: str

    @staticmethod
    @lru_cache(maxsize=None)
    def parse(text: str | int) -> PartialDate:
        """'2023', '2023-07' or '2023-07-14'. Raises ValueError in plain words."""
        parts = str(text).split("-")
        sizes = [len(p) for p in parts]
        try:
            if sizes in ([4], [4, 2], [4, 2, 2]):
                numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
                precision: Precision = ("year", "month", "day")[len(parts) - 1]
                return PartialDate(dt.date(*numbers), precision, str(text))
        except ValueError:
            pass
        raise ValueError(
            f'expected a real date written as YYYY-MM-DD (or YYYY-MM, or YYYY) but found "{text}"'
        )

    @property
    def month_year(self) -> str:
        """'July 2023' (or '2018' for a year)."""
        day = self.first_day
        return str(day.year) if self.precision == "year" else f"{MONTHS[day.month - 1]} {day.year}"

    @property
    def words(self) -> str:
        """'2 October 2023', 'July 2023' or '2018'."""
        if self.precision == "day":
            return f"{self.first_day.day} {self.month_year}"
        return self.month_year

    def __str__(self) -> str:
        return self.text


def when(text: str | int) -> PartialDate:
    """The partial date written as `text`."""
    return PartialDate.parse(text)


def in_words(text: str | None) -> str:
    """'2023-07' → 'July 2023'; '2023-10-02' → '2 October 2023'; '2018' → '2018'; no date →
    'Date not given'."""
    return when(text).words if text else "Date not given"


def parse_partial_date(text: str) -> tuple[dt.date, str]:
    """(first day, precision) of a partial date, for the checks against the documents."""
    date = when(text)
    return date.first_day, date.precision
