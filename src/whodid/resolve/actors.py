"""The actor knowledge base: countries, named actors, generic agents, and who held which office when.

`ActorKB.find` lists every actor mention in a text; `ActorKB.resolve` picks the best actor for one
phrase. Matching is a longest-match walk over a dict of normalised token n-grams: every alias is
indexed once at load, so a lookup costs a few dict probes per token whatever the size of the KB.
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, cached_property

from rapidfuzz import fuzz, process

from whodid.detect.syntax import HYPHENS, STANCE_PREFIXES
from whodid.records import Actor, Span
from whodid.resolve.kb_files import (
    AGENT_KIND,
    FORMER_OFFICIAL,
    GOVERNMENT_SECTOR,
    IGO_KIND,
    PERSON_KIND,
    DataPath,
    KBEntry,
    KBTables,
    Operation,
    Role,
    acled_inter_of,
    collection_paused,
    default_paths,
    load_tables,
)

__all__ = ["ActorKB", "KBEntry", "Role", "default_paths"]

# An armed non-state group's people, and state forces' (see _irregular_forces).
IRREGULAR_SECTOR, FORCES_SECTOR = "REB", "MIL"
# Tokens left out of match keys, so "the Kremlin" = "Kremlin" and "al-Sudani" = "Sudani".
SKIPPED_TOKENS = frozenset({"the", "al", "el"})
# Words that open a noun phrase without naming anything (for the unknown-name test of `resolve`).
DETERMINERS: frozenset[str] = frozenset(
    ("a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
     "your", "some", "many", "several", "all", "both", "any", "each", "other", "another", "such", "no")
)  # fmt: skip

# Dotted abbreviations ("U.S.", "U.N.") are one token; otherwise runs of letters and digits, with
# internal apostrophes ("Kata'ib"). Hyphens and other punctuation separate tokens.
TOKEN_RE = re.compile(r"\w+(?:['’ʼ`]\w+)*(?:\.(?:\w\.)+)?")
GLUED_RE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
KEY_CACHE_SIZE = 200_000
# A name nothing matched is taken for a known one spelt differently at this likeness (0-100) or more,
# and only when no other actor's name comes within FUZZY_MARGIN of it.
FUZZY_MIN_SCORE = 90
FUZZY_MARGIN = 3
FUZZY_MIN_LENGTH = 10
COUNTRY_FUZZY_MIN_LENGTH = 7
OPERATION_NAME_REACH = 80  # characters before an act's noun where an operation's name may stand
PHRASE_GAP = 2  # words of no list a country may stand apart from its agent within one noun phrase
POSSESSIVE_SUFFIXES = frozenset(a + s for a in "'’ʼ`" for s in "sS")
# Something `_split_word` would split (a glued "ofKataib") or trim (a possessive "Iraq's").
SPLIT_OR_TRIM_RE = re.compile(rf"{GLUED_RE.pattern}|\w['’ʼ`][sS]\b")
APOSTROPHES = str.maketrans("", "", "'’ʼ`.")
# Gaps that may separate the words of one name: "Kataib-Hezbollah", "Workers' Party", "Department of
# the Treasury" (the skipped "the" lies in the gap), but never a comma or a possessive "'s".
JOINING_GAP_RE = re.compile(r"[ \-‐‑'’\u00a0]{1,3}(?:(?:the|al|el)[ \-‐‑'’\u00a0]{1,3})*", re.IGNORECASE)
ARTICLE_PREFIXES = frozenset({"al-", "el-", "al ", "el ", "al‑", "el‑"})


@dataclass(slots=True)  # not frozen: a frozen dataclass costs 4x to build, and there are 30,000
class _Alias:
    """One indexed surface form and how strictly its letter case must match."""

    entry: KBEntry
    case: str  # "exact" (short all-caps: KH, US), "title" (capitals must stay capitals), "any"
    surface: tuple[str, ...]
    possessives: frozenset[int] = frozenset()  # words followed by "'s" inside the name

    def bridges(self, tokens: _Tokens, first: int, last: int) -> bool:
        """Every word of the match is joined to the one before it, or follows a possessive the name
        itself has ("People's Protection Units"; never "Iraq's army" for an "Iraq army")."""
        return all(tokens.joined[k] or (k - 1 - first) in self.possessives for k in range(first + 1, last))

    def accepts(self, words: list[str]) -> bool:
        if self.case == "any":
            return True
        if self.case == "exact":
            return all(w.replace(".", "") == s for w, s in zip(words, self.surface, strict=True))
        return all(w[:1].isupper() for w, s in zip(words, self.surface, strict=True) if s[:1].isupper())


@dataclass(slots=True)
class _Tokens:
    """The words of a text as parallel lists (cheaper to build than one object per word)."""

    text: str
    surfaces: list[str]
    keys: list[str]  # normalised: the match keys
    starts: list[int]
    ends: list[int]  # a possessive "'s" is left out of the word
    joined: list[bool]  # joined to the previous word by a space or hyphen (maybe over "the"/"al-")

    def __len__(self) -> int:
        return len(self.keys)

    def possessive(self, index: int) -> bool:
        end = self.ends[index]
        return self.text[end : end + 2] in POSSESSIVE_SUFFIXES

    def lead(self, index: int) -> int:
        """Where word `index` starts, counting a directly preceding article: "al-Sudani"."""
        start = self.starts[index]
        before = self.text[max(start - 4, 0) : start].lower()
        if before[-3:] in ARTICLE_PREFIXES and (len(before) < 4 or not before[0].isalnum()):
            return start - 3
        return start


@dataclass(slots=True)
class _Match:
    first: int  # token indices, end exclusive
    last: int
    entry: KBEntry
    start: int  # character offsets in the text
    end: int
    person: KBEntry | None = None  # the office holder an agent phrase resolved to
    titled: bool = False  # ends with an office title, so a person's name may follow it


def _of_nation(country: KBEntry, agent: KBEntry) -> KBEntry:
    """A generic agent as a country's own: "US soldiers" (USAMIL), "the US president" (USAGOV)."""
    actor_id, name = country.national(agent.name, agent.sector)
    return KBEntry(actor_id=actor_id, name=name, kind=AGENT_KIND, country=country.country,
                   sector=agent.sector, acled_inter=agent.acled_inter, title=agent.title)  # fmt: skip


