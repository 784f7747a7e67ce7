"""Sending an order (skicka): check → package → scan → fingerprint → send or hand off → record.

One use case for every way out, shaped like `catalog/imports.py`: the page and the commands `send`
and `package` call the same object, so the rule "only a sendable verdict for the order as it is now
may leave" holds on every path. A refused order is neither written nor sent; `GateRefused` carries
the reasons, in Swedish.

The slow parts (`check`, `transmit`, `save_folder`) may run off the GUI thread; `record` runs where
the order lives (the GUI thread in the app) and saves through the order repository, so a sent order
enters the register from the command line as from the app.
"""

from __future__ import annotations

import shutil
import ssl
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from beställning.order import Order, SentRecord
from beställning.repository import OrderRepository
from beställning.send import handoff
from beställning.send.gate import GateOptions, Progress, Verdict, evaluate, fingerprint
from beställning.send.message import MAX_MESSAGE_MB
from beställning.send.package import PackageError
from beställning.send.record import make_record, record_send
from beställning.send.scan import CancelCheck
from beställning.send.smtp import SMTP_FROM, CancelToken, SendResult, SmtpConfig, send_message
from beställning.settings import SettingsStore

Runner = Callable[[Sequence[str]], int]


def options_from_settings(settings: SettingsStore | None = None, sender: str = "") -> GateOptions:
    """The gate's options as every way out uses them: the given sender, else the SMTP sender setting
    (else the orderer's address, chosen when the message is made), and the message size limit.

    Raises SettingsError when the settings file cannot be read.
    """
    store = settings or SettingsStore()
    chosen = sender.strip() or str(store.get(SMTP_FROM)).strip()
    return GateOptions(sender=chosen, limit_mb=float(store.get(MAX_MESSAGE_MB)))


class GateRefused(Exception):
    """The order may not leave: nothing was written or sent. `reasons` says why and what to do."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("\n".join(reasons))
        self.reasons = reasons


@dataclass(frozen=True)
class Outcome:
    """What a way out did: the record kept with the order, and a Swedish line for the user."""

    record: SentRecord | None
    message: str


class SendSession:
    """One order on its way out. `check` first; each way out then re-checks that nothing changed."""

    def __init__(
        self,
        order: Order,
        options: GateOptions | None = None,
        repository: OrderRepository | None = None,
        order_path: Path | None = None,
    ) -> None:
        self.order = order
        self.options = options or GateOptions()
        self.repository = repository
        self.order_path = order_path  # the command line writes the record back into the order file
        self.verdict: Verdict | None = None
        self._workdir: Path | None = None

    # --- check ----------------------------------------------------------------------------------
    def check(
        self,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
        today: date | None = None,
        snapshot: Order | None = None,
    ) -> Verdict:
        """Build the package in a fresh folder and run the gate; the verdict is kept for the ways out.

        `snapshot`: a copy of the order taken where it is edited (the app's GUI thread), so a check in
        the background never reads an order that is changing.
        """
        self.close()
        try:
            self._workdir = Path(tempfile.mkdtemp(prefix="bestallning-paket-"))
        except OSError as exc:
            detail = f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc.strerror or exc)
            raise PackageError(
                f"Det gick inte att skapa en tillfällig mapp för paketet ({detail}). "
                "Kontrollera att det finns ledigt utrymme på disken och försök igen."
            ) from exc
        order = snapshot if snapshot is not None else self.order
        self.verdict = evaluate(order, self._workdir, self.options, today=today, progress=progress, cancel=cancel)
        if self.repository is not None and self.repository.sent_as_another_version(order):
            self.verdict.errors.append(
                "En beställning med samma id är redan skickad till Försäkringskassan med ett annat innehåll "
                "(filen är kanske en kopia). Skapa en ny version (upprepad beställning) i programmet i stället, "
                "så får den ett eget id."
            )
        return self.verdict

    def ready(self) -> Verdict:
        """The verdict, if it lets the order leave as it is now; otherwise GateRefused with the reasons."""
        verdict = self.verdict
        if verdict is None:
            raise GateRefused(["Beställningen är inte granskad. Granska paketet innan du skickar."])
        if verdict.fingerprint != fingerprint(self.order):
            raise GateRefused(["Beställningen har ändrats sedan granskningen. Granska paketet igen."])
        if not verdict.sendable:
            raise GateRefused(verdict.reasons() or ["Paketet kan inte skickas."])
        assert verdict.package is not None and verdict.message is not None
        return verdict

    def close(self) -> None:
        """Remove the package folder (the copies and the generated files)."""
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    # --- the ways out ---------------------------------------------------------------------------
    def transmit(
        self,
        config: SmtpConfig,
        password: str | None,
        ssl_context: ssl.SSLContext | None = None,
        progress: Callable[[str, float], None] | None = None,
        token: CancelToken | None = None,
    ) -> SendResult:
        """Send the checked message over SMTP (no record yet: call `record` where the order lives)."""
        verdict = self.ready()
        assert verdict.message is not None
        return send_message(verdict.message, config, password, ssl_context, progress, token)

    def write_eml(self, path: Path, record: bool = True) -> Outcome:
        """Save the checked message as a draft .eml for the user's mail program, and record the hand-off.

        `record=False`: the caller records it itself (the command line, which warns when the order
        file cannot be written but keeps the draft).
        """
        verdict = self.ready()
        assert verdict.message is not None
        handoff.write_eml(verdict.message, path)
        return Outcome(self.record("eml") if record else None, f"Utkast sparat: {path}")

    def open_mailer(self, runner: Runner | None = None) -> Outcome:
        """Open the desktop's mail program (xdg-email) with the checked message; record it if it started."""
        verdict = self.ready()
        assert verdict.message is not None and verdict.package is not None
        result = handoff.open_with_xdg_email(verdict.message, verdict.package, runner)
        return Outcome(self.record("mailer") if result.ok else None, result.message)

    def save_folder(self, parent: Path) -> Path:
        """Copy the checked package into a new folder under `parent` (may run off the GUI thread)."""
        verdict = self.ready()
        assert verdict.message is not None and verdict.package is not None
        return handoff.save_package(verdict.package, verdict.message, parent)

    # --- the record -----------------------------------------------------------------------------
    def record(self, method: str, order: Order | None = None) -> SentRecord:
        """Keep what left with the order (`order`: the same order as loaded now, if not this one) and save it.

        An SMTP send enters the register (FK's confirmation clock starts); a hand-off is kept with the
        order only, until the user says it was sent.
        """
        verdict = self.verdict
        assert verdict is not None and verdict.message is not None and verdict.package is not None
        target = order or self.order
        record = make_record(verdict.message, verdict.package, method)
        if verdict.guard is not None:  # what the user cleared as "inte ett personnummer" to let it through
            used = {f.identity for f in verdict.guard.scan.cleared}
            record.clearances = [c for c in target.pnr_clearances if c.get("finding") in used]
        record_send(target, record)
        if self.order_path is not None:
            target.save(self.order_path)
        if self.repository is not None:
            if method == "smtp":
                self.repository.save_registered(target)
            else:
                self.repository.save_draft(target)  # never over a sent order with other content
        return record
