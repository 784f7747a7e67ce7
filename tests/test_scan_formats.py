"""The guard on every family of files it must read, built as other programs write them (no LibreOffice needed).

Every number here is synthetic (tests/pnr_numbers.py): a real date and a valid Luhn digit.
"""

from __future__ import annotations

import base64
import bz2
import gzip
import io
import json
import lzma
import tarfile
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from beställning.send.scan import ScanLimits, ScanReport, scan_bytes, scan_path, xmltext
from tests.pnr_numbers import dashed, make_numbers, masked
from tests.test_scan_files import make_docx, make_xlsx

P1, P2, P3, P4 = make_numbers(4, seed=1)
S1 = make_numbers(1, seed=2, coordination=True)[0]
Y1 = make_numbers(1, seed=3, born_2000s=True)[0]  # starts with 0: loses its zero as a number


def masks(report: ScanReport) -> list[str]:
    return sorted({f.masked for f in report.findings})


def zip_bytes(members: dict[str, str | bytes], stored_first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        if stored_first:
            zf.writestr(zipfile.ZipInfo(stored_first), members[stored_first], zipfile.ZIP_STORED)
        for name, data in members.items():
            if name != stored_first:
                zf.writestr(name, data)
    return out.getvalue()


def rewrite_zip(path: Path, replace: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(path) as zf:
        members: dict[str, str | bytes] = {info.filename: zf.read(info) for info in zf.infolist()}
    members.update(replace)
    path.write_bytes(zip_bytes(members))


def tar_bytes(members: dict[str, bytes], mode: str = "w") -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode) as tar:  # type: ignore[call-overload]
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


# --- containers, recognised by content even when renamed ---------------------------------------------

KEY_CSV = f"lopnr;pnr\n1;{dashed(P1)}\n2;{S1}\n".encode()


@pytest.mark.parametrize(
    ("mode", "renamed"),
    [("w", "bilaga.pdf"), ("w:gz", "rapport.docx"), ("w:bz2", "data.txt"), ("w:xz", "noll.bin"), ("w:gz", "ok.tgz")],
)
def test_tar_in_every_compression_renamed(mode: str, renamed: str) -> None:
    data = tar_bytes({"mapp/nyckel.csv": KEY_CSV, "läsmig.txt": b"inget"}, mode)
    report = scan_bytes(renamed, data)
    assert masks(report) == sorted({masked(P1), masked(S1)})
    assert not report.unreadable


@pytest.mark.parametrize(
    ("compress", "name"), [(gzip.compress, "nyckel.csv.gz"), (bz2.compress, "x.bz2"), (lzma.compress, "omdöpt.pdf")]
)
def test_single_compressed_file(compress: object, name: str) -> None:
    report = scan_bytes(name, compress(KEY_CSV))  # type: ignore[operator]
    assert masks(report) == sorted({masked(P1), masked(S1)})


def test_zip_inside_tar_inside_gzip() -> None:
    inner = zip_bytes({"djup/key.txt": f"id {P2}\n"})
    data = gzip.compress(tar_bytes({"arkiv.zip": inner}))
    report = scan_bytes("paket.tar.gz", data)
    assert masks(report) == [masked(P2)]
    assert report.findings[0].source == "paket.tar.gz → paket.tar → arkiv.zip → djup/key.txt"


def test_number_in_a_tar_member_name() -> None:
    report = scan_bytes("a.tar", tar_bytes({f"person_{P3}.txt": b"x"}))
    assert [(f.place, f.masked) for f in report.findings] == [("filnamnet", masked(P3))]


def test_gzip_bomb_is_refused() -> None:
    data = gzip.compress(b"0" * (40 * 1024 * 1024))  # above ScanLimits.ratio_floor, packed 1,000 times
    report = scan_bytes("nollor.gz", data)
    assert report.unreadable and "zip-bomb" in report.unreadable[0].reason


def test_too_deep_gzip_nesting_blocks() -> None:
    data = KEY_CSV
    for _ in range(8):
        data = gzip.compress(data)
    report = scan_bytes("lök.gz", data, limits=ScanLimits(max_depth=5))
    assert any("nivåer" in u.reason for u in report.unreadable)


@pytest.mark.parametrize(("magic", "word"), [(b"7z\xbc\xaf\x27\x1c", "7z/rar"), (b"Rar!\x1a\x07\x00", "7z/rar")])
def test_archives_the_guard_cannot_open_block(magic: bytes, word: str) -> None:
    report = scan_bytes("arkiv.zip", magic + b"\x00" * 64)
    assert word in report.unreadable[0].reason


# --- ODF ---------------------------------------------------------------------------------------------

ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
)


