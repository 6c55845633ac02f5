"""Coding on a real Dask cluster (a LocalCluster of worker processes): the store ends the same as after a
local run, and the Parquet partitions the workers write can be kept."""

from __future__ import annotations

from pathlib import Path

import dask
import duckdb
import pytest
import yaml
from click.testing import CliRunner

from whodid.cli import main
from whodid.errors import WhodidError
from whodid.scale.cluster import connect
from whodid.store import EventStore

CORPUS = Path(__file__).resolve().parents[1] / "data" / "merge_corpus" / "articles.jsonl"


def stored(db: Path) -> tuple[list[dict], list[dict]]:
    with EventStore(db, read_only=True) as store:
        return store.events(), store.mentions()


def test_ingest_on_a_local_dask_cluster_stores_what_a_local_run_stores(tmp_path: Path) -> None:
    runner = CliRunner()
    local, cluster, parts = tmp_path / "local.duckdb", tmp_path / "cluster.duckdb", tmp_path / "parts"
    assert runner.invoke(main, ["ingest", str(CORPUS), "--db", str(local)]).exit_code == 0

    result = runner.invoke(main, ["ingest", str(CORPUS), "--db", str(cluster), "--dask", "local:2",
                                  "--parts", str(parts)])  # fmt: skip

    assert result.exit_code == 0, result.output
    assert stored(cluster) == stored(local)
    hand = yaml.safe_load((CORPUS.parent / "happenings.yaml").read_text(encoding="utf-8"))
    assert len(stored(cluster)[0]) == len(hand["happenings"]) + len(hand["background"])
    written = sorted(parts.glob("*/part-*.parquet"))
    assert written  # kept where asked, one folder per run
    with duckdb.connect() as connection:
        rows = connection.execute(
            "SELECT count(*) FROM read_parquet(?)", [[str(p) for p in written]]
        ).fetchall()
    assert rows == [(15,)]


def test_dask_and_workers_together_are_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["ingest", str(CORPUS), "--db", str(tmp_path / "s.duckdb"), "--dask", "local:2", "--workers", "2"],
    )
    assert result.exit_code == 2
    assert "not both" in result.output


@pytest.mark.parametrize("scheduler", ["local:0", "local:two"])
def test_a_malformed_local_cluster_size_is_an_error(scheduler: str) -> None:
    with pytest.raises(WhodidError, match="local:N"):
        connect(scheduler)


def test_an_unreachable_scheduler_is_an_error_naming_it() -> None:
    with pytest.raises(WhodidError, match=r"127\.0\.0\.1:9"):
        connect("tcp://127.0.0.1:9", timeout_s=2)


def test_a_local_cluster_leaves_its_workers_profiler_off() -> None:
    client, cluster = connect("local:1")
    try:
        settings = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
    finally:
        client.close()
        assert cluster is not None
        cluster.close()
    assert list(settings.values()) == [False]
    assert dask.config.get("distributed.worker.profile.enabled")  # this process's setting is untouched
