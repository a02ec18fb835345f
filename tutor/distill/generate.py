"""Stage 1, ``tutor distill generate``: problems -> student solutions -> teacher outputs.

Writes to ``config.out_dir``:

* ``samples.jsonl`` — one :class:`~tutor.distill.sources.Sample` per line, with the teacher's
  outputs; appended as it goes, so an interrupted run resumes where it stopped;
* ``train.jsonl`` / ``heldout.jsonl`` — the training examples (:mod:`tutor.distill.formats`),
  split by problem (``heldout_fraction`` of problems, by id hash, for stopping/evaluation);
* ``manifest.json`` — the configuration, counts per source/kind/task, and the VtG fold rule.

Student solutions per GSM8K/bank problem: one correct solution (the reference steps, lightly
paraphrased) and ``samples_per_problem - 1`` erroneous ones with different injected error
kinds (:mod:`tutor.distill.inject`); plus real ones from teacher annotations and the VtG train
fold. Diversity (several samples per problem, paraphrases, several hint wordings) follows
Fine-tune-CoT (Ho et al. 2023) and the teacher-hacking study (Tiapkin et al. 2025).
"""

from __future__ import annotations

import json
import logging
import random
import re
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tutor.distill.formats import hint_examples, step_example
from tutor.distill.generate_config import GenerateConfig
from tutor.distill.inject import inject
from tutor.distill.sources import (Sample, read_annotations, read_bank, read_gsm8k, read_vtg,
                                   stable_fraction)
from tutor.distill.teacher import make_teacher
from tutor.distill.worked import WorkedSolution, fmt_number, parse_gsm8k
from tutor.errors import TutorInputError
from tutor.jsonl import jsonl_lines
from tutor.schema import Problem

log = logging.getLogger(__name__)

# Light, meaning-preserving problem paraphrases (whole words only).
_SYNONYMS = {"altogether": "in total", "in all": "in total", "bought": "purchased",
             "buys": "purchases", "gave": "handed", "gives": "hands", "store": "shop",
             "total": "overall", "earns": "makes", "wants to": "would like to"}
_CONNECTIVES = ("", "", "So ", "Then ", "Next, ", "Now ")
_ANSWER_SENTENCES = ("The answer is {a}.", "So the answer is {a}.", "Answer: {a}", "{a}")


def paraphrase_problem(text: str, rng: random.Random) -> str:
    """Swap a few words for synonyms (numbers and names untouched)."""
    for word, other in _SYNONYMS.items():
        if rng.random() < 0.5:
            text = re.sub(rf"\b{re.escape(word)}\b", other, text)
    return text


def student_steps(sol: WorkedSolution, rng: random.Random, paraphrase: bool) -> list[str]:
    """Render a worked solution as a student's steps, ending with the answer sentence."""
    glyphs = {"*": rng.choice(("*", "x", "×")), "/": rng.choice(("/", "÷"))} if paraphrase else {}
    steps = []
    for text in sol.render_steps(glyphs):
        lead = rng.choice(_CONNECTIVES) if paraphrase else ""
        if lead and text[:1].isupper() and not text.startswith(("So ", "Then ", "Next", "Now ")):
            text = lead + text[0].lower() + text[1:]
        steps.append(text)
    template = rng.choice(_ANSWER_SENTENCES) if paraphrase else _ANSWER_SENTENCES[0]
    steps.append(template.format(a=fmt_number(sol.answer)))
    return steps


def worked_samples(record: dict[str, Any], source: str, config: GenerateConfig,
                   rng: random.Random) -> list[Sample]:
    """Correct and error-injected samples of one GSM8K-style record (``[]`` if unparsable)."""
    try:
        ref = parse_gsm8k(record["answer"])
    except ValueError:
        return []
    answer = fmt_number(ref.answer)
    base = Problem(text=record["question"], reference_solution=ref.render_steps(),
                   final_answer=answer, id=record["id"])
    split = "heldout" if stable_fraction("split:" + record["id"]) < config.heldout_fraction else "train"

    def problem_variant() -> Problem:
        if not config.paraphrase:
            return base
        return Problem(text=paraphrase_problem(base.text, rng), reference_solution=base.reference_solution,
                       final_answer=answer, id=base.id)

    out = [Sample(id=f"{record['id']}-correct", source=source, kind="correct", problem=problem_variant(),
                  steps=student_steps(ref, rng, config.paraphrase), split=split)]
    kinds = list(config.kinds)
    rng.shuffle(kinds)
    for kind in kinds:
        if len(out) >= config.samples_per_problem:
            break
        made = inject(ref, record["question"], kind, rng)
        if made is None:
            continue
        sol, inj = made
        priv = {"found": inj.found, "expected": inj.expected, "expected_value": inj.expected_value,
                "expression": inj.expression, "quantities": inj.quantities}
        out.append(Sample(id=f"{record['id']}-{kind}", source=source, kind=kind, problem=problem_variant(),
                          steps=student_steps(sol, rng, config.paraphrase),
                          first_error_step=inj.first_error_step, error_category=inj.category,
                          error_description=inj.description, privileged=priv, split=split))
    return out


