"""Worked solutions as data: steps whose arithmetic is explicit, so errors can be injected.

GSM8K writes each computation of its reference solutions as a calculator annotation,
``48/2 = <<48/2=24>>24``. :func:`parse_gsm8k` turns such a solution into a
:class:`WorkedSolution`: a list of steps, each a text template with slots for its
:class:`Calc` computations, and the links "operand j of calc b is the result of calc a".
Those links are what lets :mod:`tutor.distill.inject` change one computation and carry the
change consistently through every later step (a student who slips once computes the rest
correctly from the wrong value).
"""

from __future__ import annotations

import ast
import copy
import math
import operator
import re
from dataclasses import dataclass, field

_ANNOTATION = re.compile(r"<<([^=<>]+)=([^<>]+)>>")
# The visible "48/2 = " (and an optional "$") written just before an annotation.
_VISIBLE_EXPR = re.compile(r"(?:\$?[\d.,]+(?:\s*[-+*/x×÷]\s*\$?[\d.,]+%?)+\s*)?=\s*(\$?)\s*$")
# The visible result written just after an annotation.
_VISIBLE_RESULT = re.compile(r"^\s*-?\$?[\d,]*\.?\d+")
_TOKEN = re.compile(r"\d+\.?\d*|\.\d+|[-+*/()]")
_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
#: How an operator may be written in a student's solution (the first is GSM8K's own).
OPERATOR_GLYPHS = {"*": ("*", "x", "×"), "/": ("/", "÷"), "+": ("+",), "-": ("-",)}


