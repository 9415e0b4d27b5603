"""SQL for the triggers that make the audit table append-only (UPDATE and DELETE refused).

PostgreSQL: row triggers refuse UPDATE and DELETE; TRUNCATE (used by the test flush) has no trigger
and stays allowed. `audit_prune` disables the delete trigger inside its own transaction, which only
the table's owner may do: run the application as a role that does not own the table (README).
SQLite has no roles and no TRUNCATE: the same triggers refuse UPDATE and DELETE; the flush of the
test suite and `audit_prune` drop and re-create the delete trigger inside their transaction.
"""

TABLE = "core_auditevent"
MESSAGE = "audit events are append-only"

SQLITE_CREATE = [
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {TABLE}_no_update", f"DROP TRIGGER IF EXISTS {TABLE}_no_delete"]
SQLITE_DELETE_TRIGGER_OFF = [f"DROP TRIGGER IF EXISTS {TABLE}_no_delete"]
SQLITE_DELETE_TRIGGER_ON = [SQLITE_CREATE[1]]

POSTGRES_CREATE = [
    f"""CREATE OR REPLACE FUNCTION {TABLE}_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$""",
    f"CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE} FOR EACH ROW EXECUTE FUNCTION {TABLE}_refuse()",
    f"CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE} FOR EACH ROW EXECUTE FUNCTION {TABLE}_refuse()",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_no_update ON {TABLE}",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_delete ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_refuse()",
]
POSTGRES_DELETE_TRIGGER_OFF = [f"ALTER TABLE {TABLE} DISABLE TRIGGER {TABLE}_no_delete"]
POSTGRES_DELETE_TRIGGER_ON = [f"ALTER TABLE {TABLE} ENABLE TRIGGER {TABLE}_no_delete"]


def statements(vendor: str, kind: str) -> list[str]:
    """`kind` is create, drop, delete_off or delete_on."""
    table = {
        ("sqlite", "create"): SQLITE_CREATE,
        ("sqlite", "drop"): SQLITE_DROP,
        ("sqlite", "delete_off"): SQLITE_DELETE_TRIGGER_OFF,
        ("sqlite", "delete_on"): SQLITE_DELETE_TRIGGER_ON,
        ("postgresql", "create"): POSTGRES_CREATE,
        ("postgresql", "drop"): POSTGRES_DROP,
        ("postgresql", "delete_off"): POSTGRES_DELETE_TRIGGER_OFF,
        ("postgresql", "delete_on"): POSTGRES_DELETE_TRIGGER_ON,
    }
    return list(table.get((vendor, kind), []))
