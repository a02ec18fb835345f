"""A light adapter on frozen sentence embeddings, fitted on tagged problems.

Two small parts, trained together with a softmax (InfoNCE-style) loss over all standards:

* ``W`` (d × d, initialised to the identity): maps a problem's embedding towards the
  embeddings of the standards it addresses;
* ``offsets`` (one d-vector per standard seen in training): moves a standard's prototype
  (the mean of its text views' embeddings) towards the problems tagged with it.

Both are pulled towards "no change" by L2 penalties, so standards never seen in training keep
their text-only prototype. Linear adapters on frozen embeddings: e.g. "Embedding adapters"
in the OpenAI cookbook; the loss is the multi-positive contrastive loss of Khosla et al.,
"Supervised Contrastive Learning" (NeurIPS 2020), with the standards as fixed candidates.

The shipped files (``models/standards/adapter-<catalog>.npz``, < 1 MB each) is fitted on the MathFish
dev split only (``tutor eval standards-fit``).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tutor.config import PROJECT_ROOT
from tutor.errors import TutorConfigError

log = logging.getLogger(__name__)

ADAPTER_DIR = PROJECT_ROOT / "models" / "standards"


def default_adapter_path(catalog: str) -> Path:
    """The shipped adapter for a catalogue (``"builtin"`` or ``"atc"``): each is fitted
    against that catalogue's own standard prototypes."""
    return ADAPTER_DIR / f"adapter-{catalog}.npz"


@dataclass
class AdapterConfig:
    """Training settings of :func:`fit_adapter`.

    Attributes:
        epochs: full-batch Adam steps (int, default 150).
        lr: Adam learning rate (default 2e-3).
        weight_decay: L2 weight pulling ``W`` to the identity (default 1e-3).
        offset_decay: L2 weight pulling the standards' offsets to zero (default 1e-3).
        temperature: softmax temperature on cosine similarities (default 0.05).
        seed: torch seed (default 0).
    """

    epochs: int = 150
    lr: float = 2e-3
    weight_decay: float = 1e-3
    offset_decay: float = 1e-3
    temperature: float = 0.05
    seed: int = 0


@dataclass
class QueryAdapter:
    """A fitted adapter.

    Attributes:
        W: float32 array (d, d) applied to query embeddings (row vector @ W).
        offsets: standard code → float32 array (d,) added to that standard's prototype.
        meta: what it was trained on (free-form, saved with it).
    """

    W: np.ndarray
    offsets: dict[str, np.ndarray] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    @property
    def dim(self) -> int:
        return int(self.W.shape[0])

    def query(self, vecs: np.ndarray) -> np.ndarray:
        """Adapted, L2-normalised query embeddings; ``vecs`` shape (n, d) or (d,)."""
        out = np.asarray(vecs, dtype=np.float32) @ self.W
        return out / np.maximum(np.linalg.norm(out, axis=-1, keepdims=True), 1e-12)

    def prototypes(self, codes: list[str], base: np.ndarray) -> np.ndarray:
        """Adapted, L2-normalised standard prototypes; ``base`` shape (len(codes), d)."""
        out = np.array(base, dtype=np.float32, copy=True)
        for i, c in enumerate(codes):
            if c in self.offsets:
                out[i] += self.offsets[c]
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def save(self, path: str | Path) -> None:
        """Write a compressed ``.npz`` (float16 weights)."""
        codes = sorted(self.offsets)
        offs = np.stack([self.offsets[c] for c in codes]) if codes else np.zeros((0, self.dim))
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, W=self.W.astype(np.float16), offsets=offs.astype(np.float16),
                            codes=np.array(codes), meta=np.array(json.dumps(self.meta)))

    @classmethod
    def load(cls, path: str | Path) -> "QueryAdapter":
        """Read a file written by :meth:`save`.

        Raises:
            TutorConfigError: unreadable file.
        """
        try:
            with np.load(path, allow_pickle=False) as z:
                W = z["W"].astype(np.float32)
                offs = z["offsets"].astype(np.float32)
                codes = [str(c) for c in z["codes"]]
                meta = json.loads(str(z["meta"]))
        except (OSError, KeyError, ValueError) as exc:
            raise TutorConfigError(f"cannot read standards adapter {path}: {exc}") from exc
        return cls(W=W, offsets=dict(zip(codes, offs)), meta=meta)


def fit_adapter(queries: np.ndarray, labels: list[list[str]], codes: list[str],
                prototypes: np.ndarray, config: AdapterConfig | None = None) -> QueryAdapter:
    """Fit ``W`` and per-standard offsets (see the module docstring).

    Args:
        queries: problem embeddings, shape (n, d), L2-normalised.
        labels: per problem, the standard codes it addresses (codes not in ``codes`` ignored;
            problems left without a label are skipped).
        codes: the candidate standards, length m.
        prototypes: their text prototypes, shape (m, d), L2-normalised.
        config: training settings.

    Returns:
        The fitted adapter (offsets only for standards that occur in ``labels``).

    Raises:
        TutorInputError: no problem has a known label.
    """
    import torch

    from tutor.errors import TutorInputError

    cfg = config or AdapterConfig()
    torch.manual_seed(cfg.seed)
    col = {c: i for i, c in enumerate(codes)}
    Y = np.zeros((len(labels), len(codes)), dtype=np.float32)
    for i, ls in enumerate(labels):
        for c in ls:
            if c in col:
                Y[i, col[c]] = 1.0
    keep = Y.sum(1) > 0
    if not keep.any():
        raise TutorInputError("none of the training problems has a standard of this catalogue")
    X = torch.tensor(np.asarray(queries, dtype=np.float32)[keep])
    Yt = torch.tensor(Y[keep])
    D = torch.tensor(np.asarray(prototypes, dtype=np.float32))
    d = X.shape[1]
    eye = torch.eye(d)
    W = torch.nn.Parameter(eye.clone())
    U = torch.nn.Parameter(torch.zeros_like(D))
    opt = torch.optim.Adam([W, U], lr=cfg.lr)
    for _ in range(cfg.epochs):
        q = torch.nn.functional.normalize(X @ W, dim=1)
        p = torch.nn.functional.normalize(D + U, dim=1)
        logp = torch.log_softmax(q @ p.T / cfg.temperature, dim=1)
        loss = -(logp * Yt).sum(1).div(Yt.sum(1)).mean()
        loss = loss + cfg.weight_decay * ((W - eye) ** 2).sum() + cfg.offset_decay * (U ** 2).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    used = Y[keep].sum(0) > 0
    Un = U.detach().numpy()
    offsets = {c: Un[i].copy() for i, c in enumerate(codes) if used[i]}
    log.info("standards adapter: %d problems, %d standards with offsets, final loss %.3f",
             int(keep.sum()), len(offsets), float(loss.detach()))
    return QueryAdapter(W=W.detach().numpy(), offsets=offsets,
                        meta={"n_problems": int(keep.sum()), "config": cfg.__dict__})
