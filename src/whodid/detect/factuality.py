"""Did it happen? Negation, modality, plans and attribution around a trigger."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from whodid.detect.lexicon import Lexicon
from whodid.detect.roles import actor_ref, clause_subject
from whodid.detect.syntax import (
    ancestors_within_clause,
    condition_clauses,
    is_condition,
    is_to_infinitive,
    opened_by,
    subtree_span,
    text_between,
)
from whodid.ontology import load_ontology
from whodid.records import ActorRef, Phrase

# A plan or a possibility with a threat's condition on it is a threat.
CONDITIONAL_THREATS = frozenset({"planned", "hypothetical"})
CONFLICT_QUAD_CLASSES = frozenset({3, 4})  # verbal and material conflict
PRESENT_TENSE_TAGS = frozenset({"VBP", "VBZ"})
KNOWN_DETERMINERS = frozenset({"the", "this", "that"})  # "the attack": one the reader knows happened


@dataclass(frozen=True, slots=True)
class Factuality:
    label: str  # asserted, reported, denied, hypothetical, planned, threatened
    speaker: Token | None = None  # the subject of "said", "claimed"
    attributed_text: Phrase | None = None  # "according to leaks"

    def attributed_to(self) -> ActorRef | None:
        if self.speaker is None:
            return None
        return actor_ref(self.speaker)


def read_factuality(trigger: Token, event_type: str, lexicon: Lexicon) -> Factuality:
    modality: str | None = None
    reported: Factuality | None = None
    below = trigger
    content_nouns = lexicon.planned_nouns | lexicon.hypothetical_nouns
    for node in [trigger, *ancestors_within_clause(trigger, content_nouns)]:
        if modality is None:
            modality = _modality_at(node, below, trigger, event_type, lexicon)
            if modality in CONDITIONAL_THREATS and _on_threat_condition(node, below, event_type, lexicon):
                modality = "threatened"
        if reported is None:
            reported = _attribution_at(node, below, trigger, lexicon)
        below = node
    if modality is None and trigger.sent.text.rstrip().endswith("?"):
        modality = "hypothetical"
    if modality is not None:
        return Factuality(modality, reported.speaker if reported else None,
                          reported.attributed_text if reported else None)  # fmt: skip
    return reported or Factuality("asserted")


def _prepared_before(verb: Token, below: Token, trigger: Token, lexicon: Lexicon) -> bool:
    """ "The cartel planned the attack for months": an act told as known ("the attack") that was
    prepared in the past happened; "plans an attack", "planned to attack" tell of one to come."""
    return (
        below == trigger
        and below.dep_ == "dobj"
        and verb.tag_ in {"VBD", "VBN"}
        and verb.lemma_.lower() in lexicon.light_verbs
        and any(child.dep_ == "det" and child.lower_ in KNOWN_DETERMINERS for child in trigger.children)
    )


def _to_clause(verb: Token) -> bool:
    """ "have sworn to fight", parsed as a clause of purpose: an infinitive the planning verb governs."""
    return verb.dep_ == "advcl" and is_to_infinitive(verb)


def _future_time_clause(clause: Token, lexicon: Lexicon) -> bool:
    """ "until they gain control": a clause of time in the present tense, which English uses for a time
    to come."""
    return (
        clause.dep_ == "advcl"
        and clause.tag_ in PRESENT_TENSE_TAGS
        and opened_by(clause, lexicon.future_time_markers)
    )


def _aim_of_an_act(verb: Token, lexicon: Lexicon) -> bool:
    """ "an attack to capture the airbase", "an offensive to retake the town": what an act sets out to do
    is its aim, not a deed. ("An attempt to assassinate" is the act itself, attempted.)"""
    return verb.dep_ == "acl" and is_to_infinitive(verb) and verb.head.lemma_.lower() in lexicon.nouns


def _on_threat_condition(verb: Token, below: Token, event_type: str, lexicon: Lexicon) -> bool:
    """ "will withdraw unless the government holds elections", "may halt the mediation if the talks
    founder": a clause of the verb's sets a threat's condition ("unless" on any act, "if" on an act of
    conflict; what the condition asks for, the elections, is no threat)."""
    markers = lexicon.threat_conditions
    if load_ontology()[event_type].quad_class in CONFLICT_QUAD_CLASSES:
        markers = markers | lexicon.conflict_threat_conditions
    return any(clause != below for clause in condition_clauses(verb, markers))


def _future_in_reported_speech(verb: Token, lexicon: Lexicon) -> bool:
    """ "said they would release": the clause a reporting verb reports, with no condition on it."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lexicon.reporting_verbs:
        return False
    return not condition_clauses(verb, lexicon.conditional_markers)


