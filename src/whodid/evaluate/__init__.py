"""Evaluate: score whodid's events against gold data."""
