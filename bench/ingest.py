"""Time `briefing refresh` on generated feeds served from 127.0.0.1.

Three refreshes of the same N feeds: cold (empty library), every feed answering 304, and
content unchanged while the server ignores conditional headers (so every body is sent
again). Where `newsboat` is on PATH it runs `newsboat -x reload` through the same three
and prints the ratios.

Run: .venv/bin/python bench/ingest.py [--feeds 1000] [--articles 20] [--profile]

With `--real`, the articles are real news of full length (the PolNeAR training texts from
../shared/corpora/polnear/train, reused in turn; skipped cleanly when they are absent), and the
bench goes on past the three rounds: `briefing digest` of everything the cold round stored
(articles per second), then a plain `briefing refresh` (fetch, store, analyse, group) into a
fresh library, each in its own process with its peak memory printed. The issue's case:

    .venv/bin/python bench/ingest.py --real --feeds 300 --articles 20
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import multiprocessing
import os
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

WORDS = (
    "the minister said on tuesday that talks with the union would resume after a week of "
    "strikes across the northern ports while officials in the capital warned that any deal "
    "must respect the budget ceiling agreed by parliament last spring analysts expect "
    "inflation to ease although energy prices remain volatile and households continue to "
    "feel the squeeze negotiators from both sides met behind closed doors for several hours "
    "before a spokesperson told reporters that progress had been made on wages but not on "
    "pensions opposition leaders demanded a vote while regional governors called for calm"
).split()
NAMES = ["Anna Keller", "Marek Nowak", "Sofia Rossi", "James Okafor", "Lena Fischer"]
SECTIONS = ["World", "Europe", "Business", "Politics", "Climate", "Technology", "Sport"]
LAST_MODIFIED = "Mon, 23 Nov 2026 08:00:00 GMT"


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(10, 28))
    words[0] = words[0].capitalize()
    if rng.random() < 0.25:
        i = rng.randrange(len(words))
        words[i] = f'<a href="https://example.org/{rng.randint(1, 99999)}">{words[i]}</a>'
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        words[i] = f"<em>{words[i]}</em>"
    if rng.random() < 0.2:
        return f'"{" ".join(words)}," {rng.choice(NAMES)} said.'
    return " ".join(words) + "."


def _article_html(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(6, 11)):
        paragraphs.append(
            "<p>" + " ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) + "</p>"
        )
    if rng.random() < 0.3:
        paragraphs.insert(2, '<figure><img src="https://example.org/p.jpg" alt="A photo">'
                             "<figcaption>Photo: agency</figcaption></figure>")  # fmt: skip
    return "\n".join(paragraphs)


def _real_article(text: str) -> tuple[str, str, str]:
    """Title, summary and HTML body of a real article (its first line is its headline)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if lines else "Untitled"
    body = "\n".join(f"<p>{escape(line)}</p>" for line in lines[1:])
    return escape(title[:200]), escape(lines[1][:300] if len(lines) > 1 else title), escape(body)


def make_feed(index: int, articles: int, texts: list[str] | None = None) -> bytes:
    """One feed document (RSS 2.0 for most, Atom for every third), deterministic per index.

    With `texts`, the items carry those real articles (taken in turn), else made-up ones."""
    rng = random.Random(index)
    site = f"https://outlet{index}.example"
    start = datetime(2026, 11, 23, 8, tzinfo=UTC)
    items = []
    atom = index % 3 == 2
    for n in range(articles):
        title = escape(" ".join(rng.choices(WORDS, k=rng.randint(6, 11))).capitalize())
        link = f"{site}/2026/11/{index}-{n}"
        when = start - timedelta(hours=n * 3 + rng.randint(0, 2), minutes=rng.randint(0, 59))
        body = escape(_article_html(rng))
        summary = escape(_sentence(rng))
        if texts:
            title, summary, body = _real_article(texts[(index * articles + n) % len(texts)])
        author = escape(rng.choice(NAMES))
        cats = rng.sample(SECTIONS, 2)
        if atom:
            items.append(
                f"<entry><title>{title}</title><link href='{link}'/><id>{link}</id>"
                f"<published>{when.isoformat()}</published><updated>{when.isoformat()}</updated>"
                f"<author><name>{author}</name></author>"
                + "".join(f"<category term='{c}'/>" for c in cats)
                + f"<summary type='html'>{summary}</summary>"
                f"<content type='html'>{body}</content></entry>"
            )
        else:
            items.append(
                f"<item><title>{title}</title><link>{link}</link>"
                f"<guid isPermaLink='true'>{link}</guid><pubDate>{format_datetime(when)}</pubDate>"
                f"<dc:creator>{author}</dc:creator>"
                + "".join(f"<category>{c}</category>" for c in cats)
                + f"<description>{summary}</description>"
                f"<content:encoded>{body}</content:encoded></item>"
            )
    if atom:
        doc = (
            "<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Outlet {index}</title><link href='{site}/'/><id>{site}/</id>"
            f"<updated>{start.isoformat()}</updated>" + "\n".join(items) + "</feed>"
        )
    else:
        doc = (
            "<?xml version='1.0' encoding='utf-8'?>\n<rss version='2.0' "
            "xmlns:content='http://purl.org/rss/1.0/modules/content/' "
            "xmlns:dc='http://purl.org/dc/elements/1.1/'><channel>"
            f"<title>Outlet {index}</title><link>{site}/</link><description>News</description>"
            + "\n".join(items)
            + "</channel></rss>"
        )
    return doc.encode("utf-8")


