"""Acronyms an article defines for itself: "the Tupac Amaru Revolutionary Movement (MRTA) claimed ...
The MRTA is asking ...". The knowledge base may not hold every group's acronym; the article that spells
it out after a name it does hold says which actor it stands for, in that article only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from whodid.records import Actor, Span

# "(MRTA)", "( FMLN )": two to eight capitals, in brackets right after the name.
_DEFINITION = re.compile(r"\s*[(\[]\s*([A-Z][A-Z0-9]{1,7})\s*[)\]]")
_WORD = r"(?<![A-Za-z0-9]){}(?![A-Za-z0-9])"
# Kinds of actor a name-and-acronym pair is written for: organisations, not people or generic agents.
ORGANISATION_KINDS = frozenset(
    {"armed_group", "party", "igo", "ngo", "company", "state_body", "media", "alliance"}
)


@dataclass(frozen=True, slots=True)
class Acronyms:
    """The acronyms an article defines: what each stands for, and where each is defined (there the
    name before it says more: "Amnesty International (AI)" is named by its name)."""

    actors: dict[str, Actor] = field(default_factory=dict)
    definitions: frozenset[Span] = frozenset()

    def stood_for(self, phrase: str, span: Span) -> Actor | None:
        """The actor a phrase, as the article writes it, names by a defined acronym ("the MRTA")."""
        if span in self.definitions:
            return None
        words = phrase.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        return self.actors.get(words[0]) if len(words) == 1 else None

    def mentions(self, text: str) -> list[Actor]:
        """Every use of a defined acronym in the text but its definitions, as the actor it stands for."""
        found = [
            replace(actor, text=match.group(), span=match.span())
            for acronym, actor in self.actors.items()
            for match in re.finditer(_WORD.format(re.escape(acronym)), text)
            if match.span() not in self.definitions
        ]
        return sorted(found, key=lambda mention: mention.span)


def defined_acronyms(text: str, actors: list[Actor]) -> Acronyms:
    """The acronyms written in brackets right after an organisation's name; the first definition
    of each holds."""
    stands_for: dict[str, Actor] = {}
    definitions: set[Span] = set()
    for actor in actors:
        if actor.kind not in ORGANISATION_KINDS:
            continue
        match = _DEFINITION.match(text, actor.span[1])
        if match is not None:
            stands_for.setdefault(match.group(1), actor)
            definitions.add(match.span(1))
    return Acronyms(stands_for, frozenset(definitions))
