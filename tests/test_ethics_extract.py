"""Page-aware text from ethics documents (beställning/ethics/extract.py): PDF, .docx, .odt, and what fails."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from beställning.ethics import extract
from beställning.ethics.extract import SCANNED, document_text, read_document
from tests.ethics_documents import make_docx, make_odt, make_pdf

PAGES = [["Första sidan nämner föräldrapenning."], ["Andra sidan nämner samkörning med LISA."]]


@pytest.fixture(params=["pdfium", "pypdf"])
def pdf_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each PDF test runs with PDFium and with the pypdf fallback (PDFium missing or refusing the file)."""
    if request.param == "pypdf":
        monkeypatch.setattr(extract, "_pdfium_pages", lambda data: None)
    return str(request.param)


def test_pdf_text_per_page(pdf_reader: str) -> None:
    document = document_text("a.pdf", make_pdf(PAGES))
    assert document.readable and document.paged
    assert len(document.pages) == 2
    assert "föräldrapenning" in document.pages[0]
    assert "samkörning med LISA" in document.pages[1]


def test_scanned_pdf_cannot_be_read(pdf_reader: str) -> None:
    document = document_text("skannad.pdf", make_pdf([["x"], ["y"]], scanned=[1, 2]))
    assert not document.readable
    assert document.problem == SCANNED == "kan inte läsas (skannad?)"
    assert document.empty_pages == (1, 2)


def test_partly_scanned_pdf_lists_its_empty_pages(pdf_reader: str) -> None:
    document = document_text("a.pdf", make_pdf([["Text"], ["x"], ["Mer text"]], scanned=[2]))
    assert document.readable
    assert document.empty_pages == (2,)


def test_encrypted_pdf_cannot_be_read(pdf_reader: str) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt("hemligt")
    out = io.BytesIO()
    writer.write(out)
    document = document_text("a.pdf", out.getvalue())
    assert "lösenordsskyddad" in document.problem


def test_pdf_line_end_hyphen_is_kept_for_the_matcher(pdf_reader: str) -> None:
    """PDFium marks a hyphen at a line end instead of writing it; the text must show it as pypdf does."""
    (page,) = document_text("a.pdf", make_pdf([["antal föräldra-", "penningdagar, sjuk-", "och rehab"]])).pages
    assert "föräldra-\npenningdagar" in page.replace("\r\n", "\n").replace(" \n", "\n")
    assert "sjuk-\noch" in page.replace("\r\n", "\n").replace(" \n", "\n")


def test_broken_pdf_falls_back_and_says_why(pdf_reader: str) -> None:
    document = document_text("a.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF")
    assert not document.readable and "PDF" in document.problem


def test_docx_pages_from_word_s_recorded_breaks(tmp_path: Path) -> None:
    document = read_document(make_docx(tmp_path / "a.docx", PAGES))
    assert document.paged
    assert [("föräldrapenning" in page, "LISA" in page) for page in document.pages] == [(True, False), (False, True)]


def test_docx_without_recorded_breaks_has_no_page_numbers(tmp_path: Path) -> None:
    document = read_document(make_docx(tmp_path / "a.docx", PAGES, rendered_breaks=False))
    assert not document.paged
    assert len(document.pages) == 1 and "LISA" in document.pages[0]


def test_docx_tables_and_text_boxes_are_read_once(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    path = make_docx(tmp_path / "a.docx", [["Inledning."]])
    document = docx.Document(path)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Datakälla"
    table.cell(0, 1).text = "Försäkringskassans MiDAS"
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )
    box = (
        f'<w:p {ns}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>Ruta: LISA</w:t></mc:Choice>'
        "<mc:Fallback><w:t>Ruta: LISA</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    document.element.body.insert(len(document.element.body) - 1, parse_xml(box))
    document.save(path)
    (page,) = read_document(path).pages
    assert "Datakälla\nFörsäkringskassans MiDAS\n" in page
    assert page.count("Ruta: LISA") == 1


def test_docx_skips_deleted_text_and_field_codes(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    path = make_docx(tmp_path / "a.docx", [["Synlig text."]])
    document = docx.Document(path)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document.element.body.insert(
        0,
        parse_xml(
            f"<w:p {w}><w:del><w:r><w:delText>raderad samkörning</w:delText></w:r></w:del>"
            "<w:r><w:instrText>HYPERLINK samkörning</w:instrText></w:r><w:r><w:t>kvar</w:t></w:r></w:p>"
        ),
    )
    document.save(path)
    text = read_document(path).pages[0]
    assert "samkörning" not in text
    assert "kvar" in text and "Synlig text." in text


def test_odt_pages_and_split_spans(tmp_path: Path) -> None:
    document = read_document(make_odt(tmp_path / "a.odt", PAGES))
    assert document.paged and len(document.pages) == 2
    assert "Andra sidan nämner samkörning med LISA." in document.pages[1]


def test_odt_spaces_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "a.odt"
    make_odt(path, [["x"]])
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        '<text:p>föräldra-<text:line-break/>penning<text:s text:c="3"/>och<text:tab/>LISA</text:p>'
        "</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)
    (page,) = read_document(path).pages
    assert page == "föräldra-\npenning   och\tLISA\n"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.pdf", b"%PDF-1.4 trasig", "kan inte läsas"),
        ("a.docx", b"PK\x03\x04 trasig", "kan inte läsas"),
        ("a.docx", b"inte en zip", "inte en giltig .docx-fil"),
        ("a.jpg", b"\xff\xd8\xff\xe0", SCANNED),
        ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "spara den som PDF, .docx eller .odt"),
    ],
)
def test_unreadable_files_say_why(name: str, data: bytes, expected: str) -> None:
    document = document_text(name, data)
    assert not document.readable
    assert expected in document.problem


def test_zip_that_is_not_a_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("readme.txt", "hej")
    assert "inte en .docx eller .odt" in document_text("a.zip", out.getvalue()).problem


def test_zip_bomb_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a>" + b" " * (20 * 1024 * 1024) + b"</a>")
    document = document_text("a.docx", out.getvalue())
    assert "för stor" in document.problem


def test_empty_word_file(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "tom.docx"
    docx.Document().save(path)
    assert read_document(path).problem == "innehåller ingen text"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert read_document(tmp_path / "nej.pdf").problem == "finns inte"
    assert "mapp" in read_document(tmp_path).problem


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf([["Gammal text."]]))
    assert "Gammal" in read_document(path).pages[0]
    path.write_bytes(make_pdf([["Ny text, annan längd."]]))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert "Ny text" in read_document(path).pages[0]
