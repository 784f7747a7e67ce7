#!/usr/bin/env bash
# One entry point for people and CI:
#   ./dev.sh run    set up (once) and launch the app
#   ./dev.sh test   set up (once) and run the whole test suite (ruff, mypy, import contract, pytest)
set -euo pipefail
cd "$(dirname "$0")"
VENV=${VENV:-.venv}

setup() {
    if [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv "$VENV"
    fi
    # Reinstall only when pyproject.toml changed since the last setup.
    stamp="$VENV/.setup-stamp"
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        "$VENV/bin/python" -m pip install --quiet -e ".[test]"
        touch "$stamp"
    fi
}

case "${1:-}" in
    run)
        setup
        shift
        exec "$VENV/bin/bestallning" "$@"
        ;;
    test)
        setup
        shift
        export QT_QPA_PLATFORM=offscreen
        echo "== ruff"; "$VENV/bin/ruff" check .
        echo "== mypy"; "$VENV/bin/mypy"
        echo "== import contract"; "$VENV/bin/lint-imports"
        echo "== pytest"; "$VENV/bin/pytest" -q "$@"
        ;;
    *)
        echo "usage: ./dev.sh run | ./dev.sh test [pytest args]" >&2
        exit 2
        ;;
esac
