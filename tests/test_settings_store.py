"""Typed settings: defaults, types, and two stores that must not drop each other's keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from beställning.settings import Setting, SettingsError, SettingsStore

RATE = Setting("test.rate", 850, "Timpris")
HOST = Setting("test.host", "", "Server")


def test_default_and_type_checked(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "s.json")
    assert store.get(RATE) == 850
    store._values["test.rate"] = "not a number"
    assert store.get(RATE) == 850


def test_two_stores_keep_each_others_keys(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    first, second = SettingsStore(path), SettingsStore(path)
    first.set(RATE, 900)
    second.set(HOST, "smtp.example.se")
    fresh = SettingsStore(path)
    assert fresh.get(RATE) == 900 and fresh.get(HOST) == "smtp.example.se"
    fresh.reset(RATE)
    assert SettingsStore(path).get(RATE) == 850


def test_broken_settings_file_gives_message(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(SettingsError, match="kan inte läsas"):
        SettingsStore(path)
    assert path.read_text(encoding="utf-8") == "{oops"
