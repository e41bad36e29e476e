"""Time `html_to_text` over generated articles of realistic length and markup.

Run: .venv/bin/python bench/html_to_text.py [N]   (default 1,000 articles)
"""

from __future__ import annotations

import random
import sys
import time

import lxml.html

from briefing.ingest.html import html_to_text

WORDS = (
    "the minister said on tuesday that talks with the union would resume after a "
    "week of strikes across the northern ports while officials in the capital warned "
    "that any deal must respect the budget ceiling agreed by parliament last spring "
    "analysts expect inflation to ease although energy prices remain volatile and "
    "households continue to feel the squeeze"
).split()


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 30))
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f'<a href="https://example.org/{rng.randint(1, 9999)}">{words[i]}</a>'
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = f"<em>{words[i]}</em>"
    if rng.random() < 0.1:
        words.append("&ldquo;quoted&rdquo; &amp; more&nbsp;text &#8212;")
    return " ".join(words).capitalize() + "."


def article(rng: random.Random) -> str:
    parts = ['<div class="entry-content">']
    for _ in range(rng.randint(6, 16)):
        roll = rng.random()
        if roll < 0.08:
            parts.append(f"<h2>{sentence(rng)[:60]}</h2>")
        elif roll < 0.14:
            items = "".join(f"<li>{sentence(rng)}</li>" for _ in range(rng.randint(2, 5)))
            parts.append(f"<ul>{items}</ul>")
        elif roll < 0.19:
            parts.append(
                '<figure><img src="https://cdn.example.org/a.jpg" alt="A photo" width="800">'
                f"<figcaption>{sentence(rng)}</figcaption></figure>"
            )
        elif roll < 0.23:
            parts.append(f"<blockquote><p>{sentence(rng)}</p></blockquote>")
        else:
            body = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
            parts.append(f"<p>{body}</p>\n")
    if rng.random() < 0.3:
        parts.append('<script type="text/javascript">window.dataLayer = [{"a": 1}];</script>')
    if rng.random() < 0.3:
        parts.append('<div class="share"><a href="#">Share</a> <iframe src="x"></iframe></div>')
    parts.append("<!-- generated --></div>")
    return "\n".join(parts)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(42)
    docs = [article(rng) for _ in range(count)]
    size = sum(len(d) for d in docs)
    html_to_text(docs[0])  # warm up imports and the parser
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        out = sum(len(html_to_text(d)) for d in docs)
        best = min(best, time.perf_counter() - start)
    print(
        f"html_to_text: {count} articles, {size / count / 1024:.1f} KiB HTML each on average, "
        f"{out / count / 1024:.1f} KiB text; best of 3: {best * 1000:.0f} ms total, "
        f"{best / count * 1e6:.0f} µs per article, {count / best:,.0f} articles/s"
    )
    # The floor for comparison: lxml parsing and flattening with no cleaning at all.
    floor = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for d in docs:
            lxml.html.fromstring(d).text_content()
        floor = min(floor, time.perf_counter() - start)
    print(
        f"for comparison, bare lxml.html parse + text_content: {floor * 1000:.0f} ms total, "
        f"{floor / count * 1e6:.0f} µs per article"
    )


if __name__ == "__main__":
    main()
