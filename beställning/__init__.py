"""Beställningsassistenten's domain: everything the app knows and computes, without Qt.

The order (beställning) of individual-level data (individdata) from Försäkringskassan (FK),
its form, validation, documents and the command line live here; `ui/` only shows them.
"""

__version__ = "0.1.0"
