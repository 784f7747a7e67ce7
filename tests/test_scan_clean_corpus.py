"""What an order legitimately contains must not trip the guard: a clean corpus and its false-alarm count.

Organisation numbers, phone numbers, case numbers (dnr), dates, ISBN, IBAN, invoice and OCR numbers and
timestamps, in text and in file names. Timestamps YYYYMMDDhhmm are quiet where the context shows a
time; a bare one that happens to pass the Luhn check can still trip the guard, and the user clears it.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from beställning.formats import luhn_ok
from beställning.send.pnr import find_pnr
from beställning.send.scan import scan_path
from tests.pnr_numbers import make_numbers

TODAY = date(2026, 11, 22)


def org_numbers(rng: random.Random, count: int) -> list[str]:
    out = []
    while len(out) < count:
        nine = f"{rng.choice([2, 5, 7, 8, 9])}{rng.randrange(10)}{rng.randrange(2, 10)}{rng.randrange(10**6):06d}"
        check = next(str(c) for c in range(10) if luhn_ok(nine + str(c)))
        out.append(f"{nine[:6]}-{nine[6:]}{check}")
    return out


def isbn13(rng: random.Random) -> str:
    body = f"978{rng.randrange(10**9):09d}"
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
    return f"{body[:3]}-{body[3:5]}-{body[5:9]}-{body[9:]}-{(10 - total % 10) % 10}"


def corpus(seed: int = 5, lines: int = 2000) -> list[str]:
    rng = random.Random(seed)
    out = []
    orgs = org_numbers(rng, lines)
    start = datetime(2015, 1, 1)
    for i in range(lines):
        moment = start + timedelta(minutes=rng.randrange(6_000_000))
        out += [
            f"Organisationsnummer {orgs[i]}, org.nr {orgs[i].replace('-', '')}",
            f"Tel 08-{rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}, "
            f"mobil 07{rng.randrange(10)}-{rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
            f"Dnr {rng.randrange(2015, 2027)}-{rng.randrange(10**5):05d}-{rng.randrange(1, 99):02d}, "
            f"FK {rng.randrange(2015, 2027)}/{rng.randrange(10**6):06d}",
            f"Datum {moment:%Y-%m-%d}, {moment:%d.%m.%Y}, {moment:%Y%m%d}, kl. {moment:%H:%M}",
            f"ISBN {isbn13(rng)}",
            f"IBAN SE{rng.randrange(10, 99)} {rng.randrange(10**4):04d} {rng.randrange(10**4):04d} "
            f"{rng.randrange(10**4):04d} {rng.randrange(10**4):04d} {rng.randrange(10**4):04d}",
            f"Faktura {rng.randrange(10**5, 10**6)}, OCR {rng.randrange(10**15, 10**16)}",
            f"Tidsstämpel {moment:%Y%m%d%H%M}; skapad: {moment:%Y%m%d%H%M}; export_{moment:%Y%m%d%H%M}.csv",
            f"Logg {moment:%Y-%m-%dT%H:%M:%S} {moment:%Y%m%d%H%M}Z",
        ]
    return out


def test_clean_corpus_false_alarm_count(capsys: pytest.CaptureFixture[str]) -> None:
    lines = corpus()
    alarms = [line for line in lines if find_pnr(line, TODAY)]
    with capsys.disabled():
        print(f"\nren korpus: {len(lines)} rader, {len(alarms)} falsklarm")
    assert alarms == []


def test_bare_timestamps_false_alarm_rate_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    """Bare YYYYMMDDhhmm with no word around: about one in ten passes Luhn; those the user clears."""
    rng = random.Random(9)
    stamps = [f"{datetime(2015, 1, 1) + timedelta(minutes=rng.randrange(6_000_000)):%Y%m%d%H%M}" for _ in range(2000)]
    alarms = sum(1 for stamp in stamps if find_pnr(f"värde {stamp} ", TODAY))
    quiet = sum(1 for stamp in stamps if find_pnr(f"tid {stamp} ", TODAY))
    with capsys.disabled():
        print(f"\nnakna tidsstämplar: {alarms}/{len(stamps)} larm utan sammanhang, {quiet} med ”tid”")
    assert quiet == 0
    assert alarms < len(stamps) * 0.15


def test_timestamp_file_name_is_quiet_but_a_real_number_is_not(tmp_path: Path) -> None:
    stamp = next(
        f"2024{m:02d}{d:02d}1230" for m in range(1, 13) for d in range(1, 29) if luhn_ok(f"24{m:02d}{d:02d}1230")
    )
    quiet = tmp_path / f"export_{stamp}.csv"
    quiet.write_text("a;b\n", encoding="utf-8")
    assert scan_path(quiet).clean
    loud = tmp_path / f"pnr_{stamp}.csv"
    loud.write_text(f"nummer {stamp}\n", encoding="utf-8")
    assert len(scan_path(loud).findings) == 2  # file name and content: no time word, so it counts


@pytest.mark.parametrize("word", ["tid", "kl", "export_", "skapad:", "Timestamp="])
def test_real_numbers_ending_in_no_valid_time_are_found_after_time_words(word: str) -> None:
    for ten in make_numbers(300, seed=31):
        hh, mm = int(ten[6:8]), int(ten[8:])
        twelve = ("19" if ten[:2] > "26" else "20") + ten
        hits = find_pnr(f"{word}{twelve}", TODAY)
        if hh > 23 or mm > 59:
            assert hits, twelve
        else:
            assert not hits


@pytest.mark.parametrize(
    "text",
    [
        "8112 18 9876",
        "811218  9876",
        "811218.9876",
        "811218/9876",
        "19811218.9876",
        "19811218 / 9876",
        "198112 18 9876",
    ],
)
def test_new_separators(text: str) -> None:
    assert find_pnr(text, TODAY), text


@pytest.mark.parametrize(
    "text", ["2024 01 15 1234", "15.01.2024", "1.811218.9876", "2024/811218/9876", "811218.9876.5"]
)
def test_new_separators_stay_quiet_on_look_alikes(text: str) -> None:
    assert find_pnr(text, TODAY) == []


def test_ten_digits_after_a_time_word_are_never_taken_for_a_timestamp() -> None:
    numbers = [n for n in make_numbers(400, seed=33) if int(n[6:8]) < 24 and int(n[8:]) < 60]
    assert numbers
    for ten in numbers:
        assert find_pnr(f"tid {ten}", TODAY), ten
