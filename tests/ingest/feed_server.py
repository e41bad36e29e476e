"""A real HTTP server on 127.0.0.1 for the fetcher, refresh and subscribe tests."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """How the server answers one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    # Answer 200 with the full body even to a matching conditional request.
    ignore_conditional: bool = False
    delay: float = 0.0
    # Send the body in this many pieces, `trickle_interval` seconds apart, no Content-Length.
    trickle: int = 0
    trickle_interval: float = 0.0
    send_length: bool = True


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class FeedServer:
    """Routes set by the test; every request is recorded with its headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with server._lock:
                    server.requests.append(
                        Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                    )
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    self._answer(server.routes.get(self.path))
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _answer(self, route: Route | None) -> None:
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if not route.ignore_conditional and route.status == 200:
                    inm = self.headers.get("If-None-Match")
                    ims = self.headers.get("If-Modified-Since")
                    if (route.etag and inm == route.etag) or (
                        route.last_modified and ims == route.last_modified
                    ):
                        self.send_response(304)
                        self._validators(route)
                        self.end_headers()
                        return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self._validators(route)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.send_length and not route.trickle:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if route.trickle:
                    step = max(1, len(route.body) // route.trickle)
                    for start in range(0, len(route.body), step):
                        self.wfile.write(route.body[start : start + step])
                        self.wfile.flush()
                        time.sleep(route.trickle_interval)
                else:
                    self.wfile.write(route.body)

            def _validators(self, route: Route) -> None:
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def set(self, path: str, body: bytes | str = b"", **options: object) -> str:
        """Serve `body` at `path`; returns the full URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def hits(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]
