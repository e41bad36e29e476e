"""Helpers of the hostile-input suite: a loopback server whose answers the test writes,
and the `briefing` command run as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

Answer = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Hit:
    path: str
    at: float
    headers: dict[str, str]


class HostileServer:
    """A ThreadingHTTPServer on 127.0.0.1; each path is answered by a function of the test."""

    def __init__(self) -> None:
        self.routes: dict[str, Answer] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with server._lock:
                    server.hits.append(
                        Hit(
                            self.path,
                            time.monotonic(),
                            {k.lower(): v for k, v in self.headers.items()},
                        )
                    )
                answer = server.routes.get(self.path.split("?")[0])
                try:
                    if answer is None:
                        self.send_error(404, "Not Found")
                    else:
                        answer(self)
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, answer: Answer) -> str:
        self.routes[path] = answer
        return self.url(path)

    def serve(
        self,
        path: str,
        body: bytes | str,
        *,
        status: int = 200,
        content_type: str | None = "application/rss+xml; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> str:
        """Answer `path` with a fixed response; returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body

        def answer(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(status)
            if content_type is not None:
                handler.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)

        return self.route(path, answer)

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for h in self.hits if h.path.split("?")[0] == path)


def subprocess_env(db: Path, tmp: Path) -> dict[str, str]:
    """An environment for `briefing` subprocesses: this library, no user settings."""
    env = dict(os.environ)
    env["BRIEFING_DB"] = str(db)
    env["BRIEFING_SETTINGS"] = str(tmp / "no-settings.toml")
    env["NO_COLOR"] = "1"
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env.pop(proxy, None)
    env["NO_PROXY"] = "127.0.0.1,localhost"
    return env


def run_briefing(
    args: list[str], db: Path, tmp: Path, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    """`briefing ARGS` in a subprocess; bytes out, so escape codes cannot hide in decoding."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        env=subprocess_env(db, tmp),
        capture_output=True,
        timeout=timeout,
        cwd=tmp,
    )
