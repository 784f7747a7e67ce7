"""The gate (grinden): the one answer to "kan beställningen skickas?", for every way out.

`evaluate` validates the order, builds the package (form, variable selection, copies of the user's
files), composes the message, and runs the guard (missing or unreadable attachments, personnummer in
files and free text, size). `bestallning check` is its dry run, the summary page shows its answer, and
every way out (SMTP, .eml draft, mail program, folder, `send`, `package`) leaves only with a sendable
verdict whose fingerprint still matches the order (see `send/session.py`).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from beställning.form import load_form
from beställning.order import Order
from beställning.send.guard import GuardResult, check_package
from beställning.send.message import MAX_MESSAGE_MB, AddressError, SizeCheck, build_message, size_check
from beställning.send.package import Package, PackageError, Producer, build_package
from beställning.send.scan import CancelCheck, ClearanceError, clearances_from_json
from beställning.validation import Problem, validate

Progress = Callable[[float, str], None]


def _file_state(path: Path) -> list[object]:
    """Where a file is and what it is now (size, modification time): a replaced file changes this."""
    try:
        stat = path.stat()
    except OSError:
        return [str(path), "saknas"]
    return [str(path), stat.st_size, stat.st_mtime_ns]


def fingerprint(order: Order) -> str:
    """What the package is built from (not records or timestamps): a verdict holds while this is unchanged.

    The attachments count with their size and modification time, so a file replaced or edited after
    the check makes the verdict stale (the page checks again instead of showing an old answer).
    """
    data = json.loads(order.to_json())
    for key in ("modified", "sent", "created"):
        data.pop(key, None)
    data["attachments"] = [[a.kind, a.title, *_file_state(order.attachment_path(a))] for a in order.attachments]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass
class Verdict:
    """The gate's answer for one state of the order: what blocks, what warns, and what would be sent."""

    problems: list[Problem]
    fingerprint: str
    guard: GuardResult | None = None
    package: Package | None = None
    message: EmailMessage | None = None
    errors: list[str] = field(default_factory=list)  # the package or message could not be made

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.blocking]

    @property
    def sendable(self) -> bool:
        return not self.blocking and not self.errors and self.guard is not None and not self.guard.blocked

    @property
    def blocking_count(self) -> int:
        """How many separate things stop the order (each problem, error, missing file, finding kind)."""
        count = len(self.blocking) + len(self.errors)
        guard = self.guard
        if guard is not None:
            count += len(guard.missing) + bool(guard.scan.findings) + bool(guard.scan.unreadable)
            count += guard.size is not None and not guard.size.ok
        return count

    def reasons(self) -> list[str]:
        """Swedish lines saying what stops the order, each with what to do; empty when sendable."""
        form = load_form()
        lines = []
        for problem in self.blocking:
            label = form.field(problem.field).label if form.has_field(problem.field) else ""
            lines.append(f"{label}: {problem.message}" if label else problem.message)
        lines += self.errors
        if self.guard is not None:
            lines += self.guard.messages()
        return lines

    def to_json(self) -> dict[str, Any]:
        """The scan's part of `check --json`: findings and unreadable files, masked."""
        guard = self.guard
        return {
            "findings": [
                {"source": f.source, "place": f.place, "masked": f.masked, "kind": f.kind}
                for f in (guard.scan.findings if guard else [])
            ],
            "unreadable": [{"source": u.source, "reason": u.reason} for u in (guard.scan.unreadable if guard else [])],
            "missing": list(guard.missing) if guard else [],
            "size_ok": guard.size.ok if guard and guard.size else None,
            "errors": list(self.errors),
            "notes": list(guard.scan.notes) if guard else [],
        }


@dataclass(frozen=True)
class GateOptions:
    """How the message is made: the sender (settings or --from), the size limit, and the producers."""

    sender: str = ""
    limit_mb: float = float(MAX_MESSAGE_MB.default)
    render_form: Producer | None = None
    export_variables: Producer | None = None


def evaluate(
    order: Order,
    workdir: Path,
    options: GateOptions | None = None,
    *,
    today: date | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Verdict:
    """Everything that decides whether `order` may leave, with the package built in `workdir`."""
    options = options or GateOptions()
    report = progress or (lambda _fraction, _text: None)
    order = copy.deepcopy(order)  # what is checked cannot change under the check
    verdict = Verdict(validate(order, today), fingerprint(order))
    report(0.05, "Skapar blanketten och samlar bilagorna …")
    try:
        verdict.package = build_package(order, workdir, options.render_form, options.export_variables)
    except PackageError as exc:
        verdict.errors.append(str(exc))
        return verdict
    verdict.problems += _outside_folder(order)
    report(0.4, "Skapar e-postmeddelandet …")
    encoded = sum(f.size for f in verdict.package.files) * 4 // 3  # base64 in the message
    too_big = SizeCheck(encoded, int(options.limit_mb * 1_000_000))
    if not too_big.ok:  # never read gigabytes into memory just to say they are too many
        verdict.guard = check_package(verdict.package, too_big, cancel=cancel)
        verdict.guard.missing = list(verdict.package.checklist.problems)
        return verdict
    try:
        verdict.message = build_message(order, verdict.package, sender=options.sender)
    except AddressError as exc:
        verdict.errors.append(str(exc))
    except OSError as exc:
        verdict.errors.append(f"En bilaga kunde inte läsas ({exc.strerror or exc}). Kontrollera filen.")
    report(0.5, "Söker efter personnummer i bilagor och fritext …")
    size = size_check(verdict.message, options.limit_mb) if verdict.message is not None else None
    try:
        clearances = clearances_from_json(order.pnr_clearances)
    except ClearanceError as exc:
        verdict.errors.append(f"{exc} Ta bort de avskrivna fynden ur beställningsfilen och granska igen.")
        clearances = []
    verdict.guard = check_package(verdict.package, size, cancel=cancel, clearances=clearances)
    # Missing kinds of attachment are validation problems already; the guard keeps the files that are gone.
    verdict.guard.missing = list(verdict.package.checklist.problems)
    report(1.0, "Granskningen är klar.")
    return verdict


def _outside_folder(order: Order) -> list[Problem]:
    """A shared order file that points outside its own folder may pick up a file nobody meant to send."""
    if order.base_dir is None:
        return []
    base = Path(os.path.abspath(order.base_dir))
    problems = []
    for attachment in order.attachments:
        path = Path(os.path.abspath(order.attachment_path(attachment)))
        if base not in path.parents and (attachment.path.startswith("~") or not Path(attachment.path).is_absolute()):
            problems.append(
                Problem(
                    "attachments",
                    "bilagor",
                    "warning",
                    f"Bilagan {path} ligger utanför beställningens mapp {base}. Kontrollera att det är rätt fil.",
                )
            )
    return problems


def dry_run(order: Order, options: GateOptions | None = None, *, today: date | None = None) -> Verdict:
    """The gate's answer without keeping the package (for `check` and the summary page)."""
    workdir = Path(tempfile.mkdtemp(prefix="bestallning-granskning-"))
    try:
        return evaluate(order, workdir, options, today=today)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
