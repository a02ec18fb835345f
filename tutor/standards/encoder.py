"""Fine-tuning the sentence encoder itself on tagged problems (LoRA), for standards retrieval.

The frozen-encoder adapter (:mod:`tutor.standards.adapter`) can only move embeddings
linearly; this module trains low-rank updates (LoRA: Hu et al., "LoRA: Low-Rank Adaptation of
Large Language Models", ICLR 2022) of every linear layer of the sentence encoder, so that a
problem's windows and the text views of the standards it is tagged with embed close together.

Loss: a batch of problems; each problem's query is the mean of the embeddings of a few of its
windows (:func:`tutor.standards.index.query_windows`), each candidate is the mean embedding of
up to four text views of one labelled standard per problem (plus, optionally, a standard of the
same domain the problem is not tagged with, as a hard negative). Softmax over the batch's
candidates with every labelled candidate counted as positive: the in-batch-negatives loss of
"MultipleNegativesRankingLoss" (Henderson et al. 2017, sentence-transformers) in the
multi-positive form of Khosla et al. (NeurIPS 2020).

Measured on MathFish dev with 5-fold CV (``docs/benchmarks.md`` § Standards).
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tutor.errors import TutorConfigError, TutorInputError

log = logging.getLogger(__name__)

#: The encoder's linear layers LoRA updates (BERT names: attention and feed-forward).
LORA_TARGETS = ("query", "key", "value", "dense")


@dataclass
class EncoderConfig:
    """Training settings of :func:`fit_encoder`.

    Attributes:
        rank: LoRA rank (0: update every weight, full fine-tuning).
        epochs: passes over the training problems.
        batch: problems per step (the in-batch negatives).
        lr: AdamW learning rate (linear warm-up over 10 % of the steps, then linear decay).
        train_windows: windows sampled per problem and step (the query is their mean).
        hard_negatives: same-domain unlabelled standards added per problem.
        temperature: softmax temperature on cosines.
        max_tokens: word pieces per window / view while training.
        seed: seed of the sampling and of torch.
    """

    rank: int = 8
    epochs: int = 4
    batch: int = 16
    lr: float = 1e-3
    train_windows: int = 2
    hard_negatives: int = 1
    temperature: float = 0.05
    max_tokens: int = 128
    seed: int = 0


def add_lora(model: Any, rank: int, dropout: float = 0.1) -> None:
    """Add LoRA layers (alpha = 2·rank) to a ``SentenceTransformer``'s transformer and freeze
    everything else; ``rank`` 0 leaves every weight trainable.

    peft's low-level ``inject_adapter_in_model`` is used because the installed transformers
    refuses ``model.add_adapter`` with peft < 0.22.
    """
    if rank <= 0:
        return
    from peft import LoraConfig, inject_adapter_in_model

    inject_adapter_in_model(LoraConfig(r=rank, lora_alpha=2 * rank, lora_dropout=dropout,
                                       target_modules=list(LORA_TARGETS)), model[0].auto_model)
    for name, p in model.named_parameters():
        p.requires_grad = "lora_" in name


def default_encoder_path(catalog: str) -> Path:
    """The shipped encoder fine-tuning for a catalogue (``models/standards/encoder-<catalog>.npz``;
    the index runs on the plain encoder when the file is absent)."""
    from tutor.standards.adapter import ADAPTER_DIR

    return ADAPTER_DIR / f"encoder-{catalog}.npz"


def save_lora(model: Any, path: str | Path, meta: dict | None = None) -> str:
    """Write the trained LoRA matrices of ``model`` (a ``SentenceTransformer`` after
    :func:`fit_encoder`, not merged) to a compressed ``.npz``, float16.

    Returns:
        The file's id (first 12 hex digits of its SHA-256), which an adapter fitted on this
        encoder records so the two are never mixed up.

    Raises:
        TutorInputError: the model has no LoRA layers.
    """
    import numpy as np

    arrays = {n: p.detach().float().cpu().numpy().astype(np.float16)
              for n, p in model[0].auto_model.named_parameters() if "lora_" in n}
    if not arrays:
        raise TutorInputError("the encoder has no LoRA layers to save (rank 0 or not trained)")
    rank = int(next(a for n, a in arrays.items() if "lora_A" in n).shape[0])
    info = {"format": 1, "rank": rank, "alpha": 2 * rank, "targets": list(LORA_TARGETS), **(meta or {})}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, __meta__=np.array(json.dumps(info)), **arrays)
    return lora_id(path)


def lora_id(path: str | Path) -> str:
    """First 12 hex digits of the SHA-256 of a LoRA file."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def load_lora(model: Any, path: str | Path) -> dict:
    """Add the LoRA saved by :func:`save_lora` to ``model`` (a float32
    ``SentenceTransformer``) and merge it into the weights.

    Returns:
        The file's metadata (rank, training data, …).

    Raises:
        TutorConfigError: unreadable file, or its matrices do not fit this model.
    """
    import numpy as np
    import torch

    try:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["__meta__"]))
            arrays = {k: z[k].astype(np.float32) for k in z.files if k != "__meta__"}
    except (OSError, KeyError, ValueError) as exc:
        raise TutorConfigError(f"cannot read the encoder LoRA file {path}: {exc}") from exc
    add_lora(model, int(meta["rank"]), dropout=0.0)
    params = dict(model[0].auto_model.named_parameters())
    expected = {n for n in params if "lora_" in n}
    if expected != set(arrays) or any(tuple(params[n].shape) != arrays[n].shape for n in arrays):
        raise TutorConfigError(f"the encoder LoRA file {path} does not fit this embedding model")
    with torch.no_grad():
        for n, a in arrays.items():
            params[n].copy_(torch.from_numpy(a))
    merge_lora(model)
    for p in model.parameters():
        p.requires_grad = False
    model.eval()
    return meta


