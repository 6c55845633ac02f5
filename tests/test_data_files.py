"""Reading our YAML data files: a key written twice is refused, with the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from whodid.data_files import load_yaml_mapping
from whodid.errors import DataFileError


def test_a_key_written_twice_is_refused_with_its_line(tmp_path: Path):
    path = tmp_path / "lexicon.yaml"
    path.write_text("senses:\n  find: {guilty: 1}\n  seize: {town: 2}\n  find: {bomb: 3}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="written twice") as error:
        load_yaml_mapping(path)
    assert "lexicon.yaml" in str(error.value)
    assert "4" in str(error.value)


def test_merged_keys_may_be_overridden(tmp_path: Path):
    path = tmp_path / "lexicon.yaml"
    path.write_text(
        "base: &base {town: 1, city: 1}\nseize: {<<: *base, town: 2, bomb: 3}\n", encoding="utf-8"
    )
    assert load_yaml_mapping(path)["seize"] == {"town": 2, "city": 1, "bomb": 3}
