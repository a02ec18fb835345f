"""``tutor bench review``: time from submit to verdict and to the first hint, and memory;
``tutor bench verify``: the verifier's time per solution of a given length, model included.

Submissions are made from the problem bank: each problem's reference solution as the student's
(correct) and the same with a calculation slip in one step (the result of its first ``=`` is
changed), so the benchmark needs no outside data. Medians are over all submissions.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import time

from tutor.config import SHARED_DATA


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``tutor bench review``."""
    p = sub.add_parser("review", help="submit→verdict and submit→first hint times, memory")
    p.add_argument("--n", type=int, default=24, help="number of submissions (≥ 20 recommended)")
    p.add_argument("--no-model", action="store_true", help="without the student model")
    p.add_argument("--quantization", choices=("none", "nf4", "int8"))
    p.add_argument("--out", required=True, help="JSON report path")
    p.set_defaults(func=run)
    v = sub.add_parser("verify", help="verifier seconds per solution of N steps (VtG), model included")
    v.add_argument("--data", default=str(SHARED_DATA / "vtg" / "dev.json"), help="VtG .json file (default ../shared/data/vtg/dev.json)")
    v.add_argument("--steps", type=int, default=6, help="only solutions with this many steps")
    v.add_argument("--n", type=int, default=12, help="number of solutions timed (after one warm-up)")
    v.add_argument("--no-reference", action="store_true", help="hide the reference solutions")
    v.add_argument("--no-model", action="store_true", help="symbolic verifier only")
    v.add_argument("--out", required=True, help="JSON report path")
    v.set_defaults(func=run_verify)


def with_slip(steps: list[str]) -> tuple[list[str], int] | None:
    """Copy of ``steps`` where the first step with ``= <number>`` states number + 1.

    Returns ``(steps, 1-based step number changed)`` or ``None`` if no step has a result.
    """
    for i, s in enumerate(steps):
        m = re.search(r"=\s*\$?(\d+)(?![\d.,/])", s)
        if m:
            wrong = str(int(m.group(1)) + 1)
            return steps[:i] + [s[:m.start(1)] + wrong + s[m.end(1):]] + steps[i + 1:], i + 1
    return None


def run(args: argparse.Namespace) -> int:
    """Run the benchmark and write the report."""
    import json

    from tutor.bank import load_bank
    from tutor.config import load_settings
    from tutor.eval.common import progress, write_report
    from tutor.schema import Problem, Submission
    from tutor.service import Tutor

    t = time.perf_counter()
    settings = load_settings(args.config, quantization=args.quantization,
                             use_model=False if args.no_model else None)
    tutor = Tutor.from_settings(settings, load_store=False)
    load_s = time.perf_counter() - t
    subs = []
    for prob in load_bank():
        steps = list(prob.reference_solution or [])
        slip = with_slip(steps)
        subs.append(Submission(problem=prob, solution_text="\n".join(steps)))
        if slip:
            subs.append(Submission(problem=prob, solution_text="\n".join(slip[0])))
    subs = subs[: args.n]
    # Warm-up (first call pays lazy imports and caches), not counted.
    list(tutor.hint(subs[0].problem, tutor.check(subs[0]), 1))
    verdict_s, first_token_s, first_hint_s = [], [], []
    for sub in progress(subs, "bench review"):
        sub = Submission(problem=Problem(**sub.problem.__dict__), solution_text=sub.solution_text)
        t0 = time.perf_counter()
        fb = tutor.check(sub)
        verdict_s.append(time.perf_counter() - t0)
        first = None
        for _ in tutor.hint(sub.problem, fb, 1):
            if first is None:
                first = time.perf_counter() - t0
        first_token_s.append(first or 0.0)
        first_hint_s.append(time.perf_counter() - t0)
    med = statistics.median
    report = {
        "n": len(subs),
        "model": settings.model if settings.use_model else None,
        "quantization": settings.quantization,
        "load_seconds": round(load_s, 2),
        "median_seconds_to_verdict": round(med(verdict_s), 3),
        "median_seconds_to_first_hint_token": round(med(first_token_s), 3),
        "median_seconds_to_first_hint": round(med(first_hint_s), 3),
        "p90_seconds_to_first_hint": round(sorted(first_hint_s)[int(0.9 * (len(subs) - 1))], 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    write_report(args.out, report)
    print(json.dumps(report, indent=2))
    return 0


def run_verify(args: argparse.Namespace) -> int:
    """Time ``Verifier.verify`` on the first ``--n`` VtG solutions with ``--steps`` steps.

    The solutions are the harness's (``tutor eval verify``): each record's wrong solution and
    its correct counterpart, in file order. The model is the app's student model (with its
    default adapter), so the combiners that read its step score are used when they match it.
    Report: median / p90 / max seconds, whether the model was used, torch threads.
    """
    import json

    import torch

    from tutor.config import load_settings
    from tutor.errors import TutorInputError
    from tutor.eval.common import read_records, write_report
    from tutor.eval.verify import vtg_solutions
    from tutor.verify import Verifier

    with_ref = not args.no_reference
    sols = [(p, s) for p, s, *_ in vtg_solutions(read_records(args.data), reference=with_ref)
            if len(s) == args.steps][: args.n + 1]
    if len(sols) < 2:
        raise TutorInputError(f"fewer than 2 solutions with {args.steps} steps in {args.data}")
    model = None
    if not args.no_model:
        from tutor.llm import load_student_model

        model = load_student_model(load_settings(args.config))
    verifier = Verifier(model)
    verifier.verify(*sols[0])  # warm-up
    secs = []
    for problem, steps in sols[1:]:
        t = time.perf_counter()
        verifier.verify(problem, steps)
        secs.append(time.perf_counter() - t)
    secs.sort()
    report = {"data": str(args.data), "steps": args.steps, "n": len(secs), "reference": with_ref,
              "model_used": verifier.needs_model(with_ref), "torch_threads": torch.get_num_threads(),
              "median_s": round(statistics.median(secs), 4),
              "p90_s": round(secs[min(len(secs) - 1, int(0.9 * len(secs)))], 4), "max_s": round(secs[-1], 4)}
    write_report(args.out, report)
    print(json.dumps(report))
    return 0
