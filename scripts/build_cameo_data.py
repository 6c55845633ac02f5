"""Generate the CAMEO side of the ontology as package data, from the reference files in ../shared.

Run from the project root:  .venv/bin/python scripts/build_cameo_data.py --shared ../shared
It writes two files, both committed; re-run it when the reference files or the tables below change:

  src/whodid/data/ontology/cameo.yaml      every CAMEO event code with its PLOVER type, mode, context,
                                           Goldstein score and quad class
  src/whodid/data/lexicon/cameo_verbs.yaml the verb-level default codes of the PETRARCH2 CAMEO verb
                                           dictionary, with their PLOVER types

Only facts (codes, words, numbers, labels) are taken over; the formats and comments are ours.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from whodid.records import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[1]
CAMEO_OUTPUT = ROOT / "src" / "whodid" / "data" / "ontology" / "cameo.yaml"
VERBS_OUTPUT = ROOT / "src" / "whodid" / "data" / "lexicon" / "cameo_verbs.yaml"
CROSSWALK_FILE = Path("reference/plover/CAMEO2PLOVER-2021.txt")
VERB_DICTIONARY_FILE = Path("reference/petrarch2-dictionaries/CAMEO.2.0.txt")
REGENERATE = ".venv/bin/python scripts/build_cameo_data.py --shared ../shared"

# CAMEO cue-category labels: the crosswalk's two-digit lines name only the PLOVER type.
ROOT_NAMES: dict[str, str] = {
    "01": "MAKE PUBLIC STATEMENT", "02": "APPEAL", "03": "EXPRESS INTENT TO COOPERATE", "04": "CONSULT",
    "05": "ENGAGE IN DIPLOMATIC COOPERATION", "06": "ENGAGE IN MATERIAL COOPERATION", "07": "PROVIDE AID",
    "08": "YIELD", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "EXHIBIT FORCE POSTURE", "16": "REDUCE RELATIONS",
    "17": "COERCE", "18": "ASSAULT", "19": "FIGHT", "20": "USE UNCONVENTIONAL MASS VIOLENCE",
}  # fmt: skip

# Labels (CAMEO codebook) of the codes PLOVER dropped, which the crosswalk therefore leaves out.
DROPPED_CODE_NAMES: dict[str, str] = {
    "010": "Make statement", "011": "Decline comment", "012": "Make pessimistic comment",
    "013": "Make optimistic comment", "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility", "016": "Deny responsibility",
    "017": "Engage in symbolic act", "018": "Make empathetic comment", "019": "Express accord",
    "020": "Make an appeal or request", "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation", "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation", "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)", "023": "Appeal for aid",
    "0231": "Appeal for economic aid", "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping", "024": "Appeal for political reform",
    "0241": "Appeal for change in leadership", "0242": "Appeal for policy change",
    "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime", "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions", "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement", "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute", "028": "Appeal to others to engage in or accept mediation",
}  # fmt: skip

# Crosswalk labels that are misspelt or name the PLOVER type instead of the CAMEO code.
LABEL_FIXES: dict[str, str] = {
    "Apolgize": "Apologize",
    "Ostruct": "Obstruct",
    "adminstrative": "administrative",
}
NAME_OVERRIDES: dict[str, str] = {"100": "Demand"}

# The CAMEO Goldstein scale (values as distributed with the GDELT CAMEO lookup tables,
# CAMEO.goldsteinscale.txt). Pairs of code and score, one cue category per line.
GOLDSTEIN_SCALE = """
01 0.0 010 0.0 011 -0.1 012 -0.4 013 0.4 014 0.0 015 0.0 016 -2.0 017 0.0 018 3.4 019 3.4
02 3.0 020 3.0 021 3.4 0211 3.4 0212 3.4 0213 3.4 0214 3.4 022 3.2 023 3.4 0231 3.4 0232 3.4 0233 3.4
  0234 3.4 024 -0.3 0241 -0.3 0242 -0.3 0243 -0.3 0244 -0.3 025 -0.3 0251 -0.3 0252 -0.3 0253 -0.3
  0254 -0.3 0255 -0.3 0256 -0.3 026 4.0 027 4.0 028 4.0
