"""Shared by the register page tests: an in-memory draft store and a start page with twenty demo orders."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from beställning.order import Order
from beställning.register import Register
from beställning.register.demo import seed_demo
from ui.register import RegisterPage

TODAY = date(2026, 11, 22)


class MemoryDrafts:
    """Stands in for DraftStore: save, list, delete."""

    def __init__(self) -> None:
        self.orders: dict[str, Order] = {}

    def save(self, order: Order) -> None:
        self.orders[order.id] = order

    def list(self) -> list[Order]:
        return list(self.orders.values())

    def read_all(self) -> tuple[list[Order], list[tuple[object, str]]]:
        return self.list(), []

    def delete(self, order_id: str) -> None:
        self.orders.pop(order_id, None)


@pytest.fixture
def page(qtbot: QtBot) -> RegisterPage:
    register = Register()
    seed_demo(register, TODAY)
    widget = RegisterPage(register=register, drafts=MemoryDrafts(), today=lambda: TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    return widget
