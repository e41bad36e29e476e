"""Servers on 127.0.0.1 that fail the way real ones do, for the tests of error messages:
a feed server that speaks only TLS (with a certificate no client trusts), a closed port,
and a page that offers nine feeds."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager

import trustme
from feed_server import FeedServer

# A name under .invalid never resolves (RFC 2606): the DNS failure, with or without network.
NO_SUCH_HOST = "nonexistent.invalid"


def rss(title: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>'
        f"{title}</title><link>https://example.org/</link><item><guid>{title}-1</guid>"
        f"<title>First from {title}</title><description>Words of {title}.</description>"
        "</item></channel></rss>"
    )


@contextmanager
def running(*, tls: bool = False) -> Iterator[FeedServer]:
    """A FeedServer, plain or TLS only, for the length of the block."""
    server = FeedServer()
    if tls:
        certificate = trustme.CA().issue_cert("127.0.0.1")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        certificate.configure_cert(context)
        server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def page_with_nine_feeds(server: FeedServer) -> str:
    """A web page advertising nine working feeds; returns its URL."""
    links = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="Desk {n}" href="/desk{n}.xml">'
        for n in range(1, 10)
    )
    for n in range(1, 10):
        server.set(f"/desk{n}.xml", rss(f"Desk {n}"))
    return server.set(
        "/desks",
        f"<html><head>{links}</head><body>Our desks</body></html>",
        content_type="text/html; charset=utf-8",
    )


HOME_PAGE = "check the URL, or add the site's home page to find its feed"


def failing_addresses(
    plain: FeedServer, tls: FeedServer, closed: int
) -> dict[str, tuple[str, str]]:
    """Each failure a user meets: the address that causes it, and what briefing must say.

    Written out in full: these are the words the add dialog, the Feeds screen, `briefing add`
    and `briefing feeds` all show.
    """
    plain.set("/gone.xml", "", status=410)
    plain.set("/notes.txt", "just some notes\n", content_type="text/plain; charset=utf-8")
    p, t = f"127.0.0.1:{plain.port}", f"127.0.0.1:{tls.port}"
    return {
        "404": (
            f"http://{p}/missing.xml",
            f"no feed at this address (HTTP 404 Not Found): {HOME_PAGE}",
        ),
        "410": (
            f"http://{p}/gone.xml",
            "no feed at this address any more (HTTP 410 Gone: the site removed it): add the "
            "site's home page to find its new feed",
        ),
        "refused": (
            f"http://127.0.0.1:{closed}/feed.xml",
            f"the server at 127.0.0.1:{closed} refused the connection (nothing is listening on "
            "that port): check the address and port, or try again later",
        ),
        "dns": (
            f"http://{NO_SUCH_HOST}/feed.xml",
            f"cannot find the server {NO_SUCH_HOST} (the name does not resolve): check the "
            "address for typos, and that this computer is online",
        ),
        "tls server over http": (
            f"http://{t}/feed.xml",
            f"the server at {t} closed the connection without answering: if the site uses "
            "https, try https:// instead",
        ),
        "http server over https": (
            f"https://{p}/feed.xml",
            f"the server at {p} does not speak https (the secure connection failed): try the "
            "address with http:// instead",
        ),
        "untrusted certificate": (
            f"https://{t}/feed.xml",
            f"the server at {t} has a certificate that cannot be trusted (unable to get local "
            "issuer certificate): check the address; the site's https may be set up wrongly",
        ),
        "not a feed": (
            f"http://{p}/notes.txt",
            "not a feed: the server sent text/plain, text that is not RSS, Atom or JSON Feed; "
            f"{HOME_PAGE}",
        ),
    }