def odf(body: str, mimetype: str = "application/vnd.oasis.opendocument.text", manifest: str = "") -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}>'
        f"<office:body>{body}</office:body></office:document-content>"
    )
    members: dict[str, str | bytes] = {
        "mimetype": mimetype,
        "content.xml": content,
        "META-INF/manifest.xml": manifest
        or '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    }
    return zip_bytes(members, stored_first="mimetype")


def test_odt_number_split_over_spans() -> None:
    body = (
        f"<office:text><text:p>Person {P1[:4]}<text:span>{P1[4:6]}</text:span>-"
        f"<text:span>{P1[6:]}</text:span></text:p></office:text>"
    )
    report = scan_bytes("brev.odt", odf(body))
    assert [(f.place, f.masked) for f in report.findings] == [("innehållet, stycke 1", masked(P1))]


def test_ods_numeric_cell_gets_its_leading_zero_back() -> None:
    value = str(int(Y1))  # 9 digits or fewer, as a spreadsheet stores it
    body = (
        '<office:spreadsheet><table:table table:name="Blad1"><table:table-row>'
        '<table:table-cell table:number-columns-repeated="2"/>'
        f'<table:table-cell office:value-type="float" office:value="{value}">'
        f"<text:p>{value}</text:p></table:table-cell>"
        "</table:table-row></table:table></office:spreadsheet>"
    )
    report = scan_bytes("data.ods", odf(body, "application/vnd.oasis.opendocument.spreadsheet"))
    assert masks(report) == [masked(Y1)]
    assert report.findings[0].place == "innehållet, tabell ”Blad1”, cell C1"


def test_encrypted_odf_blocks() -> None:
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry>'
        "</manifest:manifest>"
    )
    report = scan_bytes("låst.odt", odf("<office:text/>", manifest=manifest))
    assert "lösenordsskyddad" in report.unreadable[0].reason


# --- RTF, HTML, JSON, base64, e-mail ----------------------------------------------------------------------


def test_rtf_control_words_hex_and_unicode_escapes() -> None:
    hexed = "".join(f"\\'{ord(c):02x}" for c in P1[6:8])
    rtf = (
        "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0\\green0\\blue0;}"
        f"\\pard Namn: {{\\b {P1[:3]}}}\\u{ord(P1[3])}?{P1[4:6]}-{hexed}{{\\i {P1[8:]}}}\\par "
        "Org 202100-5521\\par}"
    )
    report = scan_bytes("brev.rtf", rtf.encode())
    assert masks(report) == [masked(P1)]


def test_rtf_with_embedded_object_blocks() -> None:
    rtf = b"{\\rtf1\\ansi{\\object{\\*\\objdata 0105000002000000}}\\par}"
    assert "inbäddade objekt" in scan_bytes("x.rtf", rtf).unreadable[0].reason


def test_html_tags_split_the_number_and_entities_hide_digits() -> None:
    page = (
        "<!DOCTYPE html><html><body><table><tr><td>"
        f"{P1[:4]}<b>{P1[4:6]}</b>-<span>{P1[6:]}</span></td><td>202100-5521</td></tr></table>"
        f"<p>&#{ord(P2[0])};{P2[1:6]}&ndash;{P2[6:]}</p></body></html>"
    )
    report = scan_bytes("sida.html", page.encode())
    assert masks(report) == sorted({masked(P1), masked(P2)})


def test_json_unicode_escapes() -> None:
    escaped = "".join(f"\\u{ord(c):04x}" for c in dashed(P1))
    data = json.dumps({"id": 1, "namn": "x"}).replace('"x"', f'"{escaped}"')
    report = scan_bytes("export.json", data.encode())
    assert masks(report) == [masked(P1)]


def test_base64_text_blob_is_decoded_and_scanned() -> None:
    blob = base64.b64encode(f"lopnr;personnummer\n1;{P3}\n2;{P4}\n".encode()).decode()
    text = f"Bilaga (kodad):\n{blob}\nSlut.\n"
    report = scan_bytes("meddelande.txt", text.encode())
    assert masks(report) == sorted({masked(P3), masked(P4)})
    assert "base64-block" in report.findings[0].source


def test_base64_of_a_zip_is_opened() -> None:
    blob = base64.encodebytes(zip_bytes({"k.csv": f"{P2}\n"})).decode()
    report = scan_bytes("data.txt", f"payload:\n{blob}".encode())
    assert masks(report) == [masked(P2)]


