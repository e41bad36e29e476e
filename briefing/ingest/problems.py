"""Why a feed could not be fetched or read, in words a reader understands, with what to do.

The one place that turns a failure into a message: network errors (a name that does not
resolve, a refused connection, TLS trouble, timeouts), HTTP statuses, a document that is not
a feed, an address that is not http(s). The fetcher stores these messages as a feed's last
error (the Feeds screen and `briefing feeds` show them) and subscribing raises them (the add
dialog and `briefing add` show them), so one failure reads the same everywhere.
"""

from __future__ import annotations

import re
import socket
import ssl
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx

from briefing.safetext import clean_line

__all__ = [
    "HOME_PAGE_HINT",
    "for_exception",
    "for_status",
    "not_a_feed",
    "not_http",
    "redirect_loop",
    "redirect_to",
    "redirect_without_location",
    "too_large",
]

HOME_PAGE_HINT = "check the URL, or add the site's home page to find its feed"
# What OpenSSL says when the other end answers a TLS hello in plain HTTP.
_PLAIN_HTTP_REASONS = frozenset(
    {"WRONG_VERSION_NUMBER", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG", "RECORD_LAYER_FAILURE"}
)


def _where(url: str) -> str:
    """The server as a user typed it: host, and the port when there is one."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return clean_line(url)
    return clean_line(parts.netloc.rsplit("@", 1)[-1] or url)


def for_status(status: int, reason: str, retry_after: str | None = None) -> str:
    """An HTTP status that is not a feed; `retry_after` when the server said when to come back."""
    code = f"HTTP {status} {clean_line(reason)}".rstrip()
    if status == 404:
        return f"no feed at this address ({code}): {HOME_PAGE_HINT}"
    if status == 410:
        return (
            f"no feed at this address any more ({code}: the site removed it): "
            "add the site's home page to find its new feed"
        )
    if retry_after:
        return f"the server asks to wait ({code}): briefing tries again after {retry_after}"
    if status in (401, 403, 407):
        return (
            f"the server refuses access ({code}): the feed may need a login, which briefing "
            "cannot give; look on the site for a public feed"
        )
    if status == 429:
        return f"the server has had too many requests ({code}): try again later"
    if 500 <= status < 600:
        return f"the server failed ({code}): try again later"
    if 400 <= status < 500:
        return f"the server refused the request ({code}): check the URL"
    return f"the server answered {code}, not a feed: check the URL"


def redirect_without_location() -> str:
    return f"the server redirects without saying where to: {HOME_PAGE_HINT}"


def redirect_loop(hops: int) -> str:
    return f"the server redirects in a loop (more than {hops} redirects): check the URL"


def redirect_to(target: str) -> str:
    """A redirect to something that is not an http(s) address (javascript:, data:, garbage)."""
    return (
        f"the server redirects to {clean_line(target)[:200]}, which is not an http or https "
        "address: check the URL"
    )


def too_large(limit: str) -> str:
    return f"the response is larger than {limit}, far more than a feed: check the URL"


def not_http(text: str) -> str:
    """Input that is not an http(s) URL: another scheme, or no web address at all."""
    shown = clean_line(text)[:200]
    try:
        parts = urlsplit(text)
    except ValueError:
        parts = None
    if parts is not None and parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return f"only http and https feeds can be read, not {parts.scheme.lower()}: {shown}"
    return (
        f"not a URL: {shown or '(empty)'} (type a feed's address, such as "
        "https://example.org/feed.xml)"
    )


def for_exception(exc: BaseException, url: str, *, timeouts: tuple[float, float, float]) -> str:
    """A failure while fetching `url`; `timeouts` are the connect, read and total limits."""
    where = _where(url)
    connect, read, total = timeouts
    if isinstance(exc, httpx.ConnectTimeout):
        return (
            f"the server at {where} timed out (no answer within {connect:g} s): "
            "check the address, or try again later"
        )
    if isinstance(exc, httpx.TimeoutException):
        return (
            f"the server at {where} timed out (it stopped sending for {read:g} s): try again later"
        )
    if isinstance(exc, TimeoutError):
        return (
            f"the server at {where} timed out (the feed took longer than {total:g} s "
            "to arrive): try again later"
        )
    if isinstance(exc, httpx.InvalidURL):
        # Raised while reading a redirect to javascript:, data: or a malformed Location.
        return f"the server at {where} redirects to an address that is not valid: check the URL"
    message = _network(exc, url, where)
    if message is not None:
        return message
    if isinstance(exc, httpx.HTTPError):
        return f"cannot fetch from {where} ({_detail(exc)}): try again later"
    return clean_line(str(exc))  # UnsupportedEncoding, ValueError: already worded


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _network(exc: BaseException, url: str, where: str) -> str | None:
    """What a socket or TLS failure under an httpx error means, or None."""
    host = clean_line(urlsplit(url).hostname or where)
    secure = url.lower().startswith("https:")
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            return (
                f"cannot find the server {host} (the name does not resolve): check the "
                "address for typos, and that this computer is online"
            )
        if isinstance(cause, ConnectionRefusedError):
            return (
                f"the server at {where} refused the connection (nothing is listening on "
                "that port): check the address and port, or try again later"
            )
        if isinstance(cause, ssl.SSLCertVerificationError):
            why = clean_line(cause.verify_message or cause.reason or "")
            return (
                f"the server at {where} has a certificate that cannot be trusted ({why}): "
                "check the address; the site's https may be set up wrongly"
            )
        if isinstance(cause, ssl.SSLError):
            if cause.reason in _PLAIN_HTTP_REASONS:
                return (
                    f"the server at {where} does not speak https (the secure connection "
                    "failed): try the address with http:// instead"
                )
            return (
                f"a secure connection to {where} failed ({clean_line(str(cause.reason))}): "
                "try again later, or check the address"
            )
    if isinstance(exc, httpx.ReadError | httpx.RemoteProtocolError | httpx.WriteError):
        hint = "try again later" if secure else "if the site uses https, try https:// instead"
        return f"the server at {where} closed the connection without answering: {hint}"
    if isinstance(exc, httpx.ConnectError):
        return (
            f"cannot connect to {where} ({_detail(exc)}): check the address, and that this "
            "computer is online"
        )
    return None


def _detail(exc: BaseException) -> str:
    return clean_line(str(exc))[:160] or type(exc).__name__


_XML_AT = re.compile(r"^<unknown>:(\d+):(\d+): (.*)$")


def not_a_feed(content_type: str, body: bytes, reason: str = "") -> str:
    """A document that is not a feed: the content type the server sent, and what it is."""
    mime = content_type.split(";")[0].strip().lower()
    sent = f"the server sent {mime}" if mime else "the server sent no content type"
    return f"not a feed: {sent}, {_what_it_is(body, mime, reason)}; {HOME_PAGE_HINT}"


def _what_it_is(body: bytes, mime: str, reason: str) -> str:
    head = body[:512].lstrip().lower()
    if not head:
        return "an empty document"
    if "html" in mime or head.startswith((b"<!doctype html", b"<html")):
        return "a web page that links to no feed"
    if "json" in reason.lower() or head.startswith((b"{", b"[")):
        return "JSON that is not a JSON Feed"
    if not head.startswith(b"<"):
        return "text that is not RSS, Atom or JSON Feed"
    # The parser's reason, such as "not a feed (<unknown>:3:0: no element found)".
    broken = _XML_AT.match(reason.removeprefix("not a feed").strip(" ()"))
    if broken:
        return f"XML that cannot be read (line {broken.group(1)}: {broken.group(3)})"
    return "a document that is not RSS, Atom or JSON Feed"
