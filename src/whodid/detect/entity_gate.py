"""The entity recogniser, run only on the sentences that may hold an event.

The model's recogniser has a network of its own and costs about as much as the tagger and the parser
together. Its names are read only where an event is told: the trigger reader wants them for "captured
Mokha" or "Tehran denounced", and the role and place readers for that sentence's actors and places. A
parsed sentence in which no word can be a trigger, even if every name in it were any kind of name it
needs, gets none.

Which sentences qualify is decided by the trigger reader itself, on provisional names: every run of
proper nouns (and capitalised adjectives, "Iranian") stands for a name that is also a place, every
number for a measure. Those answer each of its questions about names in the way that keeps a trigger,
so a sentence it rejects has no trigger with the recogniser's names either, unless the tagger called
one of those names a common noun (in lower-cased text, mostly: docs/benchmarks.md measures what that
costs). A document whose sentences cannot be read this way is recognised whole. The sentences that
qualify are recognised together, as one document of their tokens with a blank between two stretches
(as blanked sentences leave one), and the names found are put back on the parsed document.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from whodid.detect.lexicon import Lexicon
from whodid.detect.triggers import find_triggers

log = logging.getLogger(__name__)

RECOGNISER = "ner"
# Labels that every question the trigger reader asks of a name answers in the trigger's favour:
# GPE is both an actor's name and a place; QUANTITY a measure whose "of" names what was taken.
PROVISIONAL_NAME = "GPE"
PROVISIONAL_MEASURE = "QUANTITY"
BLANK = " "

Context = TypeVar("Context")


@dataclass(slots=True)
class _Selection:
    """The tokens of a document's qualifying sentences, as a document of their own."""

    doc: Doc
    origin: list[int]  # token index in the selection -> token index in the parsed document (-1: a blank)
    qualifying: list[Span]


class EntityGate:
    """Names for the sentences that may hold an event; none for the others."""

    def __init__(self, nlp: Language, lexicon: Lexicon, batch_size: int) -> None:
        self.nlp = nlp
        self.recogniser = nlp.get_pipe(RECOGNISER)
        self.lexicon = lexicon
        self.batch_size = batch_size

    @staticmethod
    def fits(nlp: Language) -> bool:
        """Whether the model has a recogniser to run this way (the caller then parses without it)."""
        return RECOGNISER in nlp.pipe_names

    def pipe(self, parsed: Iterable[tuple[Doc, Context]]) -> Iterator[tuple[Doc, Context]]:
        """Each (document, context) with its names, in order; the documents are parsed without the
        recogniser."""
        stream = iter(parsed)
        while batch := list(islice(stream, self.batch_size)):
            selections = [self._select_or_all(doc) for doc, _ in batch]
            recognised = self.recogniser.pipe((s.doc for s in selections), batch_size=self.batch_size)
            for (doc, context), selection, names in zip(batch, selections, recognised, strict=True):
                put_back(names, selection, doc)
                yield doc, context

    def _select_or_all(self, doc: Doc) -> _Selection:
        try:
            return self.select(doc)
        except Exception:  # one odd document must not stop a batch: it gets names everywhere instead
            log.warning(
                "names recognised in every sentence of a document the gate could not read", exc_info=True
            )
            doc.set_ents([], default="missing")
            return self._selection(doc, [sentence for sentence in doc.sents if not _is_blank(sentence)])

    def select(self, doc: Doc) -> _Selection:
        doc.set_ents(provisional_names(doc), default="outside")
        qualifying = [
            sentence
            for sentence in doc.sents
            if not _is_blank(sentence) and find_triggers(sentence, self.lexicon)
        ]
        doc.set_ents([], default="missing")
        return self._selection(doc, qualifying)

    def _selection(self, doc: Doc, qualifying: list[Span]) -> _Selection:
        words: list[str] = []
        spaces: list[bool] = []
        origin: list[int] = []
        for sentence in qualifying:
            if origin and origin[-1] != sentence.start - 1:
                words.append(BLANK)  # a stretch left out, as a blanked sentence leaves it
                spaces.append(False)
                origin.append(-1)
            for token in sentence:
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
                origin.append(token.i)
        return _Selection(Doc(self.nlp.vocab, words=words, spaces=spaces), origin, qualifying)


def put_back(names: Doc, selection: _Selection, doc: Doc) -> None:
    """The recogniser's names on the parsed document; the qualifying sentences' other tokens are
    outside any name, the rest of the document unrecognised."""
    entities = []
    for name in names.ents:
        first, last = selection.origin[name.start], selection.origin[name.end - 1]
        if first >= 0 and last - first == name.end - 1 - name.start:  # never across a stretch left out
            entities.append(Span(doc, first, last + 1, label=name.label_))
    doc.set_ents([], outside=selection.qualifying, default="unmodified")
    doc.set_ents(entities, default="unmodified")


def provisional_names(doc: Doc) -> list[Span]:
    """Stand-ins for what the recogniser could find: runs of proper nouns and capitalised adjectives
    ("Iranian") as names of places, numbers with the noun they count as measures."""
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        if _may_be_name(doc[i]):
            end = i + 1
            while end < len(doc) and _may_be_name(doc[end]):
                end += 1
            spans.append(Span(doc, i, end, label=PROVISIONAL_NAME))
            i = end
        elif doc[i].like_num:
            end = i + 2 if i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN" else i + 1
            spans.append(Span(doc, i, end, label=PROVISIONAL_MEASURE))
            i = end
        else:
            i += 1
    return spans


def _may_be_name(token: Token) -> bool:
    if token.pos_ in {"PROPN", "X"}:
        return True
    return token.pos_ in {"ADJ", "NOUN"} and (token.is_title or (token.is_upper and len(token) > 1))


def _is_blank(sentence: Span) -> bool:
    return all(token.is_space for token in sentence)
