"""Curriculum standards: the catalogue, retrieval for problems, prerequisites for errors.

``StandardsIndex`` is imported lazily (it pulls in numpy and, when built, langchain-core and
sentence-transformers), so ``import tutor.standards`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tutor.standards.catalog import Catalog, Standard, load_atc, load_builtin, load_catalog

if TYPE_CHECKING:
    from tutor.standards.index import StandardsIndex

__all__ = ["Catalog", "Standard", "StandardsIndex", "load_atc", "load_builtin", "load_catalog"]


def __getattr__(name: str) -> Any:
    if name == "StandardsIndex":
        from tutor.standards.index import StandardsIndex

        return StandardsIndex
    raise AttributeError(name)
