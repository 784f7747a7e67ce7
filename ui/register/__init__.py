"""The order register's start page, split by idea: table model, sort proxy, timeline, event panel, page."""

from ui.register.page import RegisterPage

__all__ = ["RegisterPage"]
