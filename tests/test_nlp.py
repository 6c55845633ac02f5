"""The spaCy stage: our fixes of the model's lemmas, shown on sentences we wrote."""

from __future__ import annotations

import pytest

from whodid.detect.lexicon import CUE_VERB_FIELDS, load_lexicon
from whodid.detect.prefilter import TriggerPrefilter
from whodid.nlp import lemma_fixes, load_nlp


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Four men raped a woman in the car.", "raped", "rape"),
        ("Soldiers were raping women in the village.", "raping", "rape"),
        ("The court fined the newspaper for contempt.", "fined", "fine"),
        ("Snipers sniped at the patrol from the roofs.", "sniped", "snipe"),
        ("Students staged a sit-in outside the ministry.", "staged", "stage"),
        ("The rebels have waged a war against the state for years.", "waged", "wage"),
        ("The minister said he hoped the talks would resume.", "hoped", "hope"),
    ],
)
def test_the_lemmas_the_model_gets_wrong_are_put_right(text, word, lemma):
    token = next(token for token in load_nlp()(text) if token.text == word)
    assert token.pos_ == "VERB"
    assert token.lemma_ == lemma


def test_a_noun_form_keeps_the_models_lemma():
    # "fines" is in the verb table only: as a noun it stays the model's "fine".
    token = next(t for t in load_nlp()("The fines were paid in full.") if t.text == "fines")
    assert token.pos_ == "NOUN"
    assert token.lemma_ == "fine"


def test_every_fixed_lemma_is_a_word_the_lexicon_uses_and_the_prefilter_lets_triggers_through():
    lexicon = load_lexicon()
    prefilter = TriggerPrefilter(lexicon, load_nlp())
    cue_verbs = frozenset().union(*(getattr(lexicon, name) for name in CUE_VERB_FIELDS))
    for form, lemma in lemma_fixes()["verb"].items():
        used = lemma in lexicon.verbs or lemma in lexicon.light_verbs or lemma in cue_verbs
        assert used, f"{form} -> {lemma} fixes no trigger, light verb or factuality cue"
    assert prefilter.may_hold_trigger("Four men raped a woman in the car.")
