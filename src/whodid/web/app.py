"""The REST API and the page: a FastAPI app over one event store, thin over `whodid.store.views`.

Reads need no key. The one write (articles to code) needs the key the server was started with, and is
bounded in body size, articles per request, characters per article and requests per minute. Every list
is paged with a capped limit; every error is JSON ``{"error": message}``.
"""

from __future__ import annotations

import gzip
import hmac
import json
import mimetypes
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParameter
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

import whodid
from whodid.errors import StoreError, WhodidError
from whodid.nlp import DEFAULT_MODEL
from whodid.pipeline import Pipeline, PipelineOptions
from whodid.records import FACTUALITIES
from whodid.store import views
from whodid.store.query import SORTS, EventQuery, Near
from whodid.web.assets import STATIC, VENDOR, packed_path, require_vendor_files, vendor_files
from whodid.web.limits import RateLimiter, TooLarge, read_limited
from whodid.web.store_access import StoreAccess
from whodid.web.submission import Coding, Submission, code_and_store, to_articles

API_KEY_HEADER = "X-API-Key"
GZIP_FROM_BYTES = 2_000
MAX_URL_CHARS = 4_096  # a query string longer than any filter needs is refused
MAX_LIST_VALUES = 32  # values of one repeated filter (type=..&type=..)
MAX_OFFSET = 10_000_000
_TEXT = 200  # characters of a free-text filter
_PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# The API docs page starts Swagger UI with an inline script of FastAPI's own.
_DOCS_POLICY = _PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """What `whodid serve` was started with. Without an API key the store is opened read-only."""

    location: str
    api_key: str | None = None
    model: str = DEFAULT_MODEL
    kb_files: tuple[str, ...] = ()  # the user's own actor files, as `whodid ingest --kb`
    max_body_bytes: int = 2_000_000
    max_articles_per_request: int = 20
    max_article_chars: int = 200_000
    writes_per_minute: float = 30.0
    write_burst: int = 10

    @property
    def writable(self) -> bool:
        return bool(self.api_key)


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class CompactJSON(JSONResponse):
    """JSON without spaces, written straight from plain data (a map of 50,000 events is a few lists)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def _answer(request: Request, payload: Any) -> Response:
    """JSON, gzipped when large and the client takes it. Compressed here, in the endpoint's worker thread
    (not by a middleware on the event loop, where it would hold up every other request), at the fastest
    level: a 50,000-event map in 30 ms, 11% larger than at the slowest, which takes nine times longer."""
    body = CompactJSON(payload).body
    headers = {"Vary": "Accept-Encoding"}
    if len(body) >= GZIP_FROM_BYTES and "gzip" in request.headers.get("accept-encoding", ""):
        body = gzip.compress(body, compresslevel=1)
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="application/json", headers=headers)


def create_app(settings: ServeSettings, pipeline: Pipeline | None = None) -> FastAPI:
    """The app over the store at `settings.location`, coding writes with `pipeline` (else one built on
    the first write). Raises `WhodidError` if the store or the page's libraries are not usable, so
    `whodid serve` fails at start, not at the first request."""
    require_vendor_files()
    access = StoreAccess(settings.location, read_only=not settings.writable)
    coding = Coding(PipelineOptions(model=settings.model, kb_files=settings.kb_files), pipeline)
    limiter = RateLimiter(settings.writes_per_minute, settings.write_burst)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(
        title="whodid",
        version=whodid.__version__,
        summary="Events coded from news text: who did what to whom, where and when, and who says so.",
        docs_url=None,
        redoc_url=None,
        default_response_class=CompactJSON,
        lifespan=lifespan,
    )
    _add_error_handlers(app)
    _add_guards(app)

    def read(function: Callable[..., Any], *args: Any) -> Any:
        with access as store:
            try:
                return function(store, *args)
            except StoreError as err:
                raise ApiError(503, str(err)) from err
            except store.db.errors as err:
                raise ApiError(503, f"the store could not answer: {err}") from err

    @app.get("/api/summary", tags=["read"])
    def get_summary(request: Request) -> Response:
        """How many events, mentions and articles the store holds, their dates, and the event types."""
        return _answer(request, {**read(views.summary), "writable": settings.writable})

    @app.get("/api/events", tags=["read"])
    def get_events(
        request: Request,
        query: Annotated[EventQuery, Depends(event_filters)],
        sort: Annotated[str, Query(description=f"One of: {', '.join(SORTS)}.")] = "stored",
        limit: Annotated[int, Query(ge=1, le=views.MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> Response:
        """A page of the events that pass the filters, with the total that pass."""
        if sort not in SORTS:
            raise ApiError(422, f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        page = replace(query, sort=sort, limit=limit, offset=offset)
        return _answer(request, read(views.event_page, page))

    @app.get("/api/events/{event_id}", tags=["read"])
    def get_event(request: Request, event_id: Annotated[str, _id_path()]) -> Response:
        """One event, every report of it, and the marked evidence of its first report."""
        return _answer(request, _found(read(views.event_detail, event_id), "event", event_id))

    @app.get("/api/mentions/{mention_id}/evidence", tags=["read"])
    def get_evidence(request: Request, mention_id: Annotated[str, _id_path()]) -> Response:
        """One report's article, in segments marking the text behind each field of its coding."""
        return _answer(request, _found(read(views.mention_evidence, mention_id), "mention", mention_id))

    @app.get("/api/map", tags=["read"])
    def get_map(
        request: Request,
        query: Annotated[EventQuery, Depends(event_filters)],
        limit: Annotated[int, Query(ge=1, le=views.MAX_POINTS)] = views.MAX_POINTS,
    ) -> Response:
        """The placed events that pass the filters, as columns: ids, lat, lon, type, day, sources."""
        return _answer(request, read(views.map_points, query, limit))

    @app.get("/api/timeline", tags=["read"])
    def get_timeline(
        request: Request,
        query: Annotated[EventQuery, Depends(event_filters)],
        bucket: Annotated[str | None, Query(description=f"One of: {', '.join(views.BUCKETS)}.")] = None,
    ) -> Response:
        """Dated events that pass the filters, counted by type per day, week, month or year."""
        if bucket is not None and bucket not in views.BUCKETS:
            raise ApiError(422, f"bucket must be one of {', '.join(views.BUCKETS)}, not {bucket!r}")
        return _answer(request, read(views.counts_over_time, query, bucket))

    @app.get("/api/network", tags=["read"])
    def get_network(
        request: Request,
        query: Annotated[EventQuery, Depends(event_filters)],
        actors: Annotated[int, Query(ge=1, le=views.MAX_ACTORS)] = 60,
    ) -> Response:
        """Who acts on whom: the actors in most events and the source -> target links between them."""
        return _answer(request, read(views.actor_network, query, actors))

    @app.get("/api/actors", tags=["read"])
    def get_actors(
        request: Request,
        q: Annotated[
            str | None, Query(max_length=_TEXT, description="Part of a name, an id or a country.")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=views.MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> Response:
        """Actors named by events, those in most events first."""
        return _answer(request, read(views.actor_list, q, limit, offset))

    @app.get("/api/places", tags=["read"])
    def get_places(
        request: Request,
        q: Annotated[str | None, Query(max_length=_TEXT, description="Part of a name, or a country.")] = None,
        limit: Annotated[int, Query(ge=1, le=views.MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> Response:
        """Places where events happened, those with most events first."""
        return _answer(request, read(views.place_list, q, limit, offset))

    @app.get("/api/articles", tags=["read"])
    def get_articles(
        request: Request,
        q: Annotated[str | None, Query(max_length=_TEXT, description="Part of a title or an outlet.")] = None,
        limit: Annotated[int, Query(ge=1, le=views.MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> Response:
        """Stored articles, the latest stored first."""
        return _answer(request, read(views.article_list, q, limit, offset))

    @app.get("/api/articles/{article_id}", tags=["read"])
    def get_article(request: Request, article_id: Annotated[str, _id_path()]) -> Response:
        """One article with its text and the events it reports."""
        return _answer(request, _found(read(views.article_detail, article_id), "article", article_id))

    @app.post(
        "/api/articles",
        tags=["write"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": Submission.model_json_schema()}},
            }
        },
    )
    async def post_articles(request: Request) -> Response:
        """Code articles and store them (needs the server's API key in the `X-API-Key` header). Says what
        became of each: stored, copied (an exact copy of a stored one), known (stored before) or failed."""
        _check_key(request, settings)
        wait = limiter.take(request.client.host if request.client else "unknown")
        if wait is not None:
            raise ApiError(429, f"too many writes; try again in {wait:.0f} s", {"Retry-After": f"{wait:.0f}"})
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            raise ApiError(415, "send the articles as application/json")
        try:
            body = await read_limited(request.stream(), settings.max_body_bytes)
            submission = Submission.model_validate_json(body)
        except TooLarge as err:
            raise ApiError(413, str(err)) from err
        except ValidationError as err:
            located = [{**error, "loc": ("body", *error["loc"])} for error in err.errors(include_url=False)]
            raise ApiError(422, _validation_message(located)) from err
        if len(submission.articles) > settings.max_articles_per_request:
            raise ApiError(
                413, f"{len(submission.articles)} articles; send at most {settings.max_articles_per_request}"
            )
        try:
            articles = to_articles(submission, settings.max_article_chars)
        except ValueError as err:
            raise ApiError(422, str(err)) from err
        outcomes = await run_in_threadpool(code_and_store, articles, coding, access)
        return _answer(request, {"articles": outcomes})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="whodid API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/static/vendor/{name:path}", include_in_schema=False)
    def vendor_file(request: Request, name: str) -> Response:
        """A listed library file, gzipped beforehand when the client takes it (the world map is 750 KB)."""
        if name not in vendor_files():
            raise ApiError(404, f"no file {name!r} among the page's libraries")
        plain = VENDOR / name
        packed = packed_path(plain)
        media = mimetypes.guess_type(name)[0] or "application/octet-stream"
        headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
        if packed.is_file() and "gzip" in request.headers.get("accept-encoding", ""):
            return FileResponse(packed, media_type=media, headers={**headers, "Content-Encoding": "gzip"})
        return FileResponse(plain, media_type=media, headers=headers)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def event_filters(
    type_: Annotated[
        list[str] | None,
        Query(
            alias="type", description="PLOVER type, ACLED event type or sub-type (repeat for any of several)."
        ),
    ] = None,
    actor: Annotated[
        str | None,
        Query(max_length=_TEXT, description="Part of a source's or target's name, its id or country."),
    ] = None,
    country: Annotated[
        str | None, Query(pattern="^[A-Za-z]{3}$", description="Where it happened (ISO 3166-1 alpha-3).")
    ] = None,
    date_from: Annotated[date | None, Query(alias="from", description="On or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="On or before (YYYY-MM-DD).")] = None,
    near: Annotated[
        str | None, Query(max_length=100, description="LAT,LON,KM: within KM km of a point.")
    ] = None,
    min_sources: Annotated[
        int | None, Query(ge=1, le=10_000, description="Independent sources at least.")
    ] = None,
    factuality: Annotated[list[str] | None, Query(description=f"One of: {', '.join(FACTUALITIES)}.")] = None,
) -> EventQuery:
    """The filters every event endpoint shares, as `whodid query` takes them."""
    types = _bounded_list("type", type_)
    factualities = _bounded_list("factuality", factuality)
    unknown = [value for value in factualities if value not in FACTUALITIES]
    if unknown:
        raise ApiError(422, f"factuality must be one of {', '.join(FACTUALITIES)}, not {unknown[0]!r}")
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, f"from ({date_from}) is after to ({date_to})")
    try:
        where = Near.parse(near) if near else None
    except ValueError as err:
        raise ApiError(422, f"near: {err}") from err
    return EventQuery(
        types=types,
        actor=actor or None,
        country=country,
        date_from=date_from,
        date_to=date_to,
        near=where,
        min_sources=min_sources,
        factuality=factualities,
    )


def _bounded_list(name: str, values: list[str] | None) -> tuple[str, ...]:
    values = [value for value in values or [] if value]
    if len(values) > MAX_LIST_VALUES:
        raise ApiError(422, f"{name}: at most {MAX_LIST_VALUES} values, not {len(values)}")
    too_long = next((value for value in values if len(value) > _TEXT), None)
    if too_long is not None:
        raise ApiError(422, f"{name}: a value of {len(too_long):,} characters; at most {_TEXT}")
    return tuple(values)


def _id_path() -> Any:
    return PathParameter(min_length=1, max_length=300)


def _found(value: Any, kind: str, key: str) -> Any:
    if value is None:
        raise ApiError(404, f"no {kind} {key!r} in this store")
    return value


def _check_key(request: Request, settings: ServeSettings) -> None:
    if not settings.api_key:
        raise ApiError(403, "this server was started without an API key, so it is read-only")
    given = request.headers.get(API_KEY_HEADER)
    bearer = request.headers.get("authorization", "")
    if given is None and bearer.lower().startswith("bearer "):
        given = bearer[7:].strip()
    if not given:
        raise ApiError(
            401, f"writing needs the API key in the {API_KEY_HEADER} header", {"WWW-Authenticate": "Bearer"}
        )
    if not hmac.compare_digest(given.encode("utf-8"), settings.api_key.encode("utf-8")):
        raise ApiError(403, "the API key is not right")


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, err: ApiError) -> Response:
        return CompactJSON({"error": err.message}, status_code=err.status, headers=err.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, err: RequestValidationError) -> Response:
        return CompactJSON({"error": _validation_message(err.errors())}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, err: StarletteHTTPException) -> Response:
        return CompactJSON({"error": str(err.detail)}, status_code=err.status_code, headers=err.headers)

    @app.exception_handler(WhodidError)
    async def whodid_error(_: Request, err: WhodidError) -> Response:
        return CompactJSON({"error": str(err)}, status_code=500)


def _add_guards(app: FastAPI) -> None:
    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Any]) -> Response:
        if len(request.url.query) > MAX_URL_CHARS:
            return CompactJSON(
                {"error": f"the query string is over {MAX_URL_CHARS:,} characters"}, status_code=414
            )
        response: Response = await call_next(request)
        policy = _DOCS_POLICY if request.url.path == "/docs" else _PAGE_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


def _validation_message(errors: Any) -> str:
    """Pydantic's errors as one clause per field: "query parameter limit: Input should be ..."."""
    parts = []
    for error in list(errors)[:5]:
        where, *path = [str(part) for part in error.get("loc", ())] or ["request"]
        kind = {"query": "query parameter", "path": "path parameter", "body": "body field"}.get(where, where)
        subject = f"{kind} {'.'.join(path)}" if path else where
        parts.append(f"{subject}: {error.get('msg', 'invalid')}")
    return "; ".join(parts)
