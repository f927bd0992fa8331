"""Shared fixtures: a breakable copy of the repository, one real build of the site, and a browser."""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def load_script(name: str) -> ModuleType:
    """scripts/<name>.py as a module, for tests that call a script's functions directly.

    Scripts are programs (`python scripts/x.py`), not a package: Python puts scripts/ on their path when run
    that way, so they import each other by bare name (`import _inti`). Here the scripts a script imports are
    loaded first under those names, so the same imports work without putting scripts/ on every test's path.
    """
    if name in sys.modules:
        return sys.modules[name]
    path = SCRIPTS / f"{name}.py"
    for sibling in _imported_scripts(path):
        load_script(sibling)
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _imported_scripts(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names]
    names += [node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.module]
    return [name for name in names if (SCRIPTS / f"{name}.py").is_file()]


# The browser launcher and the test server are shared with the benchmarks in scripts/ (lighthouse, bench).
peramban = load_script("peramban")
CHROMIUM_FLAGS, chromium_executable = peramban.CHROMIUM_FLAGS, peramban.chromium_executable
serve = load_script("sajikan").served  # gzip like GitHub Pages, so tests see what readers download


def copy_repository(target: Path) -> Path:
    """The parts of the repository a build reads, copied so a test can break them freely."""
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache")
    for name in ("innovations", "docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_repository(tmp_path / "repo")


def run_build(config_dir: Path, site_dir: Path, with_index: bool = True) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict`; without the index, as `make build` runs it before `python -m katalog.search`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    env = BUILD_ENV if with_index else BUILD_ENV | {"KATALOG_TANPA_INDEKS": "1"}
    return subprocess.run(command, cwd=config_dir, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real repository built once, with `mkdocs build --strict`, into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free loopback port."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
        except Error as error:
            message = (
                f"Chromium tidak dapat dijalankan: {error}. "
                "Pasang `chromium` (Debian) atau jalankan `playwright install chromium`."
            )
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        yield browser
        browser.close()