03 4.0 030 4.0 031 5.2 0311 5.2 0312 5.2 0313 5.2 0314 5.2 032 4.5 033 5.2 0331 5.2 0332 5.2 0333 5.2
  0334 6.0 034 7.0 0341 7.0 0342 7.0 0343 7.0 0344 7.0 035 7.0 0351 7.0 0352 7.0 0353 7.0 0354 7.0
  0355 7.0 0356 7.0 036 4.0 037 5.0 038 7.0 039 5.0
04 1.0 040 1.0 041 1.0 042 1.9 043 2.8 044 2.5 045 5.0 046 7.0
05 3.5 050 3.5 051 3.4 052 3.5 053 3.8 054 6.0 055 7.0 056 7.0 057 8.0
06 6.0 060 6.0 061 6.4 062 7.4 063 7.4 064 7.0
07 7.0 070 7.0 071 7.4 072 8.3 073 7.4 074 8.5 075 7.0
08 5.0 080 5.0 081 5.0 0811 5.0 0812 5.0 0813 5.0 0814 5.0 082 5.0 083 5.0 0831 5.0 0832 5.0 0833 5.0
  0834 5.0 084 7.0 0841 7.0 0842 7.0 085 7.0 086 9.0 0861 9.0 0862 9.0 0863 9.0 087 9.0 0871 9.0
  0872 9.0 0873 9.0 0874 10.0
09 -2.0 090 -2.0 091 -2.0 092 -2.0 093 -2.0 094 -2.0
10 -5.0 100 -5.0 101 -5.0 1011 -5.0 1012 -5.0 1013 -5.0 1014 -5.0 102 -5.0 103 -5.0 1031 -5.0
  1032 -5.0 1033 -5.0 1034 -5.0 104 -5.0 1041 -5.0 1042 -5.0 1043 -5.0 1044 -5.0 105 -5.0 1051 -5.0
  1052 -5.0 1053 -5.0 1054 -5.0 1055 -5.0 1056 -5.0 107 -5.0 108 -5.0
11 -2.0 110 -2.0 111 -2.0 112 -2.0 1121 -2.0 1122 -2.0 1123 -2.0 1124 -2.0 1125 -2.0 113 -2.0
  114 -2.0 115 -2.0 116 -2.0
12 -4.0 120 -4.0 121 -4.0 1211 -4.0 1212 -4.0 122 -4.0 1221 -4.0 1222 -4.0 1223 -4.0 1224 -4.0
  123 -4.0 1231 -4.0 1232 -4.0 1233 -4.0 1234 -4.0 124 -4.0 1241 -4.0 1242 -4.0 1243 -4.0 1244 -4.0
  1245 -4.0 1246 -4.0 125 -5.0 126 -5.0 127 -5.0 128 -5.0 129 -5.0
13 -6.0 130 -4.4 131 -5.8 1311 -5.8 1312 -5.8 1313 -5.8 132 -5.8 1321 -5.8 1322 -5.8 1323 -5.8
  1324 -5.8 133 -5.8 134 -5.8 135 -5.8 136 -7.0 137 -7.0 138 -7.0 1381 -7.0 1382 -7.0 1383 -7.0
  1384 -7.0 1385 -7.0 139 -7.0
14 -6.5 140 -6.5 141 -6.5 1411 -6.5 1412 -6.5 1413 -6.5 1414 -6.5 142 -6.5 1421 -6.5 1422 -6.5
  1423 -6.5 1424 -6.5 143 -6.5 1431 -6.5 1432 -6.5 1433 -6.5 1434 -6.5 144 -7.5 1441 -7.5 1442 -7.5
  1443 -7.5 1444 -7.5 145 -7.5 1451 -7.5 1452 -7.5 1453 -7.5 1454 -7.5
15 -7.2 150 -7.2 151 -7.2 152 -7.2 153 -7.2 154 -7.2
16 -4.0 160 -4.0 161 -4.0 162 -5.6 1621 -5.6 1622 -5.6 1623 -5.6 163 -8.0 164 -7.0 165 -6.5 166 -7.0
  1661 -7.0 1662 -7.0 1663 -7.0
17 -7.0 170 -7.0 171 -9.2 1711 -9.2 1712 -9.2 172 -5.0 1721 -5.0 1722 -5.0 1723 -5.0 1724 -5.0
  173 -5.0 174 -5.0 175 -9.0
