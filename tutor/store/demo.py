"""Synthetic classroom logs for demos, screenshots and the teacher-page benchmark.

The problems, solutions and students are made up here (no real student data). Deterministic
for a given ``seed``.
"""

from __future__ import annotations

import datetime as dt
import random

from tutor.schema import Feedback, Hint, Problem, StandardMatch, Step, Submission, Verdict
from tutor.store.feedback_log import Store
from tutor.store.tables import HintShownRow

# (problem text, bank id, standard code, grade, description, prerequisite code, its description,
#  steps, index of the step a wrong solution gets wrong)
_PROBLEMS = [
    ("Maya has 4 bags with 6 apples in each bag. How many apples does she have?", "demo-3-1",
     "3.OA.A.1", "3", "Read a product as equal groups of objects.",
     "2.OA.C.4", "Add equal rows and columns to find a total.",
     ["4 bags × 6 apples = 24 apples", "Maya has 24 apples"], 0),
    ("A ribbon is 3/4 m long. Sam cuts off 1/8 m. How much ribbon is left?", "demo-5-1",
     "5.NF.A.1", "5", "Add and subtract fractions with unlike denominators.",
     "4.NF.A.1", "Explain why two fractions are equivalent.",
     ["3/4 = 6/8", "6/8 - 1/8 = 5/8", "5/8 m is left"], 1),
    ("A shirt costs $20 and is 15% off. What is the sale price?", "demo-7-1",
     "7.RP.A.3", "7", "Solve multistep percent problems.",
     "6.RP.A.3", "Use ratio and rate reasoning, including percents of a quantity.",
     ["15% of $20 = $3", "$20 - $3 = $17", "The sale price is $17"], 0),
    ("A car travels 150 miles in 3 hours. What is its speed in miles per hour?", "demo-6-1",
     "6.RP.A.2", "6", "Understand a unit rate.",
     "5.NBT.B.6", "Divide whole numbers with up to four-digit dividends.",
     ["150 ÷ 3 = 50", "The speed is 50 miles per hour"], 0),
    ("Solve 3x + 5 = 20.", "demo-8-1", "8.EE.C.7", "8", "Solve linear equations in one variable.",
     "7.EE.B.4", "Build and solve simple equations from word problems.",
     ["3x = 20 - 5", "3x = 15", "x = 5"], 1),
    ("A rectangle is 7 cm by 5 cm. What is its area?", "demo-3-2",
     "3.MD.C.7", "3", "Relate area to multiplication and addition.",
     "3.OA.C.7", "Multiply fluently within 100.",
     ["Area = 7 × 5", "Area = 35 square cm"], 1),
    ("Tom reads 12 pages a day. How many pages does he read in 2 weeks?", "demo-4-1",
     "4.OA.A.2", "4", "Multiply to solve word problems about multiplicative comparison.",
     "4.MD.A.1", "Know relative sizes of measurement units.",
     ["2 weeks = 14 days", "12 × 14 = 168", "He reads 168 pages"], 0),
]
_CATEGORIES = ("Calculation error", "Calculation error", "Misunderstanding of the question",
               "Logical error / Wrong approach", "Wrong unit conversion", "Missing step")


def demo_item(rng: random.Random, student: str, klass: str, wrong: bool | None = None,
              problem: int | None = None) -> tuple[Submission, Feedback]:
    """One made-up submission (of problem number ``problem``, else a random one) and the
    tutor's feedback on it."""
    problem = rng.randrange(len(_PROBLEMS)) if problem is None else problem
    text, pid, code, grade, desc, pre, pre_desc, steps, bad = _PROBLEMS[problem]
    if wrong is None:
        wrong = rng.random() < 0.45
    shown = list(steps)
    if wrong:
        shown[bad] = shown[bad].replace("=", "= 1 +", 1) if "=" in shown[bad] else shown[bad] + " + 1"
    label = "incorrect" if wrong else ("unsure" if rng.random() < 0.08 else "correct")
    n = len(shown)
    marks = (["correct"] * bad + ["first_error"] + ["after_error"] * (n - bad - 1)
             if wrong else ["correct" if label == "correct" else "unsure"] * n)
    verdict = Verdict(
        label=label, first_error_step=bad + 1 if wrong else None, marks=marks,
        step_error_probs=[0.9 if m == "first_error" else 0.05 for m in marks],
        error_category=rng.choice(_CATEGORIES) if wrong else None,
        explanation=f"Step {bad + 1} does not follow from the step before it." if wrong else None)
    hints = ([Hint(1, "where", f"Look again at step {bad + 1}."),
              Hint(2, "concept", "Check each operation before you move on."),
              Hint(3, "bottom_out", "Redo the calculation in that step carefully.")]
             if wrong else [Hint(1, "confirm", "Every step checks out.")])
    feedback = Feedback(
        verdict=verdict, steps=[Step(i + 1, s, s) for i, s in enumerate(shown)],
        standards=[StandardMatch(code, desc, grade, code.rsplit(".", 2)[0], code.rsplit(".", 1)[0], 0.8)],
        prerequisites=[StandardMatch(pre, pre_desc, pre.split(".")[0], pre.rsplit(".", 2)[0],
                                     pre.rsplit(".", 1)[0], 0.5, "prerequisite")] if wrong else [],
        hints=hints, timings={"verify": 0.2, "hints": 1.5, "total": 1.8})
    sub = Submission(Problem(text, id=pid, grade=grade, standards=[code]), "\n".join(shown),
                     student_id=student, class_code=klass)
    return sub, feedback


def seed_demo(store: Store, n: int = 200, seed: int = 0, days: int = 30,
              now: dt.datetime | None = None) -> list[int]:
    """Log ``n`` made-up submissions spread over the last ``days`` days (UTC) in one transaction.

    About one wrong solution in five is followed by a resubmission; wrong ones get 1–3 hint
    levels shown. Returns the new submission ids (oldest first).
    """
    rng = random.Random(seed)
    now = now or dt.datetime.now(dt.timezone.utc)
    students = [(f"student-{i:02d}", f"class-{'ABC'[i % 3]}") for i in range(1, 31)]
    stamps = sorted(now - dt.timedelta(seconds=rng.uniform(0, days * 86400)) for _ in range(n))
    items, follow = [], []
    for i in range(n):
        student, klass = rng.choice(students)
        problem = rng.randrange(len(_PROBLEMS))
        items.append(demo_item(rng, student, klass, problem=problem))
        if items[-1][1].verdict.label == "incorrect" and rng.random() < 0.2:
            follow.append((i, problem))
    ids = store.save_many([(s, f, None, t) for (s, f), t in zip(items, stamps)])
    resub = []
    for i, problem in follow:  # the student fixes the wrong step after the hints
        sub = items[i][0]
        fixed, fb = demo_item(rng, sub.student_id, sub.class_code, wrong=False, problem=problem)
        fb.verdict.label, fb.verdict.marks = "correct", ["correct"] * len(fb.steps)
        resub.append((fixed, fb, ids[i], stamps[i] + dt.timedelta(minutes=3)))
    ids += store.save_many(resub)
    with store._session.begin() as s:  # one transaction: log_hint_shown per row is slow here
        for i, sid in enumerate(ids[:n]):
            fb = items[i][1]
            for h in fb.hints[: rng.randint(1, 3) if fb.verdict.label == "incorrect" else 1]:
                s.add(HintShownRow(submission_id=sid, level=h.level, text=h.text,
                                   shown_at=(stamps[i] + dt.timedelta(seconds=20 * h.level))
                                   .astimezone(dt.timezone.utc).replace(tzinfo=None)))
    return ids
