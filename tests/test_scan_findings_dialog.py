"""The findings dialog: shows each finding masked with file and place, and returns the user's clearances."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from beställning.send.scan import Finding, apply_clearances, scan_path
from tests.pnr_numbers import dashed, make_numbers, masked
from ui.scan_findings_dialog import FindingsModel, ScanFindingsDialog

P1, P2 = make_numbers(2, seed=51)


def findings(tmp_path: Path) -> list[Finding]:
    path = tmp_path / "export.csv"
    path.write_text(f"a;{P1}\nb;{dashed(P2)}\n", encoding="utf-8")
    return scan_path(path).findings


def test_rows_show_masked_file_place_and_context(qtbot: QtBot, tmp_path: Path) -> None:
    model = FindingsModel(findings(tmp_path), [])
    cells = [[model.index(row, col).data() for col in range(model.columnCount())] for row in range(model.rowCount())]
    assert cells[0][:3] == [masked(P1), "export.csv", "rad 1"]
    assert all(P1[6:] not in str(cell) for row in cells for cell in row)
    assert cells[1][4] == "Stoppar sändningen"


def test_clearing_a_finding_asks_for_a_reason_and_returns_the_clearance(qtbot: QtBot, tmp_path: Path) -> None:
    found = findings(tmp_path)
    asked: list[str] = []

    def ask(_parent: object, finding: Finding) -> str | None:
        asked.append(finding.masked)
        return "ett mätvärde"

    dialog = ScanFindingsDialog(found, ask_reason=ask)
    qtbot.addWidget(dialog)
    assert not dialog.clear_button.isEnabled()
    dialog.select_row(1)
    assert dialog.clear_button.isEnabled()
    dialog.clear_button.click()
    assert asked == [masked(P2)]
    clearances = dialog.clearances()
    assert [(c.masked, c.reason) for c in clearances] == [(masked(P2), "ett mätvärde")]
    assert not dialog.clear_button.isEnabled()
    assert "ett mätvärde" in dialog.model.index(1, FindingsModel.DECISION).data()
    report = scan_path(tmp_path / "export.csv")
    assert [f.masked for f in apply_clearances(report, clearances).findings] == [masked(P1)]


def test_cancel_or_empty_reason_clears_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    answers = iter([None, "  "])
    dialog = ScanFindingsDialog(findings(tmp_path), ask_reason=lambda *_: next(answers))
    qtbot.addWidget(dialog)
    dialog.select_row(0)
    dialog.clear_button.click()
    dialog.clear_button.click()
    assert dialog.clearances() == []
    assert dialog.error.text()


def test_earlier_clearances_are_shown(qtbot: QtBot, tmp_path: Path) -> None:
    from beställning.send.scan import clear

    found = findings(tmp_path)
    dialog = ScanFindingsDialog(found, [clear(found[0], "testdata")], ask_reason=lambda *_: None)
    qtbot.addWidget(dialog)
    dialog.select_row(0)
    assert not dialog.clear_button.isEnabled()
    assert [c.reason for c in dialog.clearances()] == ["testdata"]


def test_a_picture_is_marked_as_looked_at_with_what_it_shows(qtbot: QtBot, tmp_path: Path) -> None:
    picture = tmp_path / "schema.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    found = scan_path(picture).findings
    dialog = ScanFindingsDialog(found, ask_reason=lambda _parent, finding: f"tittat på {finding.place}")
    qtbot.addWidget(dialog)
    dialog.select_row(0)
    assert dialog.clear_button.text() == "Granskad: inga personnummer…"
    dialog.clear_button.click()
    assert [c.reason for c in dialog.clearances()] == ["tittat på bilden"]
