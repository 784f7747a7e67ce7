"""Search: case, å/ä/ö, several words, filters, and narrowing as one types."""

from __future__ import annotations

import pytest

from beställning.catalog import load_catalog
from beställning.catalog.folding import fold
from beställning.catalog.search import SearchIndex


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(load_catalog())


def test_fold() -> None:
    assert fold("Föräldrapenning ÅÄÖ  é") == "foraldrapenning aao e"


def test_forald_finds_foraldrapenning(index: SearchIndex) -> None:
    result = index.search("forald")
    assert "foraldrapenning" in result.benefit_matches
    assert "tillfallig_foraldrapenning" in result.benefit_ids
    assert any(v.benefit_id == "foraldrapenning" for v in result.variables)
    assert index.search("FÖRÄLD").variables == result.variables


def test_searches_descriptions_and_value_sets(index: SearchIndex) -> None:
    assert any(v.id == "sjuk_rehab:diagnos" for v in index.search("doa").variables)
    hits = index.search("garantiersattning").variables
    assert [v.id for v in hits] == ["sa_ersattning:beloppstyp"]


def test_all_words_must_match_and_names_rank_first(index: SearchIndex) -> None:
    result = index.search("diagnos icd")
    assert result.variables
    assert all("diagnos" in v.name.lower() or "diagnos" in v.description.lower() for v in result.variables)
    assert fold(result.variables[0].name).startswith("diagnos")


def test_filters(index: SearchIndex) -> None:
    midas = index.search("", register="MiDAS")
    assert set(midas.benefit_ids) == {"sjuk_rehab", "sa_ersattning", "foraldrapenning"}
    assert {v.benefit_id for v in midas.variables} == set(midas.benefit_ids)
    family = index.search("belopp", areas=["Barn och familj"], register="Utanför MiDAS")
    assert family.variables
    assert {load_catalog().benefit(b).area for b in family.benefit_ids} == {"Barn och familj"}


def test_narrowing_gives_the_same_as_a_fresh_search(index: SearchIndex) -> None:
    typed = None
    for end in range(1, len("ersättningsperiod") + 1):
        typed = index.search("ersättningsperiod"[:end])
    fresh = SearchIndex(load_catalog()).search("ersättningsperiod")
    assert typed is not None and typed.variables == fresh.variables
    # deleting a letter (not a narrowing) must widen again
    assert len(index.search("ersättningsperio").variables) >= len(fresh.variables)
    assert index.search("zzzz").variables == ()
    assert len(index.search("").variables) == len(index)
