"""The register's SQLite schema and its migrations, counted in `PRAGMA user_version`.

Version 1 is the first schema. A later change appends a function to MIGRATIONS (using only
conn.execute); opening an older database runs the missing steps in one transaction each, so a file
is never left half-migrated.
A database from a newer app version is refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

_V1 = """
CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    route TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    orderer TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    added TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0,
    deleted_at TEXT
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded TEXT NOT NULL
);
CREATE INDEX events_order ON events(order_id);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    added TEXT NOT NULL,
    UNIQUE (order_id, file_name)
);
CREATE TABLE quotes (
    order_id TEXT PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
    quoted_hours REAL NOT NULL,
    estimated_hours REAL,
    factor REAL NOT NULL DEFAULT 1.0,
    quote_date TEXT NOT NULL,
    recorded TEXT NOT NULL
);
CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_order ON history(order_id);
"""


def _run(conn: sqlite3.Connection, script: str) -> None:
    """Run each statement with execute(): executescript() would commit mid-migration."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _to_v1(conn: sqlite3.Connection) -> None:
    _run(conn, _V1)


# MIGRATIONS[i] brings a database from version i to version i + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_to_v1]
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(Exception):
    """The database cannot be used by this version of the app; the message says why, in Swedish."""


def user_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to SCHEMA_VERSION; returns the version it had before."""
    start = user_version(conn)
    if start > SCHEMA_VERSION:
        raise SchemaError(
            f"Registret har format {start}, men programmet läser högst format {SCHEMA_VERSION}. "
            "Uppdatera Beställningsassistenten."
        )
    for version in range(start, SCHEMA_VERSION):
        conn.execute("BEGIN")
        try:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start
