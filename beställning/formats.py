"""Format checks for the form's fields: email, Swedish organisation number, phone, dates, months."""

from __future__ import annotations

import calendar
import re
from datetime import date

# One address, nothing else: no display name, no list separators, quotes, brackets or control
# characters, so a value can never put a second address into a header (From, Reply-To).
_LOCAL_CHAR = r"[^\s@,;:<>()\[\]\\\"\x00-\x1f\x7f]"
_LABEL = r"[^\s@,;:<>()\[\]\\\".\x00-\x1f\x7f]+"
_EMAIL = re.compile(rf"{_LOCAL_CHAR}+@(?:{_LABEL}\.)+{_LABEL}")
_PHONE = re.compile(r"^\+?[\d\s\-()]{6,20}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE_SHAPE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTH_NAMES = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check used by Swedish organisation and personal identity numbers."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def is_email(value: str) -> bool:
    """Exactly one plain address (namn@example.se): never a list, a display name or header tricks."""
    value = value.strip()
    return bool(_EMAIL.fullmatch(value)) and len(value.rpartition(".")[2]) >= 2


def address_problem(value: str, what: str) -> str | None:
    """Why `value` cannot be used as the single address `what` (e.g. "avsändaren"), or None."""
    if not value.strip():
        return f"Ange en e-postadress för {what}."
    if is_email(value):
        return None
    if value.count("@") > 1 or any(sep in value for sep in ",;"):
        return f"Ange en enda e-postadress för {what}, inte flera ({value.strip()!r})."
    return f"Ange en giltig e-postadress för {what}, t.ex. namn@universitet.se (inte {value.strip()!r})."


def normalize_orgnr(value: str) -> str | None:
    """'202100-5521' or '2021005521' (or with the 16 prefix) -> '202100-5521'; None if malformed."""
    digits = re.sub(r"[\s\-]", "", value)
    if len(digits) == 12 and digits.startswith("16"):
        digits = digits[2:]
    if not re.fullmatch(r"\d{10}", digits):
        return None
    return f"{digits[:6]}-{digits[6:]}"


def orgnr_problem(value: str) -> str | None:
    """Why `value` is not a Swedish organisation number, or None when it is one."""
    normalized = normalize_orgnr(value)
    if normalized is None:
        return "Organisationsnumret ska ha tio siffror, t.ex. 202100-5521."
    digits = normalized.replace("-", "")
    if not luhn_ok(digits):
        return "Kontrollsiffran stämmer inte. Kontrollera organisationsnumret."
    if int(digits[2]) < 2:
        return "Numret ser ut som ett personnummer. Ange organisationens nummer (tredje siffran är minst 2)."
    return None


def is_phone(value: str) -> bool:
    return bool(_PHONE.match(value.strip())) and sum(c.isdigit() for c in value) >= 6


def parse_date(value: str) -> date | None:
    """An ISO date (YYYY-MM-DD), or None."""
    try:
        return (
            date.fromisoformat(value.strip()) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()) else None
        )
    except ValueError:
        return None


def date_problem(value: str, today: date) -> str | None:
    """Why `value` is not a date, in words a person can act on; None when it is one.

    A date in the wrong shape gets the shape with today's date as the example (an example in the
    past reads as a hint to use it); a date that has the shape but does not exist (2026-02-30) is told
    so, with the number of days in that month.
    """
    text = value.strip()
    example = today.isoformat()
    match = _DATE_SHAPE.match(text)
    if not match:
        return f"Ange datumet som ÅÅÅÅ-MM-DD, t.ex. {example}."
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"Datumet {text} finns inte: månaden skrivs 01–12. Ange datumet som ÅÅÅÅ-MM-DD, t.ex. {example}."
    if year < 1:
        return f"Datumet {text} finns inte. Ange datumet som ÅÅÅÅ-MM-DD, t.ex. {example}."
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"Datumet {text} finns inte: {MONTH_NAMES[month - 1]} {year} har {days} dagar."
    return None


def parse_month(value: str) -> tuple[int, int] | None:
    """A month 'YYYY-MM' as (year, month), or None."""
    match = _MONTH.match(value.strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    return (year, month) if 1 <= month <= 12 and 1900 <= year <= 2200 else None
