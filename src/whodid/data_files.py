"""Reading the YAML data files shipped inside the package (or given by the user)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from whodid.errors import DataFileError


def package_data_path(relative: str) -> Path:
    """Path of a data file shipped in ``whodid/data``."""
    return Path(str(resources.files("whodid") / "data" / relative))


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader refusing a key written twice in one mapping: plain YAML keeps the last one
    silently, and a lexicon entry written twice would lose the first's words without a word."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # "<<: *anchor" merges another mapping: its keys may be overridden here
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping", node.start_mark, f"the key {key!r} is written twice",
                    key_node.start_mark,
                )  # fmt: skip
            seen.add(key)
        return super().construct_mapping(node, deep)


def load_yaml_mapping(path: Path) -> dict[str, Any]:
    """A YAML file whose top level is a mapping, no key written twice in one mapping; DataFileError
    names the file (and the line) otherwise."""
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except OSError as error:
        raise DataFileError(str(path), f"cannot read: {error.strerror}") from error
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise DataFileError(
            str(path), f"invalid YAML: {error}", None if line is None else line + 1
        ) from error
    if not isinstance(content, dict):
        raise DataFileError(str(path), "expected a mapping at the top level")
    return content
