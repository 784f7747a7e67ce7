"""The guard on text a PDF holds outside its pages' text layer.

Document properties and XMP, comments and link targets, the source document a LibreOffice "Hybrid
PDF" carries (/AdditionalStreams), alt texts in the tags, form field values. PDFs are built with
pypdf here, and exported by LibreOffice where it is installed.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText, Link, Text
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from beställning.send.scan import ScanLimits, ScanReport, pdfobjects, scan_bytes
from tests.libreoffice import needs_libreoffice
from tests.pnr_numbers import dashed, make_numbers, masked
from tests.test_scan_files import make_pdf

P1, P2 = make_numbers(2, seed=71)
RECT = (72, 600, 200, 640)


def writer(pages: int = 1) -> PdfWriter:
    """A PDF with `pages` pages of clean text, to which each test adds one hidden place."""
    out = PdfWriter()
    for number in range(1, pages + 1):
        out.append(PdfReader(io.BytesIO(make_pdf([f"Etikbeslut sida {number}", "Dnr 2024-01234-01"]))))
    return out


def scan(pdf: PdfWriter, limits: ScanLimits | None = None) -> ScanReport:
    data = io.BytesIO()
    pdf.write(data)
    return scan_bytes("beslut.pdf", data.getvalue(), limits=limits)


def places(report: ScanReport) -> list[tuple[str, str]]:
    return [(f.place, f.masked) for f in report.findings]


def ref(pdf: PdfWriter, obj: DictionaryObject) -> IndirectObject:
    return pdf._add_object(obj)


def stream(data: bytes, **entries: object) -> DecodedStreamObject:
    out = DecodedStreamObject()
    out.set_data(data)
    for key, value in entries.items():
        out[NameObject(f"/{key}")] = value  # type: ignore[assignment]
    return out


def odt(body: str) -> bytes:
    """A minimal .odt whose content.xml holds `body` in a paragraph hidden by its style."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        f'<text:p>Synligt</text:p><text:hidden-paragraph text:is-hidden="true">{body}</text:hidden-paragraph>'
        "</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
    return out.getvalue()


# --- document properties and XMP -----------------------------------------------------------------


@pytest.mark.parametrize("key", ["Title", "Subject", "Keywords", "Author", "Creator", "Producer", "Projektnummer"])
def test_document_properties(key: str) -> None:
    pdf = writer()
    pdf.add_metadata({f"/{key}": f"Underlag för {dashed(P1)}"})
    assert places(scan(pdf)) == [(f"dokumentegenskaper ({key})", masked(P1))]


def test_xmp_metadata_with_markup_and_entities() -> None:
    pdf = writer()
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>{P1[:4]}<b/>{P1[4:]}'
        f"</dc:description>\n<dc:title>&#{ord(P2[0])};{P2[1:]}</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    pdf._root_object[NameObject("/Metadata")] = ref(pdf, stream(xmp.encode(), Type=NameObject("/Metadata")))
    assert sorted(places(scan(pdf))) == sorted([("XMP-metadata", masked(P1)), ("XMP-metadata", masked(P2))])


# --- comments and links ----------------------------------------------------------------------------


def test_comment_text_on_its_page() -> None:
    pdf = writer(pages=2)
    pdf.add_annotation(1, Text(rect=RECT, text=f"Gäller {P1}"))
    assert places(scan(pdf)) == [("sida 2, kommentar", masked(P1))]


@pytest.mark.parametrize("key", ["/T", "/Subj", "/NM"])
def test_comment_author_and_subject(key: str) -> None:
    pdf = writer()
    note = pdf.add_annotation(0, Text(rect=RECT, text="Se bilaga"))
    note[NameObject(key)] = TextStringObject(dashed(P1))
    assert places(scan(pdf)) == [("sida 1, kommentar", masked(P1))]


def test_free_text_and_rich_text_split_by_markup() -> None:
    pdf = writer()
    box = pdf.add_annotation(0, FreeText(rect=RECT, text="Anteckning"))
    box[NameObject("/RC")] = TextStringObject(f"<body><p>{P1[:6]}<span>-</span>{P1[6:]}</p></body>")
    assert places(scan(pdf)) == [("sida 1, kommentar", masked(P1))]


