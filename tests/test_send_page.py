"""The send page as a user meets it: checklist with drag and drop, the guard, preview, SMTP, hand-off."""

from __future__ import annotations

import email
import email.policy
import os
import socket
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from beställning.order import Order
from beställning.secrets import SecretStore
from beställning.settings import SettingsStore
from tests.test_send_package import PNR, RECIPIENT, fake_form, fake_variables, research_order
from tests.test_smtp_server import PASSWORD, USER, Cert, server_factory  # noqa: F401  (fixture)
from tests.test_smtp_server import cert as cert
from ui.checklist_tree import KIND_ROLE
from ui.send_page import SendPage
from ui.workers import wait_for_all

SHOTS = Path(os.environ.get("BESTALLNING_SHOTS", "/tmp/shots"))


@pytest.fixture
def page(qtbot: Any, tmp_path: Path, cert: Cert) -> Any:
    widget = SendPage(
        render_form=fake_form,
        export_variables=fake_variables,
        settings=SettingsStore(tmp_path / "settings.json"),
        secrets=SecretStore(),
        ssl_context=cert.client_context(),
    )
    qtbot.addWidget(widget)
    widget.resize(1280, 860)
    widget.show()
    yield widget
    wait_for_all()


def shot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"send_{name}.png"))


def check(qtbot: Any, page: Any) -> None:
    page.start_check()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)


def rows(page: Any) -> list[list[str]]:
    tree = page.tree
    return [[tree.topLevelItem(i).text(c) for c in range(4)] for i in range(tree.topLevelItemCount())]


