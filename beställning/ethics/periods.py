"""Dates and periods as Swedish documents write them, found in folded text (see `words`).

A decision date appears as "2024-03-15", "15 mars 2024", "den 15:e mars 2024", "15/3 2024",
"15.3.2024" or "20240315". A period the application covers appears as "2018–2025", "åren 2018 till
2025", "mellan 2018 och 2025", "januari 2018 – december 2025", "2018-01-01 -- 2025-12-31",
"fr.o.m. 2018" or "t.o.m. 2025". Birth cohorts ("födda 1975–1995") and the project's own duration
("projektet pågår 2024–2028") are not periods of data and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from beställning.ethics.words import Hit, SearchText

Month = tuple[int, int]  # (year, month)

MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("januari", "jan"),
    2: ("februari", "feb"),
    3: ("mars", "mar"),
    4: ("april", "apr"),
    5: ("maj",),
    6: ("juni", "jun"),
    7: ("juli", "jul"),
    8: ("augusti", "aug"),
    9: ("september", "sept", "sep"),
    10: ("oktober", "okt"),
    11: ("november", "nov"),
    12: ("december", "dec"),
}
_MONTH_BY_NAME = {name: number for number, names in MONTH_NAMES.items() for name in names}
_ANY_MONTH = "|".join(sorted(_MONTH_BY_NAME, key=len, reverse=True))


def swedish_date(day: date) -> str:
    """'15 mars 2024': how the advice writes a date."""
    return f"{day.day} {MONTH_NAMES[day.month][0]} {day.year}"


def date_pattern(day: date) -> re.Pattern[str]:
    """Every common Swedish way of writing `day`, for folded text."""
    y, m, d = day.year, day.month, day.day
    month_names = "|".join(MONTH_NAMES[m])
    forms = [
        rf"{y}\s*([-./])\s*0?{m}\s*\1\s*0?{d}",
        rf"{y}{m:02d}{d:02d}",
        rf"0?{d}(?::?[ae])?\.?\s+(?:{month_names})\.?,?\s+{y}",
        rf"0?{d}\s*([./-])\s*0?{m}\s*\2\s*{y}",
        rf"0?{d}/0?{m}\s+{y}",
    ]
    return re.compile(r"(?<![\d])(?:" + "|".join(forms) + r")(?!\d)")


ANY_DATE = re.compile(
    rf"(?<!\d)(?:(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|\d{{1,2}}\s+(?:{_ANY_MONTH})\.?\s+(?:19|20)\d\d)(?!\d)"
)
_DATE_CUE = re.compile(r"beslut|datum|sammantrade")


def decision_dates(text: SearchText) -> Iterator[Hit]:
    """Dates in a decision, those near "beslut"/"datum" first."""
    hits = list(text.find(ANY_DATE))
    near = [hit for hit in hits if _DATE_CUE.search(text.folded, max(0, hit.start - 60), hit.start)]
    yield from near
    yield from (hit for hit in hits if hit not in near)


# --- periods ------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?:19|20)\d\d")  # found first: a search that starts with digits is fast
_ISO_TAIL = re.compile(r"-(0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?!\d)")
_MONTH_BEFORE = re.compile(rf"(?:(?<!\d)\d{{1,2}}\s+)?({_ANY_MONTH})\.?\s+$")
_RANGE_GAP = re.compile(r"\s*-{1,2}\s*|\s+(?:till(?:\s+och\s+med)?|t\.?\s*o\.?\s*m\.?|tom|och|fram\s+till)\s+")
_OPEN_START = re.compile(r"(?:fr\.?\s*o\.?\s*m\.?|fran\s+och\s+med|sedan(?:\s+ar)?)\s+$")
_OPEN_END = re.compile(r"(?:t\.?\s*o\.?\s*m\.?|till\s+och\s+med|fram\s+till)\s+$")
_ONWARDS = re.compile(r"\s+och\s+(?:framat|senare|framover)")
_NOT_DATA = re.compile(r"fodd|fodelsear|pagar|projekttid|projektperiod|anstall|publicer")


@dataclass(frozen=True)
class Period:
    """A period an application names; `start` or `end` None when it is open on that side."""

    start: Month | None
    end: Month | None
    hit: Hit

    def covers(self, first: Month, last: Month) -> bool:
        return (self.start is None or self.start <= first) and (self.end is None or self.end >= last)

    def describe(self, text: SearchText) -> str:
        """The period as the document writes it."""
        return " ".join(text.text[self.hit.start : self.hit.end].split())


@dataclass(frozen=True)
class _Endpoint:
    year: int
    month: int | None
    start: int
    end: int


def _endpoints(folded: str) -> list[_Endpoint]:
    """Years, months and dates that may bound a period: "2018", "2018-01", "2018-01-01", "1 jan 2018"."""
    points = []
    for match in _YEAR.finditer(folded):
        start, end = match.span()
        if (start and folded[start - 1].isdigit()) or folded[end : end + 1].isdigit():
            continue
        year, month = int(match.group()), None
        if iso := _ISO_TAIL.match(folded, end):
            month, end = int(iso.group(1)), iso.end()
        elif named := _MONTH_BEFORE.search(folded, max(0, start - 24), start):
            month, start = _MONTH_BY_NAME[named.group(1)], named.start()
        points.append(_Endpoint(year, month, start, end))
    return points


_CLAUSE_END = re.compile(r"[.;,:\n]|\soch\s")


def _same_clause(before: str) -> str:
    """The end of `before` that belongs to the same clause as what follows it."""
    ends = list(_CLAUSE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before


def periods(text: SearchText) -> list[Period]:
    """The periods of data an application names, in text order."""
    folded = text.folded
    points = _endpoints(folded)
    found: list[Period] = []
    used: set[int] = set()
    for index, first in enumerate(points):
        if index in used:
            continue
        before = folded[max(0, first.start - 50) : first.start]
        if _NOT_DATA.search(_same_clause(before)):
            continue
        second = points[index + 1] if index + 1 < len(points) else None
        if second is not None:
            gap = _RANGE_GAP.fullmatch(folded, first.end, second.start)
            is_and = gap is not None and gap.group().strip() == "och"
            between = not is_and or re.search(r"mellan\s+(?:aren\s+|ar\s+)?$", before)
            start, end = (first.year, first.month or 1), (second.year, second.month or 12)
            if gap is not None and between and start <= end:
                used.add(index + 1)
                found.append(Period(start, end, Hit(first.start, second.end)))
                continue
        if _OPEN_START.search(before) or _ONWARDS.match(folded, first.end):
            found.append(Period((first.year, first.month or 1), None, Hit(first.start, first.end)))
        elif _OPEN_END.search(before):
            found.append(Period(None, (first.year, first.month or 12), Hit(first.start, first.end)))
    return found
