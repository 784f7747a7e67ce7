"""Agency-style forms (issue 13): each value of both example orders lands in ITS place.

The templates (tests/fk_templates.py) use an agency's wording, not ours, and every layout and
checkbox kind: label cell with the answer beside or below, content controls by title, tag or
nearby label with grey placeholders, legacy form fields, ☐ glyph / w14 / FORMCHECKBOX boxes, one
field for all benefits and periods. Each test reads the place a value should be in (the cell, the
control, the form field, the box) and compares; places without a field for the order stay empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from beställning.document.fk_form import KIND_APPENDIX, fill_fk_form
from beställning.document.fk_form.fill import prepare_fill
from beställning.order import Order, filled_fields, load_order
from beställning.text import clean_text
from tests import fk_templates as t

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ROUTES = ["forskning", "statistik"]

# Label in the template -> the field whose value belongs beside or below it.
TEXT_LABELS = {
    "Beställarens namn": "bestallare.organisation",
    "Organisationsnummer": "bestallare.orgnr",
    "Kontaktperson": "bestallare.kontaktperson",
    "E-post": "bestallare.epost",
    "E-postadress": "bestallare.epost",
    "Telefon": "bestallare.telefon",
    "Telefonnummer": "bestallare.telefon",
    "Adress": "bestallare.postadress",
    "Projektets namn": "projekt.titel",
    "Syfte med beställningen": "projekt.syfte",
    "Syfte": "projekt.syfte",
    "Etiskt godkännande (dnr)": "etik.dnr",
    "Rättslig grund": "etik.rattslig_grund",
    "Beskrivning av populationen": "population.beskrivning",
    "Leveranssätt": "leverans.satt",
    "Önskat leveransdatum": "leverans.onskat_datum",
    "Fakturamottagare / adress": "faktura.adress",
    "Faktureringsadress": "faktura.adress",
    "Er referens": "faktura.referens",
    "Fakturareferens": "faktura.referens",
    "Organisationsnummer för fakturering": "faktura.orgnr",
    "Namnförtydligande": "underskrift.namn",
    "Ort": "underskrift.ort",
    "Datum": "underskrift.datum",
}
BOX_LABELS = {
    "Känsliga personuppgifter": "etik.kansliga",
    "Nyckelfil": "population.nyckelfil",
    "Registersamkörning": "samkorning.ja",
    "Upprepade leveranser": "upprepning.ja",
    "Längre lagring än sex månader": "gallring.langre",
    "Uppgiftslämnarskyldighet": "faktura.uppgiftslamnarskyldighet",
}
LIST_LABELS = ("Förmåner och perioder", "Tidsperiod")


def order_for(route: str) -> Order:
    return load_order(EXAMPLES / f"{route}.json")


def filled(tmp_path: Path, build: Callable[..., Path], route: str, **options: str):  # type: ignore[no-untyped-def]
    """The example order of `route` filled into a template `build` makes; (order, report, output)."""
    order = order_for(route)
    template = build(tmp_path / "form.docx", route=route, **options)
    out = tmp_path / "out.docx"
    return order, fill_fk_form(order, template, out), out


def expected(order: Order, field_id: str) -> str:
    """The text a field's place should hold ('' when the order has no value for it)."""
    values = {f.id: clean_text(text) for f, text in filled_fields(order)}
    return values.get(field_id, "")


def benefit_lines(order: Order) -> str:
    return "\n".join(f"{b.name}: {b.period_from} – {b.period_to}" for b in order.benefits)


def text_of(element: object) -> str:
    """Visible text of a cell or paragraph, controls included; paragraphs and w:br as newlines."""
    paragraphs = list(element.iter(qn("w:p")))  # type: ignore[attr-defined]
    if element.tag == qn("w:p"):  # type: ignore[attr-defined]
        paragraphs = [element]
    return "\n".join(t.paragraph_text(p) for p in paragraphs).strip("\n")


