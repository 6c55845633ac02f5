"""`whodid eval` end to end on a small gold file of our own in the seed's format."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from whodid.cli import main
from whodid.evaluate.formats import guess_format
from whodid.evaluate.formats.seed import read
from whodid.evaluate.gold import ReadOptions
from whodid.evaluate.report import render_html, render_markdown
from whodid.evaluate.runner import evaluate

GOLD = Path(__file__).parent / "data" / "mini-seed" / "gold.yaml"


def test_the_format_is_recognised():
    assert guess_format(GOLD) == "seed"


def test_scores_and_report(pipeline):
    result = evaluate(read(GOLD, ReadOptions()), pipeline)
    scores = {score.spec.name: score for score in result.scores}
    assert scores["found"].scored == 3
    assert scores["found"].metrics["recall"] >= 2 / 3
    assert scores["place"].metrics["within_25km"] == 1.0
    assert scores["fatalities"].metrics["exact"] == 1.0
    markdown = render_markdown(result)
    assert "| found | flag | 3 |" in markdown
    page = render_html(result)
    assert "<table>" in page and "<script" not in page


def test_the_command_line_prints_the_summary_and_writes_the_report(tmp_path, pipeline):
    report = tmp_path / "report.html"
    outcome = CliRunner().invoke(main, ["eval", str(GOLD), "--report", str(report)], catch_exceptions=False)
    assert outcome.exit_code == 0, outcome.output
    assert "| found | flag |" in outcome.stdout
    assert report.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_an_unknown_format_is_a_clear_error(tmp_path):
    strange = tmp_path / "gold.bin"
    strange.write_bytes(b"\x00\x01")
    outcome = CliRunner().invoke(main, ["eval", str(strange)])
    assert outcome.exit_code == 1
    assert "cannot tell the gold format" in outcome.output
