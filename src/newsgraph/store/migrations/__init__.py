"""Versioned SQL migrations, one folder per back-end: ``NNNN_name.sql``, applied in order on open."""