18 -9.0 180 -9.0 181 -9.0 182 -9.5 1821 -9.0 1822 -9.0 1823 -10.0 183 -10.0 1831 -10.0 1832 -10.0
  1833 -10.0 184 -8.0 185 -8.0 186 -10.0
19 -10.0 190 -10.0 191 -9.5 192 -9.5 193 -10.0 194 -10.0 195 -10.0 196 -9.5
20 -10.0 200 -10.0 201 -9.5 202 -10.0 203 -10.0 204 -10.0 2041 -10.0 2042 -10.0
"""

# Head words the verb dictionary gives in an inflected form; keys must be lemmas (spaCy matches lemmas).
HEAD_WORD_LEMMAS: dict[str, str] = {
    "forgave": "forgive",
    "forgiven": "forgive",
    "is": "be",
    "touring": "tour",
}
# Words after a verb that make a coordination fragment ("KILLED_AND"), not a phrasal verb.
COORDINATORS = frozenset({"and", "or"})

CODE_PATTERN = re.compile(r"^\d{2,4}$")
CROSSWALK_LINE = re.compile(r"^(?P<code>\d{2,4}):(?P<body>[^#]*)(?:#(?P<label>.*))?$")
# An editor's dated note trailing a crosswalk label ("Ease curfew  21.09.17: ...").
EDITOR_NOTE = re.compile(r"\s+\d{2}\.\d{2}\.\d{2}:.*$")
BLOCK_HEADER = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\]]*)\][-\s]*$")
VERB_LINE = re.compile(r"^(?P<phrase>[A-Z+_'-]+)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*$")
NULL_CODES = {"", "---"}


# ---------------------------------------------------------------- CAMEO codes


@dataclass(frozen=True)
class CrosswalkRow:
    code: str
    plover: str | None
    mode: str | None
    context: tuple[str, ...]
    label: str | None
    line: int


@dataclass
class CrosswalkReading:
    rows: dict[str, CrosswalkRow] = field(default_factory=dict)
    repeated_same: list[str] = field(default_factory=list)
    repeated_different: list[tuple[CrosswalkRow, CrosswalkRow]] = field(default_factory=list)


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def parse_plover_type(raw: str, line: int) -> str | None:
    value = normalise_space(raw)
    if value in NULL_CODES:
        return None
    if value not in PLOVER_TYPES:
        raise ValueError(f"{CROSSWALK_FILE}:{line}: unknown PLOVER type {value!r}")
    return value


def parse_crosswalk_line(text: str, line: int) -> CrosswalkRow:
    match = CROSSWALK_LINE.match(text)
    if match is None:
        raise ValueError(f"{CROSSWALK_FILE}:{line}: cannot read {text!r}")
    fields = match["body"].split(",")
    if len(fields) > 3:
        raise ValueError(f"{CROSSWALK_FILE}:{line}: more than type, mode and context in {text!r}")
    fields += [""] * (3 - len(fields))
    contexts = tuple(part for part in (normalise_space(p) for p in fields[2].split(";")) if part)
    label = EDITOR_NOTE.sub("", normalise_space(match["label"] or "")) or None
    return CrosswalkRow(
        code=match["code"],
        plover=parse_plover_type(fields[0], line),
        mode=normalise_space(fields[1]) or None,
        context=contexts,
        label=label,
        line=line,
    )


def read_crosswalk(path: Path) -> CrosswalkReading:
    """The crosswalk's rows by code; a repeated code keeps its first row."""
    reading = CrosswalkReading()
    for number, raw in enumerate(path.read_text(encoding="ascii").splitlines(), start=1):
        text = raw.strip()
        if text.startswith("~"):  # the table's end marker
            break
        if not text or text.startswith("#"):
            continue
        row = parse_crosswalk_line(text, number)
        first = reading.rows.get(row.code)
        if first is None:
            reading.rows[row.code] = row
        elif (first.plover, first.mode, first.context) == (row.plover, row.mode, row.context):
            reading.repeated_same.append(row.code)
        else:
            reading.repeated_different.append((first, row))
    return reading


def parse_goldstein_scale(table: str) -> dict[str, float]:
    tokens = table.split()
    scale = {code: float(value) for code, value in zip(tokens[::2], tokens[1::2], strict=True)}
    if bad := [code for code in scale if not CODE_PATTERN.match(code)]:
        raise ValueError(f"Goldstein table: not CAMEO codes: {bad}")
    return scale


