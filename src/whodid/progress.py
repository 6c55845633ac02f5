"""The progress of a long run on stderr: articles done of how many, articles/s, events/s and time left."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


class IngestProgress:
    """A progress bar fed one article at a time. `total` None (stdin) gives a count without a bar's end.
    Disabled, it only counts: the summary at the end still needs the numbers."""

    def __init__(self, total: int | None, enabled: bool, console: Console | None = None) -> None:
        self.articles = 0
        self.events = 0
        self._started = time.perf_counter()
        self._bar = Progress(
            TextColumn("[bold]coding"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles · {task.fields[rates]}"),
            TimeRemainingColumn(elapsed_when_finished=True),
            console=console or Console(stderr=True),
            disable=not enabled,
            refresh_per_second=4,
        )
        self._task = self._bar.add_task("coding", total=total, rates="")

    def advance(self, events: int = 0) -> None:
        self.articles += 1
        self.events += events
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        rates = f"{self.articles / elapsed:.1f} articles/s · {self.events / elapsed:.1f} events/s"
        self._bar.update(self._task, advance=1, rates=rates)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self._started

    def __enter__(self) -> IngestProgress:
        self._bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._bar.stop()
