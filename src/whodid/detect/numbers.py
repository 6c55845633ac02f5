"""Numbers stated with an event: how many were killed, injured, arrested or took part, how many attacks.

A number belongs to the event whose words state it: the victims of "killed", the subject of "rallied",
and the outcome clauses the event governs ("attacked the base, killing four and injuring nine"); never a
number that only shares the sentence ("... and police later arrested nine suspects").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.detect.lexicon import TriggerSpec
from whodid.detect.syntax import NAME_LABELS, RELATIVE_PRONOUNS, token_span, tokens_span
from whodid.errors import DataFileError
from whodid.records import Quantity

# English number words: language facts, not a lexicon to grow.
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Plurals that state no number ("dozens", "thousands"): read as two of them, the least the plural
# allows, or as scaling the number before "of" ("tens of thousands").
_VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
_WORD_VALUES = {**_UNITS, **_TENS, **_SCALES, **_VAGUE}
_NOBODY = frozenset({"nobody", "none"})
_QUALIFIER_PHRASES = (
    "at least, more than, over, about, around, nearly, almost, some, up to, approximately, as many as, "
    "roughly, fewer than, less than, at most, close to, an estimated, upwards of"
)
# Longest first, so "as many as" is read whole.
_QUALIFIERS = sorted(
    (tuple(phrase.split()) for phrase in _QUALIFIER_PHRASES.split(", ")), key=len, reverse=True
)
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
# No count runs longer; and Python refuses to convert digit strings of over 4300 digits.
_MAX_DIGIT_CHARS = 30
_YEAR = re.compile(r"^(1[0-9]|20)\d\d$")
_RANGE_WORDS = frozenset({"to", "or", "-", "–"})
_HYPHENS = frozenset({"-", "–"})
_RANGE_LINKS = frozenset({"between", "and", "to", "or", "-", "–"})
# A number inside one of these entities is a date, a time or a measure, never a count of people.
_NON_COUNT_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
# The words that state outcomes and the nouns that count people are data: see load_outcome_words.
_FATALITIES, _INJURED = "fatalities", "injured"
# Types whose events hurt people: others ("condemned the attack") never carry casualties.
_CASUALTY_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# Types whose event shares the outcome of a clause coordinated with it ("attacked the town and 5 people
# died"); an arrest does not ("arrested 30 and 5 people were killed" reports two happenings).
_COORDINATED_OUTCOME_TYPES = frozenset({"ASSAULT", "PROTEST"})
# A trigger's dependents that report its outcome: "attacked the base, killing four", "a blast that
# killed four", "an explosion, 5 dead".
_OUTCOME_DEPS = frozenset(
    {"advcl", "xcomp", "acl", "relcl", "npadvmod", "parataxis", "appos", "amod", "oprd"}
)
# Where a state word hangs off "left": "left 5 dead", "left 20 injured", "left 5 dead and 20 injured".
_STATE_DEPS = frozenset({"oprd", "advcl", "xcomp", "acomp", "ccomp", "conj"})
# Prepositions that put an event around an outcome: "killed in the attack", "hurt by the blast".
_CIRCUMSTANCE_PREPS = frozenset({"in", "during", "by", "from", "amid"})
_WHEN_WORDS = frozenset({"when", "as"})


# -- the outcome words --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutcomeWords:
    """The word lists of lexicon/outcomes.yaml, each a field of the same name, in lower case."""

    death_words: frozenset[str]
    injury_words: frozenset[str]
    arrest_words: frozenset[str]
    toll_words: frozenset[str]
    toll_modifiers: frozenset[str]
    death_nouns: frozenset[str]
    cause_words: frozenset[str]
    patient_verbs: frozenset[str]
    state_verbs: frozenset[str]
    people_nouns: frozenset[str]
    crowd_words: frozenset[str]
    participation_verbs: frozenset[str]


@lru_cache(maxsize=1)
def load_outcome_words(path: Path | None = None) -> OutcomeWords:
    """The outcome words (lexicon/outcomes.yaml, or the file given); DataFileError names a bad list."""
    source = path or package_data_path("lexicon/outcomes.yaml")
    raw = load_yaml_mapping(source)

    def words(key: str) -> frozenset[str]:
        value = raw.get(key)
        if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
            raise DataFileError(str(source), f"{key!r} must be a list of words")
        return frozenset(word.lower() for word in value)

    return OutcomeWords(**{field.name: words(field.name) for field in fields(OutcomeWords)})


# -- reading a number phrase --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Amount:
    value: int
    upper: int | None
    approximate: bool


def parse_number(token: Token) -> int | None:
    """The value of one number token: "188", "1,200", "three", "twenty-five", "dozens"; None otherwise."""
    return number_from_words([token.lower_])


def number_from_words(words: list[str]) -> int | None:
    """The count a run of words states, one or more: ["three", "hundred", "and", "forty-two"] -> 342,
    ["1,234"] -> 1234, ["1.5", "million"], ["a", "dozen"], ["dozens"] -> 24 (two of them, the least the
    plural allows); a range ("10 to 15") by its lower bound. None when the words state no such count,
    zero included: a stated "no one" is read apart, by the word, not as a number."""
    amount = _amount([part for word in words for part in _words(word.lower())])
    return amount.value if amount else None


def _is_number(token: Token) -> bool:
    word = token.lower_
    return (
        word in _WORD_VALUES
        or bool(_DIGITS.match(word))
        or (
            any(h in word for h in _HYPHENS)
            and any(ch.isalnum() for ch in word)
            and parse_number(token) is not None
        )
    )


def _words(text: str) -> list[str]:
    """A token's words, hyphenated ones split: "twenty-five" -> twenty - five, "10-15" -> 10 - 15."""
    return [word for word in re.split(r"([-–])", text) if word]


