"""The dialog that shows where each value of the order went in FK's filled form."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from beställning.document.fk_form import KIND_APPENDIX, fill_fk_form
from beställning.order import Order
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
