"""Recognising Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).

Why our own code: the guard must accept every way people write them (10 or 12 digits; '-', '+', an
en or em dash, '.', '/', possibly with spaces around it, one to three spaces, a no-break space or
nothing before the last four; the 4-2-4 grouping '8112 18 9876'; inside CSV rows separated by commas,
semicolons or tabs) yet stay quiet on what an order legitimately contains: organisation numbers
(month digit ≥ 2, e.g. 202100-5521), phone numbers, dates and case numbers (diarienummer such as
2024-01234-01). A candidate must have a real calendar date (a samordningsnummer adds 60 to the day)
and a valid Luhn check digit.

A number written with a hyphen is found even with digits right before or after it (a tracked change
saved flat, a footnote mark): the hyphen and the date and Luhn checks are evidence enough.

One narrow exception against false alarms: twelve bare digits that read as a timestamp YYYYMMDDhhmm
directly after a word that names a time ('tid', 'kl', 'export_', 'skapad:' …)
or directly before a time zone ('Z', 'UTC') are taken as the timestamp they say they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from beställning.formats import luhn_ok
from beställning.send.pnr_sieve import SIEVE_FROM, candidate_windows

# Between the date and the last four: a dash, plus, dot or slash with optional spaces, or 1-3 spaces.
# Spaces: plain, no-break, narrow no-break (U+202F), figure and thin space. Dashes: hyphen, the
# non-breaking hyphen Word and Writer insert (U+2011), en and em dash, minus sign (U+2212) and the
# full-width forms.
SPACES = " \u00a0\u202f\u2007\u2009"
_SPACE = f"[{SPACES}]"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"
_MONTH = "(?:0[1-9]|1[0-2])"  # in the pattern, so organisation numbers (month digit >= 2) fail at once
_SEPARATOR = rf"(?:{_SPACE}{{0,2}}[-{_DASHES}+./]{_SPACE}{{0,2}}|{_SPACE}{{1,3}})"
# The regex starts with a digit class so the engine can skip quickly to digits (a leading
# lookbehind would make it try every position); "not glued to another digit or to 'digit-'" is
# asserted right after the first digit. Not one part of a longer digit group joined by '-', '/' or
# '.' like 2024-811218-9876 or 811218-9876-01 (reference numbers). A comma or colon next to the
# number does NOT shield it: that is how CSV rows and "pnr:" labels look, and the date and Luhn
# checks are the filter (a false alarm costs far less than a miss).
_CANDIDATE = re.compile(
    r"(?=[0-9])(?<![0-9])(?<![0-9][-/.])"
    rf"(?:(?P<century>[0-9]{{2}})(?=[0-9]{{2}}{_MONTH}))?"
    rf"(?P<date>[0-9]{{2}}{_MONTH}(?:[0-9]{{2}}|(?P<group>{_SPACE}{{1,2}})[0-9]{{2}}(?={_SPACE})))"
    rf"(?P<sep>{_SEPARATOR})?(?P<serial>[0-9]{{3}})(?P<check>[0-9])"
    r"(?![0-9])(?![-/.][0-9])"
)
# Words that, just before a bare 10-digit number starting with 0, mark it as a phone number.
_PHONE_WORDS = re.compile(r"(tel|telefon|mobil|mobilnr|phone|fax|växel|sms|\+46|0046)\W{0,6}$", re.IGNORECASE)
# Words that, just before a bare number that ends in a valid hhmm, mark it as a timestamp.
_TIME_BEFORE = re.compile(
    r"(?:\b|_)(tid|tidpunkt|tidsstämpel|klockan|klockslag|kl|time|timestamp|datetime|ts|skapad|skapat|created|"
    r"exporterad|exporterat|export|backup|säkerhetskopia|logg|log|dump|snapshot|ändrad|uppdaterad|updated|"
    r"modified|senast)[\W_]{0,3}$",
    re.IGNORECASE,
)
_MONTHS = frozenset(f"{m:02d}" for m in range(1, 13))
_DAYS = frozenset(f"{d:02d}" for d in (*range(1, 32), *range(61, 92)))
_TIME_AFTER = re.compile(r"(?:Z|[ \u00a0]?(?:UTC|GMT|CET|CEST))\b")


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


def _looks_like_timestamp(text: str, match: re.Match[str]) -> bool:
    """Twelve bare digits ending in a valid hhmm, with a time word right before or a time zone right after.

    Ten digits never count as a timestamp: YYMMDDhhmm is rare, and a real number must not be missed.
    """
    if match["sep"] or match["group"] or match["century"] is None:
        return False
    hh, mm = int(match["serial"][:2]), int(match["serial"][2] + match["check"])
    if hh > 23 or mm > 59:
        return False
    line_start = text.rfind("\n", max(0, match.start() - 40), match.start()) + 1
    before = text[max(line_start, match.start() - 40) : match.start()]
    return _TIME_BEFORE.search(before) is not None or _TIME_AFTER.match(text, match.end()) is not None


# A dashed number glued to other digits: a tracked change saved flat ('…-2613' + '420120-5822', or
# '420120-' + deleted '1234' + inserted '5822'), a footnote mark right after it ('…-58221'). Looked
# for at every position (the lookahead lets matches overlap), only with a hyphen, and never as part
# of a reference joined by '-', '/' or '.' (2024-811218-9876).
_GLUED = re.compile(r"(?<![-/.])(?=(?P<date>[0-9]{6})-(?P<last>[0-9]{4})(?![-/.][0-9]))")
# The last four changed and saved flat: the date, then the old four and the new four ('420120-12345822').
_CHANGED_LAST_FOUR = re.compile(r"(?<![-/.0-9])(?P<date>[0-9]{6})-[0-9]{4}(?P<last>[0-9]{4})(?![0-9])")


def _windows(text: str) -> list[tuple[int, int]]:
    """Where a number can be: the whole of a short text, the sieve's windows in a long one."""
    return [(0, len(text))] if len(text) < SIEVE_FROM else candidate_windows(text)


