"""Imported official lists kept on disk: each import with its date and file hash, restorable.

Layout under paths.data_dir()/catalog/:
  state.json                      which import is active per benefit, and the import history
  <benefit>/<entry>.json          the parsed list (variables, warnings, file name, hash, date)
  <benefit>/<entry>.xlsx          a copy of the file as imported
A benefit with no active import uses the bundled list.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from beställning import paths
from beställning.atomic import atomic_path, write_text_atomic
from beställning.catalog.loader import CatalogDataError, invalidate, variable_from_dict, variable_to_dict
from beställning.catalog.model import ListInfo, Variable


class StoreError(Exception):
    """A stored list cannot be used; the message is Swedish and says what to do."""


@dataclass(frozen=True)
class StoredList:
    """One imported list as kept on disk."""

    benefit_id: str
    info: ListInfo
    variables: tuple[Variable, ...]
    warnings: tuple[str, ...] = ()


class ImportStore:
    """Reads and writes the imported lists; tolerant of a damaged state file (falls back to bundled)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or paths.data_dir() / "catalog"

    # -- state -----------------------------------------------------------------------------------
    def _state(self) -> dict[str, dict[str, Any]]:
        path = self.root / "state.json"
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_state(self, state: dict[str, dict[str, Any]]) -> None:
        write_text_atomic(self.root / "state.json", json.dumps(state, ensure_ascii=False, indent=2) + "\n")
        invalidate()  # the merged catalog changes with the active lists

    def _entry_path(self, benefit_id: str, entry_id: str) -> Path:
        return self.root / benefit_id / f"{entry_id}.json"

    # -- reading ---------------------------------------------------------------------------------
    def load_entry(self, benefit_id: str, entry_id: str) -> StoredList:
        """One stored import; StoreError if missing or damaged."""
        path = self._entry_path(benefit_id, entry_id)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            info = ListInfo(
                kind="imported",
                imported_at=str(data["imported_at"]),
                file_name=str(data["file_name"]),
                sha256=str(data["sha256"]),
                entry_id=entry_id,
            )
            where = str(path)
            variables = tuple(variable_from_dict(v, benefit_id, where, concept=False) for v in data["variables"])
            warnings = tuple(str(w) for w in data.get("warnings", []))
        except (OSError, ValueError, KeyError, TypeError, CatalogDataError) as exc:
            raise StoreError(f"Den importerade listan {path} kan inte läsas ({exc}). Importera filen igen.") from exc
        return StoredList(benefit_id, info, variables, warnings)

    def active(self, benefit_id: str) -> StoredList | None:
        """The active import for a benefit, or None for the bundled list (also when it is unreadable)."""
        entry_id = self._state().get(benefit_id, {}).get("active")
        if not isinstance(entry_id, str):
            return None
        try:
            return self.load_entry(benefit_id, entry_id)
        except StoreError:
            return None

    def history(self, benefit_id: str) -> list[ListInfo]:
        """Every readable import of a benefit, oldest first."""
        result = []
        for entry_id in self._state().get(benefit_id, {}).get("history", []):
            try:
                result.append(self.load_entry(benefit_id, str(entry_id)).info)
            except StoreError:
                continue
        return result

    # -- writing ---------------------------------------------------------------------------------
    def save(
        self,
        benefit_id: str,
        variables: tuple[Variable, ...],
        source_file: Path,
        sha256: str,
        warnings: tuple[str, ...] = (),
        now: datetime | None = None,
    ) -> StoredList:
        """Keep a parsed list and a copy of its file, and make it the active list for the benefit."""
        moment = (now or datetime.now()).astimezone()
        entry_id = f"{moment:%Y%m%dT%H%M%S}-{sha256[:12]}"
        folder = self.root / benefit_id
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_path(folder / f"{entry_id}.xlsx") as tmp:
            shutil.copyfile(source_file, tmp)
        data = {
            "benefit": benefit_id,
            "imported_at": moment.isoformat(timespec="seconds"),
            "file_name": Path(source_file).name,
            "sha256": sha256,
            "warnings": list(warnings),
            "variables": [variable_to_dict(v) for v in variables],
        }
        write_text_atomic(self._entry_path(benefit_id, entry_id), json.dumps(data, ensure_ascii=False, indent=1))
        state = self._state()
        entry = state.setdefault(benefit_id, {})
        history = [h for h in entry.get("history", []) if h != entry_id]
        history.append(entry_id)
        entry["history"] = history
        entry["active"] = entry_id
        self._write_state(state)
        return self.load_entry(benefit_id, entry_id)

    def activate(self, benefit_id: str, entry_id: str | None) -> None:
        """Make a stored import (or, with None, the bundled list) the active one."""
        state = self._state()
        entry = state.setdefault(benefit_id, {"history": []})
        if entry_id is not None:
            if entry_id not in entry.get("history", []):
                raise StoreError(f"Det finns ingen importerad lista {entry_id} för {benefit_id}.")
            self.load_entry(benefit_id, entry_id)
        entry["active"] = entry_id
        self._write_state(state)

    def restore_previous(self, benefit_id: str) -> StoredList | None:
        """Go back to the list before the active one (the bundled list before the first import).

        Returns the list now active (None: bundled). StoreError when the bundled list is already active.
        """
        entry = self._state().get(benefit_id, {})
        active = entry.get("active")
        history = [h for h in entry.get("history", []) if isinstance(h, str)]
        if not isinstance(active, str) or active not in history:
            raise StoreError("Den medföljande listan används redan; det finns ingen tidigare lista att återställa.")
        index = history.index(active)
        for previous in reversed(history[:index]):
            try:
                found = self.load_entry(benefit_id, previous)
            except StoreError:
                continue
            self.activate(benefit_id, previous)
            return found
        self.activate(benefit_id, None)
        return None