def make_mail() -> bytes:
    message = EmailMessage()
    message["From"] = "Forskare <a@example.se>"
    message["To"] = "fk@example.se"
    message["Subject"] = "Beställning"
    message.set_content(f"Hej!\nPersonen {dashed(P1)} saknas.\n", cte="quoted-printable")
    message.add_alternative(f"<p>Personen <b>{P2[:6]}</b>-{P2[6:]}</p>", subtype="html", cte="base64")
    message.add_attachment(KEY_CSV, maintype="text", subtype="csv", filename="nyckel.csv")
    inner = EmailMessage()
    inner["Subject"] = "Vidarebefordrat"
    inner.set_content(f"Gamla numret {P3}\n", cte="base64")
    message.add_attachment(inner)
    message.add_attachment(zip_bytes({"a.txt": f"{P4}\n"}), maintype="application", subtype="zip", filename="a.zip")
    return message.as_bytes()


def test_eml_every_mime_part_decoded_attachments_recursively() -> None:
    report = scan_bytes("svar.eml", make_mail())
    assert masks(report) == sorted({masked(n) for n in (P1, P2, P3, P4, S1)})
    assert not report.unreadable


def test_eml_recognised_without_its_suffix() -> None:
    assert masked(P1) in masks(scan_bytes("svar.txt", make_mail()))


# --- OOXML: Excel places ------------------------------------------------------------------------------


def test_excel_sheet_name_defined_name_validation_hyperlink_date_cell_formula(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = f"Lista {P1}"
    ws["A1"] = "Variabel"
    ws["A1"].hyperlink = f"https://example.se/sok?pnr={P2}"
    ws["B2"] = int(P3)
    ws["B2"].number_format = "yyyy-mm-dd"
    ws["C3"] = f'="{P4[:6]}"&"-{P4[6:]}"'
    validation = DataValidation(type="list", formula1=f'"{dashed(S1)},annan"')
    ws.add_data_validation(validation)
    validation.add("D1")
    workbook.defined_names["nummer"] = DefinedName("nummer", attr_text=f'"{Y1}"')
    path = tmp_path / "bok.xlsx"
    workbook.save(path)
    report = scan_path(path)
    assert masks(report) == sorted({masked(n) for n in (P1, P2, P3, P4, S1, Y1)})
    places = {f.masked: f.place for f in report.findings}
    assert places[masked(P3)] == f"blad ”Lista {P1}”, cell B2"
    assert places[masked(P4)] == f"blad ”Lista {P1}”, cell C3"


def test_excel_drawing_text_box_and_chart_cache(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "ritning.xlsx", {"A1": "Variabel"})
    drawing = (
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:sp><xdr:txBody>'
        f'<a:p><a:r><a:t>{P1[:5]}</a:t></a:r><a:r><a:rPr b="1"/><a:t>{P1[5:]}</a:t></a:r></a:p>'
        "</xdr:txBody></xdr:sp></xdr:wsDr>"
    )
    chart = (
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:cat>'
        f'<c:strRef><c:strCache><c:pt idx="0"><c:v>{dashed(P2)}</c:v></c:pt></c:strCache></c:strRef>'
        f'<c:numRef><c:numCache><c:pt idx="0"><c:v>{int(Y1)}</c:v></c:pt></c:numCache></c:numRef>'
        "</c:cat></c:chart></c:chartSpace>"
    )
    rewrite_zip(path, {"xl/drawings/drawing1.xml": drawing, "xl/charts/chart1.xml": chart})
    report = scan_path(path)
    assert masks(report) == sorted({masked(P1), masked(P2), masked(Y1)})


def test_xlsm_with_macros_blocks(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "makro.xlsm", {"A1": "x"})
    rewrite_zip(path, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 100})
    assert "makron" in scan_path(path).unreadable[0].reason


