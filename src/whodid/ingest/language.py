"""Is this English? A cheap check, so that text the English model cannot read is skipped, not coded."""

from __future__ import annotations

import re
from functools import lru_cache

from whodid.data_files import package_data_path

# English news prose runs at 25-45% function words (a one-line lead full of names can fall to 10%);
# other languages in Latin script stay under 5%.
MIN_FUNCTION_WORD_SHARE = 0.08
MIN_WORDS = 20  # fewer words than this decide nothing by function words: a lead may be all names
SAMPLE_CHARS = 4000
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ENGLISH_TAGS = frozenset({"en", "eng", "english"})


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The commonest English function words, in lower case."""
    lines = package_data_path("lexicon/english_function_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def english_share(text: str) -> tuple[float, int]:
    """Share of English function words among the words of the text's start, and how many words."""
    words = [word.lower() for word in _WORD.findall(text[:SAMPLE_CHARS])]
    if not words:
        return 0.0, 0
    common = function_words()
    return sum(word in common for word in words) / len(words), len(words)


def not_english_reason(text: str, declared: str | None = None) -> str | None:
    """Why the text is not English, or None when it is (or is too short to tell)."""
    if declared and declared.lower().split("-")[0] not in ENGLISH_TAGS:
        return f"language is {declared!r}; whodid reads English only"
    sample = text[:SAMPLE_CHARS]
    letters = [char for char in sample if char.isalpha()]
    if letters and sum(char.isascii() for char in letters) < len(letters) / 2:
        return "not in Latin script; whodid reads English only"
    share, words = english_share(sample)
    if words >= MIN_WORDS and share < MIN_FUNCTION_WORD_SHARE:
        return f"does not look like English ({share:.0%} English function words); whodid reads English only"
    return None
