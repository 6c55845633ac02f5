"""Small helpers over spaCy tokens: spans, phrases and the walks the other detect modules share."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from whodid.records import Phrase, Span

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "they", "them", "their", "it", "its"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
TIME_LABELS = frozenset({"DATE", "TIME"})
PLACE_NAME_LABELS = frozenset({"GPE", "LOC", "FAC"})
INNER_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})
OPENING_BRACKETS = frozenset({"(", "["})
CLOSING_BRACKETS = frozenset({")", "]"})
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


def hyphen_start(token: Token) -> Token | None:
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
    start = hyphen_start(token)
    return (f"{start.lower_}-{lemma}", lemma) if start is not None else (lemma,)


def word_span(token: Token) -> Span:
    """The span of the whole word a token ends, hyphenated parts included ("sit-in")."""
    start = hyphen_start(token)
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


def noun_phrases(head: Token) -> list[Phrase]:
    """The noun phrase a head noun heads, then those of the nouns its prepositions govern inside it
    ("UN sanctions against Iran", "Iran"); not what a number counts ("dozens of demonstrators" is one
    phrase)."""
    first, last = _noun_phrase_edges(head)
    inner = [
        noun_phrase(token)
        for token in head.doc[first.i : last.i + 1]
        if token.dep_ == "pobj" and token.pos_ in {"NOUN", "PROPN"} and not _counted(token)
    ]
    return [phrase_of(first, last, head.ent_type_ or None), *inner]


def _counted(noun: Token) -> bool:
    """Whether a noun is what a number before it counts: "dozens of demonstrators", "40 of the men"."""
    prep = noun.head
    counter = prep.head
    return prep.lower_ == "of" and (counter.like_num or counter.ent_type_ in NUMBER_LABELS)


def noun_phrase(head: Token) -> Phrase:
    """The noun phrase a head noun heads, as the text gives it: its determiners, numbers, modifiers,
    prepositional and participle phrases ("at least 75 displaced people in eastern Syria"), and the
    name or title beside a person ("Venezuela's president, Nicolas Maduro"). It ends where a relative
    clause ("who had fought ..."), a time ("on Thursday") or another member of a coordination begins:
    those tell about the actor or name others, and are not what the text calls it."""
    first, last = _noun_phrase_edges(head)
    return phrase_of(first, last, head.ent_type_ or None)


def _noun_phrase_edges(head: Token) -> tuple[Token, Token]:
    """The first and last tokens of the noun phrase a head noun heads (see noun_phrase)."""
    first = head.left_edge
    while first.i < head.i and first.is_punct:
        first = first.nbor()
    last = head
    for token in head.doc[head.i + 1 : head.right_edge.i + 1]:
        if _in_noun_phrase(token, head):
            last = token
        elif not _joins_noun_phrase(token, head):
            break
    return first, last


# Dependents after a head noun that start what is no longer its name: clauses, other conjuncts, times.
_PHRASE_ENDING_DEPS = frozenset({"relcl", "advcl", "conj", "cc", "parataxis"})
# Prepositions that tell why, when or in what role, which the parser may hang on the noun before them
# ("held 20,000 civilians as human shields", "investigations against banks over fraud").
_PHRASE_ENDING_PREPS = frozenset({
    "as", "over", "due", "because", "despite", "during", "after", "before", "until", "since", "amid",
    "following",
})  # fmt: skip
_PHRASE_MARKS = frozenset({"(", ")", "'", "’", *HYPHENS})


def _in_noun_phrase(token: Token, head: Token) -> bool:
    if (token.is_punct and token.text not in _PHRASE_MARKS) or token.ent_type_ in TIME_LABELS:
        return False
    current = token
    while current != head:
        if current.head == current or current.dep_ in _PHRASE_ENDING_DEPS:
            return False  # a clause, a conjunct, or a word the parse does not hang from the head at all
        if current.head == head and current.dep_ == "npadvmod":
            return False  # "the police Monday afternoon"
        if current.dep_ == "prep" and any(c.ent_type_ in TIME_LABELS for c in current.children):
            return False  # "the court on 3 May"
        if current.dep_ == "prep" and current.lower_ in _PHRASE_ENDING_PREPS and current.head.pos_ != "VERB":
            return False  # not "the group known as the White Helmets"
        if current.dep_ == "acl" and _has_to(current):
            return False  # "people in Serb-held parts of Bosnia to press Serb forces": a purpose
        if current.head == head and current.dep_ == "appos" and not _names_the_same(head, current):
            return False
        current = current.head
    return True


def _names_the_same(head: Token, appos: Token) -> bool:
    """An apposition that is part of what the text calls an actor: an acronym in brackets ("the Nigeria
    Labour Congress (NLC)"), or a person's name beside a title ("the Grand Mufti of Egypt, Sheikh Shawki
    Allam"); not a description of a place or body ("Estonia, a small but strong country"). With no
    comma or bracket before it, it is a noun the parser misread as one ("a base in Saudi Arabia's
    Jizan region"), and still part of the phrase."""
    before = appos.doc[appos.left_edge.i - 1].text if appos.left_edge.i > 0 else ""
    if before != ",":
        return True
    if head.ent_type_ in PLACE_NAME_LABELS:
        return False
    # A title, then a name the recogniser may have missed ("the foreign minister, Ana Pereda").
    return "PERSON" in {head.ent_type_, appos.ent_type_} or (head.pos_ == "NOUN" and appos.pos_ == "PROPN")


def _joins_noun_phrase(token: Token, head: Token) -> bool:
    """A comma or bracket that joins a head noun to more of its phrase ("the minister, Ana Pereda")."""
    doc = token.doc
    return token.text in {",", "("} and token.i + 1 < len(doc) and _in_noun_phrase(doc[token.i + 1], head)


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
    # The recogniser may run a name into the acronym after it: "Armed Forces of Liberation (FAL".
    opening = next((i for i in range(first + 1, last + 1) if doc[i].text in OPENING_BRACKETS), None)
    if opening is not None and not any(doc[i].text in CLOSING_BRACKETS for i in range(opening, last + 1)):
        last = opening - 1
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


# Words that make a noun told in a preposition's object what led to an act: "because of", "in the
# wake of", "due to", "following". Not "after", which as often tells how the act itself went ("retook
# the village after fierce fighting").
CAUSE_WORDS = frozenset({"following", "because", "wake", "due", "aftermath", "result"})


def act_it_caused(noun: Token) -> Token | None:
    """The word a noun is told as the cause of, through the prepositions above it ("fled because of the
    attacks", "suffered injuries due to an explosion": "fled", "suffered"); None where no cause word
    leads to it."""
    if noun.dep_ != "pobj":
        return None
    words, current = [], noun.head
    for _ in range(6):  # "fled ... via a border crossing in the wake of the murder"
        words.append(current.lower_)
        if current.dep_ not in {"prep", "pobj", "amod", "pcomp"}:
            break
        current = current.head
    return current if not CAUSE_WORDS.isdisjoint(words) else None


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


def is_infinitive(clause: Token) -> bool:
    """ "to hold a rally", or bare after "let" or "make" ("let free the activist"); not "that it will
    end", whose verb follows a modal."""
    bare = not any(child.dep_ in {"aux", "auxpass", "mark"} for child in clause.children)
    return is_to_infinitive(clause) or (clause.tag_ == "VB" and bare)


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


def opened_by(clause: Token, markers: frozenset[str]) -> bool:
    """The clause opens with one of `markers` ("if", "until", "that")."""
    return any(child.dep_ == "mark" and child.lower_ in markers for child in clause.children)


def is_condition(clause: Token, markers: frozenset[str]) -> bool:
    """The clause sets a condition, opened by one of `markers` ("if it is attacked")."""
    return clause.dep_ == "advcl" and opened_by(clause, markers)


def in_condition(token: Token, markers: frozenset[str]) -> bool:
    """The token stands inside a clause that sets a condition on another ("will help if it is
    attacked": "attacked")."""
    current = token
    while current.head != current:
        if is_condition(current, markers):
            return True
        current = current.head
    return False


def condition_clauses(verb: Token, markers: frozenset[str]) -> list[Token]:
    """The clauses that set a condition on a verb, opened by one of `markers` ("unless the army
    withdraws", "if he gave them a veto")."""
    return [clause for clause in verb.children if is_condition(clause, markers)]


def recipients(verb: Token) -> list[Token]:
    """Whom a verb of giving gives to: its "to" object ("provided aid to the refugees"), its dative
    ("gave the army rifles"), or a "to" the parser hung inside the object's phrase ("returned dozens of
    artifacts to the embassy")."""
    found = [child for child in verb.children if child.dep_ == "dative" and child.pos_ != "ADP"]
    for holder in verb_and_object_phrase(verb):
        for prep in holder.children:
            if prep.lower_ == "to" and prep.dep_ in {"prep", "dative"}:
                found += [child for child in prep.children if child.dep_ == "pobj"]
    return found


def verb_and_object_phrase(verb: Token) -> list[Token]:
    """The verb and the words of its direct object's phrase, not inside a clause of their own: where the
    parser may hang what belongs to the verb ("withdrew the batch of 200 peacekeepers from Liberia")."""
    holders = [verb]
    for thing in (child for child in verb.children if child.dep_ == "dobj"):
        holders += [
            word
            for word in thing.subtree
            if word.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} and _no_clause_between(word, thing)
        ]
    return holders


def _no_clause_between(token: Token, top: Token) -> bool:
    current = token
    while current != top:
        if current.pos_ in {"VERB", "AUX"}:
            return False
        current = current.head
    return True
