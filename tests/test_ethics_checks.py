"""The ethics application and decision read against the order (beställning/ethics/checks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from beställning.ethics import EthicsReport, check_ethics
from beställning.order import Attachment, BenefitRequest, Order
from tests.ethics_documents import (
    APPLICATION,
    IDS,
    application_lines,
    complete_case,
    decision_lines,
    research_order,
    write_case,
    write_document,
)


def by_id(report: EthicsReport) -> dict[str, dict[str, object]]:
    return {entry["id"]: entry for entry in report.to_json()}


def case(tmp_path: Path, suffix: str = ".pdf", omit: tuple[str, ...] = ()) -> dict[str, dict[str, object]]:
    return by_id(check_ethics(complete_case(tmp_path, suffix, omit), tmp_path))


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".odt"])
def test_complete_application_every_requirement_quoted(tmp_path: Path, suffix: str) -> None:
    entries = case(tmp_path, suffix)
    assert list(entries) == IDS
    applies = [key for key in IDS if key != "supplements"]
    for key in applies:
        entry = entries[key]
        assert entry["found"] is True, (key, entry)
        assert entry["quote"] and entry["file"] and entry["advice"] is None, (key, entry)
    assert entries["supplements"]["found"] is None  # the decision mentions no supplement
    assert entries["fk_source"]["quote"] == (
        "Uppgifterna om ersättningar hämtas från Försäkringskassans register MiDAS."
    )
    assert entries["benefit:foraldrapenning"]["quote"] == (
        "Dessutom begärs antalet föräldrapenningdagar per månad och förälder."
    )
    assert entries["period"]["quote"] == "Studien omfattar uppgifter för åren 2015–2025."
    assert entries["linkage"]["file"] == f"bilagor/etikansokan{suffix}"
    assert entries["dnr"]["file"] == "bilagor/etikbeslut.pdf"
    if suffix in (".pdf", ".odt", ".docx"):
        assert entries["fk_source"]["page"] == 1
        assert entries["linkage"]["page"] == 2


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_forgotten_linkage_and_one_benefit_are_exactly_what_is_reported(tmp_path: Path, suffix: str) -> None:
    entries = case(tmp_path, suffix, omit=("linkage", "benefit:foraldrapenning"))
    missing = {key for key, entry in entries.items() if entry["found"] is False}
    assert missing == {"linkage", "benefit:foraldrapenning"}
    assert "föräldrapenning" in str(entries["benefit:foraldrapenning"]["advice"])
    assert str(entries["linkage"]["advice"]).startswith(
        "FK kan begära komplettering; kontrollera att etikansökan nämner samkörningen"
    )
    assert "LISA" in str(entries["linkage"]["advice"]) and "patientregister" in str(entries["linkage"]["advice"])
    for key in set(IDS) - missing - {"supplements"}:
        assert entries[key]["found"] is True and entries[key]["quote"], key


def test_pypdf_fallback_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from beställning.ethics import extract

    expected = case(tmp_path / "pdfium", omit=("linkage",))
    monkeypatch.setattr(extract, "_pdfium_pages", lambda data: None)
    extract._read_cached.cache_clear()
    assert case(tmp_path / "pypdf", omit=("linkage",)) == expected


@pytest.mark.parametrize("omitted", list(APPLICATION))
def test_each_requirement_left_out_alone(tmp_path: Path, omitted: str) -> None:
    entries = case(tmp_path, omit=(omitted,))
    not_found = {key for key, entry in entries.items() if entry["found"] is not True}
    if omitted == "period":
        # Without a period the application cannot be compared: not applicable, not a warning.
        assert entries["period"]["found"] is None
        assert entries["period"]["advice"] == "Etikansökan anger ingen period att jämföra med."
        assert not_found == {"period", "supplements"}
    else:
        assert entries[omitted]["found"] is False
        assert str(entries[omitted]["advice"]).startswith("FK kan begära komplettering")
        assert not_found == {omitted, "supplements"}


def test_scanned_application_is_never_passing(tmp_path: Path) -> None:
    order = write_case(tmp_path, application_scanned=[1, 2])
    entries = by_id(check_ethics(order, tmp_path))
    for key in ("fk_source", "benefit:sjuk_rehab", "benefit:foraldrapenning", "linkage", "repeated", "period"):
        assert entries[key]["found"] is None, key
        assert str(entries[key]["advice"]).startswith("etikansokan.pdf kan inte läsas (skannad?). "), key
        assert entries[key]["file"] == "bilagor/etikansokan.pdf"
    assert entries["dnr"]["found"] is True


def test_scanned_decision(tmp_path: Path) -> None:
    order = write_case(tmp_path, decision_scanned=[1])
    report = check_ethics(order, tmp_path)
    for key in ("dnr", "decision_date", "supplements"):
        entry = report.entry(key)
        assert entry.found is None and entry.status == "unreadable", key
        assert "kan inte läsas (skannad?)" in str(entry.advice)
    assert {e.id for e in report.warnings} == {"dnr", "decision_date", "supplements"}


def test_partly_scanned_application_does_not_claim_absence(tmp_path: Path) -> None:
    pages = [*application_lines(omit=("repeated",), pages=2), ["(skannad bilaga)"]]
    order = write_case(tmp_path, pages, application_scanned=[3])
    entries = by_id(check_ethics(order, tmp_path))
    assert entries["repeated"]["found"] is None
    assert "Sida 3 i etikansokan.pdf saknar text" in str(entries["repeated"]["advice"])
    assert entries["linkage"]["found"] is True  # what is on the readable pages still counts


def test_a_supplement_can_add_what_the_application_lacks(tmp_path: Path) -> None:
    write_case(tmp_path, application_lines(omit=("linkage",)), decision_lines(supplement=True))
    write_document(tmp_path / "bilagor/komplettering.docx", [APPLICATION["linkage"]])
    order = research_order(supplements=["bilagor/komplettering.docx"])
    entries = by_id(check_ethics(order, tmp_path))
    assert entries["linkage"]["found"] is True
    assert entries["linkage"]["file"] == "bilagor/komplettering.docx"
    assert entries["linkage"]["page"] is None  # Word recorded no page breaks in a one-page file
    assert entries["supplements"]["found"] is True
    assert "kompletterats" in str(entries["supplements"]["quote"])


def test_decision_mentions_a_supplement_that_is_not_attached(tmp_path: Path) -> None:
    order = write_case(tmp_path, decision=decision_lines(supplement=True))
    entry = check_ethics(order, tmp_path).entry("supplements")
    assert entry.found is False
    assert entry.quote == "Ansökan har kompletterats den 1 mars 2024 på begäran av nämnden."
    assert "Bifoga kompletteringen" in str(entry.advice)


def test_attached_supplement_file_missing_does_not_count(tmp_path: Path) -> None:
    write_case(tmp_path, decision=decision_lines(supplement=True))
    order = research_order(supplements=["bilagor/finns-inte.pdf"])
    assert check_ethics(order, tmp_path).entry("supplements").found is False


@pytest.mark.parametrize(
    ("in_order", "in_decision", "found"),
    [
        ("2024-01234-01", "2024-01234-01", True),
        ("Dnr 2024–01234–01", "2024-01234-01", True),
        ("2024-01234-01", "2024 - 01234 - 01", True),
        ("2017/123-31", "2017/123-31", True),
        ("2024-01234", "2024-01234-01", False),
        ("2024-01234-01", "2024-01234-02", False),
        ("2024-01234-01", "2024-01235-01", False),
    ],
)
def test_dnr_compared_normalised(tmp_path: Path, in_order: str, in_decision: str, found: bool) -> None:
    order = write_case(tmp_path, decision=decision_lines(dnr=in_decision))
    order.set("etik.dnr", in_order)
    entry = check_ethics(order, tmp_path).entry("dnr")
    assert entry.found is found
    if not found:
        assert entry.quote is not None and in_decision in entry.quote
        assert f"Beslutet anger diarienummer {in_decision}" in str(entry.advice)


def test_dnr_and_date_missing_from_the_order(tmp_path: Path) -> None:
    order = complete_case(tmp_path)
    order.set("etik.dnr", "")
    order.set("etik.beslutsdatum", "")
    report = check_ethics(order, tmp_path)
    assert report.entry("dnr").found is False and "saknar" in str(report.entry("dnr").advice)
    assert report.entry("decision_date").found is False


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("2024-03-15", True),
        ("15 mars 2024", True),
        ("den 15:e mars 2024", True),
        ("15/3 2024", True),
        ("16 mars 2024", False),
        ("2023-03-15", False),
    ],
)
def test_decision_date(tmp_path: Path, written: str, found: bool) -> None:
    order = write_case(tmp_path, decision=decision_lines(date_text=written))
    entry = check_ethics(order, tmp_path).entry("decision_date")
    assert entry.found is found
    if not found:
        assert entry.quote is not None and written in entry.quote  # what the decision says instead
        assert "2024-03-15 (15 mars 2024)" in str(entry.advice)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Studien omfattar uppgifter för åren 2015–2025.", True),
        ("Data från januari 2018 till december 2024 används.", True),
        ("Uppgifter fr.o.m. 2010 begärs.", True),
        ("Studien omfattar uppgifter för åren 2019–2025.", False),
        ("Uppgifter för åren 2015–2023 begärs.", False),
        ("Personer födda 1975–1995 ingår.", None),
    ],
)
def test_order_period_inside_the_application_s(tmp_path: Path, sentence: str, found: bool | None) -> None:
    pages = application_lines(omit=("period",))
    pages[0].append(sentence)
    order = write_case(tmp_path, pages)
    entry = check_ethics(order, tmp_path).entry("period")
    assert entry.found is found
    if found is False:
        assert entry.quote == sentence
        assert "2018-01–2024-12" in str(entry.advice)


def test_period_per_benefit(tmp_path: Path) -> None:
    """Each benefit's months must lie in a period the application names, not necessarily the same one."""
    pages = application_lines(omit=("period",))
    pages[0].append("Sjukpenning för åren 2018–2024 och föräldrapenning för åren 2010–2012.")
    order = write_case(tmp_path, pages)
    order.benefits[1] = BenefitRequest("foraldrapenning", "Föräldrapenning", "2010-01", "2012-06")
    assert check_ethics(order, tmp_path).entry("period").found is True
    order.benefits[1] = BenefitRequest("foraldrapenning", "Föräldrapenning", "2010-01", "2013-06")
    entry = check_ethics(order, tmp_path).entry("period")
    assert entry.found is False and "föräldrapenning 2010-01–2013-06" in str(entry.advice)