def quad_class(code: str) -> int:
    """CAMEO/ICEWS convention by cue category: 01-05, 06-08, 09-13, 14-20."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 else 4


def parent_codes(code: str) -> Iterator[str]:
    """The code itself, then its three- and two-digit ancestors."""
    for length in (4, 3, 2):
        if len(code) >= length:
            yield code[:length]


def fixed_label(label: str) -> str:
    for wrong, right in LABEL_FIXES.items():
        label = label.replace(wrong, right)
    return label


def code_name(code: str, row: CrosswalkRow | None) -> str:
    if code in NAME_OVERRIDES:
        return NAME_OVERRIDES[code]
    if len(code) == 2:
        return ROOT_NAMES[code]
    if row is not None and row.label:
        return fixed_label(row.label)
    if code in DROPPED_CODE_NAMES:
        return DROPPED_CODE_NAMES[code]
    raise ValueError(f"no label for CAMEO code {code}")


@dataclass(frozen=True)
class CameoEntry:
    code: str
    name: str
    plover: str | None
    mode: str | None
    context: tuple[str, ...]
    goldstein: float
    quad_class: int
    goldstein_from_parent: bool


def goldstein_for(code: str, scale: dict[str, float]) -> tuple[float, bool]:
    for candidate in parent_codes(code):
        if candidate in scale:
            return scale[candidate], candidate != code
    raise ValueError(f"no Goldstein score for CAMEO code {code} or its parents")


def build_cameo_table(crosswalk: CrosswalkReading, scale: dict[str, float]) -> dict[str, CameoEntry]:
    """Every code of the crosswalk and of the Goldstein table (which adds the dropped 01 and 02 codes)."""
    table = {}
    for code in sorted(set(crosswalk.rows) | set(scale)):
        row = crosswalk.rows.get(code)
        goldstein, from_parent = goldstein_for(code, scale)
        table[code] = CameoEntry(
            code=code,
            name=code_name(code, row),
            plover=row.plover if row else None,
            mode=row.mode if row else None,
            context=row.context if row else (),
            goldstein=goldstein,
            quad_class=quad_class(code),
            goldstein_from_parent=from_parent,
        )
    return table


# ---------------------------------------------------------------- verb dictionary


@dataclass(frozen=True)
class VerbLine:
    lemma: str
    particles: tuple[str, ...]
    code: str | None  # the line's own code or its block's; None for the null code
    forms: tuple[str, ...]
    colon_code: bool
    misfit_forms: int
    line: int

    @property
    def key(self) -> str:
        return " ".join((self.lemma, *self.particles))


@dataclass
class VerbDictionaryReading:
    lines: list[VerbLine] = field(default_factory=list)
    blocks: int = 0
    patterns_skipped: int = 0


def first_code(raw: str) -> tuple[str | None, bool]:
    """The code of a "[code]" or "[code:code]" field (the first of a pair), and whether it was a pair."""
    head, colon, _ = raw.partition(":")
    code = head.strip()
    return (None if code in NULL_CODES else code), bool(colon)


def strip_comment(text: str) -> str:
    """Drop '#' comments and the older ';' ones."""
    return re.split(r"[#;]", text, maxsplit=1)[0].rstrip()


def split_phrase(phrase: str, line: int) -> tuple[str, tuple[str, ...]]:
    """Verb word and the words that must follow it ("+CALL_FOR" -> call, (for,))."""
    if "_" not in phrase and "+" not in phrase:
        return phrase.lower(), ()
    if not phrase.startswith("+") or "+" in phrase[1:]:
        raise ValueError(f"{VERB_DICTIONARY_FILE}:{line}: only verb-first phrases are handled: {phrase!r}")
    verb, *following = phrase[1:].split("_")
    return verb.lower(), tuple(word.lower() for word in following if word)


def irregular_forms(raw: str | None, particles: tuple[str, ...], line: int) -> tuple[tuple[str, ...], int]:
    """The verb word of each form listed in braces, and how many forms were dropped because they
    inflect another word than the one marked as the verb ("+WIRE_TAPPED")."""
    forms = []
    misfits = 0
    for form in (raw or "").replace(",", " ").split():
        verb, following = split_phrase(form, line)
        if following == particles:
            forms.append(verb)
        else:
            misfits += 1
    return tuple(forms), misfits


def read_verb_dictionary(path: Path) -> VerbDictionaryReading:
    reading = VerbDictionaryReading()
    in_verbs = False
    block_code: str | None = None
    block_colon = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith("#######"):  # section banners: synonym sets, verb patterns, transformations
            in_verbs = "VERB PATTERNS" in raw
            continue
        text = strip_comment(raw)
        if not in_verbs or not text.strip():
            continue
        if header := BLOCK_HEADER.match(text):
            reading.blocks += 1
            block_code, block_colon = first_code(header["code"])
            continue
        if text.startswith("---"):
            raise ValueError(f"{VERB_DICTIONARY_FILE}:{number}: cannot read block header {text!r}")
        if text.startswith("-"):  # noun/object patterns need PETRARCH's matcher
            reading.patterns_skipped += 1
            continue
        reading.lines.append(verb_line(text, number, block_code, block_colon))
    return reading


def verb_line(text: str, number: int, block_code: str | None, block_colon: bool) -> VerbLine:
    match = VERB_LINE.match(text.strip())
    if match is None:
        raise ValueError(f"{VERB_DICTIONARY_FILE}:{number}: cannot read {text!r}")
    verb, particles = split_phrase(match["phrase"], number)
    code, colon = (block_code, block_colon) if match["code"] is None else first_code(match["code"])
    forms, misfits = irregular_forms(match["forms"], particles, number)
    lemma = HEAD_WORD_LEMMAS.get(verb, verb)
    return VerbLine(
        lemma=lemma,
        particles=particles,
        code=code,
        forms=forms if lemma == verb else (verb, *forms),
        colon_code=colon,
        misfit_forms=misfits,
        line=number,
    )


@dataclass
class VerbEntry:
    lemma: str
    particles: tuple[str, ...]
    cameo: str
    plover: str | None
    forms: list[str] = field(default_factory=list)
    also: list[str] = field(default_factory=list)


@dataclass
class VerbTable:
    entries: dict[str, VerbEntry] = field(default_factory=dict)
    null_code_lines: int = 0
    coordination_lines: int = 0
    repeated_lines: int = 0
    dropped_entries: dict[str, VerbEntry] = field(default_factory=dict)

    def dropped_by_category(self) -> Counter[str]:
        return Counter(entry.cameo[:2] for entry in self.dropped_entries.values())


def plover_of(code: str, cameo: dict[str, CameoEntry]) -> str | None:
    for candidate in parent_codes(code):
        if candidate in cameo:
            return cameo[candidate].plover
    raise ValueError(f"verb dictionary uses unknown CAMEO code {code}")


def merge_verb_lines(lines: Iterable[VerbLine], table: VerbTable) -> dict[str, VerbEntry]:
    """One entry per lemma and following words; its first coded line gives the code, later ones 'also'."""
    merged: dict[str, VerbEntry] = {}
    for line in lines:
        if line.code is None:  # the block's sense of the verb is no event
            table.null_code_lines += 1
        elif COORDINATORS & set(line.particles):  # "KILLED_AND": a fragment, not a phrasal verb
            table.coordination_lines += 1
        elif (entry := merged.get(line.key)) is None:
            merged[line.key] = VerbEntry(line.lemma, line.particles, line.code, None)
        else:
            table.repeated_lines += 1
            if line.code != entry.cameo and line.code not in entry.also:
                entry.also.append(line.code)
    return merged


def build_verb_table(lines: Iterable[VerbLine], cameo: dict[str, CameoEntry]) -> VerbTable:
    """The merged entries whose code has a PLOVER type, with the irregular forms of all their lines."""
    lines = list(lines)
    table = VerbTable()
    for key, entry in merge_verb_lines(lines, table).items():
        entry.plover = plover_of(entry.cameo, cameo)
        if entry.plover is None:
            table.dropped_entries[key] = entry
        else:
            table.entries[key] = entry
    for line in lines:  # word forms hold whatever code a line carries
        if (entry := table.entries.get(line.key)) is not None:
            entry.forms.extend(form for form in line.forms if form not in entry.forms and form != entry.lemma)
    return table


# ---------------------------------------------------------------- writing


def yaml_string(text: str) -> str:
    """Plain when YAML reads it back unchanged, double-quoted otherwise."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 _'-]*", text) and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def yaml_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(yaml_string(item) for item in items) + "]"