def fmt_number(value: float) -> str:
    """Write a number as a student would: ``24`` not ``24.0``, at most two decimals."""
    if abs(value - round(value)) < 1e-9:
        return str(int(round(value)))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def evaluate(tokens: list[str]) -> float:
    """Value of an arithmetic expression given as tokens (numbers, ``+ - * /``, brackets).

    Raises:
        ValueError: not a plain arithmetic expression, or division by zero.
    """
    # Python rejects "0900" as a literal; GSM8K annotations write clock times that way.
    text = "".join(re.sub(r"^0+(?=\d)", "", t) for t in tokens)
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"not plain arithmetic: {text!r}") from exc

    def ev(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            try:
                return _OPS[type(node.op)](ev(node.left), ev(node.right))
            except ZeroDivisionError as exc:
                raise ValueError("division by zero") from exc
        raise ValueError(f"not plain arithmetic: {ast.dump(node)}")

    return ev(tree)


@dataclass
class Calc:
    """One computation written in a step.

    Attributes:
        tokens: the expression as tokens, e.g. ``["48", "/", "2"]``.
        result: the value the step states for it (equal to the expression's value in a
            correct solution; different after a calculation slip).
        currency: ``"$"`` when the result is written as money.
    """

    tokens: list[str]
    result: float
    currency: str = ""

    @property
    def operand_positions(self) -> list[int]:
        """Indexes of the number tokens in :attr:`tokens`."""
        return [i for i, t in enumerate(self.tokens) if t[0].isdigit() or t[0] == "."]

    def value(self) -> float:
        """The true value of the expression (ignores :attr:`result`)."""
        return evaluate(self.tokens)

    def render(self, glyphs: dict[str, str] | None = None) -> str:
        """``"48 / 2 = 24"`` with operator glyphs chosen by ``glyphs`` (default GSM8K's)."""
        glyphs = glyphs or {}
        parts = []
        for t in self.tokens:
            if t in OPERATOR_GLYPHS:
                parts.append(f" {glyphs.get(t, t)} ")
            else:
                parts.append(t)
        expr = "".join(parts).replace("( ", "(").replace(" )", ")")
        return f"{expr} = {self.currency}{fmt_number(self.result)}"


@dataclass
class WorkedStep:
    """One step: text around its computations (``template`` has ``{0}``, ``{1}`` … slots)."""

    template: str
    calcs: list[Calc] = field(default_factory=list)

    def render(self, glyphs: dict[str, str] | None = None) -> str:
        """The step as the student would write it."""
        return self.template.format(*(c.render(glyphs) for c in self.calcs)).strip()


@dataclass
class WorkedSolution:
    """A solution whose computations are explicit and linked.

    Attributes:
        steps: the steps in order (the final-answer sentence is not a step here).
        answer: the final answer as a number.
        links: ``(calc_index, token_index) -> calc_index`` of the earlier calc whose result
            that operand reuses; calc indexes count over all steps in order.
        answer_link: calc index whose result the final answer restates, or ``None``.
    """

    steps: list[WorkedStep]
    answer: float
    links: dict[tuple[int, int], int] = field(default_factory=dict)
    answer_link: int | None = None

    def calcs(self) -> list[tuple[int, Calc]]:
        """``(step_index (0-based), calc)`` for every calc, in order."""
        return [(si, c) for si, s in enumerate(self.steps) for c in s.calcs]

    def copy(self) -> "WorkedSolution":
        """A deep copy (injection edits copies, never the reference)."""
        return copy.deepcopy(self)

    def propagate(self, start: int) -> None:
        """Recompute every calc after calc ``start`` from the (possibly changed) results it
        links to, and the final answer, keeping later arithmetic correct.

        Raises:
            ValueError: a recomputation divides by zero.
        """
        flat = [c for _, c in self.calcs()]
        for b in range(start + 1, len(flat)):
            changed = False
            for (cb, pos), a in self.links.items():
                if cb == b and a >= start:
                    new = fmt_number(flat[a].result)
                    if flat[b].tokens[pos] != new:
                        flat[b].tokens[pos] = new
                        changed = True
            if changed:
                flat[b].result = flat[b].value()
        if self.answer_link is not None and self.answer_link >= start:
            self.answer = flat[self.answer_link].result

    def render_steps(self, glyphs: dict[str, str] | None = None) -> list[str]:
        """The step texts (without the final-answer sentence)."""
        return [s.render(glyphs) for s in self.steps]


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


def _parse_line(line: str) -> WorkedStep:
    """One GSM8K answer line -> a step template with its calcs.

    Raises:
        ValueError: an annotation is not plain arithmetic or its result does not match.
    """
    template, calcs, pos = "", [], 0
    for m in _ANNOTATION.finditer(line):
        before = line[pos:m.start()]
        vis = _VISIBLE_EXPR.search(before)
        currency = ""
        if vis and re.search(r"\d|=", vis.group(0)):
            currency = vis.group(1)
            before = before[:vis.start()]
            if before and not before.endswith(" "):
                before += " "
        tokens = _TOKEN.findall(m.group(1).replace(" ", ""))
        if "".join(tokens) != m.group(1).replace(" ", ""):
            raise ValueError(f"unsupported expression {m.group(1)!r}")
        value = evaluate(tokens)
        try:
            stated = float(m.group(2).replace(",", "").replace("$", ""))
        except ValueError as exc:
            raise ValueError(f"unreadable result {m.group(2)!r}") from exc
        if not _close(value, stated):
            raise ValueError("annotation result does not match its expression")
        template += before.replace("{", "(").replace("}", ")") + "{" + str(len(calcs)) + "}"
        calcs.append(Calc(tokens=tokens, result=value, currency=currency))
        pos = m.end()
        after = _VISIBLE_RESULT.match(line[pos:])
        if after:
            pos += after.end()
    template += line[pos:].replace("{", "(").replace("}", ")")
    return WorkedStep(template=template.strip(), calcs=calcs)


def parse_gsm8k(answer: str) -> WorkedSolution:
    """Parse a GSM8K ``answer`` field (lines, then ``#### <final answer>``).

    Returns:
        The solution with operand links: an operand is linked to the most recent earlier
        calc whose result has the same value (how GSM8K solutions reuse results).

    Raises:
        ValueError: no ``####`` line, a non-numeric final answer, or an annotation that is
            not plain arithmetic (the item is then skipped by the caller).
    """
    lines = [ln.strip() for ln in answer.strip().split("\n") if ln.strip()]
    if not lines or not lines[-1].startswith("####"):
        raise ValueError("no final answer line")
    final = float(lines[-1][4:].strip().replace(",", "").replace("$", ""))
    steps = [_parse_line(ln) for ln in lines[:-1]]
    sol = WorkedSolution(steps=steps, answer=final)
    flat = [c for _, c in sol.calcs()]
    for b, calc in enumerate(flat):
        for pos in calc.operand_positions:
            v = float(calc.tokens[pos])
            for a in range(b - 1, -1, -1):
                if _close(flat[a].result, v):
                    sol.links[(b, pos)] = a
                    break
    for a in range(len(flat) - 1, -1, -1):
        if _close(flat[a].result, final):
            sol.answer_link = a
            break
    return sol
