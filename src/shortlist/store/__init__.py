"""Persistence: SQLAlchemy models, Alembic migrations, content-addressed file storage.

SQLite (WAL) in the data directory is the embedded default; any SQLAlchemy URL works,
PostgreSQL included, through the same code.
"""
