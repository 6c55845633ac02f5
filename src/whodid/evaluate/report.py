"""The evaluation report: headline figures beside a baseline, per-class tables, confusion matrices and
the worst cases with the text and what whodid produced, so an engineer can see why."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from whodid.evaluate.runner import EvalResult, ItemOutcome
from whodid.evaluate.scoring import FieldScore
from whodid.records import Event

EXCERPT_CHARS = 400
MAX_CLASSES = 15
MAX_DROPPED_SHOWN = 20
STYLE = (
    "body{font-family:sans-serif;max-width:80em;margin:auto}"
    "td,th{border:1px solid #ccc;padding:3px;vertical-align:top}table{border-collapse:collapse;margin:1em 0}"
)


def summary_rows(result: EvalResult) -> list[list[str]]:
    """One row per field: name, kind, items scored, whodid's figures, the baseline's."""
    return [
        [
            score.spec.name,
            score.spec.kind,
            str(score.scored),
            _figures(score.metrics),
            f"{score.baseline_rule}: {_figures(score.baseline)}" if score.baseline_rule else "",
        ]
        for score in result.scores
    ]


def render_markdown(result: EvalResult, worst: int = 20) -> str:
    return "\n".join(_markdown_lines(result, worst)) + "\n"


def render_summary(result: EvalResult) -> str:
    """The report's head: what was scored and the headline table, for a terminal."""
    return "\n".join(_summary_lines(result))


def render_html(result: EvalResult, worst: int = 20) -> str:
    """The same report as a self-contained HTML page; every text from the gold or the article is escaped."""
    body: list[str] = [f"<h1>{_e(_title(result))}</h1>", f"<p>{_e(_overview(result))}</p>"]
    body += [f"<p>{_e(note)}</p>" for note in result.gold.notes]
    body.append(_html_table(["field", "kind", "scored", "whodid", "baseline"], summary_rows(result)))
    body += _html_dropped(result)
    for score in result.scores:
        body.append(f"<h2>{_e(score.spec.name)}</h2><p>{_e(score.spec.description)}</p>")
        if score.per_class:
            body.append(_html_table(["class", "precision", "recall", "f1", "support"], _class_rows(score)))
        if score.by_group:
            body.append(_html_table([score.spec.group_by or "group", "whodid"], _group_rows(score)))
        if score.confusion:
            header, rows = _confusion(score)
            body.append(_html_table(header, rows))
        cases = _case_rows(result, score, worst)
        if cases:
            body.append(f"<h3>Worst {len(cases)} cases</h3>")
            body.append(_html_table(["item", "gold", "whodid", "text", "whodid's events"], cases))
    head = f"<!doctype html><meta charset='utf-8'><title>{_e(_title(result))}</title><style>{STYLE}</style>"
    return head + "".join(body) + "\n"


def _summary_lines(result: EvalResult) -> Iterable[str]:
    yield f"# {_title(result)}"
    yield ""
    yield _overview(result)
    for note in result.gold.notes:
        yield f"\n{note}"
    yield ""
    yield from _md_table(["field", "kind", "scored", "whodid", "baseline"], summary_rows(result))


def _markdown_lines(result: EvalResult, worst: int) -> Iterable[str]:
    yield from _summary_lines(result)
    if result.gold.dropped or result.failed:
        yield "\n## Rows not scored\n"
        for dropped in (result.gold.dropped + result.failed)[:MAX_DROPPED_SHOWN]:
            yield f"- {dropped.origin}: {dropped.reason}"
    for score in result.scores:
        yield f"\n## {score.spec.name}\n"
        if score.spec.description:
            yield score.spec.description + "\n"
        if score.per_class:
            yield from _md_table(["class", "precision", "recall", "f1", "support"], _class_rows(score))
            yield ""
        if score.by_group:
            yield f"By {score.spec.group_by}:\n"
            yield from _md_table([score.spec.group_by or "group", "whodid"], _group_rows(score))
            yield ""
        if score.confusion:
            header, rows = _confusion(score)
            yield "Confusion (rows: gold, columns: whodid):\n"
            yield from _md_table(header, rows)
            yield ""
        cases = _case_rows(result, score, worst)
        if cases:
            yield f"Worst {len(cases)} cases:\n"
            yield from _md_table(["item", "gold", "whodid", "text", "whodid's events"], cases)


