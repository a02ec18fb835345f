"""``tutor eval standards``: recall of standards retrieval on MathFish-format problems, and
``tutor eval standards-fit``: fit the standards adapter on a tagged split.

Data: JSONL with ``id``, ``text``, ``standard_ids`` (or ``standards``, as in the problem bank).
A sub-standard label counts for its
parent standard; recall@k is the share of problems with at least one labelled standard among
the top k (the MathFish convention the issue's baseline uses); MRR uses the first hit's rank
(0 when none in the top 10). ``--grade labels|field`` ranks with the grade prior, the grade
taken from the labels or a ``grade`` field (as when the teacher gives the class grade).
``ms_per_query`` is the median wall time of one query (embedding
+ ranking) after one warm-up query, over the first ``--timing-sample`` problems.

``--cv K`` reports K-fold cross-validated numbers for the adapter: for each fold an adapter is
fitted on the other folds only (the shipped adapter is not used), so no problem is scored by
an adapter that saw it (neither the shipped adapter nor the shipped encoder fine-tuning is used:
both were fitted on dev). With ``--finetune-encoder`` each fold also fine-tunes the sentence
encoder (LoRA, :mod:`tutor.standards.encoder`) on the other folds, re-embeds the catalogue's
views and every problem with it, and fits that fold's adapter on the fine-tuned embeddings.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import time
from pathlib import Path
from typing import Any

from tutor.eval.common import progress, read_records, write_report

log = logging.getLogger(__name__)

KS = (1, 5, 10)
#: Where ``--grade`` takes each problem's grade from.
GRADE_SOURCES = ("none", "field", "labels")


def register(subparsers: Any) -> None:
    """Add ``standards`` and ``standards-fit`` to the ``tutor eval`` group."""
    p = subparsers.add_parser("standards", help="recall@k of standards retrieval (MathFish format)")
    _common_args(p)
    p.add_argument("--limit", type=int, default=None, help="first N problems only")
    p.add_argument("--cv", type=int, default=0, metavar="K",
                   help="K-fold cross-validation of the adapter (fitted per fold on the rest)")
    p.add_argument("--adapter", default="default",
                   help="'default' (shipped), 'none', or an adapter .npz file")
    p.add_argument("--timing-sample", type=int, default=100, metavar="N",
                   help="time the first N queries one by one, batch-embed the rest (default 100; "
                        "0: no timing, ms_per_query is null)")
    p.add_argument("--encoder", default="default",
                   help="'default' (the shipped encoder fine-tuning, if any), 'none', or a LoRA "
                        ".npz file; --cv always starts from the plain encoder")
    p.add_argument("--finetune-encoder", action="store_true",
                   help="with --cv: per fold, fine-tune the encoder (LoRA) on the other folds too "
                        "(slow: ~20 min CPU per fold on MathFish dev)")
    p.add_argument("--encoder-epochs", type=int, default=None, metavar="N",
                   help="epochs of that fine-tuning (default: EncoderConfig's)")
    p.add_argument("--only-folds", default=None, metavar="F,G",
                   help="with --cv: score only these folds (0-based), e.g. to run folds in "
                        "parallel processes; combine the reports with standards-merge")
    p.add_argument("--grade", choices=GRADE_SOURCES, default="none",
                   help="grade prior: 'none' (default: the grade is unknown), 'field' (each "
                        "record's 'grade' field), 'labels' (the grade most of the record's "
                        "labelled standards belong to: as when the teacher or the problem bank "
                        "gives the grade)")
    p.add_argument("--with-solution", action="store_true",
                   help="query with the problem text and its 'reference_solution' lines, as the app "
                        "does when a worked solution is at hand (tutor.standards.index.problem_query; "
                        "without it the query is the text and the math it writes, in words)")
    p.add_argument("--out", help="JSON report path")
    p.set_defaults(func=run)

    m = subparsers.add_parser("standards-merge",
                              help="combine reports of disjoint --only-folds runs (n-weighted)")
    m.add_argument("--reports", nargs="+", required=True, help="report JSON files")
    m.add_argument("--out", required=True, help="combined report path")
    m.set_defaults(func=run_merge)

    f = subparsers.add_parser("standards-fit", help="fit the standards adapter on tagged problems")
    _common_args(f)
    f.add_argument("--out", required=True, help="adapter file to write (.npz)")
    f.add_argument("--encoder", default="default",
                   help="encoder the adapter is fitted on: 'default' (the shipped fine-tuning of "
                        "this catalogue, if any), 'none' (plain encoder) or a LoRA .npz file")
    f.add_argument("--finetune-encoder", metavar="LORA.npz", default=None,
                   help="first fine-tune the encoder (LoRA) on these problems, write it here and "
                        "fit the adapter on it (~25 min CPU on MathFish dev)")
    f.add_argument("--encoder-epochs", type=int, default=None, metavar="N",
                   help="epochs of that fine-tuning (default: EncoderConfig's)")
    f.set_defaults(func=run_fit)


def _common_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", required=True, help="MathFish-format JSONL (id, text, standard_ids)")
    p.add_argument("--catalog", choices=("builtin", "atc"), default="builtin")
    p.add_argument("--atc-path", default="", help="Achieve the Core standards.jsonl (catalog atc)")


def _index(args: argparse.Namespace, adapter_path: Any, encoder_path: Any = "default"):
    from tutor.config import load_settings
    from tutor.standards.index import StandardsIndex

    kw = {"catalog": args.catalog}
    if args.atc_path:
        kw["atc_path"] = args.atc_path
    settings = load_settings(**kw)
    return StandardsIndex.from_settings(settings, adapter_path=adapter_path, encoder_path=encoder_path)


def gold_standards(index: Any, labels: list[str]) -> set[str]:
    """Labelled codes folded to standards (sub-standard → its standard)."""
    return {index.catalog.standard_of(c) for c in labels}


def problem_grade(index: Any, record: dict, source: str) -> str | None:
    """The grade to rank ``record`` with, per ``source`` (:data:`GRADE_SOURCES`): ``None``
    for ``"none"``, the record's ``grade`` field for ``"field"`` (``None`` when absent or not a
    catalogue grade), and for ``"labels"`` the grade most of its labelled standards belong to
    (ties: the lowest grade; ``None`` when no label is in the catalogue)."""
    from collections import Counter

    from tutor.errors import TutorInputError
    from tutor.schema import GRADES, parse_grade

    if source == "field":
        try:
            return parse_grade(record.get("grade"))
        except TutorInputError:
            return None
    if source == "labels":
        counts = Counter(index.catalog[c].grade for c in gold_standards(index, record["standard_ids"])
                         if c in index.catalog)
        if counts:
            top = max(counts.values())
            return min((g for g, n in counts.items() if n == top), key=GRADES.index)
    return None


def score_ranking(ranked: list[str], gold: set[str]) -> dict[str, float]:
    """Per-problem hits at each k in :data:`KS` and reciprocal rank (0 beyond rank 10)."""
    out = {f"hit@{k}": float(bool(set(ranked[:k]) & gold)) for k in KS}
    first = next((i for i, c in enumerate(ranked[:10]) if c in gold), None)
    out["rr"] = 0.0 if first is None else 1.0 / (first + 1)
    return out


def embed_queries(index: Any, texts: list[str], batch: int = 32) -> list["np.ndarray"]:
    """Window embeddings of each text (as ``index.embed_windows``), each shape (w, d),
    embedded in batches with a progress bar."""
    import numpy as np

    from tutor.standards.index import query_windows

    wins = [query_windows(t) for t in texts]
    flat = [w for ws in wins for w in ws]
    emb = index.embeddings
    parts = [emb.encode(flat[i:i + batch], emb.query_max_tokens)
             for i in progress(range(0, len(flat), batch), "embedding problems")]
    vecs = np.concatenate(parts) if parts else np.zeros((0, index.prototypes.shape[1]), np.float32)
    ends = np.cumsum([len(ws) for ws in wins])
    return [vecs[e - len(ws):e] for e, ws in zip(ends, wins)]


def pooled_queries(vecs: list["np.ndarray"]) -> "np.ndarray":
    """The adapter's input per problem: mean window embedding, shape (n, d)."""
    import numpy as np

    from tutor.standards.index import pooled

    return np.stack([pooled(v)[1] for v in vecs])


