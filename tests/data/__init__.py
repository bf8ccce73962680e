"""Fixture files and the helpers that make them (tests/test_importing*.py)."""
