"""Test templates standing in for FK's own Word form (blankett), one per way of marking fields.

FK's real .docx is not available, so these builders make forms the way agencies do in Word: label
cells beside or above value cells, content controls (by tag, by title, checkboxes, in a header),
legacy form fields with bookmarks, label paragraphs followed by blank lines or underscores, and a
mixed form with a benefits table resembling a real agency form. Built with python-docx and lxml.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

NS = nsdecls("w", "w14")
DATA_BINDING = (
    '<w:dataBinding w:xpath="/root[1]/satt[1]" w:storeItemID="{00000000-0000-0000-0000-000000000001}"/>'
)
EN_SPACES = "\u2002" * 5


# -- XML pieces -----------------------------------------------------------------------------------


def sdt_run(
    tag: str = "",
    alias: str = "",
    placeholder: str = "Klicka eller tryck här för att ange text.",
    extra_props: str = "",
    placeholder_props: str = "",
) -> object:
    """A run-level plain-text content control showing its placeholder, as Word makes it."""
    props = ""
    if alias:
        props += f'<w:alias w:val="{escape(alias)}"/>'
    if tag:
        props += f'<w:tag w:val="{escape(tag)}"/>'
    return parse_xml(
        f"<w:sdt {NS}><w:sdtPr>{props}<w:showingPlcHdr/>{extra_props}<w:text/></w:sdtPr>"
        f'<w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/>{placeholder_props}</w:rPr>'
        f"<w:t>{escape(placeholder)}</w:t></w:r></w:sdtContent></w:sdt>"
    )


def sdt_block(tag: str = "", alias: str = "", placeholder: str = "Ange text.") -> object:
    """A block-level content control around a whole paragraph (python-docx cannot see its text)."""
    props = (f'<w:alias w:val="{escape(alias)}"/>' if alias else "") + (
        f'<w:tag w:val="{escape(tag)}"/>' if tag else ""
    )
    return parse_xml(
        f"<w:sdt {NS}><w:sdtPr>{props}<w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p>"
        f'<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{escape(placeholder)}</w:t></w:r>'
        f"</w:p></w:sdtContent></w:sdt>"
    )


def sdt_checkbox(tag: str = "", alias: str = "", checked: bool = False) -> object:
    """A Word 2010 checkbox content control (w14:checkbox)."""
    props = (f'<w:alias w:val="{escape(alias)}"/>' if alias else "") + (
        f'<w:tag w:val="{escape(tag)}"/>' if tag else ""
    )
    glyph = "☒" if checked else "☐"
    return parse_xml(
        f"<w:sdt {NS}><w:sdtPr>{props}<w14:checkbox>"
        f'<w14:checked w14:val="{int(checked)}"/>'
        f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        f'<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
        f"</w14:checkbox></w:sdtPr><w:sdtContent><w:r>"
        f'<w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>{glyph}</w:t>'
        f"</w:r></w:sdtContent></w:sdt>"
    )


def sdt_date(alias: str) -> object:
    return parse_xml(
        f'<w:sdt {NS}><w:sdtPr><w:alias w:val="{escape(alias)}"/><w:showingPlcHdr/>'
        f'<w:date><w:dateFormat w:val="yyyy-MM-dd"/><w:lid w:val="sv-SE"/></w:date></w:sdtPr>'
        f'<w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
        f"<w:t>Klicka för att ange datum.</w:t></w:r></w:sdtContent></w:sdt>"
    )


def sdt_dropdown(alias: str, items: list[str]) -> object:
    entries = "".join(f'<w:listItem w:displayText="{escape(i)}" w:value="{escape(i)}"/>' for i in items)
    return parse_xml(
        f'<w:sdt {NS}><w:sdtPr><w:alias w:val="{escape(alias)}"/><w:showingPlcHdr/>'
        f"<w:dropDownList>{entries}</w:dropDownList></w:sdtPr>"
        f'<w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
        f"<w:t>Välj ett objekt.</w:t></w:r></w:sdtContent></w:sdt>"
    )


_bookmark_ids = iter(range(100, 100000))


def add_formtext(paragraph: Paragraph, name: str, bookmark: str = "", max_length: int = 0) -> None:
    """A legacy text form field (FORMTEXT) with Word's five-en-space default result."""
    limit = f'<w:maxLength w:val="{max_length}"/>' if max_length else ""
    mark = bookmark or name
    ident = next(_bookmark_ids)
    p = paragraph._p
    p.append(parse_xml(f'<w:bookmarkStart {NS} w:id="{ident}" w:name="{escape(mark)}"/>'))
    p.append(
        parse_xml(
            f'<w:r {NS}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{escape(name)}"/>'
            f'<w:enabled/><w:calcOnExit w:val="0"/><w:textInput>{limit}</w:textInput></w:ffData>'
            f"</w:fldChar></w:r>"
        )
    )
    p.append(parse_xml(f'<w:r {NS}><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'))
    p.append(parse_xml(f'<w:r {NS}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p.append(parse_xml(f"<w:r {NS}><w:rPr><w:noProof/></w:rPr><w:t>{EN_SPACES}</w:t></w:r>"))
    p.append(parse_xml(f'<w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>'))
    p.append(parse_xml(f'<w:bookmarkEnd {NS} w:id="{ident}"/>'))


def add_formcheckbox(paragraph: Paragraph, name: str, checked: bool = False) -> None:
    """A legacy checkbox form field (FORMCHECKBOX)."""
    p = paragraph._p
    p.append(
        parse_xml(
            f'<w:r {NS}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{escape(name)}"/>'
            f'<w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>'
            f'<w:default w:val="{int(checked)}"/></w:checkBox></w:ffData></w:fldChar></w:r>'
        )
    )
    p.append(parse_xml(f'<w:r {NS}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'))
    p.append(parse_xml(f'<w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>'))


def grid_table(doc: DocxDocument, rows: int, cols: int) -> Table:
    table = doc.add_table(rows=rows, cols=cols)
    table.style = doc.styles["Table Grid"]
    return table


def label_table(doc: DocxDocument, labels: list[str], cols: int = 2) -> Table:
    """A table with one label a row in the first column and empty answer cells beside it."""
    table = grid_table(doc, len(labels), cols)
    for row, label in zip(table.rows, labels, strict=True):
        row.cells[0].text = label
    return table


def bold_paragraph(doc: DocxDocument, text: str) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


# -- the templates --------------------------------------------------------------------------------


def build_beside(path: Path) -> Path:
    """Label cells with an empty value cell to the right (python-docx's usual form)."""
    doc = Document()
    doc.add_heading("Beställning av individdata för forskning", 0)
    doc.add_heading("Beställare", 1)
    rows = [
        "Organisation",
        "Organisationsnummer",
        "Kontaktperson",
        "E-postadress:",
        "Telefon *",
        "Postadress",
    ]
    table = grid_table(doc, len(rows), 2)
    for row, label in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
    doc.add_heading("Projekt", 1)
    rows = ["Projektets titel", "Syfte", "Frågeställningar", "Etikprövningsmyndighetens diarienummer"]
    table = grid_table(doc, len(rows), 2)
    for row, label in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
    doc.add_heading("Underskrift", 1)
    table = grid_table(doc, 3, 2)
    for row, label in zip(table.rows, ["Ort", "Datum", "Namnförtydligande"], strict=True):
        row.cells[0].text = label
    doc.save(str(path))
    return path


def build_below(path: Path) -> Path:
    """Labels above their value: a label row over an empty row, and labels at the top of a cell."""
    doc = Document()
    doc.add_heading("Beställning av individdata för statistikändamål", 0)
    doc.add_heading("Uppgifter om beställaren", 1)
    table = grid_table(doc, 4, 2)
    for cell, label in zip(table.rows[0].cells, ["Organisation", "Org.nr"], strict=True):
        cell.text = label
    for cell, label in zip(table.rows[2].cells, ["Kontaktperson", "Telefonnummer"], strict=True):
        cell.text = label
    doc.add_heading("Projekt och syfte", 1)
    # Swedish blankett style: a small label at the top of a cell, space to write below it.
    table = grid_table(doc, 2, 1)
    for row, label in zip(table.rows, ["Projekttitel", "Syfte med beställningen"], strict=True):
        cell = row.cells[0]
        cell.paragraphs[0].add_run(label).font.size = Pt(8)
        cell.add_paragraph()
        cell.add_paragraph()
    doc.save(str(path))
    return path


def build_controls(path: Path) -> Path:
    """Content controls: by tag, by title (alias), with the label beside, checkboxes, in a header."""
    doc = Document()
    header = doc.sections[0].header.paragraphs[0]
    header.add_run("Försäkringskassan   Beställare: ")
    header._p.append(sdt_run(alias="Organisation"))
    doc.add_heading("Beställning av individdata för forskning", 0)
    doc.add_heading("Beställare", 1)
    paragraph = doc.add_paragraph("E-post: ")
    paragraph._p.append(sdt_run(tag="bestallare.epost"))
    paragraph = doc.add_paragraph("Kontaktperson: ")
    paragraph._p.append(sdt_run(tag="Text1"))  # meaningless tag: the label before it decides
    table = grid_table(doc, 2, 2)
    table.cell(0, 0).text = "Telefon"
    table.cell(0, 1).paragraphs[0]._p.append(sdt_run(tag="tel"))
    table.cell(1, 0).text = "Postadress"
    table.cell(1, 1).paragraphs[0]._p.append(sdt_run(tag="adr"))
    doc.add_heading("Projekt", 1)
    doc.add_paragraph("Projektets titel")
    anchor = doc.add_paragraph("Syfte")._p
    anchor.addprevious(sdt_block(alias="Projektets titel"))
    anchor.addnext(sdt_block(tag="projekt_syfte"))
    doc.add_heading("Rättslig grund och etikprövning", 1)
    paragraph = doc.add_paragraph()
    paragraph._p.append(sdt_checkbox(alias="Känsliga personuppgifter"))
    paragraph.add_run(" Projektet behandlar känsliga personuppgifter")
    paragraph = doc.add_paragraph("Datum för etikbeslut: ")
    paragraph._p.append(sdt_date("Datum för etikbeslut"))
    paragraph = doc.add_paragraph("Samkörning: ")
    paragraph._p.append(sdt_checkbox(tag="ja"))
    paragraph.add_run(" Ja  ")
    paragraph._p.append(sdt_checkbox(tag="nej"))
    paragraph.add_run(" Nej")
    doc.add_heading("Leverans", 1)
    paragraph = doc.add_paragraph("Filformat: ")
    paragraph._p.append(sdt_dropdown("Filformat", ["SAS", "Stata", "SPSS", "CSV"]))
    # A data-bound control, as Word makes when a form is built on custom XML.
    paragraph = doc.add_paragraph("Leveranssätt: ")
    paragraph._p.append(
        sdt_run(
            alias="Leveranssätt",
            extra_props=DATA_BINDING,
        )
    )
    doc.save(str(path))
    return path


def build_legacy(path: Path) -> Path:
    """Legacy form fields (Word 97-2003): FORMTEXT named or bookmarked, FORMCHECKBOX."""
    doc = Document()
    doc.add_heading("Beställning av individdata för forskning", 0)
    doc.add_heading("Beställare", 1)
    paragraph = doc.add_paragraph("Organisation: ")
    add_formtext(paragraph, "Organisation")
    paragraph = doc.add_paragraph("E-postadress: ")
    add_formtext(paragraph, "Text1", bookmark="Epost")  # the bookmark names it
    paragraph = doc.add_paragraph("Namn: ")
    add_formtext(paragraph, "Text2")  # only the label before it names it
    paragraph.add_run("   Telefon: ")
    add_formtext(paragraph, "Text3")  # a second field on the same line
    table = grid_table(doc, 1, 2)
    table.cell(0, 0).text = "Organisationsnummer"
    add_formtext(table.cell(0, 1).paragraphs[0], "Text4", max_length=6)
    doc.add_heading("Projekt", 1)
    doc.add_paragraph("Syfte")
    add_formtext(doc.add_paragraph(), "Text5")
    doc.add_heading("Etikprövning", 1)
    paragraph = doc.add_paragraph()
    add_formcheckbox(paragraph, "Kryss1")
    paragraph.add_run(" Projektet behandlar känsliga personuppgifter")
    paragraph = doc.add_paragraph("Samkörning: ")
    add_formcheckbox(paragraph, "Kryss2")
    paragraph.add_run(" Ja ")
    add_formcheckbox(paragraph, "Kryss3")
    paragraph.add_run(" Nej")
    doc.save(str(path))
    return path


def build_blank_lines(path: Path) -> Path:
    """A label paragraph followed by blank space: empty paragraphs, underscores, dots or tabs."""
    doc = Document()
    doc.add_heading("Beställning av individdata för forskning", 0)
    doc.add_heading("Beställare", 1)
    doc.add_paragraph("Organisation")
    doc.add_paragraph("")
    doc.add_paragraph("E-post: ______________________________")
    doc.add_paragraph("Telefon ……………………………………")
    doc.add_paragraph("Kontaktperson:")
    doc.add_paragraph("_______________________________________")
    doc.add_heading("Projekt och syfte", 1)
    bold_paragraph(doc, "Projektets syfte")
    for _ in range(3):
        doc.add_paragraph()
    doc.add_paragraph("Frågeställningar:")
    doc.add_paragraph("\t\t\t")
    doc.add_heading("Underskrift", 1)
    doc.add_paragraph("Namnförtydligande: ..............................")
    doc.save(str(path))
    return path


def build_mixed(path: Path) -> Path:
    """A form resembling a real agency form: header control, sections as table rows, ☐ Ja ☐ Nej,
    a benefits table with one empty row, a signature table and no place for some fields."""
    doc = Document()
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.add_run("FÖRSÄKRINGSKASSAN").bold = True
    header.add_run("\tBeställning av individdata\tDnr ")
    header._p.append(sdt_run(alias="Diarienummer", placeholder="(fylls i av FK)"))
    footer = section.footer.paragraphs[0]
    footer.add_run("Skickas till statistikenheten@forsakringskassan.se").font.size = Pt(8)

    title = doc.add_paragraph()
    run = title.add_run("Beställning av individdata för forskning")
    run.bold = True
    run.font.size = Pt(16)
    doc.add_paragraph(
        "Fyll i blanketten och skicka den tillsammans med etikansökan och Etikprövningsmyndighetens "
        "beslut till Försäkringskassan. Fält markerade med * är obligatoriska."
    )

    def section_row(table: Table, row: int, text: str) -> None:
        cell = table.cell(row, 0).merge(table.cell(row, 1))
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True

    def label_top(cell: object, label: str) -> None:
        paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
        paragraph.add_run(label).font.size = Pt(8)
        cell.add_paragraph()  # type: ignore[attr-defined]

    table = grid_table(doc, 9, 2)
    section_row(table, 0, "1. Beställare")
    label_top(table.cell(1, 0), "Organisation *")
    label_top(table.cell(1, 1), "Organisationsnummer *")
    label_top(table.cell(2, 0), "Kontaktperson *")
    label_top(table.cell(2, 1), "Telefon")
    label_top(table.cell(3, 0), "E-postadress *")
    label_top(table.cell(3, 1), "Postadress")
    section_row(table, 4, "2. Forskningshuvudman")
    label_top(table.cell(5, 0), "Forskningshuvudmannens namn")
    label_top(table.cell(5, 1), "Org.nr forskningshuvudman")
    label_top(table.cell(6, 0), "Ansvarig forskare")
    table.cell(6, 1).text = ""
    section_row(table, 7, "3. Projekt")
    cell = table.cell(8, 0).merge(table.cell(8, 1))
    label_top(cell, "Projektets titel")

    doc.add_paragraph()
    bold_paragraph(doc, "Projektets syfte *")
    doc.add_paragraph()
    doc.add_paragraph()

    bold_paragraph(doc, "4. Etikprövning")
    table = grid_table(doc, 3, 2)
    table.cell(0, 0).text = "Behandlas känsliga personuppgifter?"
    table.cell(0, 1).text = "☐ Ja   ☐ Nej"
    table.cell(1, 0).text = "Diarienummer"
    table.cell(2, 0).text = "Beslutsdatum"

    bold_paragraph(doc, "5. Önskade uppgifter")
    table = grid_table(doc, 2, 4)
    for cell, text in zip(
        table.rows[0].cells, ["Förmån", "Period från", "Period till", "Önskemål"], strict=True
    ):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True

    bold_paragraph(doc, "6. Leverans")
    paragraph = doc.add_paragraph("Önskat format: ")
    for option in ["SAS", "Stata", "SPSS", "CSV"]:
        paragraph.add_run(f"☐ {option}   ")
    doc.add_paragraph("Önskat leveransdatum: ____________________")

    bold_paragraph(doc, "7. Underskrift")
    table = grid_table(doc, 2, 2)
    table.cell(0, 0).text = "Ort och datum"
    table.cell(0, 1).text = "Namnförtydligande"
    doc.save(str(path))
    return path


BUILDERS = {
    "beside": build_beside,
    "below": build_below,
    "controls": build_controls,
    "legacy": build_legacy,
    "blank_lines": build_blank_lines,
    "mixed": build_mixed,
}


# -- reading a filled form back -------------------------------------------------------------------


def parts_xml(path: Path) -> list[object]:
    """The root elements of the body, headers and footers of a saved document (re-opened)."""
    doc = Document(str(path))
    roots = [doc.element.body]
    for rel in doc.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")):
            roots.append(rel.target_part.element)
    return roots


def paragraph_text(p: object) -> str:
    out = []
    for node in p.iter(qn("w:t"), qn("w:br"), qn("w:tab")):  # type: ignore[attr-defined]
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:br"):
            out.append("\n")
        else:
            out.append("\t")
    return "".join(out)


def document_text(path: Path) -> str:
    """All visible text: body (controls included), headers and footers; w:br as a newline."""
    texts = []
    for root in parts_xml(path):
        for p in root.iter(qn("w:p")):  # type: ignore[attr-defined]
            texts.append(paragraph_text(p))
    return "\n".join(texts)


def sdt_by(path: Path, *, tag: str = "", alias: str = "") -> object:
    """The content control with this tag or title, from the body or a header/footer."""
    for root in parts_xml(path):
        for sdt in root.iter(qn("w:sdt")):  # type: ignore[attr-defined]
            props = sdt.find(qn("w:sdtPr"))
            for name, wanted in (("w:tag", tag), ("w:alias", alias)):
                node = props.find(qn(name))
                if wanted and node is not None and node.get(qn("w:val")) == wanted:
                    return sdt
    raise AssertionError(f"no content control tag={tag!r} alias={alias!r}")


def sdt_content_text(sdt: object) -> str:
    content = sdt.find(qn("w:sdtContent"))  # type: ignore[attr-defined]
    return (
        "\n".join(paragraph_text(p) for p in content.iter(qn("w:p")))
        if content.find(f".//{qn('w:p')}") is not None
        else paragraph_text(content)
    )


def formfield_results(path: Path) -> dict[str, str]:
    """Legacy FORMTEXT fields by ffData name -> the text between separate and end."""
    results: dict[str, str] = {}
    for root in parts_xml(path):
        for p in root.iter(qn("w:p")):  # type: ignore[attr-defined]
            name, state = None, ""
            for run in p.iter(qn("w:r")):
                char = run.find(qn("w:fldChar"))
                if char is not None:
                    kind = char.get(qn("w:fldCharType"))
                    if kind == "begin":
                        node = char.find(f"{qn('w:ffData')}/{qn('w:name')}")
                        name, state = (node.get(qn("w:val")) if node is not None else None), "code"
                        if name:
                            results[name] = ""
                    elif kind == "separate":
                        state = "result"
                    elif kind == "end":
                        name, state = None, ""
                    continue
                if name and state == "result":
                    results[name] += paragraph_text(run)
    return results


def formcheckbox_state(path: Path, name: str) -> bool:
    for root in parts_xml(path):
        for data in root.iter(qn("w:ffData")):  # type: ignore[attr-defined]
            node = data.find(qn("w:name"))
            if node is not None and node.get(qn("w:val")) == name:
                box = data.find(qn("w:checkBox"))
                checked = box.find(qn("w:checked"))
                if checked is None:
                    checked = box.find(qn("w:default"))
                return checked.get(qn("w:val"), "1") in ("1", "true")
    raise AssertionError(f"no checkbox {name}")


# -- agency-style forms (issue 13): the wordings and layouts a Swedish agency form uses ----------

GREY = '<w:color w:val="808080"/>'


def sdt_grey(tag: str = "", alias: str = "", placeholder: str = "Klicka eller tryck här för att ange text.") -> object:
    """A run-level control whose placeholder is grey by both the Placeholder Text style and a colour."""
    return sdt_run(tag, alias, placeholder, placeholder_props=GREY + '<w:sz w:val="18"/>')


def add_formdropdown(paragraph: Paragraph, name: str, entries: list[str]) -> None:
    """A legacy dropdown form field (FORMDROPDOWN)."""
    items = "".join(f'<w:listEntry w:val="{escape(e)}"/>' for e in entries)
    p = paragraph._p
    p.append(
        parse_xml(
            f'<w:r {NS}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{escape(name)}"/>'
            f'<w:enabled/><w:calcOnExit w:val="0"/><w:ddList>{items}</w:ddList></w:ffData></w:fldChar></w:r>'
        )
    )
    p.append(parse_xml(f'<w:r {NS}><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'))
    p.append(parse_xml(f'<w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>'))


def box_options(paragraph: Paragraph, kind: str, options: list[str], name: str = "") -> None:
    """Boxes of one kind, each followed by its option text: glyph, w14 control or legacy field."""
    for number, option in enumerate(options):
        if kind == "glyph":
            paragraph.add_run(f"☐ {option}   ")
            continue
        if kind == "w14":
            paragraph._p.append(sdt_checkbox(tag=f"{name}{number}" if name else ""))
        else:
            add_formcheckbox(paragraph, f"Kryss{next(_bookmark_ids)}")
        paragraph.add_run(f" {option}   ")


def title(doc: DocxDocument, route: str) -> None:
    purpose = "statistikändamål" if route == "statistik" else "forskning"
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(f"Beställning av individdata för {purpose}")
    run.bold = True
    run.font.size = Pt(16)
    doc.add_paragraph(
        "Blanketten skickas med e-post till statistikenheten@forsakringskassan.se. Fyll i alla "
        "uppgifter som gäller beställningen."
    )


def build_agency_cells(path: Path, route: str = "forskning", boxes: str = "glyph") -> Path:
    """One big table: section rows, a label cell with its answer cell beside, boxes beside labels.

    The wordings are the agency's, not ours ("Beställarens namn", "Registersamkörning",
    "Fakturamottagare / adress" beside a plain "Adress"), and periods have one field.
    """
    doc = Document()
    title(doc, route)
    paragraph = doc.add_paragraph("Beställningen avser: ")
    box_options(paragraph, boxes, ["Statistikändamål", "Forskningsändamål"], "andamal")
    rows: list[tuple[str, str | list[str] | None]] = [
        ("1. Beställare", None),
        ("Beställarens namn", ""),
        ("Organisationsnummer", ""),
        ("Kontaktperson", ""),
        ("E-post", ""),
        ("Telefon", ""),
        ("Adress", ""),
        ("2. Projekt", None),
        ("Projektets namn", ""),
        ("Syfte med beställningen", ""),
        ("3. Etik och rättslig grund", None),
        ("Känsliga personuppgifter", ["Ja", "Nej"]),
        ("Etiskt godkännande (dnr)", ""),
        ("Rättslig grund", ""),
        ("4. Population och uppgifter", None),
        ("Beskrivning av populationen", ""),
        ("Nyckelfil", ["Ja", "Nej"]),
        ("Förmåner och perioder", ""),
        ("5. Samkörning", None),
        ("Registersamkörning", ["Ja", "Nej"]),
        ("Upprepade leveranser", ["Ja", "Nej"]),
        ("6. Leverans och gallring", None),
        ("Leveranssätt", ""),
        ("Önskat leveransdatum", ""),
        ("Längre lagring än sex månader", ["Ja", "Nej"]),
        ("7. Fakturering", None),
        ("Fakturamottagare / adress", ""),
        ("Er referens", ""),
        ("Uppgiftslämnarskyldighet", ["Ja", "Nej"]),
        ("8. Underskrift", None),
        ("Ort och datum", ""),
        ("Namnförtydligande", ""),
    ]
    table = grid_table(doc, len(rows), 2)
    for number, (label, answer) in enumerate(rows):
        if answer is None:
            cell = table.cell(number, 0).merge(table.cell(number, 1))
            cell.text = ""
            cell.paragraphs[0].add_run(label).bold = True
            continue
        table.cell(number, 0).text = label
        if isinstance(answer, list):
            box_options(table.cell(number, 1).paragraphs[0], boxes, answer, f"b{number}_")
    doc.save(str(path))
    return path


def build_agency_below(path: Path, route: str = "statistik", boxes: str = "w14") -> Path:
    """Labels in one row and answers in the row below, two fields a row; paragraphs below labels."""
    doc = Document()
    title(doc, route)
    bold_paragraph(doc, "Beställare")
    table = grid_table(doc, 6, 2)
    pairs = [
        ("Beställarens namn", "Organisationsnummer"),
        ("Kontaktperson", "E-postadress"),
        ("Telefonnummer", "Adress"),
    ]
    for index, (left, right) in enumerate(pairs):
        table.cell(index * 2, 0).text = left
        table.cell(index * 2, 1).text = right
    bold_paragraph(doc, "Projekt")
    table = grid_table(doc, 4, 1)
    table.cell(0, 0).text = "Projektets namn"
    table.cell(2, 0).text = "Syfte"
    bold_paragraph(doc, "Uppgifter")
    doc.add_paragraph("Tidsperiod")
    doc.add_paragraph()
    doc.add_paragraph("Registersamkörning")
    box_options(doc.add_paragraph(), boxes, ["Ja", "Nej"], "samk")
    doc.add_paragraph("Upprepade leveranser")
    box_options(doc.add_paragraph(), boxes, ["Ja", "Nej"], "upp")
    paragraph = doc.add_paragraph()
    box_options(paragraph, boxes, ["En nyckelfil skickas till Försäkringskassan"], "nyckel")
    bold_paragraph(doc, "Fakturering")
    table = grid_table(doc, 4, 2)
    table.cell(0, 0).text = "Faktureringsadress"
    table.cell(0, 1).text = "Fakturareferens"
    table.cell(2, 0).text = "Organisationsnummer för fakturering"
    table.cell(2, 1).text = "Uppgiftslämnarskyldighet"
    box_options(table.cell(3, 1).paragraphs[0], boxes, ["Ja", "Nej"], "upl")
    bold_paragraph(doc, "Underskrift")
    table = grid_table(doc, 2, 2)
    table.cell(0, 0).text = "Ort"
    table.cell(0, 1).text = "Datum"
    doc.save(str(path))
    return path


def build_agency_controls(path: Path, route: str = "forskning") -> Path:
    """Content controls: agency titles (alias), meaningless tags with a label beside, grey
    placeholders, w14 checkboxes for route and Ja/Nej, one control for all benefits and periods."""
    doc = Document()
    title(doc, route)
    paragraph = doc.add_paragraph("Ändamål: ")
    box_options(paragraph, "w14", ["Statistikändamål", "Forskningsändamål"], "andamal")
    bold_paragraph(doc, "Beställare")
    table = grid_table(doc, 5, 2)
    for row, (label, tag) in enumerate(
        [
            ("Beställarens namn", "txt1"),
            ("Kontaktperson", "txt2"),
            ("E-post", "txt3"),
            ("Telefon", "txt4"),
            ("Adress", "txt5"),
        ]
    ):
        table.cell(row, 0).text = label
        table.cell(row, 1).paragraphs[0]._p.append(sdt_grey(tag=tag))
    bold_paragraph(doc, "Projekt")
    paragraph = doc.add_paragraph("Projektets namn: ")
    paragraph._p.append(sdt_grey(alias="Projektets namn", placeholder="Ange projektets namn"))
    doc.add_paragraph("Förmåner och perioder")
    paragraph = doc.add_paragraph()
    paragraph._p.append(sdt_grey(tag="formaner", placeholder="Ange förmåner och perioder"))
    paragraph = doc.add_paragraph("Etiskt godkännande (dnr): ")
    paragraph._p.append(sdt_grey(tag="dnr"))
    paragraph = doc.add_paragraph("Känsliga personuppgifter: ")
    box_options(paragraph, "w14", ["Ja", "Nej"], "kansl")
    paragraph = doc.add_paragraph("Registersamkörning: ")
    box_options(paragraph, "w14", ["Ja", "Nej"], "samk")
    paragraph = doc.add_paragraph()
    box_options(paragraph, "w14", ["Upprepade leveranser"], "upp")
    paragraph = doc.add_paragraph()
    box_options(paragraph, "w14", ["Försäkringskassan ska spara filerna längre än sex månader"], "gallr")
    bold_paragraph(doc, "Fakturering")
    paragraph = doc.add_paragraph("Fakturamottagare / adress: ")
    paragraph._p.append(sdt_grey(alias="Fakturamottagare / adress"))
    paragraph = doc.add_paragraph("Uppgiftslämnarskyldighet: ")
    box_options(paragraph, "w14", ["Ja", "Nej"], "upl")
    doc.save(str(path))
    return path


def build_agency_legacy(path: Path, route: str = "forskning") -> Path:
    """Legacy form fields named Text1…, labels before them; FORMCHECKBOX route and Ja/Nej boxes."""
    doc = Document()
    title(doc, route)
    paragraph = doc.add_paragraph()
    box_options(paragraph, "legacy", ["Statistikändamål", "Forskningsändamål"])
    fields = [
        "Beställarens namn",
        "Kontaktperson",
        "E-post",
        "Adress",
        "Projektets namn",
        "Etiskt godkännande (dnr)",
        "Tidsperiod",
        "Faktureringsadress",
    ]
    for number, label in enumerate(fields, start=1):
        paragraph = doc.add_paragraph(f"{label}: ")
        add_formtext(paragraph, f"Text{number}")
    paragraph = doc.add_paragraph("Filformat: ")
    add_formdropdown(paragraph, "Dropdown1", ["SAS", "Stata", "SPSS", "CSV"])
    for label in ["Känsliga personuppgifter", "Registersamkörning", "Upprepade leveranser", "Uppgiftslämnarskyldighet"]:
        paragraph = doc.add_paragraph(f"{label}: ")
        box_options(paragraph, "legacy", ["Ja", "Nej"])
    paragraph = doc.add_paragraph()
    box_options(paragraph, "legacy", ["Nyckelfil skickas"])
    paragraph = doc.add_paragraph()
    box_options(paragraph, "legacy", ["Längre lagring än sex månader"])
    doc.save(str(path))
    return path


for _agency_form in (build_agency_cells, build_agency_below, build_agency_controls, build_agency_legacy):
    BUILDERS[_agency_form.__name__.removeprefix("build_")] = _agency_form
