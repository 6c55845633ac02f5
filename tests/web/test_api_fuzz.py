"""Every operation of the OpenAPI document, called with inputs generated from it (valid and not):
the server answers each with a JSON status below 500, never a crash."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from whodid.web import ServeSettings, create_app

EXAMPLES = 40  # per operation


@pytest.fixture(scope="module")
def web_schema(page_store):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(ServeSettings(str(page_store))))


def _operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_is_fuzzed(web_schema):
    labels = {operation.label for operation in _operations(web_schema)}
    assert {"GET /api/events", "GET /api/map", "POST /api/articles", "GET /api/events/{event_id}"} <= labels


def test_no_input_makes_the_server_fail(web_schema):
    for operation in _operations(web_schema):

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def answers_cleanly(case) -> None:
            response = case.call()
            assert response.status_code < 500, (
                case.method,
                case.formatted_path,
                case.query,
                response.text[:300],
            )
            assert response.headers["content-type"][0].startswith("application/json")
            if response.status_code >= 400:
                assert set(response.json()) == {"error"}

        answers_cleanly()


def test_no_submission_makes_the_server_fail(page_store, tmp_path, pipeline):
    """The write with the key: generated articles are coded and stored, or refused with a reason."""
    import shutil

    location = tmp_path / "writable.duckdb"
    shutil.copyfile(page_store, location)
    settings_ = ServeSettings(str(location), api_key="fuzz-key", writes_per_minute=10_000, write_burst=1_000)
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(settings_, pipeline))
    (operation,) = [item for item in _operations(schema) if item.label == "POST /api/articles"]

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def answers_cleanly(case) -> None:
        response = case.call(headers={"X-API-Key": "fuzz-key"})
        assert response.status_code < 500, (case.body, response.text[:300])
        if response.status_code == 200:
            assert all(
                item["status"] in {"stored", "copied", "known", "failed"}
                for item in response.json()["articles"]
            )
        else:
            assert set(response.json()) == {"error"}

    answers_cleanly()
