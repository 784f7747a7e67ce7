"""Sending to a real SMTP server (aiosmtpd) on 127.0.0.1: plain, STARTTLS, implicit TLS, bad logins.

Only the loopback address is ever used. The TLS certificate is made in the test and thrown away.
Other test files import `SmtpServer`, `make_cert` and `free_port` from here.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from beställning.send.smtp import CancelToken, SendCancelled, SendError, SmtpConfig, send_message

LOOPBACK = "127.0.0.1"
USER = "forskare@example.org"
PASSWORD = "Hemligt-åäö-ÅÄÖ-€"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Cert:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert))


def make_cert(folder: Path) -> Cert:
    """A throwaway self-signed certificate for 127.0.0.1 and localhost (cryptography, else openssl)."""
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return _make_cert_openssl(folder)
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(LOOPBACK))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return Cert(cert_path, key_path)


def _make_cert_openssl(folder: Path) -> Cert:
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("neither cryptography nor openssl is available to make a test certificate")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", f"subjectAltName=DNS:localhost,IP:{LOOPBACK}", "-keyout", str(key_path), "-out", str(cert_path)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return Cert(cert_path, key_path)


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    login: bytes | None

    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class SmtpServer:
    """An aiosmtpd server in a thread on 127.0.0.1, recording what arrives."""

    mode: str = "plain"  # plain | starttls | tls
    cert: Cert | None = None
    auth: bool = False
    reject_rcpt: bool = False
    received: list[Received] = field(default_factory=list)
    logins: list[tuple[bytes, bytes]] = field(default_factory=list)
    port: int = 0
    _controller: Any = None

    def start(self) -> SmtpServer:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        server = self

        class Handler:
            async def handle_RCPT(self, srv: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
                if server.reject_rcpt:
                    return "550 5.1.1 Mottagaren finns inte"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, srv: Any, session: Any, envelope: Any) -> str:
                login = session.auth_data if server.auth else None
                server.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content, login))
                return "250 Message accepted"

        def authenticator(srv: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
            assert isinstance(auth_data, LoginPassword)
            server.logins.append((auth_data.login, auth_data.password))
            if auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode("utf-8"):
                return AuthResult(success=True, auth_data=auth_data.login)
            return AuthResult(success=False, handled=False)

        kwargs: dict[str, Any] = {"hostname": LOOPBACK, "port": free_port(), "decode_data": False}
        if self.mode == "starttls":
            assert self.cert is not None
            kwargs["tls_context"] = self.cert.server_context()
        if self.mode == "tls":
            assert self.cert is not None
            kwargs["ssl_context"] = self.cert.server_context()
        if self.auth:
            kwargs["authenticator"] = authenticator
            kwargs["auth_require_tls"] = self.mode == "starttls"
        self._controller = Controller(Handler(), **kwargs)
        self._controller.start()
        self.port = kwargs["port"]
        return self

    def stop(self) -> None:
        self._controller.stop()

    def config(self, **changes: Any) -> SmtpConfig:
        security = {"plain": "none", "starttls": "starttls", "tls": "tls"}[self.mode]
        values: dict[str, Any] = {"host": LOOPBACK, "port": self.port, "security": security, "timeout": 10.0}
        values.update(changes)
        return SmtpConfig(**values)


@pytest.fixture
def cert(tmp_path: Path) -> Cert:
    return make_cert(tmp_path)


@pytest.fixture
def server_factory(cert: Cert) -> Iterator[Any]:
    started: list[SmtpServer] = []

    def start(mode: str = "plain", **kwargs: Any) -> SmtpServer:
        server = SmtpServer(mode=mode, cert=cert, **kwargs).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def sample_message(attachments: dict[str, bytes]) -> EmailMessage:
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = "Åsa Öberg <asa@example.org>"
    msg["To"] = "statistikenheten@forsakringskassan.se"
    msg["Subject"] = "Beställning av individdata för forskning: Sjukfrånvaro – Ålänningar"
    msg["Message-ID"] = "<test-1@example.org>"
    msg.set_content("Hej,\nHär kommer beställningen. Ärendet gäller räksmörgås.\n.\nEn rad med punkt.\n")
    for name, data in attachments.items():
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return msg


ATTACHMENTS = {
    "01 Beställning – Ålänningar.docx": bytes(range(256)) * 40,
    "02 Etikbeslut.pdf": b"%PDF-1.4\n" + bytes(range(255, -1, -1)) * 300,
    "03 Data.csv": b".\r\n..\r\nrad\n\x00\xff",
}


def assert_arrived_intact(server: SmtpServer) -> Received:
    assert len(server.received) == 1
    got = server.received[0]
    assert got.mail_from == "asa@example.org"
    assert got.rcpt_tos == ["statistikenheten@forsakringskassan.se"]
    msg = got.message()
    assert msg["Subject"] == "Beställning av individdata för forskning: Sjukfrånvaro – Ålänningar"
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None
    assert "räksmörgås" in body.get_content()
    assert "\n.\nEn rad med punkt." in body.get_content().replace("\r\n", "\n")  # dot-stuffing undone
    parts = {part.get_filename(): part.get_content() for part in msg.iter_attachments()}
    assert parts == ATTACHMENTS  # byte for byte
    return got


def test_plain_without_login(server_factory: Any) -> None:
    server = server_factory("plain")
    result = send_message(sample_message(ATTACHMENTS), server.config())
    assert result.recipients == ["statistikenheten@forsakringskassan.se"]
    assert result.message_id == "<test-1@example.org>"
    assert_arrived_intact(server)


def test_starttls_with_non_ascii_password(server_factory: Any, cert: Cert) -> None:
    server = server_factory("starttls", auth=True)
    stages: list[str] = []
    send_message(
        sample_message(ATTACHMENTS),
        server.config(username=USER),
        PASSWORD,
        ssl_context=cert.client_context(),
        progress=lambda text, _f: stages.append(text),
    )
    got = assert_arrived_intact(server)
    assert got.login == USER.encode()
    assert server.logins == [(USER.encode(), PASSWORD.encode("utf-8"))]
    assert any("Krypterar" in s for s in stages) and stages[-1] == "Skickat."


def test_implicit_tls_with_login(server_factory: Any, cert: Cert) -> None:
    server = server_factory("tls", auth=True)
    send_message(sample_message(ATTACHMENTS), server.config(username=USER), PASSWORD, ssl_context=cert.client_context())
    assert_arrived_intact(server)


def test_wrong_password_is_explained(server_factory: Any, cert: Cert) -> None:
    server = server_factory("starttls", auth=True)
    with pytest.raises(SendError) as info:
        send_message(
            sample_message(ATTACHMENTS),
            server.config(username=USER),
            "fel-lösen",
            ssl_context=cert.client_context(),
        )
    assert info.value.kind == "auth"
    assert "fel användarnamn eller lösenord" in str(info.value)
    assert server.received == []


def test_unverified_certificate_is_refused(server_factory: Any) -> None:
    server = server_factory("starttls", auth=True)
    with pytest.raises(SendError) as info:
        # The default context trusts only the system's CAs, not our self-signed certificate.
        send_message(sample_message(ATTACHMENTS), server.config(username=USER), PASSWORD)
    assert info.value.kind == "tls"
    assert "certifikat" in str(info.value)
    assert server.logins == []  # the password never left


def test_login_over_plain_connection_is_refused_before_connecting() -> None:
    config = SmtpConfig(host=LOOPBACK, port=free_port(), security="none", username=USER)
    with pytest.raises(SendError) as info:
        send_message(sample_message({}), config, PASSWORD)
    assert info.value.kind == "config"
    assert "okrypterad" in str(info.value)


def test_starttls_missing_on_server(server_factory: Any) -> None:
    server = server_factory("plain")
    with pytest.raises(SendError) as info:
        send_message(sample_message(ATTACHMENTS), server.config(security="starttls"))
    assert info.value.kind == "tls"
    assert "STARTTLS" in str(info.value)
    assert server.received == []


def test_implicit_tls_against_plain_server(server_factory: Any, cert: Cert) -> None:
    server = server_factory("plain")
    with pytest.raises(SendError) as info:
        send_message(sample_message(ATTACHMENTS), server.config(security="tls"), ssl_context=cert.client_context())
    assert info.value.kind in ("tls", "unreachable")
    assert "STARTTLS" in str(info.value)


def test_rejected_recipient(server_factory: Any) -> None:
    server = server_factory("plain", reject_rcpt=True)
    with pytest.raises(SendError) as info:
        send_message(sample_message(ATTACHMENTS), server.config())
    assert info.value.kind == "recipient"
    assert "statistikenheten@forsakringskassan.se avvisades" in str(info.value)
    assert "550" in str(info.value)


def test_no_server_listening() -> None:
    config = SmtpConfig(host=LOOPBACK, port=free_port(), security="starttls", timeout=5)
    with pytest.raises(SendError) as info:
        send_message(sample_message(ATTACHMENTS), config)
    assert info.value.kind == "unreachable"
    assert "tar inte emot anslutningar" in str(info.value)


def test_silent_server_times_out() -> None:
    with socket.socket() as listener:
        listener.bind((LOOPBACK, 0))
        listener.listen(1)  # accepts the TCP connection but never greets
        config = SmtpConfig(host=LOOPBACK, port=listener.getsockname()[1], timeout=0.3)
        with pytest.raises(SendError) as info:
            send_message(sample_message(ATTACHMENTS), config)
    assert info.value.kind == "timeout"
    assert "svarade inte" in str(info.value)


def test_cancel_while_waiting_for_the_server() -> None:
    token = CancelToken()
    errors: list[BaseException] = []
    with socket.socket() as listener:
        listener.bind((LOOPBACK, 0))
        listener.listen(1)
        config = SmtpConfig(host=LOOPBACK, port=listener.getsockname()[1], timeout=30)

        def work() -> None:
            try:
                send_message(sample_message(ATTACHMENTS), config, cancel=token)
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=work)
        thread.start()
        listener.settimeout(10)
        conn, _ = listener.accept()  # the client is now blocked waiting for a greeting
        token.cancel()
        thread.join(10)
        conn.close()
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], SendCancelled)
    assert "Inget meddelande skickades" in str(errors[0])


def test_missing_password() -> None:
    config = SmtpConfig(host=LOOPBACK, port=free_port(), username=USER)
    with pytest.raises(SendError) as info:
        send_message(sample_message({}), config, None)
    assert info.value.kind == "auth"


def test_starttls_with_a_certificate_made_by_openssl(tmp_path: Path) -> None:
    import shutil

    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    openssl_cert = _make_cert_openssl(tmp_path)
    server = SmtpServer(mode="starttls", cert=openssl_cert).start()
    try:
        send_message(sample_message(ATTACHMENTS), server.config(), ssl_context=openssl_cert.client_context())
    finally:
        server.stop()
    assert_arrived_intact(server)
