"""A probability divided by the wrong total: the outcomes counted are not all of them.

"A bag has 3 red, 5 blue and 2 green marbles. What is the probability of picking a blue
marble?" answered with "5/5" (blue against the others) or "5/3" (blue against red) compares
one part with another part, not with the whole: the part-part confusion of probability as a
ratio, well documented in middle school (G. A. Jones, C. W. Langrall, C. A. Thornton and A. T.
Mogill, "A framework for assessing and nurturing young children's thinking in probability",
Educational Studies in Mathematics 32, 1997; J. Watson and J. Moritz, "The development of
comprehension of chance language", 2003). Every step of such work may be true arithmetic.

:func:`probability_total` reads a problem that lists the counts of every kind of thing one is
picked from (and no total of its own, no draw after another, no condition), and finds the
first step that divides one of those counts (or a sum of some of them) by a number that is not
their total but another count or a sum of some counts. Pure functions; no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction
from itertools import combinations

from tutor.dimensions import noun_words, question_of, singular
from tutor.mathcheck import numbers_in
from tutor.relations import Relation

_ASKS = re.compile(r"(?i)\b(?:probability|chance|likelihood)\b")
# more than one pick, or counts that change, or a condition: another total may be right
_NOT_ONE_PICK = re.compile(
    r"(?i)\b(?:two|three|both|twice|again|another|replac\w*|second|then|row|times|each\s+time|after|"
    r"remov\w*|takes?\s+out|took|eats?|ate|adds?|added|puts?|more|left|given|expected|predict\w*|"
    r"experiment|trials?|tosses|rolls|spins|flips|out\s+of|total|in\s+all|altogether|of\s+them|"
    r"half|third|quarter|fourth)\b|\bif\b[^.?!]*\bnot\b|\d\.\d|\d\s*/\s*\d|[%$]")
_COUNT = re.compile(r"(?<![\d.,/$])\d+(?![\d.,/%])")
# "5/8", "5 ÷ 8", "5 out of 8" (one count over another), the first in a step
_FRACTION = re.compile(r"(?<![\d.,/])(\d+)\s*(?:/|÷|\bout\s+of\b)\s*(\d+)(?![\d.,]*\d|\s*/)")


# the counts listed one after another: "3 red, 5 blue and 2 green", "12 boys and 18 girls",
# "3 red sections, 4 blue sections and 1 white section"
_LISTED = re.compile(r"(?<![\d.,/$])\d+(?:\s+[A-Za-z][A-Za-z'-]*){1,3}(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
                     r"(?:\d+(?:\s+[A-Za-z][A-Za-z'-]*){1,3}(?:\s*,\s*(?:and\s+)?|\s+and\s+))*"
                     r"\d+(?:\s+[A-Za-z][A-Za-z'-]*){1,3}")


_DOES = re.compile(r"(?i)(?:play|wear|like|love|walk|ride|own|take|eat|read|speak|prefer|chose|choose|vote|"
                   r"have|want|use|live|go|come|bring|buy|drink|work|study|sing|swim|run|bike|voted|picked)s?$")


def asked_probability(problem_text: str) -> Fraction | None:
    """The probability the question asks for, where the problem lists every kind's count (see
    :func:`probability_total`) and the question names one kind ("the probability of picking a
    blue marble", of "not blue" too), or ``None``."""
    listed = _counts(problem_text, want_kinds=True)
    if listed is None:
        return None
    counts, kinds = listed
    question = question_of(problem_text).lower()
    stems = [singular(k[0]) for k in kinds]  # "boys": "boy"
    named = [c for c, w in zip(counts, stems) if re.search(rf"\b{re.escape(w)}(?:e?s)?\b", question)]
    if len(named) != 1 or re.search(r"\bor\b|\band\b", question):
        return None
    part = sum(counts) - named[0] if re.search(r"\bnot\b|n't\b", question) else named[0]
    return Fraction(part, sum(counts))


def _counts(text: str, want_kinds: bool = False):
    """The counts of the kinds of thing the problem lists (with ``want_kinds``, also the words
    naming each kind: ``([3, 5], [("red",), ("blue", "marbles")])``), or ``None`` when it is not such a
    problem (fewer than two counts, a number in the question or outside the one list, a total
    or a change said, a ratio or odds asked as well)."""
    question = question_of(text)
    statement = text.replace(question, " ")
    if (not _ASKS.search(question) or _COUNT.search(question) or _NOT_ONE_PICK.search(text)
            or re.search(r"(?i)\b(?:ratio|odds)\b", text)):
        return None
    lists = _LISTED.findall(statement)
    # every count of the problem in that one list ("a deck of 52 cards has 13 hearts" lists
    # none), or one more that is their total ("10 equal sections: 4 yellow, 3 green, …")
    outside = [int(n) for n in _COUNT.findall(statement.replace(lists[0], " "))] if len(lists) == 1 else None
    listed = [int(n) for n in _COUNT.findall(lists[0])] if len(lists) == 1 else []
    if outside is None or (outside and outside != [sum(listed)]):
        return None
    counts, kinds = [], []
    for m in _COUNT.finditer(lists[0]):
        words = noun_words(lists[0][m.end():m.end() + 40])
        if not words or _DOES.match(words[0]):
            # "3 are red", "Ben has 5 and", "120 play soccer": not a count of a kind said (a
            # count that does something is a part of the count before it)
            return None
        counts.append(int(m.group()))
        kinds.append(tuple(w.lower() for w in words))
    if len(counts) < 2 or len(counts) > 6 or 0 in counts or len(set(kinds)) < len(kinds):
        return None
    return (counts, kinds) if want_kinds else counts


def probability_total(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first step that divides a count the problem lists (or a sum of some of them) by
    another count or partial sum instead of the total of all of them (see the module
    docstring): ``Relation(step, "probability total", "5/5", {"part", "divisor"})`` or
    ``None``."""
    counts = _counts(problem_text)  # (digits only: "One is picked" is no count)
    if counts is None:
        return None
    total = sum(counts)
    partial = {sum(c) for r in range(1, len(counts)) for c in combinations(counts, r)}
    for i, step in enumerate(step_texts):
        m = _FRACTION.search(step)
        if any(Fraction(str(v)) == total for v in numbers_in(step) if m is None or v != int(m.group(2))):
            return None  # the total worked out ("4 + 2 + 6 = 12"): what follows simplifies
        if m is None:
            continue
        part, divisor = int(m.group(1)), int(m.group(2))
        # (the value is checked too: "1/2" for 3 of 6 is a right probability, simplified)
        right = {Fraction(p, total) for p in partial}
        if part in partial and divisor in partial and divisor != total and Fraction(part, divisor) not in right:
            return Relation(i, "probability total", f"{part}/{divisor}",
                            {"part": str(part), "divisor": str(divisor), "fraction": Fraction(part, divisor)})
        if divisor == total:  # the right total used first: the work is on the right track
            return None
    return None


# two fractions multiplied: "3/10 × 1/10"
_PRODUCT = re.compile(r"(?<![\d.,/])(\d+)\s*/\s*(\d+)\s*[×x*·]\s*(\d+)\s*/\s*(\d+)(?![\d/])")


def or_multiplied(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """One pick that lands on either of two kinds ("the probability of green or pink")
    worked out by multiplying the two chances (as for two picks that both happen); the chances
    of one pick add. Read where the problem lists every kind's count (:func:`_counts`) and the
    question names two of them joined by "or"."""
    listed = _counts(problem_text, want_kinds=True)
    if listed is None:
        return None
    counts, kinds = listed
    total = sum(counts)
    m = re.search(r"(?i)\b([a-z]+)\s+or\s+([a-z]+)\b", question_of(problem_text))
    stems = [singular(k[0]) for k in kinds]
    if m is None or not {w.lower() for w in m.groups()} <= set(stems):
        return None
    chances = {Fraction(counts[stems.index(w.lower())], total) for w in m.groups()}
    for i, step in enumerate(step_texts):
        for f in _PRODUCT.finditer(step):
            a, b = Fraction(int(f.group(1)), int(f.group(2))), Fraction(int(f.group(3)), int(f.group(4)))
            if {a, b} == chances:
                return Relation(i, "or multiplied", f"{f.group(1)}/{f.group(2)} × {f.group(3)}/{f.group(4)}",
                                {"either": f"{m.group(1)} or {m.group(2)}", "total": str(total)})
    return None
