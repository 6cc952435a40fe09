"""The HTTP/1.1 server that carries the emulator on a loopback address.

It knows nothing of the service: each request is handed, fully read, to an
application callable that returns the answer to send (possibly delayed, or
a dropped connection). Every connection runs on its own thread; stopping
the server closes the open connections and joins those threads, so no
thread or socket outlives it.
"""

from __future__ import annotations

import json
import logging
import selectors
import socket
import socketserver
import threading
import urllib.parse
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

_log = logging.getLogger("customer_profiles_typed.testing")


@dataclass(frozen=True)
class HttpRequest:
    """A fully read HTTP request."""

    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]
    body: bytes


@dataclass(frozen=True)
class HttpResponse:
    """What to answer: status, headers and body, after ``delay`` seconds, or no answer at all."""

    status: int
    headers: Mapping[str, str] = field(default_factory=lambda: {})
    body: bytes = b""
    delay: float = 0.0
    drop_connection: bool = False


App = Callable[[HttpRequest], HttpResponse]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as separate writes; without TCP_NODELAY the body
    # would wait for the client's delayed ACK (tens of milliseconds per call).
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_OPTIONS(self) -> None:
        self._dispatch()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer a request that is not even valid HTTP in the service's JSON error format."""
        body = json.dumps({"Message": message or explain or "Bad request"}).encode()
        self.close_connection = True
        self.send_response(code, message)
        self.send_header("Content-Type", "application/json")
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        self.send_header("X-Amzn-ErrorType", "BadRequestException")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0:
            raise ValueError("negative Content-Length")
        return self.rfile.read(length)

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except ValueError:
            self.send_error(400, "The request body framing is not valid.")
            return
        url = urllib.parse.urlsplit(self.path)
        request = HttpRequest(
            method=self.command,
            path=url.path,
            query=urllib.parse.parse_qs(url.query, keep_blank_values=True),
            headers=dict(self.headers.items()),
            body=body,
        )
        server = cast(LoopbackHTTPServer, self.server)
        response = server.app(request)
        if response.delay > 0 and server.stopping.wait(response.delay):
            self.close_connection = True
            return
        if response.drop_connection:
            self.close_connection = True
            return
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        _log.debug("%s - %s", self.address_string(), format % args)


class LoopbackHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that tracks its connections so it can stop cleanly."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 128

    def __init__(self, host: str, port: int, app: App) -> None:
        """Bind to ``host``:``port`` (0 picks a free port) and serve ``app``."""
        self.app = app
        self.stopping = threading.Event()
        self._tracking = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._connection_threads: set[threading.Thread] = set()
        if ":" in host:
            self.address_family = socket.AF_INET6
        # Binds and listens; on failure (port taken...) it closes its socket itself.
        super().__init__((host, port), _Handler)
        # Made once bound, so that a failed bind leaves no socket behind.
        try:
            self._wake_reader, self._wake_writer = socket.socketpair()
        except BaseException:
            self.server_close()
            raise

    def server_bind(self) -> None:
        """Bind without the reverse DNS lookup ``HTTPServer`` would do."""
        socketserver.TCPServer.server_bind(self)
        address: tuple[Any, ...] = self.server_address
        self.server_name = str(address[0])
        self.server_port = int(address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve a new connection on its own (tracked) thread."""
        thread = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name=f"customer-profiles-emulator-connection-{client_address}",
            daemon=True,
        )
        with self._tracking:
            if self.stopping.is_set():
                self.shutdown_request(request)
                return
            self._connections.add(request)
            self._connection_threads.add(thread)
        thread.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            with self._tracking:
                self._connections.discard(request)
                self._connection_threads.discard(threading.current_thread())

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log a failed connection quietly (clients that go away are normal here)."""
        _log.debug("connection from %s failed", client_address, exc_info=True)

    def serve(self) -> None:
        """Accept connections until ``stop_serving`` is called (run this on its own thread)."""
        with selectors.DefaultSelector() as selector:
            selector.register(self, selectors.EVENT_READ)
            selector.register(self._wake_reader, selectors.EVENT_READ)
            while not self.stopping.is_set():
                for key, _ in selector.select():
                    if key.fileobj is self and not self.stopping.is_set():
                        self._accept()

    def _accept(self) -> None:
        try:
            request, client_address = self.get_request()
        except OSError:
            return
        try:
            self.process_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
            self.shutdown_request(request)

    def stop_serving(self) -> None:
        """Make ``serve`` return now, and any delayed answer give up at once."""
        self.stopping.set()
        self._wake_writer.send(b"\0")

    def close(self, timeout: float = 5.0) -> None:
        """Close every open connection, join the connection threads and release the sockets.

        Call it once ``serve`` has returned.
        """
        self.stopping.set()
        with self._tracking:
            connections = list(self._connections)
            threads = list(self._connection_threads)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in threads:
            thread.join(timeout)
        self.server_close()
        self._wake_reader.close()
        self._wake_writer.close()
