"""The keychain port: stored in the OS keychain when there is one, else in memory for this session only."""

from __future__ import annotations

from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked

from beställning.secrets import SecretStore, smtp_account

ACCOUNT = smtp_account("smtp.example.org", "forskare@example.org")


def test_account_name() -> None:
    assert ACCOUNT == "smtp:forskare@example.org@smtp.example.org"


def test_keychain_round_trip(memory_keyring: Any) -> None:
    store = SecretStore()
    assert store.status().available
    assert store.set(ACCOUNT, "Lösen-åäö")
    assert keyring.get_password(store.service, ACCOUNT) == "Lösen-åäö"
    assert SecretStore().get(ACCOUNT) == "Lösen-åäö"  # survives the session
    store.delete(ACCOUNT)
    assert store.get(ACCOUNT) is None
    store.delete(ACCOUNT)  # deleting twice is fine


def test_no_keychain_falls_back_to_session_memory(memory_keyring: Any) -> None:
    keyring.set_keyring(fail.Keyring())
    store = SecretStore()
    status = store.status()
    assert not status.available
    assert "Ingen nyckelring" in status.message and "bara i minnet" in status.message
    assert store.set(ACCOUNT, "hemligt") is False
    assert store.get(ACCOUNT) == "hemligt"
    assert SecretStore().get(ACCOUNT) is None  # another session does not see it
    store.delete(ACCOUNT)
    assert store.get(ACCOUNT) is None


class _Locked(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("locked")


def test_locked_keychain_is_reported(memory_keyring: Any) -> None:
    keyring.set_keyring(_Locked())
    store = SecretStore()
    assert store.get(ACCOUNT) is None
    assert not store.status().available
    assert "låst" in store.status().message
    assert store.set(ACCOUNT, "x") is False
    assert store.get(ACCOUNT) == "x"


def test_plain_file_backends_are_refused(memory_keyring: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    class PlaintextKeyring(_Locked):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    keyring.set_keyring(PlaintextKeyring())
    store = SecretStore()
    assert not store.status().available
    assert "vanlig fil" in store.status().message
    assert store.set(ACCOUNT, "x") is False  # never handed to the plain-file backend
