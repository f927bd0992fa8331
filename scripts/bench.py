"""Build-speed benchmark: the site with its hooks against a baseline of the same pages as plain files.

    python scripts/bench.py                 # N = 7, 100 and 1,000 (about 10 minutes on 2 cores)
    python scripts/bench.py --jumlah 100    # one size
    python scripts/bench.py --ulang 1       # one run per measurement instead of the median of 3
    python scripts/bench.py --jumlah 5000 --ulang 1
    python scripts/bench.py --jumlah 1000 --jumlah 5000   # issue 14's table, checked against its goals (~1 hour)
    python scripts/bench.py --sunting --jumlah 1000   # the edit loop under `mkdocs serve --dirty`

For each N it generates N synthetic write-ups outside the repository, builds the site (hooks on, search
indexing off), builds the baseline (the very Markdown and data files the hooks generate, written as plain
files, same mkdocs.yml without hooks), times the Pagefind step on its own, builds the whole site as `make build`
does (MkDocs, then the search index once MkDocs has exited) and as `mkdocs build` alone does (the index in the
same process), and reports peak memory of the whole process tree and page sizes. Prints figures; it is a
benchmark, not a test.

With --sunting it measures the contributor's loop instead: `mkdocs serve --dirty` (as `make serve` runs it)
on a synthetic repository, then five edits of one write-up's story, one change of a name, one rename and
one deletion; each time it polls the served pages until they show the change, and reports the medians and
how many console lines each rebuild printed.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from sajikan import served
from sintetis import write_synthetic_repository
from ukur_katalog import first_search_bytes

from katalog.search import index_site
from katalog.site import build_site
from katalog.urls import HOME, SiteAddress, with_winners

# Issue 14's goals, all at N = 5,000 (the scaling goal compares full builds at 5,000 and 1,000).
TARGETS = {
    "ratio": 1.10,
    "memory_mb": 700.0,
    "scaling": 5.5,
    "catalogue_kb": 120.0,
    "search_kb": 200.0,
}


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total


@dataclass
class Run:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system of the build and its children (Pagefind): steadier on a shared VM
    peak_mb: float


def timed_build(repo: Path, site_dir: Path, with_index: bool) -> Run:
    """`mkdocs build`, with the search index written in the same process (on_post_build) or not at all."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1730505600"}
    if not with_index:
        env["KATALOG_TANPA_INDEKS"] = "1"
    return timed_run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], repo, env)


def timed_make_build(repo: Path, site_dir: Path) -> Run:
    """The build as `make build` runs it: MkDocs without the index, then the index once MkDocs has exited.
    Times add up; the memory peak is the higher of the two."""
    pages = timed_build(repo, site_dir, with_index=False)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1730505600"}
    index = timed_run([sys.executable, "-m", "katalog.search", str(site_dir)], repo, env)
    return Run(pages.seconds + index.seconds, pages.cpu_seconds + index.cpu_seconds, max(pages.peak_mb, index.peak_mb))


def timed_run(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env)

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    # Our own exit code: once wait4 has reaped the child, the sampler's poll() may record 0 in Popen.
    exit_code = os.waitstatus_to_exitcode(status)
    sampler.join()
    if exit_code != 0:
        raise SystemExit(f"{' '.join(command[1:4])} gagal di {cwd} (kode {exit_code})")
    return Run(seconds, usage.ru_utime + usage.ru_stime, peak / 1024)


