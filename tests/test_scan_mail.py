"""E-mail as mail programs write it: Thunderbird's format=flowed, mislabelled Latin-1, Outlook's headers,
a forwarded message sent base64. Every number a reader of the message would see is found."""

from __future__ import annotations

import base64
import quopri

import pytest

from beställning.send.scan import ScanReport, scan_bytes
from tests.pnr_numbers import dashed, make_numbers, masked

P1, P2 = make_numbers(2, seed=51)
HEAD = "From: Anna <anna@example.se>\r\nTo: statistikenheten@forsakringskassan.se\r\nSubject: Underlag\r\n"


def masks(report: ScanReport) -> list[str]:
    assert not report.unreadable, report.unreadable
    return sorted({f.masked for f in report.findings})


@pytest.mark.parametrize(
    ("params", "body"),
    [
        ("format=flowed", f"Personen har nummer {P1[:6]} \r\n{P1[6:]} i registret.\r\n"),
        ("format=flowed", f"Personen har nummer {P1[:6]} - \r\n{P1[6:]} i registret.\r\n"),
        ("format=flowed; delsp=yes", f"Personen har nummer {P1[:4]} \r\n{P1[4:]} i registret.\r\n"),
    ],
    ids=["soft break after the date", "soft break after the dash", "delsp inside the number"],
)
def test_format_flowed_soft_breaks_join(params: str, body: str) -> None:
    mail = HEAD + f"Content-Type: text/plain; charset=utf-8; {params}\r\n\r\n" + body
    assert masks(scan_bytes("svar.eml", mail.encode())) == [masked(P1)]


def test_latin1_label_with_a_windows_dash() -> None:
    body = f"Nummer {P1[:6]}=96{P1[6:]}\r\n"  # 0x96 is an en dash in windows-1252, a control character in Latin-1
    mail = HEAD + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
    assert masks(scan_bytes("gammal.eml", (mail + body).encode())) == [masked(P1)]


def test_outlook_and_program_headers() -> None:
    mail = (
        HEAD + f"Thread-Topic: Person {dashed(P1)}\r\nX-Ärende: {dashed(P2)}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nHej\r\n"
    )
    assert masks(scan_bytes("outlook.eml", mail.encode())) == sorted([masked(P1), masked(P2)])


@pytest.mark.parametrize("encoding", ["base64", "quoted-printable"])
def test_forwarded_message_sent_with_a_transfer_encoding(encoding: str) -> None:
    inner = (HEAD + f"Content-Type: text/plain; charset=utf-8\r\n\r\nNyckel {dashed(P1)}\r\n").encode()
    encoded = base64.encodebytes(inner) if encoding == "base64" else quopri.encodestring(inner)
    outer = (
        (
            HEAD
            + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSe nedan\r\n'
            f"--b\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n"
        ).encode()
        + encoded
        + b"\r\n--b--\r\n"
    )
    assert masks(scan_bytes("vidare.eml", outer)) == [masked(P1)]


def test_transport_headers_full_of_digits_raise_nothing() -> None:
    mail = (
        "Received: from mx (10.0.0.1) by mail with SMTP id 202401151230.8112189876; Mon, 15 Jan 2024 12:30:00 +0100\r\n"
        "Message-ID: <20240115123000.8112189876@example.se>\r\n"
        "DKIM-Signature: v=1; a=rsa-sha256; b=aB8112189876cD/ef0123456789==\r\n"
        + HEAD
        + "Content-Type: text/plain; charset=utf-8\r\n\r\nHej\r\n"
    )
    assert masks(scan_bytes("ren.eml", mail.encode())) == []