def cv_folds(n: int, k: int, seed: int = 0) -> "np.ndarray":
    """Fold of each of ``n`` problems for K-fold CV, shape (n,), values 0 … k-1 (all 0 when
    ``k`` is 0): a seeded permutation dealt round-robin, so fold sizes differ by at most 1.
    Every CV experiment on the standards uses these folds (seed 0) so numbers compare."""
    import numpy as np

    folds = np.zeros(n, dtype=int)
    if k:
        perm = np.random.default_rng(seed).permutation(n)
        folds[perm] = np.arange(n) % k
    return folds


def encoder_targets(cat: Any) -> tuple[dict[str, list[str]], dict[str, str]]:
    """What :func:`tutor.standards.encoder.fit_encoder` trains towards: each standard's
    text views, and its domain (for hard negatives)."""
    from tutor.standards.index import view_texts

    return ({s.code: [t for _, t in view_texts(cat, s)] for s in cat.standards()},
            {s.code: s.domain for s in cat.standards()})


def encoder_config(args: argparse.Namespace) -> Any:
    """``EncoderConfig()`` with ``--encoder-epochs`` applied."""
    from tutor.standards.encoder import EncoderConfig

    config = EncoderConfig()
    if args.encoder_epochs is not None:
        config.epochs = args.encoder_epochs
    return config