def write_baseline(repo: Path, baseline: Path) -> None:
    """The same site as plain files: generated pages written into docs/, no hooks in mkdocs.yml."""
    shutil.copytree(repo / "docs", baseline / "docs")
    shutil.copytree(repo / "overrides", baseline / "overrides")
    # The addresses MkDocs would pass the hooks, so the pages carry the same edit links and URLs.
    config = load_config(str(repo / "mkdocs.yml"))
    address = SiteAddress(config.site_url or SiteAddress.site_url, config.repo_url, config.edit_uri)
    generated = build_site(repo, address)
    for page_path, markdown in generated.pages.items():
        target = baseline / "docs" / page_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    for site_path, content in generated.data_files.items():
        target = baseline / "docs" / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for site_path, source in generated.plan.assets.items():
        target = baseline / "docs" / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    home = baseline / "docs" / HOME
    home.write_text(with_winners(home.read_text(encoding="utf-8"), generated.plan.winners), encoding="utf-8")
    plain_config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    plain_config = plain_config.replace("hooks:\n  - hooks/katalog_hooks.py\n", "").replace(
        "  - innovations\n  - hooks\n", "  - docs\n"
    )
    # The hooks mark generated pages not_in_nav; as plain files they would each be an omitted page.
    plain_config = plain_config.replace("omitted_files: warn", "omitted_files: ignore")
    (baseline / "mkdocs.yml").write_text(plain_config, encoding="utf-8")


def median_run(runs: list[Run]) -> Run:
    return Run(
        statistics.median(run.seconds for run in runs),
        statistics.median(run.cpu_seconds for run in runs),
        max(run.peak_mb for run in runs),
    )


def gzip_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), 6)) / 1024


def bench(count: int, repeats: int, workdir: Path) -> dict[str, float]:
    repo = write_synthetic_repository(workdir / f"repo-{count}", count)
    baseline = workdir / f"baseline-{count}"
    write_baseline(repo, baseline)
    site_dir = workdir / f"site-{count}"
    # Interleaved, so a machine that slows down for a minute slows both sides alike.
    hook_runs, plain_runs = [], []
    for _ in range(repeats):
        hook_runs.append(timed_build(repo, site_dir, with_index=False))
        plain_runs.append(timed_build(baseline, workdir / f"plain-{count}", with_index=False))
    hooks, plain = median_run(hook_runs), median_run(plain_runs)
    ratios = [mine.seconds / theirs.seconds for mine, theirs in zip(hook_runs, plain_runs, strict=True)]
    cpu_ratios = [mine.cpu_seconds / theirs.cpu_seconds for mine, theirs in zip(hook_runs, plain_runs, strict=True)]
    index_times = []
    for _ in range(repeats):
        shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
        start = time.perf_counter()
        index_site(site_dir)
        index_times.append(time.perf_counter() - start)
    full = median_run([timed_make_build(repo, workdir / f"full-{count}") for _ in range(repeats)])
    # `mkdocs build` alone indexes in on_post_build, while MkDocs still holds its memory: reported beside.
    one_process = timed_build(repo, workdir / f"satu-{count}", with_index=True)
    profile = next((site_dir / "inovasi").iterdir()) / "index.html"
    with served(workdir / f"full-{count}") as url:
        search_bytes, _, _ = first_search_bytes(url, "pemberdayaan lansia")
    return {
        "count": count,
        "hooks_s": hooks.seconds,
        "baseline_s": plain.seconds,
        "ratio": statistics.median(ratios),
        "cpu_ratio": statistics.median(cpu_ratios),
        "hooks_cpu_s": hooks.cpu_seconds,
        "baseline_cpu_s": plain.cpu_seconds,
        "index_s": statistics.median(index_times),
        "full_s": full.seconds,
        "memory_mb": max(full.peak_mb, hooks.peak_mb),
        "one_process_mb": one_process.peak_mb,
        "profile_kb": gzip_kb(profile),
        "catalogue_kb": gzip_kb(site_dir / "katalog" / "index.html"),
        "search_kb": search_bytes / 1024,
    }


