"""An SMTP send is recorded on the order it sent, even if another order is opened meanwhile."""

from __future__ import annotations

import copy
import errno
import threading
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from beställning.drafts import DraftStore
from beställning.order import Order
from beställning.register import Register
from beställning.send.smtp import SendError, SendResult
from tests.test_send_package import RECIPIENT, research_order
from tests.test_send_page import check, configure_smtp, page  # noqa: F401  (fixture)
from tests.test_smtp_server import cert  # noqa: F401  (fixture)


class HeldSend:
    """Stands in for `send_message`: waits on the worker thread until the test lets it finish."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.error = error

    def __call__(self, msg: EmailMessage, *args: Any) -> SendResult:
        self.started.set()
        assert self.release.wait(30)
        if self.error is not None:
            raise self.error
        return SendResult(message_id=str(msg["Message-ID"]), recipients=[RECIPIENT], size=1)


def other_order(folder: Path) -> Order:
    order = research_order(folder)
    order.set("projekt.titel", "En helt annan studie")
    return order


def start_held_send(
    qtbot: Any,
    widget: Any,
    order: Order,
    held: HeldSend,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("beställning.send.session.send_message", held)
    widget.set_order(order)
    check(qtbot, widget)
    configure_smtp(widget, 2525)
    widget.start_send()
    assert held.started.wait(30)
    assert widget.busy


def test_send_finishing_after_switching_order_is_recorded_on_the_sent_order(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent, shown = research_order(tmp_path / "a"), other_order(tmp_path / "b")
    held = HeldSend()
    start_held_send(qtbot, page, sent, held, monkeypatch)
    changed: list[bool] = []
    page.order_changed.connect(lambda: changed.append(True))

    page.set_order(shown)
    assert page.busy and page.progress.isVisible() and page.cancel_button.isVisible()
    assert "skickas fortfarande" in page.status.text() and sent.title() in page.status.text()

    held.release.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert len(sent.sent) == 1 and sent.sent[0].method == "smtp"
    assert shown.sent == []
    assert changed == []  # the open order did not change
    assert len(DraftStore().load(sent.id).sent) == 1
    with Register() as register:
        assert len(register.load_order(sent.id).sent) == 1
        assert not register.contains(shown.id)
    assert f"Sändningen av ”{sent.title()}” är registrerad" in page.status.text()
    assert "Skickat till" in page.status.text()


def test_switching_back_before_the_send_ends_records_on_the_open_order(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent = research_order(tmp_path / "a")
    held = HeldSend()
    start_held_send(qtbot, page, sent, held, monkeypatch)
    page.set_order(other_order(tmp_path / "b"))
    reloaded = copy.deepcopy(sent)  # the same order, loaded again
    page.set_order(reloaded)
    assert page.status.text() == "Skickar …"

    with qtbot.waitSignal(page.order_changed, timeout=30_000):
        held.release.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert len(reloaded.sent) == 1
    # The send's record is saved through the repository at once: draft and register.
    assert len(DraftStore().load(sent.id).sent) == 1
    with Register() as register:
        assert len(register.load_order(sent.id).sent) == 1


def test_failure_after_switching_names_the_order_and_records_nothing(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent, shown = research_order(tmp_path / "a"), other_order(tmp_path / "b")
    held = HeldSend(SendError("Servern svarar inte.", "network"))
    start_held_send(qtbot, page, sent, held, monkeypatch)
    page.set_order(shown)
    held.release.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert page.status.text() == f"”{sent.title()}”: Inget skickades. Servern svarar inte."
    assert sent.sent == [] and shown.sent == []


def test_receipt_that_cannot_be_saved_is_explained(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(self: DraftStore, order: Order) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", "utkast.json")

    monkeypatch.setattr(DraftStore, "save", full_disk)
    sent = research_order(tmp_path / "a")
    held = HeldSend()
    start_held_send(qtbot, page, sent, held, monkeypatch)
    page.set_order(other_order(tmp_path / "b"))
    held.release.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    text = page.status.text()
    assert f"”{sent.title()}” skickades, men kvittot kunde inte sparas" in text
    assert "No space left on device (utkast.json)" in text
    assert len(sent.sent) == 1  # kept in memory at least
