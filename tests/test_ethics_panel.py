"""The ethics panel (ui/ethics_panel.py): the ethics check as a short list, read off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from beställning.ethics import check_ethics
from beställning.order import Order
from tests.ethics_documents import complete_case, write_case
from ui.ethics_panel import EthicsPanel


def rows(panel: EthicsPanel) -> list[str]:
    return [row.accessibleName() for row in panel.rows]


def test_forgotten_linkage_and_benefit_shown_with_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    order = complete_case(tmp_path, omit=("linkage", "benefit:foraldrapenning"))
    panel = EthicsPanel()
    qtbot.addWidget(panel)
    panel.show_report(check_ethics(order, tmp_path))
    shown = rows(panel)
    assert panel.status.text().count("2 krav att kontrollera") == 1
    warned = [row for row in shown if row.startswith("⚠")]
    assert [row.split(":")[0] for row in warned] == [
        "⚠ Föräldrapenning och skattad föräldraledighet",
        "⚠ Samkörning med andra register",
    ]
    assert all("FK kan begära komplettering; kontrollera att etikansökan nämner" in row for row in warned)
    assert (
        "✔ Försäkringskassan som källa: ”Uppgifterna om ersättningar hämtas från Försäkringskassans register "
        "MiDAS.” (etikansokan.pdf, s. 1)" in shown
    )
    assert "– Kompletteringar: Gäller inte: beslutet nämner ingen komplettering." in shown


def test_complete_application_every_row_quoted(qtbot: QtBot, tmp_path: Path) -> None:
    panel = EthicsPanel()
    qtbot.addWidget(panel)
    panel.show_report(check_ethics(complete_case(tmp_path), tmp_path))
    assert "nämner allt" in panel.status.text()
    found = [row for row in rows(panel) if row.startswith("✔")]
    assert len(found) == 8
    assert all("”" in row and ".pdf" in row for row in found)


def test_scanned_application_says_it_cannot_be_read(qtbot: QtBot, tmp_path: Path) -> None:
    order = write_case(tmp_path, application_scanned=[1, 2])
    panel = EthicsPanel()
    qtbot.addWidget(panel)
    panel.show_report(check_ethics(order, tmp_path))
    first = rows(panel)[0]
    assert first.startswith("⚠ Försäkringskassan som källa") and "kan inte läsas (skannad?)" in first
    assert not any(row.startswith("✔ Försäkringskassan") for row in rows(panel))


def test_check_runs_in_the_background_and_the_newest_result_wins(qtbot: QtBot, tmp_path: Path) -> None:
    order = complete_case(tmp_path)
    panel = EthicsPanel()
    qtbot.addWidget(panel)
    statistics = Order(route="statistik")
    panel.check(order, tmp_path)
    assert "Läser" in panel.status.text()
    with qtbot.waitSignal(panel.report_shown, timeout=10_000) as shown:
        panel.check(statistics, None)  # supersedes the first: its result, if it comes, is dropped
    assert shown.args[0] is panel.report
    assert panel.report is not None and not panel.report.applies
    assert panel.rows == []
    assert "ingen etikprövning" in panel.status.text()


def test_set_order_reads_when_shown_and_after_typing_pauses(qtbot: QtBot, tmp_path: Path) -> None:
    order = complete_case(tmp_path)
    panel = EthicsPanel()
    qtbot.addWidget(panel)
    panel.set_order(order)  # hidden: nothing is read yet
    qtbot.wait(400)
    assert panel.report is None
    with qtbot.waitSignal(panel.report_shown, timeout=10_000):
        panel.show()
    assert panel.report is not None and panel.report.entry("linkage").found is True
    order.set("samkorning.register", "Cancerregistret")
    with qtbot.waitSignal(panel.report_shown, timeout=10_000):
        panel.set_order(order)
    assert panel.report.entry("linkage").found is False
    with qtbot.waitSignal(panel.report_shown, timeout=10_000):
        panel.set_order(None)
    assert panel.report is None and panel.rows == []


def test_the_order_may_change_while_the_worker_reads(qtbot: QtBot, tmp_path: Path) -> None:
    order = complete_case(tmp_path)
    panel = EthicsPanel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.report_shown, timeout=10_000):
        panel.check(order, tmp_path)
        order.attachments.clear()  # the panel read a copy
    assert panel.report is not None and panel.report.entry("fk_source").found is True


def test_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    order = complete_case(tmp_path, omit=("linkage", "benefit:foraldrapenning"))
    panel = EthicsPanel()
    qtbot.addWidget(panel)
    panel.resize(760, 520)
    panel.show_report(check_ethics(order, tmp_path))
    panel.show()
    qtbot.waitExposed(panel)
    shot = tmp_path / "ethics_panel.png"
    assert panel.grab().save(str(shot))
    assert shot.stat().st_size > 5_000
