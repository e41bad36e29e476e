"""Property tests: no text crashes the analyser, and every offset points into the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.understand import Analysis, analyse

# Text built from the pieces the rules react to, so the generated articles exercise them.
PIECES = [
    "Merz", "Friedrich Merz", "the chancellor", "he", "she", "said", "told", "according to",
    "noted that", "wrote", "must", "only if", "unless", "will not accept", "non-negotiable",
    "on Tuesday", "next Monday", "on 23 November", "last month", "the Kremlin", "Kyiv", ",",
    ".", ":", ";", "\u2014", '"', "\u201c", "\u201d", "'", "\u2019s", "\n\n", "\n", " ",
    "WALLACE:", "(R-Ky.)", "U.S.", "Dr.", "that", "and", "the plan proposed that", "Ukraine",
    "\u00ab", "\u00bb", "\u201e", "\u2015", "100", "2026", "\t", "\x00", "\u202e", "\U0001f600",
    "a day later", "last weekend", "''", "\u2018", "\u2019", "conditional on", "and on",
    "answered", "in an interview with the BBC", "Speaking to The Times", "The Dutch government",
    "Northfield's mayor", "since January", "in April", "scheduled", "James B. Comey",
]  # fmt: skip
articles = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=80).map(
    " ".join
)
dates = st.one_of(
    st.none(), st.just(""), st.just("2026-02-29"), st.just("not a date"), st.dates().map(str)
)


def check_offsets(text: str, result: Analysis) -> None:
    for q in result.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.speaker_span is not None:
            s, e = q.speaker_span
            assert 0 <= s <= e <= len(text)
    for r in result.red_lines:
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start : r.end] == r.text
    for ev in result.events:
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start : ev.end] == ev.text
        assert len(ev.date) in (7, 10)
    for a in result.actors:
        for s, e in a.spans:
            assert 0 <= s <= e <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles, published=dates)
def test_generated_articles_never_crash_and_offsets_hold(text: str, published: str | None) -> None:
    check_offsets(text, analyse(text, published))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400), published=dates)
def test_arbitrary_text_never_crashes(text: str, published: str | None) -> None:
    check_offsets(text, analyse(text, published, title="t", source="s"))


def test_empty_text() -> None:
    result = analyse("")
    assert result.quotes == [] and result.actors == [] and result.events == []
