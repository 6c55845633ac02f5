"""The attribute ruler run as table lookups gives exactly what the model's own ruler gives."""

from __future__ import annotations

import numpy
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from whodid.attribute_rules import INDEXED_RULER, STOCK_RULER, IndexedAttributeRules, index_attribute_ruler
from whodid.nlp import load_nlp

COMPARED = [POS, MORPH, LEMMA, TAG, DEP, HEAD]

# Sentences of our own touching the model's word rules: contractions, expletives, auxiliaries, "but"
# as an adverb, determiners as pronouns, "do" and "have" as main verbs, blank lines.
OUR_SENTENCES = [
    "Y'all ain't gonna believe it, but let's go and see what they got.",
    "There were three blasts near the market, and there's no sign it is over.",
    "I told you that I had done it; it was mine, and you said you gotta leave.",
    "That which the rebels took, those who came later did not give back.",
    "The minister gets paid but did nothing. He has a plan and does it.",
    "C'mon, the police had arrested him before he could run.\n\n  \nTroops were deployed.",
    "  ",
]


def _parsed(nlp, texts: list[str]) -> list[Doc]:
    """The texts as the parser leaves them, just before the attribute ruler."""
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        return list(nlp.pipe(texts))


def _both_ways(nlp, texts: list[str]) -> list[tuple[Doc, Doc]]:
    ruler = nlp.get_pipe(STOCK_RULER)
    rules = IndexedAttributeRules(ruler)
    return [(ruler(doc.copy()), rules(doc.copy())) for doc in _parsed(nlp, texts)]


def _differences(stock: Doc, indexed: Doc) -> list[tuple[str, tuple, tuple]]:
    def seen(token):
        return (token.pos_, str(token.morph), token.lemma_, token.tag_, token.dep_)

    return [(a.text, seen(a), seen(b)) for a, b in zip(stock, indexed, strict=True) if seen(a) != seen(b)]


def test_our_sentences_get_the_same_attributes_as_from_the_models_ruler(stock_model):
    for stock, indexed in _both_ways(stock_model, OUR_SENTENCES):
        assert _differences(stock, indexed) == []
        assert numpy.array_equal(stock.to_array(COMPARED), indexed.to_array(COMPARED))


def test_the_word_rules_do_change_what_the_tag_map_gives(stock_model):
    # Without the ruler's word rules these would keep the tag map's values: the test above would pass
    # for a ruler that applied the tag map alone only if these did too.
    (stock, indexed), *_ = _both_ways(stock_model, ["Y'all gonna see it."])
    lemmas = {token.text: token.lemma_ for token in indexed}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert [t.lemma_ for t in stock] == [t.lemma_ for t in indexed]


def test_real_articles_get_the_same_attributes_as_from_the_models_ruler(stock_model, real_articles):
    for stock, indexed in _both_ways(stock_model, real_articles):
        assert _differences(stock, indexed) == []


def test_later_rules_win_and_patterns_of_every_handled_form_match():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "police"}]], {"POS": "NOUN"})
    ruler.add([[{"lower": {"IN": ["police", "army"]}}]], {"POS": "PROPN"})  # later: wins over NOUN
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=-1)
    ruler.add([[{"TEXT": {"REGEX": "^[0-9]+$"}}]], {"POS": "NUM"})
    ruler.add(
        [[{"LOWER": {"NOT_IN": ["the", "police", "army", "gon", "na"]}, "IS_SPACE": False}]], {"TAG": "X"}
    )
    texts = ["The police gonna come at 9", "army  42"]
    rules = IndexedAttributeRules(ruler)
    for doc in nlp.pipe(texts):
        stock, indexed = ruler(doc.copy()), rules(doc.copy())
        assert _differences(stock, indexed) == []
    doc = rules(nlp.make_doc("The police gonna come at 9"))
    assert [t.pos_ for t in doc][:2] == ["", "PROPN"]
    assert doc[3].lemma_ == "to" and doc[6].pos_ == "NUM" and doc[4].tag_ == "X" and doc[1].tag_ == ""


def test_a_ruler_with_a_rule_of_another_form_is_left_to_run_itself():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert index_attribute_ruler(nlp) is False
    assert nlp.pipe_names == [STOCK_RULER]
    assert nlp("very very good")[1].pos_ == "ADV"


def test_whodid_loads_the_model_with_the_indexed_rules_in_the_rulers_place():
    nlp = load_nlp()
    assert STOCK_RULER in nlp.disabled and STOCK_RULER not in nlp.pipe_names
    names = nlp.pipe_names
    assert names[names.index("parser") + 1] == INDEXED_RULER  # where the stock ruler stands
    token = next(t for t in nlp("They said there were clashes.") if t.text == "were")
    assert token.pos_ == "VERB"  # the expletive rule: "there were" is the main verb
