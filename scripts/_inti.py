"""Shared by every script here: puts the catalogue core (hooks/katalog) on the import path.

Scripts use the very same core as the MkDocs build, never a copy of it:

    import _inti  # noqa: F401  (first, before importing katalog)
    from katalog import check_catalogue
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks"

if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))
