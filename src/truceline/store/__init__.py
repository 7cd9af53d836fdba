"""Persistence. SQLite by default (one writer, WAL, synchronous=FULL, numbered migrations)."""

from truceline.store.sqlite import Migration, StoreError, connect, migrate, write_transaction

__all__ = ["Migration", "StoreError", "connect", "migrate", "write_transaction"]