def _file_or_none(value: str) -> str | None:
    """``"none"`` -> ``None``; anything else (``"default"`` or a path) unchanged."""
    return None if value == "none" else value


def finetuned_fold(index: Any, records: list[dict], golds: list[set[str]], train: "np.ndarray",
                   config: Any) -> tuple[Any, list["np.ndarray"]]:
    """An index whose encoder is fine-tuned on the ``train`` problems only, and every
    problem's window embeddings under it.

    Args:
        index: the base ``StandardsIndex`` (its catalogue and embeddings are reused).
        records: MathFish-format dicts; golds: their labelled standards.
        train: indices of the training problems.
        config: a ``tutor.standards.encoder.EncoderConfig``.

    Returns:
        ``(fold index without adapter, [window embeddings (w, d) per record])``.
    """
    from tutor.standards.encoder import finetuned_embeddings
    from tutor.standards.index import StandardsIndex, query_windows

    cat = index.catalog
    views, domains = encoder_targets(cat)
    emb = finetuned_embeddings(index.embeddings, [query_windows(records[i]["text"]) for i in train],
                               [sorted(golds[i]) for i in train], views, domains, config)
    fold_index = StandardsIndex.build(cat, emb, cache_dir=None)
    return fold_index, embed_queries(fold_index, [r["text"] for r in records])


