"""Fetching feeds and pages over HTTP: polite, bounded, and never trusting the server.

One `Fetcher` serves a whole refresh: it bounds concurrency overall and per host, sends
conditional requests, follows redirects itself (so it knows whether they were permanent
and can refuse non-HTTP targets), streams bodies under a size cap and gives every fetch
a total deadline on top of httpx's connect/read timeouts.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import os
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from http.cookiejar import Cookie, CookieJar, DefaultCookiePolicy
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

import httpx

from briefing import __version__
from briefing.errors import FeedError
from briefing.ingest import problems
from briefing.ingest.inflate import BodyTooLarge, BoundedDecoder, UnsupportedEncoding

# No project URL is published yet; say plainly what we are rather than invent one.
USER_AGENT = f"briefing/{__version__} (terminal feed reader; python-httpx)"

MAX_BODY_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
# When a server says 429 without saying how long to wait.
DEFAULT_RETRY_AFTER = timedelta(minutes=30)
# A server may not keep us away for longer than this.
MAX_RETRY_AFTER = timedelta(days=7)

FetchKind = Literal["ok", "not_modified", "unchanged", "gone", "retry_later", "error"]

_PERMANENT = {301, 308}
_REDIRECTS = {301, 302, 303, 307, 308}


class NotHttpUrl(FeedError, ValueError):
    """The URL is not an absolute http:// or https:// URL."""


