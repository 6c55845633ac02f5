"""Texts hard-wrapped at a fixed width (wire copy, e-mail, plain-text archives) parsed as running text.

A line break inside a paragraph splits whatever it falls in: "THE FARABUNDO\\nMARTI NATIONAL LIBERATION
FRONT" is no longer one name to the parser or the knowledge base. In a hard-wrapped text such a break
becomes a space; blank lines, and the breaks of a text whose lines are its paragraphs or headlines,
stay. The result has the same length, character for character, so every span still points into the
article as written.
"""

from __future__ import annotations

import re
from itertools import pairwise

MIN_WRAPPED_LINES = 4  # fewer lines say nothing about a wrapping width
MAX_WIDTH = 100  # wider lines are paragraphs, not a wrapping
# A wrapped line that is not the last of its paragraph fills the width, give or take a word or two:
# most such lines must be at least this share of the longest.
FULL_LINE_SHARE = 0.7
FULL_LINES_NEEDED = 0.75
_INNER_BREAK = re.compile(r"(?<=\S)[ \t]*\r?\n(?=[ \t]*\S)")


def unwrapped(text: str) -> str:
    """The text with the line breaks inside its paragraphs made spaces, if it is hard-wrapped."""
    if not is_hard_wrapped(text):
        return text
    return _INNER_BREAK.sub(lambda match: " " * len(match.group()), text)


def is_hard_wrapped(text: str) -> bool:
    """Whether the lines that run on into another line nearly all fill one width of at most MAX_WIDTH
    characters: a headline list or a text of one paragraph per line does not."""
    lines = text.splitlines()
    running_on = [
        len(line.rstrip()) for line, following in pairwise(lines) if line.strip() and following.strip()
    ]
    if len(running_on) < MIN_WRAPPED_LINES:
        return False
    width = max(running_on)
    if width > MAX_WIDTH:
        return False
    full = sum(length >= FULL_LINE_SHARE * width for length in running_on)
    return full >= FULL_LINES_NEEDED * len(running_on)