def boxes(element: object) -> dict[str, bool]:
    """The checkboxes in a cell or paragraph, of any kind, by the text after each: {'Ja': True, …}."""
    parts: list[str] = []

    def walk(node: object) -> None:
        for child in node:  # type: ignore[attr-defined]
            if child.tag == qn("w:sdt"):
                box = child.find(f"{qn('w:sdtPr')}/{qn('w14:checkbox')}")
                if box is not None:
                    state = box.find(qn("w14:checked")).get(qn("w14:val"))
                    parts.append("[x]" if state in ("1", "true") else "[ ]")
                    continue
            if child.tag == qn("w:fldChar") and child.get(qn("w:fldCharType")) == "begin":
                check = child.find(f"{qn('w:ffData')}/{qn('w:checkBox')}")
                if check is not None:
                    node_ = check.find(qn("w:checked"))
                    if node_ is None:
                        node_ = check.find(qn("w:default"))
                    parts.append("[x]" if node_.get(qn("w:val"), "1") in ("1", "true") else "[ ]")
            if child.tag == qn("w:t"):
                parts.append((child.text or "").replace("☒", "[x]").replace("☐", "[ ]"))
            walk(child)

    walk(element)
    text = "".join(parts)
    return {m[2].strip(): m[1] == "x" for m in re.finditer(r"\[(x| )\]\s*([^\[]+)", text)}


def yes_no(value: str) -> dict[str, bool]:
    """The boxes a Ja/Nej pair should show for a value ('' = untouched: both empty)."""
    return {"Ja": value == "Ja", "Nej": value == "Nej"}


def body(path: Path) -> object:
    return Document(str(path)).element.body


def label_cells(path: Path) -> list[tuple[str, object, object | None, object | None]]:
    """(label, label cell, cell beside, cell below) for every cell that holds only text."""
    doc = Document(str(path))
    found = []
    for table in doc.tables:
        grid = [[cell for cell in row.cells] for row in table.rows]
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                if c > 0 and cell._tc is row[c - 1]._tc:
                    continue  # a merged cell seen again
                beside = row[c + 1] if c + 1 < len(row) and row[c + 1]._tc is not cell._tc else None
                below = grid[r + 1][c] if r + 1 < len(grid) else None
                found.append(
                    (cell.text.strip(), cell._tc, beside._tc if beside else None, below._tc if below else None)
                )
    return found


def appendix(report) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {p.field_id: p.reason for p in report.placements if p.kind == KIND_APPENDIX}


