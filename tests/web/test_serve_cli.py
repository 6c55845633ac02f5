"""`whodid serve` as a user starts it: a real process answering on a port, read-only without a key."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

WHODID = Path(sys.executable).with_name("whodid")


def _serve(port: int, *args: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [str(WHODID), "serve", "--port", str(port), *args],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return process, f"http://127.0.0.1:{port}"


def _get_json(url: str, deadline: float) -> dict:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_answers_read_only_without_a_key(page_store, port):
    process, url = _serve(port, "--db", str(page_store))
    try:
        summary = _get_json(f"{url}/api/summary", time.monotonic() + 60)
        assert summary["events"] > 0 and summary["writable"] is False
        request = urllib.request.Request(f"{url}/api/articles", data=b"{}", method="POST")
        try:
            urllib.request.urlopen(request, timeout=5)
            raise AssertionError("a write was accepted without a key")
        except urllib.error.HTTPError as refused:
            assert refused.code == 403
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert "read-only" in stderr


def test_serve_takes_its_key_from_the_environment(page_store, tmp_path, port):
    store = tmp_path / "copy.duckdb"
    store.write_bytes(page_store.read_bytes())
    process, url = _serve(port, "--db", str(store), env={"WHODID_API_KEY": "from-env"})
    try:
        assert _get_json(f"{url}/api/summary", time.monotonic() + 60)["writable"] is True
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_serve_refuses_a_store_that_is_not_there(tmp_path, port):
    process, _ = _serve(port, "--db", str(tmp_path / "nowhere.duckdb"))
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "does not exist" in stderr and "Traceback" not in stderr
