"""Django's SQLite backend, except that a flush (the test suite's, or `manage.py flush`) may empty
the append-only audit table, as PostgreSQL's TRUNCATE may. Nothing else may delete audit events."""

from typing import Any

from django.db.backends.sqlite3 import base, operations

from core.db import audit_triggers


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(
        self, style: Any, tables: Any, *, reset_sequences: bool = False, allow_cascade: bool = False
    ) -> list[str]:
        sql = super().sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        if audit_triggers.TABLE not in tables:
            return sql
        return [
            *audit_triggers.statements("sqlite", "delete_off"),
            *sql,
            *audit_triggers.statements("sqlite", "delete_on"),
        ]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
