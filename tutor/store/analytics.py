"""Class analytics over logged submissions: error counts, mastery, knowledge tracing.

Pure functions over plain per-submission facts (:class:`Attempt`), so they are tested without a
database. Bayesian Knowledge Tracing follows Corbett & Anderson (1994), "Knowledge tracing:
Modeling the acquisition of procedural knowledge", User Modeling and User-Adapted Interaction 4.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tutor.store.records import HINT_FLAGS

#: Fixed BKT parameters (not fitted: a class has too few attempts per standard to fit them).
#: P(L0) prior that the student already knows the standard; P(T) chance to learn it at each
#: opportunity; P(G) chance of a right answer without knowing it; P(S) chance of a slip when
#: knowing it. Values in the range Corbett & Anderson report as typical.
BKT_P_INIT = 0.3
BKT_P_TRANSIT = 0.1
BKT_P_GUESS = 0.2
BKT_P_SLIP = 0.1


@dataclass
class Attempt:
    """One submission as the analytics see it.

    Attributes:
        created_at: when it was checked (UTC).
        student_id: who (``None`` = anonymous; left out of mastery).
        label: effective verdict label (a teacher's correction wins over the tutor's).
        error_category: effective category of the first wrong step, when incorrect.
        first_attempt: ``False`` for a resubmission (it has a parent submission).
        standards: codes the problem addresses; prerequisites: codes to review for the error.
        hint_flag: the latest review's judgment of the hints the student saw (a key of
            :data:`~tutor.store.records.HINT_FLAGS`; ``None``: not reviewed or not judged).
    """

    created_at: dt.datetime
    student_id: str | None
    label: str
    error_category: str | None
    first_attempt: bool
    standards: list[str] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    hint_flag: str | None = None


def bkt_update(p_known: float, correct: bool, p_transit: float = BKT_P_TRANSIT,
               p_guess: float = BKT_P_GUESS, p_slip: float = BKT_P_SLIP) -> float:
    """One Bayesian Knowledge Tracing step: P(known) after observing one attempt.

    Args:
        p_known: P(L) before the attempt, in [0, 1].
        correct: whether the attempt was right.

    Returns:
        P(L) after the attempt and the learning opportunity it gave, in [0, 1].
    """
    if correct:
        num, den = p_known * (1 - p_slip), p_known * (1 - p_slip) + (1 - p_known) * p_guess
    else:
        num, den = p_known * p_slip, p_known * p_slip + (1 - p_known) * (1 - p_guess)
    posterior = num / den if den else p_known
    return posterior + (1 - posterior) * p_transit


def bkt_estimate(outcomes: list[bool], p_init: float = BKT_P_INIT) -> float:
    """P(known) after a chronological sequence of right/wrong attempts (BKT, fixed params)."""
    p = p_init
    for ok in outcomes:
        p = bkt_update(p, ok)
    return p


def errors_by_standard(attempts: list[Attempt], descriptions: dict[str, str]) -> list[dict]:
    """Submissions and wrong ones per standard the problems address, most errors first."""
    seen: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for a in attempts:
        for code in set(a.standards):
            seen[code] += 1
            wrong[code] += a.label == "incorrect"
    rows = [{"standard": c, "description": descriptions.get(c, ""), "submissions": n,
             "incorrect": wrong[c], "error_rate": round(wrong[c] / n, 3)} for c, n in seen.items()]
    return sorted(rows, key=lambda r: (-r["incorrect"], -r["error_rate"], r["standard"]))


def errors_by_category(attempts: list[Attempt]) -> list[dict]:
    """How often each error category was the first error, most frequent first."""
    counts = Counter(a.error_category or "Other" for a in attempts if a.label == "incorrect")
    return [{"error_category": c, "count": n} for c, n in counts.most_common()]


def over_time(attempts: list[Attempt]) -> list[dict]:
    """Submissions and wrong ones per UTC day, oldest first; days without any in between
    are listed with zeros (a plot then shows the gap)."""
    total: Counter[dt.date] = Counter()
    wrong: Counter[dt.date] = Counter()
    for a in attempts:
        day = a.created_at.date()
        total[day] += 1
        wrong[day] += a.label == "incorrect"
    if not total:
        return []
    first, last = min(total), max(total)
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    return [{"day": d.isoformat(), "submissions": total[d], "incorrect": wrong[d]} for d in days]


def mastery(attempts: list[Attempt]) -> list[dict]:
    """Per student × standard: first attempts, share right, and the BKT P(known).

    Only first attempts count (a resubmission after hints is scaffolded work, not fresh
    evidence), and only decided ones (``"unsure"`` verdicts are skipped).
    """
    outcomes: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for a in sorted(attempts, key=lambda a: a.created_at):
        if a.student_id is None or not a.first_attempt or a.label not in ("correct", "incorrect"):
            continue
        for code in set(a.standards):
            outcomes[(a.student_id, code)].append(a.label == "correct")
    rows = []
    for (student, code), seq in sorted(outcomes.items()):
        rows.append({"student_id": student, "standard": code, "first_attempts": len(seq),
                     "first_attempt_correct": sum(seq),
                     "share_first_attempt_correct": round(sum(seq) / len(seq), 3),
                     "p_known": round(bkt_estimate(seq), 3)})
    return rows


def prerequisites_implicated(attempts: list[Attempt], descriptions: dict[str, str],
                             top: int = 10) -> list[dict]:
    """Prerequisite standards most often named for wrong steps (at most ``top``)."""
    counts = Counter(c for a in attempts if a.label == "incorrect" for c in set(a.prerequisites))
    return [{"standard": c, "description": descriptions.get(c, ""), "count": n}
            for c, n in counts.most_common(top)]


def hint_flags(attempts: list[Attempt]) -> list[dict]:
    """How teachers judged the hints students saw: per flag, the submissions whose latest review
    gives it and their share of all submissions whose hints were judged (unjudged ones are left
    out: no review says whether their hints were good). Most frequent first, ties in the review
    form's order; ``[]`` when no hints were judged.

    Returns:
        ``{"hint_flag" (code), "flag" (teacher words), "count", "share"}`` per flag given.
    """
    counts = Counter(a.hint_flag for a in attempts if a.hint_flag is not None)
    judged = sum(counts.values())
    order = {code: i for i, code in enumerate(HINT_FLAGS)}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order)), kv[0]))
    return [{"hint_flag": c, "flag": HINT_FLAGS.get(c, c), "count": n, "share": round(n / judged, 3)}
            for c, n in ranked]
