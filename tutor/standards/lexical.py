"""Okapi BM25 over a small document set (the standards), as sparse matrices.

Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond" (2009).
Words are lower-cased, stop words dropped and plural endings folded, so "fractions" matches
"fraction".
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

_STOP = frozenset(
    "the a an of to and in for on with is are be that this by or as at from it its their them "
    "they students student use using can will what how which each these those into about "
    "when where who was were has have had do does not but if then than so".split()
)
_WORD = re.compile(r"[a-z]+")


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens without stop words, with simple plural folding."""
    out = []
    for w in _WORD.findall(text.lower()):
        if len(w) < 2 or w in _STOP:
            continue
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        out.append(w)
    return out


class BM25:
    """BM25 scores of a query against every document.

    Args:
        docs: document texts (n_docs).
        k1, b: the usual BM25 parameters (term-frequency saturation, length normalisation).
    """

    def __init__(self, docs: list[str], k1: float = 1.2, b: float = 0.75) -> None:
        toks = [tokenize(d) for d in docs]
        vocab: dict[str, int] = {}
        for t in toks:
            for w in t:
                vocab.setdefault(w, len(vocab))
        self.vocab = vocab
        n = len(docs)
        lengths = np.array([max(len(t), 1) for t in toks], dtype=np.float64)
        avg = float(lengths.mean()) if n else 1.0
        df = Counter(w for t in toks for w in set(t))
        idf = np.zeros(len(vocab))
        for w, i in vocab.items():
            idf[i] = math.log(1.0 + (n - df[w] + 0.5) / (df[w] + 0.5))
        # Dense (n_vocab, n_docs) weights: the catalogue is small (a few thousand words).
        weights = np.zeros((len(vocab), n), dtype=np.float32)
        for j, t in enumerate(toks):
            for w, f in Counter(t).items():
                norm = k1 * (1 - b + b * lengths[j] / avg)
                weights[vocab[w], j] = idf[vocab[w]] * f * (k1 + 1) / (f + norm)
        self.weights = weights

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of ``query`` for each document, shape (n_docs,); repeated query words
        count 1 + log(count)."""
        counts = Counter(w for w in tokenize(query) if w in self.vocab)
        if not counts:
            return np.zeros(self.weights.shape[1], dtype=np.float32)
        rows = np.fromiter((self.vocab[w] for w in counts), dtype=np.int64)
        qw = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32)
        return qw @ self.weights[rows]
