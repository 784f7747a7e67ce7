"""The wizard: live validation at the field and on the summary, route switching, autosave."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from beställning.drafts import DraftStore, Session
from beställning.order import Order, load_order
from tests.conftest import EXAMPLES, ROOT
from ui.order_session import OrderSession
from ui.wizard.wizard_page import WizardPage


def make_wizard(qtbot: QtBot, order: Order | None = None) -> tuple[WizardPage, OrderSession]:
    session = OrderSession()
    wizard = WizardPage(session, QLabel("extra"))
    qtbot.addWidget(wizard)
    if order is not None:
        session.replace(order)
    return wizard, session


def step_ids(wizard: WizardPage) -> list[str]:
    return [s[0] for s in wizard._step_widgets()]


def test_route_decides_sections(qtbot: QtBot) -> None:
    wizard, session = make_wizard(qtbot)
    assert "forskningshuvudman" in step_ids(wizard)
    wizard.route_page.buttons["statistik"].setChecked(True)
    assert session.order.route == "statistik"
    assert "forskningshuvudman" not in step_ids(wizard)
    assert wizard.steps.count() == len(step_ids(wizard))


def test_typing_updates_order_and_shows_problem_at_field(qtbot: QtBot) -> None:
    wizard, session = make_wizard(qtbot, load_order(EXAMPLES / "forskning.json"))
    wizard.go_to("bestallare")
    editor = wizard.section_pages["bestallare"].editors["bestallare.epost"]
    editor.input.setText("fel.adress")
    assert session.order.text("bestallare.epost") == "fel.adress"
    assert editor.problem_label.isVisibleTo(wizard)
    assert "e-postadress" in editor.problem_label.text()
    editor.input.setText("anna@exempel.se")
    assert not editor.problem_label.isVisibleTo(wizard)


def test_summary_lists_problems_and_leads_to_field(qtbot: QtBot) -> None:
    wizard, session = make_wizard(qtbot, load_order(EXAMPLES / "forskning.json"))
    session.set_field("projekt.titel", "")
    wizard.go_to("summary")
    texts = [wizard.summary.problems.item(i).text() for i in range(wizard.summary.problems.count())]
    assert any("Projektets titel" in t for t in texts)
    assert "måste rättas" in wizard.summary.status.text()
    item = next(wizard.summary.problems.item(i) for i, t in enumerate(texts) if "Projektets titel" in t)
    wizard.summary._activate(item)
    assert wizard.stack.currentWidget() is wizard.section_pages["projekt"]
    assert wizard.section_pages["projekt"].editors["projekt.titel"].problem_label.isVisibleTo(wizard)


def test_conditional_field_appears_when_checked(qtbot: QtBot) -> None:
    wizard, _session = make_wizard(qtbot, Order())
    wizard.go_to("gallring")
    page = wizard.section_pages["gallring"]
    assert not page.editors["gallring.till"].isVisibleTo(wizard)
    page.editors["gallring.langre"].input.setChecked(True)
    assert page.editors["gallring.till"].isVisibleTo(wizard)


def test_benefit_rows_edit_the_order(qtbot: QtBot) -> None:
    wizard, session = make_wizard(qtbot, Order())
    wizard.go_to("data")
    editor = wizard.section_pages["data"].benefits
    assert editor is not None
    editor.add_row()
    assert len(session.order.benefits) == 1
    assert "benefits[0]" in editor.problem_labels


def test_autosave_reaches_drafts_within_seconds(qtbot: QtBot) -> None:
    wizard, session = make_wizard(qtbot, Order())
    wizard.go_to("projekt")
    wizard.section_pages["projekt"].editors["projekt.titel"].input.setText("Autosparat projekt")
    draft = DraftStore().path_for(session.order.id)
    qtbot.waitUntil(draft.exists, timeout=3000)
    assert load_order(draft).text("projekt.titel") == "Autosparat projekt"


def test_killed_app_offers_recovered_draft(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import sys, time
        from PySide6.QtWidgets import QApplication
        from beställning.drafts import Session
        from ui.order_session import OrderSession
        app = QApplication([])
        marker = Session()
        marker.start()
        session = OrderSession(session=marker)
        from beställning.order import Order
        session.replace(Order())
        session.set_field("projekt.titel", "Inte förlorad")
        deadline = time.time() + 5
        while time.time() < deadline:
            app.processEvents()
            time.sleep(0.01)
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", script], env=env)
    store = DraftStore()
    try:
        deadline_ok = False
        for _ in range(200):
            if any(o.title() == "Inte förlorad" for o in store.list()):
                deadline_ok = True
                break
            subprocess.run(["sleep", "0.05"])
        assert deadline_ok, "the draft was not autosaved"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    recovered = Session(store).start()
    assert [o.title() for o in recovered] == ["Inte förlorad"]


def test_no_draft_until_the_user_enters_something(qtbot: QtBot) -> None:
    wizard, session = make_wizard(qtbot, Order())
    wizard.route_page.buttons["statistik"].setChecked(True)
    wizard.route_page.buttons["forskning"].setChecked(True)
    session.flush()
    session.save_draft()
    draft = DraftStore().path_for(session.order.id)
    assert not draft.exists(), "choosing a route alone left a 'Namnlös beställning' draft"
    wizard.go_to("projekt")
    wizard.section_pages["projekt"].editors["projekt.titel"].input.setText("X")
    session.flush()
    assert load_order(draft).text("projekt.titel") == "X"
    wizard.section_pages["projekt"].editors["projekt.titel"].input.setText("")
    session.flush()
    assert load_order(draft).text("projekt.titel") == "", "emptying a saved order is saved too"
