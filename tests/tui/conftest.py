"""Fixtures for the TUI tests: a real library file with fixed dates, and the app on it."""

from __future__ import annotations

import shlex
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fixture_library import build_library

from briefing.config import Settings
from briefing.tui.app import BriefingApp


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return build_library(tmp_path / "library.db")


@pytest.fixture
def make_app(library_path: Path) -> Callable[..., BriefingApp]:
    def make(**kwargs: object) -> BriefingApp:
        kwargs.setdefault("settings", Settings())
        return BriefingApp(library_path, cursor_blink=False, **kwargs)  # type: ignore[arg-type]

    return make


class SlowFeeds:
    """The bundled demo feeds on 127.0.0.1, each answer held back by `delay` seconds."""

    def __init__(self, delay: float) -> None:
        from briefing.demo import demo_feed_documents

        self.documents = demo_feed_documents()
        self.delay = delay
        self.requests: list[str] = []
        documents, requests, server = self.documents, self.requests, self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                time.sleep(server.delay)
                body = documents.get(self.path.strip("/"))
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, outlet_id: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{outlet_id}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture
def slow_feeds() -> Iterator[SlowFeeds]:
    server = SlowFeeds(delay=0.3)
    yield server
    server.close()


class BrowserLog:
    """A stand-in browser command: a real program that writes each URL it is given to a file."""

    def __init__(self, folder: Path) -> None:
        self.log = folder / "opened.txt"
        script = folder / "browser.py"
        script.write_text(
            "import sys\n"
            f"with open({str(self.log)!r}, 'a', encoding='utf-8') as log:\n"
            "    log.write(sys.argv[1] + '\\n')\n",
            encoding="utf-8",
        )
        self.template = f"{shlex.quote(sys.executable)} {shlex.quote(str(script))} %u"

    def opened(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").split() if self.log.exists() else []


@pytest.fixture
def browser(tmp_path: Path) -> BrowserLog:
    return BrowserLog(tmp_path)