def quoted_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(json.dumps(item) for item in items) + "]"


def cameo_line(entry: CameoEntry) -> str:
    fields = [f"name: {json.dumps(entry.name)}", f"plover: {entry.plover or 'null'}"]
    if entry.mode:
        fields.append(f"mode: {yaml_string(entry.mode)}")
    if entry.context:
        fields.append(f"context: {yaml_list(entry.context)}")
    fields += [f"goldstein: {entry.goldstein}", f"quad_class: {entry.quad_class}"]
    return f'  "{entry.code}": {{{", ".join(fields)}}}'


def verb_line_yaml(key: str, entry: VerbEntry) -> str:
    fields = [f'cameo: "{entry.cameo}"', f"plover: {entry.plover}"]
    if entry.particles:
        fields.append(f"with: {yaml_list(entry.particles)}")
    if entry.forms:
        fields.append(f"forms: {yaml_list(entry.forms)}")
    if entry.also:
        fields.append(f"also: {quoted_list(entry.also)}")
    return f"  {yaml_string(key)}: {{{', '.join(fields)}}}"


def wrapped(line: str, width: int = 100) -> list[str]:
    """A long header line as several, continuation lines indented two more spaces."""
    indent = " " * (len(line) - len(line.lstrip()))
    return textwrap.wrap(
        line.strip(), width, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False
    ) or [""]


