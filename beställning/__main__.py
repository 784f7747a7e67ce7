"""`python -m beställning` is the same as the `bestallning` command: without arguments it starts the app.

The app's entry point lives in `ui.main`; it is imported by name at run time so the domain package keeps
no import of the UI (the import contract), and a command never loads Qt.
"""

import importlib

raise SystemExit(importlib.import_module("ui.main").main())