def assert_report_complete(report, order: Order) -> None:  # type: ignore[no-untyped-def]
    """Every value once in the report; each one in the appendix says why."""
    ids = [p.field_id for p in report.placements]
    for form_field, _ in filled_fields(order):
        assert ids.count(form_field.id) == 1, form_field.id
    assert sum(i.startswith("förmån:") for i in ids) >= len(order.benefits)
    for field_id, reason in appendix(report).items():
        assert reason, field_id


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("box_kind", ["glyph", "w14", "legacy"])
def test_label_cells_with_answer_beside(tmp_path: Path, route: str, box_kind: str) -> None:
    order, report, out = filled(tmp_path, t.build_agency_cells, route, boxes=box_kind)
    seen = set()
    for label, _tc, beside, _below in label_cells(out):
        if beside is None:
            continue
        if label in TEXT_LABELS:
            assert text_of(beside) == expected(order, TEXT_LABELS[label]), label
            seen.add(label)
        elif label in BOX_LABELS:
            assert boxes(beside) == yes_no(expected(order, BOX_LABELS[label])), label
            seen.add(label)
        elif label == "Förmåner och perioder":
            assert text_of(beside) == benefit_lines(order)
            assert t.paragraph_text(beside.find(qn("w:p"))).count("\n") == len(order.benefits) - 1
            seen.add(label)
        elif label == "Ort och datum":
            assert text_of(beside) == f"{expected(order, 'underskrift.ort')}, {expected(order, 'underskrift.datum')}"
            seen.add(label)
    assert {"Fakturamottagare / adress", "Adress", "Registersamkörning", "Förmåner och perioder"} <= seen
    # The route boxes: the order's route ticked, the other not.
    route_line = next(p for p in body(out).iter(qn("w:p")) if t.paragraph_text(p).startswith("Beställningen avser"))
    assert boxes(route_line) == {"Statistikändamål": route == "statistik", "Forskningsändamål": route == "forskning"}
    # What has no field in this form is in the appendix, with the reason.
    in_appendix = appendix(report)
    assert "huvudman.ansvarig" in in_appendix if route == "forskning" else "projekt.statistik" in in_appendix
    assert "faktura.adress" not in in_appendix and "bestallare.postadress" not in in_appendix
    assert all(f"önskemål:{b.benefit}" in in_appendix for b in order.benefits if b.wishes)  # wishes only
    assert_report_complete(report, order)
    assert report.route_warning == ""


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("box_kind", ["glyph", "w14", "legacy"])
def test_answer_in_the_row_or_paragraph_below_and_boxes_below_their_label(
    tmp_path: Path, route: str, box_kind: str
) -> None:
    order, report, out = filled(tmp_path, t.build_agency_below, route, boxes=box_kind)
    seen = set()
    for label, _tc, _beside, below in label_cells(out):
        if label in TEXT_LABELS and below is not None:
            assert text_of(below) == expected(order, TEXT_LABELS[label]), label
            seen.add(label)
    assert {"Beställarens namn", "Faktureringsadress", "Projektets namn", "Adress", "Ort", "Datum"} <= seen
    paragraphs = list(body(out).iter(qn("w:p")))
    texts = [t.paragraph_text(p) for p in paragraphs]
    below_period = texts[texts.index("Tidsperiod") + 1]
    assert below_period == benefit_lines(order)  # one line per benefit, in the paragraph below
    for label in ("Registersamkörning", "Upprepade leveranser"):
        assert boxes(paragraphs[texts.index(label) + 1]) == yes_no(expected(order, BOX_LABELS[label])), label
    key_box = next(p for p in paragraphs if "En nyckelfil skickas" in t.paragraph_text(p))
    assert boxes(key_box) == {"En nyckelfil skickas till Försäkringskassan": True}
    duty = next(tc for label, _tc, _b, tc in label_cells(out) if label == "Uppgiftslämnarskyldighet")
    assert boxes(duty) == yes_no(expected(order, "faktura.uppgiftslamnarskyldighet"))
    assert_report_complete(report, order)


@pytest.mark.parametrize("route", ROUTES)
def test_content_controls_by_title_tag_and_label_lose_the_placeholder_look(tmp_path: Path, route: str) -> None:
    order, report, out = filled(tmp_path, t.build_agency_controls, route)
    by_tag = {
        "txt1": "bestallare.organisation",
        "txt2": "bestallare.kontaktperson",
        "txt3": "bestallare.epost",
        "txt4": "bestallare.telefon",
        "txt5": "bestallare.postadress",
        "dnr": "etik.dnr",
    }
    for tag, field_id in by_tag.items():
        control = t.sdt_by(out, tag=tag)
        want = expected(order, field_id)
        if want:
            assert t.sdt_content_text(control) == want, tag
            xml = control.find(qn("w:sdtContent"))
            rendered = "".join(x.get(qn("w:val"), "") for x in xml.iter(qn("w:rStyle"), qn("w:color")))
            assert "Placeholder" not in rendered and "808080" not in rendered, tag
            assert xml.find(f".//{qn('w:sz')}") is None, tag  # the placeholder's small size is gone too
        else:  # no value for this route: the control still shows its placeholder
            assert control.find(f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}") is not None, tag
    assert t.sdt_content_text(t.sdt_by(out, alias="Projektets namn")) == expected(order, "projekt.titel")
    assert t.sdt_content_text(t.sdt_by(out, alias="Fakturamottagare / adress")) == expected(order, "faktura.adress")
    assert t.sdt_content_text(t.sdt_by(out, tag="formaner")) == benefit_lines(order)
    states = {
        tag: t.sdt_by(out, tag=tag).find(f"{qn('w:sdtPr')}/{qn('w14:checkbox')}/{qn('w14:checked')}").get(qn("w14:val"))
        == "1"
        for tag in ("andamal0", "andamal1", "samk0", "samk1", "upp0", "gallr0", "upl0", "upl1", "kansl0", "kansl1")
    }
    assert states["andamal0"] == (route == "statistik") and states["andamal1"] == (route == "forskning")
    assert (states["samk0"], states["samk1"]) == (
        order.get("samkorning.ja") is True,
        order.get("samkorning.ja") is False,
    )
    assert states["upp0"] == (order.get("upprepning.ja") is True)
    assert states["gallr0"] is False
    assert (states["upl0"], states["upl1"]) == (False, True)
    assert states["kansl0"] == (order.get("etik.kansliga") is True)
    assert_report_complete(report, order)


