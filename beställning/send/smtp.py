"""Sending the message over SMTP, safely: verified certificates, no password in clear, cancellable.

Why not plain `smtplib.SMTP.login()`: it cannot send a password with å/ä/ö (UnicodeEncodeError), so we
send AUTH PLAIN (or LOGIN) ourselves with UTF-8 in base64. Why our own DATA loop: to report progress
and honour a cancel between chunks. Every failure becomes a SendError with a Swedish message saying
what went wrong and what to try.
"""

from __future__ import annotations

import base64
import contextlib
import re
import smtplib
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from typing import Any, Literal

from beställning.formats import address_problem
from beställning.send.message import message_bytes
from beställning.settings import Setting, SettingsStore

Security = Literal["starttls", "tls", "none"]
SECURITY_CHOICES: tuple[Security, ...] = ("starttls", "tls", "none")
SECURITY_LABELS = {
    "starttls": "STARTTLS (vanligen port 587)",
    "tls": "TLS direkt (vanligen port 465)",
    "none": "Ingen kryptering (endast utan inloggning)",
}

SMTP_HOST = Setting("smtp.host", "", "SMTP-server")
SMTP_PORT = Setting("smtp.port", 587, "Port")
SMTP_SECURITY = Setting("smtp.security", "starttls", "Kryptering")
SMTP_USER = Setting("smtp.username", "", "Användarnamn")
SMTP_FROM = Setting("smtp.sender", "", "Avsändaradress")
SMTP_TIMEOUT = Setting("smtp.timeout_s", 30, "Tidsgräns (sekunder)")

CHUNK = 64 * 1024
Progress = Callable[[str, float], None]


