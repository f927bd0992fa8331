"""Serve a built site on loopback the way GitHub Pages does: text types gzip-compressed, the rest as is.

    python scripts/sajikan.py site/ --port 8001

Benchmarks use `served(site_dir)` so transfer sizes are what a reader on a phone would download.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

# GitHub Pages compresses these; binary formats (and Pagefind's pre-compressed index files) go as they are.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012  (the base class declares it an instance attribute)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".mjs": "application/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".xml": "application/xml",
        ".wasm": "application/wasm",
    }

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not wants_gzip or not content_type.startswith(COMPRESSED_TYPES):
            return super().send_head()
        if self.path.split("?", 1)[0].endswith("/") is False and Path(self.translate_path(self.path)).is_dir():
            return super().send_head()  # let the base class redirect to the trailing slash
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(site_dir: Path, port: int = 0) -> Iterator[str]:
    """The site served on 127.0.0.1 in a background thread; yields its base URL."""
    handler = functools.partial(CompressingHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("situs", type=Path, nargs="?", default=Path("site"), help="folder situs hasil build")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args(argv)
    with served(args.situs, args.port) as url:
        print(f"Menyajikan {args.situs} di {url} (gzip seperti GitHub Pages). Ctrl+C untuk berhenti.")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
