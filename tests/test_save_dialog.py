"""Save-path suggestions: safe one-line names, and the suffix added when the user leaves it out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from ui.save_dialog import ask_save_path, suggested_path


def test_suggestion_is_one_safe_line() -> None:
    path = suggested_path("Sjuk\x0bskrivning / återgång\n" + "x" * 200, ".docx", Path("/tmp"))
    assert path.parent == Path("/tmp")
    assert path.name.startswith("Sjuk skrivning - återgång x")
    assert path.suffix == ".docx" and len(path.stem) <= 80
    assert suggested_path("   ", ".json").name == "Beställning.json"


@pytest.mark.parametrize(("chosen", "expected"), [("/tmp/a", "/tmp/a.zip"), ("/tmp/b.ZIP", "/tmp/b.ZIP"), ("", None)])
def test_ask_adds_suffix_or_cancels(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, chosen: str, expected: str | None
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (chosen, ""))
    result = ask_save_path(parent, "Spara", Path("/tmp/x.zip"), "*.zip")
    assert (str(result) if result else None) == expected