class ActorKB:
    """Countries, named actors and generic agents, matched in text by their normalised names."""

    def __init__(self, tables: KBTables) -> None:
        self._variants = {_fold(spelling): _fold(folded) for spelling, folded in tables.variants.items()}
        self._modifiers = frozenset(self._normalise(word) for word in tables.modifiers)
        self._identity = frozenset(self._normalise(word) for word in tables.identity_modifiers)
        self._collective = frozenset(self._normalise(word) for word in tables.collective_words)
        self._group_members = frozenset(self._normalise(word) for word in tables.group_member_words)
        self._group_words = frozenset(self._normalise(word) for word in tables.group_words)
        self._mission_troops = frozenset(tables.mission_troop_agents)
        self.patron_words = frozenset(tables.patron_words)
        self.civil_society_heads = frozenset(tables.civil_society_heads)
        self._language_words = frozenset(self._normalise(word) for word in tables.language_words)
        self._adjectives = frozenset(self._normalise(word) for word in tables.adjectives)
        self.out_of_office_words = frozenset(tables.out_of_office_words)
        # Sectors whose people often act outside their country: the event's place says nothing of theirs.
        self.mobile_sectors = frozenset(tables.mobile_sectors)
        self.home_sectors = frozenset(tables.home_sectors)
        self._key_of: dict[str, str] = {}  # surface word -> match key, filled as texts are read
        self._unusual_words: set[str] = set()  # possessives ("Iraq's") and glued words ("ofKataib")
        self.entries: dict[str, KBEntry] = {}
        self._index: dict[tuple[str, ...], list[_Alias]] = {}
        self._longest: dict[str, int] = {}  # first key token -> longest alias starting with it
        self._by_surname: dict[str, list[KBEntry]] = {}  # a person's last name word -> the people
        self._alias_words: dict[str, set[str]] = {}  # a person's id -> the words of their other aliases
        self._by_first_letter: dict[str, tuple[list[str], list[KBEntry]]] | None = None
        # Later files win: they were given to override, so their aliases are tried first.
        for entry in [*reversed(tables.named), *reversed(tables.countries), *reversed(tables.agents)]:
            if entry.actor_id in self.entries:
                continue  # overridden by a later file
            self.entries[entry.actor_id] = entry
            for position, alias in enumerate(tables.aliases.get(entry.actor_id, [entry.name])):
                key = self._add_alias(alias, entry)
                if entry.kind == PERSON_KIND and position > 0:  # a name's own words hold no title
                    self._alias_words.setdefault(entry.actor_id, set()).update(key)
                if position == 0 and entry.kind == PERSON_KIND and key:  # the first alias is the name
                    self._by_surname.setdefault(key[-1], []).append(entry)
        self._holders = self._index_roles(tables.named)
        self.operations = tuple(tables.operations)
        self._operations: dict[tuple[str, ...], Operation] = {}
        for operation in tables.operations:
            for name in (operation.name, *operation.aliases):
                self._operations[self.alias_key(name)] = operation
        self._longest_operation = max(map(len, self._operations), default=0)

    # ----- construction -------------------------------------------------------------------------

    @classmethod
    def default(cls) -> ActorKB:
        """The knowledge base shipped with whodid (loaded once per process)."""
        return _default_kb()

    @classmethod
    def from_files(cls, *paths: DataPath, include_default: bool = True) -> ActorKB:
        """A knowledge base from data files: countries CSV, or YAML with `actors:` and/or `agents:`.

        With `include_default` the shipped files come first, so the given files extend (and, on the
        same alias, override) them.
        """
        files = [*default_paths(), *paths] if include_default else list(paths)
        tables = load_tables(files)
        with collection_paused():
            return cls(tables)

    @classmethod
    def with_user_files(cls, paths: tuple[str, ...]) -> ActorKB:
        """The shipped files with a user's after them (`--kb`), loaded once per process while the files
        stay as they are: a run checks them before it starts and then codes with the same knowledge
        base; a file changed since is read again."""
        return _kb_with(tuple((path, *_file_state(path)) for path in paths))

    def is_adjective(self, text: str) -> bool:
        """Whether the text is a country's adjective ("Ghanaian", "Senegalese"): a modifier of some
        other noun, never what a pronoun stands for."""
        return self._normalise(text) in self._adjectives

    def knows_word(self, word: str) -> bool:
        """Whether a word names something the knowledge base knows: an actor, or an identity such as
        "Hutu" or "Druze" that qualifies people."""
        return self._normalise(word) in self._identity or self.resolve(word) is not None

    def names_group_members(self, agent: Actor) -> bool:
        """Whether a generic agent's words name the members of some armed group ("the rebels",
        "Salvadoran guerrillas", "rebel forces"): in an article about one such group, they are that
        group's. Not groups of them ("insurgent groups"), which may be several."""
        keys = [self._normalise(word) for word in agent.text.split()]
        if agent.kind != AGENT_KIND or not keys or keys[-1] in self._collective:
            return False
        return any(key in self._group_members for key in keys)

    def is_group_word(self, word: str) -> bool:
        """ "group", "faction": a word for an armed group itself, not for its members."""
        return self._normalise(word) in self._group_words

    def alias_key(self, alias: str) -> tuple[str, ...]:
        """The match key of a name: its normalised words, without "the" and "al-"; two names with the
        same key are one name to the matcher ("Mohamed al-Bashir" = "Muhammad Bashir")."""
        return self._keyed_words(alias)[0]

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        """The names that match only in capitals ("FMLN", "US", "KH"): a text in capitals keeps them so
        when its case is restored, inside a longer name too ("FMLN TERRORISTS")."""
        return frozenset(
            alias.surface[0] for aliases in self._index.values() for alias in aliases if alias.case == "exact"
        )

    def knows(self, alias: str) -> bool:
        """Some actor of the knowledge base has a name with this name's key."""
        return self.alias_key(alias) in self._index

    def _keyed_words(self, alias: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[int]]:
        """An alias's match key, the words it keeps (the skipped ones out, unless that is all), and
        which of those kept words carry a possessive "'s" ("People's Protection Units")."""
        surface, possessive = _words(alias)
        key_of = self._key_of
        keys = [key_of.get(word) or self._new_key(word) for word in surface]
        if SKIPPED_TOKENS.isdisjoint(keys):
            return tuple(keys), tuple(surface), frozenset(i for i, p in enumerate(possessive) if p)
        kept = [i for i, key in enumerate(keys) if key not in SKIPPED_TOKENS] or range(len(keys))
        owned = frozenset(position for position, i in enumerate(kept) if possessive[i])
        return tuple(keys[i] for i in kept), tuple(surface[i] for i in kept), owned

    def _add_alias(self, alias: str, entry: KBEntry) -> tuple[str, ...]:
        key, kept, possessives = self._keyed_words(alias)
        if not kept:
            return key
        case = _case_rule(entry, kept)
        surface = tuple(s.replace(".", "") for s in kept) if case == "exact" else kept
        self._index.setdefault(key, []).append(_Alias(entry, case, surface, possessives))
        self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
        return key

    @staticmethod
    def _index_roles(
        named: Iterable[KBEntry],
    ) -> dict[tuple[str, str, str | None], list[tuple[Role, KBEntry]]]:
        holders: dict[tuple[str, str, str | None], list[tuple[Role, KBEntry]]] = {}
        for entry in named:
            for role in entry.roles:
                seat = role.org or role.country
                if seat and role.title:
                    holders.setdefault((seat, role.title, role.posted_to), []).append((role, entry))
        return holders

    # ----- public API ---------------------------------------------------------------------------

    def find(self, text: str, offset: int = 0, when: date | None = None) -> list[Actor]:
        """Every actor mention in `text`, left to right, longest match first, never overlapping.

        Spans are offsets into the caller's text plus `offset`. A generic agent takes the country of a
        country word right before it ("US soldiers" -> USA MIL); given `when`, an office with one holder
        resolves to that person ("the Iraqi prime minister" in 2024 -> Mohammed Shia al-Sudani).
        """
        tokens = self._tokenise(text)
        titled = self._with_titled_surnames(tokens, self._match(tokens), when)
        matches = self._combine(tokens, self._with_leaders_governments(tokens, titled), when)
        kept = [match for match in matches if not self._names_a_tongue(tokens, match)]
        return [self._to_actor(match, text, offset, when) for match in kept]

    def resolve(self, text: str, span: Span = (0, 0), when: date | None = None) -> Actor | None:
        """The best actor for one phrase (a noun chunk), or None.

        `span` is where the phrase sits in the article: the returned span is the matched words,
        shifted by `span[0]`. A named actor beats a generic agent with a country, which beats a bare
        country, which beats a bare agent. A phrase whose capitalised words are not all known returns
        None unless a named actor matched, so that the caller keeps the unknown name.
        """
        tokens = self._tokenise(text)
        titled = self._with_titled_surnames(tokens, self._match(tokens), when)
        matches = self._combine(tokens, self._with_leaders_governments(tokens, titled), when, one_phrase=True)
        if not matches:
            return None
        best = min(reversed(matches), key=_preference)
        if _preference(best) > 0 and self._has_unknown_name(tokens, matches):
            return None
        if self._names_a_tongue(tokens, best):
            return None
        if self._ends_an_unknown_name(tokens, best, matches):
            return None
        return self._to_actor(best, text, span[0], when)

    def operation_before(self, text: str, end: int) -> tuple[Operation, Span] | None:
        """The named operation whose capitalised name ends right before offset `end` of `text` ("the
        Al-Aqsa Flood operation", "Operation Sindoor strikes"), and where its name stands."""
        if not self._operations:
            return None
        start = max(0, end - OPERATION_NAME_REACH)
        tokens = self._tokenise(text[start:end])
        if not len(tokens) or text[start + tokens.ends[-1] : end].strip():
            return None
        last = len(tokens)
        for length in range(min(self._longest_operation, last), 0, -1):
            first = last - length
            operation = self._operations.get(tuple(tokens.keys[first:last]))
            if operation is not None and tokens.surfaces[first][:1].isupper():
                return operation, (start + tokens.lead(first), start + tokens.ends[-1])
        return None

    def _names_a_tongue(self, tokens: _Tokens, match: _Match) -> bool:
        """ "the Russian language": a nation's word before a word for a tongue names no actor."""
        following = tokens.keys[match.last : match.last + 1]
        return match.entry.is_country and bool(following) and following[0] in self._language_words

    def names_civil_society(self, name: str) -> bool:
        """Whether an organisation's name is headed by a word of a non-governmental body
        (`civil_society_heads`), before or after an "of": "the Association of African Jurists", "the
        Third World Water Forum", "Members of the Association" (where the recogniser took in who they
        are)."""
        parts = [part.split() for part in re.split(r"\s+of\s+", name.strip())]
        heads = [part[-1].lower().strip("()") for part in parts if part]
        return bool(self.civil_society_heads.intersection(heads))

    def bare_agent(self, words: str) -> Actor | None:
        """The generic agent, of no country, that a phrase ends with ("Israel's militia": militia;
        "Liberian security forces": security forces)."""
        parts = words.split()
        for cut in range(1, len(parts)):
            bare = self.resolve(" ".join(parts[cut:]))
            if bare is not None and bare.kind == AGENT_KIND and bare.country is None:
                return bare
        return None

    def of_country(self, agent: Actor, alpha3: str) -> Actor:
        """A generic agent as one of a country's ("protesters" in Baghdad: Iraqi protesters), named and
        identified as "US soldiers" is when the text says so."""
        owner = self.entries.get(alpha3)
        if owner is None or not owner.is_country or agent.kind != AGENT_KIND:
            return agent
        actor_id, name = owner.national(agent.name or agent.text, agent.sector)
        return replace(agent, actor_id=actor_id, name=name, country=alpha3)

    def out_of_office(self, official: Actor) -> Actor:
        """An official the text puts out of office ("former president"): one of the elites, ELI."""
        return replace(official, sector=FORMER_OFFICIAL, acled_inter=acled_inter_of(FORMER_OFFICIAL))

    def names_a_nations_people(self, people: Actor) -> bool:
        """Whether the actor is a nation's people, whole or some of them ("Albanians", "the Albanian
        population", "Iraqi civilians")."""
        civilians_id = f"{people.country}CVL"
        return people.kind == AGENT_KIND and people.country is not None and people.actor_id == civilians_id

    def nation_of(self, people: Actor) -> Actor | None:
        """The state whose people ("Palestinians", "Israelis") an agent names as a whole, if it does; not
        some of them that a nation's adjective qualifies ("Lebanese protesters", "Iraqi civilians")."""
        entry = self.entries.get(people.country or "")
        if entry is None or not self.names_a_nations_people(people):
            return None
        nation = self.entries.get(people.actor_id)
        return entry.to_actor(people.text, people.span) if nation and nation.name == people.name else None

    def spelled_like(self, name: str, span: Span, when: date | None = None) -> Actor | None:
        """The one named actor whose name is spelt almost as `name` ("Abdelaziz Bouteflicka", "Laurent
        Gbago"), for a name nothing matched exactly; None when no name is close enough or two actors'
        names are. Only names of two words or more: one word is too short to tell a typo from another
        name."""
        key = self.alias_key(name)
        query = " ".join(key)
        if len(key) < 2 or len(query) < FUZZY_MIN_LENGTH:
            return None
        names, owners = self._spellings().get(query[0], ([], []))
        owner = _one_spelt_almost(query, names, owners)
        return owner.to_actor(name, span, when) if owner is not None else None

    def country_spelled_like(self, name: str, span: Span, when: date | None = None) -> Actor | None:
        """The one country whose one-word name is spelt almost as a place name nothing matched
        ("Ethopia", "Afganistan"); only for names of COUNTRY_FUZZY_MIN_LENGTH letters or more, where
        one letter more or less does not make another country's name ("Niger", "Nigeria")."""
        key = self.alias_key(name)
        if len(key) != 1 or len(key[0]) < COUNTRY_FUZZY_MIN_LENGTH:
            return None
        owner = _one_spelt_almost(key[0], *self._country_spellings)
        return owner.to_actor(name, span, when) if owner is not None else None

    @cached_property
    def _country_spellings(self) -> tuple[list[str], list[KBEntry]]:
        """Every country's one-word names as match keys."""
        names: list[str] = []
        owners: list[KBEntry] = []
        for key, aliases in self._index.items():
            for alias in aliases:
                if alias.entry.is_country and len(key) == 1:
                    names.append(key[0])
                    owners.append(alias.entry)
        return names, owners

    def _spellings(self) -> dict[str, tuple[list[str], list[KBEntry]]]:
        """Every named actor's names as match keys, by first letter: built on the first use."""
        if self._by_first_letter is None:
            self._by_first_letter = {}
            for key, aliases in self._index.items():
                for alias in aliases:
                    if alias.entry.is_named and len(key) >= 2:
                        names, owners = self._by_first_letter.setdefault(key[0][:1], ([], []))
                        names.append(" ".join(key))
                        owners.append(alias.entry)
        return self._by_first_letter

    def holder(self, seat: str, title: str, when: date, posted_to: str | None = None) -> KBEntry | None:
        """Who held `title` (canonical, as in agents.yaml) for `seat` (alpha-3 or actor id) on `when`."""
        for role, person in self._holders.get((seat, title, posted_to), ()):
            if role.holds_on(when):
                return person
        return None

    # ----- matching -----------------------------------------------------------------------------

    def _normalise(self, word: str) -> str:
        return _normalise_cached(word, self._variants)

    def _tokenise(self, text: str) -> _Tokens:
        # Whole-list steps, not one loop body per word: this runs on every sentence.
        spans = [found.span() for found in TOKEN_RE.finditer(text)]
        surfaces = [text[start:end] for start, end in spans]
        key_of = self._key_of
        keys = [key_of.get(word) or self._new_key(word) for word in surfaces]
        if not self._unusual_words.isdisjoint(surfaces):
            return self._tokenise_slowly(text, spans)
        if not SKIPPED_TOKENS.isdisjoint(keys):
            kept = [i for i, key in enumerate(keys) if key not in SKIPPED_TOKENS]
            spans, surfaces, keys = (
                [spans[i] for i in kept],
                [surfaces[i] for i in kept],
                [keys[i] for i in kept],
            )
        starts = [start for start, _ in spans]
        ends = [end for _, end in spans]
        joined = [
            False,
            *(text[e:s] == " " or _joins(text[e:s]) for e, s in zip(ends, starts[1:], strict=False)),
        ]
        return _Tokens(text, surfaces, keys, starts, ends, joined[: len(keys)])

    def _tokenise_slowly(self, text: str, spans: list[tuple[int, int]]) -> _Tokens:
        """For texts holding a possessive or a glued word: split and trim those, then tokenise."""
        unusual = self._unusual_words
        spans = [
            part
            for start, end in spans
            for part in (_split_word(text, start, end) if text[start:end] in unusual else ((start, end),))
        ]
        surfaces = [text[start:end] for start, end in spans]
        keys = [self._key_of.get(word) or self._new_key(word) for word in surfaces]
        kept = [i for i, key in enumerate(keys) if key not in SKIPPED_TOKENS]
        starts, ends = [spans[i][0] for i in kept], [spans[i][1] for i in kept]
        joined = [False, *(_joins(text[e:s]) for e, s in zip(ends, starts[1:], strict=False))]
        return _Tokens(
            text, [surfaces[i] for i in kept], [keys[i] for i in kept], starts, ends, joined[: len(kept)]
        )

    def _new_key(self, word: str) -> str:
        if len(self._key_of) > KEY_CACHE_SIZE:
            self._key_of.clear()  # a long-running process reads an open vocabulary: stay bounded
        if _without_possessive(word, 0, len(word))[1] < len(word) or GLUED_RE.search(word):
            self._unusual_words.add(word)
        key = self._key_of[word] = self._normalise(word)
        return key

    def _match(self, tokens: _Tokens) -> list[_Match]:
        """Longest alias match at each word, left to right, never overlapping."""
        reach = _joined_reach(tokens)
        longest, keys = self._longest, tokens.keys
        matches: list[_Match] = []
        index, count = 0, len(keys)
        while index < count:
            limit = longest.get(keys[index])
            found = self._longest_at(tokens, index, min(limit, reach[index])) if limit else None
            if found is None:
                index += 1
                continue
            owner = found.entry.is_country or found.entry.is_named
            if not (owner and _after_stance_prefix(tokens, found.first)):
                matches.append(found)  # "pro-government forces" are still government forces
            index = found.last
        return matches

    def _longest_at(self, tokens: _Tokens, index: int, longest: int) -> _Match | None:
        for length in range(longest, 0, -1):
            last = index + length
            words = tokens.surfaces[index:last]
            for alias in self._index.get(tuple(tokens.keys[index:last]), ()):
                if alias.accepts(words) and alias.bridges(tokens, index, last):
                    return _Match(index, last, alias.entry, tokens.lead(index), tokens.ends[last - 1])
        return None

    def _with_titled_surnames(
        self, tokens: _Tokens, matches: list[_Match], when: date | None
    ) -> list[_Match]:
        """A surname right after an office title names the one person of the knowledge base with that
        surname ("President Mugabe"); on a date, the one of them in office then. When two could be
        meant ("President Bush" with no date) but both bore the title in one country, the phrase is
        that country's office, as "the US president" would be."""
        added: list[_Match] = []
        offices: dict[int, _Match] = {}
        for position, match in enumerate(matches):
            following = matches[position + 1] if position + 1 < len(matches) else None
            index = match.last
            if (
                match.entry.title is None
                or index >= len(tokens)
                or (following is not None and following.first == index)
                or not tokens.joined[index]
                or not tokens.surfaces[index][:1].isupper()
                or _name_goes_on(tokens, index + 1)
            ):
                continue  # no capitalised word after the title, or a first name ("Secretary Tom King")
            person = self._only_person_named(tokens.keys[index], when)
            if person is not None:
                start, end = tokens.starts[index], tokens.ends[index]
                added.append(_Match(index, index + 1, person, start, end))
            elif (office := self._office_of_namesakes(tokens, match, tokens.keys[index])) is not None:
                offices[position] = _Match(match.first, index + 1, office, match.start, tokens.ends[index])
        if offices:
            matches = [offices.get(position, match) for position, match in enumerate(matches)]
        return sorted([*matches, *added], key=lambda m: m.first) if added else matches

    def _with_leaders_governments(self, tokens: _Tokens, matches: list[_Match]) -> list[_Match]:
        """ "the Bush administration", "the Mugabe government": a government word of no country right
        after a capitalised surname that most of the people in government who bore it (more than half)
        served one country under is that country's government."""
        return [self._government_led_by(tokens, matches, at) or match for at, match in enumerate(matches)]

    def _government_led_by(self, tokens: _Tokens, matches: list[_Match], position: int) -> _Match | None:
        match = matches[position]
        agent, index = match.entry, match.first - 1
        if (
            agent.kind != AGENT_KIND
            or agent.country is not None
            or agent.sector != GOVERNMENT_SECTOR
            or agent.title is not None  # an office's title names its holder: "Tom King"
            or index < 0
            or (position > 0 and matches[position - 1].last > index)
            or not tokens.joined[match.first]
            or not tokens.surfaces[index][:1].isupper()
        ):
            return None
        country = self._country_of_leaders_named(tokens.keys[index])
        if country is None:
            return None
        return _Match(index, match.last, _of_nation(country, agent), tokens.starts[index], match.end)

    def _country_of_leaders_named(self, surname: str) -> KBEntry | None:
        people = self._by_surname.get(surname, [])
        served = Counter(
            person.country
            for person in people
            if any(role.sector == GOVERNMENT_SECTOR for role in person.roles)
        )
        if not served:
            return None
        alpha3, count = served.most_common(1)[0]
        country = self.entries.get(alpha3 or "")
        if 2 * count <= sum(served.values()) or country is None or not country.is_country:
            return None
        return country

    def _office_of_namesakes(self, tokens: _Tokens, title: _Match, surname: str) -> KBEntry | None:
        """The office a title names when every person of the knowledge base with the surname after it
        who bore that title ("President George W. Bush" among their aliases) was of one country."""
        title_words = set(tokens.keys[title.first : title.last])
        styled = [
            person
            for person in self._by_surname.get(surname, [])
            if title_words <= self._alias_words.get(person.actor_id, set())
        ]
        countries = {person.country for person in styled}
        if len(styled) < 2 or len(countries) != 1:
            return None
        country = self.entries.get(countries.pop() or "")
        if country is None or not country.is_country:
            return None
        return _of_nation(country, title.entry)

    def _only_person_named(self, surname: str, when: date | None) -> KBEntry | None:
        people = self._by_surname.get(surname, [])
        if when is not None and len(people) > 1:
            people = [p for p in people if any(r.holds_on(when) and r.sector != FORMER_OFFICIAL
                                               for r in p.roles if r.dated)]  # fmt: skip
        return people[0] if len(people) == 1 else None

    def _combine(
        self, tokens: _Tokens, matches: list[_Match], when: date | None, one_phrase: bool = False
    ) -> list[_Match]:
        """Join modifier + agent ("US soldiers"), office + holder ("President Joe Biden")."""
        combined: list[_Match] = []
        for match in matches:
            previous = combined[-1] if combined else None
            if previous is not None and (
                self._names_a_body_of(tokens, previous, match) or _irregular_forces(tokens, previous, match)
            ):
                combined[-1] = _Match(previous.first, match.last, previous.entry, previous.start, match.end,
                                      previous.person, previous.titled)  # fmt: skip
            elif (
                previous is not None
                and match.entry.is_agent
                and self._modifies(tokens, previous, match, one_phrase)
            ):
                combined[-1] = self._qualified_agent(tokens, previous, match, when)
            elif (
                previous is not None
                and match.entry.kind == PERSON_KIND
                and _names_holder(tokens, previous, match)
            ):
                combined[-1] = _Match(previous.first, match.last, match.entry, previous.start, match.end)
            elif previous is not None and match.entry.is_country and self._posts(tokens, previous, match):
                combined[-1] = self._posted_holder(previous, match, when)
            else:
                combined.append(match)
        return combined

    def _names_a_body_of(self, tokens: _Tokens, people: _Match, collective: _Match) -> bool:
        """A collective word right after generic people names a body of them: "student groups"."""
        return (
            people.entry.is_agent
            and collective.entry.is_agent
            and collective.first == people.last
            and collective.last == collective.first + 1
            and tokens.keys[collective.first] in self._collective
            and tokens.joined[collective.first]
        )

    def _modifies(self, tokens: _Tokens, modifier: _Match, agent: _Match, one_phrase: bool = False) -> bool:
        """A country (or named organisation) directly before an agent, maybe via a few adjectives. In one
        noun phrase ("French paper workers"), any two lower-case words may come between."""
        entry = modifier.entry
        if modifier.person is not None or not (
            entry.is_country or (entry.is_named and entry.kind != PERSON_KIND)
        ):
            return False
        between = range(modifier.last, agent.first)  # adjectives such as "armed" in "Iraqi armed forces"
        if not (tokens.joined[modifier.last] or tokens.possessive(modifier.last - 1)):
            return False
        if not all(tokens.joined[i] for i in range(modifier.last + 1, agent.first + 1)):
            return False
        known = [tokens.keys[i] in self._modifiers or tokens.keys[i] in self._identity for i in between]
        if all(known):
            return True
        other = [i for i, ok in zip(between, known, strict=True) if not ok]
        return one_phrase and len(other) <= PHRASE_GAP and all(tokens.surfaces[i].islower() for i in other)

    def _qualified_agent(self, tokens: _Tokens, modifier: _Match, agent: _Match, when: date | None) -> _Match:
        owner, role = modifier.entry, agent.entry
        person = self.holder(owner.actor_id, role.title, when) if role.title and when else None
        titled = role.title is not None
        if owner.is_named:
            # "Hezbollah fighters" is Hezbollah; "the UN secretary general" may be its holder. An
            # international body's troops are its armed part ("UN peacekeepers"), as its missions are.
            if owner.kind == IGO_KIND and role.name.lower() in self._mission_troops:
                owner = replace(owner, sector=role.sector)
            return _Match(modifier.first, agent.last, owner, modifier.start, agent.end, person, titled)
        qualified = _of_nation(owner, role)
        return _Match(modifier.first, agent.last, qualified, modifier.start, agent.end, person, titled)

    def _posts(self, tokens: _Tokens, title: _Match, country: _Match) -> bool:
        """'<country> ambassador to <country>': the title phrase continues over 'to <country>'."""
        return (
            title.entry.title == "ambassador"
            and title.entry.country is not None
            and country.first == title.last + 1
            and tokens.keys[title.last] == "to"
            and tokens.joined[title.last]
            and tokens.joined[country.first]
        )

    def _posted_holder(self, title: _Match, country: _Match, when: date | None) -> _Match:
        seat = title.entry.country or ""
        person = self.holder(seat, "ambassador", when, posted_to=country.entry.actor_id) if when else None
        return _Match(title.first, country.last, title.entry, title.start, country.end, person, True)

    def _has_unknown_name(self, tokens: _Tokens, matches: list[_Match]) -> bool:
        covered = {i for match in matches for i in range(match.first, match.last)}
        return any(i not in covered and self._unknown_capitalised(tokens, i) for i in range(len(tokens)))

    def _ends_an_unknown_name(self, tokens: _Tokens, best: _Match, matches: list[_Match]) -> bool:
        """ "Nigeria Labour Congress": an organisation's name ("Congress") right after a capitalised word
        that nothing matched is the end of a longer name we do not know, not that organisation."""
        before = best.first - 1
        if before < 0 or best.person is not None or not best.entry.is_named or best.entry.kind == PERSON_KIND:
            return False
        covered = any(match.first <= before < match.last for match in matches)
        return tokens.joined[best.first] and not covered and self._unknown_capitalised(tokens, before)

    def _in_stance(self, tokens: _Tokens, index: int) -> bool:
        """ "Pro-Russian", "anti-Syria": the prefix or a name we know after it, which name no one.
        ("Anti-Balaka" is a name of its own.)"""
        named = index + 1 if index + 1 < len(tokens) and tokens.keys[index] in STANCE_PREFIXES else index
        return _after_stance_prefix(tokens, named) and tokens.keys[named] in self._longest

    def _unknown_capitalised(self, tokens: _Tokens, index: int) -> bool:
        """A capitalised word that is no determiner, demonym or known modifier: part of a name."""
        key = tokens.keys[index]
        return (
            tokens.surfaces[index][:1].isupper()
            and not self._in_stance(tokens, index)
            and key not in DETERMINERS
            and key not in self._identity
            and key not in self._modifiers
        )

    @staticmethod
    def _to_actor(match: _Match, text: str, offset: int, when: date | None) -> Actor:
        entry = match.person or match.entry
        span = (match.start + offset, match.end + offset)
        return entry.to_actor(text[match.start : match.end], span, when)


