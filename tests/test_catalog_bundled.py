"""The bundled catalog: every benefit of domain.md §4 is there, honest and sourced."""

from __future__ import annotations

import json
import re

import pytest

from beställning import paths
from beställning.catalog import REGISTER_MIDAS, REGISTER_OTHER, Catalog, load_catalog
from beställning.catalog.model import CONFIDENCE_LABELS
from resources import resource

MIDAS = {"sjuk_rehab", "sa_ersattning", "foraldrapenning"}
WITH_LIST = {
    "tillfallig_foraldrapenning",
    "assistansersattning",
    "bilstod",
    "merkostnadsersattning",
    "omvardnadsbidrag",
    "lakarintyg",
    "arbetsskadeersattning",
    "tandvardsstod",
}
WITHOUT_LIST = {
    "barnbidrag",
    "bostadsbidrag",
    "graviditetspenning",
    "underhallsstod",
    "narstaendepenning",
    "smittbararpenning",
    "hoga_sjuklonekostnader",
    "bostadstillagg",
    "aktivitetsstod",
    "utvecklingsersattning",
    "etableringsersattning",
    "vard_utomlands",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_every_benefit_is_there_with_the_right_register(catalog: Catalog) -> None:
    ids = {b.id for b in catalog.benefits}
    assert ids == MIDAS | WITH_LIST | WITHOUT_LIST
    for benefit in catalog.benefits:
        assert benefit.register == (REGISTER_MIDAS if benefit.id in MIDAS else REGISTER_OTHER)
        assert benefit.has_list == (benefit.id not in WITHOUT_LIST)
        assert benefit.name and benefit.area and benefit.description and benefit.source


def test_lag_rules_follow_fk_for_midas_and_are_labelled_estimates_elsewhere(catalog: Catalog) -> None:
    assert catalog.benefit("sjuk_rehab").lag.months == 3
    assert catalog.benefit("foraldrapenning").lag.months == 3
    assert catalog.benefit("sa_ersattning").lag.months == 9
    for benefit in catalog.benefits:
        assert benefit.lag.estimate == (benefit.id not in MIDAS)
        assert benefit.lag.basis and benefit.lag.source
        if benefit.lag.estimate:
            assert "ppskattning" in benefit.lag.basis
    # ceil(handling days / 30) + 1 payment month, from the annual report
    assert catalog.benefit("underhallsstod").lag.months == 4  # 90 days
    assert catalog.benefit("omvardnadsbidrag").lag.months == 5  # 104 days
    assert catalog.benefit("vard_utomlands").lag.months == 11  # 295 days
    assert "utan underlag" in catalog.benefit("bilstod").lag.basis


def test_key_figures_carry_year_and_source(catalog: Catalog) -> None:
    figures = {f.label: f for f in catalog.benefit("sjuk_rehab").key_figures}
    recipients = figures["Mottagare av sjukpenning"]
    assert (recipients.value, recipients.year) == (631026, 2024)
    assert "årsredovisning 2024" in recipients.source
    assert recipients.display() == "631\u00a0026 personer"
    for benefit in catalog.benefits:
        for figure in benefit.key_figures:
            assert figure.year == 2024 and re.search(r"L\d+", figure.source), (benefit.id, figure.label)


def test_every_variable_is_a_sourced_concept(catalog: Catalog) -> None:
    ids = [v.id for v in catalog.all_variables()]
    assert len(ids) == len(set(ids))
    for variable in catalog.all_variables():
        assert variable.concept, variable.id
        assert variable.source.strip(), variable.id
        assert variable.confidence in CONFIDENCE_LABELS, variable.id
        assert variable.id.startswith(variable.benefit_id + ":")
        assert catalog.list_info(variable.benefit_id).display() == "Sammanställd från offentliga källor"


def test_benefits_without_list_offer_what_fk_usually_has(catalog: Catalog) -> None:
    for benefit_id in WITHOUT_LIST:
        names = {v.name for v in catalog.variables(benefit_id)}
        assert {"Ersättningsperiod", "Utbetalningsdatum", "Belopp"} <= names, benefit_id


def test_no_invented_column_names(catalog: Catalog) -> None:
    # Concept names are Swedish words, never CamelCase or snake_case identifiers like a column would be.
    for variable in catalog.all_variables():
        assert not re.search(r"[a-zåäö][A-ZÅÄÖ]|_", variable.name), variable.name


def test_documented_concepts_are_present(catalog: Catalog) -> None:
    omfattning = catalog.variable("sjuk_rehab:omfattning")
    assert omfattning.value_set == "25 / 50 / 75 / 100 %"
    assert "DOA" in catalog.variable("sjuk_rehab:diagnos").description
    assert "fem dagar" in catalog.variable("sjuk_rehab:sjukfall_slut").description


def test_unknown_benefit_is_keyerror(catalog: Catalog) -> None:
    with pytest.raises(KeyError):
        catalog.benefit("finns_inte")
    with pytest.raises(KeyError):
        catalog.variables("finns_inte")


def test_sources_are_resolvable(catalog: Catalog) -> None:
    data = json.loads(resource("catalog", "variables.json").read_text(encoding="utf-8"))
    keys = set(data["sources"])
    for variable in catalog.all_variables():
        for key in re.findall(r"\[([A-Za-zÅÄÖ0-9-]+)\]", variable.source):
            assert key in keys, (variable.id, key)


def test_damaged_state_file_falls_back_to_bundled() -> None:
    root = paths.data_dir() / "catalog"
    root.mkdir(parents=True)
    (root / "state.json").write_text("{not json", encoding="utf-8")
    assert load_catalog().list_info("sjuk_rehab").kind == "bundled"
    (root / "state.json").write_text(json.dumps({"sjuk_rehab": {"active": "missing", "history": ["missing"]}}))
    catalog = load_catalog()
    assert catalog.list_info("sjuk_rehab").kind == "bundled"
    assert len(catalog.variables("sjuk_rehab")) > 5