# --- OOXML: Word charts, SmartArt, altChunk, text boxes, split runs -------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_word_chart_smartart_and_altchunk(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "rapport.docx", body="Inget här")
    chart = (
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:title><c:tx>'
        '<c:rich><a:p xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f"<a:r><a:t>{P1[:6]}</a:t></a:r><a:r><a:t>-{P1[6:]}</a:t></a:r></a:p></c:rich></c:tx></c:title></c:chart></c:chartSpace>"
    )
    smartart = (
        '<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt><dgm:t>'
        f"<a:p><a:r><a:t>{P2}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>"
    )
    altchunk = f"<html><body><p>Nummer {P3[:6]}<i>-</i>{P3[6:]}</p></body></html>"
    rewrite_zip(
        path,
        {"word/charts/chart1.xml": chart, "word/diagrams/data1.xml": smartart, "word/afchunk1.htm": altchunk},
    )
    report = scan_path(path)
    assert masks(report) == sorted({masked(P1), masked(P2), masked(P3)})
    places = {f.masked: f.place for f in report.findings}
    assert places[masked(P1)] == "diagram (chart1.xml)"
    assert places[masked(P2)] == "SmartArt (data1.xml)"


def test_word_text_box_inside_a_paragraph_is_its_own_string(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "ruta.docx")
    document = (
        f"<w:document {W_NS}><w:body><w:p><w:r><w:t>Före 12</w:t></w:r><w:r><w:pict><w:txbxContent>"
        f"<w:p><w:r><w:t>{P1[:3]}</w:t></w:r><w:r><w:t>{P1[3:]}</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></w:r><w:r><w:t>34 efter</w:t></w:r></w:p></w:body></w:document>"
    )
    rewrite_zip(path, {"word/document.xml": document})
    report = scan_path(path)
    assert [(f.place, f.masked) for f in report.findings] == [("dokumentet, stycke 2", masked(P1))]


def test_pptx_split_runs_and_notes() -> None:
    slide = (
        '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody>'
        f"<a:p><a:r><a:t>{P1[:2]}</a:t></a:r><a:r><a:t>{P1[2:6]}</a:t></a:r><a:r><a:t> {P1[6:]}</a:t></a:r></a:p>"
        "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
    )
    notes = slide.replace(P1[:2], S1[:2]).replace(P1[2:6], S1[2:6]).replace(P1[6:], S1[6:])
    data = zip_bytes(
        {
            "[Content_Types].xml": "<Types/>",
            "ppt/presentation.xml": "<p:presentation xmlns:p='x'/>",
            "ppt/slides/slide1.xml": slide,
            "ppt/notesSlides/notesSlide1.xml": notes,
        }
    )
    report = scan_bytes("bilder.pptx", data)
    assert {(f.place, f.masked) for f in report.findings} == {
        ("bild 1", masked(P1)),
        ("anteckningar till bild 1", masked(S1)),
    }


# --- large parts: the fast reader finds what the exact one finds --------------------------------------


def test_fast_reader_agrees_with_the_exact_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_docx(tmp_path / "stor.docx", body=f"Inledning {P1[:4]}")
    paragraphs = "".join(f"<w:p><w:r><w:t>Rad {i} org 202100-5521</w:t></w:r></w:p>" for i in range(200))
    document = (
        f'<w:document {W_NS} xmlns:wp="x"><w:body>{paragraphs}'
        f"<w:p><w:r><w:t>{P1[:4]}</w:t></w:r><w:r><w:t>{P1[4:]}</w:t></w:r></w:p>"
        f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{dashed(P2)}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        f'<w:p><w:r><wp:docPr descr="Bild av {P3}"/></w:r></w:p>'
        "</w:body></w:document>"
    )
    rewrite_zip(path, {"word/document.xml": document})
    exact = scan_path(path)
    monkeypatch.setattr(xmltext, "LARGE_PART", 100)
    fast = scan_path(path)
    assert masks(exact) == masks(fast) == sorted({masked(P1), masked(P2), masked(P3)})
    assert {f.place for f in fast.findings if f.masked == masked(P1)} == {"dokumentet, stycke 201"}


# --- text in chunks -------------------------------------------------------------------------------------


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> int:
    from beställning.send.scan import text

    monkeypatch.setattr(text, "CHUNK_CHARS", 4096)
    return 4096


def test_number_across_a_chunk_boundary_in_a_long_line(tmp_path: Path, small_chunks: int) -> None:
    for offset in range(-30, 31):
        filler = "x" * (small_chunks + offset - 5)
        path = tmp_path / "lång.txt"
        path.write_text(f"{filler} {dashed(P1)} {filler} {P2}", encoding="utf-8")
        report = scan_path(path)
        assert masks(report) == sorted({masked(P1), masked(P2)}), offset
        assert len(report.findings) == 2


