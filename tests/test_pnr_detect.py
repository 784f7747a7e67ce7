"""Personnummer and samordningsnummer recognition: what must trip the guard and what must not."""

from __future__ import annotations

from datetime import date

import pytest

from beställning.formats import luhn_ok
from beställning.send.pnr import find_pnr, mask_all, numeric_candidates

TODAY = date(2026, 11, 22)


def with_check(nine: str) -> str:
    """Complete nine digits YYMMDDNNN with the Luhn check digit (synthetic test numbers)."""
    return next(nine + str(c) for c in range(10) if luhn_ok(nine + str(c)))


PNR = "19811218-9876"  # the example in the issue; Luhn-valid
SAMORDNING = with_check("811278987")  # day 78 = 18 + 60


def masked(text: str) -> list[str]:
    return [hit.masked for hit in find_pnr(text, TODAY)]


def test_luhn() -> None:
    assert luhn_ok("8112189876")
    assert not luhn_ok("8112189875")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19811218-9876", "19811218-****"),
        ("198112189876", "19811218-****"),
        ("19811218 9876", "19811218-****"),
        ("19811218+9876", "19811218+****"),
        ("811218-9876", "811218-****"),
        ("8112189876", "811218-****"),
        ("811218 9876", "811218-****"),
        ("811218+9876", "811218+****"),
        ("pnr:811218-9876;", "811218-****"),
        ("\t8112189876\n", "811218-****"),
    ],
)
def test_every_way_of_writing_a_personnummer_is_found(text: str, expected: str) -> None:
    assert masked(text) == [expected]


def test_samordningsnummer_day_plus_60() -> None:
    hits = find_pnr(f"id {SAMORDNING[:6]}-{SAMORDNING[6:]}", TODAY)
    assert [(h.kind, h.masked) for h in hits] == [("samordningsnummer", f"{SAMORDNING[:6]}-****")]
    assert find_pnr(f"19{SAMORDNING}", TODAY)[0].kind == "samordningsnummer"


def test_personnummer_kind() -> None:
    assert find_pnr(PNR, TODAY)[0].kind == "personnummer"


@pytest.mark.parametrize(
    "text",
    [
        "8112189875",  # wrong check digit
        "19811218-9875",
        "811318-9876",  # month 13
        with_check("811232987"),  # day 32
        with_check("810230987"),  # 30 February
        with_check("811292987"),  # day 92 (coordination numbers stop at 91)
        "202100-5521",  # organisation number: month digit >= 2
        "16202100-5521",  # organisation number with the 16 prefix
        "556036-0793",  # an aktiebolag-style organisation number
        "2024-01234-01",  # Etikprövningsmyndigheten-style case number
        "Dnr 2023-04567-01 och FK 2024/123456",
        "2024-01-15",  # dates
        "15.01.2024",
        "20240115",
        "19811218",
        "070-123 45 67",  # phone numbers
        "08-123 456 78",
        "+46 70 123 45 67",
        "+46701234567",
        "0046701234567",
        f"tel. {with_check('070123456')}",
        f"Mobil: {with_check('070123456')}",
        "Sida 12 av 200; 3.8112189876 kr",  # a decimal point joins it to a longer number
        "OCR 12345678901234567890",
        f"ref 12-{PNR[2:]}",  # part of a longer reference number
        f"{PNR[2:]}-01",
        f"29{PNR[2:].replace('-', '')}",  # 12 digits with an impossible century
        f"20{with_check('991218987')}",  # 2099: in the future
    ],
)
def test_things_that_are_not_personnummer(text: str) -> None:
    assert masked(text) == []


def test_several_hits_in_order() -> None:
    text = f"a {PNR} b {SAMORDNING} c 202100-5521"
    assert masked(text) == ["19811218-****", f"{SAMORDNING[:6]}-****"]


def test_leap_day_accepted_only_in_leap_years() -> None:
    assert masked(with_check("000229987")) != []  # 2000-02-29 exists
    assert masked("19" + with_check("010229987")) == []  # 1901 was no leap year


def test_mask_all_never_leaves_the_number() -> None:
    text = f"Personen {PNR} och {SAMORDNING}."
    out = mask_all(text)
    assert "9876" not in out
    assert SAMORDNING not in out
    assert out.startswith("Personen 19811218-****")


def test_numeric_candidates_restore_a_lost_leading_zero() -> None:
    assert numeric_candidates(501011234) == ["0501011234"]
    assert numeric_candidates(8112189876) == ["8112189876"]
    assert numeric_candidates(198112189876) == ["198112189876"]
    assert numeric_candidates(12345) == []
