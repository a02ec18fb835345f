"""Expressions rewritten across a solution: "Simplify 3(x + 4) + 2x", "Expand 7(2a - 1)",
"Evaluate 3x + 2 when x = 4".

Such a problem has no equation to solve: each line of the work rewrites the problem's
expression, and every rewriting must be *equivalent* to what it rewrites (sympy: the
difference simplifies to 0; with the values the problem gives, "when x = 4", put in first).
:func:`expression_task` reads the task from the problem's words (an instruction to simplify,
expand, multiply out, combine like terms, factor, write an equivalent expression, or to evaluate
an expression in letters at given values) and the expression right after it; a problem that
also states an equation ("Solve ...", "Given x + y = 7, evaluate ...") or introduces its letter
("Let x be ...") is no such task.

:func:`expression_checks` then follows the expression through the steps:

* a chain ``A = B = C`` must hold link by link ("3(x + 4) = 3x + 4" is wrong whatever comes
  before it). A chain that starts from the expression so far carries it on; one that works out
  a part of it is a side calculation ("3(x + 4) = 3x + 12" inside "3(x + 4) + 2x", "7 × 2a =
  14a" inside "7(2a - 1)"); one that is neither starts from the expression so far, rewritten,
  and is compared with it ("2x - 10 - x - 3 = x - 13" for "2(x - 5) - (x - 3)");
* a line (an array row: "&= ...") that starts with "=" continues the expression written last;
* an expression alone in its sentence, beside words that only present it ("6m + 12 + 3m - 3",
  "The answer is 4a + 2b.", "The expression becomes: ..."), is the expression so far,
  rewritten; one named among other words ("the second part becomes ...") is not compared.

The first link that is not equivalent is the first wrong step. Work whose last expression is
the problem's expression rewritten, with every link right, is proven from the problem itself.
Only what is read cleanly is checked: a run cut by words or symbols, or a letter the problem's
expression does not have, is left alone (and a line that continues an expression not read
cleanly is not compared with anything).

Parsing is the project's own: :func:`tutor.mathcheck.normalize_math` (Unicode, LaTeX,
"×", "·", "−", "x²") and its sympy reader for algebra (implicit products "3x", "2(x + 1)",
"30abc").

Layer 3 (pure functions over text).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from tutor.mathcheck import parse_side, quiet_sympy, too_big, normalize_math
from tutor.mathtext import readable_expression

# the instruction that makes a problem an expression task (a verb, not "a factor of 12")
_INSTRUCTION = re.compile(
    r"(?i)\b(?:simplif(?:y|ied|ying)|expand(?:ed|ing)?|multiply\s+out|combine\s+(?:the\s+)?like\s+terms"
    r"|equivalent\s+(?:expression|to|form)|factori[sz]e|factor(?!s?\s+of\b)(?=\s+(?:completely|fully|"
    r"the\s+expression|each|[-$\\(\d]|[A-Za-z](?![A-Za-z])))|evaluate|rewrite"
    r"|(?:find|what\s+is|work\s+out|calculate|compute|give)\s+the\s+value\s+of)\b")
# an instruction to evaluate: the letters must be given values
_EVALUATE = re.compile(r"(?i)\b(?:evaluate|value\s+of)\b")
# what makes it something else: an equation to solve, a letter introduced for an unknown
_NOT_A_REWRITING = re.compile(r"(?i)\bsolve\b|\blet\s+[A-Za-z]\s+(?:be|represent|stand|denote)\b"
                              r"|\b[A-Za-z]\s+(?:represents?|stands?\s+for|denotes?)\b|\binequalit|\bequation")
# tokens of normalised text
_TOKEN = re.compile(r"(?P<num>\d+(?:\.\d+)?|\.\d+)|(?P<word>[A-Za-z]+)|(?P<op>[-+*/^])|(?P<lp>[(\[])"
                    r"|(?P<rp>[)\]])|(?P<eq>=)|(?P<sp>\s+)|(?P<neutral>[,.;:!?\"'$])|(?P<other>.)")
# names that are not products of letters ("sin x", "3sqrt(2)", "log")
_FUNCTIONS = frozenset({"sin", "cos", "tan", "cot", "sec", "csc", "log", "ln", "exp", "sqrt", "lim", "max", "min",
                        "mod", "gcd", "lcm", "pi", "abs", "det", "arg", "deg", "cm", "mm", "km", "kg", "in", "ft",
                        "is", "of", "to", "and", "or", "by", "as", "at", "if", "so", "on", "we", "it", "be", "an"})
# the words a line may hold beside its one expression and still be that expression, said
# ("So the answer is 4a + 2b.", "Simplified: 5x + 12", "Step 2: 9m + 9")
_CLAIM_WORDS = frozenset("""so thus therefore hence then now finally first next last and the answer final is it this
that which simplified simplifies simplify simplest expression result form we get gives give have has becomes become
equals equal to expanded expand factored factor factorised factorized combined combine combining like terms in our
its my i value solution step steps altogether overall all together written write as or gets left with leaves us
these fully completely original given of now
""".split())
# the words that present what follows as the expression ("... is", "... becomes:", "= ")
_PRESENTS = re.compile(r"(?i)(?:\b(?:is|are|becomes?|gives?|get|gets|equals?|to|answer|result)|[:=])\W*$")
# "\\begin{align*}", "\\end{array}": where a LaTeX array starts and ends
_ENVIRONMENT = re.compile(r"\\(?:begin|end)\s*\{[^{}]*\}(?:\{[^{}]*\})?")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# a step label before the work ("Step 2:", "2)")
_STEP_LABEL = re.compile(r"(?i)^\s*(?:step\s*\d+\s*[:.)-]?|\d+\s*[.):]\s)")
#: Longest run of math read (bounds sympy's work).
_MAX_CHARS = 200


@dataclass(frozen=True)
class ExpressionTask:
    """What an expression problem asks.

    Attributes:
        expression: the problem's expression (normalised, e.g. ``"3(x+4)+2x"``).
        letters: its letters (the only ones a step's expression may hold).
        values: the values the problem gives its letters ("when x = 4"): letter -> value.
        evaluate: the problem asks for a value (every letter is given one).
    """

    expression: str
    letters: frozenset[str]
    values: tuple[tuple[str, Fraction], ...] = ()
    evaluate: bool = False


@dataclass(frozen=True)
class Link:
    """One rewriting checked: ``after`` written for ``before`` (``ok``: equivalent)."""

    before: str
    after: str
    ok: bool


@dataclass
class ExpressionWork:
    """The expression followed through a solution.

    Attributes:
        task: what the problem asks.
        links: per step, the rewritings checked in it (in written order).
        unread: per step, whether it writes an expression in letters that no link checks (one
            named among words, "the second part becomes ..."; one not read cleanly).
        first_wrong: 0-based index of the first step with a rewriting that is not equivalent.
        wrong: that rewriting.
        final: the last expression the solution writes (normalised), ``None`` without one.
        final_step: 0-based index of the step that writes it.
        complete: ``final`` is the problem's expression rewritten (equivalent to it).
    """

    task: ExpressionTask
    links: list[list[Link]] = field(default_factory=list)
    unread: list[bool] = field(default_factory=list)
    first_wrong: int | None = None
    wrong: Link | None = None
    final: str | None = None
    final_step: int | None = None
    complete: bool = False

    @property
    def proven(self) -> bool:
        """Every rewriting right and the last one the problem's expression rewritten."""
        return self.first_wrong is None and self.complete


@dataclass(frozen=True)
class _Run:
    """A run of math in one line: its ``=``-separated parts (normalised)."""

    parts: tuple[str, ...]
    continues: bool  # the line starts with "=": the expression so far is its first part
    labelled: bool  # a word before a leading "=" ("Numerator = ...")
    clean: bool  # nothing glued on, no operator cut off, every part readable
    letters: frozenset[str]
    start: int
    end: int


def readable(expr: str) -> str:
    """An expression as normalised, written back for a student: ``"3(x+4)+2x"`` ->
    ``"3(x + 4) + 2x"``, ``"7*2a"`` -> ``"7 × 2a"``, ``"3(5)+2"`` -> ``"3(5) + 2"``."""
    # a number in brackets that multiplies ("3(5)") keeps them: "35" is another number
    kept = re.sub(r"(?<=[\w)])\((-?\d+(?:\.\d+)?)\)", "\x00\\1\x01", expr)
    out = readable_expression(kept).replace("\x00", "(").replace("\x01", ")")
    out = re.sub(r"(?<![\w)])\(([A-Za-z])\)", r"\1", out)  # "((x)/2)": LaTeX's \frac{x}{2}
    out = re.sub(r"(?<=[A-Za-z\d)])\s*([+-])\s*(?=[\w(.])", r" \1 ", out)
    return re.sub(r"\s+", " ", out).strip()


def _letters(tokens: Sequence[tuple[str, str]]) -> set[str]:
    return {ch for kind, v in tokens if kind == "word" for ch in v}


def _wraps(run: Sequence[tuple[str, str, int, int]]) -> bool:
    """Whether the run's first bracket closes at its last token."""
    depth = 0
    for j, t in enumerate(run):
        depth += {"lp": 1, "rp": -1}.get(t[0], 0)
        if depth == 0:
            return j == len(run) - 1
    return False


def _runs(line: str) -> list[_Run]:
    """The runs of math in one normalised line. A word breaks a run, unless it is glued to a
    number or a closing bracket and reads as a product of letters ("30abc", "(x+1)ab"); a
    symbol the reader does not know ("<", "%", "°") makes the runs beside it unclean."""
    toks = [(m.lastgroup, m.group(), m.start(), m.end()) for m in _TOKEN.finditer(line)]
    runs: list[list[tuple[str, str, int, int]]] = [[]]
    dirty: set[int] = set()
    for k, (kind, val, s, e) in enumerate(toks):
        if kind == "word":
            prev = toks[k - 1] if k else None
            glued = prev is not None and prev[3] == s and prev[0] in ("num", "rp")
            lone = len(val) == 1 and val not in "I"
            if (lone or (glued and len(val) <= 4)) and val.lower() not in _FUNCTIONS:
                runs[-1].append((kind, val, s, e))
                continue
            if runs[-1] and runs[-1][-1][3] == s:
                dirty.add(len(runs) - 1)  # "3sqrt": a name glued to the run
            runs.append([])
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and nxt[2] == e and nxt[0] in ("num", "lp", "word"):
                dirty.add(len(runs) - 1)  # "sqrt(2)", "f(x)": the run after a name
            continue
        if kind == "sp":
            continue
        if kind in ("neutral", "other"):
            if kind == "other":
                dirty.add(len(runs) - 1)
                runs.append([])
                dirty.add(len(runs) - 1)
            else:
                runs.append([])
            continue
        runs[-1].append((kind, val, s, e))
    out = []
    for k, run in enumerate(runs):
        if not run:
            continue
        # brackets around the whole run, or left open at its ends ("\\[ ... \\]")
        while run and run[0][0] == "lp" and sum(t[0] == "lp" for t in run) > sum(t[0] == "rp" for t in run):
            run = run[1:]
        while run and run[-1][0] == "rp" and sum(t[0] == "rp" for t in run) > sum(t[0] == "lp" for t in run):
            run = run[:-1]
        while len(run) > 2 and run[0][0] == "lp" and run[-1][0] == "rp" and _wraps(run):
            run = run[1:-1]  # "\\(x^2\\)", "(a)": brackets around the whole run
        if not run:
            continue
        tokens = [(t[0], t[1]) for t in run]
        if not any(kind in ("num", "word") for kind, _ in tokens):
            continue
        letters = frozenset(_letters(tokens))
        if not letters and not any(kind == "op" for kind, _ in tokens) and "=" not in [v for _, v in tokens]:
            continue  # a bare number
        if letters and len(tokens) == 1:
            continue  # a lone letter ("a", "x") in words
        text = "".join("(" if v == "[" else ")" if v == "]" else v for _, v in tokens)
        continues = text.startswith("=")
        before = line[:run[0][2]]
        labelled = continues and re.search(r"[A-Za-z\d]", before) is not None
        clean = k not in dirty
        parts = tuple(text.lstrip("=").split("="))
        if any(not p or p[-1] in "+-*/^(" or p[0] in "+*/^)" for p in parts):
            clean = False  # an operator cut off: part of a longer expression
        if any(p.count("(") != p.count(")") for p in parts) or len(text) > _MAX_CHARS:
            clean = False
        out.append(_Run(parts, continues and not labelled, labelled, clean, letters, run[0][2], run[-1][3]))
    return out


@functools.lru_cache(maxsize=4096)
def _parse(expr: str):
    """The sympy expression of a normalised part, or ``None`` when it cannot be read."""
    if too_big(expr):
        return None
    try:
        quiet_sympy()
        return parse_side(expr)
    except Exception:  # unreadable student input: no expression, not a crash
        return None


def equivalent(a: str, b: str, values: Sequence[tuple[str, Fraction]] = ()) -> bool | None:
    """Whether two expressions (normalised text) are equal for every value of their letters
    (with ``values`` put in first): ``True``, ``False``, or ``None`` when either cannot be
    read or sympy cannot decide. "Not equal" is only said where a value of the letters shows
    it (so an identity sympy cannot simplify is never called wrong)."""
    import sympy

    pa, pb = _parse(a), _parse(b)
    if pa is None or pb is None:
        return None
    try:
        subs = {sympy.Symbol(k): sympy.Rational(v.numerator, v.denominator) for k, v in values}
        if subs:
            pa, pb = pa.subs(subs), pb.subs(subs)
        diff = pa - pb
        if diff == 0 or sympy.cancel(sympy.together(diff)) == 0:
            return True
        symbols = sorted(diff.free_symbols, key=str)
        if not symbols and not (pa.free_symbols or pb.free_symbols):
            if not (pa.is_real and pb.is_real):
                return None
            # a value written rounded to its decimals ("0.67" for 2/3) is that value
            places = re.fullmatch(r"-?\d*\.(\d+)", b)
            off = abs(float(pa) - float(pb))
            half_unit = 0.5 * 10.0 ** -len(places.group(1)) + 1e-12 if places else 0.0
            return off <= 1e-9 * max(1.0, abs(float(pa))) or off <= half_unit
        if not symbols:  # "3(x + 4) - (3x + 4)" is 8
            return False if diff.is_zero is False else None
        # not simplified to 0: equal only if it is 0 at every point tried
        for point in ((Fraction(7, 3), Fraction(5, 2), Fraction(11, 7)),
                      (Fraction(13, 5), Fraction(17, 4), Fraction(3, 2))):
            at = {x: sympy.Rational(point[k % 3].numerator, point[k % 3].denominator) + k
                  for k, x in enumerate(symbols)}
            value = complex(sympy.N(diff.subs(at)))
            if value != value or abs(value) == float("inf"):
                return None
            if abs(value) > 1e-9 * max(1.0, abs(complex(sympy.N(pa.subs(at))))):
                return False
        return True  # 0 at points no identity-breaking slip hits by chance
    except Exception:  # sympy may fail on odd input: undecided
        return None


def _top_terms(expr: str) -> int:
    """How many terms ``expr`` writes at its top level ("2x-10-x-3": 4, "2(x-5)-(x-3)": 2)."""
    depth, count = 0, 1
    for j, ch in enumerate(expr):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch in "+-" and depth == 0 and j and expr[j - 1] not in "+-*/^(=":
            count += 1
    return count


_MAX_TERMS, _MAX_FACTORS = 10, 6


def flat_terms(node) -> list:
    """The terms of a sum, brackets inside it opened ("2(x - 5) - (x - 3)": 2(x - 5), -x, 3)."""
    import sympy

    if node.is_Add:
        return [t for a in node.args for t in flat_terms(a)]
    if node.is_Mul and len(node.args) == 2 and node.args[0] == -1 and node.args[1].is_Add:
        return [sympy.Mul(-1, t, evaluate=False) for t in flat_terms(node.args[1])]
    return [node]


def written_terms(expr: str) -> list | None:
    """The terms of ``expr`` (student text) as written, none combined, as sympy expressions:
    ``"3y - y"`` -> ``[3y, -y]``, ``"x + x"`` -> ``[x, x]``, a bracket after a minus opened
    (``"5 - (x - 3)"`` -> ``[5, -x, 3]``); ``None`` when it cannot be read. Each term is
    returned evaluated (``2*3x`` as ``6x``), so its number and letter part can be read off."""
    import sympy

    tree = written_tree(expr)
    try:
        return None if tree is None else [sympy.expand(t) for t in flat_terms(tree)]
    except Exception:  # sympy may fail on odd input: no terms, not a crash
        return None


def written_tree(expr: str):
    """``expr`` (student text, one side of an equation) read by sympy as written, nothing
    worked out ("-7/1" stays -7 times 1/1, "2+y+2" keeps both 2s), or ``None`` when it cannot
    be read."""
    import sympy

    if too_big(expr):
        return None
    try:
        quiet_sympy()
        with sympy.evaluate(False):
            return parse_side(normalize_math(expr))
    except Exception:  # unreadable student input: no expression, not a crash
        return None


def flat_factors(node) -> list:
    """The factors of a product, a divisor's factors as their inverses ("40r^9/(8r^4)": 40,
    r^9, 1/8, 1/r^4)."""
    import sympy

    if node.is_Mul:
        return [f for a in node.args for f in flat_factors(a)]
    if node.is_Pow and node.args[1] == -1 and node.args[0].is_Mul:
        return [sympy.Pow(f, -1, evaluate=False) for f in flat_factors(node.args[0])]
    return [node]


@functools.lru_cache(maxsize=1024)
def _pieces(expr: str, values: tuple[tuple[str, Fraction], ...]) -> frozenset[tuple[complex, complex]] | None:
    """The values, at two points, of the parts a side calculation may work out from ``expr``:
    every sub-expression as written, any terms of a sum taken together ("4x + 2x" in "4x + 3 +
    2x"), any factors of a product ("r^9/r^4" in "40r^9/(8r^4)"), and one term of a bracket
    multiplied by the rest ("7 × 2a" in "7(2a - 1)", "x·x" in "(x + 3)(x + 2)")."""
    import itertools

    import sympy

    try:
        with sympy.evaluate(False):
            tree = parse_side(expr)
        found = []
        for node in sympy.preorder_traversal(tree):
            found.append(node)
            if node.is_Add:
                terms = flat_terms(node)[:_MAX_TERMS]
                found += [sympy.Add(*c, evaluate=False) for k in range(2, len(terms) + 1)
                          for c in itertools.combinations(terms, k)]
            elif node.is_Mul:
                factors = flat_factors(node)[:_MAX_FACTORS]
                found += [sympy.Mul(*c, evaluate=False) for k in range(2, len(factors))
                          for c in itertools.combinations(factors, k)]
                for j, f in enumerate(factors):
                    rest = factors[:j] + factors[j + 1:]
                    for t in (flat_terms(f) if f.is_Add else []):
                        found.append(sympy.Mul(t, *rest, evaluate=False))
                        for g in rest:  # a term of each of two brackets: "3 × 2" in (x + 3)(x + 2)
                            found += [sympy.Mul(t, u, *[h for h in rest if h is not g], evaluate=False)
                                      for u in (flat_terms(g) if g.is_Add else [])]
        return frozenset(v for v in (_at_points(f, values) for f in found[:2000]) if v is not None)
    except Exception:  # unreadable: no parts known
        return None


def _at_points(node, values: tuple[tuple[str, Fraction], ...]) -> tuple[complex, complex] | None:
    """``node``'s value at two points (the given values put in first), rounded for matching."""
    import sympy

    out = []
    given = {sympy.Symbol(k): sympy.Rational(v.numerator, v.denominator) for k, v in values}
    for base in (Fraction(7, 3), Fraction(13, 5)):
        symbols = sorted(node.free_symbols - set(given), key=str)
        at = {**given, **{x: sympy.Rational(base.numerator, base.denominator) + k for k, x in enumerate(symbols)}}
        try:
            value = complex(sympy.N(node.xreplace(at).doit()))
        except (TypeError, ValueError, ZeroDivisionError):
            return None
        if value != value or abs(value) == float("inf"):
            return None
        out.append(complex(round(value.real, 6), round(value.imag, 6)))
    return out[0], out[1]


def _like_terms_to_number(a: str, b: str, whole: str) -> bool:
    """Whether ``a = b`` writes terms in the problem's letters as a bare nonzero number ("3y - y
    = 3" in "2x + 3y + 4x - y"): a wrong rewriting of a part, not an equation ("6x + 3 = 0"
    sets the whole to 0)."""
    pa, pb, pw = _parse(a), _parse(b), _parse(whole)
    if pa is None or pb is None or pw is None or pb.free_symbols or pb == 0:
        return False
    return _top_terms(a) >= 2 and bool(pa.free_symbols) and pa.free_symbols <= pw.free_symbols


def _side_calculation(expr: str, wholes: Sequence[str], values: tuple[tuple[str, Fraction], ...]) -> bool:
    """Whether ``expr``, the start of a chain that is not the expression so far, works out a
    part of it: fewer terms than the whole ("3(x + 4)" in "3(x + 4) + 2x"), or a part of one of
    ``wholes`` (the expression so far, the last one written, the problem's)."""
    if _top_terms(expr) < max(2, *(_top_terms(w) for w in wholes)):
        return True
    parse = _parse(expr)
    if parse is None:
        return True
    value = _at_points(parse, values)
    if value is None:
        return True  # not known: not called a rewriting of the whole
    for whole in wholes:
        pieces = _pieces(whole, values)
        if pieces is None or value in pieces:
            return True
    return False


def _assignments(normalized: str) -> dict[str, Fraction]:
    """The values a text gives single letters: "x = 4", "a = -3", "y = 1/2"."""
    out = {}
    for m in re.finditer(r"(?<![A-Za-z\d.])([A-Za-z])\s*=\s*(-?\d+(?:\.\d+)?(?:\s*/\s*\d+)?)(?!\.?\d)"
                         r"(?!\s*[-+*/^(])(?!\s*[A-Za-z](?![A-Za-z]))", normalized):
        try:
            out[m.group(1)] = Fraction(m.group(2).replace(" ", ""))
        except (ValueError, ZeroDivisionError):
            continue
    return out


def _is_assignment(run: _Run) -> bool:
    """"x = 4", "a = -3": a value given to a letter, not an expression rewritten."""
    return len(run.parts) == 2 and any(re.fullmatch(r"[A-Za-z]", p) for p in run.parts) and any(
        re.fullmatch(r"-?\(?-?\d+(?:\.\d+)?(?:/\d+)?\)?", p) for p in run.parts)


_CLAIMS_WHOLE = re.compile(r"(?i)\b(?:answer|result|simplif\w*|final|so|therefore|thus)\b")
# the words an instruction may put before its expression ("Simplify the following expression:")
_BEFORE_EXPRESSION = {"the", "this", "following", "given", "expression", "expressions", "below", "fully", "completely",
                      "and", "then", "simplify", "expand", "evaluate", "it", "please", "each", "by", "combining",
                      "like", "terms", "multiplying", "out", "math", "inline", "display"}


@functools.lru_cache(maxsize=1024)
def expression_task(problem_text: str) -> ExpressionTask | None:
    """The expression a problem asks to rewrite or evaluate, or ``None`` when it asks
    something else (see the module doc)."""
    if not problem_text or _NOT_A_REWRITING.search(problem_text):
        return None
    instruction = _INSTRUCTION.search(problem_text)
    if instruction is None:
        return None
    normalized_all = normalize_math(problem_text)[:2000]
    values = _assignments(normalized_all)
    # an equation other than a value given to a letter: a relation to use, not an expression
    for line in normalized_all.split("\n"):
        for run in _runs(line):
            if len(run.parts) > 1 and not _is_assignment(run):
                return None
    after = normalize_math(_ENVIRONMENT.sub(" ; ", problem_text[instruction.end():]))[:2000]
    # the first math written after the instruction is the expression ("Simplify 3(x + 4) +
    # 2x.", "Simplify this expression: $$...$$", "Evaluate 3x + 2 when x = 4")
    found = next(((line, r) for line in after.split("\n") for r in _runs(line)), None)
    if found is None:
        return None
    line, run = found
    before = after[:after.index(line)] + line[:run.start]
    if not run.clean or len(run.parts) != 1 or not run.letters or run.continues or re.search(r"\d", before):
        return None  # math before it ("Simplify the expression √(7!), where n! = n(n - 1)...")
    if any(w.lower() not in _BEFORE_EXPRESSION for w in re.findall(r"[A-Za-z]+", before)):
        return None  # a word problem ("… the expression for the perimeter of a rectangle with length 2x + 3")
    expr = run.parts[0]
    if _parse(expr) is None:
        return None
    if "i" in run.letters:
        return None  # "(9 - 4i)(2 + i)": i is the imaginary unit, i^2 = -1
    evaluate = bool(_EVALUATE.search(instruction.group()))
    if evaluate and not run.letters <= set(values):
        return None  # a value asked for, but not every letter has one
    given = tuple(sorted((k, v) for k, v in values.items() if k in run.letters))
    return ExpressionTask(expr, frozenset(run.letters), given, evaluate)


def _claimed(line: str, runs: Sequence[_Run], k: int) -> bool:
    """Whether run ``k`` of ``line`` is stated as the expression itself: alone in its
    sentence, beside words that only present it ("So the answer is 4a + 2b.", "The simplified
    expression becomes: ...", "Step 2: 9m + 9"), not one named among others ("Combine 3x and
    2x", "the second part becomes ...")."""
    run = runs[k]
    begins = max((m.end() for m in _SENTENCE_END.finditer(line, 0, run.start)), default=0)
    ends = next((m.start() for m in _SENTENCE_END.finditer(line, run.end)), len(line))
    if any(r is not run and r.end > begins and r.start < ends for r in runs):
        return False  # another expression in the same sentence
    lead, tail = _STEP_LABEL.sub(" ", line[begins:run.start]), line[run.end:ends]
    words = re.findall(r"[A-Za-z']+", lead + " " + tail)
    if re.search(r"\d", lead + tail) or not all(w.lower().strip("'") in _CLAIM_WORDS for w in words):
        return False
    return not re.search(r"[A-Za-z]", lead) or _PRESENTS.search(lead) is not None


def _rows(text: str) -> list[str]:
    """The lines of a step, a LaTeX array's rows as lines too ("a &= b \\\\ &= c": a row
    that starts with "=" continues the one before)."""
    text = _ENVIRONMENT.sub(" ; ", text)
    return [row.replace("&", " ") for line in text.split("\n") for row in line.split("\\\\")]


def expression_checks(problem_text: str, step_texts: Sequence[str]) -> ExpressionWork | None:
    """Follow the problem's expression through the steps (see the module doc); ``None`` when
    the problem is no expression task (:func:`expression_task`)."""
    task = expression_task(problem_text)
    if task is None:
        return None
    work = ExpressionWork(task)
    values = task.values
    # the expression so far (the whole of it, rewritten), and the last one written (which a
    # line starting with "=" continues) with whether it is the whole
    current: str | None = task.expression
    last: str | None = task.expression
    whole = True
    for i, text in enumerate(step_texts):
        links: list[Link] = []
        work.links.append(links)
        work.unread.append(False)
        for raw in _rows(text):
            line = normalize_math(raw)[:2000]
            runs = _runs(line)
            for k, run in enumerate(runs):
                if _is_assignment(run):
                    continue
                # a run may hold only the problem's letters; numbers alone only where the
                # problem gives the letters values
                if run.letters and not run.letters <= task.letters:
                    work.unread[i] = True
                    continue
                if not run.letters and not task.values:
                    continue
                if not run.clean or any(_parse(p) is None for p in run.parts):
                    if run.letters:
                        current = last = None  # not read: nothing to continue from
                        work.unread[i] = True
                    continue
                parts = list(run.parts)
                if run.continues:
                    base, carries = last, whole
                elif len(parts) == 1 and _claimed(line, runs, k):
                    # ("So the answer is 6x." claims the whole: compared)
                    if current is not None and not _CLAIMS_WHOLE.search(line) and \
                            equivalent(parts[0], current, values) is False and _side_calculation(
                                parts[0], [w for w in (current, last, task.expression) if w], values):
                        continue  # "We get 3x + 12.": a part worked out (3(x + 4)), not the whole
                    base, carries = current, True
                elif len(parts) == 1:
                    work.unread[i] = work.unread[i] or bool(run.letters)
                    continue  # an expression named among words: not a claim about the whole
                else:
                    # a chain carries the expression on when it starts from it; it is a side
                    # calculation when it works out a part ("3(x + 4) = 3x + 12" inside "3(x + 4)
                    # + 2x"); else it starts from the expression so far, rewritten ("2x - 10 - x
                    # - 3 = x - 13" for "2(x - 5) - (x - 3)")
                    base = None
                    carries = current is None or equivalent(parts[0], current, values) is True
                    if not carries and not _side_calculation(
                            parts[0], [w for w in (current, last, task.expression) if w], values):
                        base, carries = current, True
                if base is not None:
                    parts = [base] + parts
                elif len(parts) == 1:
                    work.unread[i] = True  # the first expression read after one that was not
                for a, b in zip(parts, parts[1:]):
                    same = equivalent(a, b, values)
                    if same is None:
                        work.unread[i] = True
                        break
                    if not same and base is None and not values and len(parts) == 2 and (
                            _parse(a).free_symbols == set()) != (_parse(b).free_symbols == set()) and not (
                            _like_terms_to_number(a, b, task.expression)):
                        work.unread[i] = True
                        break  # "2x + 3 = 0": an equation, not a rewriting (letters on one side only)
                    links.append(Link(a, b, same))
                    if not same and work.first_wrong is None:
                        work.first_wrong, work.wrong = i, links[-1]
                last, whole = parts[-1], carries
                if carries:
                    current = parts[-1]
                work.final, work.final_step = parts[-1], i
    if work.final is not None:
        work.complete = equivalent(work.final, task.expression, values) is True
    return work
