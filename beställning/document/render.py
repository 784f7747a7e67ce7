"""Our own filled order form as .docx, generated from the form definition (python-docx).

Titled as FK's form for the route, every section in order, label/value tables, checkboxes as ☒/☐,
a table of benefits and periods, the coverage chart, and an appendix page listing chosen variables.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from beställning.atomic import atomic_path
from beställning.coverage import planned_extraction
from beställning.form import FormDefinition, FormField, Section, load_form
from beställning.order import Order
from beställning.text import clean_text

CHECKED, UNCHECKED = "☒", "☐"
FONT = "Arial"
LABEL_SHADE = "E8EEF4"
HEADER_SHADE = "1F4E79"
ChartMaker = Callable[[Order, date], bytes | None]


def _shade(cell: _Cell, color: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color)
    props.append(shading)


def _write(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    size: float | None = None,
    color: RGBColor | None = None,
) -> None:
    """Add text to a paragraph; line breaks in the text become Word line breaks."""
    for index, line in enumerate(clean_text(text).split("\n")):
        if index:
            paragraph.add_run().add_break()
        run = paragraph.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color


def _cell_text(cell: _Cell, text: str, **style: object) -> None:
    paragraph = cell.paragraphs[0]
    _write(paragraph, text, **style)  # type: ignore[arg-type]


def _keep_row_together(table: Table) -> None:
    for row in table.rows:
        props = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        props.append(cant_split)


def _set_widths(table: Table, widths: list[Cm]) -> None:
    """Fixed column widths that both Word and LibreOffice honour (grid, cells and fixed layout)."""
    table.autofit = False
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
        grid_col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def _checkbox_line(options: list[tuple[str, bool]]) -> str:
    return "   ".join(f"{CHECKED if on else UNCHECKED} {label}" for label, on in options)


def field_value_text(order: Order, form_field: FormField) -> str:
    """What the form shows for a field: checkboxes for yes/no and choices, the text otherwise."""
    value = order.get(form_field.id)
    if form_field.kind == "bool":
        answered = form_field.id in order.fields
        return _checkbox_line([("Ja", answered and value is True), ("Nej", answered and value is False)])
    if form_field.kind == "choice":
        return _checkbox_line([(option, value == option) for option in form_field.options])
    return value if isinstance(value, str) else ""


class _Renderer:
    def __init__(self, order: Order, form: FormDefinition, as_of: date, chart: ChartMaker | None) -> None:
        self.order, self.form, self.as_of, self.chart = order, form, as_of, chart
        self.doc: DocxDocument = Document()
        self.number = 0

    def build(self) -> DocxDocument:
        self._page_setup()
        self._title()
        for section in self.form.sections_for(self.order.route):
            self.number += 1
            self._heading(f"{self.number}. {section.title}")
            if section.help:
                self._note(section.help)
            if section.kind == "benefits":
                self._benefits()
            elif section.kind == "attachments":
                self._attachments()
            if section.id == "underskrift":
                self._signature(section)
            else:
                self._fields(section)
        if self.order.variables:
            self._variables_page()
        return self.doc

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.orientation = WD_ORIENT.PORTRAIT
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.8)
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        normal.paragraph_format.space_after = Pt(2)
        route = self.form.route(self.order.route)
        header = section.header.paragraphs[0]
        _write(header, f"Försäkringskassan · {route.title}", size=8, color=RGBColor(0x55, 0x55, 0x55))
        for style_name in ("Header", "Footer"):
            self.doc.styles[style_name].font.size = Pt(8)
        footer = section.footer.paragraphs[0]
        _write(
            footer,
            "Ifylld med Beställningsassistenten · Skickas till " + self.form.recipient + " · Sida ",
            size=8,
            color=RGBColor(0x55, 0x55, 0x55),
        )
        self._page_field(footer, "PAGE")
        _write(footer, " av ", size=8, color=RGBColor(0x55, 0x55, 0x55))
        self._page_field(footer, "NUMPAGES")

    @staticmethod
    def _page_field(paragraph: Paragraph, code: str) -> None:
        run = paragraph.add_run()
        run.font.size = Pt(8)
        for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)
            elif text == code:
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = f" {code} "
                run._r.append(instr)
            else:
                value = OxmlElement("w:t")
                value.text = text
                run._r.append(value)

    def _title(self) -> None:
        route = self.form.route(self.order.route)
        title = self.doc.add_paragraph()
        _write(title, route.title, bold=True, size=17, color=RGBColor(0x1F, 0x4E, 0x79))
        title.paragraph_format.space_after = Pt(4)
        intro = self.doc.add_paragraph()
        _write(
            intro,
            f"Fyll i blanketten och skicka den med övriga handlingar med e-post till "
            f"{self.form.recipient}. Nyckelfilen (populationsfilen) skickas inte nu: Försäkringskassan "
            "tar emot den först efter beslut om utlämnande, med rekommenderad post.",
            size=9,
        )
        meta = self.doc.add_paragraph()
        _write(meta, f"Projekt: {self.order.title()}", bold=True, size=10)

    def _heading(self, text: str) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(10)
        paragraph.paragraph_format.space_after = Pt(3)
        paragraph.paragraph_format.keep_with_next = True
        _write(paragraph, text, bold=True, size=12, color=RGBColor(0x1F, 0x4E, 0x79))

    def _note(self, text: str) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True
        _write(paragraph, text, size=8, color=RGBColor(0x44, 0x44, 0x44))

    def _grid(self, rows: int, cols: int) -> Table:
        table: Table = self.doc.add_table(rows=rows, cols=cols)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        return table

    def _fields(self, section: Section) -> None:
        fields = [f for f in section.fields_for(self.order.route) if self.order.is_visible(f)]
        if not fields:
            return
        table = self._grid(len(fields), 2)
        for row, form_field in zip(table.rows, fields, strict=True):
            label, value = row.cells
            _shade(label, LABEL_SHADE)
            _cell_text(label, form_field.label, bold=True, size=9)
            _cell_text(value, field_value_text(self.order, form_field))
        _set_widths(table, [Cm(5.5), Cm(11.5)])
        _keep_row_together(table)

    def _header_row(self, table: Table, headers: list[str]) -> None:
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            _shade(cell, HEADER_SHADE)
            _cell_text(cell, text, bold=True, size=9, color=RGBColor(0xFF, 0xFF, 0xFF))
        props = table.rows[0]._tr.get_or_add_trPr()
        props.append(OxmlElement("w:tblHeader"))

    def _benefits(self) -> None:
        requests = self.order.benefits
        table = self._grid(1 + max(len(requests), 1), 4)
        self._header_row(table, ["Förmån", "Period från", "Period till", "Önskemål om uppgifter"])
        for row, request in zip(table.rows[1:], requests, strict=False):
            for cell, text in zip(
                row.cells,
                [request.name or request.benefit, request.period_from, request.period_to, request.wishes],
                strict=True,
            ):
                _cell_text(cell, text)
        _set_widths(table, [Cm(5.0), Cm(2.5), Cm(2.5), Cm(7.0)])
        _keep_row_together(table)
        if self.order.variables:
            self._note(
                f"{len(self.order.variables)} valda variabler och önskemål listas i bilagan sist i blanketten."
            )
        self._chart()

    def _chart(self) -> None:
        if self.chart is None:
            return
        png = self.chart(self.order, self.as_of)
        if not png:
            return
        when = f"uttag {self.as_of.isoformat()}"
        if self.as_of == planned_extraction(self.order):
            when = f"planerat uttag {self.as_of.isoformat()} (önskat leveransdatum)"
        note = f"Täckning per förmån vid {when}; Beställningsassistentens beräkning, inte Försäkringskassans uppgift."
        if any(b.benefit == "sa_ersattning" for b in self.order.benefits):
            note += (
                " Försäkringskassans fördröjning för sjuk- och aktivitetsersättning (cirka 9 månader) gäller "
                "nybeviljade ärenden; fördröjningen för pågående ärenden är vår uppskattning."
            )
        self._note(note)
        self.doc.add_picture(io.BytesIO(png), width=Cm(17))

    def _attachments(self) -> None:
        attached = {a.kind for a in self.order.attachments}
        attached.add("blankett")
        if self.order.variables:
            attached.add("variabelval")
        table = self._grid(1 + len(self.form.attachment_kinds), 2)
        self._header_row(table, ["Bilaga", "Fil"])
        for row, kind in zip(table.rows[1:], self.form.attachment_kinds, strict=True):
            mark = CHECKED if kind.id in attached else UNCHECKED
            _cell_text(row.cells[0], f"{mark} {kind.title}")
            files = [Path(a.path).name for a in self.order.attachments if a.kind == kind.id]
            if kind.id == "blankett":
                files = ["Denna blankett"]
            elif kind.id == "variabelval" and self.order.variables:
                files = ["Variabelval.xlsx"]
            _cell_text(row.cells[1], "\n".join(files))
        _set_widths(table, [Cm(8.0), Cm(9.0)])
        _keep_row_together(table)
        self.doc.add_paragraph()

    def _signature(self, section: Section) -> None:
        table = self._grid(2, 3)
        values = {f.id: self.order.text(f.id) for f in section.fields}
        headers = ["Ort och datum", "Namnunderskrift", "Namnförtydligande"]
        place_date = ", ".join(
            v for v in (values.get("underskrift.ort", ""), values.get("underskrift.datum", "")) if v
        )
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            _shade(cell, LABEL_SHADE)
            _cell_text(cell, text, bold=True, size=9)
        for cell, text in zip(
            table.rows[1].cells, [place_date, "\n\n", values.get("underskrift.namn", "")], strict=True
        ):
            _cell_text(cell, text)
        _set_widths(table, [Cm(5.0), Cm(6.5), Cm(5.5)])
        _keep_row_together(table)

    def _variables_page(self) -> None:
        landscape = self.doc.add_section(WD_SECTION.NEW_PAGE)
        landscape.orientation = WD_ORIENT.LANDSCAPE
        landscape.page_width, landscape.page_height = Cm(29.7), Cm(21.0)
        self._heading("Bilaga: Valda variabler")
        self._note(
            "Variabler, tabeller och önskemål som beställningen avser, med motivering mot frågeställningarna. "
            "Samma urval bifogas som Variabelval.xlsx. ”Grupp i katalogen” är Beställningsassistentens "
            "gruppering av begrepp ur offentliga källor, inte tabellnamn i MiDAS; bara rader ur en "
            "importerad variabellista från Försäkringskassan anger Försäkringskassans tabell."
        )
        from beställning.catalog.export import headers, row_values, selection_for

        rows = selection_for(self.order, None)
        columns = headers(rows)
        table = self._grid(1 + len(rows), len(columns))
        self._header_row(table, columns)
        for row, pick in zip(table.rows[1:], rows, strict=True):
            for cell, text in zip(row.cells, row_values(pick), strict=True):
                _cell_text(cell, text, size=8)
        _set_widths(
            table, [Cm(3.5), Cm(3.1), Cm(3.2), Cm(1.8), Cm(3.3), Cm(1.9), Cm(3.4), Cm(3.0), Cm(2.4)]
        )
        _keep_row_together(table)


def _default_chart() -> ChartMaker | None:
    try:
        from beställning.chart_png import render_coverage_png
    except ImportError:
        return None
    return render_coverage_png


def build_document(
    order: Order,
    as_of: date | None = None,
    chart: ChartMaker | None = None,
    form: FormDefinition | None = None,
) -> DocxDocument:
    """The filled form as a python-docx Document (not yet saved)."""
    as_of = as_of or planned_extraction(order) or date.today()
    return _Renderer(order, form or load_form(), as_of, chart).build()


def render_order(
    order: Order, out: Path, as_of: date | None = None, chart: ChartMaker | bool | None = True
) -> None:
    """Write the filled form to `out` atomically. `chart=True` draws the coverage chart when available."""
    maker = _default_chart() if chart is True else (chart or None)
    document = build_document(order, as_of, maker)
    with atomic_path(Path(out)) as tmp:
        document.save(str(tmp))