def _glued(text: str, windows: list[tuple[int, int]], found: list[PnrMatch], today: date) -> list[PnrMatch]:
    """Dashed numbers with digits right before or after them, where none was found already."""
    taken = [(hit.start, hit.end) for hit in found]
    glued: list[PnrMatch] = []
    for start, end in windows:
        matches = [*_GLUED.finditer(text, start, end), *_CHANGED_LAST_FOUR.finditer(text, start, end)]
        for match in matches:
            at, stop = match.start(), match.start() + 11
            before = text[at - 1] if at else ""
            after = text[stop] if stop < len(text) else ""
            if not (before.isdigit() or after.isdigit()) or any(a < stop and at < b for a, b in taken):
                continue
            yymmdd, ten = match["date"], match["date"] + match["last"]
            if yymmdd[2:4] not in _MONTHS or yymmdd[4:6] not in _DAYS or not luhn_ok(ten):
                continue
            kind = _date_kind(None, yymmdd, today)
            if kind is not None:
                glued.append(PnrMatch(at, stop, kind, f"{yymmdd}-****"))
                taken.append((at, stop))
    return glued


def _candidates(text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """What `_CANDIDATE.finditer(text)` yields, found faster in long texts by looking only where the sieve says."""
    for start, end in windows:
        yield from _CANDIDATE.finditer(text, start, end)


def find_pnr(text: str, today: date | None = None) -> list[PnrMatch]:
    """Every personnummer or samordningsnummer in `text`, in order of appearance."""
    today = today or date.today()
    found: list[PnrMatch] = []
    windows = _windows(text)
    for match in _candidates(text, windows):
        century, sep = match["century"], match["sep"]
        yymmdd = match["date"]
        if match["group"]:
            if not sep or sep.strip(SPACES):
                continue  # 4-2-4 is written with spaces only: '8112 18 9876'
            yymmdd = yymmdd[:4] + yymmdd[-2:]
        if yymmdd[2:4] not in _MONTHS or yymmdd[4:6] not in _DAYS:
            continue  # cheap first: most digit groups (org numbers, amounts) have no month or day here
        ten = yymmdd + match["serial"] + match["check"]
        if not luhn_ok(ten):
            continue
        kind = _date_kind(century, yymmdd, today)
        if kind is None or _looks_like_phone(text, match.start(), century, sep, ten):
            continue
        if _looks_like_timestamp(text, match):
            continue
        shown_sep = "+" if sep is not None and sep.strip(SPACES) == "+" else "-"
        found.append(PnrMatch(match.start(), match.end(), kind, f"{century or ''}{yymmdd}{shown_sep}****"))
    if "-" in text:
        found += _glued(text, windows, found, today)
        found.sort(key=lambda hit: hit.start)
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


def numeric_text_candidates(text: str) -> list[str]:
    """`numeric_candidates` for a number written in a spreadsheet's XML ('8112189876', '5.121231E6')."""
    try:
        value = float(text)
    except ValueError:
        return []
    if not value.is_integer() or not 0 < value < 1e13:
        return []
    return numeric_candidates(int(value))
