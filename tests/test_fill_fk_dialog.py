"""The dialog that shows where each value of the order went in FK's filled form."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from beställning.document.fk_form import KIND_APPENDIX, fill_fk_form
from beställning.order import Order, load_order
from tests import fk_templates as t
from ui.fill_report_dialog import FillReportDialog, FillReportModel


def test_dialog_lists_every_value_and_marks_the_appendix(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    order = Order(route="forskning")
    order.set("bestallare.epost", "a@b.se")
    order.set("population.beskrivning", "Alla födda 1980\nsom bor i Sverige")
    report = fill_fk_form(order, t.build_beside(tmp_path / "b.docx"), tmp_path / "ut.docx")
    dialog = FillReportDialog(report)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == len(report.placements) == 2
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Fält",
        "Värde",
        "Placering",
    ]
    rows = {model.index(r, FillReportModel.FIELD).data(): r for r in range(model.rowCount())}
    email = rows["E-post"]
    assert model.index(email, FillReportModel.VALUE).data() == "a@b.se"
    assert "höger om" in model.index(email, FillReportModel.PLACEMENT).data()
    assert model.index(email, FillReportModel.PLACEMENT).data(Qt.ItemDataRole.BackgroundRole) is None
    population = rows["Population"]
    assert (
        model.index(population, FillReportModel.PLACEMENT).data(FillReportModel.PlacementRole)
        == KIND_APPENDIX
    )
    assert model.index(population, FillReportModel.PLACEMENT).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(population, FillReportModel.VALUE).data() == "Alla födda 1980 som bor i Sverige"
    assert "\n" in model.index(population, FillReportModel.VALUE).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 av 2" in dialog.summary.text()
    assert str(tmp_path / "ut.docx") in dialog.output.text()


def test_before_saving_the_dialog_warns_of_the_other_route_and_offers_to_save(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from beställning.document.fk_form.fill import prepare_fill
    from tests.conftest import EXAMPLES

    order = load_order(EXAMPLES / "forskning.json")
    prepared = prepare_fill(order, t.build_agency_below(tmp_path / "stat.docx", route="statistik"))
    dialog = FillReportDialog(prepared.report, before_saving=True)
    qtbot.addWidget(dialog)
    assert not dialog.warning.isHidden() and "statistikändamål" in dialog.warning.text()
    assert dialog.save_button is not None and dialog.save_button.text() == "Spara ändå…"
    assert "Ingenting är sparat" in dialog.output.text()
    rows = [dialog.model.index(r, FillReportModel.PLACEMENT).data() for r in range(dialog.model.rowCount())]
    assert any(text.startswith("Bilaga sist i dokumentet") and "inget fält" in text for text in rows)


def test_the_app_shows_the_report_first_and_writes_only_when_saved(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from tests.conftest import EXAMPLES
    from ui import document_actions, fill_report_dialog
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    template = t.build_agency_cells(tmp_path / "fk.docx")
    out = tmp_path / "ifylld.docx"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(template), ""))
    monkeypatch.setattr(document_actions, "ask_save_path", lambda *_a: out)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a, **_k: QMessageBox.StandardButton.Close)
    shown: list[object] = []
    answers = [QDialog.DialogCode.Rejected, QDialog.DialogCode.Accepted]

    def exec_(dialog: FillReportDialog) -> int:
        shown.append(dialog.report)
        assert not out.exists()  # the report comes before anything is written
        return answers.pop(0)

    monkeypatch.setattr(fill_report_dialog.FillReportDialog, "exec", exec_)
    order = load_order(EXAMPLES / "forskning.json")
    document_actions.fill_fk_form(window, order)
    qtbot.waitUntil(lambda: len(shown) == 1 and not document_actions.is_busy(window))
    assert not out.exists()  # cancelled: nothing saved
    document_actions.fill_fk_form(window, order)
    qtbot.waitUntil(lambda: out.exists() and not document_actions.is_busy(window))
    assert len(shown) == 2