def test_popup_text_not_listed_on_the_page() -> None:
    pdf = writer()
    note = pdf.add_annotation(0, Text(rect=RECT, text="Se nedan"))
    popup = DictionaryObject(
        {NameObject("/Subtype"): NameObject("/Popup"), NameObject("/Contents"): TextStringObject(P1)}
    )
    note[NameObject("/Popup")] = ref(pdf, popup)  # reachable only from its comment
    assert places(scan(pdf)) == [("sida 1, kommentar", masked(P1))]


def test_link_target() -> None:
    pdf = writer()
    pdf.add_annotation(0, Link(rect=RECT, url=f"https://example.se/journal?pnr={P1}"))
    assert places(scan(pdf)) == [("sida 1, länk", masked(P1))]


def test_link_to_a_file_and_a_chained_action() -> None:
    pdf = writer()
    link = pdf.add_annotation(0, Link(rect=RECT, url="https://example.se/"))
    launch = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): DictionaryObject({NameObject("/UF"): TextStringObject(f"{P2}.csv")}),
        }
    )
    link["/A"][NameObject("/Next")] = ref(pdf, launch)  # type: ignore[index]
    assert places(scan(pdf)) == [("sida 1, länk", masked(P2))]


def test_file_attachment_annotation_is_scanned_as_a_file() -> None:
    pdf = writer()
    embedded = ref(pdf, stream(f"löpnr;pnr\n1;{P1}\n".encode(), Type=NameObject("/EmbeddedFile")))
    spec = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Filespec"),
            NameObject("/UF"): TextStringObject("nyckel.csv"),
            NameObject("/EF"): DictionaryObject({NameObject("/F"): embedded}),
        }
    )
    pdf.add_annotation(0, {"/Type": "/Annot", "/Subtype": "/FileAttachment", "/Rect": list(RECT), "/FS": spec})
    report = scan(pdf)
    assert [(f.source, f.masked) for f in report.findings] == [("beslut.pdf → nyckel.csv", masked(P1))]


# --- LibreOffice Hybrid PDF: the source document in /AdditionalStreams -------------------------------


def test_hybrid_pdf_source_document_in_the_catalog() -> None:
    pdf = writer()
    source = ref(pdf, stream(odt(f"Dold {P1}")))
    pdf._root_object[NameObject("/AdditionalStreams")] = ArrayObject(
        [NameObject("/application/vnd.oasis.opendocument.text"), source]
    )
    report = scan(pdf)
    assert [(f.source, f.masked) for f in report.findings] == [("beslut.pdf → originaldokument.odt", masked(P1))]
    assert report.unreadable == []


@pytest.mark.parametrize("also_in_catalog", [False, True])
def test_hybrid_pdf_source_document_in_the_trailer(also_in_catalog: bool) -> None:
    """LibreOffice writes /AdditionalStreams into the trailer, not the catalog; one stream in both is read once."""
    pdf = writer()
    source = ref(pdf, stream(f"dold anteckning {P2}".encode()))
    if also_in_catalog:
        pdf._root_object[NameObject("/AdditionalStreams")] = ArrayObject([NameObject("/text/plain"), source])
    data = io.BytesIO()
    pdf.write(data)
    entry = f"trailer\n<<\n/AdditionalStreams [ /text#2Fplain {source.idnum} 0 R ]".encode()
    patched = data.getvalue().replace(b"trailer\n<<", entry, 1)
    assert patched != data.getvalue()
    report = scan_bytes("beslut.pdf", patched)
    assert [(f.source, f.masked) for f in report.findings] == [("beslut.pdf → originaldokument 1", masked(P2))]


