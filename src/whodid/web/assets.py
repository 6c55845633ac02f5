"""The third-party files the page serves itself (no CDN): which they are, and copying them into place.

They come from npm packages pinned in ``web/package.json``; `make` installs those and runs
``python -m whodid.web.assets web/node_modules``, which copies each file listed in ``vendor.json`` into
``static/vendor/``, with a gzipped copy of the large ones. The server checks they are there before it starts.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from functools import cache
from pathlib import Path

from whodid.errors import WhodidError

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
_MANIFEST = Path(__file__).parent / "vendor.json"
PACK_FROM_BYTES = 10_000  # files this large are also kept gzipped, so the server need not compress them


@cache
def vendor_files() -> dict[str, str]:
    """Name under static/vendor/ -> path inside node_modules."""
    return dict(json.loads(_MANIFEST.read_text(encoding="utf-8"))["files"])


def missing_vendor_files(folder: Path = VENDOR) -> list[str]:
    return [name for name in vendor_files() if not (folder / name).is_file()]


def require_vendor_files(folder: Path = VENDOR) -> None:
    """Raise a `WhodidError` naming what to run when the page's libraries are not in place."""
    missing = missing_vendor_files(folder)
    if missing:
        raise WhodidError(
            f"the web page's libraries are missing from {folder} ({', '.join(missing)}); run `make install` "
            "(or `npm ci --prefix web --ignore-scripts && python -m whodid.web.assets web/node_modules`)"
        )


def install_vendor_files(node_modules: Path, folder: Path = VENDOR) -> list[Path]:
    """Copy every listed file from `node_modules` into `folder`; raises naming any that is absent."""
    absent = [source for source in vendor_files().values() if not (node_modules / source).is_file()]
    if absent:
        raise WhodidError(f"not in {node_modules}: {', '.join(absent)} (run `npm ci --prefix web` first)")
    copied = []
    for name, source in vendor_files().items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(node_modules / source, target)
        copied.append(target)
        if target.stat().st_size >= PACK_FROM_BYTES:
            # mtime=0: the same file packs to the same bytes on every install.
            packed_path(target).write_bytes(gzip.compress(target.read_bytes(), compresslevel=9, mtime=0))
    return copied


def packed_path(path: Path) -> Path:
    """Where the gzipped copy of a library file is kept."""
    return path.with_name(path.name + ".gz")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m whodid.web.assets NODE_MODULES_FOLDER")
    try:
        installed = install_vendor_files(Path(sys.argv[1]))
    except WhodidError as error:
        sys.exit(f"error: {error}")
    print(f"{len(installed)} files copied into {VENDOR}")
