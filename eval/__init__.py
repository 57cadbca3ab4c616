"""Accuracy evaluations run by `make eval` (each module has a ``main() -> dict`` that prints its table)."""