def test_hybrid_pdf_source_document_over_the_size_limit_blocks() -> None:
    pdf = writer()
    source = ref(pdf, stream(odt("x" * 40_000)))
    pdf._root_object[NameObject("/AdditionalStreams")] = ArrayObject(
        [NameObject("/application/vnd.oasis.opendocument.text"), source]
    )
    report = scan(pdf, ScanLimits(max_total_unpacked=2_000))
    assert report.findings == []
    assert len(report.unreadable) == 1
    assert "originaldokument.odt i PDF-filen är för stor" in report.unreadable[0].reason
    assert "Hybrid-PDF" in report.unreadable[0].reason


# --- tags: alt texts in the structure tree -----------------------------------------------------------


def tagged(pdf: PdfWriter, kids: list[IndirectObject]) -> DictionaryObject:
    root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): ArrayObject(kids)})
    pdf._root_object[NameObject("/StructTreeRoot")] = ref(pdf, root)
    return root


def element(pdf: PdfWriter, kind: str, **entries: object) -> IndirectObject:
    item = DictionaryObject({NameObject("/S"): NameObject(kind)})
    for key, value in entries.items():
        item[NameObject(f"/{key}")] = value  # type: ignore[assignment]
    return ref(pdf, item)


def test_alt_text_and_actual_text_deep_in_the_tree() -> None:
    pdf = writer()
    figure = element(pdf, "/Figure", Alt=TextStringObject(f"Foto av journal {P1}"))
    span = element(pdf, "/Span", ActualText=TextStringObject(P2), K=NumberObject(0))
    section = element(pdf, "/Sect", K=ArrayObject([figure, span]))
    tagged(pdf, [element(pdf, "/Document", K=ArrayObject([section]))])
    assert places(scan(pdf)) == [("alt-text", masked(P1)), ("ersättningstext (ActualText)", masked(P2))]


def test_cyclic_structure_tree_ends() -> None:
    pdf = writer()
    figure = element(pdf, "/Figure", Alt=TextStringObject(P1))
    parent = element(pdf, "/Div", K=ArrayObject([figure]))
    figure.get_object()[NameObject("/K")] = ArrayObject([parent, figure])  # a cycle back up, and to itself
    tagged(pdf, [parent])
    report = scan(pdf)
    assert places(report) == [("alt-text", masked(P1))]
    assert report.unreadable == []  # each element visited once: the bounds are not reached


@pytest.mark.parametrize(("limit", "value"), [("MAX_NODES", 50), ("MAX_DEPTH", 20)])
def test_structure_tree_beyond_the_bounds_blocks(monkeypatch: pytest.MonkeyPatch, limit: str, value: int) -> None:
    monkeypatch.setattr(pdfobjects, limit, value)
    pdf = writer()
    chain = element(pdf, "/Figure", Alt=TextStringObject("Logotyp"))
    for _ in range(60):  # 60 levels deep, 61 elements
        chain = element(pdf, "/Div", K=ArrayObject([chain]))
    tagged(pdf, [chain])
    pdf.add_metadata({"/Title": P1})
    report = scan(pdf)
    assert places(report) == [("dokumentegenskaper (Title)", masked(P1))]  # the rest is still scanned
    assert len(report.unreadable) == 1
    assert "taggarna (strukturträdet) är för många eller för djupt nästlade" in report.unreadable[0].reason


# --- form fields -------------------------------------------------------------------------------------


def form(pdf: PdfWriter, fields: list[IndirectObject]) -> None:
    pdf._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): ArrayObject(fields)})


@pytest.mark.parametrize("key", ["/V", "/TU", "/DV"])
@pytest.mark.parametrize("on_kid", [False, True])
def test_form_field_value_and_tooltip(key: str, on_kid: bool) -> None:
    pdf = writer()
    field = element(pdf, "/Ignored", FT=NameObject("/Tx"), T=TextStringObject("sökande"))
    kid = element(pdf, "/Ignored", FT=NameObject("/Tx"), T=TextStringObject("kopia"), Parent=field)
    field.get_object()[NameObject("/Kids")] = ArrayObject([kid])
    (kid if on_kid else field).get_object()[NameObject(key)] = TextStringObject(dashed(P1))
    form(pdf, [field])
    assert places(scan(pdf)) == [("formulärfält", masked(P1))]


