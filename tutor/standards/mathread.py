"""What a problem's written math practises, said in the words standards use.

A sentence encoder reads "3/4 + 1/6 = 11/12" as digits and signs; a standard says "add and
subtract fractions with different denominators". This module reads the computations and
equations of a problem and its worked solution (:mod:`tutor.mathcheck` does the reading) and
names what they practise in plain words ("adding fractions with unlike denominators",
"multiplying decimals", "solving a two-step linear equation in one variable"), so a short
typed problem is matched by its math, not by the things it names (48 clips is not measuring
with paper clips).

A whole expression is named as what it practises, not as its steps: "8 + 4 x 3 - 6 / 2" is
evaluating an expression in the conventional order (order of operations), not multiplying
within 100 and adding within 20; "6 x (10 + 4) = 60 + 24" is the distributive property;
"4a + 3 when a = 5" is evaluating an expression at a value of its variable. A division says
what its quotient is when that is more than a whole number ("3 / 8 = 0.375": a fraction as a
decimal; "935 / 4 = 233 R 3": a remainder).

A word problem writes little math; some of its situations are what a standard practises, and
their words are the field's own (:func:`situation_topics`): equal groups of counted things
("168 cookies into boxes of 12", with a worked solution's "168 / 12") are multi-digit division,
not volume ("box", "fill") nor counting; "1 inch represents 25 miles" on a map is a scale
drawing; "the probability of picking a blue marble" is a chance event of grade 7, not
conditional probability; "the value of the digit 7 in 3,742,516" is place value to a million.

The topics describe the written math (number kinds, operations, sizes, equations) and those
situations; they never depend on a data set's wording. Pure functions; no model.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable

from tutor.mathcheck import linear_equations, normalize_math
from tutor.units import LENGTH_UNITS, UNIT_AFTER, factor, measure_of

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


_WHOLE_TOPICS = frozenset([
    "adding and subtracting within 20", "adding and subtracting two-digit numbers within 100",
    "adding and subtracting three-digit numbers within 1000",
    "adding and subtracting multi-digit whole numbers", "multiplying one-digit numbers within 100",
    "multiplying multi-digit whole numbers", "dividing within 100",
    "dividing multi-digit whole numbers by two-digit divisors",
    "dividing multi-digit whole numbers by one-digit divisors"])


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
    """One line as arithmetic with number kinds marked (see :func:`_marked`); square brackets
    group like parentheses ("20 - [3 x (2 + 4)]")."""
    text = normalize_math(line).replace(",", "").replace("[", "(").replace("]", ")")
    return _marked(_UNIT_WORDS.sub(r"\1 ", text))


def _runs(marked: str) -> Iterable[tuple[int, int, str]]:
    """Arithmetic runs of a line read by :func:`_read`, as ``(start, end, run)``: written as a
    computation (next to an "=", or with an operator other than a hyphen), not glued to a
    letter (``"x^2+2x-3"`` is algebra, not adding within 20) and not a range (``"grades
    6-8"``); ``run`` is Python syntax (``^`` written ``**``)."""
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
            yield start, end, run.replace("^", "**")


# Topics named for a whole expression or for what a computation turns a number into, in the
# words of the standards that practise them (5.OA.A.1, 6.EE.A.1-3, 3.OA.B.5, 8.EE.A.1,
# 4.NBT.B.6, 5.NF.B.3, 7.NS.A.2d, 4.NF.C.6)
ORDER_OF_OPERATIONS = ("evaluating numerical expressions with several operations in the "
                       "conventional order (order of operations)")
GROUPED_EXPRESSION = ("evaluating numerical expressions with parentheses, brackets or braces "
                      "(order of operations)")
EXPONENT_EXPRESSION = ("evaluating numerical expressions with whole-number exponents "
                       "(order of operations)")
SUBSTITUTION = ("evaluating expressions with variables at given values of the variables "
                "(substituting a number for a letter)")
PROPERTIES = ("properties of operations (commutative, associative, distributive) to write an "
              "equivalent expression")
EXPONENT_RULES = ("properties of integer exponents (product of powers, quotient of powers, "
                  "power of a power)")
REMAINDER = "dividing whole numbers with a remainder (whole-number quotients and remainders)"
FRACTION_QUOTIENT = ("dividing whole numbers to a fraction quotient (a fraction as its numerator "
                     "divided by its denominator)")
DECIMAL_QUOTIENT = ("converting a fraction to a decimal using long division (a decimal that "
                    "terminates or repeats)")
TENTHS_HUNDREDTHS = ("fractions with denominator 10 or 100 written as decimals (decimal notation "
                     "for tenths and hundredths)")
#: Topics of a whole expression: its whole-number steps ("4 x 3 = 12" in evaluating
#: "8 + 4 x 3 - 6 / 2") are how it is worked, not what it practises, and are not named.
_EXPRESSION_TOPICS = frozenset([ORDER_OF_OPERATIONS, GROUPED_EXPRESSION, EXPONENT_EXPRESSION,
                                SUBSTITUTION, PROPERTIES, EXPONENT_RULES])
# a number marked with its kind by _marked ("F(3,4)"): one number, not a bracket
_KIND_MARK = re.compile(r"[FMP]\([\d.,]+\)")
#: Operations by precedence level: an expression that mixes levels ("8 + 4 x 3") or groups
#: operations in brackets ("3 x (4 + 5)") practises the order of operations.
_LEVEL = {ast.Add: "add", ast.Sub: "add", ast.Mult: "mul", ast.Div: "mul", ast.Pow: "pow"}
# a fraction written equal to a decimal, either way round: "3/8 = 0.375", "0.47 = 47/100"
_FRACTION_DECIMAL = re.compile(r"F\((\d+),(\d+)\)\s*=\s*(\d*\.\d+)(?![\d(])|"
                               r"(?<![\d.])(\d*\.\d+)\s*=\s*F\((\d+),(\d+)\)")
# a remainder written after a quotient: "233 R 3", "233 r. 3", "233 remainder 3"
_REMAINDER_WRITTEN = re.compile(r"(?i)(\d)\s*,?\s*\b(?:R|rem(?:ainder)?)\.?\s*(?:of\s+)?\d+\b")
# what a run is set equal to: a decimal, a fraction or a mixed number (as _marked writes them)
_EQUALS_NOT_WHOLE = re.compile(r"\s*=\s*(?:\d*\.\d|[FM]\()")
# "when a = 5", "if x = -2", "for n = 3": a value given to a letter
_GIVEN_VALUE = re.compile(r"(?i)\b(?:when|if|for|where|with|at)\s+([a-z])\s*=\s*[-−]?\d")


def _equivalent_topics(marked: str) -> list[str]:
    out = []
    for m in _EQUIVALENT.finditer(marked):
        a, b, c, d = (int(g) for g in m.groups())
        if b and d and a * d == b * c and (a, b) != (c, d):
            out.append("equivalent fractions (simplifying a fraction)")
    for m in _FRACTION_DECIMAL.finditer(marked):
        num, den, dec = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(5, 6, 4)
        if int(den) and abs(int(num) / int(den) - float(dec)) < 0.006:
            out.append(TENTHS_HUNDREDTHS if int(den) in (10, 100) else DECIMAL_QUOTIENT)
    return out


def _unwrapped(expr: str) -> str:
    """``expr`` without brackets around the whole of it ("(5 + 5 + 5)" groups nothing)."""
    expr = expr.strip()
    while expr.startswith("(") and expr.endswith(")"):
        depth = 0
        for i, ch in enumerate(expr):
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if depth == 0 and i < len(expr) - 1:
                return expr
        expr = expr[1:-1].strip()
    return expr


def _is_power(node: ast.AST) -> bool:
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow)


