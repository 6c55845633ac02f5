"""The readable text of an HTML page and the metadata its head declares, with ``html.parser`` only.

Text is what a reader of the page sees of the article: scripts, styles, navigation, headers, footers,
asides, forms and the like are left out; each paragraph, heading, list item or other block becomes one
paragraph of the text, paragraphs separated by a blank line; runs of whitespace inside a block become
one space (``<br>`` a newline, ``<pre>`` keeps its lines); entities are unescaped. Malformed markup
(unclosed or misnested tags, stray ``<``) is read as browsers would, as far as the standard parser goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose content is no part of the article.
_SKIPPED = frozenset(
    {
        "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
        "svg", "iframe", "object", "button", "select", "textarea", "dialog",
    }
)  # fmt: skip
# Elements that start and end a paragraph of the text.
_BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "body", "dd", "details", "div", "dl", "dt", "figcaption",
        "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section",
        "summary", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_WHITESPACE = re.compile(r"[ \t\n\r\f\xa0]+")
_SPACE_AROUND_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")
# Metadata names, most specific first, as Open Graph, article and schema.org markup write them.
_TITLE_KEYS = ("og:title", "twitter:title")
_OUTLET_KEYS = ("og:site_name", "application-name")
_URL_KEYS = ("og:url",)
_PUBLISHED_KEYS = ("article:published_time", "datepublished", "og:published_time", "pubdate")
_DATE_SHAPED = re.compile(r"^\s*\d{4}-\d\d-\d\d")
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{1,64})"')


@dataclass(slots=True)
class HtmlPage:
    """A page's readable text and the metadata it declares (each None when the page gives none)."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # as the page writes it; the reader parses it
    language: str | None = None


def html_page(markup: str) -> HtmlPage:
    """The readable text and declared metadata of an HTML document or fragment."""
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    return parser.page()


def html_text(markup: str) -> str:
    """Only the readable text of an HTML document or fragment (as in a feed's description)."""
    return html_page(markup).text


@dataclass(slots=True)
class _Head:
    """What the page declares about itself, first declaration of each kind kept."""

    meta: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    title: str | None = None
    time: str | None = None
    json_ld_published: str | None = None
    language: str | None = None


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._blocks: list[str] = []
        self._pieces: list[str] = []
        self._skipping: list[str] = []  # open elements whose content is left out, innermost last
        self._preformatted = 0
        self._title_parts: list[str] | None = None  # collecting while inside <title>
        self._json_ld: list[str] | None = None  # collecting while inside a JSON-LD script
        self._head = _Head()

    # -- tags ---------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self._note_metadata(tag, attributes)
        if self._title_parts is not None:
            self._end_title()  # no tag belongs in a title: one left open ends at the next tag
        if tag in _SKIPPED:
            self._skipping.append(tag)
            if tag == "script" and attributes.get("type", "").lower() == "application/ld+json":
                self._json_ld = []
            return
        if tag == "title" and self._head.title is None and not self._skipping:
            self._title_parts = []
        elif tag in _BLOCKS:
            self._end_block()
        elif tag == "br" and not self._skipping:
            self._pieces.append("\n")
        if tag == "pre":
            self._preformatted += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._close_skipped(tag):
            if tag == "script":
                self._end_json_ld()
            return
        if tag == "title" and self._title_parts is not None:
            self._end_title()
        elif tag in _BLOCKS:
            self._end_block()
        if tag == "pre":
            self._preformatted = max(0, self._preformatted - 1)

    def handle_data(self, data: str) -> None:
        if self._title_parts is not None:
            self._title_parts.append(data)
        elif self._json_ld is not None:
            self._json_ld.append(data)
        elif not self._skipping:
            self._pieces.append(data if self._preformatted else _collapse(data))

    def _close_skipped(self, tag: str) -> bool:
        """Close the innermost open ``tag`` and whatever was left open inside it; False if none is open.
        Searched from the innermost: with well nested tags it is the last, however deep the nesting."""
        for depth in range(len(self._skipping) - 1, -1, -1):
            if self._skipping[depth] == tag:
                del self._skipping[depth:]
                return True
        return False

    # -- constructs left open ------------------------------------------------------------------
    # For a tag, comment or declaration with no end the standard parser answers "wait for more input"
    # (-1), and at the end of the input searches the rest of the document again from the next "<": a
    # document of many unclosed "<!--" takes quadratic time. The whole document is fed at once, so what
    # is open stays open: it runs to the end of the document, as HTML reads a comment or tag cut off
    # by the end of the input, and its content is dropped.

    def parse_starttag(self, i: int) -> int:
        return self._open_to_the_end(super().parse_starttag(i))

    def parse_endtag(self, i: int) -> int:
        return self._open_to_the_end(super().parse_endtag(i))

    def parse_comment(self, i: int, report: int = 1) -> int:
        return self._open_to_the_end(super().parse_comment(i, report))

    def parse_pi(self, i: int) -> int:
        return self._open_to_the_end(super().parse_pi(i))

    def parse_html_declaration(self, i: int) -> int:
        return self._open_to_the_end(super().parse_html_declaration(i))

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # HTML has no marked sections but CDATA; the standard parser asserts on others ("<![if IE]>",
        # "<![ x"), where browsers read a bogus comment up to the next ">".
        try:
            found = super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            found = -1 if end < 0 else end + 1
        return self._open_to_the_end(found)

    def _open_to_the_end(self, end: int) -> int:
        return len(self.rawdata) if end < 0 else end

    # -- metadata -----------------------------------------------------------------------------

    def _note_metadata(self, tag: str, attributes: dict[str, str]) -> None:
        head = self._head
        if tag == "html" and attributes.get("lang", "").strip():
            head.language = head.language or attributes["lang"].strip()
        elif tag == "meta":
            key = (
                attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
            ).lower()
            content = attributes.get("content", "").strip()
            if key and content:
                head.meta.setdefault(key.strip(), content)
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            head.canonical = head.canonical or attributes.get("href", "").strip() or None
        if attributes.get("itemprop", "").lower() == "datepublished":
            value = (attributes.get("datetime") or attributes.get("content") or "").strip()
            if value:
                head.meta.setdefault("datepublished", value)
        if tag == "time" and head.time is None and _DATE_SHAPED.match(attributes.get("datetime", "")):
            head.time = attributes["datetime"].strip()

    def _end_title(self) -> None:
        if self._title_parts is not None:
            self._head.title = _collapse("".join(self._title_parts)).strip() or None
            self._title_parts = None

    def _end_json_ld(self) -> None:
        if self._json_ld is None:
            return
        found = _JSON_LD_PUBLISHED.search("".join(self._json_ld))
        if found and self._head.json_ld_published is None:
            self._head.json_ld_published = found.group(1).strip()
        self._json_ld = None

    # -- text ---------------------------------------------------------------------------------

    def _end_block(self) -> None:
        block = _SPACE_AROUND_NEWLINE.sub("\n", "".join(self._pieces)).strip()
        if block:
            self._blocks.append(block)
        self._pieces.clear()

    def page(self) -> HtmlPage:
        self._end_title()
        self._end_block()
        head = self._head
        return HtmlPage(
            text="\n\n".join(self._blocks),
            title=_first(head.meta, _TITLE_KEYS) or head.title,
            outlet=_first(head.meta, _OUTLET_KEYS),
            url=head.canonical or _first(head.meta, _URL_KEYS),
            published=_first(head.meta, _PUBLISHED_KEYS) or head.json_ld_published or head.time,
            language=head.language,
        )


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text)


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[key] for key in keys if key in meta), None)
