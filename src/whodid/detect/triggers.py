"""Which tokens of a sentence are event triggers, and of which type."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whodid.detect.lexicon import Lexicon, TriggerSpec
from whodid.detect.syntax import AIMED_PREPS, NAME_LABELS

# Types whose object is an activity they stop: "suspend operations" is not an attack.
STOPPING_TYPES = frozenset({"RETREAT", "CONCEDE"})


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    spec: TriggerSpec


def find_triggers(sentence: SpacySpan, lexicon: Lexicon) -> list[Trigger]:
    candidates = [trigger for token in sentence if (trigger := _as_trigger(token, lexicon))]
    stopped = {trigger.token.i for trigger in candidates if _is_stopped_activity(trigger, candidates)}
    return [trigger for trigger in candidates if trigger.token.i not in stopped]


def _as_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.dep_ != "amod":
        spec = lexicon.verbs.get(lemma)
    elif token.pos_ == "NOUN":
        spec = lexicon.nouns.get(lemma)
    else:
        return None
    if spec is None:
        return None
    if spec.particles and not any(child.lower_ in spec.particles for child in token.children):
        return None
    if spec.intransitive and any(child.dep_ == "dobj" for child in token.children):
        return None
    if spec.weak and not _has_event_evidence(token, lexicon):
        return None
    return Trigger(token, spec)


def _has_event_evidence(token: Token, lexicon: Lexicon) -> bool:
    """A weak trigger counts only beside a named actor, an aimed argument or a martial modifier."""
    for child in token.children:
        if child.lower_ in lexicon.martial_modifiers or child.lemma_.lower() in lexicon.martial_modifiers:
            return True
        if child.dep_ == "prep" and child.lower_ in AIMED_PREPS:
            return True
        if child.dep_ in {"compound", "amod", "poss", "nmod", "nsubj", "dobj", "agent"} and (
            child.ent_type_ in NAME_LABELS or any(t.ent_type_ in NAME_LABELS for t in child.subtree)
        ):
            return True
    return False


def _is_stopped_activity(trigger: Trigger, candidates: list[Trigger]) -> bool:
    """ "a suspension of operations", "halted its attacks": the inner activity did not take place."""
    token = trigger.token
    outer = token.head
    if token.dep_ == "pobj" and outer.dep_ == "prep" and outer.lower_ == "of":
        outer = outer.head
    elif token.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return any(c.token == outer and c.spec.type in STOPPING_TYPES for c in candidates)
