"""Frozen app entry point: the same as the `bestallning` command."""

from ui.main import main

raise SystemExit(main())
