"""The HTTP/1.1 server that carries the emulator on a loopback address, within limits.

It knows nothing of the service: each request is handed, fully read, to an
application callable that returns the answer to send (possibly delayed, or
a dropped connection). One thread accepts connections and watches the idle
ones; a bounded pool of worker threads serves the requests, so an open
connection holds a thread only while one of its requests is served. The
``ServerLimits`` are those of a service's front door: a request body cap,
a bound on open connections and an idle timeout. Stopping the server closes
every connection and joins every thread, so none outlives it.
"""

from __future__ import annotations

import io
import json
import logging
import math
import queue
import selectors
import socket
import socketserver
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from http.server import BaseHTTPRequestHandler
from typing import Any, cast

_log = logging.getLogger("customer_profiles_typed.testing")

DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024
"""The request body cap by default: API Gateway's documented payload quota (10 MB)."""

TOO_LARGE = "RequestEntityTooLargeException"
"""The error code of a request whose body is over the cap (HTTP 413)."""

_DRAIN_SECONDS = 5.0
"""How long the rest of an oversized body is read and dropped, so the client gets its 413."""

_POLL_SECONDS = 0.05
"""How often a delayed answer checks whether its client has gone."""


@dataclass(frozen=True)
class ServerLimits:
    """What the emulator's HTTP server takes on, as a service's front door limits it.

    None of them is reached by a test of normal use: they bound what a broken
    or hostile client can make the emulator hold (memory, threads, sockets).
    """

    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    """The largest request body served; a larger one is answered HTTP 413 ``RequestEntityTooLargeException``."""

    workers: int = 32
    """Threads serving requests at once; requests beyond wait for one to be free."""

    max_connections: int = 512
    """Connections open at once; one more is closed as soon as it is accepted."""

    idle_timeout: float = 60.0
    """Seconds a connection may stay silent, between requests or within one, before it is closed."""

    def __post_init__(self) -> None:
        """Refuse a limit that is not a positive number (``ValueError``)."""
        for item in fields(self):
            value: object = getattr(self, item.name)
            whole = item.name != "idle_timeout"
            if (
                isinstance(value, bool)
                or not isinstance(value, int if whole else (int, float))
                or not math.isfinite(value)
                or value <= 0
            ):
                kind = "a whole number above 0" if whole else "a number of seconds above 0"
                raise ValueError(f"server limit {item.name} must be {kind}, got {value!r}")


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


class _TooLarge(Exception):
    """The request body is over the cap."""


class _Handler(BaseHTTPRequestHandler):
    """Serves the requests of one connection, one at a time, whenever a worker hands it one."""

    protocol_version = "HTTP/1.1"
    # Headers and body go out as separate writes; without TCP_NODELAY the body
    # would wait for the client's delayed ACK (tens of milliseconds per call).
    disable_nagle_algorithm = True

    def __init__(self, request: Any, client_address: Any, server: LoopbackHTTPServer) -> None:
        """Set up the connection's streams; requests are served by ``handle_one_request``."""
        self.request = request
        self.client_address = client_address
        self.server = server
        self.setup()
        # Each read waits at most this long: a client silent within a request is dropped.
        self._read_timeout = server.limits.idle_timeout
        self.connection.settimeout(self._read_timeout)

    @property
    def _server(self) -> LoopbackHTTPServer:
        return cast(LoopbackHTTPServer, self.server)

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
        self._send_json_error(code, "BadRequestException", message or explain or "Bad request")

    def _send_json_error(self, code: int, error_type: str, message: str) -> None:
        body = json.dumps({"Message": message}).encode()
        self.close_connection = True
        self.send_response(code, message)
        self.send_header("Content-Type", "application/json")
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        self.send_header("X-Amzn-ErrorType", error_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)

    def _read_body(self) -> bytes:
        """The request body; ``ValueError`` for bad framing, ``_TooLarge`` over the cap (body left unread)."""
        cap = self._server.limits.max_request_bytes
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            total = 0
            while True:
                size = int(self.rfile.readline(1024).split(b";")[0].strip() or b"0", 16)
                if size < 0:
                    raise ValueError("negative chunk size")
                if size == 0:
                    while self.rfile.readline(65537).strip():
                        pass
                    return b"".join(chunks)
                total += size
                if total > cap:
                    raise _TooLarge
                chunks.append(self.rfile.read(size))
                self.rfile.readline(1024)
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0:
            raise ValueError("negative Content-Length")
        if length > cap:
            raise _TooLarge
        return self.rfile.read(length)

    def _refuse_too_large(self) -> None:
        """Answer 413, then read and drop what the client still sends, so that it reads the answer."""
        cap = self._server.limits.max_request_bytes
        self._send_json_error(413, TOO_LARGE, f"Request must be smaller than {cap} bytes.")
        self.wfile.flush()
        end = time.monotonic() + _DRAIN_SECONDS
        try:
            self.connection.settimeout(0.5)
            while time.monotonic() < end and not self._server.stopping.is_set():
                if not self.rfile.read1(65536):
                    return
        except OSError:
            return

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except ValueError:
            self.send_error(400, "The request body framing is not valid.")
            return
        except _TooLarge:
            self._refuse_too_large()
            return
        url = urllib.parse.urlsplit(self.path)
        request = HttpRequest(
            method=self.command,
            path=url.path,
            query=urllib.parse.parse_qs(url.query, keep_blank_values=True),
            headers=dict(self.headers.items()),
            body=body,
        )
        server = self._server
        response = server.app(request)
        if response.delay > 0 and server.gave_up(self.connection, response.delay):
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

    def has_input(self) -> bool:
        """Whether the client already sent more (a pipelined request, or the end of the connection).

        Looks at what is buffered, then at the socket without waiting.
        """
        connection: socket.socket = self.connection
        buffered = cast(io.BufferedReader, self.rfile)
        try:
            connection.setblocking(False)
            try:
                return bool(buffered.peek(1))
            finally:
                connection.settimeout(self._read_timeout)
        except OSError:
            return True  # let the next read find out what is wrong

    def log_message(self, format: str, *args: Any) -> None:
        _log.debug("%s - %s", self.address_string(), format % args)


