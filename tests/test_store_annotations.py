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
