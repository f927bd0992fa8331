"""The catalogue core: load, validate, model, render and export — free of MkDocs so scripts share it."""

from .load import load_catalogue, scaffold_leftovers, validate_catalogue
from .problems import CatalogueError, Problem
from .regions import load_regions
from .schema import fast_validator_for, load_schemas, validator_for


def clear_caches() -> None:
    """Forget cached schemas (and the scaffold guidance drawn from them) and region data, so `mkdocs serve`
    picks up edits to them."""
    load_schemas.cache_clear()
    validator_for.cache_clear()
    fast_validator_for.cache_clear()
    load_regions.cache_clear()
    scaffold_leftovers.cache_clear()


__all__ = ["CatalogueError", "Problem", "clear_caches", "load_catalogue", "validate_catalogue"]
