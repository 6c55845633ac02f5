"""Articles from RSS 2.0, RSS 1.0 and Atom feeds: one article per item or entry.

Each item gives its title, link, id (RSS ``guid``, Atom ``id``), publication date (RSS ``pubDate`` or
``dc:date``, Atom ``published`` else ``updated``; RFC 822 and ISO 8601 both read) and its text, from the
first non-empty of ``content:encoded``, ``content``, ``description`` and ``summary``, HTML stripped by
the page reader's extractor (Atom content of type ``text`` is plain text and kept as written). The
channel's or feed's title is the outlet, its language the items' language unless an item declares one.

A document that declares a DTD or entities is refused whole: feeds never need them, and refusing them
is what keeps entity expansion ("billion laughs") and external entities out.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date

from whodid.ingest.articles import Skipped, Unreadable, build_article, require_text
from whodid.ingest.html_text import html_text
from whodid.records import Article

ATOM = "http://www.w3.org/2005/Atom"
RSS_CONTENT = "http://purl.org/rss/1.0/modules/content/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
# Where "<!" opens a stretch that may quote markup, and what closes it.
_QUOTING = (("<![CDATA[", "]]>"), ("<!--", "-->"))
_DECLARATIONS = ("<!DOCTYPE", "<!ENTITY")
_WHITESPACE = re.compile(r"\s+")


def feed_articles(text: str, stem: str, origin: str, published: date | None) -> Iterator[Article | Skipped]:
    """The items of an RSS or Atom feed as articles; a ``Skipped`` for the feed or for each bad item."""
    try:
        items, feed_fields = _items(_parse(text))
    except Unreadable as problem:
        yield Skipped(origin, str(problem))
        return
    for number, item in enumerate(items, start=1):
        where = f"{origin}:item {number}"
        try:
            record = {**feed_fields, **{k: v for k, v in _item_fields(item).items() if v}}
            body = require_text(_item_text(item))
            yield build_article(
                record, body, default_id=f"{stem}-{number}", origin=where, published=published
            )
        except Unreadable as problem:
            yield Skipped(where, f"item {number}: {problem}")


def _parse(text: str) -> ET.Element:
    declared = _declaration(text)
    if declared:
        raise Unreadable(f"refused: the document declares a DTD or entities ({declared})")
    try:
        return ET.fromstring(text)
    except ET.ParseError as err:
        raise Unreadable(f"malformed XML: {err}") from err


def _declaration(text: str) -> str | None:
    """The first DTD or entity declaration outside CDATA sections and comments, where an item's HTML
    may quote one. One pass with ``find``: a regular expression over many unclosed comments would
    rescan the rest of the text for each."""
    position = text.find("<!")
    while position >= 0:
        opening = text[position : position + 10].upper()
        declared = next((name for name in _DECLARATIONS if opening.startswith(name)), None)
        if declared:
            return declared + ">"
        closing = next((end for start, end in _QUOTING if opening.startswith(start)), None)
        if closing is not None:
            position = text.find(closing, position + 4)
            if position < 0:
                return None  # left open: the parser reports the document as malformed
        position = text.find("<!", position + 2)
    return None


def _items(root: ET.Element) -> tuple[list[ET.Element], dict[str, str]]:
    """The items or entries of the feed, and what the channel or feed says of all of them."""
    kind = _local(root.tag)
    if kind not in _FEED_ROOTS:
        raise Unreadable(f"not an RSS or Atom feed: the root element is <{kind}>")
    if kind == "feed":
        channel, items = root, _children(root, "entry")
    else:
        channel = _child(root, "channel")
        channel = root if channel is None else channel
        # RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
        items = _children(channel, "item") + (_children(root, "item") if kind == "RDF" else [])
    if not items:
        raise Unreadable("the feed holds no items")
    feed_fields = {
        "outlet": _plain(_child(channel, "title")),
        "language": _plain(_child(channel, "language")) or root.get(XML_LANG, "").strip(),
    }
    return items, {name: value for name, value in feed_fields.items() if value}


def _item_fields(item: ET.Element) -> dict[str, str]:
    return {
        "id": _plain(_child(item, "guid")) or _plain(_child(item, "id")),
        "title": _title(_child(item, "title")),
        "url": _link(item),
        "published": _plain(_child(item, "pubDate", "date", "published", "updated")),
        "language": item.get(XML_LANG, "").strip(),
    }


def _item_text(item: ET.Element) -> str:
    encoded = [
        element for element in _children(item, "encoded") if element.tag == f"{{{RSS_CONTENT}}}encoded"
    ]
    for element in encoded + _children(item, "content", "description", "summary"):
        text = _content_text(element)
        if text.strip():
            return text
    raise Unreadable("no text (no content, description or summary)")


def _content_text(element: ET.Element) -> str:
    """An element's text: Atom says which kind it holds, RSS content is HTML by custom."""
    kind = element.get("type", "").lower()
    if _namespace(element.tag) == ATOM:
        if kind in {"", "text"}:
            return "".join(element.itertext()).strip()
        if kind == "xhtml" or kind.endswith("xml"):
            return html_text(_as_html(element))
    return html_text(element.text or "")


def _as_html(content: ET.Element) -> str:
    """The XHTML inside an Atom content element as HTML with plain tag names ("p", not "{ns}p"), so the
    page extractor knows its blocks. A loop, not recursion: the nesting may be deeper than the stack."""
    parts = [html.escape(content.text or "", quote=False)]
    stack: list[tuple[ET.Element, bool]] = [(child, False) for child in reversed(content)]
    while stack:
        element, closing = stack.pop()
        name = _local(element.tag)
        if closing:
            parts.append(f"</{name}>{html.escape(element.tail or '', quote=False)}")
            continue
        parts.append(f"<{name}>{html.escape(element.text or '', quote=False)}")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return "".join(parts)


def _title(element: ET.Element | None) -> str:
    if element is None:
        return ""
    if element.get("type", "").lower() == "html" or _namespace(element.tag) != ATOM:
        return _WHITESPACE.sub(" ", html_text(element.text or "")).strip()
    return _plain(element)


def _link(item: ET.Element) -> str:
    """RSS writes the link as text, Atom as the href of the link whose rel is alternate (or absent)."""
    for link in _children(item, "link"):
        href = link.get("href")
        if href is not None:
            if link.get("rel", "alternate") == "alternate" and href.strip():
                return href.strip()
        elif link.text and link.text.strip():
            return link.text.strip()
    return ""


def _plain(element: ET.Element | None) -> str:
    return _WHITESPACE.sub(" ", "".join(element.itertext())).strip() if element is not None else ""


def _child(element: ET.Element, *names: str) -> ET.Element | None:
    """The first child with one of these local names, trying the names in order."""
    for name in names:
        found = next((child for child in element if _local(child.tag) == name), None)
        if found is not None:
            return found
    return None


def _children(element: ET.Element, *names: str) -> list[ET.Element]:
    """The children with these local names, grouped by name in the order the names are given."""
    return [child for name in names for child in element if _local(child.tag) == name]


def _local(tag: object) -> str:
    # Comments and processing instructions have a function, not a string, as their tag.
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
