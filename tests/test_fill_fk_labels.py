"""Label matching for FK's form: normalised text, synonyms, names of controls and bookmarks."""

from __future__ import annotations

import pytest

from beställning.document.labels import (
    RANK_CONTAINS,
    RANK_ID,
    RANK_LABEL,
    RANK_LOOSE,
    RANK_SYNONYM,
    LabelIndex,
    normalise,
    section_of_heading,
)
from beställning.form import load_form


@pytest.fixture
def index() -> LabelIndex:
    return LabelIndex.for_route(load_form(), "forskning")


def ids(candidates: list) -> dict[str, int]:  # type: ignore[type-arg]
    return {c.field.id: c.rank for c in candidates}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("E-post:", "epost"),
        ("  E-POST *", "E post"),
        ("3. Organisationsnummer", "organisationsnummer"),
        ("Beställare", "BESTALLARE"),
        ("Önskat leveransdatum", "onskat leveransdatum"),
        ("Org.nr", "Org nr"),
    ],
)
def test_normalise_ignores_case_punctuation_numbering_and_diacritics(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


def test_email_synonyms_all_find_the_email_field(index: LabelIndex) -> None:
    for label in ["E-post", "E-postadress:", "Mejladress *", "e-mail", "Epost"]:
        assert "bestallare.epost" in ids(index.match_label(label)), label
    assert ids(index.match_label("E-post")) == {"bestallare.epost": RANK_LABEL}
    assert ids(index.match_label("Mejladress"))["bestallare.epost"] == RANK_SYNONYM


def test_loose_and_contained_matches_rank_below_exact(index: LabelIndex) -> None:
    assert ids(index.match_label("Telefon (dagtid)")) == {"bestallare.telefon": RANK_LOOSE}
    assert ids(index.match_label("Hanteras känsliga personuppgifter?")) == {"etik.kansliga": RANK_CONTAINS}
    # The head noun comes first in Swedish: the phone number, not the contact person.
    assert ids(index.match_label("Telefonnummer till kontaktperson")) == {"bestallare.telefon": RANK_CONTAINS}
    # Running text is not a label.
    assert (
        index.match_label(
            "Fyll i blanketten och ange om projektet behandlar känsliga personuppgifter "
            "enligt dataskyddsförordningen artikel nio"
        )
        == []
    )


def test_names_of_controls_and_bookmarks(index: LabelIndex) -> None:
    assert ids(index.match_name("bestallare.epost")) == {"bestallare.epost": RANK_ID}
    assert ids(index.match_name("bestallare_epost"))["bestallare.epost"] == RANK_ID
    assert ids(index.match_name("Epost")) == {"bestallare.epost": RANK_LABEL}
    assert index.match_name("Text1") == []
    assert index.match_name("ja") == []


def test_combined_labels_name_both_fields(index: LabelIndex) -> None:
    assert [f.id for f in index.companions("Ort och datum")] == ["underskrift.ort", "underskrift.datum"]
    assert index.companions("Organisation") == []


def test_section_headings(index: LabelIndex) -> None:
    assert section_of_heading("1. Uppgifter om beställaren") == "bestallare"
    assert section_of_heading("Faktureringsuppgifter") == "fakturering"
    assert section_of_heading("Underskrift") == "underskrift"
    assert section_of_heading("Allmänt") is None
