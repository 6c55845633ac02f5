"""Marks on an article's text: which stretch supports which field of an event; the text cut at them."""

from __future__ import annotations

from itertools import pairwise

from whodid.evidence import Mark, marks, segments, window_around

TEXT = "Gunmen killed three farmers in Bama on Friday, police said."
RECORD = {
    "type": "ASSAULT",
    "evidence": {"sentence_span": [0, 59], "trigger_span": [7, 13]},
    "source": [{"text": "Gunmen", "span": [0, 6], "name": "gunmen", "country": None}],
    "target": [{"text": "farmers", "span": [20, 27], "name": "farmers", "country": "NGA"}],
    "location": {"text": "Bama", "span": [31, 35], "name": "Bama"},
    "date": "2024-05-17",
    "date_span": [39, 45],
    "fatalities": {"value": 3, "span": [14, 19], "text": "three"},
    "attributed_to": {"text": "police", "span": [47, 53], "name": "police"},
    "merged": [],
}


def test_every_supported_field_gets_a_mark_on_its_own_words():
    found = {mark.kind: TEXT[mark.start : mark.end] for mark in marks(RECORD)}
    assert found == {
        "sentence": TEXT, "trigger": "killed", "source": "Gunmen", "target": "farmers", "place": "Bama",
        "date": "Friday", "fatalities": "three", "attribution": "police",
    }  # fmt: skip
    labels = {mark.kind: mark.label for mark in marks(RECORD)}
    assert (
        labels["fatalities"] == "3" and labels["target"] == "farmers (NGA)" and labels["trigger"] == "ASSAULT"
    )


def test_missing_or_broken_spans_give_no_mark():
    record = {**RECORD, "date_span": None, "location": {"span": [9, 3]}, "fatalities": {"span": "x"}}
    kinds = {mark.kind for mark in marks(record)}
    assert not kinds & {"date", "place", "fatalities"}


def test_segments_cover_the_text_exactly_with_overlaps_flattened():
    pieces = segments(TEXT, marks(RECORD))
    assert "".join(piece.text for piece in pieces) == TEXT
    by_text = {piece.text: piece.kinds for piece in pieces}
    assert by_text["killed"] == ("sentence", "trigger")
    assert by_text["Gunmen"] == ("sentence", "source")
    assert by_text[" in "] == ("sentence",)
    assert all(a.kinds != b.kinds or a.labels != b.labels for a, b in pairwise(pieces))


def test_segments_of_a_window_keep_only_that_stretch():
    pieces = segments(TEXT, marks(RECORD), window=(14, 35))
    assert "".join(piece.text for piece in pieces) == TEXT[14:35]
    assert pieces[0].kinds == ("sentence", "fatalities")


def test_unmarked_text_is_one_plain_segment():
    assert [(piece.text, piece.kinds) for piece in segments("No events here.", [])] == [
        ("No events here.", ())
    ]


def test_the_window_of_a_long_article_holds_the_mentions_sentence():
    sentence = Mark("sentence", 90_000, 90_200)
    start, end = window_around([sentence], 200_000, 10_000)
    assert end - start == 10_000 and start <= 90_000 and end >= 90_200
    assert window_around([sentence], 5_000, 10_000) == (0, 5_000)
    assert window_around([Mark("sentence", 199_900, 200_000)], 200_000, 10_000) == (190_000, 200_000)
