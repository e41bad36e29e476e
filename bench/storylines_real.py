"""Storylines on real news, through the real refresh path, against a plain baseline.

    .venv/bin/python bench/storylines_real.py [--corpus ../shared/corpora/news-cluster-dev]
                                             [--orders 2] [--seed 1]

The corpus's articles (news-cluster-dev: real articles, `gold.json` giving each one's event,
its 30-day storyline and the event's name) are served from 127.0.0.1 as one RSS feed per
outlet, subscribed to with `briefing import` and fetched with `briefing refresh` into a fresh
library, as a user would. Printed:

- B-cubed precision, recall and F1 of the storylines against the 30-day storylines, and the
  same for a baseline computed in the same run: an incremental TF-IDF centroid grouping with
  a 30-day window (each article, in date order, joins the most similar storyline active in
  the last 30 days if the cosine similarity reaches a threshold, else starts one). The
  baseline's threshold is the best of a grid on these very articles: a generous baseline.
- every multi-article storyline's label beside its gold event's name;
- whether the grouping is the same when the feeds answer in another order (each run serves
  every feed with its own random delay; `--orders` runs);
- the refresh's wall time (fetch, store, analyse, group) and articles per second.

Skips (exit 0, with a message) when the corpus is absent: it lives beside the project, not in it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.storylines import bcubed  # noqa: E402

BRIEFING = [sys.executable, "-m", "briefing"]
WINDOW_DAYS = 30


def load(corpus: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    docs = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus / "docs").glob("*.json"))
    ]
    return [d for d in docs if d["dId"] in gold], gold


# --- serving ------------------------------------------------------------------------------


def rss(outlet: str, docs: list[dict[str, Any]]) -> bytes:
    items = []
    for d in docs:
        published = datetime.fromisoformat(d["date_publish"]).replace(tzinfo=UTC)
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in d["text"].split("\n") if p.strip())
        items.append(
            "<item>"
            f"<title>{escape(d['title'] or '')}</title>"
            f"<link>{escape(d['url'])}</link>"
            f'<guid isPermaLink="false">{d["dId"]}</guid>'
            f"<pubDate>{format_datetime(published)}</pubDate>"
            f"<description>{escape(paragraphs)}</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(outlet)}</title><link>https://{escape(outlet)}/</link>"
        f"<description>{escape(outlet)}</description>{''.join(items)}</channel></rss>"
    ).encode()


class Server:
    """One feed per outlet on 127.0.0.1; each answers after its own delay (seconds)."""

    def __init__(self, feeds: dict[str, bytes]) -> None:
        self.feeds = feeds
        self.delays: dict[str, float] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                body = server.feeds.get(self.path)
                time.sleep(server.delays.get(self.path, 0.0))
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


def refresh(
    server: Server, paths: list[str], *, keep: Path | None = None
) -> tuple[list[dict[str, Any]], float]:
    """Subscribe a fresh library (at `keep`, else a temporary one) to every feed, refresh it,
    and read its storylines."""
    with tempfile.TemporaryDirectory() as tmp:
        db = keep or Path(tmp) / "library.db"
        env = {**os.environ, "BRIEFING_DB": str(db),
               "BRIEFING_SETTINGS": str(Path(tmp) / "settings.toml")}  # fmt: skip
        urls = Path(tmp) / "urls"
        urls.write_text("".join(server.url(p) + "\n" for p in paths), encoding="utf-8")
        subprocess.run([*BRIEFING, "import", str(urls)], env=env, check=True, capture_output=True)
        started = time.perf_counter()
        subprocess.run(
            [*BRIEFING, "refresh", "--no-full-text"], env=env, check=True, capture_output=True
        )
        took = time.perf_counter() - started
        out = subprocess.run(
            [*BRIEFING, "storylines", "--json"], env=env, check=True, capture_output=True, text=True
        ).stdout
    return json.loads(out), took


def membership(storylines: list[dict[str, Any]], by_url: dict[str, str]) -> dict[str, int]:
    pred = {}
    for s in storylines:
        for a in s["articles"]:
            for url in [a["url"], *(c["url"] for c in a["copies"])]:
                if url in by_url:
                    pred[by_url[url]] = s["id"]
    return pred


# --- the baseline -------------------------------------------------------------------------

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset(
    "the and for that with was were are has have had this from but not its his her their they "
    "said says will would could been more than into after about over also which who what when "
    "there one two out new all can our after just who him she you".split()
)


def baseline(docs: list[dict[str, Any]], threshold: float) -> dict[str, int]:
    """Incremental TF-IDF centroids, joining only storylines active in the last 30 days."""
    df: Counter[str] = Counter()
    n = 0
    clusters: list[dict[str, Any]] = []
    out = {}
    for d in sorted(docs, key=lambda d: (d["date_publish"], d["dId"])):
        terms = Counter(
            w for w in _WORD.findall(f"{d['title']} {d['text']}".lower()) if w not in _STOP
        )
        n += 1
        df.update(terms.keys())
        vec = {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 0.5)) for t, c in terms.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vec = {t: v / norm for t, v in vec.items()}
        day = date.fromisoformat(d["date_publish"][:10]).toordinal()
        best, best_sim = None, threshold
        for c in clusters:
            if day - c["last"] > WINDOW_DAYS:
                continue
            cn = math.sqrt(sum(v * v for v in c["sum"].values())) or 1.0
            sim = sum(w * c["sum"].get(t, 0.0) for t, w in vec.items()) / cn
            if sim >= best_sim:
                best, best_sim = c, sim
        if best is None:
            best = {"id": len(clusters), "sum": {}, "last": day}
            clusters.append(best)
        for t, w in vec.items():
            best["sum"][t] = best["sum"].get(t, 0.0) + w
        best["last"] = max(best["last"], day)
        out[d["dId"]] = best["id"]
    return out


def same_partition(a: dict[str, int], b: dict[str, int]) -> bool:
    def groups(m: dict[str, int]) -> set[frozenset[str]]:
        inv: dict[int, set[str]] = defaultdict(set)
        for k, v in m.items():
            inv[v].add(k)
        return {frozenset(g) for g in inv.values()}

    return groups(a) == groups(b)


# --- labels -----------------------------------------------------------------------------

# Words that open a name and say nothing alone ("New" England, "North" Korea, "Las" Vegas).
_OPENERS = frozenset("new north south east west united great los las san santa st saint".split())
_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def key_words(event_name: str, texts: list[str]) -> list[str]:
    """The gold event name's words that its articles write as names: capitalised mid-sentence
    at least twice and at least three times as often as in lower case ("equifax", "cubs",
    "nice", "silverman"; not "breach", "win", "league")."""
    words = [w.lower() for w in re.split(r"[_\s]+", event_name) if len(w) >= 2]
    cap: Counter[str] = Counter()
    low: Counter[str] = Counter()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
            for token in _NAME_TOKEN.findall(sentence)[1:]:
                for part in re.split(r"[-’']", token):
                    if part.lower() in words:
                        (cap if part[:1].isupper() else low)[part.lower()] += 1
    return [
        w
        for w in dict.fromkeys(words)
        if w not in _OPENERS and cap[w] >= 2 and cap[w] >= 3 * low[w]
    ]


_FUNCTION_WORDS = frozenset(
    "the and for with from after over into about that this was were are has had its their "
    "first time".split()
)


def title_key_words(event_name: str, titles: list[str]) -> list[str]:
    """For an event whose name holds no name ("nyc_subway_work_trains_collide..."): the
    name's words that at least half of its articles' headlines use ("subway", "microbes")."""
    words = [w.lower() for w in re.split(r"[_\s]+", event_name) if len(w) >= 3]
    seen = [label_words(t) for t in titles]
    return [
        w
        for w in dict.fromkeys(words)
        if w not in _FUNCTION_WORDS and sum(w in s for s in seen) >= max(1, len(titles) / 2)
    ]


def label_words(label: str) -> set[str]:
    """The label's words in lower case, possessives and hyphens split off ("Egypt's" ->
    "egypt", "Kim Jong-un" -> "kim", "jong", "un"); a key word must be one of them whole."""
    out = set()
    for token in _NAME_TOKEN.findall(label):
        token = re.sub(r"['’]s?$", "", token)
        out.update(p.lower() for p in re.split(r"[-–’']", token) if p)
    return out


def ends_mid_word(label: str, texts: list[str]) -> bool:
    """Whether the label's last word looks cut: an ellipsis, or a word neither the storyline's
    article texts use whole nor English knows ("twi" of "twice")."""
    from wordfreq import zipf_frequency

    if label.rstrip().endswith(("...", "…", "-")):
        return True
    found = _NAME_TOKEN.findall(label)
    if not found:
        return True
    last = re.sub(r"['’]s?$", "", found[-1])
    pattern = re.compile(rf"\b{re.escape(last)}\b", re.IGNORECASE)
    return zipf_frequency(last, "en") < 2.5 and not any(pattern.search(t) for t in texts)


# Site furniture after a headline: "... - BBC News", "... | Reuters".
_FURNITURE = re.compile(r"\s[-|–—]\s+[A-Z][\w.&'’ ]*$|\s\|\s")


def label_report(
    storylines: list[dict[str, Any]],
    pred: dict[str, int],
    gold: dict[str, dict[str, Any]],
    docs: dict[str, dict[str, Any]],
) -> None:
    """Every multi-article storyline's label beside its gold event, with three checks: it
    holds a key name of the event, it is more than one word, it does not end mid-word."""
    print("\nlabels of multi-article storylines (gold event name in brackets):")
    print(
        "  key = a key name of the event is in the label: a word of the event's name that its"
        " articles write as a name (or, when it has none, that most of its headlines use)"
    )
    judged = hits = unjudged = one_word = mid_word = 0
    singles = []
    for s in storylines:
        members = [k for k, v in pred.items() if v == s["id"]]
        label = s["label"]
        if len(members) < 2:
            singles.append(label)
            continue
        event = Counter(gold[k]["event_name"] for k in members).most_common(1)[0][0]
        of_event = [docs[k] for k in members if gold[k]["event_name"] == event]
        keys = key_words(event, [d["text"] for d in of_event])
        by_titles = not keys
        if by_titles:  # no name in the event's name: its words most headlines use
            keys = title_key_words(event, [d["title"] or "" for d in of_event])
        said = sorted(set(keys) & label_words(label))
        flags = ["(key words from headlines)"] if by_titles else []
        if not keys:
            unjudged += 1
            verdict = "n/a "
        else:
            judged += 1
            hits += bool(said)
            verdict = "key " if said else "MISS"
        if len(label.split()) < 2:
            one_word += 1
            flags.append("ONE WORD")
        texts = [d["text"] for d in docs.values() if d["dId"] in members]
        if ends_mid_word(label, texts):
            mid_word += 1
            flags.append("MID-WORD")
        print(
            f"  {len(members):3d} {verdict} {label!r:55s} [{event[:60]}]"
            f" keys={','.join(keys) or '-'} found={','.join(said) or '-'} {' '.join(flags)}"
        )
    total = judged + unjudged
    print(
        f"key name in the label: {hits}/{judged} judged ({hits / max(judged, 1):.0%});"
        f" {unjudged} events with no key word at all (counting them as misses:"
        f" {hits}/{total}, {hits / max(total, 1):.0%})"
    )
    print(f"one-word labels: {one_word}/{total}; labels ending mid-word: {mid_word}/{total}")
    furniture = [label for label in singles if _FURNITURE.search(label)]
    print(f"single-article labels: {len(singles)}, with site furniture: {len(furniture)}")
    for label in singles:
        print(f"    {'FURNITURE ' if label in furniture else ''}{label!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared/corpora/news-cluster-dev"
    )
    parser.add_argument(
        "--orders", type=int, default=2, help="refreshes with feeds answering in different orders"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not (args.corpus / "gold.json").exists():
        print(f"skipped: no corpus at {args.corpus}")
        return
    docs, gold = load(args.corpus)
    truth = {k: v["storyline"] for k, v in gold.items() if any(d["dId"] == k for d in docs)}
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        by_outlet[d["source_domain"]].append(d)
    feeds = {f"/{i}.xml": rss(o, ds) for i, (o, ds) in enumerate(sorted(by_outlet.items()))}
    server = Server(feeds)
    by_url = {d["url"]: d["dId"] for d in docs}
    print(
        f"{len(docs)} articles from {len(feeds)} outlets,"
        f" {len(set(truth.values()))} gold storylines"
    )

    rng = random.Random(args.seed)
    runs = []
    for i in range(max(1, args.orders)):
        server.delays = {p: rng.random() * 0.3 for p in feeds} if i else {}
        storylines, took = refresh(server, list(feeds))
        runs.append((membership(storylines, by_url), storylines, took))
    pred, storylines, took = runs[0]
    missing = set(truth) - set(pred)
    if missing:
        print(f"warning: {len(missing)} articles not in any storyline")
    p, r, f1 = bcubed(pred, truth)
    print(
        f"briefing  B-cubed P={p:.3f} R={r:.3f} F1={f1:.3f}  ({len(set(pred.values()))} storylines)"
    )
    scored = [(bcubed(baseline(docs, t / 100), truth), t / 100) for t in range(10, 60, 2)]
    (bp, br, bf1), threshold = max(scored, key=lambda s: s[0][2])
    clusters = len(set(baseline(docs, threshold).values()))
    print(
        f"baseline  B-cubed P={bp:.3f} R={br:.3f} F1={bf1:.3f}  ({clusters} storylines;"
        f" TF-IDF centroid, 30-day window, best threshold {threshold:.2f})"
    )
    print(f"margin over the baseline: {f1 - bf1:+.3f}")
    print(
        f"refresh (fetch, store, analyse, group): {took:.1f} s, {len(docs) / took:.0f} articles/s"
    )
    for i, (other, _s, other_took) in enumerate(runs[1:], start=2):
        same = same_partition(pred, other)
        op, orr, of1 = bcubed(other, truth)
        print(
            f"run {i} (feeds answering in another order): {'same' if same else 'DIFFERENT'}"
            f" grouping, F1={of1:.3f}, {other_took:.1f} s"
        )
    label_report(storylines, pred, gold, {d["dId"]: d for d in docs})


if __name__ == "__main__":
    main()
