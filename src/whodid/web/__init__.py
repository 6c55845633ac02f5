"""The REST API and the web page over an event store (`whodid serve`)."""

from whodid.web.app import ServeSettings, create_app

__all__ = ["ServeSettings", "create_app"]