def test_widget_on_a_page_is_reported_once_with_its_page() -> None:
    pdf = writer()
    widget = pdf.add_annotation(
        0, {"/Type": "/Annot", "/Subtype": "/Widget", "/FT": "/Tx", "/Rect": list(RECT), "/T": "pnr"}
    )
    widget[NameObject("/V")] = TextStringObject(P1)
    form(pdf, [widget.indirect_reference])
    assert places(scan(pdf)) == [("sida 1, formulärfält", masked(P1))]


def test_xfa_form_data() -> None:
    pdf = writer()
    data = ref(pdf, stream(f"<xfa:datasets><pnr>{P1}</pnr></xfa:datasets>".encode()))
    pdf._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): ArrayObject([TextStringObject("datasets"), data])}
    )
    assert places(scan(pdf)) == [("formulärdata (XFA)", masked(P1))]


# --- broken parts block; normal PDFs pass -----------------------------------------------------------


def test_malformed_xmp_stream_blocks_and_the_rest_is_scanned() -> None:
    pdf = writer()
    broken = stream(b"\x00 this is not deflate data", Type=NameObject("/Metadata"), Filter=NameObject("/FlateDecode"))
    pdf._root_object[NameObject("/Metadata")] = ref(pdf, broken)
    pdf.add_annotation(0, Text(rect=RECT, text=P1))
    report = scan(pdf)
    assert places(report) == [("sida 1, kommentar", masked(P1))]
    assert len(report.unreadable) == 1
    reason = report.unreadable[0].reason
    assert reason.startswith("PDF-filen kan inte granskas helt: XMP-metadata är skadad och kan inte packas upp")
    assert "Spara PDF-filen på nytt" in reason


def test_a_reader_that_breaks_blocks_without_showing_the_number(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise ValueError(f"trasigt objekt {P1}")

    monkeypatch.setattr(pdfobjects, "form_fields", broken)
    report = scan(writer())
    assert len(report.unreadable) == 1
    assert "formulärfälten kan inte läsas (ValueError: trasigt objekt" in report.unreadable[0].reason
    assert P1 not in report.unreadable[0].reason and masked(P1) in report.unreadable[0].reason


def test_normal_pdf_with_all_of_it_and_no_number_passes() -> None:
    pdf = writer(pages=2)
    pdf.add_metadata({"/Title": "Etikbeslut", "/Author": "Anna Berg", "/CreationDate": "D:20240301120000+01'00'"})
    pdf.add_annotation(0, Text(rect=RECT, text="Kontrollera dnr 2024-01234-01"))
    pdf.add_annotation(1, Link(rect=RECT, url="https://etikprovning.se/ansok?id=2024-01234-01"))
    pdf.add_annotation(1, Link(rect=RECT, target_page_index=0))
    tagged(pdf, [element(pdf, "/Figure", Alt=TextStringObject("Myndighetens logotyp"), K=NumberObject(0))])
    form(pdf, [element(pdf, "/Ignored", FT=NameObject("/Tx"), T=TextStringObject("dnr"), V=TextStringObject("x"))])
    report = scan(pdf)
    assert report.clean, (report.findings, report.unreadable)
    assert report.notes == []


# --- LibreOffice exports ------------------------------------------------------------------------------

HYBRID_TAGGED_NOTES = (
    'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},'
    '"IsAddStream":{"type":"boolean","value":"true"},"UseTaggedPDF":{"type":"boolean","value":"true"}}'
)
PDF_A = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def fodt(title: str, comment: str, url: str, hidden: str, alt: str) -> str:
    """A flat ODF text document with each hidden place filled in."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title></office:meta>
<office:automatic-styles><style:style style:name="H" style:family="text">
<style:text-properties text:display="none"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:p>Etikbeslut, dnr 2024-01234-01.<office:annotation><dc:creator>Anna</dc:creator>
<text:p>{comment}</text:p></office:annotation></text:p>
<text:p><text:a xlink:type="simple" xlink:href="{url}">Ansökan</text:a></text:p>
<text:p>Bilaga <text:span text:style-name="H">{hidden}</text:span></text:p>
<text:p><draw:frame draw:name="Ruta" svg:width="2cm" svg:height="1cm" text:anchor-type="as-char">
<draw:text-box><text:p>Logotyp</text:p></draw:text-box><svg:title>{alt}</svg:title></draw:frame></text:p>
</office:text></office:body></office:document>"""


def export(source: Path, target: str, work: Path) -> Path:
    profile = f"-env:UserInstallation={(work / 'lo-profile').as_uri()}"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(work / "out"), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = work / "out" / f"{source.stem}.pdf"
    assert out.exists(), "LibreOffice wrote no PDF"
    return out


@pytest.fixture(scope="module")
def lo_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    work = tmp_path_factory.mktemp("lo-pdf")
    (work / "hemlig.fodt").write_text(
        fodt(f"Beslut {P1}", f"Gäller {dashed(P1)}", f"https://example.se/?pnr={P1}", P2, f"Foto {P1}"), "utf-8"
    )
    (work / "ren.fodt").write_text(
        fodt("Etikbeslut", "Se dnr 2024-01234-01", "https://etikprovning.se/", "Bilaga 2", "Logotyp"), "utf-8"
    )
    (work / "formular.html").write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ansökan {P1}</title></head><body>'
        f'<p>Fyll i:</p><form><input type="text" name="pnr" value="{P2}"></form></body></html>',
        "utf-8",
    )
    return {
        "hemlig": export(work / "hemlig.fodt", HYBRID_TAGGED_NOTES, work).read_bytes(),
        "ren": export(work / "ren.fodt", HYBRID_TAGGED_NOTES, work).read_bytes(),
        "formular": export(work / "formular.html", PDF_A, work).read_bytes(),
    }


