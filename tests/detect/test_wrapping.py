"""Hard-wrapped texts: told apart from texts whose lines are paragraphs or headlines, and joined span for
span."""

from __future__ import annotations

from whodid.detect.wrapping import is_hard_wrapped, unwrapped

WRAPPED = """SAN MARCOS, 4 MAY -- MILITARY SOURCES SAID TODAY THAT THE FARABUNDO
MARTI NATIONAL LIBERATION FRONT ATTACKED A POWER STATION NEAR VALLEVERDE
LAST NIGHT, LEAVING THE WHOLE DEPARTMENT WITHOUT ELECTRICITY FOR HOURS.
THE SOURCES ADDED THAT TWO GUARDS WERE WOUNDED IN THE ATTACK, WHICH
LASTED ABOUT AN HOUR.

   ARMY UNITS WERE SENT TO THE AREA THIS MORNING.
"""

HEADLINES = """Rebels attack power station in the north
Floods cut the coastal road
Minister resigns after vote
Teachers strike over pay for a third week
Talks resume in the capital
"""


def test_a_hard_wrapped_text_is_told_from_headlines_and_paragraph_lines() -> None:
    assert is_hard_wrapped(WRAPPED)
    assert not is_hard_wrapped(HEADLINES)
    paragraphs = WRAPPED.replace("\n", " ").replace(".  ", ".\n") * 3
    assert not is_hard_wrapped(paragraphs.replace(" ", " " * 2))  # lines far wider than a wrap
    assert not is_hard_wrapped("ONE LINE\nTWO LINES\n")


def test_breaks_inside_paragraphs_become_spaces_and_blank_lines_stay() -> None:
    joined = unwrapped(WRAPPED)
    assert len(joined) == len(WRAPPED)
    assert "THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED" in joined
    assert "WHICH LASTED ABOUT AN HOUR.\n\n   ARMY UNITS" in joined
    assert unwrapped(HEADLINES) == HEADLINES


def test_a_name_split_by_the_wrapping_is_one_actor_again(pipeline) -> None:
    # The text is in capitals too: parsed in restored case, with the name the knowledge base knows.
    [attack] = [event for event in pipeline.extract(WRAPPED) if event.evidence.trigger_text == "attacked"]
    assert [actor.name for actor in attack.source] == ["Farabundo Marti National Liberation Front"]
