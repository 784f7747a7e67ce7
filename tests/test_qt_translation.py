"""Qt's own texts in Swedish (qtbase_sv): message-box and file-dialog buttons say Ja, Nej, Spara, Avbryt."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from ui import app as app_module
from ui import i18n


@pytest.fixture
def translated(qapp: QApplication) -> Iterator[None]:
    """No translator but the ones the test installs (another test's may still be there); all undone after."""
    before = qapp.findChildren(QTranslator)
    for translator in before:
        QCoreApplication.removeTranslator(translator)
    yield
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        if translator not in before:
            translator.setParent(None)
    for translator in before:
        QCoreApplication.installTranslator(translator)
    i18n.ui_language.cache_clear()


def use_language(qapp: QApplication, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("BESTALLNING_LANG", lang)
    i18n.ui_language.cache_clear()
    app_module._install_translation(qapp)


def button_texts(widget: QMessageBox | QFileDialog) -> set[str]:
    return {button.text().replace("&", "") for button in widget.findChildren(QPushButton)}


def test_swedish_message_box_buttons(qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                     translated: None) -> None:
    use_language(qapp, monkeypatch, "sv")
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "Titel", "Fråga?", buttons.Yes | buttons.No | buttons.Cancel)
    qtbot.addWidget(box)
    assert {"Ja", "Nej", "Avbryt"} <= button_texts(box)


def test_swedish_save_dialog_buttons(qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                     translated: None) -> None:
    use_language(qapp, monkeypatch, "sv")
    dialog = QFileDialog(None, "Spara beställningen")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    assert {"Spara", "Avbryt"} <= {b.text().replace("&", "") for b in box.buttons()}


def test_english_keeps_qt_in_english_and_loads_ours(qapp: QApplication, qtbot: QtBot,
                                                    monkeypatch: pytest.MonkeyPatch, translated: None) -> None:
    use_language(qapp, monkeypatch, "en")
    box = QMessageBox(QMessageBox.Icon.Question, "Title", "Question?", QMessageBox.StandardButton.Yes)
    qtbot.addWidget(box)
    assert "Yes" in button_texts(box)
    assert QCoreApplication.translate("MainWindow", "&Ny beställning") == "&New order"


def test_qt_translations_folder_has_swedish() -> None:
    from pathlib import Path

    assert (Path(app_module.qt_translations_dir()) / "qtbase_sv.qm").is_file()
