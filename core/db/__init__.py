"""Database helpers: the audit table's append-only triggers and the SQLite backend that respects them."""
