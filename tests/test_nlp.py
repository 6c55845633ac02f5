"""The spaCy stage: our fixes of the model's lemmas, shown on sentences we wrote."""

from __future__ import annotations

import pytest

from whodid.detect.lexicon import load_lexicon
from whodid.detect.prefilter import TriggerPrefilter
from whodid.nlp import lemma_fixes, load_nlp


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Four men raped a woman in the car.", "raped", "rape"),
        ("Soldiers were raping women in the village.", "raping", "rape"),
        ("The court fined the newspaper for contempt.", "fined", "fine"),
        ("Snipers sniped at the patrol from the roofs.", "sniped", "snipe"),
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


def test_every_fixed_lemma_is_a_trigger_so_the_prefilter_lets_its_forms_through():
    lexicon = load_lexicon()
    prefilter = TriggerPrefilter(lexicon, load_nlp())
    for form, lemma in lemma_fixes()["verb"].items():
        assert lemma in lexicon.verbs, f"{form} -> {lemma} fixes no trigger"
    assert prefilter.may_hold_trigger("Four men raped a woman in the car.")
