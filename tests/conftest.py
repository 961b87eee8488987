"""Shared fixtures: a fresh archive in a temporary folder."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from archivist.archive import Archive

DATA = Path(__file__).parent / "data"


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    """An empty archive file, closed after the test."""
    arc = Archive.open(str(tmp_path / "archive.sqlite3"))
    yield arc
    arc.close()


class NetworkAttempt(AssertionError):
    """Raised when code under test tries to reach the network."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every test runs with the network cut: an attempt fails loudly and is recorded."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise NetworkAttempt(f"network access attempted: {args[:2]!r}")

    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)  # type: ignore[arg-type]
        refuse(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts
