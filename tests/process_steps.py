"""Recording a step with the steps FK's process puts before it (the register refuses them out of order)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from beställning.process import sent_date, steps_leading_to
from beställning.register import Event, Register


def record_up_to(
    register: Register, order_id: str, step: str, day: date, note: str = "", documents: Sequence[Path] = ()
) -> Event:
    """Record `step` on `day`, first recording on the same day each earlier step not yet recorded."""
    events = register.events(order_id)
    recorded = {event.step for event in events}
    if sent_date(register.load_order(order_id), events) is not None:
        recorded.add("sent")  # sent from the app: the send record counts
    for earlier in steps_leading_to(step):
        if earlier not in recorded:
            register.record_event(order_id, earlier, day)
    return register.record_event(order_id, step, day, note, documents)