@pytest.mark.parametrize("route", ROUTES)
def test_legacy_fields_and_formcheckboxes(tmp_path: Path, route: str) -> None:
    order, report, out = filled(tmp_path, t.build_agency_legacy, route)
    results = t.formfield_results(out)
    by_name = {
        "Text1": "bestallare.organisation",
        "Text2": "bestallare.kontaktperson",
        "Text3": "bestallare.epost",
        "Text4": "bestallare.postadress",
        "Text5": "projekt.titel",
        "Text6": "etik.dnr",
        "Text8": "faktura.adress",
    }
    for name, field_id in by_name.items():
        assert results[name].strip("\u2002") == expected(order, field_id), name
    assert results["Text7"] == benefit_lines(order)
    paragraphs = {t.paragraph_text(p).split(":")[0]: p for p in body(out).iter(qn("w:p"))}
    for label in ("Känsliga personuppgifter", "Registersamkörning", "Upprepade leveranser", "Uppgiftslämnarskyldighet"):
        assert boxes(paragraphs[label]) == yes_no(expected(order, BOX_LABELS[label])), label
    route_line = next(p for p in body(out).iter(qn("w:p")) if "Statistikändamål" in t.paragraph_text(p))
    assert boxes(route_line) == {"Statistikändamål": route == "statistik", "Forskningsändamål": route == "forskning"}
    assert boxes(paragraphs[" Nyckelfil skickas   "]) == {"Nyckelfil skickas": True}
    assert boxes(paragraphs[" Längre lagring än sex månader   "]) == {"Längre lagring än sex månader": False}
    fmt = next(p for p in report.placements if p.field_id == "leverans.format")
    assert "Dropdown1" in fmt.location  # Stata and CSV are both entries of the dropdown
    assert_report_complete(report, order)


def test_a_field_never_takes_the_place_another_value_fits_better(tmp_path: Path) -> None:
    """Without a postal address, the plain 'Adress' stays empty: the invoice address is not put there."""
    order = order_for("forskning")
    order.set("bestallare.postadress", "")
    template = t.build_agency_cells(tmp_path / "form.docx")
    fill_fk_form(order, template, tmp_path / "out.docx")
    cells = {label: beside for label, _tc, beside, _below in label_cells(tmp_path / "out.docx")}
    assert text_of(cells["Adress"]) == ""
    assert text_of(cells["Fakturamottagare / adress"]) == expected(order, "faktura.adress")


def test_an_ambiguous_place_is_left_empty_and_reported(tmp_path: Path) -> None:
    """'Namn' with no heading above could be the contact person or the signatory: never guessed."""
    doc = Document()
    t.label_table(doc, ["Namn", "E-post"])
    doc.save(str(tmp_path / "form.docx"))
    order = order_for("forskning")
    report = fill_fk_form(order, tmp_path / "form.docx", tmp_path / "out.docx")
    out = Document(str(tmp_path / "out.docx")).tables[0]
    assert out.cell(0, 1).text == ""
    assert out.cell(1, 1).text == expected(order, "bestallare.epost")
    assert any("'Kontaktperson'" in note and "'Namnförtydligande'" in note for note in report.notes)
    reasons = appendix(report)
    assert "kan avse både" in reasons["bestallare.kontaktperson"]
    assert "kan avse både" in reasons["underskrift.namn"]
    assert "inget fält" in reasons["huvudman.ansvarig"]


