"""The entity recogniser, run only on the sentences that may hold an event."""

from __future__ import annotations

import pytest

from whodid.detect.entity_gate import RECOGNISER, EntityGate, provisional_names
from whodid.detect.lexicon import load_lexicon

TWO_SENTENCES = (
    "Rebels from the Lakeland Front attacked Camp Ridgeway near Tarvo on Monday. "
    "The lake near Orvalle in Wester County is known for its herons and its fishing."
)


@pytest.fixture(scope="module")
def gate(nlp) -> EntityGate:
    return EntityGate(nlp, load_lexicon(), batch_size=4)


def gated(gate: EntityGate, nlp, texts: list[str]):
    parsed = nlp.pipe(((text, None) for text in texts), as_tuples=True, disable=[RECOGNISER])
    return [doc for doc, _ in gate.pipe(parsed)]


def test_names_are_recognised_only_in_sentences_that_may_hold_an_event(gate, nlp):
    [doc] = gated(gate, nlp, [TWO_SENTENCES])
    first, second = list(doc.sents)
    assert {ent.text for ent in doc.ents} >= {"Tarvo"}
    assert all(ent.sent == first for ent in doc.ents)
    # The other sentence was not read for names at all: unknown, not "outside any name".
    assert {token.ent_iob_ for token in second} == {""}
    assert {token.ent_iob_ for token in first} <= {"B", "I", "O"}


def test_the_names_put_back_are_the_recognisers_on_the_whole_document(gate, nlp):
    [doc] = gated(gate, nlp, [TWO_SENTENCES])
    whole = nlp(TWO_SENTENCES)
    first = next(iter(whole.sents))
    expected = {(ent.start_char, ent.end_char, ent.label_) for ent in whole.ents if ent.sent == first}
    assert {(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents} == expected


def test_a_trigger_that_wants_a_named_actor_keeps_its_sentence(gate, nlp):
    # "denounce" is a trigger only with an actor; "Tehran" is one only once it is a name.
    text = "The weather was mild. Tehran denounced the decision on Sunday."
    [doc] = gated(gate, nlp, [text])
    assert "Tehran" in {ent.text for ent in doc.ents}


def test_provisional_names_stand_for_proper_nouns_capitalised_adjectives_and_measures(nlp):
    doc = nlp("Iranian troops seized Mokha and 700 kg of explosives.", disable=[RECOGNISER])
    found = {(span.text, span.label_) for span in provisional_names(doc)}
    assert {("Iranian", "GPE"), ("Mokha", "GPE"), ("700 kg", "QUANTITY")} <= found
    assert "troops" not in {span.text for span in provisional_names(doc)}


def test_documents_come_back_in_order_with_their_context(gate, nlp):
    texts = ["Police arrested four men in Dunmore.", "", "Nothing happened in the quiet town."]
    numbered = ((text, index) for index, text in enumerate(texts))
    parsed = nlp.pipe(numbered, as_tuples=True, disable=[RECOGNISER])
    out = list(gate.pipe(parsed))
    assert [(doc.text, index) for doc, index in out] == [(text, i) for i, text in enumerate(texts)]


def test_a_document_the_gate_cannot_read_gets_names_everywhere(gate, nlp, monkeypatch):
    def unreadable(sentence, lexicon):
        raise ValueError("a sentence the trigger reader cannot take")

    monkeypatch.setattr("whodid.detect.entity_gate.find_triggers", unreadable)
    [doc] = gated(gate, nlp, [TWO_SENTENCES])
    # Both sentences, the one with no event too, were read for names: the batch went on.
    assert {"Tarvo", "Orvalle"} <= {ent.text for ent in doc.ents}
