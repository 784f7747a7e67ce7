"""Importing an official list end to end: parse, decide the benefit, store, and report the diff.

This is what the CLI and the UI call (the UI from a worker thread: it reads files and may take a
second). The catalog on disk changes only after the whole file has been read successfully.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from beställning.catalog.diff import AffectedOrder, ListDiff, diff_lists, orders_affected
from beställning.catalog.errors import ListImportError
from beställning.catalog.importer import ParsedList, Progress, parse_workbook
from beställning.catalog.loader import load_catalog
from beställning.catalog.store import ImportStore, StoredList


@dataclass(frozen=True)
class ImportOutcome:
    """The stored list, what changed against the list it replaced, and the saved orders touched."""

    stored: StoredList
    parsed: ParsedList
    diff: ListDiff
    affected: tuple[AffectedOrder, ...]
    warnings: tuple[str, ...]


def resolve_benefit(parsed: ParsedList, requested: str | None) -> tuple[str, list[str]]:
    """The benefit to store the list under, and warnings; ListImportError if it cannot be decided."""
    catalog = load_catalog()
    warnings: list[str] = []
    if requested:
        if not catalog.has_benefit(requested):
            known = ", ".join(b.id for b in catalog.benefits if b.has_list)
            raise ListImportError(f"Okänd förmån '{requested}'. Förmåner med variabellista: {known}.")
        detected = parsed.detected_benefit
        if detected and detected != requested:
            warnings.append(
                f"Filen verkar gälla {catalog.benefit(detected).name}, men importerades som "
                f"{catalog.benefit(requested).name} enligt ditt val."
            )
        return requested, warnings
    if parsed.detected_benefit is None:
        raise ListImportError(
            f"{parsed.file_name}: det går inte att se vilken förmån listan gäller. Ange förmånen "
            "(i kommandoraden: --benefit, t.ex. --benefit sjuk_rehab)."
        )
    return parsed.detected_benefit, warnings


def import_official_list(
    path: Path,
    benefit_id: str | None = None,
    progress: Progress | None = None,
    store: ImportStore | None = None,
) -> ImportOutcome:
    """Import FK's .xlsx list for a benefit (detected from the file unless given)."""
    parsed = parse_workbook(Path(path), progress)
    benefit, warnings = resolve_benefit(parsed, benefit_id)
    store = store or ImportStore()
    old = load_catalog().variables(benefit)
    new = parsed.variables(benefit)
    stored = store.save(benefit, new, Path(path), parsed.sha256, tuple(parsed.warnings) + tuple(warnings))
    diff = diff_lists(benefit, old, new)
    return ImportOutcome(stored, parsed, diff, tuple(orders_affected(diff)), tuple(parsed.warnings) + tuple(warnings))


def restore_previous_list(benefit_id: str, store: ImportStore | None = None) -> tuple[StoredList | None, ListDiff]:
    """Go back to the previous list of a benefit; returns it (None: bundled) and the diff from the current."""
    store = store or ImportStore()
    current = load_catalog().variables(benefit_id)
    restored = store.restore_previous(benefit_id)
    new = load_catalog().variables(benefit_id)
    return restored, diff_lists(benefit_id, current, new)