def check_http_url(url: str) -> str:
    """Return `url` if it is an absolute http(s) URL with a host, else raise NotHttpUrl."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise NotHttpUrl(problems.not_http(url)) from exc
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise NotHttpUrl(problems.not_http(url))
    return url


@dataclass
class FetchResult:
    """What one fetch found. `body` is set only when kind is "ok"."""

    url: str
    kind: FetchKind
    final_url: str = ""
    status: int | None = None
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    # Where a permanent redirect (every hop 301/308) says the feed now lives.
    moved_to: str | None = None
    retry_after: datetime | None = None
    error: str | None = None

    @property
    def is_html(self) -> bool:
        return "html" in self.content_type and "xhtml+xml" not in self.content_type


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def parse_retry_after(value: str | None, now: datetime | None = None) -> datetime | None:
    """Retry-After as an absolute UTC time: delay-seconds or an HTTP date; capped."""
    if not value:
        return None
    now = now or datetime.now(UTC)
    value = value.strip()
    when: datetime | None
    if value.isascii() and value.isdigit():
        # Capped before the sum: a huge delay would overflow datetime.
        seconds = int(value) if len(value) <= 9 else MAX_RETRY_AFTER.total_seconds()
        when = now + timedelta(seconds=min(seconds, MAX_RETRY_AFTER.total_seconds()))
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
    return min(max(when, now), now + MAX_RETRY_AFTER).astimezone(UTC)


class _BodyTooLarge(Exception):
    pass


# What a fetch turns into an error result instead of raising (the message: Fetcher._trouble).
_FETCH_TROUBLE = (
    TimeoutError,
    _BodyTooLarge,
    BodyTooLarge,
    httpx.HTTPError,
    UnsupportedEncoding,
    ValueError,
    httpx.InvalidURL,
)


def _tls_context() -> ssl.SSLContext:
    """The certificate store for https, as httpx would build it (SSL_CERT_FILE and
    SSL_CERT_DIR honoured), loaded once per process rather than once per refresh."""
    return _tls_context_for(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


@functools.lru_cache(maxsize=4)
def _tls_context_for(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    # Reading the CA bundle costs about a tenth of a second of CPU each time.
    return httpx.create_ssl_context(trust_env=True)


class _NoCookies(DefaultCookiePolicy):
    """Store no cookie at all: a feed reader has no session to keep."""

    def set_ok(self, cookie: Cookie, request: Any) -> bool:
        return False


class Fetcher:
    """An async HTTP client for a batch of fetches. Use as `async with Fetcher() as f:`."""

    def __init__(
        self,
        *,
        concurrency: int = 24,
        per_host: int = 6,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        deadline: float = 60.0,
        max_bytes: int = MAX_BODY_BYTES,
        user_agent: str = USER_AGENT,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.deadline = deadline
        self.timeouts = (connect_timeout, read_timeout, deadline)
        self.max_bytes = max_bytes
        self._overall = asyncio.Semaphore(concurrency)
        self._per_host_limit = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._client = httpx.AsyncClient(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(
                connect=connect_timeout, read=read_timeout, write=read_timeout, pool=None
            ),
            limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
            follow_redirects=False,
            transport=transport,
            verify=_tls_context(),
            # A jar that accepts no cookie: one feed's server cannot set what another
            # request (another feed, or an article page) would send back.
            cookies=CookieJar(policy=_NoCookies()),
            # Proxies from the environment are honoured.
            trust_env=True,
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    def _host_gate(self, url: str) -> asyncio.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        gate = self._hosts.get(host)
        if gate is None:
            gate = self._hosts[host] = asyncio.Semaphore(self._per_host_limit)
        return gate

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        previous_hash: str | None = None,
        accept: str = "application/rss+xml, application/atom+xml, application/feed+json, "
        "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
    ) -> FetchResult:
        """Fetch `url` once, conditionally; never raises for network or HTTP trouble."""
        try:
            check_http_url(url)
        except NotHttpUrl as exc:
            return FetchResult(url=url, kind="error", error=str(exc))
        headers = _request_headers(accept, etag, last_modified)
        try:
            async with self._overall:
                async with asyncio.timeout(self.deadline):
                    result = await self._follow(url, headers)
        except _FETCH_TROUBLE as exc:
            return FetchResult(url=url, kind="error", error=self._trouble(exc, url))
        if result.kind == "ok" and previous_hash and result.body_hash == previous_hash:
            result.kind = "unchanged"
            result.body = b""
        return result

    def _trouble(self, exc: BaseException, url: str) -> str:
        """One line for the user on why a fetch failed (one of _FETCH_TROUBLE)."""
        if isinstance(exc, _BodyTooLarge | BodyTooLarge):
            return problems.too_large(_size(self.max_bytes))
        return problems.for_exception(exc, url, timeouts=self.timeouts)

    async def fetch_page(self, url: str) -> FetchResult:
        """Fetch an HTML page (an article, or a site being searched for its feed)."""
        return await self.fetch(url, accept="text/html, application/xhtml+xml;q=0.9, */*;q=0.5")

    async def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        current = url
        permanent = True
        for _ in range(MAX_REDIRECTS + 1):
            async with self._host_gate(current):
                request = self._client.build_request("GET", current, headers=headers)
                response = await self._client.send(request, stream=True)
                try:
                    if response.status_code in _REDIRECTS:
                        location = response.headers.get("Location")
                        if not location:
                            return _failure(
                                url, current, response, problems.redirect_without_location()
                            )
                        target = urljoin(current, location.strip())
                        try:
                            check_http_url(target)
                        except NotHttpUrl:
                            return _failure(url, current, response, problems.redirect_to(target))
                        permanent = permanent and response.status_code in _PERMANENT
                        current = target
                        continue
                    return await self._finish(url, current, response, permanent)
                finally:
                    await response.aclose()
        return FetchResult(
            url=url, kind="error", final_url=current, error=problems.redirect_loop(MAX_REDIRECTS)
        )

    async def _finish(
        self, url: str, final_url: str, response: httpx.Response, permanent: bool
    ) -> FetchResult:
        status = response.status_code
        moved_to = final_url if permanent and final_url != url else None
        result = FetchResult(url=url, kind="error", final_url=final_url, status=status)
        result.moved_to = moved_to
        if status == 304:
            result.kind = "not_modified"
            result.etag = response.headers.get("ETag")
            result.last_modified = response.headers.get("Last-Modified")
            return result
        if status == 410:
            result.kind = "gone"
            result.error = problems.for_status(status, response.reason_phrase)
            return result
        if status in (429, 503):
            retry = parse_retry_after(response.headers.get("Retry-After"))
            if retry is None and status == 429:
                retry = datetime.now(UTC) + DEFAULT_RETRY_AFTER
            result.retry_after = retry
            result.kind = "retry_later" if retry else "error"
            when = retry.isoformat(timespec="seconds") if retry else None
            result.error = problems.for_status(status, response.reason_phrase, when)
            return result
        if not 200 <= status < 300:
            result.error = problems.for_status(status, response.reason_phrase)
            return result
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise _BodyTooLarge
        # Decoded here, not by httpx, so that a gzip bomb stops at the cap (see inflate.py).
        decoder = BoundedDecoder(response.headers.get("Content-Encoding", ""), self.max_bytes)
        chunks: list[bytes] = []
        async for raw in response.aiter_raw():
            chunks.append(decoder.decode(raw))
        chunks.append(decoder.flush())
        body = b"".join(chunks)
        result.kind = "ok"
        result.body = body
        result.body_hash = body_hash(body)
        result.content_type = response.headers.get("Content-Type", "").lower()
        result.etag = response.headers.get("ETag")
        result.last_modified = response.headers.get("Last-Modified")
        return result


def _request_headers(accept: str, etag: str | None, last_modified: str | None) -> dict[str, str]:
    """The Accept header, and the validators that make the request conditional."""
    headers = {"Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _failure(url: str, final_url: str, response: httpx.Response, message: str) -> FetchResult:
    return FetchResult(
        url=url, kind="error", final_url=final_url, status=response.status_code, error=message
    )


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MB"
    return f"{n / 1024:g} KB"
