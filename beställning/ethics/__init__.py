"""The ethics application (etikansökan) and decision read against the order, before FK asks.

`check_ethics(order, base_dir)` is the one entry point: the CLI (`bestallning ethics`), `check --json`
and the summary and send pages all show what it returns.
"""

from beställning.ethics.checks import check_ethics
from beställning.ethics.report import EthicsEntry, EthicsReport

__all__ = ["EthicsEntry", "EthicsReport", "check_ethics"]