def _modality_at(node: Token, below: Token, trigger: Token, event_type: str, lexicon: Lexicon) -> str | None:
    if is_condition(node, lexicon.conditional_markers):
        return "hypothetical"  # "if it is attacked", "unless the troops do not withdraw"
    if _negation_reaches(node, below, trigger, lexicon) and any(
        child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and node == trigger)
        for child in node.children
    ):
        return "denied"  # before the modal: "will not accept" refuses, it plans nothing
    for child in node.children:
        word = child.lower_
        if child.dep_ in {"aux", "auxpass"}:
            if word in lexicon.reported_future_modals and _future_in_reported_speech(node, lexicon):
                return "planned"
            if word in lexicon.hypothetical_modals:
                return "hypothetical"
            if word in lexicon.planned_modals:
                return "planned"
    if node == trigger:
        if trigger.dep_ in {"pobj", "pcomp"} and trigger.head.lower_ in lexicon.negating_prepositions:
            return "denied"  # "entered without fighting"
        # "his upcoming visit", "a possible strike".
        modifiers = {child.lower_ for child in node.children if child.dep_ == "amod"}
        if modifiers & lexicon.planned_modifiers:
            return "planned"
        if modifiers & lexicon.hypothetical_modifiers:
            return "hypothetical"
        if _aim_of_an_act(trigger, lexicon):
            return "planned"
        return None
    lemma = node.lemma_.lower()
    if lemma in lexicon.denial_verbs and below.lemma_.lower() not in lexicon.disowned_nouns:
        return "denied"
    if lemma in lexicon.threat_verbs and event_type != "THREATEN" and below.dep_ in {"xcomp", "ccomp"}:
        return "threatened"
    if lemma in lexicon.planned_verbs and (
        below.dep_ in {"xcomp", "dobj", "acl"} or _to_clause(below) or _future_time_clause(below, lexicon)
    ):
        return None if _prepared_before(node, below, trigger, lexicon) else "planned"
    if node.pos_ == "ADJ" and lemma in lexicon.planned_adjectives and below.dep_ == "xcomp":
        return "planned"
    if lemma in lexicon.hypothetical_verbs:
        return "hypothetical"
    if node.pos_ == "NOUN" and lemma in lexicon.planned_nouns:
        return "planned"
    if node.pos_ == "NOUN" and lemma in lexicon.hypothetical_nouns:
        return "hypothetical"
    return None


def _attribution_at(node: Token, below: Token, trigger: Token, lexicon: Lexicon) -> Factuality | None:
    for child in node.children:
        if child.dep_ == "advmod" and child.lower_ in lexicon.reporting_adverbs:
            return Factuality("reported")
        if child.dep_ == "prep" and child.lower_ in lexicon.according_to:
            source = next((t for t in child.subtree if t.dep_ == "pobj"), None)
            if source is not None:
                text = text_between(source.left_edge, source.right_edge)
                return Factuality("reported", attributed_text=Phrase(text, subtree_span(source)))
    if (
        node != trigger
        and node.lemma_.lower() in lexicon.reporting_verbs
        and below.dep_ in {"ccomp", "parataxis"}
    ):
        return Factuality("reported", speaker=clause_subject(node))
    return None


def _negation_reaches(node: Token, below: Token, trigger: Token, lexicon: Lexicon) -> bool:
    """ "did not attack", "did not launch an attack", "did not try to attack" deny the attack;
    "did not claim the attack" or "did not condemn the attack" do not."""
    if node == trigger:
        return True
    if below == trigger and trigger.pos_ == "NOUN":
        return node.lemma_.lower() in lexicon.light_verbs
    return below.dep_ == "xcomp"