def test_number_across_a_chunk_boundary_between_lines(tmp_path: Path, small_chunks: int) -> None:
    for offset in range(-20, 21):
        path = tmp_path / "rader.csv"
        path.write_text("a;b\n" * ((small_chunks + offset) // 4) + f"x;{P1}\n" + "c;d\n" * 3000, encoding="utf-8")
        assert [f.masked for f in scan_path(path).findings] == [masked(P1)], offset


def test_key_file_larger_than_a_chunk(tmp_path: Path, small_chunks: int) -> None:
    numbers = make_numbers(3000, seed=7)
    path = tmp_path / "nyckel.csv"
    path.write_text("".join(f"{i};{n}\n" for i, n in enumerate(numbers, start=1)), encoding="utf-16")
    report = scan_path(path)
    assert len(report.findings) == len(numbers)
    assert report.findings[-1].place == f"rad {len(numbers)}"


def test_context_is_masked(tmp_path: Path) -> None:
    path = tmp_path / "brev.txt"
    path.write_text(f"Hej, personen {dashed(P1)} och {P2} bor i Malmö.\n", encoding="utf-8")
    report = scan_path(path)
    for finding in report.findings:
        assert P1[6:] not in finding.context and P2[6:] not in finding.context
        assert finding.masked in finding.context


# --- the fixed list: what is named, what blocks --------------------------------------------------------


def test_office_parts_on_the_list_do_not_block_and_pictures_are_to_look_at(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "bild.docx", body="Inget här")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    rewrite_zip(
        path,
        {
            "word/media/image1.png": png,
            "word/fonts/font1.odttf": b"\x00\x01" * 64,
            "docProps/thumbnail.jpeg": b"\xff\xd8\xff" + b"\x00" * 32,
        },
    )
    report = scan_path(path)
    assert not report.unreadable  # fonts and the thumbnail are not text; the picture must be looked at
    assert [(f.place, f.masked, f.to_look_at) for f in report.findings] == [
        ("bilderna i dokumentet", "(1 bild(er))", True)
    ]


def test_excel_printer_settings_are_read_as_binary_strings(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "skrivare.xlsx", {"A1": "x"})
    devmode = "HP LaserJet".encode("utf-16-le") + b"\x00" * 40 + f"{P1}".encode("utf-16-le") + b"\x00\x01" * 30
    rewrite_zip(path, {"xl/printerSettings/printerSettings1.bin": devmode})
    report = scan_path(path)
    assert not report.unreadable
    assert masks(report) == [masked(P1)]


def test_embedded_ole_object_in_word_blocks(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "ole.docx", body="Inget här")
    rewrite_zip(path, {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504})
    report = scan_path(path)
    assert report.unreadable[0].source == "ole.docx → word/embeddings/oleObject1.bin"


def test_unknown_part_in_an_office_file_blocks(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "activex.xlsx", {"A1": "x"})
    rewrite_zip(path, {"xl/activeX/activeX1.bin": bytes(range(256)) * 4})
    assert "okänt binärt filformat" in scan_path(path).unreadable[0].reason


def test_broken_xml_part_blocks(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "trasig.docx")
    rewrite_zip(path, {"word/document.xml": "<w:document><w:body><w:p>"})
    assert "XML-delen är trasig" in scan_path(path).unreadable[0].reason


def test_odf_chart_object_and_styles_are_read() -> None:
    chart = (
        f"<office:document-content {ODF_NS}><office:body><text:p>{P1}</text:p></office:body></office:document-content>"
    )
    styles = (
        f"<office:document-styles {ODF_NS}><text:p>{P2[:6]}<text:span>-{P2[6:]}</text:span></text:p>"
        "</office:document-styles>"
    )
    members: dict[str, str | bytes] = {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": f"<office:document-content {ODF_NS}/>",
        "styles.xml": styles,
        "Object 1/content.xml": chart,
        "META-INF/manifest.xml": "<m/>",
    }
    report = scan_bytes("med diagram.odt", zip_bytes(members, stored_first="mimetype"))
    assert masks(report) == sorted({masked(P1), masked(P2)})


def test_eml_quoted_printable_soft_line_break_inside_a_number() -> None:
    message = EmailMessage()
    message["Subject"] = "Långt"
    message.set_content("x" * 70 + f" {dashed(P1)} " + "y" * 100 + "\n", cte="quoted-printable")
    raw = message.as_bytes()
    assert b"=\n" in raw.replace(b"\r\n", b"\n")
    assert masks(scan_bytes("m.eml", raw)) == [masked(P1)]


def test_number_in_the_mail_subject() -> None:
    message = EmailMessage()
    message["Subject"] = f"Gäller {dashed(P1)}"
    message.set_content("Hej")
    report = scan_bytes("m.eml", message.as_bytes())
    assert [(f.place, f.masked) for f in report.findings] == [("rubriker", masked(P1))]


def test_too_many_tar_members_block() -> None:
    data = tar_bytes({f"f{i}.txt": b"x" for i in range(30)})
    report = scan_bytes("många.tar", data, limits=ScanLimits(max_members=10))
    assert "fler än gränsen" in report.unreadable[0].reason


def test_large_sheet_takes_the_fast_reader_and_restores_zeros(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_xlsx(tmp_path / "stor.xlsx", {"A1": int(Y1), "B2": dashed(P1)})
    exact = scan_path(path)
    monkeypatch.setattr(xmltext, "LARGE_PART", 10)
    fast = scan_path(path)
    assert masks(exact) == masks(fast) == sorted({masked(Y1), masked(P1)})


def test_context_stays_on_the_line_and_keeps_whole_words(tmp_path: Path) -> None:
    path = tmp_path / "rader.txt"
    path.write_text(f"första raden {P2}\ntid {P1} slut\n", encoding="utf-8")
    contexts = {f.masked: f.context for f in scan_path(path).findings}
    assert contexts[masked(P1)] == f"tid {masked(P1)} slut"
    assert contexts[masked(P2)] == f"första raden {masked(P2)}"


@pytest.mark.parametrize("quote", ['"', "'"])
@pytest.mark.parametrize("space", ["", " "])
def test_fast_reader_reads_attribute_values_however_quoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quote: str, space: str
) -> None:
    path = make_docx(tmp_path / "alt.docx")
    document = (
        f'<w:document {W_NS} xmlns:wp="x"><w:body><w:p><w:r><w:t>Bild &gt; text</w:t></w:r>'
        f"<w:r><wp:docPr id={quote}1{quote} descr{space}={space}{quote}Foto {P1}{quote}/></w:r></w:p>"
        "</w:body></w:document>"
    )
    rewrite_zip(path, {"word/document.xml": document})
    monkeypatch.setattr(xmltext, "LARGE_PART", 10)
    assert masks(scan_path(path)) == [masked(P1)]


def test_what_old_and_new_libreoffice_files_hold_does_not_block() -> None:
    """An empty settings part, the binary layout cache, and a manifest with an undeclared prefix (OpenOffice)."""
    body = f"<office:text><text:p>{P1[:6]}<text:span>-{P1[6:]}</text:span></text:p></office:text>"
    content = f"<office:document-content {ODF_NS}><office:body>{body}</office:body></office:document-content>"
    members: dict[str, str | bytes] = {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": content,
        "layout-cache": b"\x03\x00SW\x00\x01\x02\x00\x00\x10\x00",
        "Configurations2/accelerator/current.xml": b"",
        "META-INF/manifest.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest>'
            '<manifest:file-entry manifest:full-path="/"/></manifest:manifest>'
        ),
    }
    report = scan_bytes("gammal.ott", zip_bytes(members, stored_first="mimetype"))
    assert not report.unreadable, report.unreadable
    assert masks(report) == [masked(P1)]


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_soft_hyphen_and_non_breaking_hyphen_in_files(tmp_path: Path, suffix: str) -> None:
    """Writer exports a soft hyphen (U+00AD, or &shy;) and a non-breaking hyphen (U+2011) as characters."""
    path = tmp_path / f"brev{suffix}"
    text = f"{P1[:4]}\u00ad{P1[4:]} och {P2[:6]}\u2011{P2[6:]} och {P3[:3]}&shy;{P3[3:]}"
    path.write_text(f"<p>{text}</p>" if suffix == ".html" else text, encoding="utf-8")
    expected = {masked(P1), masked(P2)} | ({masked(P3)} if suffix == ".html" else set())
    assert set(masks(scan_path(path))) >= expected


def test_sparse_file_that_packs_hard_is_read_not_refused(tmp_path: Path) -> None:
    """A 10 MB CSV of mostly empty fields packs about 300 times: small enough to read, not a bomb."""
    sparse = b"lopnr;" + b";" * 60 + b"\n"
    data = sparse * (10 * 1024 * 1024 // len(sparse)) + f"1;{dashed(P1)}\n".encode()
    for name, packed in (("gles.csv.gz", gzip.compress(data)), ("gles.zip", zip_bytes({"gles.csv": data}))):
        assert len(data) > 250 * len(packed)
        report = scan_bytes(name, packed)
        assert masks(report) == [masked(P1)], report.unreadable