# ----- helpers (pure) ---------------------------------------------------------------------------


def _one_spelt_almost(query: str, names: list[str], owners: list[KBEntry]) -> KBEntry | None:
    """The one owner of the names spelt almost as `query`; None when no name is close enough or the
    closest names belong to two owners."""
    found = process.extract(query, names, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, limit=5)
    if not found:
        return None
    close = {owners[index].actor_id for _, score, index in found if score >= found[0][1] - FUZZY_MARGIN}
    return owners[found[0][2]] if len(close) == 1 else None


def _preference(match: _Match) -> int:
    """Lower is better: named actor or office holder, agent with country, country, bare agent."""
    entry = match.entry
    if match.person is not None or entry.is_named:
        return 0
    if entry.is_agent and entry.country:
        return 1
    return 2 if entry.is_country else 3


def _irregular_forces(tokens: _Tokens, kind: _Match, forces: _Match) -> bool:
    """ "Guerrilla commandos", "insurgent troops": an armed group's word right before a state forces'
    word says whose fighters they are."""
    return (
        kind.entry.is_agent
        and forces.entry.is_agent
        and kind.entry.sector == IRREGULAR_SECTOR
        and forces.entry.sector == FORCES_SECTOR
        and forces.first == kind.last
        and tokens.joined[forces.first]
    )