class SendError(Exception):
    """Sending failed; `kind` lets the UI react (e.g. ask for the password again on "auth")."""

    def __init__(self, message: str, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind


class SendCancelled(SendError):
    def __init__(self) -> None:
        super().__init__("Sändningen avbröts. Inget meddelande skickades.", "cancelled")


@dataclass(frozen=True)
class SmtpConfig:
    """Where and how to send: server, port, encryption, user name, envelope sender, timeout."""

    host: str
    port: int = 587
    security: Security = "starttls"
    username: str = ""
    sender: str = ""
    timeout: float = 30.0

    @classmethod
    def from_settings(cls, store: SettingsStore) -> SmtpConfig:
        security = store.get(SMTP_SECURITY)
        return cls(
            host=store.get(SMTP_HOST).strip(),
            port=store.get(SMTP_PORT),
            security=security if security in SECURITY_CHOICES else "starttls",
            username=store.get(SMTP_USER).strip(),
            sender=store.get(SMTP_FROM).strip(),
            timeout=float(store.get(SMTP_TIMEOUT)),
        )

    def problems(self) -> list[str]:
        """What is wrong with the settings before anything is tried, in Swedish."""
        found = []
        if not self.host:
            found.append("Ange e-postserverns namn (SMTP-server), t.ex. smtp.exempel.se.")
        if not 0 < self.port < 65536:
            found.append(f"Porten {self.port} är ogiltig; vanliga portar är 587 (STARTTLS) och 465 (TLS).")
        if self.security not in SECURITY_CHOICES:
            found.append("Välj kryptering: STARTTLS, TLS eller ingen.")
        if self.sender:
            problem = address_problem(self.sender, "avsändaren")
            if problem:
                found.append(problem)
        if self.username and self.security == "none":
            found.append(
                "Inloggning över en okrypterad anslutning vägras: lösenordet skulle skickas i klartext. "
                "Välj STARTTLS eller TLS."
            )
        return found


@dataclass(frozen=True)
class SendResult:
    message_id: str
    recipients: list[str]
    size: int


class CancelToken:
    """Cancels a send from another thread: sets a flag and shuts the socket so blocking I/O returns."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._committed = False

    @property
    def cancelled(self) -> bool:
        """True when cancelled before the message was handed over (a cancel after that is too late)."""
        return self._event.is_set() and not self._committed

    def commit(self) -> None:
        """The final dot is on its way: from now on cancelling would only hide whether it was sent."""
        with self._lock:
            self._committed = True
            self._sock = None

    def attach(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sock = sock
        if self.cancelled:
            self._shutdown()

    def cancel(self) -> None:
        self._event.set()
        if not self._committed:
            self._shutdown()

    def _shutdown(self) -> None:
        with self._lock:
            sock = self._sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def check(self) -> None:
        if self.cancelled:
            raise SendCancelled


class _Connection(smtplib.SMTP):
    """smtplib.SMTP whose socket is known to the cancel token from the first byte, TLS or not."""

    def __init__(self, config: SmtpConfig, context: ssl.SSLContext, token: CancelToken) -> None:
        self._config = config
        self._context = context
        self._token = token
        super().__init__(config.host, config.port, timeout=config.timeout)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock = socket.create_connection((host, port), timeout, self.source_address)
        self._token.attach(sock)
        if self._config.security == "tls":
            sock = self._context.wrap_socket(sock, server_hostname=host)
            self._token.attach(sock)
        return sock


def _auth_payload(*parts: str) -> str:
    return base64.b64encode("\0".join(parts).encode("utf-8")).decode("ascii")


def _login(conn: _Connection, username: str, password: str) -> None:
    """AUTH PLAIN (or LOGIN) with UTF-8 credentials; raises SendError(kind="auth") when refused."""
    methods = str(conn.esmtp_features.get("auth", "")).upper().split()
    if "PLAIN" in methods:
        code, reply = conn.docmd("AUTH", "PLAIN " + _auth_payload("", username, password))
    elif "LOGIN" in methods:
        code, reply = conn.docmd("AUTH", "LOGIN " + base64.b64encode(username.encode("utf-8")).decode("ascii"))
        if code == 334:
            code, reply = conn.docmd(base64.b64encode(password.encode("utf-8")).decode("ascii"))
    else:
        raise SendError(
            "Servern erbjuder ingen inloggning som programmet kan använda (PLAIN eller LOGIN). "
            "Kontrollera server och port med din e-postadministratör.",
            "auth",
        )
    if code == 235:
        return
    detail = reply.decode("utf-8", "replace")
    if code in (535, 534, 454, 530):
        raise SendError(
            f"Inloggningen misslyckades: fel användarnamn eller lösenord ({code} {detail}). "
            "Kontrollera uppgifterna; vissa e-posttjänster kräver ett särskilt applösenord.",
            "auth",
        )
    raise SendError(f"Servern godtog inte inloggningen ({code} {detail}).", "auth")


def _envelope(msg: EmailMessage, config: SmtpConfig) -> tuple[str, list[str]]:
    sender = config.sender or parseaddr(str(msg.get("From", "")))[1]
    if not sender:
        raise SendError("Avsändaradress saknas. Ange din e-postadress i beställningen eller i inställningarna.")
    fields = [str(v) for key in ("To", "Cc", "Bcc") for v in msg.get_all(key, [])]
    recipients = [addr for _, addr in getaddresses(fields) if addr]
    if not recipients:
        raise SendError("Meddelandet har ingen mottagare.")
    return sender, recipients


def _reply_text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply


def _transfer(
    conn: _Connection,
    sender: str,
    recipients: list[str],
    data: bytes,
    token: CancelToken,
    progress: Progress,
) -> None:
    options = [f"SIZE={len(data)}"] if conn.has_extn("size") else []
    limit = conn.esmtp_features.get("size", "")
    if limit.isdigit() and 0 < int(limit) < len(data):
        raise SendError(
            f"Servern tar emot högst {int(limit) / 1e6:.1f} MB per meddelande; detta är "
            f"{len(data) / 1e6:.1f} MB. "
            "Ta bort eller komprimera bilagor, eller dela upp utskicket.",
            "size",
        )
    code, reply = conn.mail(sender, options)
    if code != 250:
        kind = "auth" if code == 530 else "sender"
        hint = "Servern kräver inloggning: ange användarnamn." if code == 530 else "Kontrollera avsändaradressen."
        raise SendError(f"Servern avvisade avsändaren {sender} ({code} {_reply_text(reply)}). {hint}", kind)
    for rcpt in recipients:
        token.check()
        code, reply = conn.rcpt(rcpt)
        if code not in (250, 251):
            conn.rset()
            raise SendError(
                f"Mottagaren {rcpt} avvisades av servern ({code} {_reply_text(reply)}). Inget skickades. "
                "Kontrollera adressen, eller fråga din e-postadministratör om servern får skicka till "
                "externa adresser.",
                "recipient",
            )
    token.check()
    conn.putcmd("data")
    code, reply = conn.getreply()
    if code != 354:
        raise SendError(f"Servern tog inte emot meddelandet ({code} {_reply_text(reply)}).", "rejected")
    payload = re.sub(rb"(?m)^\.", b"..", data)
    if not payload.endswith(b"\r\n"):
        payload += b"\r\n"
    sock = conn.sock
    assert sock is not None
    for offset in range(0, len(payload), CHUNK):
        token.check()
        sock.sendall(payload[offset : offset + CHUNK])
        progress("Skickar meddelandet …", 0.2 + 0.75 * min(1.0, (offset + CHUNK) / len(payload)))
    token.check()
    token.commit()
    sock.sendall(b".\r\n")  # from here on the server may accept it: no more cancelling
    progress("Väntar på svar från servern …", 0.97)
    code, reply = conn.getreply()
    if code != 250:
        raise SendError(f"Servern avvisade meddelandet ({code} {_reply_text(reply)}).", "rejected")


def _explain(exc: BaseException, config: SmtpConfig) -> SendError:
    where = f"{config.host}:{config.port}"
    other = "TLS (port 465)" if config.security == "starttls" else "STARTTLS (port 587)"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return SendError(
            f"Serverns certifikat kunde inte verifieras ({exc.verify_message}). Meddelandet skickades inte. "
            "Kontrollera att servernamnet är rätt stavat; skicka inte via en server vars certifikat inte "
            "kan verifieras.",
            "tls",
        )
    if isinstance(exc, ssl.SSLError):
        return SendError(
            f"Den krypterade anslutningen till {where} misslyckades ({exc.reason or exc}). "
            f"Kontrollera krypteringsvalet: prova {other}.",
            "tls",
        )
    # smtplib turns a timeout while reading a reply into SMTPServerDisconnected: look underneath.
    inner = exc.__cause__ or exc.__context__
    if isinstance(exc, smtplib.SMTPServerDisconnected) and isinstance(inner, TimeoutError):
        exc = inner
    if isinstance(exc, TimeoutError | socket.timeout):
        return SendError(
            f"Servern {where} svarade inte inom {config.timeout:.0f} sekunder. Kontrollera server och port "
            f"(använder servern {other}?) och nätverket, och försök igen.",
            "timeout",
        )
    if isinstance(exc, socket.gaierror):
        return SendError(
            f"Servern ”{config.host}” hittades inte. Kontrollera stavningen och att datorn är ansluten till nätet.",
            "unreachable",
        )
    if isinstance(exc, ConnectionRefusedError):
        return SendError(
            f"Servern {config.host} tar inte emot anslutningar på port {config.port}. Kontrollera porten "
            "(vanligen 587 för STARTTLS eller 465 för TLS) och att servern är i gång.",
            "unreachable",
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return SendError(
            f"Servern {where} stängde anslutningen oväntat. Kontrollera krypteringsvalet (prova {other}) "
            "och försök igen.",
            "unreachable",
        )
    if isinstance(exc, smtplib.SMTPException):
        return SendError(f"E-postservern svarade med ett fel: {exc}.", "protocol")
    if isinstance(exc, OSError):
        return SendError(
            f"Kunde inte nå servern {where} ({exc.strerror or exc}). Kontrollera nätverket.", "unreachable"
        )
    return SendError(f"Sändningen misslyckades ({type(exc).__name__}: {exc}).")


def send_message(
    msg: EmailMessage,
    config: SmtpConfig,
    password: str | None = None,
    ssl_context: ssl.SSLContext | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> SendResult:
    """Send `msg`; returns what was sent or raises SendError (SendCancelled when cancelled)."""
    problems = config.problems()
    if problems:
        raise SendError(" ".join(problems), "config")
    if config.username and not password:
        raise SendError("Lösenord saknas för inloggningen på e-postservern.", "auth")
    token = cancel or CancelToken()
    report: Progress = progress or (lambda _text, _fraction: None)
    context = ssl_context or ssl.create_default_context()
    sender, recipients = _envelope(msg, config)
    data = message_bytes(msg)
    conn: _Connection | None = None
    try:
        token.check()
        report(f"Ansluter till {config.host} …", 0.02)
        conn = _Connection(config, context, token)
        conn.ehlo()
        if config.security == "starttls":
            if not conn.has_extn("starttls"):
                raise SendError(
                    f"Servern {config.host} erbjuder inte STARTTLS på port {config.port}, så "
                    "anslutningen kan inte krypteras. Välj TLS (port 465) eller en annan server.",
                    "tls",
                )
            report("Krypterar anslutningen …", 0.08)
            conn.starttls(context=context)
            token.attach(conn.sock)
            conn.ehlo()
        token.check()
        if config.username:
            report("Loggar in …", 0.14)
            _login(conn, config.username, password or "")
        _transfer(conn, sender, recipients, data, token, report)
        report("Skickat.", 1.0)
    except SendError:
        _close(conn)
        if token.cancelled:
            raise SendCancelled from None
        raise
    except Exception as exc:
        _close(conn)
        if token.cancelled:
            raise SendCancelled from exc
        raise _explain(exc, config) from exc
    _quit(conn)
    return SendResult(str(msg.get("Message-ID", "")), recipients, len(data))


def _close(conn: Any) -> None:
    if conn is not None:
        with contextlib.suppress(OSError):
            conn.close()


def _quit(conn: Any) -> None:
    try:
        conn.quit()
    except (smtplib.SMTPException, OSError):
        _close(conn)
