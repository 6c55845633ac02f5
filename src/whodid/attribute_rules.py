"""The model's attribute ruler, run as table lookups: the same rules, the same result, in less time.

The English model's attribute ruler holds about 180 rules of one or two tokens (a tag gives a part of
speech and morphology; a few words and contractions get their own). spaCy's Matcher tries every rule at
every token, which cost 12-14% of the parse of the sentences whodid keeps. Here each rule is filed under
a value its first token must have (a word, a tag, a dependency), so a token meets only the rules that can
match it. As in the ruler, every rule is matched against the document as the parser left it, and the
matches are applied in the rules' order, a later rule overwriting an earlier one.

A ruler holding a rule of a form not handled here (an operator, a fuzzy match, another attribute) is
left to run as it is: `indexed_rules` returns None for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import IDS
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from whodid.stand_in import register_stand_in

STOCK_RULER = "attribute_ruler"
INDEXED_RULER = "whodid_attribute_rules"

# The token attributes a rule may test, in the column order of `Doc.to_array`, most selective first: a
# rule is filed under its first token's test on the first of these it has.
COLUMNS = ("LOWER", "ORTH", "TAG", "DEP", "POS", "IS_SPACE")
_COLUMN = {name: i for i, name in enumerate(COLUMNS)}
_BOOLEAN = {"IS_SPACE"}
_ALIASES = {"TEXT": "ORTH"}


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int  # position in the ruler: later rules win
    width: int  # tokens matched
    # What is left to check once the pattern is looked up: (token offset, column, test). The test it is
    # filed under is left out, being met by every token found under it.
    checks: tuple[tuple[int, int, Callable[[int], bool]], ...]
    target: int  # which token of the match gets the attributes (from its start)
    found_is_enough: bool  # one token, nothing to check but the test it is filed under (most of the tag map)


class UnindexableRule(ValueError):
    """A rule of a form this module does not handle."""


def _values(value: Any, boolean: bool) -> set[int] | None:
    """The column values an equality or IN test accepts, or None for other tests."""
    if boolean and isinstance(value, bool):
        return {int(value)}
    if not boolean and isinstance(value, str):
        return {get_string_id(value)}
    if not boolean and isinstance(value, dict) and set(value) == {"IN"}:
        return {get_string_id(v) for v in value["IN"]}
    return None


def _test(attribute: str, value: Any, strings) -> Callable[[int], bool]:
    """The Matcher's test of one attribute of a token, on the token's value in that column."""
    boolean = attribute in _BOOLEAN
    accepted = _values(value, boolean)
    if accepted is not None:
        return accepted.__contains__
    if not boolean and isinstance(value, dict) and len(value) == 1:
        ((predicate, argument),) = value.items()
        if predicate == "NOT_IN":
            refused = {get_string_id(v) for v in argument}
            return lambda v: v not in refused
        if predicate == "REGEX" and isinstance(argument, str):
            # As the Matcher does: searched in the attribute's text. Remembered per value, as a rule
            # without a value to file it by is tried at every token.
            pattern = re.compile(argument)
            return lru_cache(maxsize=2**16)(lambda v: pattern.search(strings[v]) is not None)
    raise UnindexableRule(f"{attribute}: {value!r}")


def _named(spec: dict[str, Any]) -> dict[str, Any]:
    """The pattern's attribute names as the Matcher reads them: any case, TEXT for ORTH."""
    named = {_ALIASES.get(name.upper(), name.upper()): value for name, value in spec.items()}
    unknown = set(named) - set(COLUMNS)
    if unknown or len(named) != len(spec):
        raise UnindexableRule(f"attributes {sorted(spec)}")
    return named


def _index_key(spec: dict[str, Any]) -> tuple[str, set[int]] | None:
    """The attribute and values a token must have to start a match of this pattern, if a test says so."""
    for attribute in COLUMNS:
        if attribute in spec:
            values = _values(spec[attribute], attribute in _BOOLEAN)
            if values is not None:
                return attribute, values
    return None


