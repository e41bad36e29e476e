"""Fixtures of the hostile-input suite (the helpers live in hostile_support.py: a module
name of its own, since every test folder has a conftest)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_support import HostileServer


@pytest.fixture
def server() -> Iterator[HostileServer]:
    srv = HostileServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # httpx honours proxy variables; the loopback servers must be reached directly.
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(proxy, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("BRIEFING_SETTINGS", str(tmp_path / "no-settings.toml"))
