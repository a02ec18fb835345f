"""``tutor export-annotations``: teacher corrections as distillation input.

Each line is one JSON object in the format the distillation pipeline reads
(``tutor distill generate --annotations FILE``)::

    {"id": "annotation-<review id>", "source": "teacher_annotation", "problem": str,
     "reference_solution": [str] | null, "final_answer": str | null, "steps": [str],
     "first_error_step": int | null,   # 1-based; null = the solution is correct
     "error_category": str | null, "error_description": str | null,
     "hint_flag": str | null,          # the latest review's judgment of the hints the student saw
     "corrected_hint": str | null,     # what the hint should have said: the level-1 target
     "reviewer": str, "reviewed_at": ISO time}

Only the latest review of each submission is exported. An "agree" review labels the solution
with the tutor's own verdict; an "agree" on an ``unsure`` verdict carries no label and is
skipped. ``error_description`` is the teacher's comment on the review that set that label: when
later reviews only added notes (same label), the first comment of that run, which explains the
correction, not "talked with her on Monday" (for an "agree" review without a comment, the
tutor's explanation). ``hint_flag`` (a code of :data:`tutor.store.records.HINT_FLAGS`) and
``corrected_hint`` are the latest review's (the review form carries them over to later notes);
the distillation reader keeps a corrected hint with its sample as the level-1 hint target
(``privileged["target_hints"]``, :func:`tutor.distill.sources.read_annotations`).
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def annotation_records(store) -> list[dict[str, Any]]:
    """Teacher reviews of ``store`` (a :class:`tutor.store.Store`) as distillation records,
    oldest review first."""
    records = []
    for review in store.latest_reviews():
        sub = store.get_submission(review.submission_id)
        if review.agree and sub.verdict.label == "unsure":
            log.info("review %d agrees with an 'unsure' verdict: no label, skipped", review.id)
            continue
        step = review.first_error_step
        label = (review.agree, review.first_error_step, review.error_category)
        run = []  # the latest reviews that keep this label, newest first
        for r in reversed(sub.reviews):
            if (r.agree, r.first_error_step, r.error_category) != label:
                break
            run.append(r)
        description = next((r.comment for r in reversed(run) if r.comment), None)
        if description is None and review.agree and step is not None:
            description = sub.verdict.explanation
        records.append({
            "id": f"annotation-{review.id}", "source": "teacher_annotation",
            "problem": sub.problem.text, "reference_solution": sub.problem.reference_solution,
            "final_answer": sub.problem.final_answer, "steps": [s.text for s in sub.steps],
            "first_error_step": step, "error_category": review.error_category if step else None,
            "error_description": description, "hint_flag": review.hint_flag,
            "corrected_hint": review.corrected_hint, "reviewer": review.reviewer,
            "reviewed_at": review.created_at.isoformat()})
    return records


def export_annotations(store, out: str | Path) -> int:
    """Write :func:`annotation_records` to ``out`` as JSON lines; returns the count."""
    records = annotation_records(store)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(records)


def register(subparsers) -> None:
    """Add ``tutor export-annotations`` to the CLI."""
    p = subparsers.add_parser(
        "export-annotations", help="write teacher corrections as distillation input (JSONL)",
        description="Write the teachers' reviews of the feedback log as JSON lines that "
                    "`tutor distill generate --annotations FILE` reads.")
    p.add_argument("--out", required=True, help="output .jsonl file")
    p.add_argument("--db", help="SQLAlchemy URL of the feedback log (default: from settings)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tutor.config import load_settings
    from tutor.store import Store

    url = args.db or load_settings(getattr(args, "config", None)).database_url
    n = export_annotations(Store(url), args.out)
    print(f"wrote {n} teacher annotations to {args.out}")
    return 0
