"""html_to_text: what a reader sees of an article's HTML."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest.html import html_to_text

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Hello <b>world</b></p><p>Second para</p>", "Hello world\n\nSecond para"),
        ("<div>One</div><div>Two</div>", "One\n\nTwo"),
        ("<h2>Heading</h2>Body text", "Heading\n\nBody text"),
        ("<blockquote>Quoted</blockquote>after", "Quoted\n\nafter"),
        ("Inline <em>emphasis</em> and <a href='x'>a link</a>.", "Inline emphasis and a link."),
        ("<b>no</b><i>space</i>", "nospace"),
        ("<p>  lots   of\n\n  space\t here  </p>", "lots of space here"),
        ("<p></p><p> </p><div><p>only</p></div>", "only"),
    ],
)
def test_blocks_become_paragraphs(html: str, text: str) -> None:
    assert html_to_text(html) == text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("&amp; &lt;tag&gt; &quot;q&quot; &#39;s&#39;", "& <tag> \"q\" 's'"),
        ("<p>caf&eacute; &ndash; na&iuml;ve &hellip; &euro;5</p>", "café – naïve … €5"),
        ("<p>&#8220;curly&#x201D; &NotEqualTilde;</p>", "\u201ccurly\u201d \u2242\u0338"),
        ("<p>non&nbsp;breaking</p>", "non breaking"),
        ("<p>&#x80; is a euro in HTML</p>", "€ is a euro in HTML"),
    ],
)
def test_entities_are_decoded(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_non_content_is_dropped() -> None:
    html = """
    <html><head><title>Page title</title><style>p { color: red }</style>
    <script>var secret = 1;</script></head>
    <body>
      <p>Visible<!-- a comment --> text</p>
      <script type="text/javascript">document.write("no")</script>
      <noscript>enable js</noscript>
      <iframe src="https://ads.example/"></iframe>
      <form><input value="x"><button>Subscribe</button><select><option>o</option></select></form>
      <svg><text>svg text</text></svg>
      <template><p>hidden template</p></template>
      <?php echo 1; ?>
      <p>tail survives</p>
    </body></html>
    """
    assert html_to_text(html) == "Visible text\n\ntail survives"


def test_dropped_element_keeps_following_text() -> None:
    assert html_to_text("before<script>x()</script> after") == "before after"


def test_line_breaks() -> None:
    assert html_to_text("one<br>two<br/>three") == "one\ntwo\nthree"
    # A double <br> is how many feeds separate paragraphs.
    assert html_to_text("one<br><br>two<br />\n<br />three") == "one\n\ntwo\n\nthree"


def test_list_items_on_their_own_lines() -> None:
    html = "<p>Intro</p><ul><li>first</li><li>second <b>bold</b></li></ul><p>Outro</p>"
    assert html_to_text(html) == "Intro\n\nfirst\nsecond bold\n\nOutro"
    nested = "<ol><li>a<ul><li>a.1</li><li>a.2</li></ul></li><li>b</li></ol>"
    assert html_to_text(nested) == "a\na.1\na.2\nb"
    assert html_to_text("<dl><dt>term</dt><dd>meaning</dd></dl>") == "term\nmeaning"


def test_tables_rows_on_lines_cells_spaced() -> None:
    html = "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>41</td></tr></table>"
    assert html_to_text(html) == "Name Age\nAnn 41"


def test_preformatted_text_keeps_lines() -> None:
    assert html_to_text("<pre>line one\n  line two\n\nline four</pre>") == (
        "line one\nline two\n\nline four"
    )


def test_figures_keep_caption_not_image() -> None:
    html = '<figure><img src="a.jpg" alt="alt"><figcaption>The caption</figcaption></figure>x'
    assert html_to_text(html) == "The caption\n\nx"


def test_full_document() -> None:
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>T</title></head>"
        "<body><article><h1>Headline</h1><p>Para.</p></article></body></html>"
    )
    assert html_to_text(html) == "Headline\n\nPara."


def test_plain_text_passes_through() -> None:
    text = "First paragraph, first line.\nSecond line.\n\nSecond paragraph."
    assert html_to_text(text) == text
    assert html_to_text("a\r\nb\r\n\r\nc") == "a\nb\n\nc"
    assert html_to_text("  spaced   out  \n\n\n\n  next ") == "spaced out\n\nnext"
    assert html_to_text("AT&T and 3 < 4 > 2") == "AT&T and 3 < 4 > 2"


def test_plain_text_with_entities_is_decoded() -> None:
    assert html_to_text("Tom &amp; Jerry &mdash; again") == "Tom & Jerry — again"


def test_double_escaped_markup_is_read_as_html() -> None:
    html = "&lt;p&gt;First&lt;/p&gt;&lt;p&gt;Second &amp;amp; more&lt;/p&gt;"
    assert html_to_text(html) == "First\n\nSecond & more"


def test_rich_markup_stays_literal() -> None:
    assert html_to_text("<p>[bold]x[/] and [red]y[/red]</p>") == "[bold]x[/] and [red]y[/red]"
    assert html_to_text("[link=https://evil]click[/link]") == "[link=https://evil]click[/link]"


@pytest.mark.parametrize(
    "html",
    [
        "<p>a\x1b[31mred\x1b[0m b</p>",
        "<p>a&#27;[31mred&#x1b;[0m b</p>",
        "<p>a\x1b]0;title\x07 b</p>",
        "<p>a\x9b31m b\x00</p>",
        "a\x1b[2J\x1b[31m b",
        "<p>a&#x202e; b&#x8f;</p>",
        "<p>a&#00000000027;[31m b</p>",
        "<ul><li>a&#x000000001b;[31m b</li></ul>",
    ],
)
def test_escape_sequences_and_controls_removed(html: str) -> None:
    text = html_to_text(html)
    assert not CONTROL.search(text)
    assert text.startswith("a") and text.endswith("b")
    assert "31m" not in text


def test_hostile_inputs_do_not_break_it() -> None:
    assert html_to_text("") == ""
    assert html_to_text("   \n ") == ""
    assert html_to_text("<!-- only a comment -->") == ""
    assert html_to_text("<p>unclosed <b>bold <i>it") == "unclosed bold it"
    assert html_to_text("<p>a\ud800b</p>") == "ab"  # a lone surrogate must not truncate
    assert html_to_text("<p>&#xD800;&#1114112;&#99999999999;ok</p>").endswith("ok")
    deep = "<div>" * 5000 + "deep" + "</div>" * 5000
    assert "deep" in html_to_text(deep)


def test_never_reads_external_entities(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    html = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><p>&xxe;</p></body></html>"
    )
    assert "TOP SECRET" not in html_to_text(html)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_clean_output(text: str) -> None:
    out = html_to_text(text)
    assert not CONTROL.search(out)
    assert "\n\n\n" not in out
    assert out == out.strip()


_TAGS = st.sampled_from(["p", "div", "b", "li", "ul", "br", "script", "pre", "td", "h1", "span"])


@st.composite
def markup(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(_TAGS)
        inner = draw(st.text(max_size=20))
        ref = draw(
            st.one_of(
                st.integers(0, 0x11FFFF).map(lambda n: f"&#{n};"),
                st.integers(0, 0x11FFFF).map(lambda n: f"&#x{n:x}"),
                st.sampled_from(["&amp;", "&lrm;", "&nbsp;", "&bogus;", "&", ""]),
            )
        )
        parts.append(
            draw(st.sampled_from([f"<{tag}>{inner}{ref}</{tag}>", f"<{tag}>", inner + ref]))
        )
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(markup())
def test_any_markup_gives_clean_output(html: str) -> None:
    out = html_to_text(html)
    assert not CONTROL.search(out)
    assert "\n\n\n" not in out
    assert "<script>" not in out


_PLAIN = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Co"), blacklist_characters="<&\u200b\ufeff\u00ad"
    )
)


@settings(max_examples=200, deadline=None)
@given(_PLAIN)
def test_plain_text_is_a_fixed_point(text: str) -> None:
    once = html_to_text(text)
    assert html_to_text(once) == once
    # Words survive: nothing but whitespace and invisible format characters is lost.
    assert once.split() == [w for w in text.split()] or "".join(once.split()) == "".join(
        text.split()
    )


@settings(max_examples=200, deadline=None)
@given(markup())
def test_converting_twice_changes_nothing_without_angle_brackets(html: str) -> None:
    once = html_to_text(html)
    if "<" not in once and "&" not in once:
        assert html_to_text(once) == once


def test_xhtml_with_an_encoding_declaration() -> None:
    html = '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>caf\xe9</p></body></html>'
    assert html_to_text(html) == "caf\xe9"


def test_hidden_elements_are_dropped() -> None:
    html = (
        "<p>shown</p><div hidden>HIDDEN-1</div><span aria-hidden='true'>HIDDEN-2</span>"
        "<p style='color: red; display : none'>HIDDEN-3</p><p style='display: block'>also "
        "shown</p><p>tail</p>"
    )
    out = html_to_text(html)
    assert out == "shown\n\nalso shown\n\ntail"
