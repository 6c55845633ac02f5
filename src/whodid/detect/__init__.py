"""Detect: event mentions (trigger, roles, factuality, numbers) read off parsed sentences."""

from whodid.detect.mentions import detect_mentions

__all__ = ["detect_mentions"]
