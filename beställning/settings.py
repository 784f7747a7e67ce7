"""Typed user settings, each declared once where it is used, stored in one JSON file.

A module declares `RATE = Setting("cost.rate", 850, "Timpris")`; code reads `store.get(RATE)`.
Views never use string keys. Secrets never go here: they live in the OS keychain (see `secrets`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from beställning import paths
from beställning.atomic import write_text_atomic

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key in the file, its default (which also fixes its type) and a Swedish label."""

    key: str
    default: T
    label: str


class SettingsError(Exception):
    """The settings file could not be read."""


class SettingsStore:
    """Settings kept in `settings.json` in the config folder; unknown keys are kept untouched."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        self._removed: set[str] = set()
        if self.path.exists():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise SettingsError(
                    f"Inställningsfilen {self.path} kan inte läsas ({exc}). Rätta eller ta bort filen."
                ) from exc
            if isinstance(loaded, dict):
                self._values = loaded

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when missing or of the wrong type."""
        value = self._values.get(setting.key, setting.default)
        if type(setting.default) is float and isinstance(value, int):
            value = float(value)
        if not isinstance(value, type(setting.default)):
            return setting.default
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        """Store `value` and write the file at once (atomically)."""
        self._values[setting.key] = value
        self._removed.discard(setting.key)
        self.save()

    def reset(self, setting: Setting[Any]) -> None:
        """Forget the stored value so the default applies again."""
        self._values.pop(setting.key, None)
        self._removed.add(setting.key)
        self.save()

    def save(self) -> None:
        """Write our values over what is on disk now, so two stores never drop each other's keys."""
        try:
            on_disk = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}
        except (OSError, ValueError):
            on_disk = {}
        if isinstance(on_disk, dict):
            merged = {k: v for k, v in on_disk.items() if k not in self._removed}
            self._values = {**merged, **self._values}
        write_text_atomic(self.path, json.dumps(self._values, ensure_ascii=False, indent=2) + "\n")