def comment_block(lines: Iterable[str]) -> str:
    return "\n".join(f"# {part}".rstrip() for line in lines for part in wrapped(line))


def cameo_header(table: dict[str, CameoEntry], crosswalk: CrosswalkReading) -> str:
    dropped = sorted(code for code in table if code not in crosswalk.rows)
    parent_scored = sorted(code for code, entry in table.items() if entry.goldstein_from_parent)
    conflicts = [
        f"{first.code} (line {first.line}: {first.plover}; line {later.line}: {later.plover})"
        for first, later in crosswalk.repeated_different
    ]
    return comment_block(
        [
            "CAMEO event codes: label, PLOVER type, mode and context, Goldstein score and quad class.",
            "Generated by scripts/build_cameo_data.py; do not edit by hand.",
            f"Regenerate: {REGENERATE}",
            "",
            "Provenance (facts only, in our own format):",
            "  plover, mode, context: the CAMEO to PLOVER table of the PLOVER project "
            "(CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8, September 2021; Open Event Data Alliance). "
            "Whitespace is normalised; "
            "a context field naming several contexts (';'-separated there) becomes a list here.",
            "  name: the CAMEO codebook label, as the table's line comments give it (typos corrected); "
            "the cue-category names and the labels of the codes the table leaves out come from the CAMEO "
            "codebook.",
            "  goldstein: the CAMEO Goldstein conflict-cooperation scale (-10..10), values as distributed "
            "with the GDELT CAMEO lookups (CAMEO.goldsteinscale.txt). A code without a score of its own "
            "takes its parent's.",
            "  quad_class: by CAMEO cue category, the CAMEO/ICEWS convention: 1 verbal cooperation (01-05), "
            "2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20). It "
            "follows the CAMEO code, not the PLOVER type (163 is COERCE, quad class 4 through 16).",
            "",
            f"{len(table)} codes. plover: null marks the {len(dropped)} codes PLOVER dropped (cue categories "
            f"01 and 02, {dropped[0]} .. {dropped[-1]}); the table leaves them out, they are listed here so "
            "that every CAMEO code has a label and a score.",
            "Codes the table lists twice keep their first row. Same mapping twice: "
            + (", ".join(crosswalk.repeated_same) or "none")
            + ". Different mappings: "
            + ("; ".join(conflicts) or "none")
            + ": YIELD splits into CONCEDE (081-083) and RETREAT (084-087).",
            "Goldstein score taken from the parent code: " + (", ".join(parent_scored) or "none") + ".",
        ]
    )


