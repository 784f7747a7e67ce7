"""The personnummer guard on every file type it must read, and the `bestallning scan` command."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from beställning.cli import main as cli_main
from beställning.order import Attachment, BenefitRequest, Order, VariablePick
from beställning.send.scan import ScanLimits, decode_text, scan_bytes, scan_order, scan_path

PNR = "19811218-9876"
PNR10 = "8112189876"
SAMORDNING = "811278-9873"
CLEAN_TEXT = "Kontakt: 070-123 45 67, org.nr 202100-5521, dnr 2024-01234-01, datum 2024-01-15.\n"


def masks(report: object) -> list[str]:
    return [f.masked for f in report.findings]  # type: ignore[attr-defined]


# --- builders for small real files ------------------------------------------------------------------


def make_xlsx(path: Path, cells: dict[str, object], sheet: str = "Data") -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet
    for ref, value in cells.items():
        ws[ref] = value
    workbook.save(path)
    return path


def make_docx(path: Path, body: str = "", table: str = "", header: str = "", footer: str = "") -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(body or "Beställning")
    if table:
        tbl = document.add_table(rows=2, cols=2)
        tbl.cell(1, 1).text = table
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    document.save(path)
    return path


def add_sdt(path: Path, text: str) -> None:
    """Append a content control (w:sdt) holding `text`: invisible to python-docx's paragraph API."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document(path)
    xml = (
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:sdtPr><w:tag w:val="pnr"/></w:sdtPr><w:sdtContent><w:p>'
        f"<w:r><w:t>{text[:5]}</w:t></w:r><w:r><w:t>{text[5:]}</w:t></w:r>"
        "</w:p></w:sdtContent></w:sdt>"
    )
    document.element.body.insert(0, parse_xml(xml))
    document.save(path)


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with text in Helvetica (offsets computed, so pypdf reads it cleanly)."""
    stream = "BT /F1 12 Tf 72 720 Td " + " ".join(f"({line}) Tj 0 -16 Td" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


# --- text files in every common encoding ---------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"])
def test_csv_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "nyckelfil.csv"
    path.write_bytes(f"löpnr;personnummer;ort\n1;{PNR};Malmö\n2;{SAMORDNING};Åre\n".encode(encoding))
    report = scan_path(path)
    assert masks(report) == ["19811218-****", "811278-****"]
    assert [f.place for f in report.findings] == ["rad 2", "rad 3"]
    assert report.findings[1].kind == "samordningsnummer"


def test_decode_text_keeps_swedish_letters() -> None:
    assert decode_text("Åsa Öberg".encode("utf-16")) == "Åsa Öberg"
    assert decode_text("Åsa Öberg".encode("cp1252")) == "Åsa Öberg"
    assert decode_text("Åsa Öberg".encode("utf-8-sig")) == "Åsa Öberg"


def test_clean_text_file_passes(tmp_path: Path) -> None:
    path = tmp_path / "kontakt.txt"
    path.write_text(CLEAN_TEXT, encoding="utf-8")
    report = scan_path(path)
    assert report.clean
    assert report.notes == []


def test_number_in_file_name_is_found(tmp_path: Path) -> None:
    path = tmp_path / f"journal {PNR}.txt"
    path.write_text("inget här", encoding="utf-8")
    assert [f.place for f in scan_path(path).findings] == ["filnamnet"]


# --- Excel ---------------------------------------------------------------------------------------


def test_xlsx_text_and_numeric_cells(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "pop.xlsx",
        {
            "A1": "Personnummer",
            "A2": int(PNR10),  # a number, as Excel stores a pasted personnummer
            "A3": 198112189876.0,  # a float with 12 digits
            "A4": 501011233,  # 0501011233 lost its leading zero
            "B2": f"se {SAMORDNING}",
            "C2": 2021005521,  # organisation number as a number: not a hit
        },
    )
    report = scan_path(path)
    places = sorted(f.place for f in report.findings)
    assert places == [
        "blad ”Data”, cell A2",
        "blad ”Data”, cell A3",
        "blad ”Data”, cell A4",
        "blad ”Data”, cell B2",
    ]
    assert "050101-****" in masks(report)


def test_clean_xlsx(tmp_path: Path) -> None:
    from datetime import datetime

    path = make_xlsx(tmp_path / "ok.xlsx", {"A1": "Variabel", "A2": 2024, "B2": datetime(2024, 1, 15), "C2": 0.5})
    assert scan_path(path).clean


# --- Word ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "expected_place"),
    [
        ("body", "dokumentet, stycke 1"),
        ("table", "dokumentet, tabell 1, rad 2, cell 2"),
        ("header", "sidhuvud 1, stycke 1"),
        ("footer", "sidfot 1, stycke 1"),
    ],
)
def test_docx_parts(tmp_path: Path, part: str, expected_place: str) -> None:
    path = make_docx(tmp_path / "d.docx", **{part: f"Person {PNR}"})
    report = scan_path(path)
    assert [(f.place, f.masked) for f in report.findings] == [(expected_place, "19811218-****")]


def test_docx_content_control_and_split_runs(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "d.docx", body="Inget här")
    add_sdt(path, PNR10)
    report = scan_path(path)
    assert masks(report) == ["811218-****"]


def test_clean_docx(tmp_path: Path) -> None:
    assert scan_path(make_docx(tmp_path / "ok.docx", body=CLEAN_TEXT, table="2024-01234-01")).clean


# --- PDF -----------------------------------------------------------------------------------------


def test_pdf_text(tmp_path: Path) -> None:
    path = tmp_path / "beslut.pdf"
    path.write_bytes(make_pdf(["Etikbeslut", f"Forskningsperson {PNR}"]))
    report = scan_path(path)
    assert [(f.place, f.masked) for f in report.findings] == [("sida 1, rad 2", "19811218-****")]


def test_clean_pdf(tmp_path: Path) -> None:
    path = tmp_path / "beslut.pdf"
    path.write_bytes(make_pdf(["Dnr 2024-01234-01", "Beslutsdatum 2024-03-01"]))
    assert scan_path(path).clean


def test_pdf_page_without_text_must_be_looked_at(tmp_path: Path) -> None:
    """A scanned page may show a number the guard cannot read: it blocks until the user has looked."""
    path = tmp_path / "skannad.pdf"
    path.write_bytes(make_pdf([]))
    report = scan_path(path)
    assert [(f.place, f.masked, f.to_look_at) for f in report.findings] == [("sida 1", "(sida utan text)", True)]
    assert "titta på den själv" in report.findings[0].context


def test_encrypted_pdf_is_unreadable(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf([PNR]))))
    writer.encrypt(user_password="hemligt", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "låst.pdf"
    path.write_bytes(out.getvalue())
    report = scan_path(path)
    assert not report.clean
    assert "lösenordsskyddad" in report.unreadable[0].reason


# --- zip -----------------------------------------------------------------------------------------


def test_zip_recursive(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("djup/nyckel.csv", f"1;{PNR}\n")
    xlsx = make_xlsx(tmp_path / "x.xlsx", {"A1": int(PNR10)})
    docx_path = make_docx(tmp_path / "w.docx", footer=SAMORDNING)
    outer = tmp_path / "bilagor.zip"
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("inner.zip", inner.getvalue())
        zf.write(xlsx, "data/x.xlsx")
        zf.write(docx_path, "w.docx")
        zf.writestr("läsmig.txt", CLEAN_TEXT)
    report = scan_path(outer)
    sources = sorted(f.source for f in report.findings)
    assert sources == [
        "bilagor.zip → data/x.xlsx",
        "bilagor.zip → inner.zip → djup/nyckel.csv",
        "bilagor.zip → w.docx",
    ]


def test_renamed_key_file_is_read_by_content(tmp_path: Path) -> None:
    xlsx = make_xlsx(tmp_path / "x.xlsx", {"A1": PNR})
    disguised = tmp_path / "Etikbeslut.pdf"
    disguised.write_bytes(xlsx.read_bytes())
    assert masks(scan_path(disguised)) == ["19811218-****"]


def test_zip_bomb_is_refused_not_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("nollor.txt", b"0" * (40 * 1024 * 1024))
    report = scan_path(path)
    assert not report.clean
    assert "zip-bomb" in report.unreadable[0].reason


def test_unpacked_total_limit(tmp_path: Path) -> None:
    path = tmp_path / "stor.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for index in range(3):
            zf.writestr(f"del{index}.txt", b"x" * 400_000)
    report = scan_path(path, ScanLimits(max_total_unpacked=1_000_000))
    assert "gränsen" in report.unreadable[0].reason


def test_deep_nesting_is_refused() -> None:
    data = f"{PNR}\n".encode()
    for level in range(8):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            zf.writestr(f"nivå{level}.zip" if level else "n.txt", data)
        data = buffer.getvalue()
    report = scan_bytes("djup.zip", data)
    assert any("nivåer" in u.reason for u in report.unreadable)


def test_encrypted_zip_member_is_unreadable() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("hemlig.csv", b"garbled")
    data = bytearray(buffer.getvalue())
    # zipfile cannot write encrypted members: set the "encrypted" flag in both headers by hand.
    local = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    report = scan_bytes("låst.zip", bytes(data))
    assert report.unreadable and "lösenordsskyddad" in report.unreadable[0].reason


def test_broken_files_are_unreadable_not_crashes(tmp_path: Path) -> None:
    for name, data in (
        ("trasig.docx", b"PK\x03\x04nonsense"),
        ("trasig.xlsx", b"not a zip"),
        ("x.pdf", b"%PDF-1"),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        report = scan_path(path)
        assert report.unreadable, name


def test_too_big_file(tmp_path: Path) -> None:
    path = tmp_path / "stor.csv"
    path.write_bytes(b"x" * 2000)
    report = scan_path(path, ScanLimits(max_file_bytes=1000))
    assert "för stor" in report.unreadable[0].reason


# --- the order's own text ------------------------------------------------------------------------


def test_order_free_text() -> None:
    order = Order(route="forskning")
    order.set("projekt.syfte", f"Vi följer person {PNR} över tid.")
    order.set("bestallare.orgnr", "202100-5521")
    order.set("bestallare.telefon", "070-123 45 67")
    order.benefits.append(BenefitRequest("sjuk_rehab", "Sjukpenning", wishes=f"Inkl. {SAMORDNING}"))
    order.variables.append(VariablePick("sjuk_rehab", "Diagnos", justification=PNR10))
    order.attachments.append(Attachment("ovrigt", "/x.pdf", title="Bilaga"))
    report = scan_order(order)
    places = [f.place for f in report.findings]
    assert places == ["fältet ”Syfte”", "önskemål för Sjukpenning", "variabeln ”Diagnos”"]


# --- the command ---------------------------------------------------------------------------------


def test_cli_scan_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "ok.txt"
    clean.write_text(CLEAN_TEXT, encoding="utf-8")
    dirty = tmp_path / "nyckel.csv"
    dirty.write_text(f"1;{PNR}\n", encoding="utf-8")

    assert cli_main(["scan", str(clean)]) == 0
    assert cli_main(["scan", str(clean), str(dirty)]) == 1
    out = capsys.readouterr().out
    assert "nyckel.csv: rad 1: 19811218-****" in out
    assert "9876" not in out
    assert "rekommenderad post" in out

    assert cli_main(["scan", str(dirty), str(tmp_path / "saknas.csv")]) == 2
    assert "saknas.csv" in capsys.readouterr().err


def test_cli_scan_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dirty = tmp_path / "nyckel.csv"
    dirty.write_text(f"1;{PNR}\n", encoding="utf-8")
    assert cli_main(["scan", str(dirty), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    keys = ("file", "place", "masked", "kind")
    assert [{k: f[k] for k in keys} for f in data["findings"]] == [
        {"file": "nyckel.csv", "place": "rad 1", "masked": "19811218-****", "kind": "personnummer"}
    ]
    assert len(data["findings"][0]["file_sha256"]) == 64
    assert data["exit_code"] == 1