def _draw(records: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    idx = list(range(len(records)))
    rng.shuffle(idx)
    return [records[i] for i in sorted(idx[:n])]


def collect_samples(config: GenerateConfig) -> list[Sample]:
    """All samples before teacher annotation, in a fixed order (deterministic in ``seed``).

    Raises:
        TutorInputError: an input file is unreadable or malformed.
    """
    rng = random.Random(config.seed)
    samples: list[Sample] = []
    if config.gsm8k:
        for rec in _draw(read_gsm8k(config.gsm8k), config.n_problems, config.seed):
            samples += worked_samples(rec, "gsm8k", config, rng)
    if config.bank:
        for rec in read_bank(config.bank):
            samples += worked_samples(rec, "bank", config, rng)
    for path in config.annotations:
        samples += read_annotations(path)
    if config.vtg and Path(config.vtg).exists():
        samples += read_vtg(config.vtg, fold="train", limit=config.max_vtg)
    for s in samples:
        if s.source in ("annotation", "vtg"):
            s.split = "heldout" if stable_fraction("split:" + s.id) < config.heldout_fraction else "train"
    return samples


def _load_done(path: Path) -> dict[str, Sample]:
    done: dict[str, Sample] = {}
    if path.exists():
        for line in jsonl_lines(path.read_text(encoding="utf-8")):
            if line.strip():
                try:
                    s = Sample.from_dict(json.loads(line))
                except (json.JSONDecodeError, TypeError, KeyError):
                    continue  # a line cut by an interruption: redo that sample
                done[s.id] = s
    return done


def run_generate(config: GenerateConfig) -> dict[str, Any]:
    """Build the training set (resumable); return the manifest.

    Raises:
        TutorInputError: no input data at all, or unreadable input files.
        TutorConfigError: unknown teacher spec or a teacher model that cannot be loaded.
    """
    from tqdm import tqdm

    out = Path(config.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    samples = collect_samples(config)
    if not samples:
        raise TutorInputError("no problems found: give --gsm8k, --bank, --annotations or --vtg")
    samples_path = out / "samples.jsonl"
    done = _load_done(samples_path) if config.resume else {}
    teacher = make_teacher(config.teacher)
    with samples_path.open("a" if config.resume else "w", encoding="utf-8") as fh:
        for s in tqdm(samples, desc="teacher", dynamic_ncols=True, mininterval=1.0):
            if s.id in done:
                continue
            # One seeded stream per sample: resuming gives the same wording as a full run.
            teacher.annotate(s, random.Random(f"{config.seed}:{s.id}"))
            done[s.id] = s
            fh.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
            fh.flush()
    annotated = [done[s.id] for s in samples]
    counts: Counter = Counter()
    files = {"train": (out / "train.jsonl").open("w", encoding="utf-8"),
             "heldout": (out / "heldout.jsonl").open("w", encoding="utf-8")}
    try:
        for s in annotated:
            rng = random.Random(f"{config.seed}:examples:{s.id}")
            exs = hint_examples(s)
            rng.shuffle(exs)
            # a rung a teacher corrected is always kept: it is the scarcest, best target
            exs.sort(key=lambda e: not e.get("corrected"))
            exs = sorted(exs[: config.hints_per_sample], key=lambda e: e["level"])
            scoring = step_example(s, with_reference=rng.random() < config.reference_fraction)
            if scoring:
                exs.insert(0, scoring)
            for ex in exs:
                files[s.split].write(json.dumps(ex, ensure_ascii=False) + "\n")
                counts[f"{s.split}/{ex['task']}"] += 1
            counts[f"samples/{s.source}/{s.kind}"] += 1
    finally:
        for fh in files.values():
            fh.close()
    manifest = {
        "config": asdict(config), "teacher": teacher.name, "counts": dict(sorted(counts.items())),
        "vtg_fold_rule": "a record is 'train' when any record of its problem has "
                         "sha256('vtg-fold:'+id)[:8]/2**32 < 0.5, else 'eval' (tutor.distill.sources."
                         "vtg_folds); generate uses the train fold only, eval the eval fold",
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest
