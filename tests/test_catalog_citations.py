"""What the catalogue shows of its provenance: readable source names, no compilers' notes
(issue 12, Must 6). The bracketed keys and line locators stay in resources/catalog/."""

from __future__ import annotations

import re

import pytest

from beställning.catalog import load_catalog
from beställning.catalog.citations import cited_references, public_note, readable_source, readable_text

SOURCES = {
    "S3": "ISF Rapport 2015:5, Bilaga 1 – Data, s. 49: http://example.org/isf",
    "M2": "FK vägledning 2018:3, kap. 4 Merkostnadsersättningens storlek",
    "A5": "FK, information till assistansanordnare",
    "A6": "FK, information för dig som anställer assistenter själv",
}


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("ISF Rapport 2015:5 s. 49 [S3]; rattsjukskrivning.se [S2]", "ISF Rapport 2015:5 s. 49; rattsjukskrivning.se"),
        (
            "[M2]; FK:s beställningssida [OP]",
            "FK vägledning 2018:3, kap. 4 Merkostnadsersättningens storlek; FK:s beställningssida",
        ),
        (
            "FK [A5], [A6]",
            "FK, information till assistansanordnare, FK, information för dig som anställer assistenter själv",
        ),
        ("FK årsredovisning 2024, Tabell 3 (L283)", "FK årsredovisning 2024, Tabell 3"),
        ("FK årsredovisning 2024, L2578, L2690, Tabell 57", "FK årsredovisning 2024, Tabell 57"),
        (
            "FK Kvalitetsdeklaration SF0105 [SF0105]; ÅR 2024 (L1042, L3034)",
            "FK Kvalitetsdeklaration SF0105; FK årsredovisning 2024",
        ),
        ("[S3]", "ISF Rapport 2015:5, Bilaga 1 – Data, s. 49"),
        ("", ""),
    ],
)
def test_sources_read_as_names(raw: str, shown: str) -> None:
    assert readable_source(raw, SOURCES) == shown


def test_notes_lose_their_keys_and_references_keep_the_full_citation() -> None:
    assert readable_text("slå ihop sjukfall med kort uppehåll [S3].") == "slå ihop sjukfall med kort uppehåll."
    assert cited_references(["a [S3]", "b [S3]; [M2] [XX]"], SOURCES) == [SOURCES["S3"], SOURCES["M2"]]


def test_compilers_cross_checks_are_not_shown_but_real_notes_are() -> None:
    assert public_note("Tabell 91 anger 50 862") == ""
    assert public_note("L2287 anger 11 300") == ""
    assert public_note("plus 171 mnkr statlig ålderspensionsavgift") == "plus 171 mnkr statlig ålderspensionsavgift"


def test_no_bundled_text_shows_a_key_or_a_line_locator() -> None:
    catalog = load_catalog()
    shown = []
    for benefit in catalog.benefits:
        shown += [readable_source(t, catalog.sources) for t in (benefit.source, benefit.lag.source)]
        shown += [readable_source(f.source, catalog.sources) + public_note(f.note) for f in benefit.key_figures]
        for variable in catalog.variables(benefit.id):
            shown += [readable_source(variable.source, catalog.sources), readable_text(variable.notes)]
    leftovers = [t for t in shown if re.search(r"\[[A-ZÅÄÖ0-9]+\]|\bL\d{2,}\b| anger \d", t)]
    assert leftovers == []
