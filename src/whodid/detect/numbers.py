"""Numbers stated with an event: how many were killed, how many attacks."""

from __future__ import annotations

import re

from spacy.tokens import Token

from whodid.detect.lexicon import TriggerSpec
from whodid.detect.syntax import NAME_LABELS, token_span
from whodid.records import Quantity

# English number words: language facts, not a lexicon to grow.
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
    "hundreds": 200, "a": 1, "an": 1, "single": 1,
}  # fmt: skip
_QUALIFIERS = {
    "at least",
    "more than",
    "over",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "up to",
    "approximately",
}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


def parse_number(token: Token) -> int | None:
    """The value of a number token: "188", "1,200", "three", "dozens"; None if it is not one."""
    word = token.lower_
    if _DIGITS.match(word):
        return int(word.replace(",", ""))
    return _UNITS.get(word) if word not in {"a", "an"} else None


def count_of(trigger: Token) -> Quantity | None:
    """A number on the event noun itself: "188 military operations"."""
    if trigger.pos_ != "NOUN":
        return None
    return _nummod_quantity(trigger)


def fatalities_of(trigger: Token, spec: TriggerSpec) -> Quantity | None:
    """Victims of a lethal trigger: "the killing of three soldiers", "killed 12", "three were killed",
    and one for the killing of a named person."""
    if not spec.lethal:
        return None
    for victim in _victims(trigger):
        if (value := parse_number(victim)) is not None and victim.dep_ in {"dobj", "nsubjpass", "pobj"}:
            return Quantity(value, token_span(victim), victim.text, _qualifier(victim))
        if (quantity := _nummod_quantity(victim)) is not None:
            return quantity
        if victim.pos_ == "PROPN" and victim.ent_type_ in NAME_LABELS and not victim.tag_.endswith("S"):
            return Quantity(1, token_span(victim), victim.text)
        for appos in (c for c in victim.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"):
            return Quantity(1, token_span(appos), appos.text)
    return None


def _victims(trigger: Token) -> list[Token]:
    if trigger.pos_ == "VERB":
        return [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    return [obj for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children if obj.dep_ == "pobj"]  # fmt: skip


def _nummod_quantity(head: Token) -> Quantity | None:
    for child in head.children:
        if child.dep_ == "nummod" and (value := parse_number(child)) is not None:
            return Quantity(value, token_span(child), child.text, _qualifier(child))
    return None


def _qualifier(number: Token) -> str | None:
    for child in number.children:
        if child.dep_ in {"quantmod", "advmod"}:
            words = " ".join(t.lower_ for t in child.subtree)
            if words in _QUALIFIERS:
                return words
    return None
