"""Coding on a Dask cluster: `whodid ingest --dask SCHEDULER` (an address, or `local:N` for N worker
processes on this machine).

The corpus is cut into partitions as it is read; each worker codes a partition with its own Pipeline
(built once per worker) and writes it as a Parquet file (`whodid.scale.partitions`); this process reads
the files back in corpus order and hands the results on, so the store loads them exactly as it loads a
local run's and ends with the same events. Only a few partitions per worker are in flight, so the
corpus is never held whole. On a cluster of several machines, the partition folder (`parts_dir`) must
be one that the workers and this machine share.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import dask
from distributed import Client, Future, LocalCluster

from whodid.errors import WhodidError
from whodid.pipeline import ArticleResult, PipelineOptions
from whodid.records import Article
from whodid.scale.partitions import read_partition, write_partition
from whodid.scale.worker import ClosingCoder, chunks, code_articles, warm_up

log = logging.getLogger(__name__)

LOCAL = "local:"
DEFAULT_PARTITION = 32  # articles per task: seconds of work, so scheduling costs little, and the
# last tasks of a run, when one worker may wait for the other, are short
PARTITIONS_IN_FLIGHT_PER_WORKER = 2
CONNECT_TIMEOUT_S = 30
# A local cluster has no dashboard, so nothing reads what Dask samples for one; on a machine whose cores
# the workers fill, that time is taken from the coding. Idle for 30 s, a cluster of two workers spent
# 2.7 s of CPU with Dask's defaults and 0.4 s with these:
LOCAL_CLUSTER_SETTINGS = {
    "distributed.worker.profile.enabled": False,  # each task's stack sampled every 10 ms
    "distributed.admin.tick.interval": "1s",  # event-loop health checks, every 20 ms in every process
    "distributed.admin.system-monitor.interval": "5s",  # CPU and memory samples for the dashboard
    "distributed.worker.memory.monitor-interval": "1s",  # the memory limit's check, every 100 ms
    # At most two partitions per worker are in flight (PARTITIONS_IN_FLIGHT_PER_WORKER): nothing to steal.
    "distributed.scheduler.work-stealing": False,
}


def code_partition(articles: list[Article], path: str, options: PipelineOptions) -> str:
    """Runs on a worker: code the articles and write them to `path` as one Parquet partition."""
    write_partition(code_articles(articles, options), Path(path))
    return path


def connect(scheduler: str, timeout_s: float = CONNECT_TIMEOUT_S) -> tuple[Client, LocalCluster | None]:
    """A client of the scheduler at `scheduler`, or of a new cluster of N processes for `local:N`."""
    if scheduler.startswith(LOCAL):
        count = scheduler.removeprefix(LOCAL)
        if not count.isdigit() or int(count) < 1:
            raise WhodidError(f"--dask local:N needs a number of workers N >= 1, not {scheduler!r}")
        with dask.config.set(LOCAL_CLUSTER_SETTINGS):
            cluster = LocalCluster(
                n_workers=int(count), threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.WARNING,
            )  # fmt: skip
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=timeout_s), None
    except (OSError, TimeoutError) as error:
        raise WhodidError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error


class DaskCoder(ClosingCoder):
    """A Coder that codes partitions of articles on a Dask cluster. Use it as a context manager (or call
    `close`): a `local:N` cluster ends with it, and partitions it wrote to a temporary folder go."""

    def __init__(
        self,
        scheduler: str,
        options: PipelineOptions | None = None,
        parts_dir: Path | None = None,
        partition_size: int = DEFAULT_PARTITION,
    ) -> None:
        self.options = options or PipelineOptions()
        self.partition_size = partition_size
        self._temporary = parts_dir is None
        root = Path(tempfile.mkdtemp(prefix="whodid-parts-")) if parts_dir is None else parts_dir
        # One folder per run, so runs into the same folder never mix their partitions.
        self.parts_dir = root / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{os.getpid()}"
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        self.client, self._cluster = connect(scheduler)
        try:
            self.workers = max(1, len(self.client.scheduler_info()["workers"]))
            self.client.run(warm_up, self.options)  # every worker loads its Pipeline now, once
        except BaseException:
            self.close()
            raise
        self._written = 0

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        in_flight: deque[tuple[list[Article], Future]] = deque()
        for chunk in chunks(articles, self.partition_size):
            path = self.parts_dir / f"part-{self._written:06d}.parquet"
            self._written += 1
            task = self.client.submit(code_partition, chunk, str(path), self.options, pure=False, retries=1)
            in_flight.append((chunk, task))
            if len(in_flight) >= self.workers * PARTITIONS_IN_FLIGHT_PER_WORKER:
                yield from self._collect(*in_flight.popleft())
        while in_flight:
            yield from self._collect(*in_flight.popleft())

    def _collect(self, chunk: list[Article], task: Future) -> list[ArticleResult]:
        try:
            path = Path(task.result())
        except Exception as error:  # failed twice (retries=1): its articles fail, the run goes on
            log.warning("a partition of %d articles failed on the cluster: %s", len(chunk), error)
            reason = f"the cluster could not code it: {type(error).__name__}: {error}"
            return [ArticleResult(article, [], error=reason) for article in chunk]
        if not path.exists():
            raise WhodidError(
                f"a worker wrote {path}, which this machine cannot see: give --parts a folder that the "
                "workers and this machine share"
            )
        results = read_partition(path)
        if self._temporary:
            path.unlink()
        return results

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
        if self._temporary:
            shutil.rmtree(self.parts_dir.parent, ignore_errors=True)
