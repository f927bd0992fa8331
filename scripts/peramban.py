"""How this project starts Chromium, for the tests and the benchmarks alike.

Debian's Chromium (`apt-get install chromium`) or the path in KATALOG_CHROMIUM; None lets Playwright use
the browser it downloads itself (`playwright install chromium`) on machines that can reach its servers.
"""

from __future__ import annotations

import os
import shutil

# Headless, no sandbox (CI runs as root), and no background calls home: this machine's network is closed.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_executable() -> str | None:
    return os.environ.get("KATALOG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
