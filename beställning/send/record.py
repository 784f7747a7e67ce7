"""The record (kvitto) of what was sent: Message-ID, date, recipients, attachments with SHA-256.

Kept in the order file, so the app can ask before the same order goes out twice and the user can show
later exactly which files FK received.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime

from beställning.order import Order, SentRecord
from beställning.send.package import Package

METHOD_TEXT = {
    "smtp": "skickades med e-post från programmet",
    "eml": "sparades som e-postutkast för ditt e-postprogram",
    "mailer": "lämnades till ditt e-postprogram",
    "folder": "sparades som paket i en mapp",
}


def _iso_date(msg: EmailMessage) -> str:
    raw = msg.get("Date")
    if raw:
        try:
            return parsedate_to_datetime(str(raw)).isoformat(timespec="seconds")
        except (TypeError, ValueError):
            pass
    return datetime.now().astimezone().isoformat(timespec="seconds")


def make_record(msg: EmailMessage, package: Package, method: str) -> SentRecord:
    """A record of `msg` carrying `package`, sent (or handed over) by `method`."""
    fields = [str(v) for key in ("To", "Cc") for v in msg.get_all(key, [])]
    return SentRecord(
        message_id=str(msg.get("Message-ID", "")),
        date=_iso_date(msg),
        recipients=[addr for _, addr in getaddresses(fields) if addr],
        attachments=[{"name": f.name, "sha256": f.sha256, "size": str(f.size)} for f in package.files],
        method=method,
    )


def record_send(order: Order, record: SentRecord) -> None:
    """Keep the record with the order (the caller saves the order file)."""
    order.sent.append(record)
    order.touch()


def resend_question(order: Order) -> str | None:
    """The question to ask before this order goes out again, or None when it never went out."""
    if not order.sent:
        return None
    last = order.sent[-1]
    when = last.date.replace("T", " ")[:16]
    how = METHOD_TEXT.get(last.method, "skickades")
    times = f" (totalt {len(order.sent)} gånger)" if len(order.sent) > 1 else ""
    to = ", ".join(last.recipients) or "Försäkringskassan"
    return (
        f"Beställningen {how} {when} till {to}, med {len(last.attachments)} bilagor{times}. "
        "Vill du skicka den igen? Försäkringskassan får då ett nytt meddelande."
    )