def _expression_topic(expr: str, tree: ast.AST) -> str | None:
    """The topic of a whole expression that combines operations: with brackets around an
    operation, with powers among other operations, or mixing addition or subtraction with
    multiplication or division; ``None`` for one operation or a chain of one level
    ("8 + 12 - 3")."""
    ops = [n for n in ast.walk(tree) if isinstance(n, ast.BinOp) and type(n.op) in _LEVEL]
    if len(ops) < 2:
        return None
    # powers multiplied or divided together, or a power of a power: the exponent rules
    if any((isinstance(n.op, (ast.Mult, ast.Div)) and _is_power(n.left) and _is_power(n.right))
           or (isinstance(n.op, ast.Pow) and _is_power(n.left)) for n in ops):
        return EXPONENT_RULES
    levels = {_LEVEL[type(n.op)] for n in ops}
    # a bracket holding an operator (not a negative number "(-3)", nor a marked "F(3,4)")
    flat = _KIND_MARK.sub("1", _unwrapped(expr))
    grouped = re.search(r"\([^()]*\d\s*[-+*/^]", flat) is not None
    if grouped and levels != {"pow"}:
        return GROUPED_EXPRESSION
    if "pow" in levels:
        return EXPONENT_EXPRESSION
    return ORDER_OF_OPERATIONS if len(levels) > 1 else None


