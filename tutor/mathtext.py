"""LaTeX a student typed, shown as plain readable math (layer 3: pure functions).

The tutor keeps what the student wrote; this is only for display in the browser, where raw
``\\frac{5}{12} \\times 60`` is hard to read and no LaTeX renderer is loaded (the app works
offline). ``\\frac{a}{b}`` becomes ``a/b`` (brackets where a part is more than one number or
name), operators and relations become their Unicode signs, ``\\text{…}``/``\\mathrm{…}`` keep
their words, and any other command loses its backslash.
"""

from __future__ import annotations

import re

_SIGNS = {
    "times": "×", "cdot": "·", "div": "÷", "pm": "±", "leq": "≤", "le": "≤", "geq": "≥",
    "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "Rightarrow": "⇒", "rightarrow": "→",
    "Leftrightarrow": "⇔", "therefore": "∴", "because": "∵", "pi": "π", "infty": "∞",
    "ldots": "…", "cdots": "⋯", "dots": "…", "circ": "°", "%": "%", "$": "$", "quad": " ",
    "qquad": " ", ",": " ", ";": " ", "!": "", "left": "", "right": "", "fallingdotseq": "≒", "&": "&",
}
#: ``\frac{a}{b}`` (also ``\dfrac``, ``\tfrac``) with brace-free parts, and ``\sqrt{x}``;
#: :mod:`tutor.mathcheck` reads the same markup.
FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
SQRT = re.compile(r"\\sqrt\s*\{([^{}]*)\}")
_WORDS = re.compile(r"\\(?:text|mathrm|textrm|mathbf|textbf|operatorname|boxed)\s*\{([^{}]*)\}")
_POWER = re.compile(r"\^\s*\{([^{}]*)\}")
_SUB = re.compile(r"_\s*\{([^{}]*)\}")
_COMMAND = re.compile(r"\\([A-Za-z]+|[%$,;!&])")
_DEGREES = re.compile(r"\^\s*\{?\s*\\circ\s*\}?")
_ENV = re.compile(r"\\(?:begin|end)\s*\{[a-z*]+\}(?:\s*\{[lcr|]*\})?")
_SIMPLE = re.compile(r"[\w.]+|\(.*\)")


def _part(x: str) -> str:
    x = x.strip()
    return x if _SIMPLE.fullmatch(x) else f"({x})"


def readable_math(text: str) -> str:
    """``text`` with its LaTeX markup turned into plain math for display.

    Args:
        text: any step text; text without a backslash is returned unchanged.

    Returns:
        e.g. ``"\\\\frac{5}{12} \\\\times 60 = 25"`` -> ``"5/12 × 60 = 25"``.
    """
    if "\\" not in text and "{" not in text:
        return text
    out = re.sub(r"(?<!\\)&|\\\\", " ", _DEGREES.sub("°", _ENV.sub(" ", text)))  # alignment, row breaks
    for _ in range(4):  # nested fractions and roots, innermost first
        before = out
        out = _WORDS.sub(lambda m: m.group(1).replace("~", " "), out)
        out = FRAC.sub(lambda m: f"{_part(m.group(1))}/{_part(m.group(2))}", out)
        out = SQRT.sub(lambda m: f"√{_part(m.group(1))}", out)
        out = _POWER.sub(lambda m: "^" + _part(m.group(1)), out)
        out = _SUB.sub(lambda m: "_" + m.group(1), out)
        if out == before:
            break
    out = _COMMAND.sub(lambda m: _SIGNS.get(m.group(1), m.group(1)), out)
    out = out.replace("{", "").replace("}", "").replace("~", " ")
    return re.sub(r"[ \t]+", " ", re.sub(r"(?<=\d)\s+%", "%", out)).strip()


_PERCENT_FORM = re.compile(r"\((\d+(?:\.\d+)?)/100\)")
_FRACTION_PERCENT_FORM = re.compile(r"\(\((\d+)\+(\d+/\d+)\)/100\)")


_LONE_NUMBER = re.compile(r"\(\s*(\d+(?:\.\d+)?)\s*\)")
#: A mixed number as normalised math writes it: "1 7/12" -> "(1+7/12)".
MIXED_FORM = re.compile(r"\((\d+)\+(\d+/\d+)\)")


def readable_expression(expr: str, thousands: bool = False) -> str:
    r"""A computation as the verifier normalised it, written back for a student.

    Args:
        expr: normalised ASCII math (``tutor.mathcheck.normalize_math``), e.g. ``"(20/100)*50"``.

    Returns:
        e.g. ``"20% × 50"``: percentages as written, ``×`` for ``*``, spaces around ``+ - ×``,
        no brackets around a lone number (LaTeX ``\frac{3}{4}`` normalises to ``((3)/(4))``,
        shown as ``(3/4)``). With ``thousands`` (the student writes ``1,728``), whole numbers
        of four or more digits get thousands separators again.
    """
    # (a fraction or mixed number of a percent: "((12+1/2)/100)" is 12 1/2%, "((0+1/2)/100)" 1/2%)
    out = _FRACTION_PERCENT_FORM.sub(lambda m: (m.group(1) + " " if m.group(1) != "0" else "") + m.group(2) + "%",
                                     _PERCENT_FORM.sub(r"\1%", expr))
    prev = None
    while prev != out:  # innermost first: ((3)/(4)) -> (3/4)
        prev, out = out, _LONE_NUMBER.sub(r"\1", out)
    out = MIXED_FORM.sub(r"\1 \2", out)  # "(1+7/12)" is the mixed number 1 7/12
    # roots as the student wrote them: "sqrt(64)" is "√64", "sqrt(16+9)" is "√(16 + 9)"
    for name, sign in (("sqrt", "√"), ("cbrt", "∛")):
        out = re.sub(rf"\s*{name}\s*(?:\((\d+(?:\.\d+)?)\)|(?=\d))", sign + r"\1", out)
        out = re.sub(rf"\s*{name}\s*", sign, out)
    out = re.sub(r"\s*\*\s*", " × ", out)
    out = re.sub(r"(?<=[\d)%])\s*([+-])\s*", r" \1 ", out)
    if thousands:
        out = re.sub(r"(?<![\d.])\d{4,}(?![\d.])", lambda m: f"{int(m.group(0)):,}", out)
    return out.strip()


def readable_equation(text: str) -> str:
    """An equation as :func:`tutor.mathcheck.linear_equations` reads it (``"3(x-2)=12"``),
    written back for a student: ``"3(x - 2) = 12"``."""
    sides = []
    for side in text.split("="):
        side = re.sub(r"\((\w)\)", r"\1", side)  # "((x)/(2))": brackets around one letter or digit
        side = re.sub(r"(?<![\w.)])(\d+/\d+)(?=[A-Za-z])", r"(\1)", side)  # "3/4x" is (3/4)x, not 3/(4x)
        side = re.sub(r"%(?=[A-Za-z(])", "% of ", readable_expression(side))  # "(20/100)x" is 20% of x
        if _wrapped(side):
            side = side[1:-1]  # "(x/2) = 7" reads as "x/2 = 7"
        sides.append(re.sub(r"(?<=[\w)%])\s*([+-])\s*", r" \1 ", side).strip())
    return " = ".join(sides)


def _wrapped(text: str) -> bool:
    """Whether one pair of brackets encloses the whole of ``text``."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and i < len(text) - 1:
            return False
    return True


def squares_said(expression: str) -> str:
    """Squares as a student writes them: "7^2 + 25^2" -> "7² + 25²"."""
    return re.sub(r"\^2(?![\d.])", "²", expression)
