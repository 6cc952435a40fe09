"""A loopback HTTP server that answers every request with the same scripted bytes.

For answers no real endpoint (and not the emulator) gives on purpose: an HTML
page, an empty or cut-short body, a JSON array, an answer that trickles in a
byte at a time or never comes. Each connection gets one answer and is then
closed; the server records the request line of each request it read.

    with RawServer(Answer.json(b"[]")) as server:
        client = boto3.client("customer-profiles", endpoint_url=server.url, ...)
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from types import TracebackType


@dataclass(frozen=True)
class Answer:
    """The bytes sent back: ``head`` (status line and headers) then ``body``, paced by ``pause``."""

    head: bytes
    body: bytes = b""
    pause: float = 0.0
    """Seconds between two bytes of the body (0: all at once)."""
    stall: float = 0.0
    """Seconds to send nothing at all first (the client may give up meanwhile)."""

    @classmethod
    def json(
        cls,
        body: bytes,
        *,
        status: str = "200 OK",
        content_type: str = "application/json",
        content_length: int | None = None,
        pause: float = 0.0,
        stall: float = 0.0,
    ) -> Answer:
        """An answer with ``body``; ``content_length`` (default: the body's) may lie, ``-1`` leaves it out."""
        length = len(body) if content_length is None else content_length
        lines = [f"HTTP/1.1 {status}", "x-amzn-RequestId: raw-1", "Connection: close"]
        if content_type:
            lines.append(f"Content-Type: {content_type}")
        if length >= 0:
            lines.append(f"Content-Length: {length}")
        return cls(head=("\r\n".join(lines) + "\r\n\r\n").encode(), body=body, pause=pause, stall=stall)


class RawServer:
    """Serves ``answer`` to every request, one connection at a time, on 127.0.0.1."""

    def __init__(self, answer: Answer) -> None:
        """Bind a free port; ``start`` (or ``with``) begins serving."""
        self.answer = answer
        self.requests: list[str] = []
        """The request line of every request read, in order."""
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="raw-http-server", daemon=True)

    @property
    def url(self) -> str:
        """The endpoint URL to give a client."""
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def start(self) -> RawServer:
        """Start serving on a thread of its own."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, cut any answer under way and join the thread."""
        self._stopping.set()
        try:
            # Wakes accept(): nothing is served once stopping is set.
            socket.create_connection(self._listener.getsockname(), timeout=1).close()
        except OSError:
            pass
        self._thread.join(10)
        self._listener.close()

    def __enter__(self) -> RawServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            with connection:
                if not self._stopping.is_set():
                    try:
                        self._answer(connection)
                    except OSError:
                        pass  # the client went away

    def _answer(self, connection: socket.socket) -> None:
        connection.settimeout(5)
        request = self._read_request(connection)
        if request is None:
            return
        self.requests.append(request)
        if self.answer.stall and self._wait_or_gone(connection, self.answer.stall):
            return
        if not self.answer.pause:
            connection.sendall(self.answer.head + self.answer.body)
            return
        connection.sendall(self.answer.head)
        for index in range(len(self.answer.body)):
            if self._wait_or_gone(connection, self.answer.pause):
                return
            connection.sendall(self.answer.body[index : index + 1])

    def _read_request(self, connection: socket.socket) -> str | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        length = next(
            (int(line.split(":", 1)[1]) for line in lines[1:] if line.lower().startswith("content-length:")), 0
        )
        while len(rest) < length:
            chunk = connection.recv(65536)
            if not chunk:
                return None
            rest += chunk
        return lines[0]

    def _wait_or_gone(self, connection: socket.socket, seconds: float) -> bool:
        """Wait ``seconds``; True as soon as the server stops or the client closes its side."""
        end = time.monotonic() + seconds
        try:
            while not self._stopping.is_set():
                left = end - time.monotonic()
                if left <= 0:
                    return False
                connection.settimeout(min(left, 0.05))
                try:
                    if connection.recv(1, socket.MSG_PEEK) == b"":
                        return True
                except TimeoutError:
                    continue
                return False  # the client sent more: nothing to wait for
            return True
        finally:
            connection.settimeout(5)
