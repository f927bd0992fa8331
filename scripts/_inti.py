"""Shared by every script here: puts the catalogue core (hooks/katalog) on the import path.

Scripts use the very same core as the MkDocs build, never a copy of it:

    import _inti  # noqa: F401  (first, before importing katalog)
    from katalog import check_catalogue
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks"

if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="cara pakai: ")


def parser(prog: str, description: str, epilog: str | None = None) -> argparse.ArgumentParser:
    """An argument parser whose own words (usage, help) are Indonesian like the rest of the output."""
    result = argparse.ArgumentParser(
        prog=prog, description=description, epilog=epilog, formatter_class=_Formatter, add_help=False
    )
    result._optionals.title = "pilihan"
    result.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")
    result.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)  # tests point it elsewhere
    return result


def run(main: Callable[[], int]) -> NoReturn:
    """Exit with main()'s code; a closed pipe (`| head`) or Ctrl-C ends quietly, not with a stack trace."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    except (KeyboardInterrupt, EOFError):  # Ctrl-C, or Ctrl-D at a question
        print("\ndibatalkan.", file=sys.stderr)
        code = 130
    sys.exit(code)
