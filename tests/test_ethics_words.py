"""Finding Swedish words in extracted text (beställning/ethics/words.py and the terms it serves)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beställning.ethics import terms
from beställning.ethics.periods import date_pattern, periods
from beställning.ethics.words import SearchText, Term, compile_term

ROOT = Path(__file__).resolve().parent.parent


def found(term: Term, *pages: str) -> list[str]:
    text = SearchText(list(pages))
    return [text.text[hit.start : hit.end] for hit in term.find(text)]


FP = terms.BENEFIT_TERMS["foraldrapenning"]


def any_found(search: tuple[Term, ...], text: str) -> bool:
    return any(found(term, text) for term in search)


@pytest.mark.parametrize(
    "text",
    [
        "Uppgifter om föräldrapenning.",
        "Uppgifter om föräldrapenningen.",
        "Föräldrapenningens längd.",
        "antal föräldrapenningdagar",
        "FÖRÄLDRAPENNING",
        "foraldrapenning utan prickar",
        "fo\u0308ra\u0308ldrapenning med kombinerande tecken",
        "Uppgifter om föräldra-\npenning per månad",
        "Uppgifter om föräldra\u00ad\npenning (mjukt bindestreck)",
        "Uppgifter om föräl\u00addrapenning (mjukt bindestreck mitt i raden)",
    ],
)
def test_parental_benefit_in_its_word_forms(text: str) -> None:
    assert any_found(FP, text)


@pytest.mark.parametrize(
    "text",
    [
        "Uppgifter om tillfällig föräldrapenning.",
        "Den tillfälliga föräldrapenningen vid vab.",
        "Uppgifter om FP och TFP.",
        "Föräldraförsäkringen i stort.",
        "föräldrapension",
    ],
)
def test_parental_benefit_not_found_in_other_words(text: str) -> None:
    assert not any_found(FP, text)


@pytest.mark.parametrize(
    ("text", "found_"),
    [
        ("Uppgifterna hämtas vid två tillfällen: 2025 och 2027.", True),
        ("Vi begär årliga uttag under fem år.", True),
        ("Data levereras vid upprepade tillfällen.", True),
        ("Uppgifterna uppdateras årligen.", True),
        ("Nya dataleveranser begärs 2026.", True),
        ("Uppgifterna begärs ut mer än en gång.", True),
        ("Uppgifterna lämnas ut en gång.", False),
        ("Vi har två hypoteser om leveranstiderna.", False),
    ],
)
def test_repeated_deliveries(text: str, found_: bool) -> None:
    assert any_found(terms.REPEATED, text) is found_


def test_compound_to_the_left_is_another_word() -> None:
    assert found(Term("sjukpenning*"), "arbetsskadesjukpenning och sjukpenningen") == ["sjukpenningen"]


def test_suspended_compound_keeps_its_hyphen_in_the_quote() -> None:
    text = SearchText(["Vi begär sjuk-\noch rehabiliteringspenning.", "Vi begär föräldra-\npenning."])
    hits = list(Term("sjuk- och rehabiliteringspenning*").find(text))
    assert len(hits) == 1
    assert text.quote(hits[0]) == "Vi begär sjuk- och rehabiliteringspenning."
    (fp,) = Term("föräldrapenning*").find(text)
    assert text.page_of(fp.start) == 2
    assert text.quote(fp) == "Vi begär föräldrapenning."


def test_hit_offsets_map_back_through_several_joins() -> None:
    page = "Ett för-\nsta ord, ett and-\nra ord och föräl-\ndra-\npenning här."
    text = SearchText([page])
    (hit,) = Term("föräldrapenning*").find(text)
    assert text.text[hit.start : hit.end] == "föräl-\ndra-\npenning"


def test_quote_is_one_sentence_and_marks_cuts() -> None:
    long = "ord " * 60
    text = SearchText([f"Första meningen. Här nämns Försäkringskassan som källa. {long}"])
    (hit,) = Term("försäkringskassan*").find(text)
    assert text.quote(hit) == "Här nämns Försäkringskassan som källa."
    text = SearchText([f"{long}Försäkringskassan {long}"])
    (hit,) = Term("försäkringskassan*").find(text)
    quote = text.quote(hit)
    assert quote.startswith("…") and quote.endswith("…") and len(quote) < 200


def test_quote_stops_at_the_page_end() -> None:
    text = SearchText(["Slutet av sidan nämner Försäkringskassan", "Nästa sida börjar här."])
    (hit,) = Term("försäkringskassan*").find(text)
    assert text.quote(hit) == "Slutet av sidan nämner Försäkringskassan"


def test_acronym_must_be_capitals() -> None:
    assert found(Term("LISA", uppercase=True), "Lisa Andersson leder projektet.") == []
    assert found(Term("LISA", uppercase=True), "samkörs med LISA.") == ["LISA"]


def test_term_syntax() -> None:
    pattern = compile_term("flera ~ leverans*")
    assert pattern.search("flera separata leveranser")
    assert pattern.search("flera leveranser")
    assert pattern.search("flera separata stora leveranser") is None  # more than one word apart
    with pytest.raises(ValueError):
        compile_term("  ")


def test_every_catalog_benefit_has_terms_that_find_its_name() -> None:
    data = json.loads((ROOT / "resources/catalog/benefits.json").read_text(encoding="utf-8"))
    for benefit in data["benefits"]:
        search = terms.benefit_terms(benefit["id"], benefit["name"])
        assert benefit["id"] in terms.BENEFIT_TERMS, benefit["id"]
        assert any_found(search, f"Vi begär uppgifter om {benefit['name'].lower()} från FK."), benefit["name"]


def test_a_benefit_unknown_to_the_table_uses_its_name() -> None:
    search = terms.benefit_terms("ny_forman", "Särskild ersättning")
    assert any_found(search, "den särskilda ersättningen") is False  # the adjective changes form
    assert any_found(search, "Särskild ersättningen per månad")


@pytest.mark.parametrize(
    "written",
    [
        "2024-03-15",
        "2024.03.15",
        "20240315",
        "15 mars 2024",
        "den 15:e mars 2024",
        "15 mar. 2024",
        "15/3 2024",
        "15.3.2024",
        "15-03-2024",
    ],
)
def test_decision_date_forms(written: str) -> None:
    from datetime import date

    assert date_pattern(date(2024, 3, 15)).search(SearchText([f"Beslutsdatum {written}."]).folded)


@pytest.mark.parametrize("written", ["2024-03-16", "5 mars 2024", "15 maj 2024", "2024-03-150", "115 mars 2024"])
def test_other_dates_are_not_the_decision_date(written: str) -> None:
    from datetime import date

    assert not date_pattern(date(2024, 3, 15)).search(SearchText([f"Beslutsdatum {written}."]).folded)


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("för åren 2015–2025", (2015, 1), (2025, 12)),
        ("mellan 2015 och 2025", (2015, 1), (2025, 12)),
        ("januari 2018 – december 2024", (2018, 1), (2024, 12)),
        ("1 juli 2018 till 30 juni 2024", (2018, 7), (2024, 6)),
        ("2010-01-01 -- 2020-12-31", (2010, 1), (2020, 12)),
        ("2018-01 t.o.m. 2024-06", (2018, 1), (2024, 6)),
        ("uppgifter fr.o.m. 2010", (2010, 1), None),
        ("från 2012 och framåt", (2012, 1), None),
        ("till och med 2022", None, (2022, 12)),
    ],
)
def test_periods_as_written(written: str, start: tuple[int, int] | None, end: tuple[int, int] | None) -> None:
    (period,) = periods(SearchText([f"Studien omfattar data {written}."]))
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "written",
    [
        "Personer födda 1975–1995 ingår.",
        "Projektet pågår 2024–2028.",
        "Dnr 2025-01234-01",
        "2018 och 2020 var år",
        "sidorna 12-18",
    ],
)
def test_not_periods_of_data(written: str) -> None:
    assert periods(SearchText([written])) == []
