"""A faster component standing in for one of the model's own, with the same results.

The stock component stays in the pipeline, disabled: the stand-in reads its rules or tables, and the
pipeline can still be saved as the model it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

# Builds the stand-in from the stock component, or None where the stock component is of a kind it
# cannot stand in for (the stock component then runs itself).
Builder = Callable[[Any], Callable[[Doc], Doc] | None]


def register_stand_in(name: str, stock: str, build: Builder) -> Callable[[Language], bool]:
    """Registers the spaCy factory `name`, which builds the stand-in for the component `stock`, and
    returns the function that puts it in a pipeline's place for `stock` (False where it cannot)."""

    @Language.factory(name)
    def make_stand_in(nlp: Language, name: str) -> Callable[[Doc], Doc]:
        component = build(nlp.get_pipe(stock))
        if component is None:
            raise ValueError(f"{name} cannot stand in for this model's {stock}")
        return component

    def stand_in(nlp: Language) -> bool:
        if stock not in nlp.pipe_names or build(nlp.get_pipe(stock)) is None:
            return False
        nlp.add_pipe(name, after=stock)
        nlp.disable_pipe(stock)
        return True

    return stand_in
