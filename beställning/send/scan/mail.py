"""E-mail (.eml, .mht): headers and every MIME part decoded (base64, quoted-printable), attachments as files."""

from __future__ import annotations

from email import policy
from email.message import Message
from email.parser import BytesParser
from typing import TYPE_CHECKING

from beställning.send.scan.plain import scan_decoded_text
from beställning.send.scan.text import TextStream

if TYPE_CHECKING:
    from beställning.send.scan.engine import Part, Scanner

_HEADERS = ("subject", "from", "to", "cc", "bcc", "reply-to", "comments", "keywords", "content-description")


def scan_mail(scanner: Scanner, part: Part, depth: int) -> None:
    message = BytesParser(policy=policy.compat32).parse(part.stream)
    attachments = 0
    for number, piece in enumerate(message.walk(), start=1):
        _scan_headers(scanner, part.source, piece, number)
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
            scan_decoded_text(scanner, label, payload, content_type == "text/html", piece.get_content_charset())


def _scan_headers(scanner: Scanner, source: str, piece: Message, number: int) -> None:
    from email.header import decode_header, make_header

    lines = []
    for key in _HEADERS:
        for value in piece.get_all(key, []):
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
