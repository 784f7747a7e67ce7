"""PDF: the text layer of every page and every embedded file; pages without text get a note."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from beställning.send.scan.report import CannotRead, TooBig
from beställning.send.scan.text import TextStream

if TYPE_CHECKING:
    from beställning.send.scan.engine import Part, Scanner


def scan_pdf(scanner: Scanner, part: Part, depth: int) -> None:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(part.stream)
    if reader.is_encrypted and not reader.decrypt(""):
        raise CannotRead(
            "PDF-filen är lösenordsskyddad och kan inte granskas. Spara den utan lösenord, eller ta bort den."
        )
    empty: list[int] = []
    for number, page in enumerate(reader.pages, start=1):
        scanner.check_cancelled()
        text = page.extract_text() or ""
        if not text.strip():
            empty.append(number)
            continue
        stream = TextStream(part.source, scanner.sink, scanner.file_sha256, place=f"sida {number}")
        stream.feed(text)
        stream.close()
    if empty:
        pages = ", ".join(str(n) for n in empty[:10]) + (" …" if len(empty) > 10 else "")
        scanner.note(
            f"{part.source}: sida {pages} har ingen text som kan läsas (inskannad bild?). Kontrollera dem själv."
        )
    for name, contents in reader.attachments.items():
        for content in contents:
            if len(content) > scanner.member_limit():
                raise TooBig(f"bilagan {name} i PDF-filen är för stor att granska. Ta bort den ur PDF-filen.")
            scanner.file_name(name, f"{part.source} → {name}")
            scanner.scan_nested_bytes(name, f"{part.source} → {name}", content, depth)