def _amount(words: list[str], between: bool = False) -> _Amount | None:
    """The amount a run of number words states; a range ("10 to 15", "between 10 and 15") by its bounds."""
    parts: list[list[str]] = [[]]
    for index, word in enumerate(words):
        if _separates_range(words, index, between):
            parts.append([])
        elif word not in _HYPHENS:
            parts[-1].append(word)
    values = [value for part in parts if (value := _part_value(part)) is not None]
    if len(values) != len(parts) or len(values) > 2:
        return None
    low, high = values[0], values[-1]
    approximate = any(word in _VAGUE for word in words)
    return _Amount(low, high if high > low else None, approximate)


def _separates_range(words: list[str], index: int, between: bool) -> bool:
    word = words[index]
    if word == "and":
        return between
    if word in _HYPHENS:
        # "twenty-five" is one number; "10-15" and "ten-fifteen" are a range.
        previous, following = words[index - 1 : index], words[index + 1 : index + 2]
        return not (previous and following and previous[0] in _TENS and _UNITS.get(following[0], 99) < 10)
    return word in _RANGE_WORDS


def _part_value(words: list[str]) -> int | None:
    if not words or words[-1] in {"a", "an"}:
        return None  # "a" counts only before a scale: "a dozen", "a hundred"
    # Fractions, not floats: 4.1 * 1,000,000 must be 4,100,000 exactly, not 4,099,999.999...
    total: Fraction | int = 0
    current: Fraction | int | None = None
    for word in words:
        if word in {"a", "an"}:
            current = 1
        elif _DIGITS.match(word):
            if len(word) > _MAX_DIGIT_CHARS:
                return None
            current = (current or 0) + Fraction(word.replace(",", ""))
        elif word in _UNITS or word in _TENS:
            current = (current or 0) + (_UNITS.get(word) or _TENS[word])
        elif word in {"hundred", "dozen"}:
            current = (1 if current is None else current) * _SCALES[word]  # "0 hundred" is no hundred
        elif word in _SCALES:
            total, current = total + (1 if current is None else current) * _SCALES[word], None
        elif word in _VAGUE:
            current = current * _VAGUE[word] if current is not None else 2 * _VAGUE[word]
        elif word not in {"and", "of"}:
            return None
    value = total + (current or 0)
    return int(value) if value >= 1 and value.denominator == 1 else None