def serve(
    feeds: int,
    articles: int,
    port_queue: multiprocessing.Queue,  # type: ignore[type-arg]
    texts: list[str] | None = None,
) -> None:
    """The feed server (its own process, so it does not compete for our GIL)."""
    bodies = {f"/feeds/{i}.xml": make_feed(i, articles, texts) for i in range(feeds)}
    etags = {path: '"' + hashlib.sha1(body).hexdigest()[:16] + '"' for path, body in bodies.items()}
    mode = {"honour": True}
    stats: dict[int, int] = {}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/__stats":
                self._send(200, json.dumps(stats).encode(), {})
                stats.clear()
                return
            if self.path.startswith("/__mode/"):
                mode["honour"] = self.path.endswith("honour")
                self._send(200, b"ok", {})
                return
            body = bodies.get(self.path)
            if body is None:
                self._send(404, b"not found", {})
                return
            validators = {"ETag": etags[self.path], "Last-Modified": LAST_MODIFIED}
            status = 304 if mode["honour"] and self._matches(etags[self.path]) else 200
            with lock:
                stats[status] = stats.get(status, 0) + 1
            if status == 304:
                self._send(304, b"", validators)
                return
            self._send(200, body, {**validators, "Content-Type": "application/xml"})

        def _matches(self, etag: str) -> bool:
            return (
                self.headers.get("If-None-Match") == etag
                or self.headers.get("If-Modified-Since") == LAST_MODIFIED
            )

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.request_queue_size = 256
    # A client that hangs up mid-response (newsboat does) is not worth a traceback.
    httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    port_queue.put((httpd.server_address[1], sum(len(b) for b in bodies.values())))
    httpd.serve_forever()


def _get(url: str) -> None:
    import urllib.request

    with urllib.request.urlopen(url) as response:
        response.read()


def cpu_seconds() -> float:
    """CPU time used so far by this process and its finished children (parse workers)."""
    return sum(cpu_split())


