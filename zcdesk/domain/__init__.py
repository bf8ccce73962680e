"""Rules and value types in pure Python: no Qt, no SQL."""