def drop(page: Any, paths: list[Path], row: int | None) -> None:
    """A real QDropEvent with file URLs, released over a checklist row (or below the rows)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    tree = page.tree
    if row is None:
        point = QPointF(20, tree.viewport().height() - 5)
    else:
        point = QPointF(tree.visualItemRect(tree.topLevelItem(row)).center())
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(event)


def configure_smtp(page: Any, port: int, password: str = PASSWORD) -> None:
    smtp = page.smtp
    smtp.host.setText("127.0.0.1")
    smtp.security.setCurrentIndex(smtp.security.findData("starttls"))
    smtp.port.setValue(port)
    smtp.username.setText(USER)
    smtp.password.setText(password)
    smtp.host.editingFinished.emit()


def test_checklist_drag_and_drop(qtbot: Any, page: Any, tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    order.attachments = [a for a in order.attachments if a.kind != "pub_avtal"]
    page.set_order(order)
    table = rows(page)
    assert table[-1][1] == "Personuppgiftsbiträdesavtal" and table[-1][3] == "Saknas"
    assert table[0][2].startswith("01 Beställning – ") and table[0][3] == "Skapas av programmet"
    shot(page, "missing")

    pub = tmp_path / "avtal.pdf"
    pub.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with qtbot.waitSignal(page.order_changed):
        drop(page, [pub], row=len(table) - 1)  # on the missing row: attached as that kind
    assert order.attachments[-1].kind == "pub_avtal"
    assert "Saknas" not in [r[3] for r in rows(page)]
    assert "06 Personuppgiftsbiträdesavtal.pdf" in [r[2] for r in rows(page)]

    extra = tmp_path / "bilaga.txt"
    extra.write_text("Övrigt", encoding="utf-8")
    drop(page, [extra, tmp_path], row=None)  # below the rows: the kind in the combo box; a folder is refused
    assert order.attachments[-1].kind == "ovrigt"
    assert "packa den som .zip" in page.status.text()
    shot(page, "checklist")

    index = [r[2] for r in rows(page)].index("06 Personuppgiftsbiträdesavtal.pdf")
    page.tree.setCurrentItem(page.tree.topLevelItem(index))
    page._remove_selected()
    assert [r[3] for r in rows(page)][-1] == "Saknas"
    assert page.tree.topLevelItem(len(rows(page)) - 1).data(0, KIND_ROLE) == "pub_avtal"


def test_check_then_send_then_ask_before_resending(
    qtbot: Any,
    page: Any,
    tmp_path: Path,
    server_factory: Any,  # noqa: F811
) -> None:
    server = server_factory("starttls", auth=True)
    order = research_order(tmp_path / "in")
    page.set_order(order)
    assert not page.send_button.isEnabled()  # nothing checked yet
    check(qtbot, page)
    assert "Klart att skicka: 8 bilagor" in page.verdict.text()
    assert page.send_button.isEnabled()
    preview = page.preview.toPlainText()
    assert f"Till: {RECIPIENT}" in preview and "  8. 08 CV huvudforskare.pdf" in preview
    configure_smtp(page, server.port)
    shot(page, "ready")

    with qtbot.waitSignal(page.order_changed, timeout=30_000):
        page.start_send()
        qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert len(server.received) == 1
    arrived = server.received[0].message()
    sent_files = {a.get_filename(): a.get_content() for a in arrived.iter_attachments()}
    assert sent_files == {f.name: f.path.read_bytes() for f in page.checked.package.files}
    assert len(order.sent) == 1 and order.sent[0].message_id == arrived["Message-ID"]
    assert "Skickat till statistikenheten@forsakringskassan.se" in page.status.text()
    assert PASSWORD not in Path(page.smtp.store().path).read_text(encoding="utf-8")
    shot(page, "sent")

    questions: list[str] = []
    page.ask_yes_no = lambda q: questions.append(q) or False
    page.start_send()
    assert len(questions) == 1 and "Vill du skicka den igen?" in questions[0]
    assert not page.busy and len(server.received) == 1

    page.ask_yes_no = lambda q: True
    page.start_send()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert len(server.received) == 2 and len(order.sent) == 2


def test_key_file_blocks_with_explanation(qtbot: Any, page: Any, tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    page.set_order(order)
    key = tmp_path / "population.csv"
    key.write_text(f"LopNr;Personnummer\n1;{PNR}\n", encoding="utf-8")
    page.add_files([key], "ovrigt")
    check(qtbot, page)
    assert page.verdict.text().startswith("Stoppad")
    report = page.guard_text.toPlainText()
    assert "09 population.csv: rad 2: 19811218-****" in report
    assert "rekommenderad post" in report and "9876" not in report
    for button in (page.send_button, page.eml_button, page.folder_button):
        assert not button.isEnabled()
    assert rows(page)[-1][2:] == ["09 population.csv", "Personnummer hittades"]
    shot(page, "blocked")


def test_changed_order_needs_a_new_check(qtbot: Any, page: Any, tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    page.set_order(order)
    check(qtbot, page)
    assert page.send_button.isEnabled()
    order.set("projekt.syfte", f"Nu med {PNR}")  # edited on another page
    page.hide()
    page.show()
    assert not page.send_button.isEnabled()
    assert "Granska paketet" in page.verdict.text()


def test_wrong_password_is_shown(qtbot: Any, page: Any, tmp_path: Path, server_factory: Any) -> None:  # noqa: F811
    server = server_factory("starttls", auth=True)
    order = research_order(tmp_path / "in")
    page.set_order(order)
    check(qtbot, page)
    configure_smtp(page, server.port, password="fel")
    page.start_send()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert "Inget skickades" in page.status.text()
    assert "fel användarnamn eller lösenord" in page.status.text()
    assert order.sent == [] and server.received == []


def test_cancel_while_connecting(qtbot: Any, page: Any, tmp_path: Path) -> None:
    order = research_order(tmp_path / "in")
    page.set_order(order)
    check(qtbot, page)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # accepts, never greets
        configure_smtp(page, listener.getsockname()[1])
        page.start_send()
        assert page.cancel_button.isVisible()
        listener.settimeout(10)
        conn, _ = listener.accept()
        page.cancel()
        qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
        conn.close()
    assert "avbröts" in page.status.text()
    assert order.sent == []


def test_eml_draft_and_folder(qtbot: Any, page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from beställning.send.handoff import OpenResult

    opened: list[Path] = []
    fake_open = lambda p: opened.append(p) or OpenResult(True, f"öppnad {p}")  # noqa: E731
    monkeypatch.setattr("ui.send_handoff.open_file", fake_open)
    order = research_order(tmp_path / "in")
    page.set_order(order)
    check(qtbot, page)
    target = tmp_path / "ut" / "utkast.eml"
    page.ask_save_path = lambda suggested: target
    page.save_eml()
    parsed = email.message_from_bytes(target.read_bytes(), policy=email.policy.default)
    assert parsed["X-Unsent"] == "1" and parsed["To"] == RECIPIENT
    assert opened == [target]
    assert order.sent[-1].method == "eml"

    page.ask_folder = lambda: tmp_path / "mapp"
    page.save_folder()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    folders = list((tmp_path / "mapp").iterdir())
    assert len(folders) == 1 and len(list(folders[0].iterdir())) == 10


def test_keychain_unavailable_is_shown_and_password_kept_for_session(
    qtbot: Any, tmp_path: Path, memory_keyring: Any
) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    secrets = SecretStore()
    widget = SendPage(settings=SettingsStore(tmp_path / "s.json"), secrets=secrets)
    qtbot.addWidget(widget)
    widget.set_order(Order(route="statistik"))
    assert "Ingen nyckelring" in widget.smtp.keychain_status.text()
    widget.smtp.host.setText("smtp.example.org")
    widget.smtp.username.setText(USER)
    widget.smtp.host.editingFinished.emit()  # the settings file is written, without the password
    widget.smtp.password.setText("åäö")
    widget.smtp._save_password()
    assert widget.smtp.password.text() == ""
    assert widget.smtp.stored_password() == "åäö"  # in memory for this session
    assert "åäö" not in (tmp_path / "s.json").read_text(encoding="utf-8")


def test_settings_widget_never_overwrites_other_settings(qtbot: Any) -> None:
    from beställning.send.smtp import SMTP_HOST, SMTP_PORT
    from beställning.settings import Setting
    from ui.smtp_settings import SmtpSettingsWidget

    widget = SmtpSettingsWidget()  # as the settings page makes it: reads the settings file itself
    qtbot.addWidget(widget)
    other = Setting("test.other", 0, "Annan inställning")
    SettingsStore().set(other, 42)  # written by another page after the widget was made
    widget.host.setText("smtp.example.org")
    widget.security.setCurrentIndex(widget.security.findData("tls"))  # moves the default port too
    fresh = SettingsStore()
    assert fresh.get(SMTP_HOST) == "smtp.example.org"
    assert fresh.get(SMTP_PORT) == 465
    assert fresh.get(other) == 42

    SettingsStore().set(SMTP_HOST, "annan.example.org")  # changed elsewhere, then shown again
    widget.hide()
    widget.show()
    assert widget.host.text() == "annan.example.org"
