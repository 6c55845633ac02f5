"""ConfliBERT's CAMEO actor file (`cameo_ner/train.txt`): CoNLL lines `token TAG`, a blank line
between sentences, tags in BIO form for source (S), target (T) and reciprocal (R) actor spans.

The sentence text is rebuilt by joining tokens with single spaces, so gold spans and our actors'
spans share one set of character offsets. A reciprocal actor is both a source and a target.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from whodid.errors import InputError
from whodid.evaluate.formats._files import head_lines, read_lines
from whodid.evaluate.gold import Dropped, FieldSpec, GoldItem, GoldSet, ReadOptions
from whodid.evaluate.predict import main_event
from whodid.records import Actor, Event, Span
from whodid.resolve.events import is_pronoun

NAME = "conflibert-ner"

ROLES_OF_TAG = {"S": ("source",), "T": ("target",), "R": ("source", "target")}
TAGS = frozenset({"O"} | {f"{prefix}-{kind}" for prefix in "BI" for kind in ROLES_OF_TAG})
SNIFF_LINES = 20

# match labels: the gold says "yes" (there is such an actor) or "no"; we say "yes" when our actor
# overlaps a gold span, "wrong" when ours overlaps none, "no" when we name no actor in that role.
YES, NO, WRONG = "yes", "no", "wrong"

FIELDS = [
    FieldSpec("source", "name", "the gold source span texts (S and R tags)"),
    FieldSpec("target", "name", "the gold target span texts (T and R tags)"),
    FieldSpec(
        "source_match",
        "label",
        "yes: our source overlaps a gold source span; wrong: it overlaps none; no: we name no source",
        baseline=False,  # nearly every gold item has a source: "always yes" would mean nothing
    ),
    FieldSpec(
        "target_match",
        "label",
        "yes: our target overlaps a gold target span; wrong: it overlaps none; no: we name no target",
        baseline=False,  # nearly every gold item has a target: "always yes" would mean nothing
    ),
]

NOTES = [
    "Sentence text is the tokens joined by single spaces; spans are character offsets in that text.",
    "Reciprocal (R) spans count as both source and target; so do the sides of our reciprocal events.",
    "A pronoun is scored by the words it stands for when they are in the sentence, as the gold tags them.",
    "An event that names no target is scored with the recipient our PLOVER view implies (the state where "
    "it happened), by the words that name its place in the sentence, as the gold tags such places.",
    "source_match/target_match: recall is the 'yes' recall; precision of our actors is "
    "yes / (yes + wrong) among predictions, read off the confusion matrix.",
]


@dataclass(slots=True)
class _Sentence:
    first_line: int
    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    problem: str | None = None  # the first malformed line, "line N: why"


def sniff(path: Path) -> bool:
    if path.suffix.lower() not in {".txt", ".conll", ".bio"} or not path.is_file():
        return False
    lines = [line.split() for line in head_lines(path, SNIFF_LINES) if line.strip()]
    return bool(lines) and all(len(parts) == 2 and parts[1] in TAGS for parts in lines)


def read(path: Path, options: ReadOptions) -> GoldSet:
    gold = GoldSet(path.stem, NAME, list(FIELDS), [], predict, notes=list(NOTES))
    for number, sentence in enumerate(_sentences(read_lines(path, "ConfliBERT actor file")), 1):
        origin = f"{path}:{sentence.first_line}"
        if sentence.problem is not None:
            gold.dropped.append(Dropped(origin, sentence.problem))
            continue
        gold.items.append(_item(f"{path.stem}-{number}", origin, sentence))
        if options.limit is not None and len(gold.items) >= options.limit:
            break
    if not gold.items:
        raise InputError(str(path), "not a ConfliBERT actor file: no sentence of 'token TAG' lines "
                         f"with tags {', '.join(sorted(TAGS))}")  # fmt: skip
    return gold


def predict(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    event = main_event(events)
    answer: dict[str, Any] = {}
    for role in ("source", "target"):
        actors = [_named_in_sentence(actor, event) for actor in _actors_in_role(event, role)]
        # The gold spans are whole noun phrases: score the phrase each actor stands in.
        answer[role] = [(actor.phrase or actor).text for actor in actors] or None
        answer[f"{role}_match"] = _match(actors, item.extra[f"{role}_spans"])
    return answer


def _actors_in_role(event: Event | None, role: str) -> list[Actor]:
    """Our actors in a role; a reciprocal event's sides are in both, as the gold's R spans are."""
    if event is None:
        return []
    if event.reciprocal:
        return event.source + event.target
    actors = list(getattr(event, role))
    place = event.location
    if role != "target" or actors or place is None or not _in_sentence(place.span, event):
        return actors
    if place.country:
        # An event that names no target, by the words that name the place where it happened ("declared
        # a state of siege in Pando", "resigned ... in Peru"): the gold tags such places as targets.
        return [Actor(place.text, place.span, name=place.name, country=place.country)]
    return actors


def _named_in_sentence(actor: Actor, event: Event | None) -> Actor:
    """A pronoun by the words it stands for, when the sentence names them ("Trump called Erdogan and urged
    him to ..."): the gold tags the name."""
    antecedent = actor.antecedent
    if event is None or antecedent is None or not is_pronoun(actor):
        return actor  # "the guerrillas" of a group the article names are tagged as they are written
    if not _in_sentence(antecedent.span, event):
        return actor
    return replace(actor, text=antecedent.text, span=antecedent.span, phrase=None)


def _in_sentence(span: Span, event: Event) -> bool:
    start, end = event.evidence.sentence_span
    return start <= span[0] and span[1] <= end


def _match(actors: list[Actor], gold_spans: list[Span]) -> str:
    if not actors:
        return NO
    overlapping = any(_overlaps(actor.span, span) for actor in actors for span in gold_spans)
    return YES if overlapping else WRONG


def _overlaps(first: Span, second: Span) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _item(item_id: str, origin: str, sentence: _Sentence) -> GoldItem:
    text, offsets = _joined(sentence.tokens)
    spans: dict[str, list[Span]] = {"source": [], "target": []}
    for kind, first, last in _tagged_runs(sentence.tags):
        for role in ROLES_OF_TAG[kind]:
            spans[role].append((offsets[first][0], offsets[last][1]))
    gold: dict[str, Any] = {}
    for role, role_spans in spans.items():
        gold[role] = [text[start:end] for start, end in role_spans] or None
        gold[f"{role}_match"] = YES if role_spans else NO
    extra = {f"{role}_spans": role_spans for role, role_spans in spans.items()}
    return GoldItem(item_id, text, gold, origin=origin, extra=extra)


def _joined(tokens: list[str]) -> tuple[str, list[Span]]:
    """The tokens joined by spaces, and each token's span in that text."""
    offsets: list[Span] = []
    start = 0
    for token in tokens:
        offsets.append((start, start + len(token)))
        start += len(token) + 1
    return " ".join(tokens), offsets


def _tagged_runs(tags: list[str]) -> Iterator[tuple[str, int, int]]:
    """(kind, first token, last token) of each tagged span; an I- tag that does not continue a span
    of its kind starts one (the lenient IOB reading), so no tagged token is lost."""
    current: list[Any] | None = None
    for index, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if current is not None and prefix == "I" and kind == current[0]:
            current[2] = index
            continue
        if current is not None:
            yield current[0], current[1], current[2]
        current = [kind, index, index] if prefix in {"B", "I"} else None
    if current is not None:
        yield current[0], current[1], current[2]


def _sentences(lines: list[str]) -> Iterator[_Sentence]:
    sentence: _Sentence | None = None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            if sentence is not None:
                yield sentence
            sentence = None
            continue
        sentence = sentence or _Sentence(first_line=number)
        parts = line.split()
        if len(parts) != 2 or parts[1] not in TAGS:
            sentence.problem = (
                sentence.problem or f"line {number}: expected 'token TAG', got {line.strip()!r}"
            )
            continue
        sentence.tokens.append(parts[0])
        sentence.tags.append(parts[1])
    if sentence is not None:
        yield sentence