@dataclass(eq=False)
class _Connection:
    """An open client connection: its socket, its handler once it has sent something, when it went idle."""

    sock: socket.socket
    address: Any
    idle_since: float
    handler: _Handler | None = None


class LoopbackHTTPServer(socketserver.TCPServer):
    """An HTTP server with a bounded worker pool that tracks its connections so it can stop cleanly."""

    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, host: str, port: int, app: App, limits: ServerLimits | None = None) -> None:
        """Bind to ``host``:``port`` (0 picks a free port) and serve ``app`` within ``limits``."""
        self.app = app
        self.limits = limits if limits is not None else ServerLimits()
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._connections: set[_Connection] = set()
        self._work: queue.SimpleQueue[_Connection | None] = queue.SimpleQueue()
        self._returned: queue.SimpleQueue[_Connection] = queue.SimpleQueue()
        self._workers: list[threading.Thread] = []
        self._idle_workers = 0
        if ":" in host:
            self.address_family = socket.AF_INET6
        # Binds and listens; on failure (port taken...) it closes its socket itself.
        super().__init__((host, port), _Handler)
        # Made once bound, so that a failed bind leaves no socket behind.
        try:
            self._wake_reader, self._wake_writer = socket.socketpair()
            self._wake_reader.setblocking(False)
        except BaseException:
            self.server_close()
            raise

    def server_bind(self) -> None:
        """Bind without the reverse DNS lookup ``HTTPServer`` would do."""
        socketserver.TCPServer.server_bind(self)
        address: tuple[Any, ...] = self.server_address
        self.server_name = str(address[0])
        self.server_port = int(address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log a failed connection quietly (clients that go away are normal here)."""
        _log.debug("connection from %s failed", client_address, exc_info=True)

    # The accepting thread ---------------------------------------------------------

    def serve(self) -> None:
        """Accept connections and watch idle ones until ``stop_serving`` is called (run on its own thread)."""
        with selectors.DefaultSelector() as selector:
            selector.register(self, selectors.EVENT_READ)
            selector.register(self._wake_reader, selectors.EVENT_READ)
            watched: dict[_Connection, None] = {}
            while not self.stopping.is_set():
                for key, _ in selector.select(self._next_expiry(watched)):
                    if self.stopping.is_set():
                        break
                    if key.fileobj is self:
                        self._accept(selector, watched)
                    elif key.fileobj is self._wake_reader:
                        self._take_back(selector, watched)
                    else:
                        connection = cast(_Connection, key.data)
                        selector.unregister(connection.sock)
                        del watched[connection]
                        self._hand_out(connection)
                self._close_idle(selector, watched)

    def _next_expiry(self, watched: Mapping[_Connection, None]) -> float | None:
        if not watched:
            return None
        oldest = min(connection.idle_since for connection in watched)
        return max(0.0, oldest + self.limits.idle_timeout - time.monotonic())

    def _watch(self, selector: selectors.BaseSelector, watched: dict[_Connection, None], connection: _Connection) -> None:
        connection.idle_since = time.monotonic()
        selector.register(connection.sock, selectors.EVENT_READ, connection)
        watched[connection] = None

    def _accept(self, selector: selectors.BaseSelector, watched: dict[_Connection, None]) -> None:
        try:
            sock, address = self.get_request()
        except OSError:
            return
        connection = _Connection(sock, address, time.monotonic())
        with self._lock:
            full = len(self._connections) >= self.limits.max_connections
            if not full:
                self._connections.add(connection)
        if full:
            _log.debug("connection from %s refused: %d open", address, self.limits.max_connections)
            self._close_socket(sock)
            return
        self._watch(selector, watched, connection)

    def _take_back(self, selector: selectors.BaseSelector, watched: dict[_Connection, None]) -> None:
        try:
            while self._wake_reader.recv(4096):
                pass
        except BlockingIOError:
            pass
        while True:
            try:
                connection = self._returned.get_nowait()
            except queue.Empty:
                return
            self._watch(selector, watched, connection)

    def _close_idle(self, selector: selectors.BaseSelector, watched: dict[_Connection, None]) -> None:
        limit = time.monotonic() - self.limits.idle_timeout
        for connection in [item for item in watched if item.idle_since <= limit]:
            selector.unregister(connection.sock)
            del watched[connection]
            _log.debug("connection from %s closed: idle", connection.address)
            self._close(connection)

    # The workers ----------------------------------------------------------------------

    def _hand_out(self, connection: _Connection) -> None:
        """Queue a connection that has input for a worker, starting one if none is free and the pool allows."""
        worker: threading.Thread | None = None
        with self._lock:
            # Idle workers less the connections queued for them: 0 or less, none is free.
            if self._idle_workers <= 0 and len(self._workers) < self.limits.workers:
                worker = threading.Thread(
                    target=self._work_loop,
                    name=f"customer-profiles-emulator-worker-{len(self._workers) + 1}",
                    daemon=True,
                )
                self._workers.append(worker)
            else:
                self._idle_workers -= 1
        self._work.put(connection)
        if worker is not None:
            worker.start()

    def _work_loop(self) -> None:
        while True:
            connection = self._work.get()
            if connection is None:
                return
            try:
                keep = self._serve_requests(connection)
            except Exception:
                self.handle_error(connection.sock, connection.address)
                keep = False
            if keep and not self.stopping.is_set():
                self._returned.put(connection)
                self._wake()
            else:
                self._close(connection)
            with self._lock:
                self._idle_workers += 1

    def _serve_requests(self, connection: _Connection) -> bool:
        """Serve the requests the connection has sent; whether it stays open (and goes back to be watched)."""
        if connection.handler is None:
            connection.handler = _Handler(connection.sock, connection.address, self)
        handler = connection.handler
        while True:
            handler.close_connection = True
            handler.handle_one_request()
            if handler.close_connection or self.stopping.is_set():
                return False
            if not handler.has_input():
                return True

    def gave_up(self, sock: socket.socket, delay: float) -> bool:
        """Wait ``delay`` seconds before answering; True (and at once) if the server stops or the client goes."""
        end = time.monotonic() + delay
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return False
            if self.stopping.wait(min(left, _POLL_SECONDS)) or _closed_by_peer(sock):
                return True

    # Stopping ----------------------------------------------------------------------

    def _wake(self) -> None:
        try:
            self._wake_writer.send(b"\0")
        except OSError:
            pass  # closed: the server is stopping

    def stop_serving(self) -> None:
        """Make ``serve`` return now, and any delayed answer give up at once."""
        self.stopping.set()
        self._wake()

    def _close(self, connection: _Connection) -> None:
        with self._lock:
            self._connections.discard(connection)
        if connection.handler is not None:
            try:
                connection.handler.finish()
            except OSError:
                pass
        self._close_socket(connection.sock)

    def _close_socket(self, sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()

    def close(self, timeout: float = 5.0) -> None:
        """Close every open connection, join the worker threads and release the sockets.

        Call it once ``serve`` has returned.
        """
        self.stopping.set()
        with self._lock:
            connections = list(self._connections)
            workers = list(self._workers)
        for connection in connections:
            try:
                connection.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for _ in workers:
            self._work.put(None)
        for worker in workers:
            worker.join(timeout)
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            self._close(connection)
        self.server_close()
        self._wake_reader.close()
        self._wake_writer.close()


def _closed_by_peer(sock: socket.socket) -> bool:
    """Whether the client closed (or reset) its side of the connection; never waits."""
    timeout = sock.gettimeout()
    try:
        sock.setblocking(False)
        try:
            return sock.recv(1, socket.MSG_PEEK) == b""
        finally:
            sock.settimeout(timeout)
    except BlockingIOError:
        return False
    except OSError:
        return True