def _names_holder(tokens: _Tokens, title: _Match, person: _Match) -> bool:
    """An office title right before a person's name: "US Vice President Kamala Harris"."""
    titled = title.titled or title.entry.title is not None
    return titled and title.last == person.first and tokens.joined[person.first]


def _name_goes_on(tokens: _Tokens, index: int) -> bool:
    return index < len(tokens) and tokens.joined[index] and tokens.surfaces[index][:1].isupper()


def _joined_reach(tokens: _Tokens) -> list[int]:
    """For each token, how many tokens from it on are joined into one run (a name can't span more); a
    possessive followed by a space may be inside a name ("People's Protection Units"): the alias says."""
    joined = tokens.joined
    reach = [1] * len(joined)
    for i in range(len(joined) - 2, -1, -1):
        if joined[i + 1] or _possessive_gap(tokens, i):
            reach[i] = reach[i + 1] + 1
    return reach


def _possessive_gap(tokens: _Tokens, index: int) -> bool:
    """Word `index` ends in "'s" and one space separates it from the next."""
    end = tokens.ends[index]
    return tokens.possessive(index) and tokens.text[end + 2 : tokens.starts[index + 1]] == " "


def _after_stance_prefix(tokens: _Tokens, index: int) -> bool:
    """ "an anti-Syria journalist", "pro-Russian separatists": a name after "anti-" or "pro-" says what
    someone is for or against, not whose they are."""
    if index == 0 or tokens.keys[index - 1] not in STANCE_PREFIXES:
        return False
    gap = tokens.text[tokens.ends[index - 1] : tokens.starts[index]]
    return gap in HYPHENS


