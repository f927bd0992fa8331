"""Shared by the scripts here: an Indonesian argument parser and a quiet way to exit.

Scripts use the very same core as the MkDocs build, never a copy of it: `make` installs hooks/katalog
editable (pyproject.toml), so `from katalog import ...` works in every script and test.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parents[1]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
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
