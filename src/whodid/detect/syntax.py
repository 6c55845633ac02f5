"""Small helpers over spaCy tokens: spans, phrases and the walks the other detect modules share."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from whodid.records import Phrase, Span

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "they", "them", "their", "it", "its"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
INNER_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# "anti-Syria", "pro-Russian": a name after one of these, joined by a hyphen, says what someone is for
# or against, not whose they are or where.
STANCE_PREFIXES = frozenset({"anti", "pro"})
HYPHENS = frozenset({"-", "‐", "‑"})
# Prepositions that point at whom an event is aimed ("an attack on", "fired at").
AIMED_PREPS = frozenset({"against", "on", "at", "upon", "targeting", "toward", "towards"})
# Left dependents that belong to an actor's name or description ("US Vice President Kamala Harris").
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "punct", "case", "prep", "pobj"})


def token_span(token: Token) -> Span:
    return (token.idx, token.idx + len(token))


def _hyphen_start(token: Token) -> Token | None:
    """The first part of the hyphenated word a token ends, which the tokenizer split ("sit-in" is "sit",
    "-", "in"), if it ends one."""
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        return doc[i - 2]
    return None


def word_lemmas(token: Token) -> tuple[str, ...]:
    """The lemmas to look a token up by, the whole word first: "sit-in" then "in" for a hyphenated word
    the tokenizer split ("anti-government" is still "government"), else the token's own."""
    lemma = token.lemma_.lower()
    start = _hyphen_start(token)
    return (f"{start.lower_}-{lemma}", lemma) if start is not None else (lemma,)


def word_span(token: Token) -> Span:
    """The span of the whole word a token ends, hyphenated parts included ("sit-in")."""
    start = _hyphen_start(token)
    return tokens_span(start, token) if start is not None else token_span(token)


def tokens_span(first: Token, last: Token) -> Span:
    return (first.idx, last.idx + len(last))


def subtree_span(token: Token) -> Span:
    return tokens_span(token.left_edge, token.right_edge)


def coordination_head(token: Token) -> Token:
    """The first member of a coordination ("strikes" in "air and artillery strikes" -> "air"), which
    holds the coordination's place in the clause."""
    current = token
    while current.dep_ == "conj" and current.head != current:
        current = current.head
    return current


def phrase_of(first: Token, last: Token, label: str | None = None) -> Phrase:
    doc = first.doc
    return Phrase(text=doc[first.i : last.i + 1].text, span=tokens_span(first, last), label=label)


def entity_phrase(token: Token) -> Phrase | None:
    """The named entity the token belongs to, if it is a name (person, organisation, group, place)."""
    if token.ent_type_ not in NAME_LABELS:
        return None
    # Walk the IOB tags rather than `doc.ents`, which builds every entity of the document on each call.
    doc, first, last = token.doc, token.i, token.i
    while doc[first].ent_iob_ == "I" and first > 0:
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    while first < last and doc[first].lower_ in {"the", "a", "an"}:
        first += 1
    return phrase_of(doc[first], doc[last], token.ent_type_)


def text_between(first: Token, last: Token) -> str:
    """The article's text from one token to another, without rebuilding the whole document's text."""
    return first.doc[first.i : last.i + 1].text


def premodified_phrase(head: Token) -> Phrase:
    """The head noun with the modifiers on its left: "the Iraqi prime minister" -> "Iraqi prime minister"."""
    first = head
    for child in head.lefts:
        if child.dep_ in PHRASE_DEPS or child.dep_ == "nummod":
            first = child.left_edge
            break
    # Leading numbers, determiners and punctuation describe quantity, not who.
    while first.i < head.i and (first.dep_ in {"det", "nummod", "quantmod", "punct"} or first.like_num):
        first = first.nbor()
    label = "PRON" if head.pos_ == "PRON" else (head.ent_type_ or _inner_name_label(first, head))
    return phrase_of(first, head, label)


def _inner_name_label(first: Token, head: Token) -> str | None:
    """ "the APEC forum", "Kurdish refugees": a common noun led by a name takes the name's label, so an
    actor the knowledge base does not hold is still kept as what the text calls it."""
    return next((t.ent_type_ for t in head.doc[first.i : head.i] if t.ent_type_ in INNER_NAME_LABELS), None)


# Dependencies that open a clause of their own below their head.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp", "parataxis"})


def clause_depth(token: Token) -> int:
    """How many clauses down from the sentence's main clause the token stands."""
    depth, current = 0, token
    while current.head != current:
        depth += current.dep_ in CLAUSE_DEPS
        current = current.head
    return depth


def governing_verb(token: Token, max_hops: int = 6) -> Token | None:
    """The nearest verb above a token, through prepositions, objects and conjunctions."""
    current = token
    for _ in range(max_hops):
        if current.head == current:
            return None
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
    return None


def ancestors_within_clause(token: Token, complement_heads: frozenset[str] = frozenset()) -> Iterator[Token]:
    """Heads above a token up to the top of its clause; a relative clause is a clause of its own, and so
    is a participle modifying a noun, unless that noun takes the clause as its content
    ("willingness to bolster", "risks provoking": nouns listed in `complement_heads`)."""
    current = token
    while current.head != current:
        if current.dep_ == "relcl" or (
            current.dep_ == "acl"
            and not _has_to(current)
            and current.head.lemma_.lower() not in complement_heads
        ):
            return
        current = current.head
        yield current


def _has_to(verb: Token) -> bool:
    """ "willingness to bolster", "an agreement to suspend": the clause completes its head noun."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def is_to_infinitive(verb: Token) -> bool:
    """A bare verb with "to": "allowed the leader to hold a rally", "have sworn to fight"."""
    return verb.tag_ == "VB" and _has_to(verb)


def after_stance_prefix(token: Token) -> bool:
    """ "Syria" in "anti-Syria", "Russian" in "pro-Russian" (the parser splits the hyphen off)."""
    doc, i = token.doc, token.i
    return (
        i >= 2
        and doc[i - 1].text in HYPHENS
        and doc[i - 2].lower_ in STANCE_PREFIXES
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    )


def condition_clauses(verb: Token, markers: frozenset[str]) -> list[Token]:
    """The clauses that set a condition on a verb, opened by one of `markers` ("unless the army
    withdraws", "if he gave them a veto")."""
    return [
        clause
        for clause in verb.children
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers for m in clause.children)
    ]
