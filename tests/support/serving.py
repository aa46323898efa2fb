"""Serve a built site over HTTP under a sub-path, as a team's static hosting would."""

from __future__ import annotations

import functools
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@contextmanager
def serve(site: Path, sub_path: str = "/team/briefings/") -> Iterator[str]:
    """A copy of `site` served on 127.0.0.1 under `sub_path`; yields its base URL."""
    with tempfile.TemporaryDirectory() as root:
        shutil.copytree(site, Path(root) / sub_path.strip("/"))
        handler = functools.partial(_QuietHandler, directory=root)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
        finally:
            server.shutdown()
            server.server_close()
            thread.join()