def evaluate(index: Any, records: list[dict], cv: int = 0, seed: int = 0,
             timing_sample: int | None = None, encoder: Any = None,
             only_folds: list[int] | None = None, grade: str = "none") -> dict[str, Any]:
    """Recall@1/5/10, MRR, n and median ms per query over ``records``.

    Args:
        index: a ``StandardsIndex``.
        records: MathFish-format dicts.
        cv: 0 to use the index as is; K ≥ 2 to fit an adapter per fold (K-fold CV).
        seed: fold assignment seed.
        timing_sample: embed only the first N problems one at a time (timed) and the rest in
            batches; ``None`` times every problem.
        encoder: with ``cv``, a ``tutor.standards.encoder.EncoderConfig``: fine-tune the
            encoder per fold (:func:`finetuned_fold`, seed = config seed + fold); timing is
            of the base encoder (a merged LoRA costs the same per query).
        only_folds: with ``cv``, score only these folds (the metrics and ``n`` then cover
            their problems; :func:`merge_reports` combines the reports of disjoint runs).
        grade: where each problem's grade comes from (:func:`problem_grade`); the grade
            prior of ``StandardsIndex.scores`` applies when one is found.

    Raises:
        TutorInputError: a record without ``text`` or ``standard_ids``, or ``cv`` == 1.
    """
    import numpy as np

    from tutor.errors import TutorInputError
    from tutor.standards.adapter import fit_adapter

    for r in records:
        if not r.get("text") or not isinstance(r.get("standard_ids"), list):
            raise TutorInputError(f"record {r.get('id')!r} needs 'text' and 'standard_ids'")
    if cv == 1:
        raise TutorInputError("--cv needs at least 2 folds")
    if only_folds and (not cv or any(not 0 <= f < cv for f in only_folds)):
        raise TutorInputError(f"--only-folds must name folds 0 … {max(cv, 1) - 1} of --cv")
    golds = [gold_standards(index, r["standard_ids"]) for r in records]
    grades = [problem_grade(index, r, grade) for r in records]
    index.rank(records[0]["text"])  # warm-up
    # The first `timed` problems are embedded one at a time, as the tutor does, and timed;
    # the rest in batches (same vectors up to float rounding, much less CPU).
    timed = len(records) if timing_sample is None else min(timing_sample, len(records))
    vecs, embed_s = [], []
    # as the tutor does: all windows for the adapter, the opening alone without one
    embed_one = index.embed_windows if cv or index.adapter is not None else index.embed_query
    for r in progress(records[:timed], "embedding problems (timed)"):
        t0 = time.perf_counter()
        vecs.append(embed_one(r["text"]))
        embed_s.append(time.perf_counter() - t0)
    if timed < len(records):
        vecs += embed_queries(index, [r["text"] for r in records[timed:]])
    means = pooled_queries(vecs)
    folds = cv_folds(len(records), cv, seed)
    shipped = index.adapter
    rows, rank_s = [None] * len(records), [0.0] * len(records)
    try:
        for f in (sorted(set(only_folds)) if only_folds else range(max(cv, 1))):
            test = np.flatnonzero(folds == f)
            fold_index, fold_vecs, fold_means = index, vecs, means
            if cv:
                train = np.flatnonzero(folds != f)
                if encoder is not None:
                    fold_index, fold_vecs = finetuned_fold(
                        index, records, golds, train, dataclasses.replace(encoder, seed=encoder.seed + f))
                    fold_means = pooled_queries(fold_vecs)
                fold_index.set_adapter(fit_adapter(fold_means[train], [sorted(golds[i]) for i in train],
                                                   fold_index.codes, fold_index.prototypes))
            for i in progress(test, f"ranking fold {f + 1}/{max(cv, 1)}"):
                t0 = time.perf_counter()
                ranked = [m["code"] for m in fold_index.rank(records[i]["text"], grade=grades[i],
                                                             query_vector=fold_vecs[i], k=10)]
                rank_s[i] = time.perf_counter() - t0
                rows[i] = score_ranking(ranked, golds[i])
    finally:
        index.set_adapter(shipped)
    scored = [r for r in rows if r is not None]
    n = len(scored)
    report = {f"recall_at_{k}": round(sum(r[f"hit@{k}"] for r in scored) / n, 4) for k in KS}
    report["mrr"] = round(sum(r["rr"] for r in scored) / n, 4)
    report["n"] = n
    report["grade_source"] = grade
    report["with_grade"] = sum(g is not None for g in grades)
    if only_folds:
        report["folds_scored"] = sorted(set(only_folds))
    per_query = np.array(embed_s) + np.array(rank_s[:timed])
    report["ms_per_query"] = round(1000 * float(np.median(per_query)), 2) if timed else None
    report["timed_queries"] = timed
    return report


def run(args: argparse.Namespace) -> int:
    """Run the benchmark and write the report (see the module docstring)."""
    adapter = _file_or_none(args.adapter)
    encoder_path = _file_or_none(args.encoder)
    if args.cv:  # the shipped adapter and encoder fine-tuning saw every dev problem
        adapter = encoder_path = None
    t0 = time.perf_counter()
    index = _index(args, adapter, encoder_path)
    build_s = time.perf_counter() - t0
    from tutor.standards.index import problem_query

    records = read_records(args.data, args.limit)
    for r in records:  # the problem bank's format (data/problems/bank.jsonl) calls them "standards"
        if "standard_ids" not in r and isinstance(r.get("standards"), list):
            r["standard_ids"] = r["standards"]
        # the query the app builds: the text, the math it writes in words and, with
        # --with-solution, the worked solution
        ref = (r.get("reference_solution") or []) if args.with_solution else []
        if isinstance(r.get("text"), str) and r["text"].strip():
            r["text"] = problem_query(r["text"], [ref] if isinstance(ref, str) else ref)
    encoder = None
    if args.finetune_encoder:
        from tutor.errors import TutorInputError

        if not args.cv:
            raise TutorInputError("--finetune-encoder needs --cv K (the encoder is fitted per fold)")
        encoder = encoder_config(args)
    only = [int(f) for f in args.only_folds.split(",")] if args.only_folds else None
    report = evaluate(index, records, cv=args.cv, timing_sample=args.timing_sample, encoder=encoder,
                      only_folds=only, grade=args.grade)
    report.update({"catalog": args.catalog, "data": str(args.data), "cv_folds": args.cv,
                   "with_solution": args.with_solution,
                   "adapter": "per-fold (cv)" if args.cv else "loaded" if index.adapter else "none",
                   "encoder": (dataclasses.asdict(encoder) if encoder
                               else index.embeddings.lora_id or "base"),
                   "index_load_s": round(build_s, 2)})
    report = write_report(args.out, report)
    print({k: report[k] for k in ("recall_at_1", "recall_at_5", "recall_at_10", "mrr", "n",
                                  "ms_per_query")})
    return 0


