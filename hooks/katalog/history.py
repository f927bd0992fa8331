"""When the catalogue's content last changed, from the repository's own history."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


def last_commit_date(root: Path, folder: str) -> date | None:
    """The date of the last commit that changed `folder` (committer date, so two builds of one commit agree).

    None when the history is not at hand: no git, not a repository, or a shallow clone, whose one commit
    would seem to have changed every file and so give a date later than the truth.
    """
    try:
        if _git(root, "rev-parse", "--is-shallow-repository") != "false":
            return None
        stamp = _git(root, "log", "-1", "--format=%cs", "--", folder)
    except (OSError, subprocess.CalledProcessError):
        return None
    return date.fromisoformat(stamp) if stamp else None


def _git(root: Path, *arguments: str) -> str:
    command = ["git", "-C", str(root), *arguments]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=30).stdout.strip()
