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


def load_yaml_mapping(path: Path) -> dict[str, Any]:
    """A YAML file whose top level is a mapping; DataFileError names the file otherwise."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
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