def test_a_benefit_asked_for_twice_is_one_requirement(tmp_path: Path) -> None:
    order = complete_case(tmp_path)
    order.benefits.append(BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2010-01", "2012-12"))
    report = check_ethics(order)
    assert [e.id for e in report.entries].count("benefit:sjuk_rehab") == 1
    entry = report.entry("period")  # both periods must be covered: 2010–2012 is not
    assert entry.found is False and "sjuk- och rehabiliteringspenning 2010-01–2012-12" in str(entry.advice)


def test_linkage_with_a_register_the_application_does_not_name(tmp_path: Path) -> None:
    order = complete_case(tmp_path)
    order.set("samkorning.register", "SCB:s LISA, Socialstyrelsens läkemedelsregister och cancerregistret")
    entry = check_ethics(order, tmp_path).entry("linkage")
    assert entry.found is False
    assert entry.quote == "Uppgifterna samkörs med SCB:s LISA och Socialstyrelsens patientregister."
    assert str(entry.advice).endswith("samkörningen med läkemedelsregister och cancerregistret.")


def test_linkage_and_repeats_not_asked_for(tmp_path: Path) -> None:
    order = complete_case(tmp_path, omit=("linkage", "repeated"))
    order.set("samkorning.ja", False)
    order.set("upprepning.ja", False)
    report = check_ethics(order, tmp_path)
    assert report.entry("linkage").status == "not_applicable"
    assert report.entry("repeated").status == "not_applicable"
    assert not report.warnings


def test_fk_named_only_in_passing_is_not_a_data_source(tmp_path: Path) -> None:
    pages = application_lines(omit=("fk_source",))
    pages[1].insert(0, "Projektledaren har tidigare arbetat på Försäkringskassan.")
    pages[1].insert(1, " ".join(["Den erfarenheten är värdefull för tolkningen av resultaten."] * 3))
    order = write_case(tmp_path, pages)
    entry = check_ethics(order, tmp_path).entry("fk_source")
    assert entry.found is False
    assert entry.quote == "Projektledaren har tidigare arbetat på Försäkringskassan."
    assert "inte som källa" in str(entry.advice)


def test_abbreviation_alone_is_not_enough(tmp_path: Path) -> None:
    pages = application_lines(omit=("benefit:foraldrapenning",))
    pages[0].append("Vi begär även FP och TFP.")
    order = write_case(tmp_path, pages)
    assert check_ethics(order, tmp_path).entry("benefit:foraldrapenning").found is False


def test_quotes_never_show_a_personnummer(tmp_path: Path) -> None:
    pages = application_lines(omit=("fk_source",))
    pages[0].append("Uppgifter från Försäkringskassan om testpersonen 19811218-9876 används inte.")
    entry = check_ethics(write_case(tmp_path, pages)).entry("fk_source")
    assert entry.found is True
    assert entry.quote == "Uppgifter från Försäkringskassan om testpersonen 19811218-**** används inte."


def test_no_decision_attached(tmp_path: Path) -> None:
    order = complete_case(tmp_path)
    order.attachments = [a for a in order.attachments if a.kind != "etikbeslut"]
    report = check_ethics(order)
    for key in ("dnr", "decision_date", "supplements"):
        entry = report.entry(key)
        assert entry.status == "absent" and entry.found is None, key
        assert (
            entry.advice == "Inget beslut från Etikprövningsmyndigheten är bifogat; bifoga det så kan det kontrolleras."
        )
    assert report.entry("linkage").found is True


def test_no_application_attached(tmp_path: Path) -> None:
    order = complete_case(tmp_path)
    order.attachments = [a for a in order.attachments if a.kind != "etikansokan"]
    report = check_ethics(order, tmp_path)
    entry = report.entry("fk_source")
    assert entry.status == "absent" and entry.found is None
    assert "Ingen etikansökan är bifogad" in str(entry.advice)
    assert report.entry("dnr").found is True


def test_attachment_file_missing(tmp_path: Path) -> None:
    order = research_order(application="bilagor/borta.pdf")
    (tmp_path / "bilagor").mkdir()
    write_document(tmp_path / "bilagor/etikbeslut.pdf", decision_lines())
    entry = check_ethics(order, tmp_path).entry("fk_source")
    assert entry.found is None and "borta.pdf finns inte" in str(entry.advice)


def test_a_loaded_order_reads_its_attachments_from_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from beställning.order import load_order

    complete_case(tmp_path).save(tmp_path / "order.json")
    monkeypatch.chdir(tmp_path / "bilagor")
    assert check_ethics(load_order(tmp_path / "order.json")).entry("fk_source").found is True


def test_relative_paths_without_base_dir_are_used_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    order = complete_case(tmp_path)
    order.base_dir = None  # made in memory, never saved
    monkeypatch.chdir(tmp_path)
    assert check_ethics(order).entry("fk_source").found is True
    monkeypatch.chdir(tmp_path / "bilagor")
    assert check_ethics(order).entry("fk_source").found is None


def test_absolute_paths_ignore_base_dir(tmp_path: Path) -> None:
    order = complete_case(tmp_path)
    order.attachments = [Attachment(a.kind, str(tmp_path / a.path)) for a in order.attachments]
    assert check_ethics(order, tmp_path / "elsewhere").entry("fk_source").found is True


def test_statistics_order_needs_no_ethics_review() -> None:
    order = Order(route="statistik")
    order.benefits = [BenefitRequest("barnbidrag", "Barnbidrag")]
    report = check_ethics(order)
    assert not report.applies
    assert [e["id"] for e in report.to_json()] == ["fk_source", "benefit:barnbidrag", *IDS[3:]]
    assert all(e["found"] is None for e in report.to_json())
    assert not report.warnings


def test_research_order_without_sensitive_data_and_no_documents() -> None:
    order = Order(route="forskning")
    report = check_ethics(order)
    assert not report.applies and not report.warnings


def test_json_shape(tmp_path: Path) -> None:
    for entry in check_ethics(complete_case(tmp_path), tmp_path).to_json():
        assert set(entry) == {"id", "found", "file", "page", "quote", "advice"}
        assert entry["found"] in (True, False, None)
        assert entry["page"] is None or isinstance(entry["page"], int)


def test_example_order_reads_its_bundled_attachments() -> None:
    from beställning.order import load_order

    examples = Path(__file__).resolve().parent.parent / "examples"
    report = check_ethics(load_order(examples / "forskning.json"), examples)
    assert {e.id for e in report.entries if e.found is True} >= {
        "fk_source",
        "benefit:sjuk_rehab",
        "benefit:foraldrapenning",
        "linkage",
        "dnr",
        "decision_date",
    }
    assert report.entry("benefit:sjuk_rehab").quote is not None
    assert "sjuk- och rehabiliteringspenning" in str(report.entry("benefit:sjuk_rehab").quote)
