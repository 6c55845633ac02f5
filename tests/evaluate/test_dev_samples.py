"""Every reader on a small sample of its real development set (../shared), end to end: read, code,
score. Skips, with a message, where ../shared is absent. The full figures come from
benchmarks/accuracy.py, not from here."""

from __future__ import annotations

import pytest

from whodid.evaluate.devsets import DEV_SETS, default_data_root
from whodid.evaluate.formats import format_module
from whodid.evaluate.gold import ReadOptions
from whodid.evaluate.runner import evaluate

SAMPLE = 12


@pytest.mark.parametrize("dev_set", DEV_SETS, ids=[s.format for s in DEV_SETS])
def test_a_sample_is_read_coded_and_scored(dev_set, pipeline):
    path = dev_set.path(default_data_root())
    if not path.exists():
        pytest.skip(f"{path} is not here: the development sets live in ../shared/data")
    gold = format_module(dev_set.format).read(path, ReadOptions(limit=SAMPLE))
    assert 0 < len(gold.items) <= SAMPLE
    assert len({item.id for item in gold.items}) == len(gold.items), "item ids must be unique"
    result = evaluate(gold, pipeline)
    assert result.failed == [], [f.reason for f in result.failed]
    assert [score.spec.name for score in result.scores] == [spec.name for spec in gold.fields]
    assert any(score.scored > 0 for score in result.scores)


@pytest.mark.parametrize("dev_set", DEV_SETS, ids=[s.format for s in DEV_SETS])
def test_the_command_line_recognises_and_scores_each_set(dev_set, pipeline, tmp_path):
    from click.testing import CliRunner

    from whodid.cli import main
    from whodid.evaluate.formats import guess_format

    path = dev_set.path(default_data_root())
    if not path.exists():
        pytest.skip(f"{path} is not here: the development sets live in ../shared/data")
    assert guess_format(path) == dev_set.format
    report = tmp_path / "report.md"
    outcome = CliRunner().invoke(main, ["eval", str(path), "--limit", "4", "--report", str(report)])
    assert outcome.exit_code == 0, outcome.output
    assert f"({dev_set.format})" in outcome.stdout
    assert "| field | kind | scored | whodid | baseline |" in report.read_text(encoding="utf-8")
