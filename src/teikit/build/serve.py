"""``teikit serve``: the output folder on http://127.0.0.1 for preview (http.server)."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's name
        pass


def make_server(folder: Path, port: int = 8000, log: bool = True) -> ThreadingHTTPServer:
    """A server for ``folder`` on 127.0.0.1 only (a preview, never a public host);
    port 0 picks a free port (``server.server_address[1]``)."""
    handler = SimpleHTTPRequestHandler if log else _Quiet
    return ThreadingHTTPServer(("127.0.0.1", port),
                               functools.partial(handler, directory=str(folder)))
