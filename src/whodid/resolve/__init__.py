"""Resolve stage: actors, places and dates found in text become canonical records."""