def _parse(expr: str) -> ast.AST | None:
    try:
        return ast.parse(expr, mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None


def _value(node: ast.AST) -> float | None:
    """The value of a whole-number or decimal expression (``None`` for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
        a, b = _value(node.left), _value(node.right)
        if a is None or b is None:
            return None
        if isinstance(node.op, ast.Mult):
            return a * b
        return a + b if isinstance(node.op, ast.Add) else a - b
    return None


def _numbers(node: ast.AST) -> list[float]:
    return sorted(float(n.value) for n in ast.walk(node)
                  if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)))


def _product(node: ast.AST) -> tuple[ast.AST, ast.AST] | None:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return node.left, node.right
    return None


def _is_sum(node: ast.AST) -> bool:
    return isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub))


def _distributes(a: ast.AST, b: ast.AST, first: bool) -> bool:
    """``a`` and ``b`` are one product written two ways with the distributive property:
    k x (p ± q) and k x p ± k x q (the products written or worked out: "6 x (10 + 4) = 60 + 24"),
    k x m and k x p ± k x q with p ± q = m ("6 x 7 = 6 x 5 + 6 x 2"), or, with ``a`` written
    first, k x m and k x (p ± q) ("6 x 7 = 6 x (5 + 2)", a factor broken apart; "3 x (4 + 5) =
    3 x 9" is the other way round: evaluating the bracket)."""
    pa = _product(a)
    if pa is None or _value(a) is None or _value(a) != _value(b):
        return False
    for k, rest in (pa, pa[::-1]):
        kv = _value(k)
        if kv in (None, 0.0, 1.0):
            continue
        if _is_sum(rest):  # k x (p ± q) = k·p ± k·q
            parts = [_value(n) for n in (rest.left, rest.right, b.left, b.right)] if _is_sum(b) else []
            if parts and None not in parts and type(b.op) is type(rest.op) and \
                    (kv * parts[0], kv * parts[1]) == (parts[2], parts[3]):
                return True
            continue
        pb = _product(b)
        if pb is not None:  # k x m = k x (p ± q)
            if first and any(_value(k2) == kv and _is_sum(r2) for k2, r2 in (pb, pb[::-1])):
                return True
        elif _is_sum(b):  # k x m = k x p ± k x q: both terms products with the factor k
            terms = [_product(b.left), _product(b.right)]
            if all(t is not None and kv in (_value(t[0]), _value(t[1])) for t in terms):
                return True
    return False


def _rewrites_by_properties(runs: list[tuple[int, int, str]], marked: str) -> bool:
    """Whether a line (``marked``, its ``runs`` from :func:`_runs`) sets two expressions equal
    that are the same numbers regrouped or reordered ("2 x (3 x 4) = (2 x 3) x 4", "3 + 5 = 5 +
    3") or one distributed over the other ("6 x (10 + 4) = 6 x 10 + 6 x 4 = 60 + 24")."""
    for (_, end1, r1), (start2, _, r2) in zip(runs, runs[1:]):
        if "=" not in marked[end1:start2]:
            continue
        a, b = _parse(r1), _parse(r2)
        if not (isinstance(a, ast.BinOp) and isinstance(b, ast.BinOp)):
            continue
        if _distributes(a, b, True) or _distributes(b, a, False):
            return True
        if (_numbers(a) == _numbers(b) and r1.replace(" ", "") != r2.replace(" ", "")
                and _value(a) is not None and _value(a) == _value(b)):
            return True
    return False


def _quotient_topic(node: ast.AST | None, marked: str, end: int, remainder: bool) -> str | None:
    """For a run (parsed: ``node``; ending at ``end`` of ``marked``) that divides one whole
    number by another that does not go into it evenly: :data:`REMAINDER` when the line writes
    a remainder, :data:`DECIMAL_QUOTIENT` or :data:`FRACTION_QUOTIENT` when the run is set equal
    to a decimal or a fraction; ``None`` otherwise."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)
            and _kind(node.left) == "whole" and _kind(node.right) == "whole"):
        return None
    a, b = _size(node.left), _size(node.right)
    if not b or a % b == 0:
        return None
    if remainder:
        return REMAINDER
    after = _EQUALS_NOT_WHOLE.match(marked, end)
    if after is None:
        return None
    return DECIMAL_QUOTIENT if "." in after.group() else FRACTION_QUOTIENT


def _substitution_topics(text: str) -> list[str]:
    """An expression in a letter evaluated at a value the text gives that letter ("the value of
    4a + 3 when a = 5"): ``[SUBSTITUTION]``; else empty."""
    for m in _GIVEN_VALUE.finditer(text):
        v = re.escape(m.group(1))
        # the letter in an expression: next to a number, an operator or a bracket ("4a",
        # "a + 3", "2(a - 1)", "a²"), outside the "a = 5" itself
        used = re.compile(rf"(?:\d|[-+*/×÷·(^])\s*{v}(?![A-Za-z])"
                          rf"|(?<![A-Za-z]){v}\s*(?:[-+*/×÷·^²³)]|\d)")
        if used.search(text[:m.start()] + " " + text[m.end():]):
            return [SUBSTITUTION]
    return []


def _tree_topics(expr: str) -> list[str]:
    try:
        tree = ast.parse(expr, mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        return []
    whole = _expression_topic(expr, tree)
    out = [whole] if whole else []
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp):
            topic = _binary_topic(node)
            # an expression's whole-number steps are how it is evaluated, not what it practises
            if topic and not (whole and topic in _WHOLE_TOPICS):
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
    text = text[:MAX_CHARS]
    out: list[str] = _substitution_topics(text)
    for line in text.splitlines():
        if _WRITES_MATH.search(line) is None:  # cheap: most lines of a lesson text are words
            continue
        # "935 / 4 = 233 R 3": a quotient and a remainder, not 233 plus 3/4
        remainder = _REMAINDER_WRITTEN.search(line) is not None
        marked = _read(_REMAINDER_WRITTEN.sub(r"\1", line) if remainder else line)
        found = (_equation_topics(line) if "=" in line else []) + _equivalent_topics(marked)
        runs = list(_runs(marked))
        if _rewrites_by_properties(runs, marked):
            # "6 x (10 + 4) = 6 x 10 + 6 x 4": the property is the topic, not the evaluation
            found.append(PROPERTIES)
            runs = []
        for _, end, run in runs:
            topics = _tree_topics(run)
            quotient = _quotient_topic(_parse(run), marked, end, remainder)
            if quotient:  # what the quotient is says more than the size of the numbers
                topics = [quotient if t.startswith("dividing") and t in _WHOLE_TOPICS else t
                          for t in topics]
            found += topics
        for topic in found:
            if topic not in out:
                out.append(topic)
    if any(t in _EXPRESSION_TOPICS for t in out):  # its steps are not named (see there)
        out = [t for t in out if t not in _WHOLE_TOPICS]
    return out[:MAX_TOPICS]


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


# ---------------------------------------------------------------- situations named by their words
# A word problem names a situation, and some situations are what a standard practises: equal
# groups of counted things (3.OA.A.3, 4.NBT.B.5-6, 5.NBT.B.5-6), a scale drawing or map
# (7.G.A.1), a chance process (7.SP.C.5-8), place value (1.NBT.B, 2.NBT.A, 4.NBT.A, 5.NBT.A).
# Their words ("boxes of 12", "1 inch represents 25 miles", "the probability of picking") are the
# field's vocabulary for them, not any data set's.

# equal groups: "in each", "each box holds", "boxes of 12", "a box holds 64", "shared equally"
_GROUPS = ("boxes|bags|packs|packages|cartons|crates|cases|trays|jars|baskets|bundles|bunches|stacks|"
           "sets|rows|columns|groups|teams|tables|shelves|pages|buses|vans|cars|boats")
_EQUAL_GROUPS = re.compile(rf"(?i)\b(?:each|every|equal(?:ly)?|evenly|arrays?|(?:{_GROUPS})\s+of\s+\d+|"
                           rf"(?:holds?|contains?|carr(?:y|ies))\s+\d+)\b")
# words of another situation whose products and quotients are not equal groups: ratios and
# rates, percents, a mean, a scale, chance, a measure of a figure, factors and multiples
_NOT_EQUAL_GROUPS = re.compile(r"(?i)\b(?:ratios?|rates?|per|for\s+every|percent|proportion(?:al)?|"
                               r"speed|average|mean|scale|probability|chance|area|perimeter|volume|"
                               r"factors?|multiples?|prime|composite|divisible)\b|%")

# chance named as such ("the probability of", "the chance that", "equally likely"): spinners, number
# cubes and "likely" alone are also games and everyday words in lessons about other things
_PROBABILITY = re.compile(r"(?i)\b(?:probability|probabilities|chances?\s+(?:of|that)|equally\s+likely|"
                          r"how\s+likely|likelihood)\b")
# two or more outcomes together: "twice", "two dice", "both", "in a row", "and then", a sum
_COMPOUND = re.compile(r"(?i)\b(?:twice|both|in\s+a\s+row|and\s+then|then\s+\w+\s+again|again|"
                       r"(?:two|three|2|3)\s+(?:dice|coins|number\s+cubes|spinners|times)|sum\s+of|"
                       r"tree\s+diagram|sample\s+space|compound|each\s+time)\b")
# a prediction over many trials, or a frequency seen in them: "spin it 80 times", "about how many"
_TRIALS = re.compile(r"(?i)\b(?:\d+|many)\s+(?:times|trials|spins|rolls|tosses|flips|draws)\b|"
                     r"\b(?:predict|expect(?:ed)?|about\s+how\s+many|experiment(?:al)?|"
                     r"relative\s+frequency)\b")
SIMPLE_PROBABILITY = ("probability of a chance event (a number from 0 to 1) from a uniform probability "
                      "model that gives all outcomes equal probability")
COMPOUND_PROBABILITY = "probabilities of compound events using organized lists, tables and tree diagrams"
TRIALS_PROBABILITY = ("predicting the approximate relative frequency of a chance event over many trials "
                      "from its probability")

# a scale drawing, map or model: "on a map", "a scale of 1 cm to 2 m", "1 inch represents 25 miles"
_SCALE_CONTEXT = re.compile(r"(?i)\b(?:scale|maps?|blueprints?|floor\s+plans?)\b")
_LENGTH = "|".join(sorted((re.escape(u) for u in LENGTH_UNITS), key=len, reverse=True))
_SCALE_NUMBER = r"\d+(?:[./]\d+)?"
# the scale itself: "a scale of 1:24", "scale 1 cm to 2 m", "1 inch represents 25 miles" (not a
# rating "on a scale of 1 to 10")
_SCALE_RATIO = re.compile(
    rf"(?i)(?<!\bon\sa\s)\bscale\s+(?:of\s+|is\s+)?{_SCALE_NUMBER}\s*(?:(?:{_LENGTH})\b\s*)?"
    rf"(?::|to\b|=|represents?\b)\s*{_SCALE_NUMBER}|"
    rf"{_SCALE_NUMBER}\s*(?:{_LENGTH})\s*(?:represents?|stands?\s+for|=|equals?|is\s+equal\s+to|:|to\b)\s*"
    rf"{_SCALE_NUMBER}\s*(?:{_LENGTH})\b")
SCALE_DRAWING = ("scale drawings: using the scale to find actual lengths and areas from a scale "
                 "drawing, map or model")


# place value: "the value of the digit 7", "the 5 in the hundreds place", "in expanded form"
_PLACE_VALUE = re.compile(r"(?i)\b(?:place[\s-]+value|value\s+of\s+the\s+(?:digit|\d)|"
                          r"(?:ones|tens|hundreds|thousands|ten[\s-]thousands|hundred[\s-]thousands|millions|"
                          r"tenths|hundredths|thousandths)\s+place|expanded\s+form)\b")
PLACE_VALUE_DECIMAL = ("place value in decimals to thousandths (a digit is worth one tenth of what it is "
                       "worth in the place to its left)")
PLACE_VALUE_MULTI_DIGIT = ("place value in multi-digit whole numbers (a digit is worth ten times what it is "
                           "worth in the place to its right)")
PLACE_VALUE_THREE_DIGIT = "place value of three-digit numbers (hundreds, tens and ones)"
PLACE_VALUE_TWO_DIGIT = "place value of two-digit numbers (tens and ones)"


def _place_value_topics(text: str) -> list[str]:
    """Place value named by the numbers the problem writes: decimals, multi-digit whole numbers
    (1,000 and more), three-digit or two-digit numbers (the grade bands of 5.NBT.A, 4.NBT.A,
    2.NBT.A and 1.NBT.B)."""
    if _PLACE_VALUE.search(text) is None:
        return []
    numbers = re.findall(r"(?<![\d.])\d[\d,]*(?:\.\d+)?", text)
    if any("." in n for n in numbers) or re.search(r"(?i)\b(?:tenths|hundredths|thousandths)\b", text):
        return [PLACE_VALUE_DECIMAL]
    biggest = max((float(n.replace(",", "")) for n in numbers), default=0.0)
    if biggest >= 1000:
        return [PLACE_VALUE_MULTI_DIGIT]
    if biggest >= 100:
        return [PLACE_VALUE_THREE_DIGIT]
    return [PLACE_VALUE_TWO_DIGIT] if biggest >= 10 else []


def _counted(text: str) -> set[float]:
    """Numbers of ``text`` written with a unit of measure after them ("12 feet", "4 hours"; money
    counts as a count of dollars)."""
    out = set()
    for m in UNIT_AFTER.finditer(text):
        unit = m.group(0)[len(m.group(1)):].strip()
        if measure_of(unit) != "money":
            out.add(float(m.group(1)))
    return out


def _equal_groups_topics(text: str, solution: str) -> list[str]:
    """A word problem about equal groups of counted things ("168 cookies into boxes of 12") whose
    worked solution multiplies or divides two of the problem's whole numbers: that product or
    quotient, named by its size as the standards do ("dividing multi-digit whole numbers by
    two-digit divisors"). Measured quantities ("12 feet", "4 hours") are areas, rates and
    conversions, and ratio, percent, mean, scale and chance problems are not equal groups."""
    if not solution or _EQUAL_GROUPS.search(text) is None or _NOT_EQUAL_GROUPS.search(text):
        return []
    given = {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}
    measured = _counted(text)
    out: list[str] = []
    for line in solution.splitlines():
        if _WRITES_MATH.search(line) is None:
            continue
        for _, _, run in _runs(_read(line)):
            tree = _parse(run)
            for node in ast.walk(tree) if tree is not None else ():
                if not (isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Div))
                        and _kind(node.left) == "whole" and _kind(node.right) == "whole"):
                    continue
                a, b = _size(node.left), _size(node.right)
                if not ({a, b} & given) or {a, b} & measured:
                    continue
                topic = _whole_topic(type(node.op), node.left, node.right)
                if topic not in out:
                    out.append(topic)
    return out[:2]


#: Most words of a problem statement whose situation is read (one to four sentences, as a student
#: types a problem; the problem bank's longest has 30). A lesson text of many problems (MathFish's
#: median is 268 words) mentions "place value", "probability" or a map in passing as often as
#: it practises them: read on every MathFish text, the situations named place value on 35 lessons,
#: 12 of them without a place-value label.
SITUATION_WORDS = 60


def situation_topics(text: str, solution: str = "") -> list[str]:
    """What a word problem's situation practises, read from its words (and, for equal groups,
    from the products and quotients of its worked ``solution``): equal groups of counted things
    by the size of their numbers, place value by the size of the numbers written, a scale
    drawing or map, a chance process (a simple event, a compound event, or a prediction over
    many trials); empty for none of these.

    Args:
        text: the problem statement; one longer than :data:`SITUATION_WORDS` words (a lesson
            text, not one problem) names no situation.
        solution: worked-solution lines joined by newlines ("" when none).
    """
    if not isinstance(text, str) or len(text.split()) > SITUATION_WORDS:
        return []
    out = _equal_groups_topics(text, solution or "") + _place_value_topics(text)
    if _SCALE_CONTEXT.search(text) and _SCALE_RATIO.search(text):
        out.append(SCALE_DRAWING)
    if _PROBABILITY.search(text):
        if _COMPOUND.search(text):
            out.append(COMPOUND_PROBABILITY)
        elif _TRIALS.search(text):
            out.append(TRIALS_PROBABILITY)
        else:
            out.append(SIMPLE_PROBABILITY)
    return out


def describe_math(text: str, solution: str = "") -> str:
    """One line naming :func:`math_topics`, :func:`conversion_topics` and
    :func:`situation_topics` ("Math practised: adding …; multiplying …."), or ``""`` when
    ``text`` writes no computation or equation, asks for no conversion and names no situation
    a standard practises.

    Args:
        text: the math to read (a problem, with its solution for a bare exercise).
        solution: a word problem's worked-solution lines, read only for its equal groups.
    """
    topics = math_topics(text) + conversion_topics(text) + situation_topics(text, solution)
    topics = list(dict.fromkeys(topics))
    return f"Math practised: {'; '.join(topics)}." if topics else ""
