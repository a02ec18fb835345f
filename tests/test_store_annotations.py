"""Teacher corrections -> `tutor export-annotations` -> the distillation reader; BKT maths."""

from __future__ import annotations

import json

import pytest

from tutor.cli import main
from tutor.store import Store
from tutor.store.analytics import bkt_estimate, bkt_update

from test_store import make


def test_correction_export_feeds_distillation(tmp_path):
    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    store = Store(url)
    wrong = store.save(*make("ana"))                 # tutor: step 2 is wrong (it is)
    missed = store.save(*make("ben", label="correct"))  # tutor: correct (it is not)
    store.save(*make("cy"))                            # never reviewed: not exported
    unsure = store.save(*make("di", label="unsure"))
    store.add_review(wrong, "ms-lee", agree=True)
    store.add_review(missed, "ms-lee", agree=True)
    store.add_review(missed, "mr-o", agree=False, first_error_step=1,
                     error_category="Misunderstanding of the question",
                     comment="15% is a discount, so subtract it")  # the latest review wins
    store.add_review(unsure, "ms-lee", agree=True)  # no label to export
    out = tmp_path / "ann.jsonl"
    assert main(["export-annotations", "--out", str(out), "--db", url]) == 0
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == 2
    agree, fixed = recs
    assert agree["source"] == "teacher_annotation" and agree["id"].startswith("annotation-")
    assert agree["steps"] == ["15% of 20 = 3", "20 - 3 = 18", "The price is $18"]
    assert (agree["first_error_step"], agree["error_category"]) == (2, "Calculation error")
    assert agree["error_description"] == "20 - 3 is 17, not 18."  # the tutor's, no comment given
    assert agree["reference_solution"] == ["15% of $20 is $3", "$20 - $3 = $17"]
    assert agree["final_answer"] == "17" and agree["reviewer"] == "ms-lee"
    assert (fixed["first_error_step"], fixed["error_category"], fixed["reviewer"]) == (
        1, "Misunderstanding of the question", "mr-o")
    assert fixed["error_description"] == "15% is a discount, so subtract it"
    assert "T" in fixed["reviewed_at"]
    # the distillation side reads the file as real student samples
    sources = pytest.importorskip("tutor.distill.sources")
    samples = sources.read_annotations(out)
    assert [(s.first_error_step, s.kind) for s in samples] == [(2, "real"), (1, "real")]
    assert samples[1].error_category == "Misunderstanding of the question"


def test_bkt_update_by_hand():
    # P(L)=0.3, slip 0.1, guess 0.2, transit 0.1 (the documented fixed parameters)
    right = 0.3 * 0.9 / (0.3 * 0.9 + 0.7 * 0.2)
    assert bkt_update(0.3, True) == pytest.approx(right + (1 - right) * 0.1)
    wrong = 0.3 * 0.1 / (0.3 * 0.1 + 0.7 * 0.8)
    assert bkt_update(0.3, False) == pytest.approx(wrong + (1 - wrong) * 0.1)
    assert bkt_estimate([]) == 0.3
    assert bkt_estimate([True] * 5) > 0.95 > bkt_estimate([False] * 5)
    assert bkt_estimate([False, True]) < bkt_estimate([True, True])


def test_a_later_note_keeps_the_corrections_description(tmp_path):
    """Trial 11: a note saved on a correction became its training description."""
    from tutor.export import annotation_records

    store = Store(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    sid = store.save(*make("chloe"))
    store.add_review(sid, "ms-rivera", agree=False, first_error_step=1,
                     error_category="Misunderstanding of the question", comment="read radius as diameter")
    store.add_review(sid, "ms-rivera", agree=False, first_error_step=1,
                     error_category="Misunderstanding of the question", comment="Talked with Chloe on Monday.")
    (rec,) = annotation_records(store)
    assert (rec["first_error_step"], rec["error_category"], rec["error_description"]) == (
        1, "Misunderstanding of the question", "read radius as diameter")
    # a new label starts a new run: its own comment describes it
    store.add_review(sid, "mr-chen", agree=False, first_error_step=2,
                     error_category="Calculation error", comment="no, step 2 is the slip")
    (rec,) = annotation_records(store)
    assert (rec["first_error_step"], rec["error_description"]) == (2, "no, step 2 is the slip")


def test_a_corrected_hint_becomes_the_level_1_hint_target(tmp_path):
    """The teacher's corrected hint travels export-annotations -> read_annotations as the
    sample's level-1 target (``privileged["target_hints"]``, in the shape of the teacher's
    ``hints``); a review that judged no hints, or only flagged them, gives none."""
    from tutor.distill.sources import read_annotations
    from tutor.export import annotation_records, export_annotations

    fix = "Look at step 2: how did you get 18 there?"
    store = Store(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    fixed, flagged, plain = (store.save(*make(name)) for name in ("ana", "ben", "cy"))
    for sid in (fixed, flagged):
        store.log_hint_shown(sid, 1, "Look at step 2.")
    # "agree" on the verdict with a poor hint: the label stays the tutor's
    a = store.add_review(fixed, "ms-lee", agree=True, hint_flag="gives_away", corrected_hint=fix)
    b = store.add_review(flagged, "ms-lee", agree=False, first_error_step=1,
                         error_category="Misunderstanding of the question", hint_flag="wrong_step")
    c = store.add_review(plain, "ms-lee", agree=True)
    got = {r["id"]: (r["first_error_step"], r["hint_flag"], r["corrected_hint"])
           for r in annotation_records(store)}
    assert got == {f"annotation-{a}": (2, "gives_away", fix),
                   f"annotation-{b}": (1, "wrong_step", None), f"annotation-{c}": (2, None, None)}
    out = tmp_path / "ann.jsonl"
    assert export_annotations(store, out) == 3
    targets = {s.id: s.privileged for s in read_annotations(out)}
    assert targets == {f"annotation-annotation-{a}": {"target_hints": {"1": fix}},
                       f"annotation-annotation-{b}": {}, f"annotation-annotation-{c}": {}}


def test_annotation_files_from_before_hint_judgments_still_read(tmp_path):
    from tutor.distill.sources import read_annotations
    from tutor.errors import TutorInputError

    base = {"id": "annotation-1", "source": "teacher_annotation", "problem": "2 + 2?",
            "steps": ["2 + 2 = 5"], "first_error_step": 1, "error_category": "Calculation error"}
    old = tmp_path / "old.jsonl"
    old.write_text(json.dumps(base) + "\n")
    (s,) = read_annotations(old)
    assert (s.first_error_step, s.privileged) == (1, {})
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**base, "corrected_hint": ["not", "text"]}) + "\n")
    with pytest.raises(TutorInputError, match="corrected_hint is not text"):
        read_annotations(bad)
