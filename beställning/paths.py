"""Where the app keeps user files: platformdirs folders, overridable for tests and portable use.

Set BESTALLNING_HOME to put everything (data, config, drafts) under one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Bestallningsassistenten"


def _home_override() -> Path | None:
    value = os.environ.get("BESTALLNING_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """User data folder (orders, register, imported lists)."""
    override = _home_override()
    if override:
        path = override / "data"
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """User settings folder."""
    override = _home_override()
    if override:
        path = override / "config"
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def drafts_dir() -> Path:
    """Autosaved drafts (utkast), one JSON file per order."""
    path = data_dir() / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path