def report(results: list[dict[str, float]]) -> bool:
    print(
        f"{'N':>6} {'hooks (s)':>10} {'baseline (s)':>13} {'rasio':>6} {'rasio CPU':>10} "
        f"{'indeks (s)':>11} {'penuh (s)':>10} "
        f"{'memori (MB)':>12} {'1 proses (MB)':>14} {'profil KB':>10} {'katalog KB':>11} {'cari KB':>8}"
    )
    for row in results:
        print(
            f"{row['count']:>6} {row['hooks_s']:>10.2f} {row['baseline_s']:>13.2f} {row['ratio']:>6.2f} "
            f"{row['cpu_ratio']:>10.2f} "
            f"{row['index_s']:>11.2f} {row['full_s']:>10.2f} {row['memory_mb']:>12.0f} {row['one_process_mb']:>14.0f} "
            f"{row['profile_kb']:>10.1f} "
            f"{row['catalogue_kb']:>11.1f} {row['search_kb']:>8.1f}"
        )
    print(
        "(KB = gzip; build = median; rasio = median rasio pasangan hooks/baseline yang dijalankan bergantian; "
        "'hooks' = tanpa langkah indeks pencarian; penuh dan memori = `make build`: MkDocs, lalu indeks setelah MkDocs "
        "selesai; memori = puncak seluruh pohon proses; 1 proses = `mkdocs build` saja, indeks di on_post_build)"
    )
    by_count = {row["count"]: row for row in results}
    big = by_count.get(5000)
    if big is None:
        return True
    checks = [
        (f"rasio hooks/baseline {big['ratio']:.2f} ≤ {TARGETS['ratio']}", big["ratio"] <= TARGETS["ratio"]),
        (f"memori {big['memory_mb']:.0f} MB ≤ {TARGETS['memory_mb']:.0f} MB", big["memory_mb"] <= TARGETS["memory_mb"]),
        (
            f"/katalog/ {big['catalogue_kb']:.1f} KB ≤ {TARGETS['catalogue_kb']:.0f} KB",
            big["catalogue_kb"] <= TARGETS["catalogue_kb"],
        ),
        (f"cari {big['search_kb']:.1f} KB ≤ {TARGETS['search_kb']:.0f} KB", big["search_kb"] <= TARGETS["search_kb"]),
    ]
    if 1000 in by_count:
        scaling = big["full_s"] / by_count[1000]["full_s"]
        checks.append((f"build(5000)/build(1000) {scaling:.2f} ≤ {TARGETS['scaling']}", scaling <= TARGETS["scaling"]))
    for text, ok in checks:
        print(("  ✓ " if ok else "  ✗ ") + text)
    return all(ok for _, ok in checks)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _seconds_until(done: Callable[[], bool], since: float, limit: float = 300.0) -> float:
    """Polls every 50 ms until `done()`; the seconds from `since`."""
    while not done():
        if time.perf_counter() - since > limit:
            raise SystemExit(f"perubahan tidak tampil dalam {limit:.0f} detik")
        time.sleep(0.05)
    return time.perf_counter() - since


def _shows(url: str, text: str) -> Callable[[], bool]:
    return lambda: text in _fetch(url)[1]


def _status_is(url: str, status: int) -> Callable[[], bool]:
    return lambda: _fetch(url)[0] == status