def _number_quantity(anchor: Token) -> Quantity | None:
    """The number phrase around a number token, with the qualifier before it: "at least 12",
    "between 10 and 15", "tens of thousands", "one hundred and twenty", "1.5 million"."""
    first, last = _run_edges(anchor)
    doc = anchor.doc
    between = first.i > 0 and doc[first.i - 1].lower_ == "between"
    words = [word for token in doc[first.i : last.i + 1] for word in _words(token.lower_)]
    amount = _amount(words, between)
    if amount is None:
        return None
    text = doc[first.i : last.i + 1].text
    qualifier = None if between else _qualifier_before(first)
    return Quantity(amount.value, tokens_span(first, last), text, qualifier, amount.upper, amount.approximate)


def _run_edges(anchor: Token) -> tuple[Token, Token]:
    """The first and last token of the number phrase the anchor belongs to."""
    doc, first, last = anchor.doc, anchor.i, anchor.i
    while True:
        if first >= 1 and _adjacent_numbers(doc[first - 1], doc[first]):
            first -= 1
        elif first >= 2 and _joined_numbers(doc[first - 2], doc[first - 1], doc[first]):
            first -= 2
        else:
            break
    while True:
        if last + 1 < len(doc) and _adjacent_numbers(doc[last], doc[last + 1]):
            last += 1
        elif last + 2 < len(doc) and _joined_numbers(doc[last], doc[last + 1], doc[last + 2]):
            last += 2
        else:
            break
    if first >= 1 and doc[first - 1].lower_ in {"a", "an"} and doc[first].lower_ in _SCALES:
        first -= 1  # "a dozen", "a hundred"
    return doc[first], doc[last]


def _adjacent_numbers(left: Token, right: Token) -> bool:
    """Two number words that make one number: "twenty five", "1.5 million", "two dozen"; never two
    numbers side by side ("in 2023 30 people")."""
    if not (_is_number(left) and _is_number(right)):
        return False
    if right.lower_ in _SCALES or right.lower_ in _VAGUE:
        return True
    if left.lower_ in _TENS:
        return right.lower_ in _UNITS and _UNITS[right.lower_] < 10
    return left.lower_ in _SCALES and (right.lower_ in _UNITS or right.lower_ in _TENS)


def _joined_numbers(left: Token, link: Token, right: Token) -> bool:
    """Numbers joined by a word: "twenty-five", "10 to 15", "two or three", "one hundred and twenty",
    "tens of thousands", and "and" after "between"."""
    if not (_is_number(left) and _is_number(right)):
        return False
    word = link.lower_
    if word in _HYPHENS or word == "or":
        return True
    if word == "to":
        return _before_run(left) != "from"  # "rose from 10 to 15" is a change, not a range
    if word == "and":
        return left.lower_ in _SCALES or _before_run(left) == "between"
    return word == "of" and left.lower_ in _VAGUE and (right.lower_ in _VAGUE or right.lower_ in _SCALES)


def _before_run(token: Token) -> str:
    """The word before the number words that end at `token`."""
    doc, index = token.doc, token.i
    while index > 0 and (_is_number(doc[index - 1]) or doc[index - 1].lower_ in _HYPHENS):
        index -= 1
    return doc[index - 1].lower_ if index > 0 else ""


def _qualifier_before(first: Token) -> str | None:
    doc = first.doc
    for phrase in _QUALIFIERS:
        start = first.i - len(phrase)
        if start >= 0 and tuple(token.lower_ for token in doc[start : first.i]) == phrase:
            return " ".join(phrase)
    return None


# -- how many people a noun phrase counts ------------------------------------------------------


def _people_count(head: Token, people_only: bool = False) -> Quantity | None:
    """How many people a noun phrase counts: "12", "12 villagers", "dozens of people", a named person,
    "three soldiers and a civilian". With `people_only`, the counted noun must name people."""
    first = _group_size(head, people_only)
    if first is None:
        return None
    sizes = [first]
    for conjunct in _conjuncts(head):
        size = _group_size(conjunct, people_only) or _one_by_article(conjunct)
        if size is None:
            break
        sizes.append(size)
    return first if len(sizes) == 1 else _sum(sizes, head.doc)


