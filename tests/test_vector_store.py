"""The in-memory vector store's fast path agrees with LangChain's generic search."""

from __future__ import annotations

import numpy as np
from langchain_core.documents import Document
from langchain_core.vectorstores import InMemoryVectorStore

from tutor.standards.store import MatrixVectorStore


class HashEmbeddings:
    """Deterministic bag-of-words vectors (no model): enough to tell texts apart."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def _vec(self, text: str) -> list[float]:
        v = np.zeros(self.dim)
        for w in text.lower().split():
            v[sum(map(ord, w)) % self.dim] += 1.0
        return (v / max(np.linalg.norm(v), 1e-12)).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vec(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vec(text)


DOCS = [("a1", "add fractions with unlike denominators", "A"),
        ("a2", "common denominator of two fractions", "A"),
        ("b1", "area of a rectangle from its side lengths", "B"),
        ("c1", "unit rate and speed in miles per hour", "C"),
        ("x1", "a document with no standard", None)]


def _stores():
    emb = HashEmbeddings()
    docs = [Document(id=i, page_content=t, metadata={"standard": s} if s else {}) for i, t, s in DOCS]
    vecs = np.array(emb.embed_documents([d.page_content for d in docs]), dtype=np.float32)
    fast = MatrixVectorStore(embedding=emb)
    fast.add_vectors(docs, vecs)
    generic = InMemoryVectorStore(embedding=emb)
    generic.add_documents(docs)
    return emb, fast, generic


def test_similarities_equal_generic_search_scores():
    emb, fast, generic = _stores()
    q = emb.embed_query("adding two fractions")
    owners, sims = fast.similarities(q, "standard")
    assert owners == ["A", "A", "B", "C", None]
    want = {d.id: s for d, s in generic.similarity_search_with_score_by_vector(q, k=len(DOCS))}
    np.testing.assert_allclose(sims, [want[i] for i, _, _ in DOCS], atol=1e-6)
    # the fraction documents score highest, as the generic search ranks them
    top = generic.similarity_search_by_vector(q, k=1)[0].id
    assert top == DOCS[int(np.argmax(sims))][0] and top.startswith("a")


def test_owner_cache_follows_changes():
    emb, fast, _ = _stores()
    q = emb.embed_query("rectangle area")
    fast.similarities(q, "standard")
    fast.add_vectors([Document(id="d1", page_content="rectangle area", metadata={"standard": "D"})],
                     np.array([emb.embed_query("rectangle area")], dtype=np.float32))
    owners, sims = fast.similarities(q, "standard")
    assert owners[-1] == "D" and len(sims) == len(DOCS) + 1
    assert abs(float(sims[-1]) - 1.0) < 1e-6
