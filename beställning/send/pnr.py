"""Recognising Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).

Why our own code: the guard must accept every way people write them (10 or 12 digits; '-', '+', an
en or em dash, possibly with spaces around it, a space, a no-break space or nothing before the last
four; inside CSV rows separated by commas, semicolons or tabs) yet stay quiet on what an order
legitimately contains: organisation numbers (month digit ≥ 2, e.g. 202100-5521), phone numbers, dates
and case numbers (diarienummer such as 2024-01234-01). A candidate must have a real calendar date (a samordningsnummer
adds 60 to the day) and a valid Luhn check digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from beställning.formats import luhn_ok

# 6 or 8 date digits, an optional separator, 4 digits. Not glued to other digits, and not one part of
# a longer digit group joined by '-', '/' or '.' like 2024-811218-9876 or 811218-9876-01 (reference
# numbers). A comma or colon next to the number does NOT shield it: that is how CSV rows and "pnr:"
# labels look, and the date and Luhn checks are the filter (a false alarm costs far less than a miss).
_SEPARATOR = r"(?:[ \u00a0]?[-\u2013\u2014+][ \u00a0]?|[ \u00a0])"
_CANDIDATE = re.compile(
    r"(?<![\d])(?<!\d[-/.])"
    rf"(?P<century>\d{{2}})?(?P<date>\d{{6}})(?P<sep>{_SEPARATOR})?(?P<serial>\d{{3}})(?P<check>\d)"
    r"(?![\d])(?![-/.]\d)"
)
# Words that, just before a bare 10-digit number starting with 0, mark it as a phone number.
_PHONE_WORDS = re.compile(r"(tel|telefon|mobil|mobilnr|phone|fax|växel|sms|\+46|0046)\W{0,6}$", re.IGNORECASE)


@dataclass(frozen=True)
class PnrMatch:
    """One personal identity number found in a text: where, what kind, and a masked form for reports."""

    start: int
    end: int
    kind: str  # "personnummer" or "samordningsnummer"
    masked: str  # e.g. 19811218-**** (never the full number)


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _date_kind(century: str | None, yymmdd: str, today: date) -> str | None:
    """'personnummer', 'samordningsnummer' or None when the six (or eight) digits are no birth date."""
    yy, month, day = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
    kind = "personnummer"
    if 61 <= day <= 91:
        day -= 60
        kind = "samordningsnummer"
    if century is not None:
        if century not in ("18", "19", "20"):
            return None
        year = int(century) * 100 + yy
        if year > today.year or not _valid_date(year, month, day):
            return None
        return kind
    if any(_valid_date(c * 100 + yy, month, day) for c in (18, 19, 20)):
        return kind
    return None


def _looks_like_phone(text: str, start: int, century: str | None, sep: str | None, digits: str) -> bool:
    """A bare 10-digit number starting with 0 right after 'tel', 'mobil', '+46' … is a phone number."""
    if century is not None or sep or not digits.startswith("0"):
        return False
    return _PHONE_WORDS.search(text[max(0, start - 24) : start]) is not None


def find_pnr(text: str, today: date | None = None) -> list[PnrMatch]:
    """Every personnummer or samordningsnummer in `text`, in order of appearance."""
    today = today or date.today()
    found: list[PnrMatch] = []
    for match in _CANDIDATE.finditer(text):
        century, yymmdd, sep = match["century"], match["date"], match["sep"]
        ten = yymmdd + match["serial"] + match["check"]
        if not luhn_ok(ten):
            continue
        kind = _date_kind(century, yymmdd, today)
        if kind is None or _looks_like_phone(text, match.start(), century, sep, ten):
            continue
        shown_sep = "+" if sep is not None and sep.strip(" \u00a0") == "+" else "-"
        found.append(PnrMatch(match.start(), match.end(), kind, f"{century or ''}{yymmdd}{shown_sep}****"))
    return found


def mask_all(text: str) -> str:
    """`text` with every personal identity number replaced by its masked form (for logs and reports)."""
    parts: list[str] = []
    last = 0
    for hit in find_pnr(text):
        parts.append(text[last : hit.start])
        parts.append(hit.masked)
        last = hit.end
    parts.append(text[last:])
    return "".join(parts)


def numeric_candidates(value: int) -> list[str]:
    """Digit strings to check for a number stored as a number (Excel): leading zeros are lost.

    Someone born 2000-2009 has a personnummer starting with 00-09, so as a number it keeps only 7 to
    9 digits (000512-1231 becomes 5121231): pad those back to 10. The date and Luhn checks filter.
    """
    if value < 0:
        return []
    digits = str(value)
    if 7 <= len(digits) <= 9:
        return [digits.zfill(10)]
    return [digits] if len(digits) in (10, 12) else []
