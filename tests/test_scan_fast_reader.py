"""The fast reader (XML parts above LARGE_PART bytes) finds every number the exact reader finds.

Each case is a part as a program writes it, with the number placed where only the dialect's rules
find it: right after other digits across a tab, a line break or a block end (joined, the digits
would run together and no longer read as a personnummer), inside a hyphen element, in a formula
or a header, in a numeric cell that lost its zero. The part is scanned by both readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from beställning.send.scan import ScanReport, scan_bytes, scan_path, xmltext
from tests.pnr_numbers import dashed, make_numbers, masked
from tests.test_scan_files import make_xlsx
from tests.test_scan_formats import odf, zip_bytes

P1, P2, P3 = make_numbers(3, seed=11)
Y1 = make_numbers(1, seed=12, born_2000s=True)[0]
W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def masks(report: ScanReport) -> list[str]:
    assert not report.unreadable, report.unreadable
    return sorted({f.masked for f in report.findings})


def both_readers(monkeypatch: pytest.MonkeyPatch, scan: object) -> tuple[list[str], list[str]]:
    assert callable(scan)
    exact = masks(scan())
    monkeypatch.setattr(xmltext, "LARGE_PART", 10)
    fast = masks(scan())
    return exact, fast


def docx(document: str) -> bytes:
    return zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": document})


def body(paragraphs: str, root: str = f'xmlns:w="{W_URI}"', prefix: str = "w:") -> str:
    return f'<?xml version="1.0"?><{prefix}document {root}><{prefix}body>{paragraphs}</{prefix}body></{prefix}document>'


def para(*runs: str, p: str = "w:") -> str:
    return f"<{p}p>" + "".join(f"<{p}r>{run}</{p}r>" for run in runs) + f"</{p}p>"


def t(text: str, p: str = "w:") -> str:
    return f'<{p}t xml:space="preserve">{text}</{p}t>'


# Digits right before the number: only the element between them keeps them apart.
WORD_CASES = {
    "tab": body(para(t("Nr 12"), "<w:tab/>", t(dashed(P1)))),
    "tab stop with attributes": body(para(t("12"), '<w:tab w:val="left" w:pos="720"/>', t(dashed(P1)))),
    "line break": body(para(t("rad 12"), '<w:br w:type="textWrapping"/>', t(dashed(P1)))),
    "paragraph end": body(para(t("12")) + para(t(dashed(P1)))),
    "table cells": body(f"<w:tbl><w:tr><w:tc>{para(t('12'))}</w:tc><w:tc>{para(t(dashed(P1)))}</w:tc></w:tr></w:tbl>"),
    "text box": body(
        para(t("34"), f"<w:pict><v:textbox><w:txbxContent>{para(t(P1))}</w:txbxContent></v:textbox></w:pict>", t("56"))
    ).replace("<w:document ", '<w:document xmlns:v="urn:schemas-microsoft-com:vml" '),
    "tab between the date and the last four": body(para(t(P1[:6]), "<w:tab/>", t(P1[6:]))),
    "no-break hyphen": body(para(t(P1[:6]), "<w:noBreakHyphen/>", t(P1[6:]))),
    "soft hyphen": body(para(t(P1[:4]), "<w:softHyphen/>", t(P1[4:]))),
    "split runs": body(para(t(P1[:3]), t(P1[3:7]), t(P1[7:]))),
    "alt text in single quotes": body(
        para(f"<w:drawing><wp:docPr id='1' descr = 'Foto av {P1}'/></w:drawing>"),
        root=f'xmlns:w="{W_URI}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
    ),
    "strict namespace": body(para(t("12"), "<w:tab/>", t(dashed(P1))), root=f'xmlns:w="{W_STRICT}"'),
    "other prefix (ElementTree's ns0)": body(
        para(t("12", "ns0:"), "<ns0:tab/>", t(dashed(P1), "ns0:"), p="ns0:"), root=f'xmlns:ns0="{W_URI}"', prefix="ns0:"
    ),
    "default namespace": body(para(t("12", ""), "<tab/>", t(dashed(P1), ""), p=""), root=f'xmlns="{W_URI}"', prefix=""),
    "namespace declared below the root": body(
        f'<x:p xmlns:x="{W_URI}"><x:r><x:t>12</x:t></x:r></x:p>'
        f'<x:p xmlns:x="{W_URI}"><x:r><x:t>{dashed(P1)}</x:t></x:r></x:p>'
    ),
    "entities": body(para(t(f"{P1[:6]}&#45;{P1[6:]}"))),
    # Tracked changes: the old number deleted, the new one inserted right after it.
    "tracked replacement": body(
        para(
            t("Person "), f'<w:del w:id="1" w:author="A"><w:r><w:delText>{dashed(P2)}</w:delText></w:r></w:del>'
        ).replace("</w:p>", f'<w:ins w:id="2" w:author="A"><w:r>{t(dashed(P1))}</w:r></w:ins></w:p>')
    ),
    "tracked last four": body(
        para(t(P1[:6] + "-"), '<w:del w:id="1" w:author="A"><w:r><w:delText>1234</w:delText></w:r></w:del>').replace(
            "</w:p>", f'<w:ins w:id="2" w:author="A"><w:r>{t(P1[6:])}</w:r></w:ins></w:p>'
        )
    ),
}


@pytest.mark.parametrize("case", WORD_CASES)
def test_word(monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    data = docx(WORD_CASES[case])
    exact, fast = both_readers(monkeypatch, lambda: scan_bytes("brev.docx", data))
    deleted = [masked(P2)] if case == "tracked replacement" else []  # a deleted number is still in the file
    assert exact == fast == sorted([masked(P1), *deleted])


def test_excel_formula_header_numeric_cell_and_validation(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    path = make_xlsx(tmp_path / "bok.xlsx", {"A1": 12, "B1": int(Y1), "C3": f'="{P1[:6]}"&"-{P1[6:]}"'})
    workbook = load_workbook(path)
    ws = workbook.active
    assert ws is not None and ws.oddHeader is not None
    ws.oddHeader.left.text = f'&"Arial,Fet"&B{dashed(P2)}&P'  # font and bold codes around the number
    validation = DataValidation(type="list", formula1=f'"{dashed(P3)},annan"')
    ws.add_data_validation(validation)
    validation.add("D1")
    workbook.save(path)
    exact, fast = both_readers(monkeypatch, lambda: scan_path(path))
    assert exact == fast == sorted(masked(n) for n in (P1, P2, P3, Y1))


def test_excel_shared_strings_with_the_default_namespace(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "delade.xlsx", {"A1": "12", "A2": dashed(P1), "A3": "text"})
    exact, fast = both_readers(monkeypatch, lambda: scan_path(path))
    assert exact == fast == [masked(P1)]


ODF_CASES = {
    "spans and a space element": (
        f"<office:text><text:p>Nr 12<text:tab/>{P1[:6]}<text:s/><text:span>{P1[6:]}</text:span></text:p></office:text>"
    ),
    "line break": f"<office:text><text:p>12<text:line-break/>{dashed(P1)}</text:p></office:text>",
    "tab before the last four": f"<office:text><text:p>{P1[:6]}<text:tab/>{P1[6:]}</text:p></office:text>",
    "headings and paragraphs": f"<office:text><text:h>12</text:h><text:p>{dashed(P1)}</text:p></office:text>",
    "numeric cell": (
        "<office:spreadsheet><table:table table:name='Blad1'><table:table-row>"
        "<table:table-cell office:value-type='float' office:value='12'><text:p>12</text:p></table:table-cell>"
        f"<table:table-cell office:value-type='float' office:value='{int(Y1)}'><text:p>{int(Y1)}</text:p>"
        "</table:table-cell></table:table-row></table:table></office:spreadsheet>"
    ),
}


NESTED = {
    "footnote right after the number": (
        "<text:note text:note-class='footnote'><text:note-citation>1</text:note-citation>"
        "<text:note-body><text:p>Källa</text:p></text:note-body></text:note>"
    ),
    "comment right after the number": (
        "<office:annotation><dc:date xmlns:dc='http://purl.org/dc/elements/1.1/'>2026-12-02T10:00:00</dc:date>"
        "<text:p>Kolla</text:p></office:annotation>"
    ),
    "text box inside a paragraph": "<draw:frame><draw:text-box><text:p>{}</text:p></draw:text-box></draw:frame>",
    "comment inside a paragraph": "<office:annotation><text:p>{}</text:p></office:annotation>",
}
ODF_CASES.update(
    {
        case: f"<office:text><text:p>12{inner.format(P1)}34</text:p></office:text>"
        if "{}" in inner
        else f"<office:text><text:p>Person {dashed(P1)}{inner}</text:p></office:text>"
        for case, inner in NESTED.items()
    }
)


@pytest.mark.parametrize("case", ODF_CASES)
def test_odf(monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    data = odf(ODF_CASES[case])
    exact, fast = both_readers(monkeypatch, lambda: scan_bytes("dokument.odt", data))
    expected = [masked(Y1)] if case == "numeric cell" else [masked(P1)]
    assert exact == fast == expected


def test_powerpoint_line_break_and_tab(monkeypatch: pytest.MonkeyPatch) -> None:
    slide = (
        '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody>'
        f"<a:p><a:r><a:t>12</a:t></a:r><a:br/><a:r><a:t>{dashed(P1)}</a:t></a:r></a:p>"
        f"<a:p><a:r><a:t>34</a:t></a:r><a:tab/><a:r><a:t>{dashed(P2)}</a:t></a:r></a:p>"
        "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
    )
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "ppt/slides/slide1.xml": slide})
    exact, fast = both_readers(monkeypatch, lambda: scan_bytes("bilder.pptx", data))
    assert exact == fast == sorted({masked(P1), masked(P2)})


def test_fast_reader_places_by_block_and_a_line_break_does_not_count(monkeypatch: pytest.MonkeyPatch) -> None:
    document = body(para(t("första")) + para(t("a"), "<w:br/>", t("b"), "<w:br/>", t("c")) + para(t(dashed(P1))))
    monkeypatch.setattr(xmltext, "LARGE_PART", 10)
    report = scan_bytes("brev.docx", docx(document))
    assert [(f.place, f.masked) for f in report.findings] == [("dokumentet, stycke 3", masked(P1))]
