"""What a problem's written math practises, said in the words standards use.

A sentence encoder reads "3/4 + 1/6 = 11/12" as digits and signs; a standard says "add and
subtract fractions with different denominators". This module reads the computations and
equations of a problem and its worked solution (:mod:`tutor.mathcheck` does the reading) and
names what they practise in plain words ("adding fractions with unlike denominators",
"multiplying decimals", "solving a two-step linear equation in one variable"), so a short
typed problem is matched by its math, not by the things it names (48 clips is not measuring
with paper clips).

The topics describe the written math only (number kinds, operations, sizes, equations); they
never depend on a data set's wording. Pure functions; no model.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable

from tutor.mathcheck import linear_equations, normalize_math
from tutor.units import UNIT_AFTER, factor

#: Most topics a description names (the first found, in reading order).
MAX_TOPICS = 6
#: Characters of text read (a long lesson text has its math early, and the encoder reads
#: only the start of a query anyway).
MAX_CHARS = 4000

_OP_WORDS = {ast.Add: ("adding", "sums"), ast.Sub: ("subtracting", "differences"),
             ast.Mult: ("multiplying", "products"), ast.Div: ("dividing", "quotients")}

# fraction literals ("3/4", no spaces: "48 / 2" is a division), mixed numbers as normalize_math
# writes them ("(3+1/2)"), percents it wrote as "(25/100)"
_MIXED = re.compile(r"\((\d+)\+(\d+)/(\d+)\)")
_PERCENT = re.compile(r"\((\d+(?:\.\d+)?)/100\)")
_FRACTION = re.compile(r"(?<![\d/])(?<!\d\.)(\d+)/(\d+)(?![\d/]|\.\d)")
_LATEX_FRACTION = re.compile(r"\(\((\d+)\)/\((\d+)\)\)")  # "\frac{3}{4}" as normalize_math writes it
# a unit or noun between a number and an operator ("180 miles / 3 hours"): not part of the math
_UNIT_WORDS = re.compile(r"(\d)\s+[A-Za-z]+(?:\s+[A-Za-z]+)?\s*(?=[-+*/])")
# a fraction written equal to another fraction: "12/18 = 2/3"
_EQUIVALENT = re.compile(r"F\((\d+),(\d+)\)\s*=\s*F\((\d+),(\d+)\)")
# a run of arithmetic: numbers, the kinds marked above, operators and brackets
_RUN = re.compile(r"[-(]*(?:[FMP]\([\d.,]+\)|\d+(?:\.\d+)?)(?:[\s()]*[-+*/^][\s(]*-?(?:[FMP]\([\d.,]+\)|\d+(?:\.\d+)?)[)\s]*)+\)*")


def _marked(expr: str) -> str:
    """``normalize_math`` output with number kinds marked as calls: ``M(3,1,2)`` (mixed
    number), ``P(25)`` (percent), ``F(3,4)`` (fraction literal)."""
    expr = _LATEX_FRACTION.sub(r"\1/\2", expr)
    expr = _MIXED.sub(r"M(\1,\2,\3)", expr)
    expr = _PERCENT.sub(r"P(\1)", expr)
    return _FRACTION.sub(r"F(\1,\2)", expr)


def _kind(node: ast.AST) -> str | None:
    """The kind of an operand: whole, decimal, negative, fraction, mixed, percent; ``None``
    for a compound expression."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return "negative" if _kind(node.operand) else None
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return "decimal" if isinstance(node.value, float) and node.value != int(node.value) else "whole"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return {"F": "fraction", "M": "mixed", "P": "percent"}.get(node.func.id)
    return None


def _size(node: ast.AST) -> float:
    return abs(node.value) if isinstance(node, ast.Constant) else 0.0