def _words(text: str) -> tuple[list[str], list[bool]]:
    """The words of an alias, split as `_tokenise` splits text, and which were followed by "'s"."""
    if not SPLIT_OR_TRIM_RE.search(text):
        words = TOKEN_RE.findall(text)  # most names: nothing to split or trim
        return words, [False] * len(words)
    words, possessive = [], []
    for found in TOKEN_RE.finditer(text):
        parts = _split_word(text, *found.span())
        words += [text[a:b] for a, b in parts]
        possessive += [False] * (len(parts) - 1) + [parts[-1][1] < found.end()]
    return words, possessive


def _split_word(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A glued "ofKataib" (a typo news text has) is two words, "of" and "Kataib"; "Iraq's" is "Iraq"."""
    cuts = [found.start() for found in GLUED_RE.finditer(text, start, end)]
    bounds = [start, *cuts, end]
    parts = list(itertools.pairwise(bounds))
    parts[-1] = _without_possessive(text, *parts[-1])
    return parts


def _without_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    if end - start > 2 and text[end - 2 : end] in POSSESSIVE_SUFFIXES:
        return start, end - 2
    return start, end


def _joins(gap: str) -> bool:
    return gap == " " or gap == "" or JOINING_GAP_RE.fullmatch(gap) is not None


@cache
def _fold(word: str) -> str:
    """Case-fold, drop diacritics, apostrophes and abbreviation dots: "Kata'ib" -> "kataib"."""
    word = word.translate(APOSTROPHES)
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
    return word.casefold()


def _normalise_cached(word: str, variants: dict[str, str]) -> str:
    folded = _fold(word)
    return variants.get(folded, folded)


def _case_rule(entry: KBEntry, surface: tuple[str, ...]) -> str:
    letters = "".join(surface).replace(".", "")
    if len(surface) == 1 and letters.isupper() and len(letters) <= 5:
        return "exact"  # KH, IRI, US: as words ("us", "kh") they are something else
    if entry.is_agent and not any(s[:1].isupper() for s in surface):
        return "any"
    return "title"


@cache
def _default_kb() -> ActorKB:
    return ActorKB.from_files(*default_paths(), include_default=False)


@cache
def _kb_with(files: tuple[tuple[str, int, int], ...]) -> ActorKB:
    return ActorKB.from_files(*(path for path, _, _ in files)) if files else _default_kb()


def _file_state(path: str) -> tuple[int, int]:
    """When a file was last changed and its size (zeros for a missing file: reading it says why)."""
    try:
        state = os.stat(path)
    except OSError:
        return 0, 0
    return state.st_mtime_ns, state.st_size