@pytest.mark.parametrize(("form_route", "order_route"), [("statistik", "forskning"), ("forskning", "statistik")])
def test_a_form_for_the_other_route_is_named_before_saving(tmp_path: Path, form_route: str, order_route: str) -> None:
    template = t.build_agency_below(tmp_path / "form.docx", route=form_route)
    prepared = prepare_fill(order_for(order_route), template)
    assert prepared.report.form_route == form_route
    warning = prepared.report.route_warning
    assert "statistikändamål" in warning and "forskning" in warning
    assert prepared.report.output == Path()
    assert not (tmp_path / "out.docx").exists()  # nothing written yet
    prepared.save(tmp_path / "out.docx")
    assert prepared.report.output == tmp_path / "out.docx"


def test_route_boxes_do_not_count_as_a_title(tmp_path: Path) -> None:
    """A form naming both routes (boxes only) fits either order."""
    doc = Document()
    paragraph = doc.add_paragraph("Beställning av individdata – ")
    t.box_options(paragraph, "glyph", ["Statistikändamål", "Forskningsändamål"])
    doc.save(str(tmp_path / "form.docx"))
    report = prepare_fill(order_for("statistik"), tmp_path / "form.docx").report
    assert report.form_route is None and report.route_warning == ""


def test_section_headings_decide_shared_wordings(tmp_path: Path) -> None:
    """'Namn' and 'Organisationsnummer' under each heading belong to that heading's party."""
    doc = Document()
    for heading, rows in (
        ("Beställare", ["Namn", "Organisationsnummer"]),
        ("Forskningshuvudman", ["Namn", "Organisationsnummer"]),
        ("Fakturering", ["Adress", "Organisationsnummer"]),
        ("Underskrift", ["Namn"]),
    ):
        t.bold_paragraph(doc, heading)
        t.label_table(doc, rows)
    doc.save(str(tmp_path / "form.docx"))
    order = order_for("forskning")
    order.set("faktura.orgnr", "202100-1111")
    order.set("huvudman.orgnr", "202100-2222")
    fill_fk_form(order, tmp_path / "form.docx", tmp_path / "out.docx")
    tables = Document(str(tmp_path / "out.docx")).tables
    answers = [[row.cells[1].text for row in table.rows] for table in tables]
    assert answers == [
        [expected(order, "bestallare.kontaktperson"), expected(order, "bestallare.orgnr")],
        [expected(order, "huvudman.namn"), "202100-2222"],
        [expected(order, "faktura.adress"), "202100-1111"],
        [expected(order, "underskrift.namn")],
    ]


@pytest.mark.parametrize(
    "label", ["Fakturamottagare / adress", "Fakturamottagare/adress:", "Fakturamottagare och adress"]
)
def test_invoice_recipient_and_address_is_the_invoice_address_alone(tmp_path: Path, label: str) -> None:
    """The issue's wrong field: the postal address (Box 123) must never join the invoice address."""
    doc = Document()
    t.label_table(doc, [label, "Ort och datum"])
    doc.save(str(tmp_path / "form.docx"))
    order = order_for("forskning")
    report = fill_fk_form(order, tmp_path / "form.docx", tmp_path / "out.docx")
    out = Document(str(tmp_path / "out.docx")).tables[0]
    assert out.cell(0, 1).text == expected(order, "faktura.adress")
    assert "Box 123" not in out.cell(0, 1).text
    assert out.cell(1, 1).text == "Uppsala, 2026-11-20"  # a real combined label still takes both
    assert appendix(report)["bestallare.postadress"] == "Blanketten har inget fält för 'Postadress'."