def _places(node: ast.AST) -> int:
    """Decimal places of a number literal (0 for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, float):
        return len(repr(node.value).partition(".")[2].rstrip("0"))
    return 0


def _denominator(node: ast.AST) -> int | None:
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[-1], ast.Constant):
        return int(node.args[-1].value) if getattr(node.func, "id", "") in ("F", "M") else None
    return None


def _whole_topic(op: type, a: ast.AST, b: ast.AST) -> str:
    """Whole-number work by size, in the grade bands the standards use."""
    big = max(_size(a), _size(b))
    if op in (ast.Add, ast.Sub):
        if big <= 20:
            return "adding and subtracting within 20"
        if big <= 100:
            return "adding and subtracting two-digit numbers within 100"
        if big <= 1000:
            return "adding and subtracting three-digit numbers within 1000"
        return "adding and subtracting multi-digit whole numbers"
    if op is ast.Mult:
        if big <= 10:
            return "multiplying one-digit numbers within 100"
        return "multiplying multi-digit whole numbers"
    dividend, divisor = _size(a), _size(b)
    if dividend <= 100 and divisor <= 10:
        return "dividing within 100"
    if divisor >= 10:
        return "dividing multi-digit whole numbers by two-digit divisors"
    return "dividing multi-digit whole numbers by one-digit divisors"


def _binary_topic(node: ast.BinOp) -> str | None:
    op = type(node.op)
    a, b = node.left, node.right
    ka, kb = _kind(a), _kind(b)
    if op is ast.Pow:
        return "whole-number exponents and powers" if ka and kb == "whole" else None
    if op not in _OP_WORDS or not ka or not kb:
        return None
    verb, nouns = _OP_WORDS[op]
    kinds = {ka, kb}
    if "percent" in kinds:
        return "finding a percent of a quantity" if op is ast.Mult else f"{verb} with percents"
    if "negative" in kinds:
        return f"{verb} positive and negative rational numbers (integers)"
    if kinds & {"fraction", "mixed"}:
        mixed = " and mixed numbers" if "mixed" in kinds else ""
        if op in (ast.Add, ast.Sub):
            if kinds - {"fraction", "mixed"}:
                return f"{verb} fractions{mixed} and whole numbers"
            same = _denominator(a) == _denominator(b)
            like = "like (equal)" if same else "unlike (different)"
            return f"{verb} fractions{mixed} with {like} denominators"
        if op is ast.Mult:
            if kinds & {"whole", "decimal"}:
                return f"multiplying a fraction{mixed} by a whole number (a fraction of a quantity)"
            return f"multiplying fractions{mixed} (products of fractions)"
        if kinds & {"whole"}:
            return "dividing fractions by whole numbers and whole numbers by fractions"
        return "dividing fractions by fractions"
    if "decimal" in kinds:
        # grade 5 works to hundredths with small numbers; grade 6 with the standard algorithms
        small = max(_size(a), _size(b)) < 100 and all(_places(n) <= 2 for n in (a, b))
        return (f"{verb} decimals to hundredths ({nouns} of decimals)" if small
                else f"{verb} multi-digit decimals with the standard algorithm")
    if op is ast.Sub and _size(a) < _size(b):  # 12 - 15 = -3: below zero
        return "subtracting positive and negative rational numbers (integers)"
    return _whole_topic(op, a, b)


def _read(line: str) -> str:
    """One line as arithmetic with number kinds marked (see :func:`_marked`)."""
    return _marked(_UNIT_WORDS.sub(r"\1 ", normalize_math(line).replace(",", "")))


def _runs(marked: str) -> Iterable[str]:
    """Arithmetic runs of a line read by :func:`_read`: written as a computation (next to an
    "=", or with an operator other than a hyphen), not glued to a letter (``"x^2+2x-3"`` is
    algebra, not adding within 20) and not a range (``"grades 6-8"``)."""
    for m in _RUN.finditer(marked):
        run = m.group().strip()
        if _DATE.search(run):
            continue
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        end = start + len(run)
        before = marked[:start].rstrip()[-1:]
        after = marked[end:].lstrip()[:1]
        glued = marked[start - 1:start].isalpha() or marked[end:end + 1].isalpha()
        computed = "=" in (before, after) or re.search(r"[+*/^]|\s-\s", run) is not None
        if computed and not glued and before not in ("^", "_"):
            yield run.replace("^", "**")


def _equivalent_topics(marked: str) -> list[str]:
    out = []
    for m in _EQUIVALENT.finditer(marked):
        a, b, c, d = (int(g) for g in m.groups())
        if b and d and a * d == b * c and (a, b) != (c, d):
            out.append("equivalent fractions (simplifying a fraction)")
    return out


def _tree_topics(expr: str) -> list[str]:
    try:
        tree = ast.parse(expr, mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        return []
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp):
            topic = _binary_topic(node)
            if topic:
                out.append(topic)
    return out


def _equation_topics(line: str) -> list[str]:
    out = []
    for eq in linear_equations(line):
        if eq.solved:
            continue
        lhs, _, rhs = eq.text.partition("=")
        if eq.letter in lhs and eq.letter in rhs:
            out.append("solving linear equations in one variable with the variable on both sides")
        elif _DISTRIBUTES.search(eq.text):
            out.append("solving linear equations in one variable using the distributive property")
        elif len(eq.operands) <= 2:
            out.append("solving one-step equations such as x + p = q or px = q")
        else:
            out.append("solving two-step linear equations in one variable such as px + q = r")
    return out


def math_topics(text: str) -> list[str]:
    """What the written math of ``text`` practises, in reading order, without repeats.

    Args:
        text: a problem and (optionally) its worked solution, any length (the first
            :data:`MAX_CHARS` characters are read).

    Returns:
        At most :data:`MAX_TOPICS` short phrases, e.g. ``["adding fractions with unlike
        (different) denominators"]`` for ``"3/4 + 1/6 = 11/12"``; empty when no computation or
        equation is written.
    """
    if not isinstance(text, str):
        return []
    out: list[str] = []
    for line in text[:MAX_CHARS].splitlines():
        if _WRITES_MATH.search(line) is None:  # cheap: most lines of a lesson text are words
            continue
        marked = _read(line)
        found = (_equation_topics(line) if "=" in line else []) + _equivalent_topics(marked)
        for run in _runs(marked):
            found += _tree_topics(run)
        for topic in found:
            if topic not in out:
                out.append(topic)
            if len(out) == MAX_TOPICS:
                return out
    return out


_WRITES_MATH = re.compile(r"[=+×÷*/^²³√·%]|\d\s*[-−xX]\s*\d|\\(?:frac|sqrt)")
# a number times a bracket holding the unknown: "3(x - 2)", not "((x)/(3))" (a LaTeX fraction)
_DISTRIBUTES = re.compile(r"\d\(\s*[^()]*[A-Za-z]")
# a date: "3/4/2020" is not a division
_DATE = re.compile(r"\d+\s*/\s*\d+\s*/\s*\d+")
#: A problem of at most this many words is a bare exercise ("Simplify 12/18.", "Solve for x:
#: 3(x - 2) = 12"): the math is its topic, and its solution's math says more of it.
EXERCISE_WORDS = 6


def is_exercise(text: str) -> bool:
    """Whether a problem statement is a bare exercise: it writes math (an operator, "=" or a
    fraction) in at most :data:`EXERCISE_WORDS` words (of two letters or more), so it names no
    situation ("Natalia sold 48 clips." is a word problem cut short, not an exercise)."""
    return (isinstance(text, str) and _WRITES_MATH.search(text) is not None
            and len(re.findall(r"[A-Za-z]{2,}", text)) <= EXERCISE_WORDS)


# the unit a question asks in: "How many hours is that?", "… in centimeters?"
_ASKED_UNIT = re.compile(r"(?i)\bhow\s+many\s+([A-Za-z]+)|\bin\s+([A-Za-z]+)\s*\?")


def conversion_topics(text: str) -> list[str]:
    """A measurement the question asks for in another unit of the same kind than the problem
    gives it ("135 minutes … How many hours?"): ``["converting a measurement to a larger or
    smaller unit of the same system (minutes to hours)"]``; else empty. (A word problem writes
    no math for this: its words are what it practises.)"""
    if not isinstance(text, str):
        return []
    asked = [w for m in _ASKED_UNIT.finditer(text) for w in m.groups() if w]
    given = [m.group(0).split()[-1] if " " in m.group(0) else re.sub(r"^[\d.]+", "", m.group(0))
             for m in UNIT_AFTER.finditer(text)]
    for unit in asked:
        for have in given:
            f = factor(have, unit)
            if f is not None and f != 1:
                return [f"converting a measurement to a larger or smaller unit of the same system "
                        f"({have} to {unit})"]
    return []


def describe_math(text: str) -> str:
    """One line naming :func:`math_topics` and :func:`conversion_topics` ("Math practised:
    adding …; multiplying …."), or ``""`` when ``text`` writes no computation or equation and
    asks for no conversion."""
    topics = math_topics(text) + conversion_topics(text)
    return f"Math practised: {'; '.join(topics)}." if topics else ""
