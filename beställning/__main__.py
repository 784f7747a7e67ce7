"""`python -m beställning` is the same as the `bestallning` command."""

from beställning.cli import main

raise SystemExit(main())
