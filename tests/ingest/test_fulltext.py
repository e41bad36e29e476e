"""Main-text extraction from article pages, with trafilatura and no network."""

from __future__ import annotations

import socket

import pytest

from briefing.ingest.fulltext import extract_main_text

ARTICLE = """<!DOCTYPE html><html><head><title>Talks resume in Geneva</title>
<script>var tracking = "SCRIPT-TEXT";</script>
<link rel="canonical" href="https://news.example.org/geneva">
<link rel="stylesheet" href="https://cdn.example.org/site.css"></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Talks resume in Geneva after week of strikes</h1>
<p>The foreign minister said on Tuesday that negotiations with the delegation would resume
in Geneva next week, after a pause that lasted more than a month and unsettled markets.</p>
<img src="https://cdn.example.org/photo.jpg" alt="The minister">
<p>"We will not accept any agreement that leaves the border question open," she told
reporters outside the ministry, adding that the position had not changed since January.</p>
<ul><li>Talks resume on 10 March</li><li>Delegations of twelve</li></ul>
<p>Analysts said the resumption was a sign that both sides were under pressure from their
own publics to show progress, although few expected a breakthrough before the summer.</p>
<iframe src="https://ads.example.org/frame"></iframe>
<p>The opposition leader said the government had &ldquo;wasted months&rdquo; [bold]x[/].</p>
</article>
<section class="comments" id="comments"><h3>Comments</h3><div class="comment">
<p>COMMENT-TEXT: a reader comment that should never appear in the article text, however
long it is and however much it resembles a paragraph of the article itself.</p>
</div></section></main>
<footer><p>FOOTER-TEXT Copyright 2025 Example News.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_article_text_with_paragraphs() -> None:
    text = extract_main_text(ARTICLE, "https://news.example.org/geneva")
    assert text is not None
    paragraphs = text.split("\n\n")
    assert any(p.startswith("The foreign minister said on Tuesday") for p in paragraphs)
    assert any(p.startswith('"We will not accept any agreement') for p in paragraphs)
    # Line breaks inside a source paragraph are not paragraph breaks.
    assert "resume in Geneva next week" in text
    # List items stay together, one per line.
    assert "- Talks resume on 10 March\n- Delegations of twelve" in text
    # Entities decoded, rich markup literal.
    assert "\u201cwasted months\u201d [bold]x[/]" in text


def test_boilerplate_comments_and_scripts_are_left_out() -> None:
    text = extract_main_text(ARTICLE, "https://news.example.org/geneva")
    assert text is not None
    for noise in ("COMMENT-TEXT", "FOOTER-TEXT", "SCRIPT-TEXT", "Privacy"):
        assert noise not in text


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   ",
        "<html><body></body></html>",
        "<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>",
        "<html><body><article><p>Subscribe to continue reading. Already a subscriber? "
        "Log in.</p></article></body></html>",
        "not html at all",
    ],
)
def test_nothing_useful_gives_none(page: str) -> None:
    assert extract_main_text(page, "https://news.example.org/x") is None


def test_xhtml_with_an_encoding_declaration() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + ARTICLE.split("\n", 1)[1]
    text = extract_main_text(page, "https://news.example.org/geneva")
    assert text is not None and "The foreign minister" in text


def test_controls_and_escapes_are_removed() -> None:
    page = ARTICLE.replace("The foreign minister", "The \x1b[31mforeign\x1b[0m minister\x07")
    text = extract_main_text(page, "https://news.example.org/geneva")
    assert text is not None
    assert "\x1b" not in text and "\x07" not in text
    assert "The foreign minister" in text


def test_hostile_pages_do_not_raise() -> None:
    deep = "<div>" * 4000 + "<p>" + "word " * 100 + "</p>" + "</div>" * 4000
    extract_main_text(deep, "https://e.org/")
    extract_main_text("<p>a\ud800b</p>" * 50, "https://e.org/")
    extract_main_text('<?xml version="1.0" encoding="utf-8"?><html>x</html>', "")
    assert extract_main_text("<p>x</p>" * 2_000_000, "https://e.org/") is None  # too large


def test_extraction_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access during extraction")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = ARTICLE.replace("<head>", '<head><base href="http://10.0.0.1/">')
    assert extract_main_text(page, "https://news.example.org/geneva") is not None
    assert attempts == []


def test_extractor_and_its_fallbacks_import_with_this_lxml() -> None:
    # lxml 5.2+ moved lxml.html.clean out into lxml_html_clean; justext (trafilatura's
    # fallback extractor) still imports it from the old place.
    import lxml
    import lxml.html.clean
    import trafilatura.external

    assert int(lxml.__version__.split(".")[0]) >= 5
    cleaned = lxml.html.clean.Cleaner(javascript=True).clean_html("<p>x<script>y()</script></p>")
    assert "y()" not in cleaned and "x" in cleaned
    assert callable(trafilatura.external.justext_rescue)
