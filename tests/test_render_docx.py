"""Our own filled form as .docx: every section, checkboxes, tables, variables page, LibreOffice round trip."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from beställning.document.render import render_order
from beställning.form import load_form
from beställning.order import Order, VariablePick, load_order
from tests.conftest import EXAMPLES
from tests.libreoffice import docx_to_pdf, needs_libreoffice, pdf_text


def all_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.mark.parametrize("name", ["forskning.json", "statistik.json"])
def test_every_section_and_value_is_in_the_document(name: str, tmp_path: Path) -> None:
    order = load_order(EXAMPLES / name)
    out = tmp_path / "out.docx"
    render_order(order, out, as_of=date(2026, 11, 23))
    text = all_text(out)
    form = load_form()
    assert form.route(order.route).title in text
    for section in form.sections_for(order.route):
        assert section.title in text
    for field_id, value in order.fields.items():
        if isinstance(value, str) and form.field(field_id).kind != "choice" and order.is_visible(form.field(field_id)):
            for line in value.split("\n"):
                assert line in text, field_id
    for request in order.benefits:
        assert request.name in text and request.period_from in text


def test_checkboxes_and_choices(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    render_order(load_order(EXAMPLES / "forskning.json"), out)
    text = all_text(out)
    assert "☒ Ja   ☐ Nej" in text  # känsliga personuppgifter
    assert "☒ Stata" in text and "☐ SAS" in text


def test_variables_page_only_when_variables(tmp_path: Path) -> None:
    order = load_order(EXAMPLES / "statistik.json")
    out = tmp_path / "a.docx"
    render_order(order, out)
    assert "Valda variabler" not in all_text(out)
    order.variables.append(VariablePick("sjuk_rehab", "Diagnos", justification="Behövs för fråga 2"))
    render_order(order, out)
    text = all_text(out)
    assert "Bilaga: Valda variabler" in text and "Behövs för fråga 2" in text


def test_hostile_text_gives_a_valid_docx(tmp_path: Path) -> None:
    order = load_order(EXAMPLES / "forskning.json")
    order.fields["projekt.syfte"] = "a\x0bb\x0cc\x00d\x1f 😀🧪 مرحبا بالعالم עברית " + "lång text " * 3000
    out = tmp_path / "hostile.docx"
    render_order(order, out)
    text = all_text(out)
    assert "😀🧪" in text and "مرحبا" in text
    assert "\x00" not in text and "\x0b" not in text
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None


def test_failed_render_leaves_no_half_written_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"old")

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("docx.document.Document.save", fail)
    with pytest.raises(OSError):
        render_order(Order(), out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


@pytest.mark.libreoffice
@needs_libreoffice
def test_libreoffice_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "Beställning.docx"
    render_order(load_order(EXAMPLES / "forskning.json"), out)
    text = pdf_text(docx_to_pdf(out, tmp_path))
    assert "Beställning av individdata för forskning" in text
    assert "Exempeluniversitetet" in text
    assert "☒" in text
    assert "Bilaga: Valda variabler" in text


def test_variables_page_agrees_with_variabelval_xlsx(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from beställning.catalog import export_variable_selection

    order = load_order(EXAMPLES / "forskning.json")
    docx_path, xlsx_path = tmp_path / "f.docx", tmp_path / "Variabelval.xlsx"
    render_order(order, docx_path, chart=False)
    export_variable_selection(order, xlsx_path)
    table = Document(str(docx_path)).tables[-1]
    docx_rows = [[cell.text.replace(" (önskemål)", "") for cell in row.cells] for row in table.rows]
    sheet = load_workbook(xlsx_path, read_only=True).worksheets[0]
    xlsx_rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    header_index = next(i for i, row in enumerate(xlsx_rows) if row[:3] == docx_rows[0][:3])
    assert xlsx_rows[header_index : header_index + len(docx_rows)] == docx_rows


def test_the_chart_is_as_of_the_planned_extraction_and_says_what_the_sa_lag_covers(tmp_path: Path) -> None:
    from beställning.order import BenefitRequest

    seen: list[date] = []

    def chart(_order: Order, as_of: date) -> bytes:
        seen.append(as_of)
        from beställning.chart_png import render_coverage_png

        return render_coverage_png(_order, as_of) or b""

    order = load_order(EXAMPLES / "forskning.json")
    order.benefits.append(BenefitRequest("sa_ersattning", "Sjuk- och aktivitetsersättning", "2019-01", "2026-12"))
    out = tmp_path / "f.docx"
    render_order(order, out, chart=chart)
    assert seen == [date(2027, 3, 1)]  # the order's desired delivery date, not today
    text = all_text(out)
    assert "vid planerat uttag 2027-03-01 (önskat leveransdatum)" in text
    assert "gäller nybeviljade ärenden" in text and "vår uppskattning" in text
    render_order(order, out, as_of=date(2026, 11, 23), chart=chart)
    assert seen[-1] == date(2026, 11, 23) and "vid uttag 2026-11-23;" in all_text(out)


def test_the_variable_page_names_the_grouping_column_for_what_it_is(tmp_path: Path) -> None:
    out = tmp_path / "f.docx"
    render_order(load_order(EXAMPLES / "forskning.json"), out, chart=False)
    header = [cell.text for cell in Document(str(out)).tables[-1].rows[0].cells]
    assert header == [
        "Förmån", "Grupp i katalogen", "Variabel", "Slag", "Beskrivning", "Period", "Motivering", "Källa", "Säkerhet"
    ]
    rows = [[cell.text for cell in row.cells] for row in Document(str(out)).tables[-1].rows[1:]]
    assert [r[3] for r in rows] == ["variabel", "variabel", "variabel", "önskemål"]
    assert rows[0][7].startswith("ISF Rapport 2015:5") and rows[0][8] == "Uppgiven om MiDAS i offentlig källa"