def verbs_header(reading: VerbDictionaryReading, table: VerbTable) -> str:
    entries = table.entries.values()
    dropped = table.dropped_by_category()
    dropped_text = ", ".join(f"{count} in {root}" for root, count in sorted(dropped.items()))
    return comment_block(
        [
            "CAMEO verbs: the verb-level default codes of the PETRARCH2 CAMEO verb dictionary, with their "
            "PLOVER types.",
            "Generated by scripts/build_cameo_data.py; do not edit by hand.",
            f"Regenerate: {REGENERATE}",
            "",
            "Provenance: verbs and codes from the PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt "
            "(MIT licence, Copyright (c) 2015 Open Event Data Alliance; last update 30 April 2015), "
            "converted by "
            "scripts/build_cameo_data.py; PLOVER types through ontology/cameo.yaml (the CAMEO to PLOVER "
            "table).",
            "",
            "One entry per verb, keyed by its lemma in lower case. A phrasal verb (the dictionary's "
            '"+CALL_FOR") is keyed by lemma, space and the words that follow it ("call for"), which it '
            "also lists under 'with'; it is a separate entry from the bare verb. Hyphenated verbs keep "
            "the hyphen.",
            "  cameo   the code of the entry's first coded line: the line's own code, else its block's (of a "
            "code pair 'a:b', the first)",
            "  plover  the PLOVER type of that code (the parent code's where the code has no row)",
            "  forms   the irregular forms the dictionary lists in braces (for a phrase, of its verb word)",
            "  also    the other codes later lines give the entry; the lexicon decides what to use",
            "",
            f"Read {reading.blocks} verb blocks with {len(reading.lines)} verb lines "
            f"({sum(line.colon_code for line in reading.lines)} with a code pair); kept {len(table.entries)} "
            f"entries ({sum(bool(e.particles) for e in entries)} phrasal, "
            f"{sum(bool(e.also) for e in entries)} with 'also').",
            "Skipped:",
            f"  {reading.patterns_skipped} noun/object patterns (lines starting with '-'): they need "
            "PETRARCH's pattern matcher",
            f"  {table.null_code_lines} verb lines with the null code ('---', none, or a pair whose first "
            "code is empty)",
            f"  {table.coordination_lines} coordination fragments (a verb followed by 'and' or 'or')",
            f"  {len(table.dropped_entries)} entries whose code PLOVER dropped ({dropped_text})",
            f"  {table.repeated_lines} lines merged into an earlier entry of the same key",
            f"  {sum(line.misfit_forms for line in reading.lines)} brace forms that inflect another word "
            "than the one marked as the verb",
        ]
    )


def render_cameo(table: dict[str, CameoEntry], crosswalk: CrosswalkReading) -> str:
    body = "\n".join(cameo_line(entry) for entry in table.values())
    return f"{cameo_header(table, crosswalk)}\ncodes:\n{body}\n"


def render_verbs(reading: VerbDictionaryReading, table: VerbTable) -> str:
    body = "\n".join(verb_line_yaml(key, table.entries[key]) for key in sorted(table.entries))
    return f"{verbs_header(reading, table)}\nverbs:\n{body}\n"


def check_round_trip(text: str, section: str, expected_keys: Iterable[str]) -> None:
    """The written YAML must read back with exactly the keys we wrote."""
    loaded = yaml.safe_load(text)[section]
    if list(loaded) != list(expected_keys):
        raise ValueError(f"{section}: YAML keys do not read back as written")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared folder (../shared)")
    args = parser.parse_args(argv)
    if missing := [
        name for name in (CROSSWALK_FILE, VERB_DICTIONARY_FILE) if not (args.shared / name).is_file()
    ]:
        parser.error(f"not found under {args.shared}: {', '.join(map(str, missing))}")
    crosswalk = read_crosswalk(args.shared / CROSSWALK_FILE)
    cameo = build_cameo_table(crosswalk, parse_goldstein_scale(GOLDSTEIN_SCALE))
    reading = read_verb_dictionary(args.shared / VERB_DICTIONARY_FILE)
    verbs = build_verb_table(reading.lines, cameo)

    cameo_text = render_cameo(cameo, crosswalk)
    verbs_text = render_verbs(reading, verbs)
    check_round_trip(cameo_text, "codes", cameo)
    check_round_trip(verbs_text, "verbs", sorted(verbs.entries))
    CAMEO_OUTPUT.write_text(cameo_text, encoding="utf-8")
    VERBS_OUTPUT.write_text(verbs_text, encoding="utf-8")
    print(f"{len(cameo)} CAMEO codes -> {CAMEO_OUTPUT.relative_to(ROOT)}")
    print(f"{len(verbs.entries)} verbs -> {VERBS_OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
