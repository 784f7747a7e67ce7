"""Handing the message to the user's own mail program, or saving the package in a folder.

A `.eml` with `X-Unsent: 1` opens in Outlook as a ready-to-send draft. On Linux, `xdg-email` can open
the desktop's mail program with subject, body and attachments. Opening a file is reported honestly:
a started helper does not prove the mail program opened, so the path is always shown too.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from beställning.atomic import write_bytes_atomic
from beställning.send.checklist import safe_name_part
from beställning.send.message import message_bytes
from beställning.send.package import Package

Runner = Callable[[Sequence[str]], int]


@dataclass(frozen=True)
class OpenResult:
    """Whether a helper program was started, and a Swedish message for the user."""

    ok: bool
    message: str


def draft_message(msg: EmailMessage) -> EmailMessage:
    """A copy of `msg` marked as an unsent draft."""
    draft = copy.deepcopy(msg)
    del draft["X-Unsent"]
    draft["X-Unsent"] = "1"
    return draft


def write_eml(msg: EmailMessage, path: Path) -> Path:
    """Write the message as a draft .eml (atomically)."""
    write_bytes_atomic(path, message_bytes(draft_message(msg)))
    return path


def _run_detached(command: Sequence[str]) -> int:
    """Start a helper; its exit code if it ends within 3 s (xdg tools do), else 0 (it is running)."""
    process = subprocess.Popen(
        list(command), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        return process.wait(timeout=3)
    except subprocess.TimeoutExpired:
        return 0


def open_file(path: Path, runner: Runner | None = None) -> OpenResult:
    """Open a file with the system's program for it (for .eml: the mail program)."""
    run = runner or _run_detached
    shown = f"Filen finns här: {path}"
    try:
        if sys.platform.startswith("win"):
            os.startfile(path)  # type: ignore[attr-defined,unused-ignore]
            return OpenResult(True, f"Utkastet öppnas i ditt e-postprogram. {shown}")
        tool = "open" if sys.platform == "darwin" else "xdg-open"
        if shutil.which(tool) is None and runner is None:
            return OpenResult(False, f"Inget program för att öppna filer hittades. Öppna den själv. {shown}")
        code = run([tool, str(path)])
    except OSError as exc:
        return OpenResult(False, f"Filen kunde inte öppnas ({exc.strerror or exc}). Öppna den själv. {shown}")
    if code != 0:
        return OpenResult(False, f"Filen kunde inte öppnas (felkod {code}). Öppna den själv. {shown}")
    return OpenResult(True, f"Utkastet lämnades till ditt e-postprogram. {shown}")


def xdg_email_available() -> bool:
    return sys.platform.startswith("linux") and shutil.which("xdg-email") is not None


def xdg_email_command(msg: EmailMessage, attachments: Sequence[Path]) -> list[str]:
    """The xdg-email command line for a message: recipient, subject, body, each attachment."""
    body = msg.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    command = ["xdg-email", "--utf8", "--subject", str(msg.get("Subject", "")), "--body", text]
    for path in attachments:
        command += ["--attach", str(path)]
    command.append(str(msg.get("To", "")))
    return command


def open_with_xdg_email(msg: EmailMessage, package: Package, runner: Runner | None = None) -> OpenResult:
    """Open the desktop's mail program with everything filled in (Linux)."""
    run = runner or _run_detached
    try:
        code = run(xdg_email_command(msg, [f.path for f in package.files]))
    except OSError as exc:
        return OpenResult(False, f"xdg-email kunde inte startas ({exc.strerror or exc}). Använd .eml-utkastet.")
    reasons = {
        2: "en bilaga saknas",
        3: "inget e-postprogram hittades",
        4: "e-postprogrammet kunde inte öppnas",
    }
    if code != 0:
        why = reasons.get(code, f"felkod {code}")
        return OpenResult(False, f"xdg-email misslyckades ({why}). Använd .eml-utkastet eller spara paketet i en mapp.")
    return OpenResult(True, "E-postprogrammet öppnades med meddelandet och bilagorna. Kontrollera och skicka där.")


def _unique_folder(parent: Path, name: str) -> Path:
    candidate = parent / name
    number = 2
    while candidate.exists():
        candidate = parent / f"{name} ({number})"
        number += 1
    return candidate


def save_package(package: Package, msg: EmailMessage, parent: Path, today: date | None = None) -> Path:
    """Copy the numbered files, a draft .eml and the message text into a new folder under `parent`.

    The folder is filled under a temporary name and renamed when complete, so an interrupted save
    leaves no half package that looks finished.
    """
    today = today or date.today()
    folder = _unique_folder(parent, f"{today.isoformat()} Beställning – {safe_name_part(package.order.title())}")
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".paket-", suffix=".tmp", dir=parent))
    staging.chmod(0o755)  # an ordinary folder for the user, not mkdtemp's private one
    try:
        for item in package.files:
            shutil.copyfile(item.path, staging / item.name)
        (staging / "E-postmeddelande (utkast).eml").write_bytes(message_bytes(draft_message(msg)))
        body = msg.get_body(preferencelist=("plain",))
        header = f"Till: {msg.get('To', '')}\nÄmne: {msg.get('Subject', '')}\n\n"
        text = header + (body.get_content() if body is not None else "")
        (staging / "E-postmeddelande.txt").write_text(text, encoding="utf-8")
        os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder
