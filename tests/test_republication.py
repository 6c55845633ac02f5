"""Republished copies of an article: MinHash signatures, LSH band keys and the sentence-level edits.

The articles below are invented for these tests: a town, a river and people that do not exist."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from whodid import republication
from whodid.republication import (
    BANDS,
    COPY_THRESHOLD,
    NUM_PERM,
    ROWS,
    Edit,
    band_keys,
    edits,
    estimated_similarity,
    normalise,
    sentences,
    shingles,
    signature,
    signature_bytes,
    signature_from_bytes,
)

HEADLINE = "Brennick closes Ould river bridge after spring flood damage"
COPY_HEADLINE = "Flood-damaged bridge over the Ould shut for six weeks"
# The two sentences the copy rewords, before and after.
DAMAGE = (
    "The damage was discovered during a routine inspection that followed last week's flood, when the "
    "river rose almost three metres in a single night."
)
COPY_DAMAGE = (
    "The damage came to light during a routine inspection that followed last week’s flood, when the "
    "river rose nearly three metres overnight."
)
TRADE = "Shop owners on Mill Street said trade had already fallen sharply."
COPY_TRADE = "Shopkeepers on Mill Street said business had already dropped sharply."
ADDED = "Residents can send questions to the council by email until Thursday."

ORIGINAL = f"""{HEADLINE}
BRENNICK — The town council of Brennick closed the old stone bridge over the Ould river on Tuesday \
after engineers found deep cracks in two of its piers. Mayor Ilse Varga said the crossing would stay \
shut for at least six weeks while repairs are planned.
{DAMAGE} Tomas Reyl, the engineer who led the inspection, said the water had washed away much of the \
gravel that protects the foundations. "We could see daylight under the eastern pier," he told \
reporters at the town hall.
About four thousand vehicles use the bridge every day, according to the council. Drivers are being \
sent along a detour through the village of Marrow End, which adds roughly twenty minutes to the \
journey into the town centre. {TRADE}
The council will meet on Friday to decide whether to repair the bridge or replace it. Halden \
Waterworks, which owns a pipeline that crosses the river inside the structure, said its supply to the \
northern districts was not affected. A temporary footbridge for pedestrians and cyclists is expected \
to open next month.
"""

# Another outlet's version: new headline, two sentences reworded, its own dashes, quotes and spacing.
COPY = f"""{COPY_HEADLINE}

BRENNICK - The town council of Brennick closed the old  stone bridge over the Ould river on Tuesday \
after engineers found deep cracks in two of its piers.  Mayor Ilse Varga said the crossing would \
stay shut for at least six weeks while repairs are planned.\t

{COPY_DAMAGE}  Tomas Reyl, the engineer who led the inspection, said the water had washed away much \
of the gravel that protects the foundations.  “We could see daylight under the eastern pier,” he \
told reporters at the town hall.

About four thousand vehicles use the bridge every day, according to the council.  Drivers are being \
sent along a detour through the village of Marrow End, which adds roughly twenty minutes to the \
journey into the town centre.  {COPY_TRADE}

