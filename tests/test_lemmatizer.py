"""The model's lemmatizer with its answers remembered gives exactly the lemmas the stock one gives."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from whodid.detect.lexicon import load_lexicon
from whodid.detect.prefilter import TriggerPrefilter
from whodid.lemmatizer import REMEMBERING_LEMMATIZER, STOCK_LEMMATIZER, RememberingLemmatizer, remember_lemmas
from whodid.nlp import load_nlp

OUR_SENTENCES = [
    "Gunmen shot dead two guards and wounded a third; the villagers fled their burning houses.",
    "The ministers were meeting when the shells fell, and they're saying more will fall.",
    "Y'all gonna see it: the better-armed militias had already taken the bridges.",
    "Police arrested 40 protesters, beat others and said the arrests were lawful.",
    "\n\n  ",
]


def _both_ways(nlp, texts: list[str]) -> list[tuple[Doc, Doc]]:
    stock = nlp.get_pipe(STOCK_LEMMATIZER)
    remembered = RememberingLemmatizer(stock)
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        docs = list(nlp.pipe(texts))
    # Twice over: the second pass answers from what the first remembered.
    return [(stock(doc.copy()), remembered(doc.copy())) for doc in docs + docs]


def _lemmas(doc: Doc) -> list[tuple[str, str]]:
    return [(token.text, token.lemma_) for token in doc]


def test_our_sentences_get_the_stock_lemmas(stock_model):
    for stock, remembered in _both_ways(stock_model, OUR_SENTENCES):
        assert _lemmas(remembered) == _lemmas(stock)
    _, first = _both_ways(stock_model, OUR_SENTENCES[:1])[0]
    assert dict(_lemmas(first))["shot"] == "shoot" and dict(_lemmas(first))["houses"] == "house"


def test_a_lemma_set_before_it_is_kept(stock_model):
    # The attribute ruler gives "gon" the lemma "go"; the lemmatizer does not overwrite it.
    (_, remembered), *_ = _both_ways(stock_model, ["Y'all gonna see it."])
    assert dict(_lemmas(remembered))["gon"] == "go"


def test_real_articles_get_the_stock_lemmas(stock_model, real_articles):
    for stock, remembered in _both_ways(stock_model, real_articles):
        assert _lemmas(remembered) == _lemmas(stock)


def test_a_lookup_lemmatizer_is_left_to_run_itself():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert remember_lemmas(nlp) is False
    assert nlp.pipe_names == [STOCK_LEMMATIZER]


def test_whodid_runs_the_remembering_lemmatizer_and_the_prefilter_still_reads_the_stock_tables(stock_model):
    nlp = load_nlp()
    assert STOCK_LEMMATIZER in nlp.disabled
    names = nlp.pipe_names
    assert names.index(REMEMBERING_LEMMATIZER) < names.index("whodid_lemma_fixes")
    prefilter = TriggerPrefilter(load_lexicon(), nlp)
    # The word forms come from the lemmatizer's tables run backwards: the same as from the stock model.
    assert prefilter.forms == TriggerPrefilter(load_lexicon(), stock_model).forms
    assert "shelled" in prefilter.forms
