"""Standards retrieval: which Common Core standards a problem addresses, and what to review.

Ranking (one score per ``Standard``; a sub-standard's text counts for its parent) fuses three
signals, each z-scored over the catalogue so they add on one scale:

1. ``dense``: best cosine between the problem's opening and the standard's text views
   (its description; the description prefixed with grade, domain and cluster; the same for
   each sub-standard), searched through a LangChain vector store;
2. ``adapted``: cosine between the adapted problem embedding (the mean of the embeddings of
   its first :data:`QUERY_WINDOWS` windows of :data:`WINDOW_WORDS` words: MathFish problems
   are long lesson activities, and the opening alone misses what they practise) and the
   adapted standard prototype (:mod:`tutor.standards.adapter`, fitted on tagged problems), a second store;
3. ``lexical``: BM25 of the whole problem text against the standard's text, its
   sub-standards, cluster and domain.

When the grade is known, standards of that grade get a prior bonus (adjacent grades a quarter
of it): with the grade of each MathFish dev problem known, recall@1 0.41 -> 0.57 and recall@5
0.73 -> 0.84 (5-fold CV of the shipped pipeline, ``docs/benchmarks.md``).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tutor.config import Settings
from tutor.errors import TutorConfigError, TutorInputError
from tutor.schema import StandardMatch
from tutor.standards.adapter import QueryAdapter, default_adapter_path
from tutor.standards.catalog import GRADES, Catalog, Standard, load_catalog
from tutor.standards.lexical import BM25

if TYPE_CHECKING:
    from tutor.standards.store import SentenceEmbeddings

log = logging.getLogger(__name__)

#: Bump when the view texts change, so cached view embeddings are rebuilt.
VIEW_VERSION = 1
#: Weights of the z-scored signals (chosen by 5-fold cross-validation on MathFish dev).
WEIGHTS = {"adapted": 1.0, "dense": 0.5, "lexical": 0.4}
#: Weights when no adapter is installed.
WEIGHTS_NO_ADAPTER = {"dense": 1.0, "lexical": 0.4}
#: Bonus (in z units) for a standard of the problem's known grade, and the share of it an
#: adjacent grade gets. On MathFish dev (grade from the labels, 5-fold CV) recall rises up to
#: a bonus of ~6, where the prior acts as a filter; 3.0 / 0.25 is within 0.01 of that and
#: still lets a strong match from a neighbouring grade through (a class reviewing last year's
#: work).
GRADE_PRIOR = 3.0
ADJACENT_GRADE_SHARE = 0.25
MAX_QUERY_CHARS = 20_000
#: Windows embedded per problem and their length in words (~128 word pieces; each is cut at
#: ``SentenceEmbeddings.query_max_tokens`` = 96 pieces); the mean of 4 windows beat the
#: opening alone by +0.03 recall@5 in 5-fold CV on MathFish dev.
QUERY_WINDOWS = 4
WINDOW_WORDS = 90

#: Most worked-solution lines a standards query takes (a long paste adds noise, not topic).
MAX_SOLUTION_LINES = 12


def problem_query(text: str, worked: list[str] | tuple[str, ...] = ()) -> str:
    """What the standards search reads for a problem: its text, then the lines of a worked
    solution when one is at hand (the reference, else the student's steps).

    A short word problem names things, not the math ("48 clips in April and half as many in
    May" matched measuring with paper clips); the computations of a solution ("48 / 2 = 24",
    "48 + 24 = 72") say what it practises. On the problem bank (47 short problems, no grade)
    recall@5 rose from 0.57 to 0.70 (``docs/benchmarks.md``, Standards).

    Last comes a line naming in words the math the problem writes
    (:func:`tutor.standards.mathread.describe_math`: "-7 + 12" is adding integers, not
    adding within 20); for a bare exercise ("Simplify 12/18.") the math of its solution too.
    A word problem's solution arithmetic is left out of that line: it pulled area and ratio
    problems of the bank towards arithmetic standards (recall@5 0.70 -> 0.64); only where the
    problem's words name equal groups of counted things ("168 cookies into boxes of 12") are its
    solution's whole-number products and quotients named, by their size
    (:func:`tutor.standards.mathread.situation_topics`, which also names a scale drawing, a
    chance event and place value from the problem's words).

    Args:
        text: the problem statement.
        worked: solution lines, first :data:`MAX_SOLUTION_LINES` used.

    Returns:
        The query text (the problem text alone when ``worked`` has no text and the problem
        writes no computation).
    """
    from tutor.standards.mathread import describe_math, is_exercise

    lines = [ln.strip() for ln in worked if isinstance(ln, str) and ln.strip()][:MAX_SOLUTION_LINES]
    query = "\n".join([text.strip(), *lines])
    # the math a problem writes is what it practises; a word problem's solution arithmetic is
    # support work (its area or ratio matters more than its 7 x 4), a bare exercise's is not
    math = describe_math(query if is_exercise(text) else text, "\n".join(lines))
    return f"{query}\n{math}" if math else query


_CACHE: dict[tuple, "StandardsIndex"] = {}
_CACHE_LOCK = threading.Lock()


def _zscore(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / (x.std() + 1e-9)


def query_windows(text: str, n: int = QUERY_WINDOWS, words: int = WINDOW_WORDS) -> list[str]:
    """The first ``n`` consecutive windows of ``words`` whitespace-separated words (≥ 1)."""
    toks = text.split()
    return [" ".join(toks[i:i + words]) for i in range(0, max(len(toks), 1), words)][:n] or [text]


def pooled(query_vector: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(opening, mean)`` of a query's window embeddings, shape (w, d) or (d,); both (d,),
    L2-normalised (the opening is row 0)."""
    q = np.atleast_2d(np.asarray(query_vector, dtype=np.float32))
    mean = q.mean(axis=0)
    return q[0], mean / max(float(np.linalg.norm(mean)), 1e-12)


def grade_name(cat: Catalog, grade: str) -> str:
    """``"Grade 5"``, ``"Kindergarten"``, ``"High School"`` (the grade node's description)."""
    node = cat.nodes.get(grade)
    return node.description if node is not None else f"Grade {grade}"


def view_texts(cat: Catalog, std: Standard) -> list[tuple[str, str]]:
    """The texts a standard is embedded as: ``[(view id, text), …]``.

    Views: its description, and the description in context (grade. domain. cluster. text);
    the same two for each sub-standard (retrieving a sub-standard finds its standard).
    """
    grade = grade_name(cat, std.grade)
    domain = cat[std.domain].description.split(":")[0] if std.domain in cat else ""
    cluster = cat[std.cluster].description if std.cluster in cat else ""
    prefix = ". ".join(p for p in (grade, domain) if p) + ". " + (cluster + " " if cluster else "")
    views = [(f"{std.code}#plain", std.description), (f"{std.code}#context", prefix + std.description)]
    for child in std.children:
        sub = cat[child]
        if sub.level == "Sub-standard":
            views += [(f"{child}#plain", sub.description), (f"{child}#context", prefix + sub.description)]
    return views


def lexical_text(cat: Catalog, std: Standard) -> str:
    """Text BM25 indexes for a standard: it, its sub-standards, its cluster and domain."""
    parts = [std.description] + [cat[c].description for c in std.children]
    parts += [cat[c].description for c in (std.cluster, std.domain) if c in cat]
    return " ".join(parts)


class StandardsIndex:
    """Ranks a catalogue's standards for a problem text; finds prerequisites to review.

    Build with :meth:`build` or :meth:`from_settings` (cached per process; view embeddings
    cached on disk). Thread-safe for queries.

    Args:
        catalog: the catalogue.
        embeddings: the embedding model (LangChain ``Embeddings``).
        views: vector store of the standards' text views (``metadata["standard"]`` = code).
        prototypes: (n_standards, d) L2-normalised mean view embedding per standard, in
            ``catalog.standards()`` order.
        adapter: fitted adapter, or ``None`` to rank without it.
    """

    def __init__(self, catalog: Catalog, embeddings: "SentenceEmbeddings", views: Any,
                 prototypes: np.ndarray, adapter: QueryAdapter | None = None) -> None:
        self.catalog = catalog
        self.embeddings = embeddings
        self.views = views
        self.codes = [s.code for s in catalog.standards()]
        if not self.codes:
            raise TutorConfigError(f"standards catalogue {catalog.source} has no standards")
        self.col = {c: i for i, c in enumerate(self.codes)}
        self.prototypes = np.asarray(prototypes, dtype=np.float32)
        self.lexical = BM25([lexical_text(catalog, s) for s in catalog.standards()])
        self.grades = np.array([catalog[c].grade for c in self.codes])
        self.n_views = len(getattr(views, "store", {})) or 4 * len(self.codes)
        self.adapter = None
        self.adapted = None
        if adapter is not None:
            self.set_adapter(adapter)

    # ------------------------------------------------------------------ construction
    @classmethod
    def build(cls, catalog: Catalog, embeddings: "SentenceEmbeddings", cache_dir: Path | None = None,
              adapter: QueryAdapter | None = None) -> "StandardsIndex":
        """Embed every view (or read them from ``cache_dir``) and build the index.

        Raises:
            TutorConfigError: an empty catalogue.
        """
        from langchain_core.documents import Document

        from tutor.standards.store import MatrixVectorStore

        docs, owners = [], []
        for std in catalog.standards():
            for vid, text in view_texts(catalog, std):
                docs.append(Document(id=vid, page_content=text,
                                     metadata={"standard": std.code, "view": vid}))
                owners.append(std.code)
        key = hashlib.sha256(
            "\n".join([str(VIEW_VERSION), str(embeddings.model_path), str(embeddings.doc_max_tokens),
                       getattr(embeddings, "dtype", "float32")]
                      + [d.id + "\t" + d.page_content for d in docs]).encode()).hexdigest()[:16]
        path = Path(cache_dir) / "standards" / f"views-{catalog.source}-{key}.npy" if cache_dir else None
        if path is not None and path.exists():
            vecs = np.load(path)
        else:
            t0 = time.perf_counter()
            vecs = embeddings.encode([d.page_content for d in docs], embeddings.doc_max_tokens)
            log.info("embedded %d standard views in %.1f s", len(docs), time.perf_counter() - t0)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp.npy")
                np.save(tmp, vecs)
                tmp.replace(path)
        store = MatrixVectorStore(embedding=embeddings)
        store.add_vectors(docs, vecs)
        codes = [s.code for s in catalog.standards()]
        col = {c: i for i, c in enumerate(codes)}
        protos = np.zeros((len(codes), vecs.shape[1]), dtype=np.float32)
        for owner, v in zip(owners, vecs):
            protos[col[owner]] += v
        protos /= np.maximum(np.linalg.norm(protos, axis=1, keepdims=True), 1e-12)
        return cls(catalog, embeddings, store, protos, adapter)

    @classmethod
    def from_settings(cls, settings: Settings, adapter_path: str | Path | None = "default",
                      encoder_path: str | Path | None = "default") -> "StandardsIndex":
        """The index for ``settings`` (``catalog``, ``atc_path``, ``embedding_model``,
        ``cache_path``), built once per process.

        Args:
            settings: the tutor's settings.
            adapter_path: ``"default"`` (the shipped adapter of this catalogue, when present),
                ``None`` (no adapter) or an adapter ``.npz`` file.
            encoder_path: ``"default"`` (the shipped encoder fine-tuning of this catalogue,
                when present), ``None`` (the plain encoder) or a LoRA ``.npz`` file. An
                adapter fitted on another encoder than the one loaded is not used (warning).

        Raises:
            TutorConfigError: missing catalogue, embedding model, or an unreadable adapter or
                encoder file.
        """
        from tutor.standards.encoder import default_encoder_path

        if adapter_path == "default":
            adapter_path = default_adapter_path(settings.catalog)
        if encoder_path == "default":
            encoder_path = default_encoder_path(settings.catalog)
        if encoder_path and not Path(encoder_path).exists():
            encoder_path = None
        key = (settings.catalog, settings.atc_path, settings.embedding_model,
               settings.embedding_dtype, str(settings.cache_path), str(adapter_path), str(encoder_path))
        with _CACHE_LOCK:
            if key not in _CACHE:
                from tutor.llm import embedding_model_path
                from tutor.standards.store import SentenceEmbeddings

                catalog = load_catalog(settings.catalog, settings.atc_path)
                emb = SentenceEmbeddings(embedding_model_path(settings.embedding_model),
                                         dtype=settings.embedding_dtype, lora_path=encoder_path)
                adapter = None
                if adapter_path and Path(adapter_path).exists():
                    adapter = QueryAdapter.load(adapter_path)
                    if adapter.meta.get("encoder") != emb.lora_id:
                        log.warning("standards adapter %s was fitted on encoder %s, not on the "
                                    "loaded one (%s): not used", adapter_path,
                                    adapter.meta.get("encoder") or "plain", emb.lora_id or "plain")
                        adapter = None
                _CACHE[key] = cls.build(catalog, emb, settings.cache_path, adapter)
            return _CACHE[key]

    def set_adapter(self, adapter: QueryAdapter | None) -> None:
        """Use ``adapter`` from now on (``None``: rank without one). An adapter of another
        embedding size is ignored with a warning."""
        if adapter is not None and adapter.dim != self.prototypes.shape[1]:
            log.warning("standards adapter has size %d, embeddings %d: not used",
                        adapter.dim, self.prototypes.shape[1])
            adapter = None
        self.adapter = adapter
        self.adapted = None
        if adapter is None:
            return
        from langchain_core.documents import Document

        from tutor.standards.store import MatrixVectorStore

        store = MatrixVectorStore(embedding=self.embeddings)
        docs = [Document(id=c, page_content=self.catalog[c].description, metadata={"standard": c})
                for c in self.codes]
        store.add_vectors(docs, adapter.prototypes(self.codes, self.prototypes))
        self.adapted = store

    # ------------------------------------------------------------------ ranking
    def embed_query(self, text: str) -> np.ndarray:
        """Query embedding, shape (d,), L2-normalised (first ``query_max_tokens`` pieces)."""
        return self.embeddings.encode([text], self.embeddings.query_max_tokens)[0]

    def embed_windows(self, text: str) -> np.ndarray:
        """Embeddings of the problem's first windows (:func:`query_windows`), shape (w, d),
        L2-normalised rows, one batch."""
        return self.embeddings.encode(query_windows(text), self.embeddings.query_max_tokens)

    def signals(self, text: str, query_vector: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """Raw scores per signal, each shape (n_standards,), in ``self.codes`` order.

        ``query_vector``: the problem's window embeddings (w, d) from :meth:`embed_windows`,
        or one embedding (d,); ``None`` embeds ``text``.
        """
        if query_vector is None:  # only the adapter uses the later windows
            query_vector = self.embed_windows(text) if self.adapted is not None else self.embed_query(text)
        qv, mean = pooled(query_vector)
        out = {"dense": self._best_per_standard(self.views, qv, self.n_views),
               "lexical": self.lexical.scores(text)}
        if self.adapted is not None:
            out["adapted"] = self._best_per_standard(self.adapted, self.adapter.query(mean),
                                                     len(self.codes))
        return out

    def _best_per_standard(self, store: Any, vector: np.ndarray, k: int) -> np.ndarray:
        """Best cosine of ``vector`` over each standard's documents in ``store``, shape
        (n_standards,), -1 where a standard has none."""
        best = np.full(len(self.codes), -1.0, dtype=np.float32)
        if hasattr(store, "similarities"):  # our in-memory store: skip building k Documents
            owners, sims = store.similarities(vector, "standard")
            cols = np.array([self.col.get(o, -1) for o in owners], dtype=np.int64)
            keep = cols >= 0
            np.maximum.at(best, cols[keep], sims[keep])
            return best
        for doc, score in store.similarity_search_with_score_by_vector(vector.tolist(), k=k):
            j = self.col.get(doc.metadata.get("standard", ""))
            if j is not None and score > best[j]:
                best[j] = score
        return best

    def scores(self, text: str, grade: str | None = None,
               query_vector: np.ndarray | None = None) -> np.ndarray:
        """Fused score per standard, shape (n_standards,), in ``self.codes`` order."""
        sig = self.signals(text, query_vector)
        weights = WEIGHTS if "adapted" in sig else WEIGHTS_NO_ADAPTER
        total = sum(w * _zscore(sig[name]) for name, w in weights.items())
        if grade:
            total = total + self._grade_prior(grade)
        return total

    def _grade_prior(self, grade: str) -> np.ndarray:
        idx = GRADES.index(grade)
        near = {GRADES[i] for i in (idx - 1, idx + 1) if 0 <= i < len(GRADES)}
        return np.where(self.grades == grade, GRADE_PRIOR,
                        np.where(np.isin(self.grades, list(near)),
                                 GRADE_PRIOR * ADJACENT_GRADE_SHARE, 0.0))

    def rank(self, text: str, grade: str | None = None,
             query_vector: np.ndarray | None = None, k: int | None = None) -> list[dict[str, Any]]:
        """The ``k`` best standards (``None``: every one), best first, as ``StandardMatch``
        field dicts (role ``"problem"``).

        Raises:
            TutorInputError: empty text or an unknown grade.
        """
        text = self._check(text, grade)
        s = self.scores(text, grade, query_vector)
        order = np.argsort(-s, kind="stable")[:k]
        return [self._match(self.codes[j], float(s[j]), "problem") for j in order]

    def _check(self, text: str, grade: str | None) -> str:
        if not isinstance(text, str) or not text.strip():
            raise TutorInputError("Please type the problem text so the tutor can find its standards.")
        if grade is not None and grade not in GRADES:
            raise TutorInputError(f"Grade must be one of {', '.join(GRADES)}, not {grade!r}.")
        return text.strip()[:MAX_QUERY_CHARS]

    def _match(self, code: str, score: float, role: str) -> dict[str, Any]:
        n = self.catalog[code]
        # the cluster heading says in one plain line what a student practises
        heading = self.catalog[n.cluster].description if n.cluster and n.cluster in self.catalog else ""
        return {"code": code, "description": n.description, "grade": n.grade, "domain": n.domain,
                "cluster": n.cluster, "score": round(score, 4), "role": role,
                "summary": heading if heading != n.description else ""}

    def match(self, code: str, score: float = 0.0, role: str = "problem") -> StandardMatch | None:
        """The catalogue entry ``code`` as a ``StandardMatch`` (e.g. a problem's own tag);
        ``None`` when the catalogue has no such code."""
        if code not in self.catalog:
            return None
        return StandardMatch.from_dict(self._match(code, score, role))

    def search(self, text: str, k: int = 5, grade: str | None = None) -> list[StandardMatch]:
        """The ``k`` standards the problem most likely addresses, best first.

        Args:
            text: the problem statement (any length; its first ~360 words are embedded, all of it
                goes to BM25).
            k: how many to return (≥ 1).
            grade: ``"K"``, ``"1"`` … ``"8"``, ``"HS"`` when known (a prior, not a filter).

        Returns:
            ``StandardMatch`` list, role ``"problem"``, ``score`` = fused z-score (higher is
            better; not a probability).

        Raises:
            TutorInputError: empty text, ``k`` < 1 or an unknown grade.
        """
        from tutor.standards.store import StandardsRetriever

        if k < 1:
            raise TutorInputError("k must be at least 1")
        docs = StandardsRetriever(index=self, k=k, grade=grade).invoke(text)
        return [StandardMatch.from_dict(d.metadata) for d in docs]

    def as_retriever(self, k: int = 5, grade: str | None = None):
        """A LangChain ``BaseRetriever`` over this index (for chains and agents)."""
        from tutor.standards.store import StandardsRetriever

        return StandardsRetriever(index=self, k=k, grade=grade)

    # ------------------------------------------------------------------ prerequisites
    def prerequisites(self, codes: list[str], error_text: str | None = None,
                      k: int = 3) -> list[StandardMatch]:
        """Standards to review for a first wrong step ("what to review").

        Candidates are the coherence map's "progress from" prerequisites of ``codes`` (the
        problem's standards; sub-standards fold into their standard) and of their
        sub-standards, then (when fewer than ``k``) those prerequisites' own prerequisites.
        Direct prerequisites come first; with ``error_text`` (the wrong step or the verifier's
        explanation) each group is ordered by similarity to it; if the map has no edge for these codes, standards
        of earlier grades that match ``error_text`` are used instead.

        Args:
            codes: standard codes the problem addresses (unknown codes are ignored).
            error_text: the first wrong step / explanation, or ``None``.
            k: how many to return.

        Returns:
            Up to ``k`` ``StandardMatch`` with role ``"prerequisite"``, most useful first.
        """
        focus = []
        for c in codes:
            c = self.catalog.standard_of(c)
            if c in self.catalog and c not in focus:
                focus.append(c)
        hop: dict[str, int] = {}
        frontier = list(focus)
        for depth in (1, 2):
            nxt = []
            for c in frontier:
                for p in self.catalog.edges_from(c):
                    p = self.catalog.standard_of(p)
                    if p not in focus and p not in hop and self.catalog[p].level == "Standard":
                        hop[p] = depth
                        nxt.append(p)
            if len(hop) >= k:
                break
            frontier = nxt
        cand = list(hop)
        if error_text and error_text.strip():
            qv = self.embed_query(error_text)
            sim = self.prototypes @ qv
            if not cand:
                cand = self._earlier_grade_matches(focus, error_text, qv, k)
                hop = {c: 1 for c in cand}
            cand.sort(key=lambda c: (hop[c], -float(sim[self.col[c]])))
            scored = [(c, float(sim[self.col[c]])) for c in cand]
        else:
            scored = [(c, 1.0 / (i + 1)) for i, c in enumerate(cand)]
        return [StandardMatch.from_dict(self._match(c, s, "prerequisite")) for c, s in scored[:k]]

    def _earlier_grade_matches(self, focus: list[str], error_text: str, qv: np.ndarray,
                               k: int) -> list[str]:
        """Standards of grades before the focus standards' grade that best match the error."""
        grades = [self.catalog[c].grade for c in focus if self.catalog[c].grade in GRADES]
        top = max((GRADES.index(g) for g in grades), default=len(GRADES))
        allowed = set(GRADES[:top]) if top > 0 else {GRADES[0]}
        s = self.scores(error_text, query_vector=qv)
        order = [self.codes[j] for j in np.argsort(-s, kind="stable")]
        return [c for c in order if self.catalog[c].grade in allowed and c not in focus][:k]
