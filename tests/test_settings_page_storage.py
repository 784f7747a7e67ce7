"""Settings pages and their storage: the keychain is read once, in the background; write errors are
explained instead of escaping (offscreen Qt, in-memory keyring)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest
from pytestqt.qtbot import QtBot

import beställning.cost.overrides as overrides_module
from beställning.secrets import SecretStore, smtp_account
from beställning.send.smtp import SMTP_HOST
from beställning.settings import SettingsStore
from ui.cost_settings import CostSettings
from ui.smtp_settings import SmtpSettingsWidget


class _CountingSecrets(SecretStore):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def get(self, account: str) -> str | None:
        self.reads += 1
        return super().get(account)


def _widget(qtbot: QtBot, tmp_path: Path, secrets: SecretStore) -> SmtpSettingsWidget:
    store = SettingsStore(tmp_path / "s.json")
    widget = SmtpSettingsWidget(store, secrets)
    qtbot.addWidget(widget)
    return widget


def test_keychain_read_once_in_background_on_first_show(qtbot: QtBot, tmp_path: Path, memory_keyring: Any) -> None:
    keyring.set_password(SecretStore().service, smtp_account("smtp.example.org", "anna"), "hemligt")
    secrets = _CountingSecrets()
    widget = _widget(qtbot, tmp_path, secrets)
    widget.host.setText("smtp.example.org")
    widget.username.setText("anna")
    widget.host.editingFinished.emit()  # an edit: no keychain read
    widget.port.setValue(2525)
    assert secrets.reads == 0
    widget.show()
    qtbot.waitUntil(lambda: "finns sparat" in widget.keychain_status.text(), timeout=5000)
    assert secrets.reads == 1
    widget.hide()
    widget.show()  # shown again, edited again: still one read
    widget.username.editingFinished.emit()
    assert secrets.reads == 1
    widget._forget_password()  # an explicit action
    assert "borttaget" in widget.keychain_status.text()
    widget.refresh_status()
    assert "finns sparat" not in widget.keychain_status.text()


def test_settings_write_error_is_explained(
    qtbot: QtBot, tmp_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = _widget(qtbot, tmp_path, SecretStore())
    changed: list[bool] = []
    widget.changed.connect(lambda: changed.append(True))

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(SettingsStore, "set", full)
    widget.host.setText("smtp.example.org")
    widget.host.editingFinished.emit()
    text = widget.problem.text()
    assert "E-postinställningarna kunde inte sparas" in text and "No space left" in text
    monkeypatch.undo()
    widget.host.editingFinished.emit()
    assert "kunde inte sparas" not in widget.problem.text()
    assert SettingsStore(tmp_path / "s.json").get(SMTP_HOST) == "smtp.example.org"


@pytest.mark.parametrize("action", ["save_rate", "save_lag"])
def test_cost_settings_write_error_is_explained(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, action: str) -> None:
    settings = CostSettings()
    qtbot.addWidget(settings)
    changed: list[bool] = []
    settings.changed.connect(lambda: changed.append(True))

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(overrides_module, "save_overrides", read_only)
    settings.rate_value.setValue(1000)
    getattr(settings, action)()
    assert not settings.problem.isHidden()
    assert "Ändringen kunde inte sparas (Permission denied)" in settings.problem.text()
    assert changed == []
