"""The guard in places people overlook: comma CSV key files, hidden Excel and Word parts, binary formats."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from beställning.cli import main as cli_main
from beställning.order import Attachment
from beställning.send.guard import check_package
from beställning.send.scan import ScanReport, scan_bytes, scan_path
from tests.test_scan_files import make_docx, make_xlsx
from tests.test_send_package import build, research_order

PNR12 = "198112189876"


def masks(report: ScanReport) -> list[str]:
    return [f.masked for f in report.findings]


def rewrite_zip(path: Path, replace: dict[str, str | bytes]) -> None:
    """Rewrite an Office file with some members replaced or added (what Excel or Word may store)."""
    with zipfile.ZipFile(path) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    members.update({k: v.encode("utf-8") if isinstance(v, str) else v for k, v in replace.items()})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


# --- CSV key files with commas ---------------------------------------------------------------------


@pytest.mark.parametrize("sep", [",", ";", "\t"])
@pytest.mark.parametrize("quote", ["", '"'])
@pytest.mark.parametrize("pnr_first", [False, True])
@pytest.mark.parametrize("number", [PNR12, "19811218-9876", "811218-9876"])
def test_csv_key_file_in_every_shape(tmp_path: Path, sep: str, quote: str, pnr_first: bool, number: str) -> None:
    cells = [[f"{quote}lopnr{quote}", f"{quote}personnummer{quote}"], [f"{quote}1{quote}", f"{quote}{number}{quote}"]]
    if pnr_first:
        cells = [row[::-1] for row in cells]
    path = tmp_path / "key.csv"
    path.write_text("\n".join(sep.join(row) for row in cells) + "\n", encoding="utf-8")
    assert len(scan_path(path).findings) == 1


def test_cli_scan_finds_the_comma_key_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "key.csv"
    path.write_text(f"lopnr,personnummer\n1,{PNR12}\n", encoding="utf-8")
    assert cli_main(["scan", str(path)]) == 1
    assert "key.csv: rad 2: 19811218-****" in capsys.readouterr().out


def test_package_with_a_comma_key_file_is_blocked(tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    key = tmp_path / "in" / "key.csv"
    key.write_text(f"personnummer,lopnr\n{PNR12},1\n811218-9876,2\n", encoding="utf-8")
    order.attachments.append(Attachment("ovrigt", str(key), "Population"))
    result = check_package(build(order, tmp_path))
    assert result.blocked
    assert [f.place for f in result.scan.findings] == ["rad 2", "rad 3"]


# --- Excel: numbers that lost their zeros, and the parts openpyxl does not show as cells ------------


def test_xlsx_numbers_of_people_born_2000_to_2009(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "pop.xlsx", {"A1": 5121231, "A2": 10121234, "A3": 2024})
    report = scan_path(path)
    assert sorted(masks(report)) == ["000512-****", "001012-****"]


def test_xlsx_comment(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws["A1"] = "Variabel"
    ws["A1"].comment = Comment("Gäller 811218-9876", "Åsa")
    path = tmp_path / "kommentar.xlsx"
    workbook.save(path)
    report = scan_path(path)
    assert [(f.place, f.masked) for f in report.findings] == [("kommentarer (comment1.xml)", "811218-****")]


def test_xlsx_header_and_footer(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws["A1"] = "Variabel"
    footer, header = ws.oddFooter, ws.oddHeader
    assert footer is not None and header is not None
    footer.center.text = "Person 811218-9876"
    header.left.text = "Sida &P"
    path = tmp_path / "sidfot.xlsx"
    workbook.save(path)
    report = scan_path(path)
    assert [(f.place, f.masked) for f in report.findings] == [("sidhuvud/sidfot (sheet1.xml)", "811218-****")]


def test_xlsx_unused_shared_string(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "delade.xlsx", {"A1": "Variabel"})
    shared = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">'
        "<si><t>Variabel</t></si>"
        "<si><r><t>81121</t></r><r><rPr><b/></rPr><t>8-9876</t></r></si></sst>"
    )
    rewrite_zip(path, {"xl/sharedStrings.xml": shared})
    report = scan_path(path)
    assert [(f.place, f.masked) for f in report.findings] == [("delade texter (sharedStrings.xml)", "811218-****")]


def test_xlsx_shared_string_already_found_in_a_cell_is_reported_once(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "cell.xlsx", {"A1": "811218-9876"})
    assert [f.place for f in scan_path(path).findings] == ["blad ”Data”, cell A1"]


def test_xlsx_pivot_cache(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "pivot.xlsx", {"A1": "Variabel"})
    records = (
        '<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2">'
        '<r><x v="0"/><n v="5121231"/></r><r><x v="1"/><s v="19811218-9876"/></r></pivotCacheRecords>'
    )
    rewrite_zip(path, {"xl/pivotCache/pivotCacheRecords1.xml": records})
    report = scan_path(path)
    assert sorted(masks(report)) == ["000512-****", "19811218-****"]


# --- Word: building blocks and custom XML -----------------------------------------------------------


def test_docx_glossary_and_custom_xml(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "d.docx", body="Inget här")
    glossary = (
        '<w:glossaryDocument xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:docParts><w:docPart><w:docPartBody><w:p><w:r><w:t>811218-9876</w:t></w:r></w:p>"
        "</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>"
    )
    custom = '<root><person pnr="19811218-9876"/><annan>202100-5521</annan></root>'
    rewrite_zip(path, {"word/glossary/document.xml": glossary, "customXml/item1.xml": custom})
    report = scan_path(path)
    assert sorted((f.place, f.masked) for f in report.findings) == [
        ("anpassad XML-data", "19811218-****"),
        ("byggblock (dokumentet), stycke 1", "811218-****"),
    ]


# --- binary formats -------------------------------------------------------------------------------

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("gammal.xls", OLE2, "äldre Office-fil"),
        ("gammal.doc", OLE2, "äldre Office-fil"),
        ("omdöpt.txt", OLE2, "äldre Office-fil"),
        ("data.sav", b"$FL2@(#) IBM SPSS STATISTICS" + b"\x00" * 100, "SPSS-fil"),
        ("data.bin", b"$FL3" + b"\x00" * 100, "SPSS-fil"),
        ("data.parquet", b"PAR1" + b"\x00" * 100 + b"PAR1", "Parquet-fil"),
        ("data.dat", b"PAR1" + b"\x01" * 100, "Parquet-fil"),
        ("data.dta", b"\x72\x02\x01\x00" + b"\x00" * 100, "Stata-fil"),
        ("data.x", b"<stata_dta><header>", "Stata-fil"),
        (
            "data.sas7bdat",
            bytes.fromhex("000000000000000000000000c2ea8160b31411cfbd92080009c7318c181f1011") + b"\x00" * 64,
            "SAS-fil",
        ),
    ],
)
def test_binary_formats_that_cannot_be_checked_block(name: str, data: bytes, kind: str) -> None:
    report = scan_bytes(name, data)
    assert not report.clean
    reason = report.unreadable[0].reason
    assert kind in reason
    assert "kan inte granskas: spara som .xlsx/.csv/.docx/.pdf eller ta bort filen" in reason


def test_encrypted_office_file_says_password() -> None:
    data = OLE2 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    report = scan_bytes("låst.xlsx", data)
    assert "lösenordsskyddad" in report.unreadable[0].reason


@pytest.mark.parametrize("offset", [0, 1])
def test_unknown_binary_is_read_as_utf16le_too_and_blocks(offset: int) -> None:
    data = b"\x00\x01\x02\x03" + b"\x07" * offset + "id 811218-9876;".encode("utf-16-le") + b"\x00\xff" * 20
    report = scan_bytes("okänd.bin", data)
    assert masks(report) == ["811218-****"]


def test_unknown_binary_is_read_as_8bit_text_and_still_blocks() -> None:
    data = b"\x00\x01\x02\x03\x04" * 10 + b"8112189876" + b"\x00\x9f" * 10
    report = scan_bytes("okänd.bin", data)
    assert masks(report) == ["811218-****"]
    assert "okänt binärt filformat" in report.unreadable[0].reason


def test_clean_unknown_binary_blocks_as_unreadable() -> None:
    report = scan_bytes("okänd.bin", bytes(range(256)) * 4)
    assert not report.clean
    assert not report.findings
    reason = report.unreadable[0].reason
    assert "inte kan granskas" in reason and "PDF" in reason
    assert not any("granskad som text" in note for note in report.notes)
