"""What is computed from one innovation alone, remembered for as long as that innovation object lives.

Under `mkdocs serve` the worker keeps the Innovation objects of write-ups that did not change between
builds (katalog.load.LoadCache), so the pages that list every write-up compute again only the rows of the
edited ones. In a one-off build every object is new: nothing is found, and nothing is lost but a lookup.

A remembered value must depend on the innovation and the key only (never on the rest of the catalogue,
nor on the page it is shown on, unless the key names it), and nobody may change it: every caller shares it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from .model import Innovation

T = TypeVar("T")
_remembered: dict[tuple[str, int], tuple[weakref.ref[Innovation], Any]] = {}


def _forget(key: tuple[str, int], _: weakref.ref[Innovation]) -> None:
    # Called as the innovation is freed, before its id can belong to another object.
    _remembered.pop(key, None)


def remembered(key: str, inv: Innovation, compute: Callable[[], T]) -> T:
    """compute()'s value for this innovation object under `key`, computed once per object."""
    slot = (key, id(inv))
    hit = _remembered.get(slot)
    if hit is not None and hit[0]() is inv:
        value: T = hit[1]
        return value
    value = compute()
    _remembered[slot] = (weakref.ref(inv, lambda ref: _forget(slot, ref)), value)
    return value


__all__ = ["remembered"]
