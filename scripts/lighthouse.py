"""Lighthouse (mobile) on the built site served with gzip, as GitHub Pages serves it; prints median scores.

    python scripts/lighthouse.py                 # builds the site and a 1,000-innovation copy, 3 runs a page
    python scripts/lighthouse.py --ulang 5 --tanpa-1000
    python scripts/lighthouse.py --situs /tmp/situs-5000 --halaman katalog/   # a site built beforehand

Needs Node.js and npm (Lighthouse 12.x is installed once into .cache/lighthouse; version 13 needs Node 22),
Chromium (Debian's, or KATALOG_CHROMIUM), and Debian's nginx if present (`apt-get install nginx`), which
the script starts and stops on a free loopback port with gzip on; without nginx it falls back to
scripts/sajikan.py, which compresses the same types. Targets: performance ≥ 0.95, the rest = 1.00.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import _inti
from peramban import CHROMIUM_FLAGS, chromium_executable
from sajikan import served
from sintetis import write_synthetic_repository

LIGHTHOUSE_VERSION = "12.8.2"
CACHE = _inti.ROOT / ".cache" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
NGINX_CONFIG = """
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  gzip on;
  gzip_comp_level 6;
  gzip_min_length 256;
  gzip_types text/css application/javascript application/json image/svg+xml application/xml text/xml;
  server {{
    listen 127.0.0.1:{port};
    root {site};
    location / {{ add_header Cache-Control "max-age=600"; }}
  }}
}}
"""


def lighthouse_binary() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        command = [
            "npm",
            "install",
            "--prefix",
            str(CACHE),
            "--no-audit",
            "--no-fund",
            f"lighthouse@{LIGHTHOUSE_VERSION}",
        ]
        subprocess.run(command, check=True)
    return binary


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def nginx(site_dir: Path) -> Iterator[str]:
    """Debian's nginx serving `site_dir` with gzip on a free loopback port, stopped on exit."""
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="katalog-nginx-") as tmp:
        config = Path(tmp) / "nginx.conf"
        config.write_text(NGINX_CONFIG.format(tmp=tmp, port=port, site=site_dir.resolve()), encoding="utf-8")
        process = subprocess.Popen(["nginx", "-c", str(config), "-p", tmp])
        try:
            for _ in range(100):
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                    break
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=10)


def server(site_dir: Path) -> contextlib.AbstractContextManager[str]:
    return nginx(site_dir) if shutil.which("nginx") else served(site_dir)


def run_lighthouse(binary: Path, url: str, out: Path) -> dict[str, float]:
    env = {**os.environ, "CHROME_PATH": chromium_executable() or ""}
    command = [
        str(binary),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    subprocess.run(command, check=True, env=env)
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: report["categories"][name]["score"] for name in CATEGORIES}


def build(repo: Path, site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=repo, env=env, check=True)


def medians(binary: Path, base_url: str, path: str, runs: int, tmp: Path) -> dict[str, float]:
    scores = [run_lighthouse(binary, base_url + path, tmp / f"lh-{index}.json") for index in range(runs)]
    return {name: statistics.median(score[name] for score in scores) for name in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ulang", type=int, default=3, help="jumlah run per halaman (median)")
    parser.add_argument("--tanpa-1000", action="store_true", help="lewati katalog dengan 1.000 inovasi sintetis")
    parser.add_argument("--situs", type=Path, help="ukur situs yang sudah dibangun (mis. 5.000 inovasi sintetis)")
    parser.add_argument("--halaman", nargs="+", default=["katalog/"], help="halaman yang diukur dengan --situs")
    args = parser.parse_args(argv)
    binary = lighthouse_binary()
    rows: list[tuple[str, dict[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="katalog-lh-") as folder:
        tmp = Path(folder)
        tmp.chmod(0o755)  # nginx's workers run as an unprivileged user and must read the built site
        built = [(str(args.situs), args.situs, args.halaman)] if args.situs else []
        if not args.situs:
            sites = [("situs", _inti.ROOT, ["", "katalog/", "inovasi/lansia-smart/"])]
            if not args.tanpa_1000:
                sites.append(("1.000 inovasi", write_synthetic_repository(tmp / "repo-1000", 1000), ["katalog/"]))
            for label, repo, paths in sites:
                site_dir = tmp / f"site-{len(built)}"
                build(repo, site_dir)
                built.append((label, site_dir, paths))
        for label, site_dir, paths in built:
            with server(site_dir) as base_url:
                for path in paths:
                    rows.append((f"{label}: /{path}", medians(binary, base_url, path, args.ulang, tmp)))
    server_name = "nginx" if shutil.which("nginx") else "sajikan.py"
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile, median {args.ulang} run, gzip ({server_name})")
    print(f"{'halaman':<34}" + "".join(f"{name:>16}" for name in CATEGORIES))
    ok = True
    for label, scores in rows:
        print(f"{label:<34}" + "".join(f"{scores[name]:>16.2f}" for name in CATEGORIES))
        ok &= all(scores[name] >= TARGETS[name] for name in CATEGORIES)
    print("hasil:", "memenuhi target" if ok else "DI BAWAH target", "(kinerja ≥ 0.95; lainnya = 1.00)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