def _group_size(head: Token, people_only: bool) -> Quantity | None:
    if _says_nobody(head):
        first = head.left_edge if head.lower_ == "one" else head  # "no one"
        return Quantity(0, tokens_span(first, head), head.doc[first.i : head.i + 1].text)
    if _is_number(head):
        counted = _of_object(head)
        if counted is None and _is_date_number(head):
            return None
        if counted is not None and not _may_count(counted, people_only):
            return None
        return _number_quantity(head)
    number = next((c for c in head.children if c.dep_ == "nummod" and _is_number(c)), None)
    if number is not None:
        return _number_quantity(number) if _may_count(head, people_only) else None
    # A name is one person, but not a crowd: "Hamas rallied" says nothing of how many came.
    return None if people_only else _named_person(head)


def _says_nobody(head: Token) -> bool:
    """ "no one was hurt", "nobody was killed", "none were detained": a stated zero."""
    if head.lower_ in _NOBODY:
        return True
    return head.lower_ == "one" and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)


def _named_person(head: Token) -> Quantity | None:
    if head.pos_ == "PROPN" and head.ent_type_ in NAME_LABELS and not head.tag_.endswith("S"):
        name = _entity_tokens(head)
        return Quantity(1, tokens_span(name[0], name[-1]), head.doc[name[0].i : name[-1].i + 1].text)
    for appos in (c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"):
        return Quantity(1, token_span(appos), appos.text)
    return None


def _one_by_article(noun: Token) -> Quantity | None:
    """ "three soldiers and a civilian": in a list of counted people, "a" is one."""
    article = next((c for c in noun.children if c.dep_ == "det" and c.lower_ in {"a", "an"}), None)
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or article is None:
        return None
    return Quantity(1, tokens_span(article, noun), noun.doc[article.i : noun.i + 1].text)


def _sum(sizes: list[Quantity], doc: Doc) -> Quantity:
    first, last = sizes[0], sizes[-1]
    upper = sum(size.upper or size.value for size in sizes) if any(size.upper for size in sizes) else None
    words = doc.char_span(first.span[0], last.span[1], alignment_mode="expand")
    text = words.text if words is not None else first.text
    value = sum(size.value for size in sizes)
    approximate = any(size.approximate for size in sizes)
    return Quantity(value, (first.span[0], last.span[1]), text, first.qualifier, upper, approximate)


def _conjuncts(token: Token) -> Iterator[Token]:
    current = token
    while (nxt := next((c for c in current.children if c.dep_ == "conj"), None)) is not None:
        yield nxt
        current = nxt


def _of_object(token: Token) -> Token | None:
    """What "of" attaches to a number or a crowd: "dozens of people", "a crowd of 500"."""
    return next(_prepositional_objects(token, {"of"}), None)


def _prepositional_objects(token: Token, prepositions: set[str]) -> Iterator[Token]:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in prepositions:
            yield from (c for c in prep.children if c.dep_ == "pobj")


def _may_count(noun: Token, people_only: bool) -> bool:
    """Whether a number on this noun can count people: never days, dates or money ("12 May", "3 days");
    with `people_only`, only nouns that name people ("3 vehicles" are not a crowd)."""
    if noun.ent_type_ in _NON_COUNT_ENTITIES:
        return False
    if not people_only:
        return True
    people = load_outcome_words().people_nouns
    return noun.lemma_.lower() in people or noun.lower_ in people or noun.ent_type_ == "NORP"


def _is_date_number(number: Token) -> bool:
    """A bare number that is a year ("in 2023") or part of a date or time ("on 12 May")."""
    if _YEAR.match(number.lower_):
        return True
    if number.ent_type_ not in _NON_COUNT_ENTITIES:
        return False
    # The model sometimes calls "between 10 and 15" a date: only a word that is no number makes it one.
    return not all(_is_number(token) or token.lower_ in _RANGE_LINKS for token in _entity_tokens(number))


def _entity_tokens(token: Token) -> list[Token]:
    # Walk the IOB tags rather than `doc.ents`, which builds every entity of the document on each call.
    doc, first, last = token.doc, token.i, token.i
    while doc[first].ent_iob_ == "I" and first > 0:
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return list(doc[first : last + 1])


# -- which number is which role -----------------------------------------------------------------


def count_of(trigger: Token) -> Quantity | None:
    """A number on the event noun itself: "188 military operations", "dozens of airstrikes"."""
    if trigger.pos_ != "NOUN":
        return None
    number = next((c for c in trigger.children if c.dep_ == "nummod" and _is_number(c)), None)
    if (
        number is None
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and _is_number(trigger.head.head)
    ):
        number = trigger.head.head  # "dozens of airstrikes"
    if number is None or _is_date_number(number):
        return None
    return _number_quantity(number)


def fatalities_of(trigger: Token, spec: TriggerSpec) -> Quantity | None:
    """How many died: the victims of a lethal trigger ("killed 12", "the killing of three soldiers", one
    for a named person) or the deaths its outcome words state ("leaving 5 dead", "the death toll from
    the bombing rose to 30", "5 people were killed in the attack")."""
    return _casualties(trigger, spec).get(_FATALITIES)


def injured_of(trigger: Token, spec: TriggerSpec) -> Quantity | None:
    """How many were hurt: "injuring five", "12 others were wounded in the blast", "left 20 injured"."""
    return _casualties(trigger, spec).get(_INJURED)


def arrested_of(trigger: Token, spec: TriggerSpec) -> Quantity | None:
    """How many an arrest trigger took: "arrested 12 people", "30 were detained", "the arrest of five
    suspects", "made 12 arrests"."""
    if spec.type != "COERCE" or trigger.lemma_.lower() not in load_outcome_words().arrest_words:
        return None
    for patient in _patients(trigger):
        if (quantity := _people_count(patient)) is not None:
            return quantity
    return count_of(trigger)


def participants_of(trigger: Token, spec: TriggerSpec) -> Quantity | None:
    """How many took part in a protest: "thousands of protesters rallied", "some 2,000 people marched",
    "a crowd of about 500 protested", "thousands joined the march", "a rally of 5,000 people"."""
    if spec.type != "PROTEST":
        return None
    for protesters in _protesters(trigger):
        if (quantity := _crowd_size(protesters)) is not None:
            return quantity
    return None


def _crowd_size(head: Token) -> Quantity | None:
    if head.lemma_.lower() in load_outcome_words().crowd_words:
        members = _of_object(head)
        return _people_count(members, people_only=True) if members is not None else None
    return _people_count(head, people_only=True)


def _protesters(trigger: Token) -> Iterator[Token]:
    """Who protests: the subject of the protest verb (or of the verb it completes: "gathered to
    protest"), the noun it describes ("thousands protesting"), "a march of/by thousands", and the
    subject of a verb of taking part ("thousands joined the protest", "took part in a rally")."""
    if trigger.pos_ == "VERB":
        yield from (c for c in trigger.children if c.dep_ == "nsubj")
        if trigger.dep_ in {"acl", "relcl"}:
            yield trigger.head
        if trigger.dep_ in {"xcomp", "advcl", "conj"}:
            yield from (c for c in trigger.head.children if c.dep_ == "nsubj")
        return
    yield from _prepositional_objects(trigger, {"of", "by"})
    carrier = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
    taking_part = load_outcome_words().participation_verbs
    if trigger.dep_ in {"dobj", "pobj"} and carrier.lemma_.lower() in taking_part:
        yield from (c for c in carrier.children if c.dep_ == "nsubj")


# -- casualties: the trigger's own victims and its outcome words ----------------------------------


def _casualties(trigger: Token, spec: TriggerSpec) -> dict[str, Quantity]:
    """The deaths and injuries the trigger's own words and its outcome clauses state, nearest first."""
    found: dict[str, Quantity] = {}
    if spec.type not in _CASUALTY_TYPES and not spec.lethal:
        return found
    for predicate in _outcome_predicates(trigger, spec):
        for kind, quantity in _stated_casualties(predicate, trigger, spec):
            found.setdefault(kind, quantity)
    if _FATALITIES not in found and (deaths := _deaths_caused_by(trigger)) is not None:
        found[_FATALITIES] = deaths
    return found


def _deaths_caused_by(trigger: Token) -> Quantity | None:
    """Deaths counted where their cause is given: "77 deaths due to police firing", "40 of these deaths
    have taken place due to police firing"."""
    words = load_outcome_words()
    node = trigger
    for _ in range(4):  # up through "to", "police", "due"
        if node.head == node:
            return None
        node = node.head
        if node.lower_ in words.cause_words:
            break
    else:
        return None
    holder = node.head  # the death noun the cause qualifies, or the clause it explains
    for counted in [holder, *(c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"})]:
        deaths = counted if counted.lemma_.lower() in words.death_nouns else _of_object(counted)
        if deaths is None or deaths.lemma_.lower() not in words.death_nouns:
            continue
        number = (
            counted if counted != deaths else next((c for c in deaths.children if c.dep_ == "nummod"), None)
        )
        if number is not None and (value := parse_number(number)) is not None:
            return Quantity(value, token_span(number), number.text)
    return None


def _outcome_predicates(trigger: Token, spec: TriggerSpec) -> list[Token]:
    """The trigger and the words that report its outcome, nearest first."""
    found = [trigger]
    found += [c for c in trigger.children if c.dep_ in _OUTCOME_DEPS and _reports_outcome(c)]
    if trigger.dep_ == "dobj":
        # The verb that carries a nominal trigger carries its outcome: "launched an attack, killing 5".
        found += [c for c in trigger.head.children if c.dep_ in {"advcl", "xcomp"} and _reports_outcome(c)]
    found += _enclosing_outcomes(trigger)
    own_casualty = spec.lethal or _outcome_word(trigger) is not None
    for predicate in list(found):
        after_other_event = predicate == trigger and not own_casualty
        if after_other_event and spec.type not in _COORDINATED_OUTCOME_TYPES:
            continue
        for clause, lower in _coordinated(predicate):
            if clause not in found and _shares_outcome(clause, lower, after_other_event):
                found.append(clause)
    return found


def _shares_outcome(clause: Token, lower: Token, after_other_event: bool) -> bool:
    """A coordinated clause that reports the same outcome: "killing two and injuring five", "5 were
    killed and 12 others wounded"; the later of the two has no one of its own doing it. After an event
    that is no casualty word itself, only a clause of what happened to people counts: "attacked the
    town and 5 people died", not "attacked a police station and killed three teachers", which may be
    an attack of its own."""
    if not _is_casualty_clause(clause) or not _without_agent(lower):
        return False
    return _happened_to_someone(clause) if after_other_event else True


def _is_casualty_clause(clause: Token) -> bool:
    return _outcome_word(clause) is not None or _leaves(clause) or _toll(clause) is not None


def _happened_to_someone(clause: Token) -> bool:
    passive = any(c.dep_ == "nsubjpass" for c in clause.children)
    return passive or _patient_subject(clause) or _leaves(clause) or _toll(clause) is not None


def _enclosing_outcomes(trigger: Token) -> list[Token]:
    """Outcome words the trigger sits inside: "The blast killed 5", "5 died in the attack", "5 were
    killed when gunmen stormed a bank", "the death toll from the bombing rose to 30"."""
    head = trigger.head
    if head == trigger:
        return []
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ == "nsubj":
        return [head]
    if trigger.dep_ in {"pobj", "pcomp"} and head.lower_ in _CIRCUMSTANCE_PREPS:  # "died in police firing"
        outer = head.head
        if _is_toll(outer):
            return [outer]
        return [outer] if outer.pos_ in {"VERB", "ADJ", "AUX"} else []
    if trigger.dep_ == "advcl" and any(
        c.lower_ in _WHEN_WORDS for c in trigger.children if c.dep_ in {"advmod", "mark"}
    ):
        return [head]
    return []


def _coordinated(predicate: Token) -> Iterator[tuple[Token, Token]]:
    """Clauses joined to this one by "and", each with the later of the pair, which may have a subject
    of its own: its conjuncts, and the clause it is a conjunct of."""
    for child in predicate.children:
        if child.dep_ == "conj":
            yield child, child
    if predicate.dep_ == "conj":
        yield predicate.head, predicate


def _reports_outcome(clause: Token) -> bool:
    """An outcome clause, not a clause of its own: "after gunmen killed 3" has its own time and its own
    actors."""
    return not any(c.dep_ == "mark" for c in clause.children) and _without_agent(clause)


def _without_agent(clause: Token) -> bool:
    """No one of its own does this clause: no active subject, or one that is what happened to
    ("5 people died", "12 injured", "the toll rose"), or the relative pronoun of the trigger."""
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if not subjects:
        return True
    subject = subjects[0]
    return subject.lower_ in RELATIVE_PRONOUNS or _patient_subject(clause) or _is_toll(subject)


def _patient_subject(predicate: Token) -> bool:
    """Predicates whose subject is who it happened to: "5 died", "5 dead", "20 injured" (a participle
    with no auxiliary)."""
    lemma = predicate.lemma_.lower()
    if lemma in load_outcome_words().patient_verbs or predicate.pos_ == "ADJ":
        return True
    children = list(predicate.children)
    has_aux = any(c.dep_ in {"aux", "auxpass"} for c in children)
    has_subject = any(c.dep_ == "nsubj" for c in children)
    return predicate.tag_ == "VBN" and has_subject and not has_aux and _outcome_word(predicate) is not None


def _outcome_word(token: Token) -> str | None:
    words, outcomes = {token.lemma_.lower(), token.lower_}, load_outcome_words()
    if words & outcomes.death_words:
        return _FATALITIES
    if words & outcomes.injury_words:
        return _INJURED
    return None


def _leaves(verb: Token) -> bool:
    """ "left 5 dead": a verb that leaves its object in a state."""
    return verb.lemma_.lower() in load_outcome_words().state_verbs


def _is_toll(token: Token) -> bool:
    return token.lemma_.lower() in load_outcome_words().toll_words


def _stated_casualties(predicate: Token, trigger: Token, spec: TriggerSpec) -> Iterator[tuple[str, Quantity]]:
    kind = _FATALITIES if predicate == trigger and spec.lethal else _outcome_word(predicate)
    if kind is not None:
        for patient in _patients(predicate):
            if (quantity := _people_count(patient)) is not None:
                yield kind, quantity
                break
    if _leaves(predicate):
        yield from _left_states(predicate)
    if (toll := _toll(predicate)) is not None:
        yield _FATALITIES, toll


def _patients(predicate: Token) -> list[Token]:
    """Who an outcome happened to: the object of "killed 12", the subject of "12 were killed", "12 died",
    "12 dead" and "12 injured", "the arrest of five", "left 20 injured"."""
    children = list(predicate.children)
    if predicate.pos_ in {"NOUN", "PROPN"}:
        return list(_prepositional_objects(predicate, {"of"}))
    passive = [c for c in children if c.dep_ == "nsubjpass"]
    objects = [c for c in children if c.dep_ == "dobj"]
    found = passive + objects
    if _patient_subject(predicate):
        found += [c for c in children if c.dep_ in {"nsubj", "nummod"}]
    if not found and predicate.dep_ in _STATE_DEPS and _leaves(predicate.head):
        found = [c for c in predicate.head.children if c.dep_ == "dobj"]
    return found


def _left_states(leave: Token) -> Iterator[tuple[str, Quantity]]:
    """ "left 5 dead and 20 injured", "leaving three soldiers dead"."""
    objects = [c for c in leave.children if c.dep_ == "dobj"]
    for state in (c for c in leave.children if c.dep_ in _STATE_DEPS):
        kind = _outcome_word(state)
        if kind is None:
            continue
        heads = [c for c in state.children if c.dep_ in {"nsubj", "nummod"}] or objects
        quantity = next((q for head in heads if (q := _people_count(head)) is not None), None)
        if quantity is not None:
            yield kind, quantity


def _toll(predicate: Token) -> Quantity | None:
    """ "the death toll rose to 30", "the toll stands at 30", "a death toll of 30"."""
    toll = predicate if _is_toll(predicate) else None
    if toll is None:
        toll = next((c for c in predicate.children if c.dep_ == "nsubj" and _is_toll(c)), None)
    modifiers = load_outcome_words().toll_modifiers
    if toll is None or any(c.dep_ == "compound" and c.lemma_.lower() not in modifiers for c in toll.children):
        return None
    if (of_number := _of_object(toll)) is not None and _is_number(of_number):
        return _number_quantity(of_number)
    if toll.dep_ != "nsubj":
        return None
    return next((q for number in _toll_numbers(toll.head) if (q := _number_quantity(number))), None)


def _toll_numbers(verb: Token) -> Iterator[Token]:
    for child in verb.children:
        if child.dep_ in {"dobj", "attr", "oprd"} and _is_number(child):
            yield child
        if child.dep_ == "prep" and child.lower_ in {"to", "at"}:
            yield from (c for c in child.children if c.dep_ == "pobj" and _is_number(c))
