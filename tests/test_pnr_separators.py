"""The personnummer recogniser on CSV neighbours, separators and Excel numbers that lost their zeros."""

from __future__ import annotations

from datetime import date

import pytest

from beställning.send import pnr
from beställning.send.pnr import find_pnr, numeric_candidates

TODAY = date(2026, 11, 22)


def masked(text: str) -> list[str]:
    return [hit.masked for hit in find_pnr(text, TODAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lopnr,personnummer\n1,198112189876\n", ["19811218-****"]),
        ("personnummer,lopnr\n198112189876,1\n", ["19811218-****"]),
        ("19811218-9876,1", ["19811218-****"]),
        ("811218-9876,2", ["811218-****"]),
        ("1,811218-9876", ["811218-****"]),
        ('"1","198112189876"', ["19811218-****"]),
        ("pnr:8112189876", ["811218-****"]),
        ("12:8112189876", ["811218-****"]),
    ],
)
def test_commas_and_colons_do_not_hide_a_number(text: str, expected: list[str]) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("811218 - 9876", "811218-****"),
        ("811218\u20139876", "811218-****"),  # en dash
        ("811218\u20149876", "811218-****"),  # em dash
        ("811218\u00a09876", "811218-****"),  # no-break space
        ("19811218- 9876", "19811218-****"),
        ("19811218 -9876", "19811218-****"),
        ("811218 + 9876", "811218+****"),  # '+' still means 100 years or older
        ("811218\u00a0+\u00a09876", "811218+****"),
    ],
)
def test_more_separators(text: str, expected: str) -> None:
    assert masked(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "2024-01234-01",
        "202100-5521",
        "202100 - 5521",
        "2024-01-15",
        "070-123 45 67",
        "08-123 456 78",
        "1,2,3,4,5,6,7,8,9,10",
        "811218,9876",  # a comma is no separator inside a number
    ],
)
def test_still_quiet(text: str) -> None:
    assert masked(text) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5121231, ["0005121231"]),  # 000512-1231, born 2000
        (10121234, ["0010121234"]),  # 001012-1234
        (501011233, ["0501011233"]),
        (1234567, ["0001234567"]),
        (123456, []),
        (-8112189876, []),
    ],
)
def test_numeric_candidates_restore_every_lost_leading_zero(value: int, expected: list[str]) -> None:
    assert numeric_candidates(value) == expected


def test_padded_numbers_are_found() -> None:
    assert masked(numeric_candidates(5121231)[0]) == ["000512-****"]
    assert masked(numeric_candidates(10121234)[0]) == ["001012-****"]


def test_one_luhn_in_the_code_base() -> None:
    from beställning.formats import luhn_ok

    assert pnr.find_pnr.__globals__["luhn_ok"] is luhn_ok


@pytest.mark.parametrize(
    "separator",
    ["\u2011", "\u2010", "\u2212", "\uff0d", "\u202f", "\u2009", " \u2212 "],
    ids=[
        "non-breaking hyphen",
        "hyphen",
        "minus",
        "full-width hyphen",
        "narrow no-break space",
        "thin space",
        "minus with spaces",
    ],
)
def test_dashes_and_spaces_from_word_processors(separator: str) -> None:
    assert masked(f"Person 811218{separator}9876 deltar") == ["811218-****"]


@pytest.mark.parametrize("unseen", ["\u00ad", "\u200b", "\u2060", "\ufeff"], ids=["soft hyphen", "zwsp", "wj", "bom"])
@pytest.mark.parametrize("at", [4, 6, 8])
def test_an_unseen_character_inside_the_number_does_not_hide_it(unseen: str, at: int) -> None:
    from beställning.send.scan.text import scan_text

    number = "811218-9876" if at != 6 else "8112189876"
    text = f"Person {number[:at]}{unseen}{number[at:]} deltar"
    assert [f.masked for f in scan_text(text, "brev.txt")] == ["811218-****"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pnr 811218-9876640823-3234 slut", ["811218-****", "640823-****"]),  # a tracked change saved flat
        ("Pnr 811218-98761 (fotnot)", ["811218-****"]),  # a footnote mark right after the number
        ("Pnr 811218-12349876 slut", ["811218-****"]),  # the last four changed, old and new saved flat
        ("Ref 19811218-98761", ["811218-****"]),
        ("2024-811218-9876", []),  # a reference joined by '-' stays quiet
        ("811218-9876-01", []),
        ("ref 12345678-1234", []),
    ],
)
def test_dashed_number_glued_to_other_digits(text: str, expected: list[str]) -> None:
    assert masked(text) == expected