def _title(result: EvalResult) -> str:
    return f"whodid on {result.gold.name} ({result.gold.format})"


def _overview(result: EvalResult) -> str:
    coverage = "n/a" if result.coverage is None else f"{result.coverage:.1%}"
    return (
        f"{result.items} items scored; {len(result.gold.dropped)} gold rows dropped by the reader; "
        f"{len(result.failed)} items whodid could not code; coverage (items with any event): {coverage}."
    )


def _class_rows(score: FieldScore) -> list[list[str]]:
    ranked = sorted(score.per_class.items(), key=lambda pair: -pair[1]["support"])[:MAX_CLASSES]
    return [
        [label, _number(v["precision"]), _number(v["recall"]), _number(v["f1"]), str(int(v["support"]))]
        for label, v in ranked
    ]


def _group_rows(score: FieldScore) -> list[list[str]]:
    return [[group, _figures(metrics)] for group, metrics in score.by_group.items()]


def _confusion(score: FieldScore) -> tuple[list[str], list[list[str]]]:
    golds = sorted(score.confusion, key=lambda g: -sum(score.confusion[g].values()))[:MAX_CLASSES]
    predicted = sorted(
        {p for g in golds for p in score.confusion[g]},
        key=lambda p: -sum(score.confusion[g][p] for g in golds),
    )[:MAX_CLASSES]
    rows = [[gold, *(str(score.confusion[gold][p] or "") for p in predicted)] for gold in golds]
    return ["gold \\ whodid", *predicted], rows


def _case_rows(result: EvalResult, score: FieldScore, worst: int) -> list[list[str]]:
    rows = []
    for case in score.worst(worst):
        outcome = result.outcomes[case.item_id]
        rows.append(
            [
                case.item_id,
                _short(case.gold),
                _short(case.predicted),
                _excerpt(outcome),
                "; ".join(_describe(e) for e in outcome.events[:5]),
            ]
        )
    return rows


def _excerpt(outcome: ItemOutcome) -> str:
    text = " ".join(outcome.item.text.split())
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS] + " …"


def _describe(event: Event) -> str:
    def names(actors: list) -> str:
        return ", ".join(a.name or a.text for a in actors) or "?"

    place = f" @ {event.location.name or event.location.text}" if event.location else ""
    when = f" {event.date.isoformat()}" if event.date else ""
    roles = f"{names(event.source)} → {names(event.target)}"
    return f"{event.type}({event.evidence.trigger_text}) {roles}{place}{when} [{event.factuality}]"


def _figures(metrics: dict[str, float | None]) -> str:
    return ", ".join(f"{name} {_number(value)}" for name, value in metrics.items())


def _number(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) and not value.is_integer() else f"{value:g}"


def _short(value: Any) -> str:
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, float) for v in value):
        return f"{value[0]:.3f}, {value[1]:.3f}"
    return "" if value is None else str(value)


def _md_table(header: list[str], rows: list[list[str]]) -> Iterable[str]:
    yield "| " + " | ".join(header) + " |"
    yield "|" + "---|" * len(header)
    for row in rows:
        yield "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in row) + " |"


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{_e(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _html_dropped(result: EvalResult) -> list[str]:
    dropped = result.gold.dropped + result.failed
    if not dropped:
        return []
    items = "".join(f"<li>{_e(d.origin)}: {_e(d.reason)}</li>" for d in dropped[:MAX_DROPPED_SHOWN])
    return [f"<h2>Rows not scored ({len(dropped)})</h2><ul>{items}</ul>"]


def _e(text: str) -> str:
    return html.escape(text, quote=True)
