"""Dates as the documents give them: a year ("2018"), a month ("2023-07") or a day ("2023-10-02").

One type, `PartialDate`: the data files' dates are validated straight into it (a field typed
`PartialDate`, or `FullDate` where a whole day is needed), and it is written back as the text it
was read from, the same in JSON, CSV and the data files' schemas."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
Precision = Literal["year", "month", "day"]
PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"  # how the data files write one
FULL_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a year, a month or a day. Dates sort by their first day (2023 before
    2023-07); `words` says the date as a reader would ("July 2023"); str() gives it as written."""

    first_day: dt.date
    precision: Precision
    text: str

    @staticmethod
    @lru_cache(maxsize=None)
    def parse(text: str | int) -> PartialDate:
        """'2023', '2023-07' or '2023-07-14' (a year may be a number). Raises ValueError in plain words."""
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

    @staticmethod
    def of_day(day: dt.date) -> PartialDate:
        """A whole day's date (a page's review date, a file's last change)."""
        return PartialDate(day, "day", day.isoformat())

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

    # ----- as a field of a model: read from the data, written back as its text -----

    @classmethod
    def _read(cls, value: object) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, int) and not isinstance(value, bool):  # "since: 2020": YAML reads a number
            return cls.parse(value)
        if not isinstance(value, str):
            raise PydanticCustomError("string_type", "Input should be a valid string")
        return cls.parse(value.strip())

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._read, serialization=core_schema.plain_serializer_function_ser_schema(str))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"anyOf": [{"pattern": PARTIAL_DATE, "type": "string"},
                          {"maximum": 9999, "minimum": 1000, "type": "integer"}],
                "description": "A date: YYYY-MM-DD, or YYYY-MM, or YYYY."}


def in_words(date: PartialDate | dt.date | None) -> str:
    """'July 2023', '2 October 2023' or '2018'; a whole day (a page's review date, a file's last
    change) as '2 October 2023'; no date: 'Date not given'."""
    if isinstance(date, dt.date):
        date = PartialDate.of_day(date)
    return date.words if date else "Date not given"
