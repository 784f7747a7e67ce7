"""Asking where to save a file: one suggestion rule and one suffix rule for every page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from beställning.text import one_line


def suggested_path(name: str, suffix: str, folder: Path | None = None) -> Path:
    """`<home>/<name cleaned to one line, at most 80 characters><suffix>`: a safe file name to offer."""
    stem = one_line(name).replace("/", "-").replace("\\", "-")[:80].strip() or "Beställning"
    return (folder or Path.home()) / f"{stem}{suffix}"


def ask_save_path(parent: QWidget, title: str, suggestion: Path, file_filter: str) -> Path | None:
    """The path the user chose, with the suggestion's suffix added if they left it out; None if cancelled."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggestion), file_filter)
    if not name:
        return None
    path = Path(name)
    suffix = suggestion.suffix
    return path if path.suffix.lower() == suffix.lower() else path.with_name(path.name + suffix)
