"""Numbers as people write them: digits, commas, decimals, fractions, percents, money, words.

The answer-leak guard compares *values*, not strings, so "72", "72.0", "$72", "72 dollars",
"seventy-two" and "seventy two" all count as the same number, and "3/4", "0.75" and "three
quarters" as another. Everything here is a pure function over text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tutor.numwords import NUMBER_WORDS as _NUMBER_WORDS
from tutor.numwords import DENOMINATORS, VULGAR_FRACTIONS, VULGAR_MIXED, money_amounts, spelled_numbers

_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
# Words a hint may use for a value besides cardinals and fractions (tutor.numwords).
_SPECIAL = {"dozen": 12, "score": 20}
_SHORT_FRACTIONS = {w: DENOMINATORS[w] for w in ("half", "third", "quarter", "fourth", "fifth")}
#: Words that can be part of a number written in words ("seventy", "hundred", "and", "half").
NUMBER_WORDS = _NUMBER_WORDS | {"half", "dozen"}
_VULGAR = {ch: Fraction(a, b) for ch, (a, b) in VULGAR_FRACTIONS.items()}

# Step references ("step 2", "steps 1 and 3", "Step #4", "paso 2") are pointers, not quantities.
STEP_REF = re.compile(r"(?i)\b(?:step|paso|passo|[ée]tape|schritt|stap)s?\s*#?\s*\d+(?:\s*(?:,|and|or|&|-|to)\s*\d+)*")
_MIXED = re.compile(r"(?<![\d.,/])(\d+)\s+(\d+)\s*/\s*(\d+)(?![\d/])")
_FRACTION = re.compile(r"(?<![\d.,/])(\d+)\s*/\s*(\d+)(?![\d/])")
_DIGITS = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?!\d)(?:\s*(%|percent\b))?"
    r"(?:\s*(hundred|thousand|million|billion)\b)?",
    re.I,
)
_WORD = re.compile(r"[a-z]+")
# a decimal comma (one or two digits after it; "1,250" is a thousands separator)
_DECIMAL_COMMA = re.compile(r"(?<![\d,.(\[])(\d+),(\d{1,2})(?![\d,]|\s*[)\]])")  # not "(2,5)"


@dataclass(frozen=True)
class Number:
    """One number found in text.

    Attributes:
        value: the exact value.
        decimals: decimal places as written (``"33.3"`` -> 1); 0 for integers, words, fractions.
        text: the matched text.
    """

    value: Fraction
    decimals: int
    text: str


def _digit_numbers(text: str) -> list[Number]:
    out: list[Number] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _MIXED.finditer(text):
        whole, num, den = (int(g) for g in m.groups())
        if den:
            taken.append(m.span())
            out.append(Number(whole + Fraction(num, den), 0, m.group(0)))
            # The parts are visible too: a hint showing "3 1/2" shows a 3.
            out += [Number(Fraction(whole), 0, str(whole)), Number(Fraction(num, den), 0, f"{num}/{den}")]
    for m in _FRACTION.finditer(text):
        if not free(*m.span()):
            continue
        num, den = int(m.group(1)), int(m.group(2))
        taken.append(m.span())
        out.append(Number(Fraction(num), 0, m.group(1)))
        out.append(Number(Fraction(den), 0, m.group(2)))
        if den:
            out.append(Number(Fraction(num, den), 0, m.group(0)))
    for m in _DIGITS.finditer(text):
        if not free(*m.span()):
            continue
        whole, frac, pct, scale = m.groups()
        value = Fraction(whole.replace(",", "") + ("." + frac if frac else ""))
        dec = len(frac) if frac else 0
        out.append(Number(value, dec, m.group(0)))
        if pct:
            out.append(Number(value / 100, dec + 2, m.group(0)))
        if scale:
            out.append(Number(value * _SCALES[scale.lower()], 0, m.group(0)))
    for m in _DECIMAL_COMMA.finditer(text):  # "4,50" is also 4.50, as the step reader reads it
        out.append(Number(Fraction(f"{m.group(1)}.{m.group(2)}"), len(m.group(2)), m.group(0)))
    for ch, v in _VULGAR.items():
        if ch in text:
            out.append(Number(v, 0, ch))
    for m in VULGAR_MIXED.finditer(text):  # "4¼" states 4 1/4
        out.append(Number(int(m.group(1)) + _VULGAR[m.group(2)], 0, m.group(0)))
    return out


def _word_numbers(text: str) -> list[Number]:
    """Numbers written in words (:func:`tutor.numwords.spelled_numbers`: "seventy-two", "one
    hundred and five", "three quarters", "two and a half", "twelve point five"; a fraction or
    decimal also yields the cardinal it starts with), "a dozen", "half", "a third", and money
    said as one amount ("a dollar twenty-five", :func:`tutor.numwords.money_amounts`)."""
    out: list[Number] = []
    # "four dollars and twenty cents" states 4.20 (as well as the 4 and 20 it is made of)
    out += [Number(a.value, 2, text[a.start:a.end]) for a in money_amounts(text)]
    for n in spelled_numbers(text):
        out.append(Number(n.value, n.decimals, text[n.start:n.end]))
        if n.value != n.whole:
            out.append(Number(Fraction(n.whole), 0, text[n.start:n.end]))
    words = _WORD.findall(text.lower().replace("-", " "))
    for k, w in enumerate(words):
        prev = words[k - 1] if k else ""
        if w in _SPECIAL:
            out.append(Number(Fraction(_SPECIAL[w]), 0, w))
        elif w == "half" and prev not in _NUMBER_WORDS:
            out.append(Number(Fraction(1, 2), 0, w))
        elif prev == "a" and w in _SHORT_FRACTIONS:
            out.append(Number(Fraction(1, _SHORT_FRACTIONS[w]), 0, f"a {w}"))
    return out


def numbers_in(text: str, skip_step_refs: bool = True) -> list[Number]:
    """Every number written in ``text``, in any common format.

    Args:
        text: any text (a hint, a step, an answer).
        skip_step_refs: ignore pointers like "step 2" / "steps 1 and 3" (they name a step,
            they do not state a quantity).

    Returns:
        Numbers found (signs dropped: "-72" counts as 72). A fraction also yields its
        numerator and denominator, a percent also its value / 100, "1.5 million" also 1500000.
    """
    if skip_step_refs:
        text = STEP_REF.sub(" ", text)
    return _digit_numbers(text) + _word_numbers(text)


def value_of(text: str) -> Fraction | None:
    """The main value of a short answer string ("$1,200", "3/4", "72.0", "seventy-two", "x = 4").

    Returns the last number written (answers end with their value), or ``None`` if none is.
    A percent answer ("25%") returns 25.
    """
    nums = [n for n in _digit_numbers(text)] or _word_numbers(text)
    if not nums:
        return None
    # The reading that ends last, and of those the longest: "2 3/4" over "3/4" over "4".
    best = max(nums, key=lambda n: (text.rfind(n.text) + len(n.text), len(n.text)))
    return best.value


def same_number(shown: Number, value: Fraction) -> bool:
    """Whether ``shown`` states ``value``: exactly equal, or ``value`` rounded to the decimal
    places ``shown`` uses ("33.33" states 100/3; a plain "33" does not state 33.5).
    """
    if shown.value == value:
        return True
    if shown.decimals > 0:
        return round(float(value), shown.decimals) == round(float(shown.value), shown.decimals)
    return False


def states_value(text: str, value: Fraction) -> bool:
    """Whether ``text`` writes ``value`` anywhere, in any format (see :func:`numbers_in`)."""
    value = abs(value)
    return any(same_number(n, value) for n in numbers_in(text))


def format_value(value: Fraction) -> str:
    """A short human form of a value: ``72``, ``2.5``, ``1/3``."""
    if value.denominator == 1:
        return str(value.numerator)
    f = float(value)
    if abs(round(f, 2) - f) < 1e-12:
        return f"{f:g}"
    return f"{value.numerator}/{value.denominator}"


def evaluate(expr: str) -> Fraction | None:
    """Exact value of a plain arithmetic expression such as ``"3 x 8"`` or ``"$1,200 / 4"``
    (``None`` when it is not one)."""
    e = expr.replace("×", "*").replace("x", "*").replace("÷", "/").replace("$", "").replace(",", "")
    if not re.fullmatch(r"[\d\s.+\-*/()]+", e):
        return None
    e = re.sub(r"(\d+(?:\.\d+)?)", r"Fraction('\1')", e)
    try:
        return Fraction(eval(e, {"__builtins__": {}, "Fraction": Fraction}))  # digits/operators only
    except (ArithmeticError, SyntaxError, ValueError, TypeError):
        return None
