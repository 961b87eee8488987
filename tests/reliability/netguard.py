"""Network tripwires for tests: a recorder of every Python-level attempt, and a TCP trap."""

from __future__ import annotations

import ftplib
import http.client
import re
import socket
import threading
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest

TEST_NET = re.compile(rb"192\.0\.2\.\d+")
"""The hostile pages point at TEST-NET-1 hosts; tests rewrite them to the trap's address."""


class NetworkAttempt(AssertionError):
    """Raised by the recorder so the code under test fails loudly as well as being recorded."""


def record_network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Patch every way out (sockets, resolvers, urllib, http.client, ftplib) to record and fail.

    Whatever an earlier fixture patched, this wraps it, so the list holds attempts, not failures:
    an attempt that someone else would have refused (or swallowed) is still recorded here.
    """
    attempts: list[str] = []

    def refusing(what: str) -> Callable[..., Any]:
        def refuse(*args: object, **kwargs: object) -> Any:
            attempts.append(f"{what}{args[1:3] if what.startswith('socket.socket') else args[:2]}")
            raise NetworkAttempt(f"network access attempted: {what} {args[:3]!r}")

        return refuse

    previous_connect = socket.socket.connect
    previous_connect_ex = socket.socket.connect_ex
    previous_sendto = socket.socket.sendto
    refuse_connect = refusing("socket.socket.connect")
    refuse_connect_ex = refusing("socket.socket.connect_ex")
    refuse_sendto = refusing("socket.socket.sendto")

    def connect(self: socket.socket, address: Any) -> None:
        if self.family == socket.AF_UNIX:
            return previous_connect(self, address)
        refuse_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family == socket.AF_UNIX:
            return previous_connect_ex(self, address)
        return int(refuse_connect_ex(self, address))

    def sendto(self: socket.socket, *args: Any) -> int:
        if self.family == socket.AF_UNIX:
            return int(previous_sendto(self, *args))
        return int(refuse_sendto(self, *args))

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket.socket, "sendto", sendto)
    for name in (
        "create_connection",
        "getaddrinfo",
        "gethostbyname",
        "gethostbyname_ex",
        "gethostbyaddr",
        "getnameinfo",
    ):
        monkeypatch.setattr(socket, name, refusing(f"socket.{name}"))
    monkeypatch.setattr(urllib.request, "urlopen", refusing("urllib.request.urlopen"))
    monkeypatch.setattr(
        urllib.request.OpenerDirector, "open", refusing("urllib.request.OpenerDirector.open")
    )
    monkeypatch.setattr(
        http.client.HTTPConnection, "connect", refusing("http.client.HTTPConnection.connect")
    )
    monkeypatch.setattr(
        http.client.HTTPSConnection, "connect", refusing("http.client.HTTPSConnection.connect")
    )
    monkeypatch.setattr(ftplib.FTP, "connect", refusing("ftplib.FTP.connect"))
    return attempts


class Trap:
    """A TCP listener on 127.0.0.1 that records every connection made to it.

    It sees what the Python-level recorder cannot: a connection from C code (libxml2, Qt's own
    network stack, a font or image loader) that never passes through the socket module.
    """

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.05)
        self.port: int = self._sock.getsockname()[1]
        self.hits: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="network-trap", daemon=True)
        self._thread.start()

    @property
    def address(self) -> bytes:
        """``127.0.0.1:PORT``, to put in a page where a remote host was."""
        return f"127.0.0.1:{self.port}".encode()

    def aim(self, data: bytes) -> bytes:
        """The page with every TEST-NET host replaced by the trap's address."""
        return TEST_NET.sub(self.address, data)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(0.5)
                try:
                    first = conn.recv(512)
                except OSError:
                    first = b""
                self.hits.append(first or b"<connected, sent nothing>")

    def close(self) -> None:
        """Stop listening."""
        self._stop.set()
        self._thread.join(timeout=2)
        self._sock.close()
