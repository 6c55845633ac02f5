"""The model's rule lemmatizer, its answers remembered: the same lemmas, looked up in one pass.

spaCy's rule lemmatizer walks a document token by token in Python; a word it has seen with the same
part of speech and morphology comes from its cache, yet every token still costs a Token object and a
string lookup. Here the document's word forms, parts of speech and morphology are read in one call; a
combination seen before gives its lemma's id from a table, one not seen yet is asked of the model's own
lemmatizer, and all the lemmas are written back in one call. Tokens that already have a lemma (the
attribute ruler gives some) keep it, as with the stock lemmatizer, which does not overwrite.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from whodid.stand_in import register_stand_in

STOCK_LEMMATIZER = "lemmatizer"
REMEMBERING_LEMMATIZER = "whodid_lemmatizer"
# Beyond this many remembered combinations the table starts again: a corpus's vocabulary grows without end.
MAX_REMEMBERED = 500_000


class RememberingLemmatizer:
    """Lemmas of a rule lemmatizer that does not overwrite, remembered by (form, part of speech,
    morphology): the three things its answer depends on."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        length = len(doc)
        if not length:
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA]).astype(numpy.uint64, copy=False).reshape(length, 4)
        lemmas = table[:, 3].copy()
        missing = numpy.flatnonzero(lemmas == 0).tolist()
        if not missing:
            return doc
        if len(self.known) > MAX_REMEMBERED:
            self.known.clear()
        keys = table[missing, :3].tolist()
        for i, key in zip(missing, keys, strict=True):
            remembered = self.known.get(key := tuple(key))
            if remembered is None:
                remembered = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                self.known[key] = remembered
            lemmas[i] = remembered
        doc.from_array([LEMMA], lemmas.reshape(length, 1))
        return doc


def remembering(lemmatizer: object) -> RememberingLemmatizer | None:
    """The lemmatizer with its answers remembered, or None for one this does not fit: a mode other than
    rules (a lookup table's answer depends on the text alone, a trained one on more), or one that
    overwrites the lemmas set before it."""
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return None
    return RememberingLemmatizer(lemmatizer)


# Run the model's lemmatizer with its answers remembered, where it is a rule lemmatizer.
remember_lemmas = register_stand_in(REMEMBERING_LEMMATIZER, STOCK_LEMMATIZER, remembering)
