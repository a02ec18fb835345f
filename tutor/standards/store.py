"""LangChain pieces of standards retrieval: the embedding model, the vector store and the
retriever. A school that wants a persistent store (Chroma, pgvector, …) passes any LangChain
``VectorStore`` holding the same documents (``metadata["code"]`` = the standard code) to
:class:`~tutor.standards.index.StandardsIndex`.

This module imports langchain-core (about a second), so it is imported lazily.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import Any, Callable

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from langchain_core.vectorstores import InMemoryVectorStore


class SentenceEmbeddings(Embeddings):
    """sentence-transformers model behind LangChain's ``Embeddings`` interface.

    Args:
        model_path: local folder of the model (e.g. ``tutor.llm.embedding_model_path()``).
        query_max_tokens: word pieces kept of each query window (the index embeds a
            problem's first few windows, see ``tutor.standards.index.query_windows``; this
            bounds the latency: 96 instead of 128 cut the query time by a quarter, with
            recall@5 within ±0.007 in 5-fold CV on MathFish dev, see docs/benchmarks.md).
        doc_max_tokens: word pieces kept of a catalogue text.
        lora_path: optional encoder fine-tuning (``tutor.standards.encoder.save_lora``) merged
            into the model at load; ``model_path`` then ends in ``+lora:<file id>``.
        dtype: ``"auto"`` (bfloat16 where the CPU computes it natively, see
            :func:`cpu_has_bf16`, else float32), ``"bfloat16"`` or ``"float32"``. On this
            project's CPU bf16 halves the query time; embeddings keep cosine > 0.9999 with fp32.

    Raises:
        ValueError: an unknown ``dtype``.
        TutorConfigError: an unreadable or mismatched ``lora_path``.
    """

    def __init__(self, model_path: str, query_max_tokens: int = 96, doc_max_tokens: int = 256,
                 dtype: str = "auto", lora_path: str | Path | None = None) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        if dtype not in ("auto", "bfloat16", "float32"):
            raise ValueError(f"dtype must be auto, bfloat16 or float32, not {dtype!r}")
        if dtype == "auto":
            dtype = "bfloat16" if cpu_has_bf16() else "float32"
        self.dtype = dtype
        self.model_path = str(model_path)
        self.lora_id: str | None = None
        # a LoRA is merged in float32, then the model is cast
        load_dtype = "float32" if lora_path else dtype
        self.model = SentenceTransformer(self.model_path, device="cpu",
                                         model_kwargs={"dtype": getattr(torch, load_dtype)})
        if lora_path:
            from tutor.standards.encoder import load_lora, lora_id

            load_lora(self.model, lora_path)
            self.model.to(getattr(torch, dtype))
            self.lora_id = lora_id(lora_path)
            # caches keyed on model_path (the index's view embeddings) must not mix encoders
            self.model_path = f"{self.model_path}+lora:{self.lora_id}"
        self.query_max_tokens = query_max_tokens
        self.doc_max_tokens = doc_max_tokens
        self._lock = threading.Lock()  # max_seq_length is switched per call

    def encode(self, texts: list[str], max_tokens: int, batch_size: int = 32) -> np.ndarray:
        """L2-normalised embeddings, shape (len(texts), d), float32."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            self.model.max_seq_length = max_tokens
            vecs = self.model.encode(texts, batch_size=batch_size, convert_to_tensor=True,
                                     show_progress_bar=False)
        # Normalise in fp32: a bf16 norm would round the unit length itself.
        vecs = vecs.float().numpy()
        return (vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)).astype(np.float32)

    @property
    def dim(self) -> int:
        """Embedding size (384 for all-MiniLM-L6-v2)."""
        get = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        return int(get())

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """See ``langchain_core.embeddings.Embeddings``."""
        return self.encode(list(texts), self.doc_max_tokens).tolist()

    def embed_query(self, text: str) -> list[float]:
        """See ``langchain_core.embeddings.Embeddings``."""
        return self.encode([text], self.query_max_tokens)[0].tolist()


