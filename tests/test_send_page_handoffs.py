"""The send page's hand-offs: folder saved in the background and only from a current
check, the shared save dialog, and file errors told in Swedish instead of the generic error dialog."""

from __future__ import annotations

import errno
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from beställning.send import handoff
from tests.test_send_package import research_order
from tests.test_send_page import check, page  # noqa: F401  (fixture)
from tests.test_smtp_server import cert  # noqa: F401  (fixture)
from ui.save_dialog import suggested_path


def test_folder_is_saved_off_the_gui_thread_with_busy_state(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    original = handoff.save_package

    def spy(*args: Any) -> Path:
        threads.append(threading.current_thread())
        return original(*args)

    monkeypatch.setattr("beställning.send.handoff.save_package", spy)
    page.set_order(research_order(tmp_path / "in"))
    check(qtbot, page)
    page.ask_folder = lambda: tmp_path / "mapp"
    page.save_folder()
    assert page.busy  # returns at once; the result lands later on the GUI thread
    assert not page.folder_button.isEnabled() and not page.check_button.isEnabled()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    (folder,) = (tmp_path / "mapp").iterdir()
    assert len(list(folder.iterdir())) == 10
    assert "Paketet är sparat i" in page.status.text() and page.sent_now_button.isVisible()


def test_stale_check_cannot_be_saved_to_a_folder(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    order = research_order(tmp_path / "in")
    page.set_order(order)
    check(qtbot, page)
    order.set("projekt.syfte", "Ändrat på en annan sida efter granskningen.")
    asked: list[bool] = []

    def ask_folder() -> Path:
        asked.append(True)
        return tmp_path / "mapp"

    page.ask_folder = ask_folder
    page.save_folder()
    assert asked == [] and not (tmp_path / "mapp").exists()
    assert page.checked is None and not page.folder_button.isEnabled()
    assert "Granska paketet igen" in page.status.text()


def test_eml_uses_the_shared_save_dialog(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from beställning.send.handoff import OpenResult

    monkeypatch.setattr("ui.send_handoff.open_file", lambda p: OpenResult(True, f"öppnad {p}"))
    offered: list[str] = []

    def dialog(parent: Any, title: str, suggestion: str, file_filter: str) -> tuple[str, str]:
        offered.append(suggestion)
        return str(tmp_path / "utkast"), file_filter  # the user left out the suffix

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    order = research_order(tmp_path / "in")
    page.set_order(order)
    check(qtbot, page)
    page.save_eml()
    assert offered == [str(suggested_path(order.title(), ".eml"))]
    assert (tmp_path / "utkast.eml").is_file() and not (tmp_path / "utkast").exists()


def test_temporary_folder_that_cannot_be_made_is_explained(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(**kwargs: Any) -> str:
        raise OSError(errno.ENOSPC, "No space left on device", "/tmp")

    page.set_order(research_order(tmp_path / "in"))
    monkeypatch.setattr("beställning.send.session.tempfile.mkdtemp", full_disk)
    check(qtbot, page)
    assert "tillfällig mapp för paketet (No space left on device: /tmp)" in page.status.text()


def test_file_error_while_checking_is_explained(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unreadable(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EIO, "Input/output error", "bilaga.pdf")

    monkeypatch.setattr("beställning.send.gate.check_package", unreadable)
    page.set_order(research_order(tmp_path / "in"))
    check(qtbot, page)
    assert page.verdict.text() == "Paketet kunde inte skapas."
    assert page.status.text().startswith("En fil kunde inte läsas eller skrivas (Input/output error: bilaga.pdf)")
    assert "Errno" not in page.status.text()


def test_folder_that_cannot_be_written_is_explained(
    qtbot: Any,
    page: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    page.set_order(research_order(tmp_path / "in"))
    check(qtbot, page)
    not_a_folder = tmp_path / "fil.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    page.ask_folder = lambda: not_a_folder
    page.save_folder()
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert page.status.text().startswith("Paketet kunde inte sparas (")
    assert str(not_a_folder) in page.status.text() and "Errno" not in page.status.text()
    assert not page.sent_now_button.isVisible()
