"""`bestallning ethics ORDER.json [--json]` (beställning/cli/ethics.py), and a LibreOffice-made PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beställning.cli import main as cli_main
from tests.ethics_documents import (
    IDS,
    application_lines,
    complete_case,
    decision_lines,
    make_docx,
    research_order,
    write_case,
    write_document,
)
from tests.libreoffice import docx_to_pdf, needs_libreoffice


def saved_case(tmp_path: Path, omit: tuple[str, ...] = ()) -> Path:
    order = complete_case(tmp_path, omit=omit)
    path = tmp_path / "order.json"
    order.save(path)
    return path


def test_json_one_entry_per_requirement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = saved_case(tmp_path, omit=("linkage",))
    assert cli_main(["ethics", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [entry["id"] for entry in data] == IDS
    assert all(set(entry) == {"id", "found", "file", "page", "quote", "advice"} for entry in data)
    linkage = data[3]
    assert linkage["found"] is False and linkage["quote"] is None
    assert linkage["advice"].startswith("FK kan begära komplettering; kontrollera att etikansökan nämner")
    assert data[0] == {
        "id": "fk_source",
        "found": True,
        "file": "bilagor/etikansokan.pdf",
        "page": 1,
        "quote": "Uppgifterna om ersättningar hämtas från Försäkringskassans register MiDAS.",
        "advice": None,
    }


def test_text_output_and_warnings_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = saved_case(tmp_path, omit=("linkage", "benefit:foraldrapenning"))
    assert cli_main(["ethics", str(path)]) == 0
    out = capsys.readouterr().out
    assert "✔ Försäkringskassan som källa: ”Uppgifterna om ersättningar" in out
    assert "(etikansokan.pdf, s. 1)" in out
    assert "⚠ Samkörning med andra register: FK kan begära komplettering" in out
    assert "⚠ Föräldrapenning och skattad föräldraledighet: FK kan begära komplettering" in out
    assert out.rstrip().endswith("2 krav att kontrollera i etikhandlingarna.")


def test_attachments_resolve_against_the_order_file_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved_case(tmp_path)
    monkeypatch.chdir(tmp_path.parent)
    assert cli_main(["ethics", str(path.relative_to(tmp_path.parent)), "--json"]) == 0
    assert all(entry["found"] is not False for entry in json.loads(capsys.readouterr().out))


def test_unreadable_order_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "trasig.json"
    bad.write_text("{", encoding="utf-8")
    assert cli_main(["ethics", str(bad)]) == 2
    assert "trasig.json" in capsys.readouterr().err
    assert cli_main(["ethics", str(tmp_path / "saknas.json")]) == 2


def test_scanned_decision_reported_not_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_case(tmp_path, decision_scanned=[1]).save(tmp_path / "order.json")
    assert cli_main(["ethics", str(tmp_path / "order.json")]) == 0
    out = capsys.readouterr().out
    assert "⚠ Diarienummer i beslutet: etikbeslut.pdf kan inte läsas (skannad?)." in out


@pytest.mark.libreoffice
@needs_libreoffice
def test_application_written_in_word_and_saved_as_pdf_by_libreoffice(tmp_path: Path) -> None:
    """A PDF as researchers make them (embedded fonts, kerning), with one benefit and linkage left out."""
    from beställning.ethics import check_ethics

    (tmp_path / "bilagor").mkdir()
    pages = application_lines(omit=("linkage", "benefit:foraldrapenning"))
    docx = make_docx(tmp_path / "bilagor/etikansokan.docx", pages)
    docx_to_pdf(docx, tmp_path / "bilagor")
    write_document(tmp_path / "bilagor/etikbeslut.pdf", decision_lines())
    report = check_ethics(research_order(), tmp_path)
    assert {e.id for e in report.entries if e.found is False} == {"linkage", "benefit:foraldrapenning"}
    fk = report.entry("fk_source")
    assert fk.found is True and fk.page == 1
    assert fk.quote == "Uppgifterna om ersättningar hämtas från Försäkringskassans register MiDAS."
    assert report.entry("repeated").page == 2