@functools.cache
def cpu_has_bf16(cpuinfo: str = "/proc/cpuinfo") -> bool:
    """Whether the CPU has native bfloat16 dot products (x86 ``avx512_bf16`` or ``amx_bf16``
    flags; Linux only, elsewhere ``False``). Without them PyTorch emulates bf16 and is slower
    than fp32, so ``"auto"`` keeps fp32 there."""
    try:
        text = Path(cpuinfo).read_text(errors="replace")
    except OSError:
        return False
    flags = set()
    for line in text.splitlines():
        if line.startswith("flags"):
            flags.update(line.partition(":")[2].split())
    return bool(flags & {"avx512_bf16", "amx_bf16"})


class MatrixVectorStore(InMemoryVectorStore):
    """``InMemoryVectorStore`` that keeps its vectors as one numpy matrix between changes, so a
    search over the whole catalogue costs one matrix-vector product (the parent rebuilds
    arrays from Python lists on every call)."""

    def __init__(self, embedding: Embeddings) -> None:
        super().__init__(embedding=embedding)
        self._matrix: tuple[list[str], np.ndarray] | None = None
        self._owners: tuple[str, list[Any]] | None = None  # metadata key, values in matrix order

    def add_vectors(self, docs: list[Document], vectors: np.ndarray) -> None:
        """Add documents with precomputed embeddings (shape (len(docs), d)); ids from ``doc.id``."""
        for doc, vec in zip(docs, np.asarray(vectors, dtype=np.float32)):
            self.store[doc.id] = {"id": doc.id, "vector": vec.tolist(), "text": doc.page_content,
                                  "metadata": doc.metadata}
        self._matrix = None

    def add_documents(self, documents: list[Document], **kwargs: Any) -> list[str]:
        self._matrix = None
        return super().add_documents(documents, **kwargs)

    def delete(self, ids: list[str] | None = None, **kwargs: Any) -> None:
        self._matrix = None
        super().delete(ids, **kwargs)

    def matrix(self) -> tuple[list[str], np.ndarray]:
        """Ids in store order and the L2-normalised vectors, shape (n, d)."""
        if self._matrix is None or len(self._matrix[0]) != len(self.store):
            ids = list(self.store)
            m = np.array([self.store[i]["vector"] for i in ids], dtype=np.float32).reshape(len(ids), -1)
            m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
            self._matrix = (ids, m)
            self._owners = None
        return self._matrix

    def similarities(self, vector: Any, key: str) -> tuple[list[Any], np.ndarray]:
        """Cosine of ``vector`` (shape (d,)) with every stored document, shape (n,), and each
        document's ``metadata[key]`` (``None`` when missing), in store order: the whole
        catalogue's scores without building a ``Document`` per row."""
        ids, m = self.matrix()
        if self._owners is None or self._owners[0] != key:
            self._owners = (key, [self.store[i]["metadata"].get(key) for i in ids])
        q = np.asarray(vector, dtype=np.float32)
        return self._owners[1], m @ (q / max(float(np.linalg.norm(q)), 1e-12))

    def _similarity_search_with_score_by_vector(
        self, embedding: list[float], k: int = 4,
        filter: Callable[[Document], bool] | None = None,  # noqa: A002 (LangChain's name)
    ) -> list[tuple[Document, float, list[float]]]:
        if filter is not None:
            return super()._similarity_search_with_score_by_vector(embedding, k, filter)
        ids, m = self.matrix()
        if not ids:
            return []
        q = np.asarray(embedding, dtype=np.float32)
        sims = m @ (q / max(float(np.linalg.norm(q)), 1e-12))
        top = np.argsort(-sims, kind="stable")[:k]
        out = []
        for j in top:
            d = self.store[ids[j]]
            out.append((Document(id=d["id"], page_content=d["text"], metadata=d["metadata"]),
                        float(sims[j]), d["vector"]))
        return out


class StandardsRetriever(BaseRetriever):
    """LangChain retriever over a :class:`~tutor.standards.index.StandardsIndex`: returns one
    ``Document`` per standard, best first, ``metadata`` = the ``StandardMatch`` fields."""

    index: Any
    k: int = 5
    grade: str | None = None

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        ranked = self.index.rank(query, grade=self.grade, k=self.k)
        return [Document(id=m["code"], page_content=m["description"], metadata=m) for m in ranked]
