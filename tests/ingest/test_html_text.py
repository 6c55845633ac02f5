"""The readable text of HTML pages and the metadata their heads declare."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from whodid.ingest import Skipped, read_articles
from whodid.ingest.html_text import html_page, html_text
from whodid.records import Article


def test_blocks_become_paragraphs_and_inline_whitespace_one_space() -> None:
    markup = (
        "<h1>Strike  in\n Mombasa</h1><p>Dock workers <em>stopped</em>\n  work.<br>Ships waited.</p>"
        "<ul><li>Day one</li><li>Day two</li></ul><pre>line one\n  line two</pre>"
    )
    assert html_text(markup) == (
        "Strike in Mombasa\n\nDock workers stopped work.\nShips waited.\n\nDay one\n\nDay two"
        "\n\nline one\nline two"
    )


def test_page_furniture_is_left_out() -> None:
    markup = (
        "<header>Site name</header><nav><ul><li>Home</li></ul></nav><main><p>The story.</p>"
        "<form><label>Subscribe</label></form><aside>Related</aside></main><footer>Contact</footer>"
        "<noscript>Enable scripts</noscript><template><p>Hidden</p></template>"
    )
    assert html_text(markup) == "The story."


def test_entities_are_unescaped_and_no_break_spaces_become_spaces() -> None:
    assert html_text("<p>Ali&nbsp;Musa &amp; co. &lt;quoted&gt; &#8220;yes&#8221; caf&eacute;</p>") == (
        "Ali Musa & co. <quoted> “yes” café"
    )


def test_misnested_and_unclosed_tags_still_give_the_text() -> None:
    assert html_text("<div><p>One <b>two</div> three<p>four") == "One two\n\nthree\n\nfour"
    # A skipped element closed past an unclosed child ends there too.
    assert html_text("<nav><ul><li>Menu</nav><p>Story.</p>") == "Story."


def test_marked_sections_html_has_not_are_read_as_comments() -> None:
    assert html_text("<p>Before<![if !IE]> after</p><![ odd ]><p>end</p>") == "Before after\n\nend"


def test_metadata_from_open_graph_and_the_canonical_link() -> None:
    page = html_page(
        '<html lang="en-GB"><head><title>Raid | Site</title><meta property="og:title" content="Raid">'
        '<meta property="og:site_name" content="Coast News"><meta property="og:url" content="https://c.example/og">'
        '<link rel="canonical" href="https://c.example/raid"><meta name="datePublished" content="2024-02-03">'
        "</head><body><p>Text.</p></body></html>"
    )
    assert (page.title, page.outlet, page.url, page.published, page.language) == (
        "Raid",
        "Coast News",
        "https://c.example/raid",
        "2024-02-03",
        "en-GB",
    )


def test_publication_date_from_json_ld_then_a_time_element() -> None:
    json_ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-04-01"}</script>'
    )
    assert html_page(json_ld + "<p>x</p>").published == "2024-04-01"
    timed = (
        '<p>Updated <time datetime="14:30">at 14:30</time>, '
        'first <time datetime="2024-04-02T08:00Z">x</time></p>'
    )
    assert html_page(timed).published == "2024-04-02T08:00Z"  # a time of day is no date


def test_the_title_element_is_used_when_no_meta_title_is_given() -> None:
    page = html_page("<title>  Flood  relief\n</title><p>Aid arrived.</p>")
    assert page.title == "Flood relief"
    assert page.text == "Aid arrived."


def test_an_html_file_is_one_article_with_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "raid.htm"
    path.write_text(
        '<meta property="article:published_time" content="2024-02-03T22:00:00-05:00">'
        "<title>Raid</title><p>Police raided a warehouse in Accra.</p>",
        encoding="utf-8",
    )
    [article] = read_articles(path)
    assert isinstance(article, Article)
    assert (article.id, article.title, article.published) == ("raid", "Raid", date(2024, 2, 3))
    assert article.text == "Police raided a warehouse in Accra."


def test_a_page_declaring_latin1_is_read_as_latin1_when_it_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    path.write_bytes('<meta charset="iso-8859-1"><p>Réfugiés à Goma</p>'.encode("latin-1"))
    [article] = read_articles(path)
    assert isinstance(article, Article) and article.text == "Réfugiés à Goma"


def test_a_page_declaring_latin1_but_written_in_utf8_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mislabelled.html"
    path.write_bytes('<meta charset="iso-8859-1"><p>Réfugiés à Goma</p>'.encode())
    [article] = read_articles(path)
    assert isinstance(article, Article) and article.text == "Réfugiés à Goma"


def test_a_page_of_markup_only_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<html><body><div>  </div><script>x()</script></body></html>", encoding="utf-8")
    [skipped] = read_articles(path)
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("no readable text")


@pytest.mark.parametrize("opener", ["<!--", "<![CDATA[", "<a ", "<?", "</"])
def test_many_constructs_left_open_are_read_in_linear_time(opener: str) -> None:
    # The standard parser alone takes minutes here: it searches the rest again from each opener.
    started = time.perf_counter()
    assert html_text("<p>Kept.</p>" + opener * 200_000) == "Kept."
    assert time.perf_counter() - started < 5
