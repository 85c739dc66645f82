"""The error catalog: data, schema, loading, indexes and question matching."""

from functools import lru_cache

from .decision import Decision, Match
from .lookup import Catalog
from .loader import CatalogError
from .schema import Category, Entry, Source

__all__ = ["Catalog", "CatalogError", "Category", "Decision", "Entry", "Match", "Source", "load_catalog"]


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The catalog shipped in catalog/data, loaded once per process."""
    return Catalog.load()
