"""RSS and Atom feeds: one article per item, with its fields, and refusal of DTDs and entities."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from whodid.ingest import Skipped, read_articles
from whodid.records import Article


def read_feed(path: Path, content: str) -> list[Article | Skipped]:
    path.write_text(content, encoding="utf-8")
    return list(read_articles(path))


def test_rss_items_are_articles_with_channel_outlet_and_rfc822_dates(tmp_path: Path) -> None:
    items = read_feed(
        tmp_path / "wire.rss",
        """<rss version="2.0"><channel><title>Plateau Radio</title><language>en-ng</language>
        <item><title>Clash &amp; curfew</title><link> https://p.example/1 </link><guid>p-1</guid>
          <pubDate>Sat, 06 Jul 2024 23:30:00 -0100</pubDate>
          <description>&lt;p&gt;Herders and farmers clashed near Jos.&lt;/p&gt;</description></item>
        <item><title>No guid</title><description>Calm returned.</description></item>
        </channel></rss>""",
    )
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.url, first.outlet, first.language) == (
        "p-1",
        "Clash & curfew",
        "https://p.example/1",
        "Plateau Radio",
        "en-ng",
    )
    assert first.published == date(2024, 7, 6)  # the date as the outlet wrote it
    assert first.text == "Herders and farmers clashed near Jos."
    assert first.origin == f"{tmp_path / 'wire.rss'}:item 1"
    assert second.id == "wire-2"


def test_atom_text_content_is_kept_plain_and_xhtml_content_is_stripped(tmp_path: Path) -> None:
    first, second = read_feed(
        tmp_path / "feed.atom",
        """<feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title>
        <entry xml:lang="fr"><id>e1</id><title>Plain</title><updated>2024-07-02T10:00:00Z</updated>
          <content type="text">Less &lt;than&gt; a riot.</content></entry>
        <entry><id>e2</id><title type="html">&lt;b&gt;Rich&lt;/b&gt;</title>
          <published>2024-07-01</published><updated>2024-07-03</updated>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First.</p><p>Second.</p></div></content>
        </entry></feed>""",
    )
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.text, first.language, first.published) == ("Less <than> a riot.", "fr", date(2024, 7, 2))
    assert (second.title, second.text) == ("Rich", "First.\n\nSecond.")
    assert second.published == date(2024, 7, 1)  # published wins over updated


def test_rss_1_items_beside_the_channel_are_read(tmp_path: Path) -> None:
    [article] = read_feed(
        tmp_path / "old.xml",
        """<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
          xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Old Wire</title></channel>
          <item><title>T</title><link>https://o.example/1</link><dc:date>2024-01-05</dc:date>
          <description>Troops withdrew.</description></item></rdf:RDF>""",
    )
    assert isinstance(article, Article)
    assert (article.outlet, article.url, article.published, article.text) == (
        "Old Wire",
        "https://o.example/1",
        date(2024, 1, 5),
        "Troops withdrew.",
    )


def test_a_billion_laughs_document_is_refused_before_parsing(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 12))
    [skipped] = read_feed(
        tmp_path / "laughs.rss",
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">{entities}]>'
        "<rss><channel><item><description>&l11;</description></item></channel></rss>",
    )
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("refused")


def test_an_external_entity_is_refused(tmp_path: Path) -> None:
    [skipped] = read_feed(
        tmp_path / "xxe.xml",
        '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><description>&secret;</description></item></channel></rss>",
    )
    assert isinstance(skipped, Skipped) and "refused" in skipped.reason


def test_a_doctype_quoted_in_a_comment_or_cdata_is_no_declaration(tmp_path: Path) -> None:
    [article] = read_feed(
        tmp_path / "quoted.rss",
        "<!-- <!DOCTYPE html> --><rss><channel><item>"
        "<description><![CDATA[<!DOCTYPE html><p>Shops reopened.</p>]]></description>"
        "</item></channel></rss>",
    )
    assert isinstance(article, Article) and article.text == "Shops reopened."


def test_malformed_xml_names_its_line(tmp_path: Path) -> None:
    [skipped] = read_feed(
        tmp_path / "bad.atom", '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n</feed>'
    )
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("malformed XML")
    assert "line 3" in skipped.reason


def test_a_feed_without_items_is_reported(tmp_path: Path) -> None:
    [skipped] = read_feed(tmp_path / "quiet.rss", "<rss><channel><title>Quiet</title></channel></rss>")
    assert skipped == Skipped(str(tmp_path / "quiet.rss"), "the feed holds no items")


def test_deeply_nested_xhtml_content_is_read_without_recursion(tmp_path: Path) -> None:
    depth = 5000
    nested = "<div>" * depth + "Deep text." + "</div>" * depth
    [article] = read_feed(
        tmp_path / "deep.atom",
        f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>d</id><content type="xhtml">'
        f'<div xmlns="http://www.w3.org/1999/xhtml">{nested}</div></content></entry></feed>',
    )
    assert isinstance(article, Article) and article.text == "Deep text."