def bench_edit_loop(count: int, edits: int, workdir: Path) -> dict[str, float]:
    """`mkdocs serve --dirty` on N write-ups: seconds from saving a file to the served page showing it."""
    repo = write_synthetic_repository(workdir / f"serve-{count}", count)
    write_ups = sorted(path for path in (repo / "innovations").glob("*-[0-9][0-9][0-9][0-9]/index.md"))
    edited, renamed, deleted = write_ups[0], write_ups[1], write_ups[2]
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    console = workdir / f"serve-{count}.log"
    # Served at the root: by default `mkdocs serve` mounts the site under site_url's path (/katalog/).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1730505600", "KATALOG_SITE_URL": base}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"]
    start = time.perf_counter()
    with console.open("w") as log:
        server = subprocess.Popen(command, cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        profile = f"{base}inovasi/{edited.parent.name}/"
        first_build = _seconds_until(_status_is(profile, 200), start, limit=1800)
        first_lines = len(console.read_text().splitlines())
        text = edited.read_text(encoding="utf-8")
        edit_times = []
        for number in range(1, edits + 1):
            time.sleep(1.0)  # the server settles (Pagefind runs in the background after each build)
            marker = f"Suntingan uji ke-{number}"
            edited.write_text(text.replace("## Cara kerja\n", f"## Cara kerja\n\n{marker} [S1].\n", 1))
            edit_times.append(_seconds_until(_shows(profile, marker), time.perf_counter()))
        time.sleep(1.0)
        current = edited.read_text(encoding="utf-8")
        name = re.sub(r"^nama: .+$", "nama: Nama Uji Tolok Ukur", current, count=1, flags=re.MULTILINE)
        edited.write_text(name, encoding="utf-8")
        # /katalog/ shows only its first page of cards at this size: the export lists every write-up.
        catalogue_time = _seconds_until(_shows(f"{base}data/katalog.json", "Nama Uji Tolok Ukur"), time.perf_counter())
        time.sleep(1.0)
        old_slug = renamed.parent.name
        new_slug = "ganti-nama-" + old_slug
        renamed.write_text(renamed.read_text(encoding="utf-8").replace(f"id: {old_slug}", f"id: {new_slug}", 1))
        saved = time.perf_counter()
        renamed.parent.rename(renamed.parent.with_name(new_slug))
        rename_time = _seconds_until(
            lambda: _fetch(f"{base}inovasi/{new_slug}/")[0] == 200 and _fetch(f"{base}inovasi/{old_slug}/")[0] == 404,
            saved,
        )
        time.sleep(1.0)
        saved = time.perf_counter()
        shutil.rmtree(deleted.parent)
        delete_time = _seconds_until(_status_is(f"{base}inovasi/{deleted.parent.name}/", 404), saved)
        time.sleep(1.0)
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: the hooks' on_shutdown removes its template cache
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    # The server's own request log (a 404 while polling a removed page is a warning) is not a rebuild's output.
    rebuild_lines = [line for line in console.read_text().splitlines()[first_lines:] if '"GET /' not in line]
    return {
        "count": count,
        "first_s": first_build,
        "edit_s": statistics.median(edit_times),
        "edit_min_s": min(edit_times),
        "edit_max_s": max(edit_times),
        "catalogue_s": catalogue_time,
        "rename_s": rename_time,
        "delete_s": delete_time,
        "lines_first": first_lines,
        "lines_per_rebuild": len(rebuild_lines) / (edits + 3),
    }


def report_edit_loop(results: list[dict[str, float]]) -> None:
    print(
        f"{'N':>6} {'build awal (s)':>15} {'sunting median (s)':>19} {'min–maks (s)':>13} {'nama→ekspor (s)':>17} "
        f"{'ganti nama (s)':>15} {'hapus (s)':>10} {'baris awal':>11} {'baris/build':>12}"
    )
    for row in results:
        spread = f"{row['edit_min_s']:.2f}–{row['edit_max_s']:.2f}"
        print(
            f"{row['count']:>6} {row['first_s']:>15.1f} {row['edit_s']:>19.2f} {spread:>13} "
            f"{row['catalogue_s']:>17.2f} {row['rename_s']:>15.2f} {row['delete_s']:>10.2f} "
            f"{row['lines_first']:>11.0f} {row['lines_per_rebuild']:>12.1f}"
        )
    print(
        "(detik dari menyimpan berkas sampai halaman yang disajikan `mkdocs serve --dirty` menampilkannya; "
        "sunting = median 5 suntingan cerita satu tulisan; baris = baris konsol)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jumlah", type=int, action="append", help="ukuran N (boleh berulang); bawaan 7, 100, 1000")
    parser.add_argument("--ulang", type=int, default=3, help="jumlah pengulangan tiap ukuran (median)")
    parser.add_argument("--sunting", action="store_true", help="alur sunting di bawah mkdocs serve (bawaan N 1000)")
    args = parser.parse_args(argv)
    if args.sunting:
        with tempfile.TemporaryDirectory(prefix="katalog-bench-") as tmp:
            report_edit_loop([bench_edit_loop(count, 5, Path(tmp)) for count in args.jumlah or [1000]])
        return 0
    counts = args.jumlah or [7, 100, 1000]
    with tempfile.TemporaryDirectory(prefix="katalog-bench-") as tmp:
        results = [bench(count, args.ulang, Path(tmp)) for count in counts]
    return 0 if report(results) else 1


if __name__ == "__main__":
    sys.exit(main())
