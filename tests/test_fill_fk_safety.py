"""Filling FK's form never crashes or corrupts: odd text, damaged templates, and atomic output."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from beställning.document.fk_form import (
    KIND_APPENDIX,
    KIND_CELL,
    KIND_CONTROL,
    KIND_FORMFIELD,
    KIND_PARAGRAPH,
    TemplateError,
    fill_fk_form,
)
from beställning.order import BenefitRequest, Order, filled_fields
from tests import fk_templates as t

LONG = ("Lång text om projektets syfte. " * 700)[:20_000]
NASTY = {
    "bestallare.organisation": "Universitet\x00et\x0bAvdelning\x0cEnhet",
    "bestallare.kontaktperson": "Anna 👩‍🔬 Lindqvist 🎉",
    "bestallare.postadress": "شارع الجامعة 12\nתל אביב",
    "projekt.titel": "مشروع البحث – Projekt עברית",
    "projekt.syfte": LONG,
    "bestallare.epost": "anna@example.se",
}


def nasty_order() -> Order:
    order = Order(route="forskning")
    for key, value in NASTY.items():
        order.set(key, value)
    order.fields["bestallare.telefon"] = "018\x00-12\x1f34"  # as if read past clean_text
    order.benefits.append(BenefitRequest("sjuk_rehab", "Sjuk 🤒\x0b penning", "2018-01", "2019-12", "😀\x00"))
    return order


@pytest.mark.parametrize("kind", sorted(t.BUILDERS))
def test_hostile_text_gives_a_valid_document(tmp_path: Path, kind: str) -> None:
    template = t.BUILDERS[kind](tmp_path / f"{kind}.docx")
    out = tmp_path / "ut.docx"
    report = fill_fk_form(nasty_order(), template, out)
    Document(str(out))  # python-docx re-opens it
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                etree.fromstring(archive.read(name))  # every part is well-formed XML
        body = archive.read("word/document.xml").decode("utf-8")
    assert "\x00" not in body and "\x0b" not in body and "\x0c" not in body and "\x1f" not in body
    text = t.document_text(out)
    assert LONG in text
    assert "Anna 👩‍🔬 Lindqvist 🎉" in text
    assert "شارع الجامعة 12\nתל אביב" in text  # the line break survives as w:br
    assert "مشروع البحث – Projekt עברית" in text
    assert "Universitetet\nAvdelning\nEnhet" in text
    assert "018-1234" in text
    assert {p.kind for p in report.placements} <= {
        KIND_CELL,
        KIND_CONTROL,
        KIND_FORMFIELD,
        KIND_PARAGRAPH,
        KIND_APPENDIX,
    }


def test_every_value_is_reported_once_for_every_kind(tmp_path: Path) -> None:
    order = nasty_order()
    wanted = [f.id for f, _ in filled_fields(order)] + ["förmån:sjuk_rehab"]
    # Besides the fields: the route, where the form has route boxes, and a benefit's wishes, where
    # the form's benefit place has no room for them; each once too.
    extras = {"andamal", "önskemål:sjuk_rehab"}
    for kind, build in t.BUILDERS.items():
        report = fill_fk_form(order, build(tmp_path / f"{kind}.docx"), tmp_path / f"{kind}_ut.docx")
        ids = [p.field_id for p in report.placements]
        assert sorted(i for i in ids if i not in extras) == sorted(wanted), kind
        assert all(ids.count(extra) <= 1 for extra in extras), kind


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "inte en Word-fil"),
        (b"%PDF-1.7 not a word file", "inte en Word-fil"),
        (b"PK\x03\x04 broken zip", "skadad"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"),
            "lösenordsskyddad",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "äldre Word-formatet"),
    ],
)
def test_unusable_template_raises_template_error(tmp_path: Path, content: bytes, message: str) -> None:
    template = tmp_path / "blankett.docx"
    template.write_bytes(content)
    out = tmp_path / "ut.docx"
    with pytest.raises(TemplateError, match=message):
        fill_fk_form(Order(), template, out)
    assert not out.exists()


def test_zip_that_is_not_word_and_truncated_docx(tmp_path: Path) -> None:
    other = tmp_path / "annat.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hej.txt", "inte word")
    with pytest.raises(TemplateError, match="ingen Word-fil"):
        fill_fk_form(Order(), other, tmp_path / "ut.docx")
    data = _docx_bytes()
    truncated = tmp_path / "trasig.docx"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(TemplateError, match="skadad"):
        fill_fk_form(Order(), truncated, tmp_path / "ut.docx")
    damaged = tmp_path / "skadad_xml.docx"
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            payload = source.read(item)
            target.writestr(
                item, b"<w:document><unclosed" if item.filename == "word/document.xml" else payload
            )
    with pytest.raises(TemplateError, match="skadad"):
        fill_fk_form(Order(), damaged, tmp_path / "ut.docx")


def test_missing_template_and_folder(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="finns inte"):
        fill_fk_form(Order(), tmp_path / "saknas.docx", tmp_path / "ut.docx")
    with pytest.raises(TemplateError, match="mapp"):
        fill_fk_form(Order(), tmp_path, tmp_path / "ut.docx")


def test_failed_fill_leaves_existing_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "ut.docx"
    out.write_bytes(b"tidigare version")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"nonsense")
    with pytest.raises(TemplateError):
        fill_fk_form(Order(), bad, out)
    assert out.read_bytes() == b"tidigare version"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ut.docx")] == []


def test_word_template_dotx_is_accepted(tmp_path: Path) -> None:
    source = t.build_beside(tmp_path / "blankett.docx")
    dotx = tmp_path / "blankett.dotx"
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(dotx, "w") as target:
        for item in archive.infolist():
            payload = archive.read(item)
            if item.filename == "[Content_Types].xml":
                payload = payload.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, payload)
    order = Order(route="forskning")
    order.set("bestallare.epost", "a@b.se")
    report = fill_fk_form(order, dotx, tmp_path / "ut.docx")
    assert report.placements[0].kind == KIND_CELL
    assert Document(str(tmp_path / "ut.docx")).tables[0].cell(3, 1).text == "a@b.se"


def test_unexpected_structure_becomes_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from beställning.document.fk_form.fill import Filler

    def broken(self: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(Filler, "collect", broken)
    out = tmp_path / "ut.docx"
    with pytest.raises(TemplateError, match="kan fylla i"):
        fill_fk_form(Order(), t.build_beside(tmp_path / "b.docx"), out)
    assert not out.exists()
