"""E-mail (.eml, .mht): headers and every MIME part decoded (base64, quoted-printable), attachments as files."""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from email import policy
from email.message import Message
from email.parser import BytesParser
from typing import TYPE_CHECKING

from beställning.send.scan.plain import scan_decoded_text
from beställning.send.scan.text import TextStream

if TYPE_CHECKING:
    from beställning.send.scan.engine import Part, Scanner

# Headers that are only transport: routing, signatures, ids. Every other header is read (Outlook's
# Thread-Topic, X-headers a program added).
_TRANSPORT = re.compile(
    r"received|dkim-signature|domainkey-signature|arc-.*|authentication-results|received-spf|message-id|"
    r"references|in-reply-to|content-transfer-encoding|content-type|mime-version|x-ms-exchange-.*|"
    r"x-microsoft-antispam.*|x-forefront-.*|x-google-dkim-signature|x-gm-message-state|x-received",
    re.IGNORECASE,
)
# Labels that mean windows-1252 in practice (what browsers and mail programs decode them as).
_CP1252 = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso_8859-1"}
_FLOWED_BREAK = re.compile(rb" \r?\n")


def scan_mail(scanner: Scanner, part: Part, depth: int) -> None:
    message = BytesParser(policy=policy.compat32).parse(part.stream)
    attachments = 0
    skip: set[int] = set()
    for number, piece in enumerate(message.walk(), start=1):
        if id(piece) in skip:
            continue
        _scan_headers(scanner, part.source, piece, number)
        encoded = _encoded_message(piece)
        if encoded is not None:  # a forwarded message sent base64 or quoted-printable: read it whole
            skip.update(id(inner) for inner in piece.walk() if inner is not piece)
            name = f"vidarebefordrat-{number}.eml"
            scanner.scan_nested_bytes(name, f"{part.source} → {name}", encoded, depth)
            continue
        if piece.is_multipart():
            continue
        payload = piece.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload:
            continue
        filename = piece.get_filename()
        content_type = piece.get_content_type()
        if filename or not content_type.startswith("text/"):
            attachments += 1
            name = filename or f"del-{number}"
            source = f"{part.source} → {name}"
            scanner.file_name(name, source)
            scanner.scan_nested_bytes(name, source, payload, depth)
        else:
            label = f"{part.source} → {'HTML-text' if content_type == 'text/html' else 'meddelandet'} (del {number})"
            scanner.spend(len(payload))
            if str(piece.get_param("format", "")).lower() == "flowed":
                payload = _unflow(payload, str(piece.get_param("delsp", "")).lower() == "yes")
            charset = piece.get_content_charset()
            charset = "cp1252" if charset in _CP1252 else charset
            scan_decoded_text(scanner, label, payload, content_type == "text/html", charset)


def _unflow(payload: bytes, delete_space: bool) -> bytes:
    """format=flowed text (RFC 3676, Thunderbird's default) as a reader sees it: soft breaks joined."""
    return _FLOWED_BREAK.sub(b"" if delete_space else b" ", payload)


def _encoded_message(piece: Message) -> bytes | None:
    """The bytes of a message/rfc822 part sent with a transfer encoding (which RFC 2046 forbids, but
    some programs do): the parser reads such a body as a message of garbage headers."""
    encoding = str(piece.get("content-transfer-encoding", "")).strip().lower()
    if piece.get_content_type() != "message/rfc822" or encoding not in ("base64", "quoted-printable"):
        return None
    inner = piece.get_payload()
    first = inner[0] if isinstance(inner, list) and inner else inner
    raw = first.as_string() if isinstance(first, Message) else str(first)
    data = raw.encode("ascii", errors="replace")
    if encoding == "quoted-printable":
        return quopri.decodestring(data)
    try:
        return base64.b64decode(b"".join(data.split()), validate=False)
    except (binascii.Error, ValueError):
        return data


def _scan_headers(scanner: Scanner, source: str, piece: Message, number: int) -> None:
    from email.header import decode_header, make_header

    lines = []
    for key, value in piece.items():
        if _TRANSPORT.fullmatch(key):
            continue
        try:
            lines.append(str(make_header(decode_header(str(value)))))
        except (UnicodeDecodeError, LookupError, ValueError):
            lines.append(str(value))
    if lines:
        stream = TextStream(
            source, scanner.sink, scanner.file_sha256, place="rubriker" if number == 1 else f"rubriker (del {number})"
        )
        stream.feed(" \n".join(lines).replace("\n", " "))
        stream.close()
