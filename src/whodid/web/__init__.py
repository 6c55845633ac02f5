"""The REST API and the web page over an event store (`whodid serve`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from whodid.web.app import ServeSettings, create_app

__all__ = ["ServeSettings", "create_app"]


def __getattr__(name: str) -> Any:
    # Imported on first use, so `python -m whodid.web.assets` runs without loading the app first.
    if name in __all__:
        from whodid.web import app

        return getattr(app, name)
    raise AttributeError(f"module 'whodid.web' has no attribute {name!r}")
