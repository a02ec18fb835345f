"""Reference alignment: the values a solution derives and how, compared with the reference.

The *computation graph* of a solution is the list of values its steps derive, each with the
operands it was computed from (``3 x 8 = 24``: value 24 from operands 3 and 8). The reference
solution's graph says which intermediate values a correct path produces; a student step that
introduces a value the reference never derives (and that is not a problem quantity), or that
uses a problem quantity the reference never uses, is evidence of an error there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tutor.mathcheck import (_SIMPLE_FRACTION, _is_literal, answer_value, evaluate, expression_chains,
                            expressions_in, numbers_in, remainders_in, solved_unknowns, stated_result, step_result)
from tutor.numwords import spelled_numbers, words_to_digits

#: Words a problem may use for a quantity that :func:`tutor.numwords.words_to_digits` leaves as
#: words: lone small counts, multipliers, fractions of one, and units that imply a factor.
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "hundred": 100, "thousand": 1000, "dozen": 12, "twice": 2,
    "double": 2, "triple": 3, "thrice": 3, "half": 0.5, "quarter": 0.25, "third": 3, "fourth": 4,
    "fifth": 5, "halves": 2, "quarters": 4, "week": 7, "weeks": 7, "year": 12, "hour": 60,
    "minutes": 60, "month": 30, "day": 24, "days": 7, "percent": 100, "cents": 100, "pair": 2, "pairs": 2,
}
#: Constants any solution may use without deriving them (unit factors, halves, percents).
CONSTANTS = frozenset({0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 7.0, 10.0, 12.0, 24.0, 30.0, 52.0, 60.0,
                       100.0, 365.0, 1000.0, 0.5, 0.25})


def close(a: float, b: float) -> bool:
    """Equal up to rounding to cents (or 0.1 % for large values)."""
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=0.011)


def contains(pool: Iterable[float], v: float, scaled: bool = True) -> bool:
    """Whether ``v`` is in ``pool`` up to rounding; with ``scaled``, also as a percentage
    (``0.2`` vs ``20``)."""
    for p in pool:
        if close(p, v) or (scaled and v != 0 and (close(p, v * 100) or close(p * 100, v))):
            return True
    return False


#: Function words: never part of a named quantity.
STOP_WORDS = frozenset("the a an of to and in is are was were so that this for on with by it he she they "
                       "his her their then which we be has have had each per if as at from".split())
_WORD_RUN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def shared_phrases(text: str, problem_text: str, limit: int = 3) -> list[str]:
    """Named quantities of a step that writes no number: the longest runs of consecutive
    content words the step shares with the problem ("the leftover grass seed", "square feet").

    A word problem names its quantities with nouns, so words the step repeats from the problem
    are the step's subject, and multi-word runs are almost always noun phrases. Runs of two or
    more words come first (longest first), then single words of four or more letters.

    Returns:
        Up to ``limit`` phrases as the step writes them, with "the" kept when the step has it
        right before the run; ``[]`` when nothing is shared.
    """
    raw = _WORD_RUN.findall(problem_text)
    prob = [w.lower() for w in raw]
    # a word the problem only ever capitalises is a name ("Drew"), not a quantity
    names = {w.lower() for w in raw if w[0].isupper()} - {w for w in raw if w[0].islower()}
    prob_text = " " + " ".join(prob) + " "
    words = _WORD_RUN.findall(text)
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if words[i].lower() in STOP_WORDS:
            i += 1
            continue
        j = i + 1
        # grow while the run (content words only) still occurs in the problem
        while j < len(words) and words[j].lower() not in STOP_WORDS and \
                " " + " ".join(w.lower() for w in words[i:j + 1]) + " " in prob_text:
            j += 1
        if " " + " ".join(w.lower() for w in words[i:j]) + " " in prob_text and \
                (j - i > 1 or (len(words[i]) >= 4 and words[i].lower() not in names)):
            runs.append((i, j))
        i = j
    runs.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    out: list[str] = []
    for a, b in runs[:limit]:
        phrase = " ".join(words[a:b])
        out.append(("the " + phrase) if a and words[a - 1].lower() == "the" else phrase)
    return out


# a letter standing for a number: "3x", "x + 12", "let n"
# (not a remainder's R: "3 R 34"; not x as a times sign: "6 x 35")
UNKNOWN_WRITTEN = re.compile(r"(?<![A-Za-z])(?:\d(?:(?!R\s*\d)(?![xX]\s*\d)[a-zA-Z]|\s(?!R\s*\d)(?![xX]\s+\d)[a-zA-Z]"
                             r"(?<![mglshMGLSH]))\b|[a-zA-Z]\s*[=+*/-]\s*\d)|\blet\s+[a-z]\b", re.I)
#: Share of a step's content words one reference step must hold (and no other as many) for
#: the two to speak of the same quantity (:func:`described_otherwise`).
SAME_QUANTITY_SHARE = 0.7


def content_words(text: str) -> set[str]:
    """The words of ``text`` that name things: lower case, three letters or more, not
    :data:`STOP_WORDS`, numbers left out."""
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP_WORDS and len(w) > 2}


_NUMBER_THEN_WORD = re.compile(r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]+)")


def _named_by(text: str, value: float) -> set[str]:
    """The word right after each place ``text`` writes ``value`` (in digits or words), lower
    case without a plural s: "2 graham crackers and one marshmallow", 1 -> {"marshmallow"}."""
    out = {m.group(2) for m in _NUMBER_THEN_WORD.finditer(words_to_digits(text))
           if close(float(m.group(1).replace(",", "")), value)}
    for sp in spelled_numbers(text):
        after = re.match(r"\s*([A-Za-z]+)", text[sp.end:])
        if after and close(float(sp.value), value):
            out.add(after.group(1))
    return {w.lower().removesuffix("s") for w in out}


def described_otherwise(text: str, reference: Sequence[str], problem_text: str) -> tuple[float, float] | None:
    """A step that gives one value for what one reference step finds to be another:
    ``(step's value, reference step's value)``, else ``None``.

    The two speak of the same quantity when at least two, and at least
    :data:`SAME_QUANTITY_SHARE`, of the step's content words are in that reference step and no
    other reference step holds as many ("So 12 students buy lunch at school." beside "So 32 - 12
    = 20 students buy lunch."; "she spent 45 x 2 = 90 minutes to learn the third step" beside
    "She took 30 + 15 = 45 minutes to learn the third step"). Not a value the reference step
    also writes, or one of its partial sums ("3 + 2 = 5 eggs for her husband and herself" beside
    "3 eggs for her husband + 2 for herself + 8 for her children = 13 eggs"), not a step with an
    unknown ("John is (x + 12) years old"), and not a sentence of the problem said again ("Jacob
    needs 2 graham crackers and 1 marshmallow per s'more"; but "Tedra harvested 700 kg on
    Friday" where the problem's 700 kg were Thursday's is a given number in another role)."""
    given = problem_quantities(problem_text)
    value = step_result(text, given)
    if value is None or UNKNOWN_WRITTEN.search(text):
        return None
    words = content_words(text)
    if len(words) < 2:
        return None
    # a fact of the problem said again: half its words or more, with the number naming the same
    # thing ("12 pages" is not the problem's "12 more pages"; its question is no fact: "...
    # remaining if he gives away 700 kg?")
    named = _named_by(text, value)
    if stated_result(text) is None and any(
            named & _named_by(sentence, value) and 2 * len(words & content_words(sentence)) >= len(words)
            for sentence in re.split(r"(?<=[.!?])\s+", problem_text) if "?" not in sentence):
        return None
    best, found = 0, []
    for line in reference:
        shared = len(words & content_words(line))
        if shared > best:
            best, found = shared, [line]
        elif shared == best:
            found.append(line)
    if best < 2 or best < SAME_QUANTITY_SHARE * len(words) or len(found) != 1:
        return None
    line = found[0]
    other = step_result(line, given)
    written = numbers_in(line)
    partial = [a + b for i, a in enumerate(written) for b in written[i + 1:]] + \
              [abs(a - b) for i, a in enumerate(written) for b in written[i + 1:]]
    # (a number the reference step writes, or one of its partial sums, may be the step's own
    # part of that amount)
    if other is None or close(other, value) or contains(written + partial, value, False):
        return None
    return value, other


def problem_quantities(text: str) -> list[float]:
    """Numbers a problem states, as digits or as number words (``three``, ``twice``, ``half``,
    ``two-thirds`` also as 2/3)."""
    vals = numbers_in(text) + [float(n.value) for n in spelled_numbers(text) if n.value.denominator > 1]
    text = words_to_digits(text)
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in _WORD_NUMBERS:
            vals.append(float(_WORD_NUMBERS[w]))
    # "1/4 of" gives 0.25 as well as 1 and 4
    for a, b in re.findall(r"(\d+)\s*/\s*(\d+)", text):
        if float(b):
            vals.append(float(a) / float(b))
    for p in re.findall(r"(\d+(?:\.\d+)?)\s*%", text):
        vals.append(float(p) / 100)
    return vals


@dataclass
class Derivation:
    """One value a step derives, with the operands it was computed from; ``whole_part`` for the
    whole quotient of a division written with its remainder ("75 / 8 = 9 R 3" derives 9)."""

    value: float
    operands: list[float] = field(default_factory=list)
    whole_part: bool = False


@dataclass
class StepGraph:
    """What one step states and derives.

    Attributes:
        derived: values computed in the step (each side of a computation that is not a bare
            number; bare numbers written after ``=``).
        operands: numbers used as operands in the step's computations.
        stated: every number written in the step.
        last: the last number written in the step (its result in prose), or ``None``.
    """

    derived: list[Derivation] = field(default_factory=list)
    operands: list[float] = field(default_factory=list)
    stated: list[float] = field(default_factory=list)
    last: float | None = None


def step_graph(text: str) -> StepGraph:
    """The computation graph of one step (see :class:`StepGraph`)."""
    g = StepGraph(stated=numbers_in(text))
    # "11/4 = 2 3/4" arrives at 2.75, not 4; "... = 175 for the first 6 months" at 175, not 6;
    # unsigned, as the stated values are
    value = stated_result(text)
    if value is None:
        value = answer_value(text)
    g.last = abs(value) if g.stated and value is not None else None
    for expr, value, alone in ((e, v, len(c) == 1) for c in expression_chains(text) for e, v in c):
        if value is None:
            continue
        if _is_literal(expr) or (alone and _SIMPLE_FRACTION.fullmatch(expr)):
            # a fraction written alone ("Jethro has 1/3 of it") is a number, not a division
            continue
        if ("sqrt" in expr or "cbrt" in expr) and abs(value * 1000 - round(value * 1000)) > 1e-6:
            continue  # a root that does not come out even is estimated in the step's own words
        ops = [float(x) for x in re.findall(r"\d+(?:\.\d+)?|\.\d+", expr)]
        g.operands += ops
        g.derived.append(Derivation(value, ops))
    # "240 ÷ 35 = 6 R 30" works out a whole quotient from 240 and 35; "6 R 30" is how it is
    # written, not a computation on 6 and 30
    for a, b, q, r in remainders_in(text):
        # (nor is the exact quotient, 240 / 35 = 6 6/7, that "6 R 30" was read as: not stated)
        g.derived = [d for d in g.derived if not same_numbers(d.operands, [q, r, b])
                     and not (same_numbers(d.operands, [a, b]) and b and close(d.value, a / b) and not close(d.value, q))]
        g.operands = [o for o in g.operands if not (close(o, q) or close(o, r))]
        g.derived.append(Derivation(q, [a, b], whole_part=True))
    # an equation in one unknown derives its solution where it is set up ("x + 35 = 105")
    g.derived += [Derivation(v, ops) for v, ops in solved_unknowns(text)]
    return g


def _partial_values(text: str) -> list[float]:
    """Values a reference computes on the way to a written result: bracketed sub-expressions
    (``2*(3+2+6)`` gives 11) and the products and quotients a sum is made of (``2*48-6``
    gives 96: worked first, by the order of operations)."""
    out: list[float] = []
    for expr, value in expressions_in(text):
        if value is None or _is_literal(expr):
            continue
        inners = re.findall(r"\(([^()]+)\)", expr)
        if "(" not in expr:
            inners += [body for _, body in _TERM.findall(expr) if re.search(r"[*/]", body)]
        for inner in inners:
            v = evaluate(inner)
            if v is not None:
                out.append(float(v))
    return out


_TERM = re.compile(r"([-+]?)([^-+]+)")


def sub_sums(expr: str, max_terms: int = 6) -> list[float]:
    """Values of a bracket-free sum (normalised math, e.g. ``6*60+4*40``) with at least one
    term left out: each term alone and every combination of two or more (signed terms, taken
    in absolute value). Empty for other expressions or sums of more than ``max_terms`` terms.

    >>> sub_sums("20-5-7")
    [20.0, 5.0, 15.0, 7.0, 13.0, 12.0]
    """
    if not re.fullmatch(r"[\d.*/+\-]+", expr) or expr.startswith(("*", "/")):
        return []
    terms = []
    for sign, body in _TERM.findall(expr):
        v = evaluate(body)
        if v is None:
            return []
        terms.append(float(v) * (-1.0 if sign == "-" else 1.0))
    if not 2 <= len(terms) <= max_terms:
        return []
    out = []
    for mask in range(1, 2 ** len(terms) - 1):  # every non-empty proper subset
        out.append(abs(sum(t for k, t in enumerate(terms) if mask >> k & 1)))
    return out


def running_totals(expr: str) -> list[float]:
    """Where a running total may stand on the way to a bracket-free sum's value: for a sum of
    added terms, any terms added so far (:func:`sub_sums`, in any order); for a sum with terms
    taken away, the first amount with some of the others (``73-8+3`` gives 65 and 76).

    >>> running_totals("73-8+3")
    [65.0, 76.0]
    """
    if not re.search(r"(?<=.)[-−]", expr):
        return sub_sums(expr)
    if not re.fullmatch(r"[\d.*/+\-]+", expr) or expr.startswith(("*", "/", "-")):
        return []
    terms = [float(v) * (-1.0 if sign == "-" else 1.0) for sign, body in _TERM.findall(expr)
             if (v := evaluate(body)) is not None]
    if len(terms) != len(_TERM.findall(expr)) or not 3 <= len(terms) <= 6:
        return []
    out = []
    for mask in range(1, 2 ** (len(terms) - 1) - 1):  # the first term and a proper subset of the rest
        total = terms[0] + sum(t for k, t in enumerate(terms[1:]) if mask >> k & 1)
        if total > 0:
            out.append(total)
    return out


@dataclass
class ReferenceGraph:
    """The reference solution's values.

    Attributes:
        derived: every value the reference derives or states (results and intermediate sides).
        operands: numbers the reference uses as operands.
        final: the reference final answer (last number of the reference), or ``None``.
        derivations: each computation of the reference with its operands.
        partial_sums: what the reference's sums give with one or more terms left out
            (``40 - 9 - 13`` gives 31, 27, 22, ...): where a student value lands when a
            quantity is missing. Not counted as reference values (measured: treating them as
            valid detours lowered CV micro-F1 from 0.739 to 0.723).
        running_sums: where a running total may stand on the way to one of the reference's
            sums (:func:`running_totals`: ``20 + 15 + 45`` gives 35, 65, 60, ...).
    """

    derived: list[float]
    operands: list[float]
    final: float | None
    derivations: list[Derivation] = field(default_factory=list)
    partial_sums: list[float] = field(default_factory=list)
    running_sums: list[float] = field(default_factory=list)

    def explains(self, d: Derivation, given: Sequence[float] = ()) -> bool:
        """Whether the reference derives ``d.value`` too, from at least one shared operand
        (or states it without a computation); a value equal to a given quantity counts."""
        if contains(given, d.value, False):
            return True
        if d.whole_part and any(same_numbers(d.operands, r.operands) and close(d.value, math.floor(r.value))
                                for r in self.derivations):
            return True  # "152 ÷ 40 = 3 R 32" writes the reference's 152 / 40 = 3.8 another way
        hits = [r for r in self.derivations if close(r.value, d.value)]
        if not hits:
            return contains(self.derived, d.value) and not any(
                close(r.value, d.value) for r in self.derivations)
        return any(not r.operands or not d.operands
                   or any(contains(r.operands, o, False) for o in d.operands) for r in hits) \
            or any(contains([r.value for r in self.derivations], o, False) for o in d.operands)


    def contradicts(self, d: Derivation) -> bool:
        """Whether the reference computes something from exactly ``d``'s operands (the same
        multiset of numbers) and gets another value: the right numbers combined the wrong way
        (``48 * 2 = 96`` where the reference has ``48 / 2 = 24``), or miscalculated."""
        same = [r for r in self.derivations if same_numbers(d.operands, r.operands)]
        # (a division with a remainder gives its quotient and its exact value from one pair)
        return bool(same) and not any(close(d.value, math.floor(r.value) if d.whole_part else r.value)
                                      or close(d.value, r.value) for r in same)


def same_numbers(a: Sequence[float], b: Sequence[float]) -> bool:
    """Whether two non-empty lists hold the same numbers up to rounding, in any order."""
    if not a or len(a) != len(b):
        return False
    rest = list(b)
    for x in a:
        j = next((k for k, y in enumerate(rest) if close(x, y)), None)
        if j is None:
            return False
        rest.pop(j)
    return True


def reference_graph(reference: Sequence[str], final_answer: str | None = None) -> ReferenceGraph:
    """Build the :class:`ReferenceGraph` of a reference solution (list of step strings)."""
    derived: list[float] = []
    operands: list[float] = []
    derivations: list[Derivation] = []
    partial_sums: list[float] = []
    running_sums: list[float] = []
    for s in reference:
        g = step_graph(s)
        derived += [d.value for d in g.derived] + g.stated + _partial_values(s)
        operands += g.operands
        derivations += g.derived
        for expr, value in expressions_in(s):
            if value is not None:
                partial_sums += sub_sums(expr)
                if not re.search(r"[*/×÷]", expr):
                    running_sums += running_totals(expr)
    final = answer_value(final_answer) if final_answer else None
    if final is None:
        for s in reversed(reference):
            final = answer_value(s)
            if final is not None:
                break
    final = abs(final) if final is not None else None  # unsigned, as the stated values are
    return ReferenceGraph(derived, operands, final, derivations, partial_sums, running_sums)