def merge_reports(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One report from reports of disjoint sets of problems: recall@k and MRR weighted by
    ``n``, ``n`` summed, the folds listed.

    Raises:
        TutorInputError: no report, a report without ``n``, or a fold scored twice.
    """
    from tutor.errors import TutorInputError

    if not reports or any(not r.get("n") for r in reports):
        raise TutorInputError("standards-merge needs reports with a positive 'n'")
    folds = [f for r in reports for f in r.get("folds_scored", [])]
    if len(folds) != len(set(folds)):
        raise TutorInputError(f"a fold is scored in more than one report: {sorted(folds)}")
    n = sum(r["n"] for r in reports)
    keys = [f"recall_at_{k}" for k in KS] + ["mrr"]
    out = {k: round(sum(r[k] * r["n"] for r in reports) / n, 4) for k in keys}
    out.update({"n": n, "folds_scored": sorted(folds),
                "merged_from": [r.get("encoder") for r in reports]})
    sources = {r.get("grade_source", "none") for r in reports}
    if len(sources) > 1:
        raise TutorInputError(f"the reports use different --grade sources: {sorted(sources)}")
    out["grade_source"] = sources.pop()
    return out


def run_merge(args: argparse.Namespace) -> int:
    """``tutor eval standards-merge``: combine reports (see :func:`merge_reports`)."""
    reports = [json.loads(Path(p).read_text(encoding="utf-8")) for p in args.reports]
    report = write_report(args.out, merge_reports(reports))
    print({k: report[k] for k in ("recall_at_1", "recall_at_5", "recall_at_10", "mrr", "n")})
    return 0


def run_fit(args: argparse.Namespace) -> int:
    """Fit the adapter on every problem of ``--data`` and save it to ``--out``; with
    ``--finetune-encoder``, fine-tune the encoder on them first and save that too."""
    from tutor.standards.adapter import fit_adapter

    encoder = _file_or_none(args.encoder)
    if args.finetune_encoder:
        encoder = _fit_encoder_file(args)
    index = _index(args, None, encoder)
    records = read_records(args.data)
    vecs = embed_queries(index, [r["text"] for r in records])
    labels = [sorted(gold_standards(index, r.get("standard_ids", []))) for r in records]
    adapter = fit_adapter(pooled_queries(vecs), labels, index.codes, index.prototypes)
    adapter.meta.update({"data": str(args.data), "catalog": args.catalog,
                         "encoder": index.embeddings.lora_id,
                         "date": time.strftime("%Y-%m-%d", time.gmtime())})
    adapter.save(args.out)
    print(f"adapter written to {args.out}: {adapter.meta['n_problems']} problems, "
          f"{len(adapter.offsets)} standards with offsets, encoder "
          f"{index.embeddings.lora_id or 'plain'}")
    return 0


def _fit_encoder_file(args: argparse.Namespace) -> str:
    """Fine-tune the plain encoder on ``--data`` (LoRA, ``EncoderConfig`` defaults) and write
    it to ``--finetune-encoder``; returns that path."""
    from sentence_transformers import SentenceTransformer

    from tutor.standards.encoder import fit_encoder, save_lora
    from tutor.standards.index import query_windows

    base = _index(args, None, None)
    records = read_records(args.data)
    views, domains = encoder_targets(base.catalog)
    config = encoder_config(args)
    model = SentenceTransformer(base.embeddings.model_path, device="cpu")
    fit_encoder(model, [query_windows(r["text"]) for r in records],
                [sorted(gold_standards(base, r.get("standard_ids", []))) for r in records],
                views, domains, config)
    file_id = save_lora(model, args.finetune_encoder, {
        "data": str(args.data), "catalog": args.catalog, "config": dataclasses.asdict(config),
        "date": time.strftime("%Y-%m-%d", time.gmtime())})
    print(f"encoder fine-tuning written to {args.finetune_encoder} (id {file_id})")
    return args.finetune_encoder