@pytest.mark.libreoffice
@needs_libreoffice
def test_libreoffice_hybrid_tagged_pdf_with_notes(lo_pdfs: dict[str, bytes]) -> None:
    report = scan_bytes("beslut.pdf", lo_pdfs["hemlig"])
    outside = {(f.place, f.masked) for f in report.findings if f.source == "beslut.pdf"}
    assert outside == {
        ("dokumentegenskaper (Title)", masked(P1)),
        ("sida 1, kommentar", masked(P1)),
        ("sida 1, länk", masked(P1)),
        ("alt-text", masked(P1)),
    }
    inside = {f.masked for f in report.findings if f.source == "beslut.pdf → originaldokument.odt"}
    assert masked(P2) in inside  # the hidden text is only in the embedded .odt
    assert report.unreadable == []


@pytest.mark.libreoffice
@needs_libreoffice
def test_libreoffice_pdf_a_form_and_xmp(lo_pdfs: dict[str, bytes]) -> None:
    report = scan_bytes("ansokan.pdf", lo_pdfs["formular"])
    assert {(f.place, f.masked) for f in report.findings} >= {
        ("dokumentegenskaper (Title)", masked(P1)),
        ("XMP-metadata", masked(P1)),
    }
    assert any(f.place.endswith("formulärfält") and f.masked == masked(P2) for f in report.findings)
    assert report.unreadable == []


@pytest.mark.libreoffice
@needs_libreoffice
def test_libreoffice_pdf_without_numbers_passes(lo_pdfs: dict[str, bytes]) -> None:
    report = scan_bytes("beslut.pdf", lo_pdfs["ren"])
    assert report.clean, (report.findings, report.unreadable)


def test_letter_spaced_number_in_the_text_layer() -> None:
    """Spärrad text: the text layer holds one character at a time, spaces between."""
    from beställning.send.scan import scan_bytes
    from tests.pnr_numbers import dashed, make_numbers, masked
    from tests.test_scan_files import make_pdf

    number = make_numbers(1, seed=61)[0]
    spaced = " ".join(dashed(number))
    report = scan_bytes("spärrad.pdf", make_pdf([f"Person {spaced} deltar", "Sida 1 2 3 4 5"]))
    assert [(f.place, f.masked) for f in report.findings] == [("sida 1 (spärrad text)", masked(number))]
