"""The page's third-party files: listed once, copied from npm's folder, missing ones named."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from whodid.errors import WhodidError
from whodid.web.assets import (
    install_vendor_files,
    missing_vendor_files,
    packed_path,
    require_vendor_files,
    vendor_files,
)


def _node_modules(root: Path) -> Path:
    for source in vendor_files().values():
        (root / source).parent.mkdir(parents=True, exist_ok=True)
        size = 20_000 if source.endswith(".json") else 10  # one file large enough to be kept gzipped
        (root / source).write_text(f"file {source}".ljust(size, "."))
    return root


def test_every_listed_file_is_copied_under_its_own_name(tmp_path):
    target = tmp_path / "vendor"
    copied = install_vendor_files(_node_modules(tmp_path / "node_modules"), target)
    assert len(copied) == len(vendor_files())
    assert (target / "d3.min.js").read_text() == "file d3/dist/d3.min.js"
    world = target / "countries-50m.json"
    assert gzip.decompress(packed_path(world).read_bytes()) == world.read_bytes()
    assert not packed_path(target / "d3.min.js").exists()
    assert missing_vendor_files(target) == []
    require_vendor_files(target)


def test_missing_files_are_named_with_what_to_run(tmp_path):
    with pytest.raises(WhodidError, match=r"countries-50m\.json.*make install"):
        require_vendor_files(tmp_path)
    with pytest.raises(WhodidError, match="npm ci"):
        install_vendor_files(tmp_path / "empty", tmp_path / "vendor")


def test_the_installed_page_has_its_libraries():
    assert missing_vendor_files() == [], "run `make install` to copy the page's libraries"
