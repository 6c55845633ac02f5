"""The library call every face uses."""

from __future__ import annotations

import json
from datetime import date

import whodid
from whodid.records import DATE_PRECISIONS, Article


def test_extract_from_the_package_api():
    events = whodid.extract("Protesters rallied in Dakar on 3 May.", published="2024-05-08")
    [event] = [e for e in events if e.type == "PROTEST"]
    assert event.date == date(2024, 5, 3)
    assert event.location.country == "SEN"
    assert event.quad_class == 4
    assert event.cameo.startswith("14")


def test_the_record_is_json_ready_with_the_contract_fields(pipeline):
    [event] = pipeline.extract("Rebels attacked an army post in Goma on Monday.", date(2024, 5, 8))
    record = json.loads(json.dumps(event.to_dict()))
    for name in ("event_id", "article_id", "type", "cameo", "quad_class", "goldstein", "source", "target",
                 "date", "date_precision", "location", "fatalities", "factuality", "attributed_to",
                 "evidence", "confidence", "reports"):  # fmt: skip
        assert name in record
    assert record["evidence"]["trigger_text"] == "attacked"
    assert record["date_precision"] in DATE_PRECISIONS


def test_run_streams_results_in_order_and_survives_a_bad_article(pipeline):
    articles = [
        Article("a", "Rebels attacked an army post in Goma on Monday.", date(2024, 5, 8)),
        Article("b", "", date(2024, 5, 8)),
        Article("c", "Police arrested twenty protesters in Nairobi.", date(2024, 5, 8)),
    ]
    results = list(pipeline.run(articles))
    assert [r.article.id for r in results] == ["a", "b", "c"]
    assert results[0].events and results[2].events
    assert (results[1].events, results[1].error) == ([], "empty text")


def test_text_the_model_cannot_read_is_refused_with_a_reason(pipeline):
    spanish = ("Los rebeldes atacaron una base del ejército cerca de Goma el lunes por la mañana temprano. "
               "El gobierno condenó el ataque y pidió calma a todas las partes del conflicto.")  # fmt: skip
    huge = "Rebels attacked the base. " * 50_000
    articles = [Article("es", spanish), Article("fr", "Rebels attacked the base.", language="fr"),
                Article("huge", huge), Article("ok", "Rebels attacked the base in Goma.")]  # fmt: skip
    errors = {r.article.id: r.error for r in pipeline.run(articles)}
    assert "does not look like English" in errors["es"]
    assert "'fr'" in errors["fr"]
    assert "longer than the parser's limit" in errors["huge"]
    assert errors["ok"] is None


def test_sentences_do_not_cross_a_blank_line(nlp):
    doc = nlp("Rebels seize town\n\nThe rebels took the town of Kidal on Monday.")
    assert next(s.text.strip() for s in doc.sents) == "Rebels seize town"


def test_injured_and_arrested_reach_their_own_events(pipeline):
    text = ("Gunmen stormed a hotel in Mogadishu on Monday, killing at least 12 people and injuring 30. "
            "Police later arrested nine suspects.")  # fmt: skip
    events = pipeline.extract(text, date(2024, 5, 8))
    [attack] = [e for e in events if e.type == "ASSAULT"]
    [arrest] = [e for e in events if e.type == "COERCE"]
    assert (attack.fatalities.value, attack.fatalities.qualifier) == (12, "at least")
    assert attack.injured.value == 30
    assert attack.arrested is None
    assert (arrest.arrested.value, arrest.fatalities, arrest.injured) == (9, None, None)
    assert json.loads(json.dumps(arrest.to_dict()))["arrested"]["value"] == 9


def test_a_text_in_capitals_is_coded_like_the_same_text_in_ordinary_case(pipeline):
    text = (
        "MEMBERS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) ATTACKED AN ARMY POST IN "
        "SAN MIGUEL ON TUESDAY, KILLING TWO SOLDIERS, THE ARMED FORCES SAID."
    )
    [attack] = [e for e in pipeline.extract(text) if e.type == "ASSAULT"]
    assert [a.actor_id for a in attack.source] == ["farabundo-marti-national-liberation-front"]
    assert attack.location is not None and attack.location.country == "SLV"
    # Spans still point into the text as written.
    start, end = attack.evidence.trigger_span
    assert text[start:end] == "ATTACKED"


def test_a_group_spelt_out_before_its_acronym_is_found_in_capitals_too(pipeline):
    text = (
        "TWO FARMERS WERE SHOT DEAD LAST NIGHT BY A GROUP OF REBELS FROM THE TAMBO RIVER ARMED FORCES "
        "OF LIBERATION (TRAFL), THE POLICE SAID."
    )
    [attack] = [e for e in pipeline.extract(text) if e.type == "ASSAULT"]
    assert [a.text.lower() for a in attack.source] == ["tambo river armed forces of liberation"]
    assert attack.source[0].sector == "REB"


def test_us_in_capitals_is_the_pronoun_unless_the_country_is_meant(pipeline):
    text = (
        "THE REBELS SAID THE ARMY HAS ATTACKED US AGAIN. THE US EMBASSY CONDEMNED THE SHELLING OF THE TOWN."
    )
    events = {e.evidence.trigger_text: e for e in pipeline.extract(text)}
    assert [a.country for a in events["attacked"].target] != ["USA"]
    assert [a.country for a in events["condemned"].source] == ["USA"]