def merge_lora(model: Any) -> None:
    """Fold trained LoRA updates into the base weights (inference costs what the base model
    costs)."""
    for mod in model[0].auto_model.modules():
        if hasattr(mod, "lora_A") and hasattr(mod, "merge"):
            mod.merge()


def fit_encoder(model: Any, windows: list[list[str]], labels: list[list[str]],
                views: dict[str, list[str]], domains: dict[str, str],
                config: EncoderConfig | None = None) -> Any:
    """Fine-tune ``model`` (a ``SentenceTransformer``, changed in place) on tagged problems.

    Args:
        model: the sentence encoder; LoRA layers are added when ``config.rank`` > 0.
        windows: per problem, its window texts (≥ 1).
        labels: per problem, the standard codes it addresses (codes without views ignored;
            problems left without a label are skipped).
        views: standard code → its text views (catalogue order: hard negatives are drawn
            from it).
        domains: standard code → domain code (for hard negatives).
        config: training settings.

    Returns:
        ``model``, in eval mode.

    Raises:
        TutorInputError: no problem has a label with views, or lengths differ.
    """
    import torch

    from tutor.eval.common import progress

    cfg = config or EncoderConfig()
    if len(windows) != len(labels):
        raise TutorInputError("windows and labels must have one entry per problem")
    rng = random.Random(cfg.seed)
    torch.manual_seed(cfg.seed)
    gold = [sorted(c for c in ls if views.get(c)) for ls in labels]
    items = [i for i, g in enumerate(gold) if g and windows[i]]
    if not items:
        raise TutorInputError("none of the training problems has a standard with text views")
    by_domain: dict[str, list[str]] = {}
    for code in views:  # catalogue order
        by_domain.setdefault(domains.get(code, ""), []).append(code)
    add_lora(model, cfg.rank)
    model.max_seq_length = cfg.max_tokens
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=0.01)
    per_epoch = -(-len(items) // cfg.batch)
    total = cfg.epochs * per_epoch
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, 1.0 - s / total))
    model.train()
    for _ in progress(range(cfg.epochs), "fine-tuning encoder (epochs)"):
        rng.shuffle(items)
        for b in range(0, len(items), cfg.batch):
            loss = _batch_loss(model, items[b:b + cfg.batch], windows, gold, views, by_domain,
                               domains, cfg, rng)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    model.eval()
    return model


def _batch_loss(model: Any, batch: list[int], windows: list[list[str]], gold: list[list[str]],
                views: dict[str, list[str]], by_domain: dict[str, list[str]],
                domains: dict[str, str], cfg: EncoderConfig, rng: random.Random) -> Any:
    """Multi-positive in-batch softmax loss of one batch (see the module docstring)."""
    import torch

    q_txt, q_own = [], []
    for j, i in enumerate(batch):
        pick = rng.sample(windows[i], min(cfg.train_windows, len(windows[i])))
        q_txt += pick
        q_own += [j] * len(pick)
    cands: list[str] = []
    for i in batch:
        g = rng.choice(gold[i])
        cands.append(g)
        for _ in range(cfg.hard_negatives):
            pool = [c for c in by_domain.get(domains.get(g, ""), [])
                    if c not in gold[i] and c not in cands]
            if pool:
                cands.append(rng.choice(pool))
    c_txt, c_own = [], []
    for j, c in enumerate(cands):
        vs = rng.sample(views[c], min(4, len(views[c])))
        c_txt += vs
        c_own += [j] * len(vs)
    # bf16 autocast: ~2x faster than fp32 on CPUs with native bf16, no loss in the CV numbers.
    with torch.autocast("cpu", dtype=torch.bfloat16):
        eq = model(model.preprocess(q_txt))["sentence_embedding"].float()
        ec = model(model.preprocess(c_txt))["sentence_embedding"].float()
    q = torch.nn.functional.normalize(_pool_rows(eq, q_own, len(batch)), dim=1)
    p = torch.nn.functional.normalize(_pool_rows(ec, c_own, len(cands)), dim=1)
    Y = torch.tensor([[float(c in gold[i]) for c in cands] for i in batch])
    logp = torch.log_softmax(q @ p.T / cfg.temperature, dim=1)
    return -(logp * Y).sum(1).div(Y.sum(1)).mean()


def _pool_rows(x: Any, owner: list[int], n: int) -> Any:
    """Sum of the rows of ``x`` (m, d) per owner index → (n, d)."""
    import torch

    A = torch.zeros(n, x.shape[0])
    A[owner, list(range(x.shape[0]))] = 1.0
    return A @ x


def finetuned_embeddings(base: Any, windows: list[list[str]], labels: list[list[str]],
                         views: dict[str, list[str]], domains: dict[str, str],
                         config: EncoderConfig | None = None) -> Any:
    """A copy of ``base`` (a :class:`tutor.standards.store.SentenceEmbeddings`) whose model
    is the same encoder fine-tuned by :func:`fit_encoder` (trained in float32 from the base
    model's folder, LoRA merged, then cast to the base model's dtype). Arguments as in
    :func:`fit_encoder`.

    The copy's ``model_path`` gets a ``+finetuned`` suffix so a view cache keyed on it never
    serves the base model's vectors; build indexes on it with ``cache_dir=None`` (the
    training data is not part of the key).
    """
    import copy

    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(base.model_path), device="cpu")
    fit_encoder(model, windows, labels, views, domains, config)
    merge_lora(model)
    model.to(next(base.model.parameters()).dtype)
    out = copy.copy(base)
    out.model = model
    out.model_path = f"{base.model_path}+finetuned"
    return out
