"""Generated ethics documents for the ethics check's tests and bench: PDF, .docx and .odt.

An application is built from numbered sentences, one per requirement (`APPLICATION`), so a test can
leave out exactly the ones it wants; the filler says nothing any requirement looks for. PDFs are written
with pypdf: real pages (WinAnsi Helvetica, one line per entry, so a word can be split across lines
with a hyphen as a PDF from Word would), and pages with graphics only, as a scan is to a text reader.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from beställning.order import Attachment, BenefitRequest, Order

DNR = "2024-01234-01"
DECISION_DATE = "2024-03-15"

# One requirement per key; each value is the lines that meet it (a list: a word may be split).
APPLICATION: dict[str, list[str]] = {
    "fk_source": ["Uppgifterna om ersättningar hämtas från Försäkringskassans register MiDAS."],
    "benefit:sjuk_rehab": ["Vi begär uppgifter om sjukpenningen, med diagnos och omfattning."],
    "benefit:foraldrapenning": ["Dessutom begärs antalet föräldra-", "penningdagar per månad och förälder."],
    "linkage": ["Uppgifterna samkörs med SCB:s LISA och Socialstyrelsens patientregister."],
    "repeated": ["Uppgifterna begärs ut vid flera tillfällen, en gång per år under projektet."],
    "period": ["Studien omfattar uppgifter för åren 2015–2025."],
}
FILLER = [
    "Projektets syfte är att studera återgång i arbete efter en längre frånvaro.",
    "Forskningspersonerna informeras genom annonser i dagspress.",
    "Resultaten redovisas på gruppnivå så att ingen enskild kan identifieras.",
    "Analysen görs med regressionsmodeller i en säker miljö.",
]


def application_lines(omit: Iterable[str] = (), pages: int = 2) -> list[list[str]]:
    """An application's pages: filler on each, the requirement sentences spread over them."""
    omitted = set(omit)
    wanted = [lines for key, lines in APPLICATION.items() if key not in omitted]
    result: list[list[str]] = [["Ansökan om etikprövning"] if page == 0 else [] for page in range(pages)]
    for index, lines in enumerate(wanted):
        result[index * pages // max(len(wanted), 1)].extend(lines)
    for page in result:
        page.extend(FILLER)
    return result


def decision_lines(
    dnr: str = DNR, date_text: str = "15 mars 2024", supplement: bool = False, extra: Iterable[str] = ()
) -> list[list[str]]:
    lines = ["Etikprövningsmyndigheten", f"Dnr {dnr}", f"Beslutsdatum: {date_text}", "Beslut"]
    lines.append("Etikprövningsmyndigheten godkänner forskningen enligt ansökan.")
    if supplement:
        lines.append("Ansökan har kompletterats den 1 mars 2024 på begäran av nämnden.")
    lines.extend(extra)
    return [lines]


# --- PDF ------------------------------------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252), so pypdf and PDFium read å, ä, ö back."""
    raw = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def make_pdf(pages: list[list[str]], scanned: Iterable[int] = ()) -> bytes:
    """A PDF with one page per list of lines; pages numbered in `scanned` (1-based) hold only graphics."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    image_pages = set(scanned)
    writer = PdfWriter()
    for number, lines in enumerate(pages, start=1):
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        content = DecodedStreamObject()
        if number in image_pages:
            content.set_data(b"0.6 g 60 60 475 722 re f")  # what a scan is to a text reader: no text
        else:
            shown = b" ".join(_pdf_string(line) + b" Tj T*" for line in lines)
            content.set_data(b"BT /F1 11 Tf 14 TL 60 780 Td " + shown + b" ET")
        page.replace_contents(content)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- Word and OpenDocument -----------------------------------------------------------------------


def make_docx(path: Path, pages: list[list[str]], rendered_breaks: bool = True) -> Path:
    """A .docx with a page break between pages; `rendered_breaks` records them as Word does on save."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    for number, lines in enumerate(pages):
        for index, line in enumerate(lines):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(line)
            if number and not index and rendered_breaks:
                run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
        if number < len(pages) - 1:
            document.add_page_break()
    document.save(path)
    return path


def make_odt(path: Path, pages: list[list[str]], split_runs: bool = True) -> Path:
    """A minimal .odt, pages separated by LibreOffice's recorded page breaks; text split into spans."""
    body = []
    for number, lines in enumerate(pages):
        if number:
            body.append("<text:soft-page-break/>")
        for line in lines:
            if split_runs and len(line) > 6:
                half = len(line) // 2
                inner = f'{escape(line[:half])}<text:span text:style-name="T1">{escape(line[half:])}</text:span>'
            else:
                inner = escape(line)
            body.append(f"<text:p>{inner}</text:p>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        "<office:body><office:text>" + "".join(body) + "</office:text></office:body></office:document-content>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"><office:meta>'
        "</office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("meta.xml", meta, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def write_document(path: Path, pages: list[list[str]], scanned: Iterable[int] = ()) -> Path:
    """Write `pages` in the format the file name says (.pdf, .docx or .odt); `scanned` only for PDF."""
    if path.suffix == ".pdf":
        path.write_bytes(make_pdf(pages, scanned))
    elif path.suffix == ".docx":
        make_docx(path, pages)
    elif path.suffix == ".odt":
        make_odt(path, pages)
    else:
        raise ValueError(path.suffix)
    return path


IDS = [
    "fk_source",
    "benefit:sjuk_rehab",
    "benefit:foraldrapenning",
    "linkage",
    "repeated",
    "dnr",
    "decision_date",
    "period",
    "supplements",
]  # the entries of `research_order`'s report, in order


# --- orders ---------------------------------------------------------------------------------------


def research_order(
    application: str = "bilagor/etikansokan.pdf",
    decision: str = "bilagor/etikbeslut.pdf",
    supplements: Iterable[str] = (),
) -> Order:
    """A research order with sensitive data, two benefits, linkage and repeated deliveries."""
    order = Order(route="forskning")
    order.set("etik.kansliga", True)
    order.set("etik.dnr", DNR)
    order.set("etik.beslutsdatum", DECISION_DATE)
    order.set("samkorning.ja", True)
    order.set("samkorning.register", "SCB:s LISA och Socialstyrelsens patientregister")
    order.set("upprepning.ja", True)
    order.benefits = [
        BenefitRequest("sjuk_rehab", "Sjuk- och rehabiliteringspenning", "2018-01", "2024-12"),
        BenefitRequest("foraldrapenning", "Föräldrapenning och skattad föräldraledighet", "2018-01", "2024-12"),
    ]
    order.attachments = [Attachment("etikansokan", application), Attachment("etikbeslut", decision)]
    order.attachments += [Attachment("kompletteringar", path) for path in supplements]
    return order


def write_case(
    folder: Path,
    application: list[list[str]] | None = None,
    decision: list[list[str]] | None = None,
    *,
    application_scanned: Iterable[int] = (),
    decision_scanned: Iterable[int] = (),
    suffix: str = ".pdf",
) -> Order:
    """The research order and its ethics documents in `folder/bilagor` (relative paths, as the app saves them).

    By default the complete application and the decision; scanned page numbers become image-only pages.
    """
    (folder / "bilagor").mkdir(parents=True, exist_ok=True)
    application_path = f"bilagor/etikansokan{suffix}"
    write_document(folder / application_path, application or application_lines(), application_scanned)
    write_document(folder / "bilagor/etikbeslut.pdf", decision or decision_lines(), decision_scanned)
    order = research_order(application=application_path)
    order.base_dir = folder  # as if loaded from folder/order.json
    return order


def complete_case(folder: Path, suffix: str = ".pdf", omit: Iterable[str] = ()) -> Order:
    """An order and an application that meets every requirement but those in `omit`."""
    return write_case(folder, application_lines(omit), suffix=suffix)
