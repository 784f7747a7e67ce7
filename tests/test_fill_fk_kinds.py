"""Filling FK's own form: each way a Word form marks its fields gets the right value in the right place."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from beställning.document.fk_form import (
    APPENDIX_TITLE,
    KIND_APPENDIX,
    KIND_CELL,
    KIND_CONTROL,
    KIND_FORMFIELD,
    KIND_PARAGRAPH,
    fill_fk_form,
)
from beställning.order import BenefitRequest, Order, VariablePick, filled_fields, load_order
from tests import fk_templates as t

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example(route: str = "forskning") -> Order:
    path = EXAMPLES / f"{route}.json"
    if path.exists():
        return load_order(path)
    order = Order(route=route)  # type: ignore[arg-type]
    for key, value in {
        "bestallare.organisation": "Exempeluniversitetet",
        "bestallare.orgnr": "202100-9994",
        "bestallare.kontaktperson": "Anna Lindqvist",
        "bestallare.epost": "anna.lindqvist@exempeluniversitetet.se",
        "bestallare.telefon": "018-471 00 00",
        "bestallare.postadress": "Box 123\n751 05 Uppsala",
        "projekt.titel": "Sjukskrivning och återgång i arbete",
        "projekt.syfte": "Att studera återgång i arbete.",
        "etik.kansliga": True,
        "samkorning.ja": True,
        "leverans.format": "Stata",
    }.items():
        order.set(key, value)
    order.benefits.append(BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2018-01", "2025-12"))
    return order


def fill(tmp_path: Path, kind: str, order: Order | None = None):  # type: ignore[no-untyped-def]
    template = t.BUILDERS[kind](tmp_path / f"{kind}.docx")
    out = tmp_path / f"{kind}_ifylld.docx"
    report = fill_fk_form(order or example(), template, out)
    return report, out


def where(report, field_id: str):  # type: ignore[no-untyped-def]
    return next(p for p in report.placements if p.field_id == field_id)


def assert_nothing_dropped(report, out: Path, order: Order) -> None:  # type: ignore[no-untyped-def]
    """Every value the order holds is somewhere in the document, and in the report exactly once."""
    text = t.document_text(out)
    ids = [p.field_id for p in report.placements]
    for form_field, value in filled_fields(order):
        assert ids.count(form_field.id) == 1, form_field.id
        placement = where(report, form_field.id)
        if placement.location.startswith("kryssrut"):
            continue  # a checkbox: its state is asserted where the template has one
        assert value in text, (form_field.id, placement)
    for benefit in order.benefits:
        assert benefit.name in text
        assert benefit.period_from in text and benefit.period_to in text
        if benefit.wishes:
            assert benefit.wishes in text
    for pick in order.variables:
        assert (pick.variable or pick.table) in text
        if pick.justification:
            assert pick.justification in text


def test_label_cell_with_value_cell_beside(tmp_path: Path) -> None:
    order = example()
    report, out = fill(tmp_path, "beside", order)
    doc = Document(str(out))
    orderer = doc.tables[0]
    assert orderer.cell(0, 1).text == order.text("bestallare.organisation")
    assert orderer.cell(3, 0).text == "E-postadress:"  # the label is left alone
    assert orderer.cell(3, 1).text == order.text("bestallare.epost")
    assert orderer.cell(4, 1).text == order.text("bestallare.telefon")
    # A multi-line address becomes line breaks in one cell, not several paragraphs.
    assert orderer.cell(5, 1).text == order.text("bestallare.postadress")
    assert len(orderer.cell(5, 1).paragraphs) == 1
    assert "<w:br/>" in orderer.cell(5, 1)._tc.xml
    assert where(report, "bestallare.epost").kind == KIND_CELL
    assert "höger om 'E-postadress:'" in where(report, "bestallare.epost").location
    assert_nothing_dropped(report, out, order)


def test_label_above_value_and_label_at_top_of_cell(tmp_path: Path) -> None:
    order = example("statistik")
    report, out = fill(tmp_path, "below", order)
    doc = Document(str(out))
    orderer = doc.tables[0]
    assert orderer.cell(0, 0).text == "Organisation"
    assert orderer.cell(1, 0).text == order.text("bestallare.organisation")
    assert orderer.cell(1, 1).text == order.text("bestallare.orgnr")
    assert orderer.cell(3, 0).text == order.text("bestallare.kontaktperson")
    assert orderer.cell(3, 1).text == order.text("bestallare.telefon")
    project = doc.tables[1].cell(0, 0)
    assert project.paragraphs[0].text == "Projekttitel"
    assert project.paragraphs[1].text == order.text("projekt.titel")
    purpose = doc.tables[1].cell(1, 0)
    assert purpose.paragraphs[1].text == order.text("projekt.syfte")
    assert where(report, "projekt.titel").kind == KIND_CELL
    assert_nothing_dropped(report, out, order)


def test_content_controls_by_tag_alias_label_checkbox_and_header(tmp_path: Path) -> None:
    order = example()
    report, out = fill(tmp_path, "controls", order)
    email = t.sdt_by(out, tag="bestallare.epost")
    assert t.sdt_content_text(email) == order.text("bestallare.epost")
    props = email.find(qn("w:sdtPr"))
    assert props.find(qn("w:showingPlcHdr")) is None
    assert "PlaceholderText" not in etree.tostring(email.find(qn("w:sdtContent"))).decode()
    # A meaningless tag: the label before the control in the same paragraph decides.
    assert t.sdt_content_text(t.sdt_by(out, tag="Text1")) == order.text("bestallare.kontaktperson")
    # In a table cell beside its label, multi-line text as line breaks.
    assert t.sdt_content_text(t.sdt_by(out, tag="tel")) == order.text("bestallare.telefon")
    assert t.sdt_content_text(t.sdt_by(out, tag="adr")) == order.text("bestallare.postadress")
    # By title (alias), a block-level control, and one in the page header.
    assert t.sdt_content_text(t.sdt_by(out, alias="Projektets titel")) == order.text("projekt.titel")
    assert t.sdt_content_text(t.sdt_by(out, tag="projekt_syfte")) == order.text("projekt.syfte")
    header = t.sdt_by(out, alias="Organisation")
    assert t.sdt_content_text(header) == order.text("bestallare.organisation")
    assert "sidhuvudet" in where(report, "bestallare.organisation").location
    # Checkbox content control: w14:checked and the glyph shown.
    box = t.sdt_by(out, alias="Känsliga personuppgifter")
    assert box.find(f"{qn('w:sdtPr')}/{qn('w14:checkbox')}/{qn('w14:checked')}").get(qn("w14:val")) == "1"
    assert t.sdt_content_text(box) == "☒"
    yes, no = t.sdt_by(out, tag="ja"), t.sdt_by(out, tag="nej")
    assert t.sdt_content_text(yes) == "☒" and t.sdt_content_text(no) == "☐"
    assert where(report, "samkorning.ja").kind == KIND_CONTROL
    # Date picker gets its full date; a dropdown its value; a data-bound control loses the binding.
    date = t.sdt_by(out, alias="Datum för etikbeslut")
    assert t.sdt_content_text(date) == order.text("etik.beslutsdatum")
    assert (
        date.find(f"{qn('w:sdtPr')}/{qn('w:date')}").get(qn("w:fullDate")).startswith(order.text("etik.beslutsdatum"))
    )
    assert t.sdt_content_text(t.sdt_by(out, alias="Filformat")) == order.text("leverans.format")
    bound = t.sdt_by(out, alias="Leveranssätt")
    assert t.sdt_content_text(bound) == order.text("leverans.satt")
    assert bound.find(f"{qn('w:sdtPr')}/{qn('w:dataBinding')}") is None
    assert_nothing_dropped(report, out, order)


def test_checkbox_control_unticked_for_false(tmp_path: Path) -> None:
    order = example()
    order.set("etik.kansliga", False)
    order.set("samkorning.ja", False)
    report, out = fill(tmp_path, "controls", order)
    box = t.sdt_by(out, alias="Känsliga personuppgifter")
    assert box.find(f"{qn('w:sdtPr')}/{qn('w14:checkbox')}/{qn('w14:checked')}").get(qn("w14:val")) == "0"
    assert t.sdt_content_text(t.sdt_by(out, tag="nej")) == "☒"
    assert t.sdt_content_text(t.sdt_by(out, tag="ja")) == "☐"
    assert where(report, "etik.kansliga").value == "Nej"


def test_legacy_form_fields_by_name_bookmark_and_label(tmp_path: Path) -> None:
    order = example()
    report, out = fill(tmp_path, "legacy", order)
    results = t.formfield_results(out)
    assert results["Organisation"] == order.text("bestallare.organisation")  # by ffData name
    assert results["Text1"] == order.text("bestallare.epost")  # by bookmark "Epost"
    assert results["Text2"] == order.text("bestallare.kontaktperson")  # label "Namn:" before it
    assert results["Text3"] == order.text("bestallare.telefon")  # second field on the same line
    assert results["Text4"] == order.text("bestallare.orgnr")  # in the cell beside its label
    assert results["Text5"] == order.text("projekt.syfte")  # label paragraph above
    assert t.formcheckbox_state(out, "Kryss1") is True
    assert t.formcheckbox_state(out, "Kryss2") is True and t.formcheckbox_state(out, "Kryss3") is False
    assert where(report, "bestallare.epost").kind == KIND_FORMFIELD
    # Word's maxLength would cut the value when edited: it is lifted for longer values.
    assert "maxLength" not in Document(str(out)).element.xml
    assert_nothing_dropped(report, out, order)


def test_label_paragraph_followed_by_blank_space(tmp_path: Path) -> None:
    order = example()
    report, out = fill(tmp_path, "blank_lines", order)
    texts = [p.text for p in Document(str(out)).paragraphs]
    org = texts.index("Organisation")
    assert texts[org + 1] == order.text("bestallare.organisation")
    assert f"E-post: {order.text('bestallare.epost')}" in texts  # underscores replaced
    assert f"Telefon {order.text('bestallare.telefon')}" in texts  # dots replaced
    contact = texts.index("Kontaktperson:")
    assert texts[contact + 1] == order.text("bestallare.kontaktperson")  # the underscore line
    purpose = texts.index("Projektets syfte")
    assert texts[purpose + 1] == order.text("projekt.syfte")
    questions = texts.index("Frågeställningar:")
    assert texts[questions + 1] == order.text("projekt.fragestallningar")
    assert not any("____" in text for text in texts[: texts.index(APPENDIX_TITLE)])
    assert where(report, "bestallare.epost").kind == KIND_PARAGRAPH
    assert_nothing_dropped(report, out, order)


@pytest.mark.parametrize("route", ["forskning", "statistik"])
def test_mixed_agency_form_with_benefits_table_and_appendix(tmp_path: Path, route: str) -> None:
    order = example(route)
    order.benefits.append(BenefitRequest("barnbidrag", "Barnbidrag", "2020-01", "2020-12", "Utbetalda belopp."))
    report, out = fill(tmp_path, "mixed", order)
    doc = Document(str(out))
    benefits = next(tb for tb in doc.tables if tb.cell(0, 0).text == "Förmån")
    assert len(benefits.rows) == 1 + len(order.benefits)  # rows were added as needed
    for row, benefit in zip(benefits.rows[1:], order.benefits, strict=True):
        cells = [c.text for c in row.cells]
        assert cells == [benefit.name, benefit.period_from, benefit.period_to, benefit.wishes]
    texts = [p.text for p in doc.paragraphs]
    assert APPENDIX_TITLE in texts
    appendix = "\n".join(texts[texts.index(APPENDIX_TITLE) :])
    for placement in report.in_appendix():
        assert placement.value.split("\n")[0] in appendix
    assert report.in_appendix(), "the mixed form has no place for some fields"
    assert where(report, "bestallare.epost").kind == KIND_CELL
    assert where(report, "leverans.format").location.startswith("kryssrutorna")
    # The order's format is ticked, and only that one (forskning: Stata, statistik: CSV).
    chosen = order.text("leverans.format")
    formats = ["SAS", "Stata", "SPSS", "CSV"]
    assert chosen in formats
    all_text = "\n".join(texts)
    assert f"☒ {chosen}" in all_text
    assert [f for f in formats if f"☒ {f}" in all_text] == [chosen]
    # "Ort och datum" takes both values.
    signature = doc.tables[-1]
    assert signature.cell(1, 0).text == f"{order.text('underskrift.ort')}, {order.text('underskrift.datum')}"
    assert_nothing_dropped(report, out, order)


def test_ja_nej_glyphs_in_a_cell_are_ticked(tmp_path: Path) -> None:
    order = example()
    order.set("etik.kansliga", False)
    report, out = fill(tmp_path, "mixed", order)
    ethics = next(tb for tb in Document(str(out)).tables if "känsliga" in tb.cell(0, 0).text)
    assert ethics.cell(0, 1).text.split() == ["☐", "Ja", "☒", "Nej"]
    assert where(report, "etik.kansliga").value == "Nej"


def test_variables_table_and_unfitting_benefits(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Valda variabler")
    table = t.grid_table(doc, 1, 3)
    for cell, text in zip(table.rows[0].cells, ["Förmån", "Variabel", "Motivering"], strict=True):
        cell.text = text
    template = tmp_path / "variabler.docx"
    doc.save(str(template))
    order = Order(route="forskning")
    order.set("bestallare.epost", "a@b.se")
    order.benefits.append(BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2019-01", "2020-12"))
    order.variables += [
        VariablePick("sjuk_rehab", "Diagnos", justification="Fråga 2."),
        VariablePick("sjuk_rehab", "Omfattning", justification="Fråga 3."),
    ]
    out = tmp_path / "ut.docx"
    report = fill_fk_form(order, template, out)
    filled = Document(str(out))
    rows = [[c.text for c in row.cells] for row in filled.tables[0].rows]
    assert rows[1:] == [
        ["Sjuk- och rehabiliteringspenning", "Diagnos", "Fråga 2."],
        ["Sjuk- och rehabiliteringspenning", "Omfattning", "Fråga 3."],
    ]
    # No benefits table and no e-mail label: both go to the appendix, nothing is lost.
    kinds = {p.field_id: p.kind for p in report.placements}
    assert kinds["bestallare.epost"] == KIND_APPENDIX
    assert kinds["förmån:sjuk_rehab"] == KIND_APPENDIX
    text = t.document_text(out)
    assert "a@b.se" in text and "2019-01 – 2020-12" in text


def test_everything_fits_means_no_appendix(tmp_path: Path) -> None:
    order = Order(route="forskning")
    order.set("bestallare.organisation", "Exempeluniversitetet")
    order.set("bestallare.epost", "a@b.se")
    order.set("underskrift.ort", "Umeå")
    report, out = fill(tmp_path, "beside", order)
    assert report.in_appendix() == []
    assert APPENDIX_TITLE not in t.document_text(out)
    assert report.summary().startswith("Alla 3")


def _label_table(tmp_path: Path, headings_and_labels: list[tuple[str, list[str]]]) -> Path:
    doc = Document()
    for heading, labels in headings_and_labels:
        if heading:
            doc.add_heading(heading, 1)
        table = t.grid_table(doc, len(labels), 2)
        for row, label in zip(table.rows, labels, strict=True):
            row.cells[0].text = label
    path = tmp_path / "etiketter.docx"
    doc.save(str(path))
    return path


def test_exact_label_wins_over_synonym_and_each_field_once(tmp_path: Path) -> None:
    # "Namn" is a synonym of the contact person; the exact label "Kontaktperson" wins.
    template = _label_table(tmp_path, [("", ["Namn", "Kontaktperson", "E-post", "E-post"])])
    order = Order(route="forskning")
    order.set("bestallare.kontaktperson", "Anna")
    order.set("bestallare.epost", "a@b.se")
    fill_fk_form(order, template, tmp_path / "ut.docx")
    table = Document(str(tmp_path / "ut.docx")).tables[0]
    assert [table.cell(r, 1).text for r in range(4)] == ["", "Anna", "a@b.se", ""]


def test_section_headings_tell_same_labels_apart(tmp_path: Path) -> None:
    template = _label_table(tmp_path, [("Underskrift", ["Namn"]), ("Beställare", ["Namn"])])
    order = Order(route="forskning")
    order.set("bestallare.kontaktperson", "Anna Kontakt")
    order.set("underskrift.namn", "Erik Signerar")
    fill_fk_form(order, template, tmp_path / "ut.docx")
    tables = Document(str(tmp_path / "ut.docx")).tables
    assert tables[0].cell(0, 1).text == "Erik Signerar"
    assert tables[1].cell(0, 1).text == "Anna Kontakt"


def test_yes_no_field_without_checkbox_is_written_as_text(tmp_path: Path) -> None:
    template = _label_table(tmp_path, [("", ["Känsliga personuppgifter", "Upprepad leverans"])])
    order = Order(route="forskning")
    order.set("etik.kansliga", True)
    order.set("upprepning.ja", False)
    report = fill_fk_form(order, template, tmp_path / "ut.docx")
    table = Document(str(tmp_path / "ut.docx")).tables[0]
    assert [table.cell(0, 1).text, table.cell(1, 1).text] == ["Ja", "Nej"]
    assert {p.kind for p in report.placements} == {KIND_CELL}
