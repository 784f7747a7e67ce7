"""The sieve in front of the personnummer regex: it may skip text only where no match can be.

Every text the recogniser's own tests use, and many random ones built from the forms people write
(separators, 4-2-4, samordningsnummer, org numbers, dates, non-Latin-1 characters), must give the
same matches with the sieve as the regex gives over the whole text.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

import tests.test_pnr_detect as detect
import tests.test_pnr_separators as separators
from beställning.send import pnr, pnr_sieve
from beställning.send.pnr_sieve import candidate_windows
from tests.pnr_numbers import make_numbers

TODAY = date(2026, 11, 22)


def _texts_of(module: object) -> list[str]:
    """The `text` argument of every parametrized test in a test module."""
    texts = []
    for name in dir(module):
        for mark in getattr(getattr(module, name), "pytestmark", []):
            names = mark.args[0] if mark.name == "parametrize" else ()
            names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
            if "text" not in names:
                continue
            index = names.index("text")
            for row in mark.args[1]:
                values = row.values if hasattr(row, "values") else row
                values = values if isinstance(values, tuple) else (values,)
                texts.append(values[index])
    return texts


KNOWN = _texts_of(detect) + _texts_of(separators)


def _full_scan(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pnr._CANDIDATE.finditer(text)]


def _sieved(text: str) -> list[tuple[int, int]]:
    return [
        match.span() for start, end in candidate_windows(text) for match in pnr._CANDIDATE.finditer(text, start, end)
    ]


def test_the_recogniser_tests_give_texts_to_check() -> None:
    assert len(KNOWN) > 40


@pytest.mark.parametrize("text", KNOWN)
def test_every_known_case_is_found_the_same_through_the_sieve(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    filler = "Beställning av individdata, förmån sjukpenning 2024-01-15 belopp 12 345 kr. " * 5
    for variant in (text, filler + text, text + filler, filler + text + "\n" + filler):
        assert _sieved(variant) == _full_scan(variant)
        monkeypatch.setattr(pnr, "SIEVE_FROM", 0)
        with_sieve = pnr.find_pnr(variant, TODAY)
        monkeypatch.setattr(pnr, "SIEVE_FROM", 10**9)
        assert with_sieve == pnr.find_pnr(variant, TODAY)


@pytest.mark.parametrize("slice_bytes", [1 << 18, 64, 7])
def test_random_texts_match_the_same_with_and_without_the_sieve(
    slice_bytes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pnr_sieve, "_SLICE", slice_bytes)  # small slices: numbers across slice edges
    rng = random.Random(7)
    numbers = make_numbers(40, seed=5) + make_numbers(10, seed=6, coordination=True)
    pieces = [
        "-", " - ", "\u2013", "\u2014", "+", ".", " / ", "/", "  ", " ", "\u00a0", " \u00a0", "", "x", ";", ",",
        "\n", "2019-03-15", "202100-5521", "tel 0", "12", "0", "1", "ö", "€", "?", "📄", "kl ", "Z",
    ]  # fmt: skip
    matches = 0
    for _ in range(1500):
        parts = []
        for _ in range(rng.randrange(5, 120)):
            roll = rng.random()
            if roll < 0.2:
                number = rng.choice(numbers)
                number = rng.choice(["19", "20", ""]) + number
                cut = rng.choice([6, len(number) - 4, 4])
                parts.append(number[:cut] + rng.choice(pieces) + number[cut:])
            elif roll < 0.5:
                parts.append(str(rng.randrange(10 ** rng.randrange(1, 13))))
            else:
                parts.append(rng.choice(pieces))
        text = "".join(parts)
        expected = _full_scan(text)
        assert _sieved(text) == expected, text
        matches += len(expected)
    assert matches > 500  # the texts really hold numbers in all their forms


def test_offsets_stay_right_after_characters_outside_latin_1() -> None:
    text = "📄 “rapport” – €100 " * 30 + "pnr 811218\u20139876 och 8112 18 9876."
    hits = pnr.find_pnr(text, TODAY)
    assert [text[hit.start : hit.end] for hit in hits] == ["811218\u20139876", "8112 18 9876"]


def test_text_without_a_month_after_two_digits_has_no_window() -> None:
    text = "202100-5521;556036-0793;2019-03-15;12345;" * 100
    assert candidate_windows(text) == []
