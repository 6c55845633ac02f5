from __future__ import annotations

from whodid.ingest.language import english_share, not_english_reason


def test_english_prose_is_english():
    text = "The army said on Monday that it had retaken the town after a week of fighting with the rebels."
    assert not_english_reason(text) is None
    assert english_share(text)[0] > 0.3


def test_other_languages_are_not():
    german = (
        "Die Armee hat am Montag die Stadt nach einer Woche schwerer Kämpfe mit den Rebellen zurückerobert. "
        "Die Regierung sprach von einem wichtigen Sieg und versprach den Bewohnern baldige Hilfe."
    )
    assert "English" in not_english_reason(german)
    assert "Latin script" in not_english_reason("Армия в понедельник вернула город после недели боёв.")


def test_a_dense_english_lead_is_still_english():
    assert not_english_reason("Russian forces shelled Kharkiv on Sunday, killing two civilians.") is None


def test_a_short_headline_decides_nothing():
    assert not_english_reason("Kidal retaken") is None


def test_a_declared_language_wins():
    assert not_english_reason("The army retook the town.", declared="de") is not None
    assert not_english_reason("The army retook the town.", declared="en-GB") is None