def _pattern(rule: int, tokens: list[dict[str, Any]], index: int, filed: str | None, strings) -> _Pattern:
    target = index if index >= 0 else len(tokens) + index
    if not 0 <= target < len(tokens):
        raise UnindexableRule(f"rule {rule}: index {index} outside its pattern")
    checks = tuple(
        (offset, _COLUMN[attribute], _test(attribute, value, strings))
        for offset, spec in enumerate(tokens)
        for attribute, value in spec.items()
        if not (offset == 0 and attribute == filed)
    )
    return _Pattern(rule, len(tokens), checks, target, found_is_enough=len(tokens) == 1 and not checks)


class IndexedAttributeRules:
    """The rules of one AttributeRuler, filed for lookup; call it on a parsed Doc as the ruler would be."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.attributes = ruler.attrs  # per rule: attribute id -> value, as the ruler normalised them
        by_value: dict[int, dict[int, list[_Pattern]]] = {}  # column -> value -> patterns
        self.everywhere: list[_Pattern] = []  # patterns whose first token has no test to file them by
        self.columns = [IDS[name] for name in COLUMNS]
        for rule, index in enumerate(ruler.indices):
            # The ruler adds rule n to its Matcher under the string of n.
            for written in ruler.matcher.get(str(rule))[1]:
                if not written or any("OP" in spec or "op" in spec for spec in written):
                    raise UnindexableRule(f"rule {rule}: operators are not handled")
                tokens = [_named(spec) for spec in written]
                filed = _index_key(tokens[0])
                pattern = _pattern(rule, tokens, index, filed[0] if filed else None, strings)
                if filed is None:
                    self.everywhere.append(pattern)
                    continue
                for value in filed[1]:
                    by_value.setdefault(_COLUMN[filed[0]], {}).setdefault(value, []).append(pattern)
        # Per column: the values some pattern is filed under (to find the tokens to look at in one
        # numpy call), and the patterns under each.
        self.filed = [
            (column, numpy.fromiter(patterns, dtype=numpy.uint64), patterns)
            for column, patterns in by_value.items()
        ]

    def __call__(self, doc: Doc) -> Doc:
        length = len(doc)
        if not length:
            return doc
        table = doc.to_array(self.columns).astype(numpy.uint64, copy=False).reshape(length, len(COLUMNS))
        columns = [table[:, c].tolist() for c in range(len(COLUMNS))]
        hits: list[tuple[int, int]] = []  # (rule, token), applied in this order
        for column, values, patterns_by_value in self.filed:
            found = columns[column]
            for i in numpy.flatnonzero(numpy.isin(table[:, column], values)).tolist():
                for pattern in patterns_by_value[found[i]]:
                    if pattern.found_is_enough or _fits(pattern, columns, i, length):
                        hits.append((pattern.rule, i + pattern.target))
        for pattern in self.everywhere:
            hits += [
                (pattern.rule, i + pattern.target)
                for i in range(length)
                if _fits(pattern, columns, i, length)
            ]
        hits.sort()
        attributes = self.attributes
        for rule, token in hits:
            set_token_attrs(doc[token], attributes[rule])
        return doc


def _fits(pattern: _Pattern, columns: Sequence[list[int]], start: int, length: int) -> bool:
    if start + pattern.width > length:
        return False
    return all(test(columns[column][start + offset]) for offset, column, test in pattern.checks)


def indexed_rules(ruler: AttributeRuler) -> IndexedAttributeRules | None:
    """The ruler's rules filed for lookup, or None when one of them is of a form not handled here."""
    try:
        return IndexedAttributeRules(ruler)
    except UnindexableRule:
        return None


# Run the model's attribute ruler as table lookups, where all its rules allow it.
index_attribute_ruler = register_stand_in(INDEXED_RULER, STOCK_RULER, indexed_rules)
