"""Errors of the catalog package, with Swedish messages meant for the user."""

from __future__ import annotations


class ListImportError(Exception):
    """An official list cannot be imported; the message says what is wrong and what to do (Swedish)."""
