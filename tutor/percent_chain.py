"""Two percent changes in a row, and a percent change undone.

"A $80 coat is 20% off, then another 10% off the sale price" is not 30% off: the second
percent is of the new price. "After a 30% discount a game costs $63: what was the original
price?" is not 63 plus 30% of 63: the 30% was of the original price. Both slips — percents
added as if of one base, and a change undone on the wrong base — are among the best-documented
percent errors of grade 6–8 students (L. Parker and G. Leinhardt, "Percent: a privileged
proportion", *Review of Educational Research* 65(4), 1995). The problem's words fix the answer
and each slip gives a value of its own (:func:`tutor.slips.first_slip`).
Pure functions; no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from tutor.dimensions import question_of
from tutor.mathcheck import numbers_in
from tutor.numwords import words_to_digits
from tutor.relations import Relation, num
from tutor.slips import close, first_slip, step_values

_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent\b)")
_DOWN = re.compile(r"(?i)\b(?:off|discount\w*|reduc\w*|decreas\w*|sale|lower\w*|drop\w*|fell|falls?|los[est]\w*|"
                   r"cuts?|mark(?:ed|s)?\s+down|markdown)\b")
_UP = re.compile(r"(?i)\b(?:increas\w*|rais\w*|mark(?:ed|s)?\s+up|markup|grew|grows?|ris\w*|rose|gain\w*|tax|tip|"
                 r"added)\b")
_THEN = re.compile(r"(?i)\b(?:then|after\s+that|later|another|additional|extra|further|again|next)\b")
_FINAL = re.compile(r"(?i)\b(?:final|now|new|pay|cost\w*|price|sale|end|after)\b")
_ORIGINAL = re.compile(r"(?i)\b(?:original|regular|full|before|at\s+first|start\w*|old|usual)\b")
_AFTER_PRICE = re.compile(r"(?i)\b(?:after|now|sale\s+price|reduced\s+to|increased\s+to|marked\s+(?:down|up)\s+to|"
                          r"on\s+sale\s+for|sells?\s+for|pays?|paid|costs?)\b")


_CLAUSE_END = re.compile(r"[,.;]|\b(?:then|and)\b")


def _direction(window: str) -> int | None:
    # ("tax is added to the sale price": the sale price names an amount, not this change's way)
    window = re.sub(r"(?i)\bsale\s+price\b", " ", window)
    down, up = _DOWN.search(window) is not None, _UP.search(window) is not None
    return -1 if down and not up else 1 if up and not down else None


def chain_problem(problem_text: str) -> tuple[dict[str, Fraction], dict[str, str]] | None:
    """``(slips, facts)`` of a problem with one amount and two percent changes in a row asking
    for the amount after both, or one percent change already made asking for the amount before
    it (``slips["right"]`` the answer); ``None`` otherwise. (One change made the wrong way on
    its own is :mod:`tutor.formulas`' ``part the wrong way``.)"""
    text = words_to_digits(problem_text)
    percents = list(_PERCENT.finditer(text))
    amounts = numbers_in(_PERCENT.sub(" ", text))
    question = question_of(text)
    if len(amounts) != 1 or not percents or _PERCENT.search(question):
        return None
    price = Fraction(str(amounts[0]))
    if len(percents) == 2 and _THEN.search(text) and _FINAL.search(question):
        a, b = percents
        # each percent's own words: a few before it and after it ("marked up 20%", "20% off"); the
        # second's start after the first's clause ends ("20% off, and then 5% tax is added")
        end_a = _CLAUSE_END.search(text, a.end(), b.start())
        da = _direction(text[max(0, a.start() - 30):min(a.end() + 15, b.start())])
        db = _direction(text[max(end_a.end() if end_a else a.end(), b.start() - 30):b.end() + 40])
        if da is None or db is None:
            return None
        pa, pb = Fraction(a.group(1)) / 100, Fraction(b.group(1)) / 100
        right = price * (1 + da * pa) * (1 + db * pb)
        added = price * (1 + da * pa + db * pb)
        name = "back to the start" if added == price else "percents added"
        slips = {"right": right, name: added}
        # (a change made the other way: "15% off" added to the price; its value is marked below)
        slips.setdefault("change reversed", price * (1 - da * pa) * (1 + db * pb))
        return (slips, {"first": num(pa * 100), "second": num(pb * 100), "price": num(price), "kind": "chain",
                        "sum": num((da * pa + db * pb) * 100), "second_way": "down" if db < 0 else "up",
                        "percent": num(pa * 100), "way": "down" if da < 0 else "up",
                        "change": num(price * pa), "reversed": num(price * (1 - da * pa))})
    if len(percents) == 1 and _ORIGINAL.search(question) and _AFTER_PRICE.search(text):
        p = Fraction(percents[0].group(1)) / 100
        d = _direction(text)
        if d is None or p >= 1:
            return None
        return ({"right": price / (1 + d * p), "percent of the new amount": price * (1 - d * p)},
                {"percent": num(p * 100), "price": num(price), "kind": "undo", "way": "down" if d < 0 else "up",
                 "share": num((1 + d * p) * 100)})
    return None


def asked_after_changes(problem_text: str) -> Fraction | None:
    """The answer :func:`chain_problem` fixes, or ``None``."""
    found = chain_problem(problem_text)
    return None if found is None else found[0]["right"]


def chain_slip(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The step where work on :func:`chain_problem` goes a slip's way: for percents added, the
    first step that adds them ("20% + 10% = 30%") or takes their sum of the price, else the
    first step that reaches the slip's value; ``None`` otherwise."""
    found = chain_problem(problem_text)
    if found is None:
        return None
    slips, facts = found
    hit = first_slip(step_texts, slips)
    if hit is None:
        return None
    k, name = hit
    # the step that sets out on the slip: the percents added ("20% + 10% = 30%") or their sum
    # taken of the price; the percent taken of the amount after the change ("30% of 63")
    price = Fraction(facts["price"])
    if name == "percents added":
        total = abs(Fraction(facts["sum"]))
        marks: tuple[Fraction, ...] = (total, total / 100, price * total / 100)
    elif name == "percent of the new amount":
        marks = (price * Fraction(facts["percent"]) / 100,)
    elif name == "change reversed":
        marks = (Fraction(facts["reversed"]),)  # the step that adds what comes off ("80 + 12 = 92")
    else:
        marks = ()
    if "first" in facts and name != "change reversed":
        # (10% then 10% of 200: the right first change, 20, is not the percents' sum "20%")
        first_change = abs(price * Fraction(facts["first"]) / 100)
        marks = tuple(m for m in marks if m != first_change)
    values = step_values(step_texts)
    k = next((i for i, vs in enumerate(values[:k]) if any(close(v, m) for v in vs for m in marks)), k)
    return Relation(k, name, step_texts[k].strip(), facts)