def test_a_filled_control_takes_the_formatting_of_the_text_around_it(tmp_path: Path) -> None:
    doc = Document()
    paragraph = doc.add_paragraph()
    label = paragraph.add_run("E-post: ")
    label.font.name = "Arial"
    label.font.size = Pt(11)
    paragraph._p.append(t.sdt_grey(tag="x1"))
    doc.add_paragraph("Projektets namn")
    anchor = doc.add_paragraph("slut")._p
    anchor.addprevious(t.sdt_block(alias="Projektets namn"))
    doc.save(str(tmp_path / "form.docx"))
    order = order_for("forskning")
    fill_fk_form(order, tmp_path / "form.docx", tmp_path / "out.docx")
    control = t.sdt_by(tmp_path / "out.docx", tag="x1")
    run = control.find(f"{qn('w:sdtContent')}/{qn('w:r')}")
    props = run.find(qn("w:rPr"))
    assert props.find(qn("w:rFonts")).get(qn("w:ascii")) == "Arial"
    assert props.find(qn("w:sz")).get(qn("w:val")) == "22"  # 11 pt, the label's size, not the placeholder's 9
    assert props.find(qn("w:color")) is None and props.find(qn("w:rStyle")) is None
    block = t.sdt_by(tmp_path / "out.docx", alias="Projektets namn")
    assert t.sdt_content_text(block) == expected(order, "projekt.titel")
    assert "PlaceholderText" not in etree.tostring(block).decode()


def test_a_place_kept_for_fk_is_never_filled(tmp_path: Path) -> None:
    """FK's own case number in the header ('fylls i av FK') is not the ethics approval's dnr."""
    doc = Document()
    header = doc.sections[0].header.paragraphs[0]
    header.add_run("Dnr ")
    header._p.append(t.sdt_run(alias="Diarienummer", placeholder="(fylls i av FK)"))
    t.label_table(doc, ["Diarienummer (fylls i av Försäkringskassan)", "Projektets namn"])
    doc.save(str(tmp_path / "form.docx"))
    order = order_for("forskning")
    report = fill_fk_form(order, tmp_path / "form.docx", tmp_path / "out.docx")
    assert t.sdt_content_text(t.sdt_by(tmp_path / "out.docx", alias="Diarienummer")) == "(fylls i av FK)"
    out = Document(str(tmp_path / "out.docx")).tables[0]
    assert out.cell(0, 1).text == "" and out.cell(1, 1).text == expected(order, "projekt.titel")
    assert appendix(report)["etik.dnr"] == "Blanketten har inget fält för 'Etikprövningsmyndighetens diarienummer'."


@pytest.mark.parametrize("box_kind", ["glyph", "w14", "legacy"])
def test_boxes_each_in_their_own_cell_of_a_row(tmp_path: Path, box_kind: str) -> None:
    """'| Registersamkörning | ☐ Ja | ☐ Nej |': the row is one question, whatever kind the boxes are."""
    doc = Document()
    rows = [
        ("Registersamkörning", ["Ja", "Nej"]),
        ("Upprepade leveranser", ["Ja", "Nej"]),
        ("Ändamål", ["Statistik", "Forskning"]),
    ]
    table = t.grid_table(doc, len(rows), 3)
    for number, (label, options) in enumerate(rows):
        table.cell(number, 0).text = label
        for column, option in enumerate(options, start=1):
            t.box_options(table.cell(number, column).paragraphs[0], box_kind, [option], f"r{number}c{column}")
    doc.save(str(tmp_path / "form.docx"))
    order = order_for("forskning")
    fill_fk_form(order, tmp_path / "form.docx", tmp_path / "out.docx")
    out = Document(str(tmp_path / "out.docx")).tables[0]
    states = [{**boxes(row.cells[1]._tc), **boxes(row.cells[2]._tc)} for row in out.rows]
    assert states == [
        {"Ja": True, "Nej": False},  # samkorning.ja is True
        {"Ja": False, "Nej": True},  # upprepning.ja is False
        {"Statistik": False, "Forskning": True},
    ]