def cpu_split() -> tuple[float, float]:
    """CPU seconds so far of this process, and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def server_stats(base: str) -> str:
    """What the server answered since the last call, e.g. "1000 x 200"."""
    import urllib.request

    with urllib.request.urlopen(f"{base}/__stats") as response:
        counts = json.loads(response.read())
    return ", ".join(f"{n} x {status}" for status, n in sorted(counts.items())) or "no requests"


def run_briefing(urls: list[str], db: Path, label: str, profile: bool) -> float:
    from briefing.ingest.refresh import refresh_feeds
    from briefing.store import open_library

    with open_library(db) as library:
        profiler = cProfile.Profile() if profile else None
        own, children = cpu_split()
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        report = refresh_feeds(library)
        if profiler:
            profiler.disable()
        took = time.perf_counter() - started
    own_after, children_after = cpu_split()
    own, children = own_after - own, children_after - children
    print(
        f"  briefing {label:<10} {took:7.2f} s  (CPU {own + children:6.2f} s = "
        f"{own:.2f} main + {children:.2f} parse workers)   {report.summary()}"
    )
    if report.errors:
        bad = [r for r in report.results if r.failed][:3]
        print("    errors:", [(r.url, r.error) for r in bad])
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())
    return took


REAL_TEXTS = Path(__file__).resolve().parent.parent.parent / "shared/corpora/polnear/train/text"


def real_texts() -> list[str]:
    """The real articles the `--real` case serves (none when the corpus is absent)."""
    if not REAL_TEXTS.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(REAL_TEXTS.glob("*.txt"))]


def run_cli(args: list[str]) -> tuple[float, float, float]:
    """Run `briefing ARGS` in its own process: wall seconds, the peak memory (MB) of the
    largest process it ran (itself or a worker it started), and the CPU seconds (user + sys)
    of it and its workers together (less noisy than wall time on a shared machine)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - started
    if status != 0 and child.stderr is not None:
        print("    failed:", child.stderr.read().decode(errors="replace")[-500:])
    return took, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def run_newsboat(newsboat: str, workdir: Path, label: str) -> float:
    cpu = cpu_seconds()
    started = time.perf_counter()
    subprocess.run(
        [newsboat, "-u", str(workdir / "urls"), "-c", str(workdir / "cache.db"),
         "-C", str(workdir / "config"), "-x", "reload"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "HOME": str(workdir)},
    )  # fmt: skip
    took = time.perf_counter() - started
    print(f"  newsboat {label:<10} {took:7.2f} s  (CPU {cpu_seconds() - cpu:6.2f} s)")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=1000, help="number of feeds (1000)")
    parser.add_argument("--articles", type=int, default=20, help="articles per feed (20)")
    parser.add_argument("--profile", action="store_true", help="profile the cold refresh")
    parser.add_argument("--no-newsboat", action="store_true", help="skip newsboat even if found")
    parser.add_argument(
        "--real", action="store_true", help="real full-length articles, then digest and refresh"
    )
    parser.add_argument(
        "--fetch-only", action="store_true", help="with --real: the three rounds only, no digest"
    )
    args = parser.parse_args()
    texts = None
    if args.real:
        texts = real_texts()
        if not texts:
            print(f"skipped: no real articles in {REAL_TEXTS}")
            return

    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    server = multiprocessing.Process(
        target=serve, args=(args.feeds, args.articles, queue, texts), daemon=True
    )
    server.start()
    port, total_bytes = queue.get(timeout=600)
    base = f"http://127.0.0.1:{port}"
    urls = [f"{base}/feeds/{i}.xml" for i in range(args.feeds)]
    total = args.feeds * args.articles
    print(
        f"{args.feeds} feeds x {args.articles} articles = {total} articles, "
        f"{total_bytes / 1e6:.1f} MB of feed documents, {os.cpu_count()} CPUs"
    )

    newsboat = None if args.no_newsboat else shutil.which("newsboat")
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        workdir = Path(tmp)
        db = workdir / "library.db"
        from briefing.store import open_library
        from briefing.store.feeds import add_feed

        with open_library(db) as library, library.db.atomic():
            for url in urls:
                add_feed(library, url)
        (workdir / "urls").write_text("\n".join(urls) + "\n")
        (workdir / "config").write_text("")

        ours: dict[str, float] = {}
        theirs: dict[str, float] = {}
        # newsboat stores validators only from its second fetch on, so the unchanged run
        # (server ignoring validators) comes before the all-304 one, for both readers.
        runs = [("cold", "honour"), ("unchanged", "ignore"), ("all-304", "honour")]
        _get(f"{base}/__stats")
        for name, mode in runs:
            _get(f"{base}/__mode/{mode}")
            ours[name] = run_briefing(urls, db, name, args.profile and name == "cold")
            print(f"    server answered: {server_stats(base)}")
        if args.real and not args.fetch_only:
            _get(f"{base}/__mode/honour")
            pending = total  # the cold round stored them all
            took, peak, cpu = run_cli(["--db", str(db), "digest"])
            print(
                f"  briefing digest     {took:7.2f} s  {pending / took:6.0f} articles/s"
                f" (target >= 150)   peak memory {peak:.0f} MB (largest process; target < 500)"
                f"   CPU {cpu:.1f} s = {1000 * cpu / pending:.1f} ms/article (main + workers)"
            )
            fresh = workdir / "fresh.db"
            with open_library(fresh) as library, library.db.atomic():
                for url in urls:
                    add_feed(library, url)
            took, peak, cpu = run_cli(["--db", str(fresh), "refresh"])
            print(
                f"  briefing refresh    {took:7.2f} s  (fetch, store, analyse, group into a"
                f" fresh library; target < 60 s)   peak memory {peak:.0f} MB (largest process)"
                f"   CPU {cpu:.1f} s"
            )
            other = str(workdir / "fresh2.db")
            run_cli(["--db", other, "import", str(workdir / "urls")])
            took, peak, _cpu = run_cli(["--db", other, "refresh", "--no-digest"])
            print(
                f"  briefing refresh --no-digest {took:6.2f} s  (a fresh library, its own process)"
                f"   peak memory {peak:.0f} MB"
            )
        if newsboat:
            for name, mode in runs:
                _get(f"{base}/__mode/{mode}")
                theirs[name] = run_newsboat(newsboat, workdir, name)
                print(f"    server answered: {server_stats(base)}")

    # Issue 14's targets: short made-up items, and real full-length articles.
    if args.real:
        targets = {"cold": 0.8, "all-304": 0.4, "unchanged": 0.15}
    else:
        targets = {"cold": 0.5, "all-304": 1.0, "unchanged": 0.2}
    print()
    print(
        f"{'refresh':<10} {'briefing':>10} {'articles/s':>11}"
        + ("   newsboat   ratio  target" if theirs else "")
    )
    for name, took in ours.items():
        line = f"{name:<10} {took:9.2f}s {total / took:11.0f}"
        if theirs:
            ratio = took / theirs[name]
            mark = "ok" if ratio <= targets[name] else "MISSED"
            line += f"   {theirs[name]:7.2f}s   {ratio:5.2f}  <= {targets[name]:.2f} {mark}"
        print(line)
    if not theirs:
        print("(newsboat not found: no ratios)")
    server.terminate()
    sys.exit(0)


if __name__ == "__main__":
    main()