The council will meet on Friday to decide whether to repair the bridge or replace it.  Halden \
Waterworks, which owns a pipeline that crosses the river inside the structure, said its supply to \
the northern districts was not affected.  A temporary footbridge for pedestrians and cyclists is \
expected to open next month.
"""

COPY_WITH_ADDITION = COPY.replace("or replace it.  Halden", f"or replace it.  {ADDED}  Halden", 1)

# The same story followed up days later: the same people and places, a few of the same phrases, new sentences.
FOLLOW_UP = """Brennick bridge repairs to cost more than expected, mayor says
Repairing the old stone bridge over the Ould river will cost far more than the council first thought, \
Mayor Ilse Varga said the morning after a public meeting on Friday. Engineers led by Tomas Reyl now \
believe both piers on the eastern bank must be rebuilt from the riverbed up. Varga said the town \
would ask the regional government for emergency funds, because its own reserves were spent on \
flood defences last year.
Several residents of Marrow End complained that heavy lorries on the detour were shaking their houses \
and asked for a weight limit. Reyl said a steel replacement could be built faster than a faithful \
repair of the old arches, but some councillors argued that the bridge was part of the town's history.
Halden Waterworks has offered to move its pipeline to a new channel under the Ould at its own expense. \
Traders from Mill Street, who say they have lost a third of their customers, asked the council to \
reopen the crossing to pedestrians as soon as possible. A final decision is expected before the end \
of the month.
"""


def jaccard(a: str, b: str) -> float:
    first, second = shingles(a), shingles(b)
    return len(first & second) / len(first | second)


def shared_keys(a: str, b: str) -> set[tuple[int, int]]:
    return set(band_keys(signature(a))) & set(band_keys(signature(b)))


def test_the_sample_articles_are_article_sized():
    for text in (ORIGINAL, COPY, FOLLOW_UP):
        assert 150 <= len(text.split()) <= 300


def test_identical_texts_have_the_same_signature_and_band_keys():
    first, second = signature(ORIGINAL), signature(ORIGINAL)
    assert estimated_similarity(first, second) == 1.0
    assert band_keys(first) == band_keys(second)


def test_a_lightly_edited_copy_is_a_copy_and_a_candidate():
    original, copy = signature(ORIGINAL), signature(COPY)
    similarity = estimated_similarity(original, copy)
    assert COPY_THRESHOLD <= similarity < 1.0
    assert shared_keys(ORIGINAL, COPY)
    # The signature estimates the Jaccard similarity of the shingle sets (standard error ≈ 0.04 here).
    assert abs(similarity - jaccard(ORIGINAL, COPY)) < 0.15


def test_another_article_on_the_same_story_is_not_a_copy():
    similarity = estimated_similarity(signature(ORIGINAL), signature(FOLLOW_UP))
    assert similarity < COPY_THRESHOLD / 3
    assert 0 < jaccard(ORIGINAL, FOLLOW_UP) < 0.1  # a few shared phrases, names and places
    assert not shared_keys(ORIGINAL, FOLLOW_UP)
    assert not shared_keys(COPY, FOLLOW_UP)


def test_house_style_does_not_change_the_shingles():
    plain = (
        "The mayor said: \"We don't know yet - it's early.\" Then she left for a two-day visit to the U.S."
    )
    styled = (
        "THE  Mayor said — “We don’t know yet – it’s early.”\nThen she left for a two–day visit to the US…"
    )
    assert normalise(styled) == normalise(plain)
    assert shingles(styled) == shingles(plain)
    assert len(shingles(plain)) == len(normalise(plain).split()) - 4


def test_a_text_shorter_than_a_shingle_is_one_shingle():
    assert len(shingles("Bridge closed.")) == 1
    assert shingles("Bridge closed.") == shingles("bridge  CLOSED")
    assert shingles("Bridge closed.") != shingles("Bridge open.")


def test_signatures_are_stable_across_calls_and_round_trip_through_bytes():
    sig = signature(COPY)
    assert sig.dtype == np.uint64 and sig.shape == (NUM_PERM,)
    assert np.array_equal(sig, signature(COPY))
    stored = signature_bytes(sig)
    assert len(stored) == NUM_PERM * 8
    assert stored[:8] == int(sig[0]).to_bytes(8, "little")
    restored = signature_from_bytes(stored)
    assert restored.dtype == np.uint64 and np.array_equal(restored, sig)
    assert band_keys(restored) == band_keys(sig)
    with pytest.raises(ValueError):
        signature_from_bytes(stored[:-8])


# Stored signatures and band keys must keep matching new ones after a restart, on another machine or
# with a newer numpy: these values were computed once and must never change.
PINNED_TEXT = "Heavy rain closed the bridge over the Ould river on Tuesday."
PINNED_SIGNATURE_HEAD = [64684383749164745, 429347522650353803, 39089082023951961, 512446054460018713]
PINNED_FIRST_KEY = (0, 772514105749787412)


def test_signatures_and_band_keys_do_not_depend_on_the_process_or_the_machine():
    sig = signature(PINNED_TEXT)
    assert [int(v) for v in sig[:4]] == PINNED_SIGNATURE_HEAD
    assert band_keys(sig)[0] == PINNED_FIRST_KEY
    # Python salts str hashes per process: a fresh interpreter with another seed must agree. It loads the
    # module on its own, to spare it the package's language models.
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('republication', {republication.__file__!r})\n"
        "module = sys.modules['republication'] = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        f"sys.stdout.write(module.signature_bytes(module.signature({PINNED_TEXT!r})).hex())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "4321"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    elsewhere = run.stdout
    assert elsewhere == signature_bytes(sig).hex()


def test_band_keys_fit_a_bigint_column():
    keys = band_keys(signature(ORIGINAL))
    assert [band for band, _ in keys] == list(range(BANDS))
    assert all(isinstance(bucket, int) and -(2**63) <= bucket < 2**63 for _, bucket in keys)
    assert any(bucket < 0 for _, bucket in keys)  # signed, so the full 64 bits are used
    assert len({bucket for _, bucket in keys}) == BANDS


def test_an_empty_article_matches_nothing():
    for text in ("", "  \n\t ", "— … !"):
        sig = signature(text)
        assert shingles(text) == set()
        assert np.all(sig == np.iinfo(np.uint64).max)
        assert band_keys(sig) == []
        assert estimated_similarity(sig, sig) == 0.0
        assert estimated_similarity(sig, signature(ORIGINAL)) == 0.0


def test_a_copy_is_almost_surely_a_candidate_at_the_threshold():
    assert BANDS * ROWS == NUM_PERM
    assert 1 - (1 - COPY_THRESHOLD**ROWS) ** BANDS > 0.95


def test_edits_are_the_reworded_and_the_added_sentences():
    assert edits(ORIGINAL, COPY_WITH_ADDITION) == [
        Edit("replaced", HEADLINE, COPY_HEADLINE),
        Edit("replaced", DAMAGE, COPY_DAMAGE),
        Edit("replaced", TRADE, COPY_TRADE),
        Edit("inserted", "", ADDED),
    ]


def test_a_dropped_sentence_is_deleted():
    assert edits(COPY_WITH_ADDITION, COPY) == [Edit("deleted", ADDED, "")]


def test_restyled_quotes_and_spacing_are_not_edits():
    assert edits(ORIGINAL, ORIGINAL) == []
    restyled = ORIGINAL.replace('"We', "“We").replace('pier,"', "pier,”").replace(". ", ".  ")
    assert restyled != ORIGINAL
    assert edits(ORIGINAL, restyled) == []


def test_sentences_split_at_stops_before_capitals_quotes_and_digits_and_at_line_breaks():
    text = 'Dr. Reyl spoke first. "It is bad," he said. 40 homes flooded!\nWhy? Nobody knows.'
    assert sentences(text) == [
        "Dr. Reyl spoke first.",
        '"It is bad," he said.',
        "40 homes flooded!",
        "Why?",
        "Nobody knows.",
    ]
    assert sentences("He paid 3.5 million. it was late.") == ["He paid 3.5 million. it was late."]
