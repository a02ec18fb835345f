"""Symbolic checks of the math written in a step (layer 3: pure functions, sympy).

:func:`check_step` finds every computation a step states (``3 x 4 = 12``, ``$1,200 * 20% =
$240``, ``<<48/2=24>>``, ``\\frac{3}{4} \\times 8 = 6``, and in words through
:mod:`tutor.verbal`: "I multiplied 12 by 5 to get 60") and evaluates both sides exactly with
sympy rationals. :func:`numbers_in` lists the numbers a text states. :func:`equivalent_equations`
checks an algebra step (equation before -> equation after) for an unchanged solution set.

How text becomes math (:func:`normalize_math`): Unicode and LaTeX operators become ASCII
(``×``/``\\times``/``·`` -> ``*``, ``÷`` -> ``/``, ``−``/``–`` -> ``-``, ``½`` -> ``(1/2)``,
``²`` -> ``^2``), thousands separators are dropped, ``x`` between two numbers is a times sign,
currency signs are dropped, ``a%`` becomes ``(a/100)`` and ``a% of b`` becomes ``(a/100)*b``,
``1 1/2`` becomes ``(1+1/2)``. Then a small tokenizer keeps runs of numbers and operators; up to
three words written right after a number (units: ``5 apples + 3 apples``) are skipped when the
computation continues after them. A one-letter name before a computation (``C = 3.14 × 26 =
81.64``) is a label; elsewhere a letter in math is an unknown and its run is algebra, not checked.

A written result may be rounded to the places it shows (``10 / 3 = 3.33``), except the result of a
sum or difference of written numbers (``2.50 + 1.25 = 3.75``), which is exact, unless the step says
it rounds or estimates ("about", "≈", "rounded").
"""

from __future__ import annotations

import functools
import logging
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from tutor.mathtext import FRAC, MIXED_FORM, SQRT
from tutor.numwords import VULGAR_FRACTIONS, VULGAR_MIXED, words_to_digits
from tutor.schema import Equation, StepCheck
from tutor.units import (APPROXIMATE, LENGTH_UNITS, UNIT_AFTER, area_conversions, clock_at_end, clock_statements,
                         compound_amounts, conversions, unit_products, unit_sums)
from tutor.verbal import verbal_computations

log = logging.getLogger(__name__)

_UNICODE = {
    "×": "*", "✕": "*", "∗": "*", "·": "*", "⋅": "*", "÷": "/", "∕": "/", "−": "-", "–": "-",
    "—": "-", "‐": "-", "＝": "=", "²": "^2", "³": "^3", "⁄": "/", "\u00a0": " ",
    "\u2009": " ", "\u202f": " ", "…": " y ", "...": " y ", "≈": "=", "≒": "=", "≐": "=",
    **{ch: f"({a}/{b})" for ch, (a, b) in VULGAR_FRACTIONS.items()},
}
# "10²⁰", "10⁻⁴", "3⁵": a run of superscript characters is one exponent
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPT_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+")
# "√64", "√(16 + 9)", "∛27": roots written with their sign
_ROOT = re.compile(r"([√∛])\s*(?=\(|\d)")


def superscripts(text: str) -> str:
    """``text`` with superscript exponents and root signs written as ASCII math."""
    text = _SUPERSCRIPT_RUN.sub(lambda m: "^" + (m.group().translate(_SUPERSCRIPTS) if len(m.group()) == 1
                                                 else f"({m.group().translate(_SUPERSCRIPTS)})"), text)
    return _ROOT.sub(lambda m: " sqrt" if m.group(1) == "√" else " cbrt", _ROOT_ARG.sub(r"\1(\2)", text))


# the number a root sign applies to, bracketed ("√64" -> "√(64)")
_ROOT_ARG = re.compile(r"([√∛])\s*(\d+(?:\.\d+)?)")
# a subscripted name (t_1, C_{2}); terms left out ("1 + 2 + \ldots + 22"); a marked name
# ("4^{\prime\prime}"): unknowns, never numbers
_SUBSCRIPTED = re.compile(r"(?<![A-Za-z])[A-Za-z]_\s*(?:\{[^{}]*\}|\w)")
_DOTS_PRIMES = re.compile(r"\\[lc]?dots|\^\s*\{?\s*(?:\\prime\s*)+\}?")
_LATEX = [
    (_SUBSCRIPTED, " y "),
    (re.compile(r"\^\s*\{?\s*\\circ\s*\}?"), " degrees "),
    # "416 \frac{2}{3}": a mixed number
    (re.compile(r"(?<![\d.])(\d+)\s*\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}"), r"(\1+\2/\3)"),
    (_DOTS_PRIMES, " y "),
    (re.compile(r"\^\s*\{([^{}]*)\}"), r"^(\1)"),
    (FRAC, r"((\1)/(\2))"),
    (SQRT, r"sqrt(\1)"),
    (re.compile(r"\\(?:times|cdot|ast)"), "*"),
    (re.compile(r"\\div"), "/"),
    (re.compile(r"\\(?:left|right|big|Big)\s*([()\[\]|.])"), r"\1"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\\$"), "$"),
    # text and upright units (\mathrm{~km}) are words, not math
    (re.compile(r"\\(?:text|mathrm|textrm|mathbf|textbf|operatorname)\s*\{([^{}]*)\}"), r" \1 "),
    (re.compile(r"\\(?:,|;|!|quad|qquad)|~"), " "),
    (re.compile(r"\\boxed\s*\{([^{}]*)\}"), r"\1"),
    (re.compile(r"\\(?:approx|fallingdotseq|risingdotseq|doteq|simeq)"), "="),
    (re.compile(r"\{,\}"), ","),
]
#: Passes over :data:`_LATEX`: each pass rewrites the innermost ``\frac{}{}`` of nested ones.
_LATEX_PASSES = 4
_ANNOTATION = re.compile(r"<<([^<>]*)>>")
# "49 cm²", "81 ft^2", "27 m³": the power belongs to the unit (an area, a volume), not the number
_UNIT_POWER = re.compile(r"(?i)(?:(?<=\d)|(?<=π)|(?<=\bpi))(\s*(?:%s))\s*(?:(²|\^\s*2)|(³|\^\s*3))(?!\d)"
                         % "|".join(sorted(map(re.escape, LENGTH_UNITS), key=len, reverse=True)))
_THOUSANDS = re.compile(r"(?<![\d.,])([1-9]\d{0,2})((?:,\d{3})+)(?![\d]|,\d)")
# "$80 000": a space groups thousands only after a currency sign (elsewhere "5 100" may be two numbers)
_SPACE_THOUSANDS = re.compile(r"(?<=[$£€])([1-9]\d{0,2})((?: \d{3})+)(?!\d|[.,]\d)")
# ... and inside a computation: "17 000 / 5 = 3 400", "= 2 500 kg" (next to an operator or "="),
# not after a label ("Step 3 400 + 200")
_SPACE_THOUSANDS_MATH = re.compile(r"(?<![\d.,/])(?:(?<=[-+*/×÷=] )|(?<=[-+*/×÷=]))([1-9]\d{0,2})((?: \d{3})+)(?!\d|[.,/]\d)"
                                   r"|(?<![\d.,/])(?<![\d.,/] )(?<!\b(?:step|Step|STEP|part|Part|week|Week|year|Year|page|Page) )"
                                   r"([1-9]\d{0,2})((?: \d{3})+)(?=\s*[-+*/×÷=]\s*[$(]?\d)")
_TIMES_X = re.compile(r"(?<=[\d)%])\s*[xX]\s*(?=[$(]?\s*\d)|(?<=[A-Za-z])\s+[xX]\s+(?=[$(]?\s*\d)"
                      # "3 x -4", "(-3) x (-4)": an x with spaces before a negative number
                      r"|(?<=[\d)])\s+[xX]\s+(?=\(?-\d)")
# "80 nuts/day", "kg/day/person": a per-unit after a quantity, not a division to compute
_PER_UNIT = re.compile(r"(?<=[A-Za-z\d])\s*/\s*(?!sqrt\b)[A-Za-z]{2,}\b"
                       # ... or a one-letter unit written against a unit word: "km/h", "m/s"
                       r"|(?<=[A-Za-z]{2})/[hs]\b|(?<=\bm)/s\b")
# a single letter next to math is an unknown (4s = 100, x + 3x): such runs are algebra
_VARIABLE = re.compile(r"(?<![A-Za-z'])(?:(?<=\d)|(?<=[-+*/^=(]\s)|(?<=[-+*/^=(]))[b-zB-HJ-Z](?![A-Za-z'])"
                       # (not a unit letter after a number and a space: "3 h = 180 miles", "5 m = …")
                       # ... unless it is added to a bare number, as no unit is ("2 l + 10 = 30")
                       r"|(?<![A-Za-z'])(?!(?<=\d\s)[mglshkMGLSHK](?![A-Za-z'])(?!\s*[-+]\s*[\d(][\d.]*\s*(?:[-+*/^=]|$)))"
                       r"[b-zB-HJ-Z](?=\s*[-+*/^=]\s*[\d(])")
# "a" as an unknown: squared, or written against a number ("2a"); elsewhere it is a word
_VARIABLE_A = re.compile(r"(?<![A-Za-z'])[aA](?=\s*\^)|(?<=\d)[aA](?![A-Za-z'.])")
# a usual unknown written after a number and a space ("10 * 1.1 x", "2 a + 16"); unit
# letters (m, g, l, s, h, k) are left alone
_VARIABLE_AFTER = re.compile(r"(?<=[\d)]\s)[abcnpqrxyz](?![A-Za-z'])(?=\s*(?:$|[-+*/^=)]))")
# "? x 48 = 173 x 240": a question mark in a computation stands for the unknown
_QUESTION = re.compile(r"\?(?=\s*(?:[-+*/=×÷]|\\times|\\div|\\cdot|[xX]\s*\d))|(?<=[-+*/=×÷])\s*\?")
# "(544,314) = 34": a pair (a greatest common divisor, a point), not a number with a separator
_PAIR = re.compile(r"\(\s*\d+\s*,\s*\d+\s*\)")
# "x(1 + 15%)": a one-letter name applied to a bracket is algebra, not a word before a product
_VARIABLE_CALL = re.compile(r"(?<![A-Za-z'\\])[A-Za-z](?=\()")
# "3:5", "7 : 15": a ratio (or, in some countries, a division): not checked as arithmetic
_RATIO = re.compile(r"(?<=[\d)}])\s*:\s*(?=[\d(\\])")
# the number (or fraction) written right before a colon, and the letter before it, if any
_LEAD = re.compile(r"([A-Za-z]?)\s*(?:[\d.,]*\d\)?|\\[dt]?frac\{[^{}]*\}\{[^{}]*\})$")
# "0,5", "0,359" and "3,25" (decimal comma); a comma before three digits stays a thousands
# separator, and "(2,3)" / "[8,12]" stay pairs
_DECIMAL_COMMA = re.compile(r"(?<![\d.,(\[])(\d+),(\d{1,2})(?![\d,\]])|(?<![\d.,])(0),(\d+)")
# once one unambiguous decimal comma is seen, every "d,dd" is read as one
_ANY_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(0),(\d+)|(?<![\d.,])(\d+),(\d{1,2})(?![\d,])")
# LaTeX math delimiters, when the text is LaTeX (else "$" is money)
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]{2,}")
# "(koala bear)", "(for not wearing masks)": a note on the number before it; kept as one
# word, so the unit-word rule lets the computation go on after it
# a list bullet at the start of a line ("- 2 magnets x 4 sets = 8 magnets") is not a minus sign;
# a negative number is written without the space ("-5 + 3 = -2")
LIST_BULLET = re.compile(r"^[ \t]*[-*•·][ \t]+(?=[^\s=])", re.M)
_WORDS_IN_BRACKETS = re.compile(r"\(\s*([A-Za-z]{2,})[A-Za-z\s.']*\)")
# "of 108", "of the remaining 108": what a part is taken of, the number next (not "10% of the
# $400 + $1580", which takes the part of the sum)
_OF_NUMBER = (r"of\s+(?:(?:the|his|her|their|its)\s+(?:remaining|leftover|other|original|new|first|last)\s+)?"
              r"(?=[$(]?\s*\d)")
_PERCENT_OF = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*" + _OF_NUMBER)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
#: A percent as written, with the sign or the word ("25%", "25 percent"); group 1 is the number.
PERCENT_WRITTEN = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent\b)", re.I)
#: "75 / 8 = 9 R3", "= 9 remainder 3", "= 9 r. 3": the quotient and remainder are 9 + 3/8.
_REMAINDER = re.compile(r"(?i)(\d+(?:\.\d+)?)\s*/\s*(\d+)\s*=\s*(\d+)\s*(?:,\s*)?(?:R|rem(?:ainder)?)\.?\s*(?:of\s+)?(\d+)\b")
_MIXED = re.compile(r"(?<![\d./*^])(\d+)[ \t\u00a0]+(\d+)\s*/\s*(\d+)(?![\d.])")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_DIV_FRACTION = re.compile(r"(?:÷|\\div)\s*(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)(?![\d./])")
# "28 / 1/5", "2 cups / 1/4 cup": a division sign with spaces, then a fraction written without
# them, is a division by that fraction (not 28 / 1 / 5)
_SPACED_DIV_FRACTION = re.compile(r"(?<=[\w)])(\s*)/[ \t]+(\d+)/(\d+)(?![\d./])")

_TOKEN = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|\.\d+)|(?P<op>\*\*|[-+*/^])|(?P<lp>[(\[])|(?P<rp>[)\]])|(?P<eq>=)"
    r"|(?P<var>§)|(?P<word>[A-Za-z][A-Za-z']*)|(?P<sp>\s+)|(?P<other>.)"
)
_FUNCS = {"sqrt", "cbrt"}
# a computation that opens a clause, then "is"/"gives"/...: what it is said to come to follows
_CLAUSE_COMPUTATION_IS = (
    r"(?i)(?<![\w)(^*/+=.-])(?<![)(^*/+=.-]\s)(?<!\b(?:of|if) )(?<!\b(?:than|when) )"
    # (bounded: unbounded, a long run of numbers and signs without a verb took time quadratic in
    # its length, 0.2 s for 4,000 characters)
    r"((?:\d|\()[\d.()]{0,40}(?:\s+(?!(?:is|are|was|were)\b)[A-Za-z]+){0,3}\s*[-+*/^]\s*[\d.()\s+*/^-]{0,120}[\d)])"
    # "1/3 of the players is ...": a fraction of something, not a computation
    r"(?:\s+(?!(?:is|are|was|were|of)\b)[A-Za-z]+){0,3}?\s+(?:is|are|was|were|gives|comes\s+to|will\s+be)\s+")
#: Words that join two numbers as an operation ("8 times 3", "20 divided by 4").
_WORD_OPS = [
    (re.compile(r"(?i)\s+divided by\s+(\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?)"), r" / (\1)"),
    (re.compile(r"(?i)\s+(?:times|multiplied by)\s+(?=[$(]?\d)"), " * "),
    (re.compile(r"(?i)\s+divided by\s+(?=[$(]?\d)"), " / "),
    (re.compile(r"(?i)\s+plus\s+(?=[$(]?\d)"), " + "),
    # "1/3 of 12", "two thirds of 12" (read as (2/3)), "half of 48": a fraction of a number
    (re.compile(r"(?<![\d./])(\d+\s*/\s*\d+|\(\d+/\d+\))\s+" + _OF_NUMBER), r"(\1)*"),
    (re.compile(r"(?i)\b(?:a\s+|one\s+)?half\s+" + _OF_NUMBER), "(1/2)*"),
    (re.compile(r"(?i)\ba\s+third\s+" + _OF_NUMBER), "(1/3)*"),
    (re.compile(r"(?i)\ba\s+quarter\s+" + _OF_NUMBER), "(1/4)*"),
    (re.compile(r"(?i)\s+minus\s+(?=[$(]?\d)"), " - "),
    # "45 out of 50": a fraction of a whole (a score, a share)
    # (only where the fraction itself is worked with: "= 25%", "x 20"; not "3 out of 5 are girls")
    (re.compile(r"(?i)(?<![\d./])(\d+(?:\.\d+)?)\s+out\s+of\s+(\d+(?:\.\d+)?)"
                r"(?=\s*(?:=|is\b|equals\b|[x×*]\s*\d|times\b))"), r"(\1/\2)"),
    (re.compile(r"(?i)\s+(?:equals|is equal to)\s+(?=[$(]?\d)"), " = "),
    # "4 + 5 makes 9", "3 dozen makes 36"; not "$18 per hour so she makes 8*18 = $144", where a
    # person makes money
    (re.compile(r"(?i)(?<=[\d)])((?:\s+(?!(?:so|then|she|he|they|it|we|you|i)\b)[A-Za-z]+){0,4})\s+makes\s+"
                r"(?=[$(]?\d)"), r"\1 = "),
    # "48 + 12 is 60": a bare "is" states a result only right after a computation that starts
    # a clause ("the remainder of 2004 / 12 is 0", "(a + 3)^2 is 0", "31^2 is 600 greater than"
    # state something else)
    (re.compile(_CLAUSE_COMPUTATION_IS + r"(?=[$(]?\d[\d.,]*(?![\d.,])(?![\s)\]]*(?:greater|less|more|fewer|"
                r"times|than|percent|%|of\b|/|\*|\+|-)))"), r"\1 = "),
    # "25% of 80 is 80 / 25 = 3.2": a computation said to be another one that the step then
    # works out; both must have the same value
    (re.compile(_CLAUSE_COMPUTATION_IS + r"(?=[$(]?\s*\d[\d.,\s()]*[-+*/^][\d.,\s()+*/^-]*=)"), r"\1 = "),
]
#: Unit factors a correct result may differ by when the step converts units (cents -> $).
_CONVERSIONS = ((re.compile(r"(?i)cent|¢"), (100,)),
                (re.compile(r"(?i)min|hour|\bhr|sec\b|second|\bs\b"), (60, 3600)),
                (re.compile(r"(?i)gram|met(er|re)|\bkg\b|\bkm\b|\bml\b|lit(er|re)"), (1000,)),
                (re.compile(r"(?i)\bcm\b|centimet"), (100,)),
                (re.compile(r"(?i)\b(?:in|inch(?:es)?|ft|feet|foot)\b"), (12,)),
                (re.compile(r"(?i)\b(?:oz|ounces?|lbs?|pounds?)\b"), (16,)))
_MAX_UNIT_WORDS = 4
# words that start a clause, not a unit: "$1.50 each so she made = 16*1.50" is not 1.50 = 16*1.50
_CLAUSE_WORDS = frozenset({"so", "he", "she", "they", "it", "we", "you", "made", "makes", "than", "less",
                           "because", "if", "when", "after", "before", "is", "are", "was", "were"})


# a computation of whole numbers right before the amount it comes to ("9 - 7 = " of "9 - 7 = 2 hours")
_WORKED_BEFORE = re.compile(r"(?<![\d:.])(\d+\s*[-+*/]\s*\d+)\s*=\s*$")
_AMOUNT_OPS = [(re.compile("[−–—]"), "-"), (re.compile(r"(?i)\s+plus\s+(?=[$\d])"), " + "),
               (re.compile(r"(?i)\s+minus\s+(?=[$\d])"), " - ")]


def _as_one_amount(text: str) -> str:
    """``"1 hour 45 minutes = 60 + 45"`` -> ``"105 minutes = 60 + 45"``: an amount in two or
    three units is one number in its smallest unit for the arithmetic check."""
    for start, end, a in reversed(compound_amounts(text)):
        worked = _WORKED_BEFORE.search(text[:start])
        lead = re.match(r"\s*(\d+(?:\.\d+)?)", text[start:end])
        if worked and lead and (v := evaluate(worked.group(1))) is not None and float(v) == float(lead.group(1)):
            continue  # "9 - 7 = 2 hours and 35 minutes": the computation gives the hours only
        text = f"{text[:start]}{_plain(a.value)} {a.unit}{text[end:]}"
    return text


def _amounts_text(text: str) -> str:
    """Text for the unit readers (:mod:`tutor.units`): separators read, minus signs and the
    words "plus" / "minus" between amounts as ``+`` / ``-``."""
    text = _separators(text)
    for pat, rep in _AMOUNT_OPS:
        text = pat.sub(rep, text)
    return text


def _numbers_within(numbers: list[float], span: list[float]) -> bool:
    """Whether every number of ``numbers`` (with repeats) is one of ``span``'s."""
    rest = list(span)
    for x in numbers:
        j = next((k for k, y in enumerate(rest) if math.isclose(x, y, abs_tol=1e-9)), None)
        if j is None:
            return False
        rest.pop(j)
    return bool(numbers)


def _unit_powers(text: str) -> str:
    """``"49 cm²"`` -> ``"49 cm squared"``: a power written on a length unit names an area or a
    volume; read as math it would square the number."""
    return _UNIT_POWER.sub(lambda m: m.group(1) + (" squared" if m.group(2) else " cubed"), text)


def _separators(text: str) -> str:
    """Drop thousands separators (``1,200``, ``$80 000``) and read decimal commas (``0,5``, ``3,25``)."""
    text = _THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(",", ""), text)
    text = _SPACE_THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(" ", ""), text)
    text = _SPACE_THOUSANDS_MATH.sub(lambda m: "".join(g for g in m.groups() if g).replace(" ", ""), text)
    if not _DECIMAL_COMMA.search(text):
        return text
    # a writer who uses decimal commas uses them in brackets too: "200 x (1,2)"
    return _ANY_DECIMAL_COMMA.sub(_decimal, text)


def _decimal(m: re.Match) -> str:
    return f"{m.group(1) or m.group(3)}.{m.group(2) or m.group(4)}"


def _math_delimiters(text: str) -> str:
    """In LaTeX text, ``$…$`` and ``$$…$$`` bound separate formulas: end a run there (so
    "``$900 \\div 50=18$ times $18 \\times 3=54$``" is two computations, not one product)."""
    if _LATEX_COMMAND.search(text) and "\\$" not in text and text.count("$") % 2 == 0:
        return text.replace("$", " ; ")
    return text


def _latex(text: str) -> str:
    """LaTeX markup to plain math, innermost first (``\\frac{\\frac{4}{10}}{2}``)."""
    for _ in range(_LATEX_PASSES):
        before = text
        for pat, rep in _LATEX:
            text = pat.sub(rep, text)
        if text == before:
            break
    return text


# π, or the word "pi" next to an operation ("2 × pi", "pi × r"); not in an angle ("π/2 = 90°")
_PI = re.compile(r"π|(?<=[\d*×·/^(]\s)pi(?![A-Za-z])|(?<=[\d*×·/^(])pi(?![A-Za-z])|(?<![A-Za-z])pi(?=\s*[*×·^²(])"
                 # "2 x pi x 4": x as a times sign on either side
                 r"|(?<=\d\s[xX]\s)pi(?![A-Za-z])|(?<![A-Za-z])pi(?=\s+[xX]\s+[\d(])", re.I)


def pi_written(text: str) -> Fraction | None:
    """The value of π ``text`` writes (22/7, 3.14, 3.1416), or ``None``."""
    if re.search(r"(?<![\d.])22\s*/\s*7(?![\d.])", text):
        return Fraction(22, 7)
    m = re.search(r"(?<![\d.])(3\.14\d*)(?!\d)", text)
    return Fraction(m.group(1)) if m else None


# (written glued, "1/2%": "80 / 25%" is a division by a percent)
_FRACTION_PERCENT = re.compile(r"(?<![\d/.])(?<!/\s)(?:(\d+)\s+)?(\d+)/(\d+)\s*(?:%|percent\b)(\s*of\s+(?=[$(]?\s*\d))?")


def _fraction_percent(m: re.Match) -> str:
    """"1/2%" -> "((0+1/2)/100)", "12 1/2% of" -> "((12+1/2)/100)*"; "80/25%" (no whole part, the
    top not smaller) stays a division by a percent."""
    whole, top, bottom, of = m.groups()
    if whole is None and int(top) >= int(bottom):
        return m.group()
    return f"(({whole or 0}+{top}/{bottom})/100)" + ("*" if of else "")


def _pi(text: str) -> str:
    """π as the value the step itself takes for it (3.14, 22/7), else to five decimals, so
    "π × 5² = 3.14 × 25" and "2 × π × 10 = 20π ≈ 62.8" are checked as written."""
    if not _PI.search(text) or re.search(r"(?i)°|\bdegrees?\b|\bradians?\b", text):
        return text
    said = pi_written(text)
    value = "(22/7)" if said == Fraction(22, 7) else "3.14" if said == Fraction("3.14") else "3.14159"
    # "144π ÷ 8π": a number glued to π after a division sign is one divisor, (8π)
    text = re.sub(r"([/÷]\s*)(\d+(?:\.\d+)?\s*(?:π|pi\b))(?!\s*[\^²³])", r"\1(\2)", text, flags=re.I)
    text = re.sub(r"(?<=[\d)])\s*(?=π|pi\b)", "*", text, flags=re.I)  # "20π": 20 times π
    return _PI.sub(lambda m: f"{value}*" if _starts_factor(text, m.end()) else value, text)


# a unit after π ("9π m", "12π cm^2", "16π square feet"): no factor
_UNIT_NEXT = re.compile(r"\s*(?:square|sq|cubic|units?|%s)(?![A-Za-z(])" % "|".join(
    sorted(map(re.escape, LENGTH_UNITS), key=len, reverse=True)), re.I)


def _starts_factor(text: str, at: int) -> bool:
    """Whether a factor follows right after position ``at`` ("πr", "π(d)", "π 5"; not a unit:
    "9π m")."""
    # ("π x 4": the x is a times sign of its own)
    return (re.match(r"\s*[\w(]", text[at:]) is not None and not re.match(r"\s*(?:for|as|is|and|=)\b", text[at:])
            and not re.match(r"\s*[xX]\s*[\d($]", text[at:]) and not _UNIT_NEXT.match(text, at))


_ORDINAL = re.compile(r"(?<![\d.])\d+(?:st|nd|rd|th)\b")


def normalize_math(text: str) -> str:
    """Rewrite Unicode/LaTeX/word operators, money, separators and percentages to ASCII math.

    Words stay in place (the tokenizer decides which are units); the result is for
    :func:`check_step` and :func:`numbers_in`, not for display.
    """
    text = LIST_BULLET.sub("", _math_delimiters(words_to_digits(text)))
    # "10th term = 5 + 9 x 4": an ordinal names a place, not a value of the computation; after
    # "=" it is the result said as a place ("9 - 7 = 2nd floor")
    text = _ORDINAL.sub(lambda m: re.sub(r"\D", "", m.group()) if re.search(r"[=+\-*/×÷]\s*$", text[:m.start()])
                        else "nth", text)
    text = _unit_powers(text)
    # "4 ÷ 1/5": a fraction written without spaces after a division sign is one number
    text = _DIV_FRACTION.sub(r"/ (\1/\2)", text)
    text = _SPACED_DIV_FRACTION.sub(r"\1/ (\2/\3)", text)
    # "3½" is 3 + 1/2, not 3 x 1/2; written as "1 1/2" is (MIXED_FORM)
    text = VULGAR_MIXED.sub(lambda m: "({}+{}/{})".format(m.group(1), *VULGAR_FRACTIONS[m.group(2)]), text)
    text = superscripts(text)
    for a, b in _UNICODE.items():
        text = text.replace(a, b)
    text = _latex(text)
    text = text.replace("\\", " ").replace("{", "(").replace("}", ")")
    text = _unit_powers(text)  # (again, for LaTeX units: "157{,}500\\ \\text{cm}^2")
    text = _pi(text)
    text = _separators(text)
    text = _ABSOLUTE.sub(_absolute_value, text)
    text = re.sub(r"[$£€¢]", "", text)
    # "1/2%", "12 1/2%": a fraction or mixed number of a percent, one number
    text = _FRACTION_PERCENT.sub(_fraction_percent, text)
    # "3 x 4", "25% of 80" are computations before the word rules look for "3 x 4 is 12"
    text = _TIMES_X.sub(" * ", text)
    text = _PERCENT_OF.sub(lambda m: f"({m.group(1)}/100)*", text)
    for pat, rep in _WORD_OPS:
        text = pat.sub(rep, text)
    text = _PER_UNIT.sub(" ", text)
    text = _PERCENT.sub(lambda m: f"({m.group(1)}/100)", text)
    text = _MIXED.sub(lambda m: f"({m.group(1)}+{m.group(2)}/{m.group(3)})", text)
    text = _REMAINDER.sub(r"\1 / \2 = (\3 + \4/\2)", text)
    text = re.sub(r"(?<=\d):(?=\d{2}\b)", " ", text)  # clock times 5:30 are not ratios to compute
    text = _WORDS_IN_BRACKETS.sub(r" \1 ", text)  # "= 79 (pens)": a unit, not a product
    return text


# "|1.5 - 3|": the absolute value of a computation in numbers (a distance, a deviation)
_ABSOLUTE = re.compile(r"\|\s*([-+(]?\s*\d[\d.\s()+\-*/]*?)\s*\|")


def _absolute_value(m: re.Match) -> str:
    """``|a - b|`` as a bracket the evaluator reads, its sign turned where the inside is
    negative: ``(-(1.5 - 3))``; left as written where the inside does not evaluate."""
    inside = m.group(1).strip()
    value = evaluate(inside)
    if value is None:
        return m.group()
    return f"({inside})" if value >= 0 else f"(-({inside}))"


def number_count(text: str) -> int:
    """How many numbers ``text`` writes as digits ("1,200" and "2.5" are one each)."""
    return len(re.findall(r"\d+(?:[.,]\d+)*", text))


def numbers_in(text: str) -> list[float]:
    """Numbers written in ``text``, in order of appearance (as written: ``20%`` gives 20.0,
    ``$1,200`` gives 1200.0, ``1/2`` gives 1.0 and 2.0, ``½`` gives 1.0 and 2.0, ``forty-eight``
    gives 48.0, see :func:`tutor.numwords.words_to_digits`)."""
    text = superscripts(_unit_powers(words_to_digits(text)))
    for a, b in _UNICODE.items():
        text = text.replace(a, b)
    text = _unit_powers(_latex(text).replace("\\", " "))
    text = _ANNOTATION.sub(" ", text)
    text = _separators(text)
    # a 400-digit "number" is infinity as a float: not a quantity anyone computes with
    return [v for v in (float(m.group()) for m in _NUMBER.finditer(text)) if math.isfinite(v)]


# --------------------------------------------------------------------------- tokenizer
def _segments(text: str) -> list[str]:
    """Runs of numeric math in normalised text (unit words after a number skipped; runs
    that contain an unknown, marked ``§`` by :data:`_VARIABLE`, dropped)."""
    toks = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text) if m.lastgroup != "sp"]
    segs: list[list[str]] = [[]]
    poisoned: set[int] = set()

    def new_segment() -> None:
        if segs[-1]:
            segs.append([])

    i = 0
    while i < len(toks):
        kind, val = toks[i]
        cur = segs[-1]
        prev = cur[-1] if cur else ""
        after_value = bool(prev) and (prev[-1].isdigit() or prev == ")")
        if kind == "num":
            if after_value:  # two numbers in a row ("5 12"): a new computation
                segs.append([val])
            else:
                cur.append(val)
        elif kind == "op":
            if cur or val == "-":  # a run does not start with a dangling operator
                cur.append("^" if val == "**" else val)
        elif kind == "lp":
            if after_value:
                cur.append("*")  # implicit multiplication 2(3+4), (1+2)(3+4)
            cur.append("(")
        elif kind == "rp":
            cur.append(")")
        elif kind == "eq":
            if cur:
                cur.append("=")
        elif kind == "var":
            poisoned.add(len(segs) - 1)
            cur.append("0")
        elif kind == "word" and val.lower() in _FUNCS and i + 1 < len(toks) and toks[i + 1][0] == "lp":
            cur.append(val.lower())
        elif kind == "word" and after_value:
            # unit words right after a number: skip them when the computation goes on
            j = i
            while (j < len(toks) and toks[j][0] == "word" and j - i < _MAX_UNIT_WORDS
                   and toks[j][1].lower() not in _CLAUSE_WORDS):
                j += 1
            # "40 cm² and perimeter = 26": after a finished statement, "and", one name and "="
            # start a new one (not "4 + 5 red and green apples makes 9", "3 + 4 boys and girls = 8")
            joined = j - 2 >= i and toks[j - 2][1].lower() == "and" and "=" in "".join(cur)
            if j < len(toks) and (toks[j][0] == "op" or (toks[j][0] == "eq" and not joined)):
                i = j
                continue
            new_segment()
        else:  # other words and punctuation end a run
            new_segment()
        i += 1
    return [_balance("".join(s)) for k, s in enumerate(segs)
            if k not in poisoned and any(ch.isdigit() for ch in "".join(s))]


def _balance(expr: str) -> str:
    """Trim dangling operators and close or open unmatched brackets at the ends of a run."""
    expr = expr.strip("=+*/^")
    while expr.endswith("-"):
        expr = expr[:-1]
    opened = expr.count("(") - expr.count(")")
    if opened > 0:
        expr += ")" * opened
    elif opened < 0:
        expr = "(" * (-opened) + expr
    return expr


# --------------------------------------------------------------------------- evaluation
_POWER = re.compile(r"(\d+(?:\.\d+)?)\)?\s*\^\s*\(?\s*(-?\d+(?:\.\d+)?)")
_FACTORIAL = re.compile(r"(\d+)\s*\)?\s*!")


def too_big(expr: str) -> bool:
    """Whether evaluating ``expr`` could take long: a tower of powers (``9^9^9``), a power
    with more than ~60 digits (``10^70``), or a factorial of more than 20."""
    if re.search(r"\^\s*\(?[\d.\s]*\^", expr):
        return True
    for base, exp in _POWER.findall(expr):
        b, e = abs(float(base)), abs(float(exp))
        if e > 100 or (b > 1 and e * math.log10(b) > 60):
            return True
    return any(int(n) > 20 for n in _FACTORIAL.findall(expr))


@functools.lru_cache(maxsize=20_000)
def evaluate(expr: str) -> Fraction | None:
    """Exact value of a numeric expression (``+ - * / ^``, brackets, ``sqrt``), or ``None``.

    Uses sympy with rational numbers, so ``0.1+0.2`` is exactly ``3/10``.
    """
    if not expr or len(expr) > 300 or not any(ch.isdigit() for ch in expr):
        return None
    if too_big(expr.replace("**", "^")):  # 2^1000, 9^9^9: not school computations, and slow
        return None
    try:
        import sympy
        from sympy.parsing.sympy_parser import parse_expr

        value = parse_expr(expr.replace("^", "**"), evaluate=True,
                           local_dict={"sqrt": sympy.sqrt, "cbrt": lambda x: sympy.real_root(x, 3)},
                           transformations="all")
        value = sympy.nsimplify(value, rational=True) if not value.is_Rational else value
        if not value.is_number or not value.is_real:
            return None
        out = (Fraction(int(value.p), int(value.q)) if value.is_Rational
               else Fraction(float(value)).limit_denominator(10**9))
        # (exact values as large as too_big allows: "10^4 × 10^5 = 10^20" is school work)
        return out if abs(float(out)) < (1e61 if value.is_Rational else 1e15) else None
    except Exception:  # sympy raises many types on odd input; unreadable means "unchecked"
        return None


def _decimals(literal: str) -> int:
    """Decimal places of a written value; a percentage "(2.9/100)" has two more."""
    m = re.fullmatch(r"\(?\s*-?\d*(?:\.(\d+))?\s*(/\s*100)?\s*\)?", literal.strip())
    if not m:
        return 0
    return len(m.group(1) or "") + (2 if m.group(2) else 0)


def values_match(computed: float, written: float, written_text: str = "") -> bool:
    """Whether a written result agrees with the computed one, allowing for rounding.

    A result written with ``d`` decimals may differ by half a unit in its last place
    (``10/3 = 3.33``, ``7.5 = 8``); results that are percentages of the computed value
    (``0.2 = 20%``) have already been normalised by :func:`normalize_math`.
    """
    if math.isclose(computed, written, rel_tol=1e-9, abs_tol=1e-9):
        return True
    d = _decimals(written_text) if written_text else 0
    if abs(computed - written) <= 0.5 * 10.0 ** (-d) + 1e-9 and (abs(computed) >= 0.5 or d >= 1):
        return True
    # rounded to a few significant figures (e.g. 0.3333 -> 0.33 when written as 0.33 was caught
    # above; here e.g. 1234.5 written as 1230)
    return written != 0 and abs(computed - written) / abs(written) < 5e-3 and d >= 2


def _converted(computed: float, written: float, context: str) -> bool:
    """Whether ``written`` is ``computed`` in another unit the step mentions (cents -> $,
    km/h -> m/s: one factor, or two factors' product or quotient)."""
    # relative tolerance only: a unit change keeps the digits that were written
    return any(math.isclose(computed, written * f, rel_tol=5e-3) for f in _unit_factors(context))


@functools.lru_cache(maxsize=256)
def _unit_factors(context: str) -> frozenset[float]:
    """The factors :func:`_converted` allows for the units ``context`` names (read once per
    step, not once per equation: a long step has many)."""
    base = {f for pat, fs in _CONVERSIONS if pat.search(context) for f in fs}
    factors = base | {a * b for a in base for b in base} | {a / b for a in base for b in base if a != b}
    return frozenset(factors | {1 / f for f in factors})


def _is_literal(expr: str) -> bool:
    """A single written number, percentages included ("(2.9/100)" is 2.9%)."""
    # (a percent is written "(p/100)" by normalize_math; a bare "480/100" is a division)
    return bool(re.fullmatch(r"\(-?(\d+(\.\d+)?|\.\d+)(/100)?\)|-?(\d+(\.\d+)?|\.\d+)", expr))


# what follows an "approximately equal" sign, up to the next relation or the end of the clause
_APPROX_SIDE = re.compile(r"(?:[≈≒]|\\approx\b)\s*([^=≈≒,;]+?)(?=\s*(?:[=≈≒,;]|\\approx\b|\.\s|\.?$))")
#: Relative difference an estimate ("398 + 212 ≈ 400 + 200") may have from the exact value.
ESTIMATE = 0.1
_SHARE = re.compile(r"\(?\d+/\d+\)?")
_NOT_A_NOUN = {"then", "so", "and", "but", "which", "because", "is", "are", "was", "were", "for", "to",
               "of", "in", "on", "at", "or", "the", "a", "an", "this", "that", "it"}


def _names_amount(number: str, context: str) -> bool:
    """Whether ``number`` is written as an amount of something in ``context``: with "$" or
    followed by a noun ("$24", "15 sticky strips"), not a bare result ("= 1.5")."""
    n = re.escape(number.strip("()"))
    if re.search(rf"\$\s?{n}(?![\d.])", context):
        return True
    return any(w.lower() not in _NOT_A_NOUN for w in re.findall(rf"(?<![\d.]){n}(?![\d.])\s+([A-Za-z]{{3,}})", context))
_TIMES_100 = re.compile(r"\*\(?100(?![\d.])|(?<![\d.])100\)?\*")


def _has_unit(number: str, context: str) -> bool:
    """Whether ``number`` is written with a unit word after it somewhere in ``context``."""
    try:
        value = float(number.strip("()"))
    except ValueError:
        return False
    return any(float(x) == value for x in UNIT_AFTER.findall(context))


_PERCENT_LITERAL = re.compile(r"\(\d+(?:\.\d+)?/100\)")
# "100 - 15", "100 + 20": a whole of 100 percent, less or more a share ("= 85%" is right)
_HUNDRED_PLUS_MINUS = re.compile(r"\(?100[-+]\(?\d+(?:\.\d+)?\)?\)?")
_SIMPLE_FRACTION = re.compile(r"\((?:\d+\+)?\d+/\d+\)|\d+/\d+")


def _is_amount(expr: str) -> bool:
    """A written amount: a literal, or a fraction or mixed number (``(1/2)``, ``(1+1/2)``)."""
    return _is_literal(expr) or bool(_SIMPLE_FRACTION.fullmatch(expr))


# a sum or difference of written numbers ("3.2 + 1.45", "(2.50 + 1.25) - 1"): its exact value has
# no more decimal places than its most precise term, so a result written for it is never rounded
_SUM_OF_LITERALS = re.compile(r"[-+()]*(?:\d+(?:\.\d+)?|\.\d+)\)*(?:[-+][-+()]*(?:\d+(?:\.\d+)?|\.\d+)\)*)+")
# words and signs that say a result is rounded or estimated on purpose
_ROUNDING_SAID = re.compile(r"(?i)\b(?:about|approx\w*|roughly|around|nearly|almost|round\w*|estimat\w*)\b"
                            r"|[≈≒]|\\approx|(?<![{\\])~\s*\$?\d")


@functools.lru_cache(maxsize=256)
def _says_rounding(context: str) -> bool:
    """Whether a step says it rounds or estimates (read once per step, not once per equation)."""
    return _ROUNDING_SAID.search(context) is not None


def _agrees(computed: Fraction, written: Fraction, written_text: str, expr: str, context: str) -> bool:
    """Whether ``written`` (a literal, as written ``written_text``) is the value of ``expr``
    (``computed``): exactly when ``expr`` is a sum or difference of written numbers of two
    decimals at most and the step does not say it rounds (``"2.50 + 1.25 = 3.750"``, not ``"=
    4"``; three or more terms of cents may be a cent per term off, as shares rounded: "6.67 +
    6.67 + 6.67 = 20"), else as :func:`values_match` allows (``"10 / 3 = 3.33"``, "19.99 +
    1.649 = 21.64")."""
    if _SUM_OF_LITERALS.fullmatch(expr) and not _says_rounding(context):
        terms = re.findall(r"\d+(?:\.(\d+))?", expr)
        if all(len(d) <= 2 for d in terms):
            # (each term itself rounded, as a money share 6.67: a cent per term may be off)
            slack = Fraction(len(terms), 200) if any(len(d) == 2 for d in terms) and len(terms) > 2 else 0
            return abs(computed - written) <= slack
    return values_match(float(computed), float(written), written_text)
    return values_match(float(computed), float(written), written_text)


def _tenths_of(percent: str, expr: str) -> bool:
    """Whether ``expr`` multiplies by the percent read as tenths ("(7/100)" and "0.7*240"): the
    percent is then said to be that decimal, not a label for the amount."""
    p = float(percent.strip("()").split("/")[0])
    return any(abs(float(d) - p / 10) < 1e-9 for d in re.findall(r"(?<![\d.])0?\.\d+", expr))


def _counted_label(number: str, context: str) -> bool:
    """Whether ``context`` writes ``number`` with a word for what it counts right before an
    "=" ("1 part = 56/8", "1 box = ..."), so that it names what the right side works out."""
    n = re.escape(number.strip("()"))
    return re.search(rf"(?<![\d.,/$]){n}\s+[A-Za-z]+\s*=", context) is not None


def _check_chain(parts: list[str], context: str = "") -> list[Equation]:
    out: list[Equation] = []
    vals = [evaluate(p) for p in parts]
    joined = None  # what a run-on adds to the result it continues from ("150 + 3*2" -> "3*2")
    for i in range(len(parts) - 1):
        a, b = parts[i], parts[i + 1]
        va, vb = vals[i], vals[i + 1]
        if joined is not None and va is not None and vb is not None and _is_literal(b) \
                and not _agrees(va, vb, b, a, context) and (vj := evaluate(joined)) is not None \
                and _agrees(vj, vb, b, joined, context):
            # "3 * 50 = 150 plus 3 * 2 = 6": two computations joined by "plus", each right (the
            # chain read as 150 + 3 * 2 = 6 is not what was meant)
            out.append(Equation(text=f"{joined}={b}", lhs_value=float(vj), rhs_value=float(vb), ok=True))
            joined = None
            continue
        joined = None
        if va is None or vb is None:
            out.append(Equation(text=f"{a}={b}", ok=None,
                                lhs_value=float(va) if va is not None else None,
                                rhs_value=float(vb) if vb is not None else None))
            continue
        if _is_literal(b):
            ok = _agrees(va, vb, b, a, context) or _converted(float(va), float(vb), context)
        else:  # "8/12 + 9/12 = 20/12": an expression on the right must agree exactly
            ok = (va == vb or math.isclose(float(va), float(vb), rel_tol=1e-9, abs_tol=1e-12)
                  or (_is_literal(a) and _converted(float(va), float(vb), context)))  # 80 km/h = 8000/6 m/min
        # (a fraction at the end of the chain, "6/7 ÷ 2/7 = 3/7", is the value said, not a run-on)
        # ("8*45 = 360 divided by 5 is 360/5 = 72": a fraction worked out further is a run-on)
        last_fraction = (i + 2 == len(parts) and re.fullmatch(r"\(?\d+/\d+\)?", b) is not None
                         and not re.search(rf"{re.escape(b.strip('()'))}\s*=", context.replace(" ", "")))
        if not ok and not _is_literal(b) and not MIXED_FORM.fullmatch(b) and not last_fraction:
            # run-on chain "4+3 = 7*2 = 14": the next part continues from this result (a
            # mixed number "1 7/12", normalised to "(1+7/12)", is one value, not a run-on)
            lead = _NUMBER.match(b.lstrip("("))
            if lead and _agrees(va, Fraction(lead.group()), lead.group(), a, context):
                out.append(Equation(text=f"{a}={lead.group()}", lhs_value=float(va),
                                    rhs_value=float(lead.group()), ok=True))
                rest = b[lead.end():] if not b.startswith("(") else ""
                joined = rest[1:] if rest.startswith("+") and len(rest) > 1 else None
                continue
            # "8% + 15% = 23% of $60": the percent said, then what it is of
            pct = re.match(r"\((\d+(?:\.\d+)?/100)\)\*", b)
            if pct and (vp := evaluate(pct.group(1))) is not None and va == vp:
                out.append(Equation(text=f"{a}={pct.group(1)}", lhs_value=float(va), rhs_value=float(vp), ok=True))
                continue
        if not ok and _is_literal(a) and (_is_literal(b) or (_is_amount(b) and _has_unit(a, context))) \
                and "/100" not in a + b:
            # "$1 = 100 cents", "1 hour = 60 minutes", "8 oz = ½ lb": a statement of units,
            # not a computation
            out.append(Equation(text=f"{a}={b}", lhs_value=float(va), rhs_value=float(vb), ok=None))
            continue
        lead = _NUMBER.match(b.lstrip("("))
        if not ok and ((0 < va < 1 < vb and lead and _SHARE.fullmatch(a) and _names_amount(lead.group(), context))
                       or (len(parts) == 2 and (_percent_named(a, va, b, vb) or _percent_named(b, vb, a, va)))):
            # "4/7 is equal to $24", "the other 3/5 = 15 strips", "30% = 24": a share of
            # something said to be an amount, not a division worked out ("30% = 3" and a bare
            # "1/2 = 2", which may be a division, are checked)
            out.append(Equation(text=f"{a}={b}", lhs_value=float(va), rhs_value=float(vb), ok=None))
            continue
        if not ok and _PERCENT_LITERAL.fullmatch(b) and _TIMES_100.search(a) \
                and values_match(float(va), float(vb) * 100, b[1:-5]):
            ok = True  # "0.35 x 100 = 35%": a share turned into a percent by the x 100 written
        if (not ok and _PERCENT_LITERAL.fullmatch(b) and _HUNDRED_PLUS_MINUS.fullmatch(a)
                and values_match(float(va), float(vb) * 100, b[1:-5])):
            ok = True  # "100 - 15 = 85%": percents of a whole worked out as numbers of 100
        if (not ok and i == 0 and len(parts) > 2 and re.fullmatch(r"\(?(?:[1-9]|1[0-2])\)?", a)
                and (not _is_amount(b) or _counted_label(a, context))
                and vals[2] is not None and values_match(float(vb), float(vals[2]), parts[2])):
            # "Test 1 + Test 2 = 45 + 38 = 83", "AC^2 = 9 + 25 = 34", "1 part = 56/8 = 7": a
            # small whole number left of a worked computation is a label, an index, an exponent
            # or a count of things whose name was dropped, not a result (alone, "8 = 3 + 4" is
            # still checked)
            out.append(Equation(text=f"{a}={b}", lhs_value=float(va), rhs_value=float(vb), ok=None))
            continue
        percent = re.fullmatch(r"\(\d+(?:\.\d+)?/100\)", a) is not None
        # a share names the amount worked out ("1/4 = 28 ÷ 4 = 7", "3/4 full is 1500 × $20"), but
        # not one multiplied by its own denominator, the share turned upside down ("1/4 = 28 × 4")
        den = re.escape(a.strip("()").split("/")[-1])
        share = _SHARE.fullmatch(a) is not None and 0 < va < 1 < vb and re.search(
            rf"\*\s*\(?{den}\)?(?![\d.])|(?<![\d.]){den}\s*\*", b) is None
        if (not ok and i == 0 and len(parts) > 2 and (percent or share)
                and not _is_literal(b) and vals[2] is not None and not _tenths_of(a, b)
                and (values_match(float(vb), float(vals[2]), parts[2]) or (percent and vb > max(1, va)))):
            # "10% of 850 = 85", then "20% = 2 × 85 = 170": the percent names the amount worked
            # out, it is not said to equal it (the computation after it is still checked:
            # "100% = 8 × 10 = 800" is wrong at "8 × 10 = 800")
            out.append(Equation(text=f"{a}={b}", lhs_value=float(va), rhs_value=float(vb), ok=None))
            continue
        if (not ok and i == 0 and len(parts) > 2 and _names_operand(a, b) and vals[2] is not None
                and values_match(float(vb), float(vals[2]), parts[2])):
            # "5 friends = 250/5 = 50", "for 1.5 hours = 24 * 1.5 = 36 miles": a given amount named
            # before the computation that uses it, not a result (alone, "5 = 250/5" is checked)
            out.append(Equation(text=f"{a}={b}", lhs_value=float(va), rhs_value=float(vb), ok=None))
            continue
        if not ok and a == "(1/100)" and "/100" not in b:
            # "every 1% is equal to 48/96 = 0.5 ounces": what one percent stands for, not a
            # conversion of 1% (a wrong one, "25% = 0.5", is still checked)
            out.append(Equation(text=f"{a}={b}", lhs_value=float(va), rhs_value=float(vb), ok=None))
            continue
        if not ok and "/" in a and _is_literal(b) and float(vb) == math.floor(float(va)):
            ok = True  # whole groups of a division with a remainder ("50 / 3 = 16, 2 left")
        out.append(Equation(text=f"{a}={b}", lhs_value=float(va), rhs_value=float(vb), ok=ok,
                            expected=None if ok else float(va)))
    return out


def _percent_named(a: str, va: Fraction, b: str, vb: Fraction) -> bool:
    """Whether ``a`` is a percent and ``b`` a plain number it cannot be written as ("30% =
    24", "200% = 160", "800 = 100%"): the amount that percent of something is, not a wrong
    conversion ("30% = 3" and "20% = 20" may be one, and stay checked)."""
    return (_PERCENT_LITERAL.fullmatch(a) is not None and _is_literal(b) and vb > max(1, va)
            and vb not in (va * 100, va * 10))


def _names_operand(a: str, b: str) -> bool:
    """Whether ``a`` is one number (or fraction) written again as an operand of ``b``."""
    mine = _NUMBER.findall(a)
    theirs = _NUMBER.findall(b)
    return (1 <= len(mine) <= 2 and re.fullmatch(r"\(?[\d.]+(?:/[\d.]+)?\)?", a) is not None
            and len(theirs) > len(mine) and all(n in theirs for n in mine))


def _after_word(text: str, colon: int) -> bool:
    """Whether the number before the colon at ``colon`` follows a word ("Year 2: 327 + 50",
    "multiply by 100: 0.5 x 100"): then the colon is punctuation, not a ratio."""
    m = _LEAD.search(text[max(0, colon - 40):colon])
    return bool(m and m.group(1))


# "C = 3.14 × 26 = 81.64", "P = 2/6 = 1/3", "so V = 50 × 30 × 40": a one-letter name alone left
# of its clause's first "=", with a computation right of it (a number, then an operator), names
# that computation (as "A =" and "Area =" do); not after math ("x + 5 = 12", "3x = 21", "= x =
# 7", "(x = 2)"), nor a unit after a number ("5 m = 500 cm"); "x = 12" alone states a value
_LABEL = re.compile(r"(?<![A-Za-z'\\§])[b-zB-HJ-Z]\s*=(?!=)(?=\s*[-(]*\s*(?:\d+(?:\.\d+)?|\.\d+)\)*\s*"
                    r"(?:[-+*/^(]|(?:[A-Za-z]+\s+){1,3}[-+*/^]))")
#: What, right before a letter, makes it part of math: a number, an operator, a bracket, "=".
_MATH_BEFORE = frozenset("-+*/^=([0123456789§)")


def _labels(text: str) -> str:
    """A break (``;``) before each :data:`_LABEL` letter's "=", the letter dropped: ``"C =
    3.14 * 26 = 80"`` is read as ``"; = 3.14 * 26 = 80"``, a computation to check, and the
    letter is no unknown. A letter after math is left to the unknown rules."""
    def label(m: re.Match) -> str:
        k = m.start() - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        return m.group() if k >= 0 and text[k] in _MATH_BEFORE else " ; " + m.group()[1:].lstrip()

    return _LABEL.sub(label, text)


_FORMULA_MARK = re.compile(r"§\s*[*/^]|[*/]\s*§|\d§")
_NUMERIC_PART = re.compile(r"[^§]*\d[^§]*[-+*/^][^§]*")


def _formula_first(text: str) -> str:
    """"A = §*§ = 8*5 = 40" -> " ; = 8*5 = 40": a formula in letters (the unknown marks of
    :func:`_math_runs_text`), then the same worked in numbers; read clause by clause in linear
    time (a regex over a long run of algebra backtracks)."""
    if "§" not in text or "=" not in text:
        return text
    out = []
    for clause in re.split(r"([;\n])", text):
        parts = clause.split("=")
        for k in range(1, len(parts) - 1):
            if _FORMULA_MARK.search(parts[k - 1]) and _NUMERIC_PART.fullmatch(parts[k]) \
                    and all("§" not in p and re.search(r"\d", p) for p in parts[k + 1:]):
                clause = " ; =" + "=".join(parts[k:])
                break
        out.append(clause)
    return "".join(out)


def _math_runs_text(text: str) -> str:
    """Normalised text with unknowns and ratio colons marked ``§`` (runs holding one are
    algebra or ratios, not arithmetic to check); a one-letter label before a computation
    (:data:`_LABEL`) is no unknown."""
    # ratios first, while "25%:" and "$5:" still read as written
    text = _RATIO.sub(lambda m: m.group() if _after_word(text, m.start()) else "/§/", text)
    text = _PAIR.sub(" § ", _QUESTION.sub(" § ", text))
    text = _labels(normalize_math(text))
    for pat in (_VARIABLE, _VARIABLE_A, _VARIABLE_AFTER, _VARIABLE_CALL):
        text = pat.sub("§", text)
    # a formula in letters, then the same worked in numbers ("A = l * w = 8 * 5 = 40", "C = 2πr =
    # 2 * 3.14 * 10 = 62.8"): the numbers are a computation to check
    return _formula_first(text)


# the least common multiple or greatest common factor of listed whole numbers, and the value
# the step gives it ("LCM of 12 and 15 = 30", "the GCF of 12, 18 and 24 is 6")
#: The names of a least common multiple and a greatest common factor ("LCM", "G.C.F.", "HCF",
#: "least common multiple", "greatest common divisor"), as a regex.
COMMON_NAME = (r"l\.?c\.?m\b\.?|g\.?c\.?[fd]\b\.?|h\.?c\.?f\b\.?|(?:least|lowest|smallest)\s+common\s+multiple|"
               r"(?:greatest|highest|biggest|largest)\s+common\s+(?:factor|divisor)")
_COMMON = re.compile(
    rf"(?i)\b(?P<name>{COMMON_NAME})\s*(?:of|for)?\s*\(?\s*"
    r"(?P<nums>\d+(?:\s*(?:,\s*(?:and\s+)?|and|&)\s*\d+)+)\s*\)?\s*(?:=|is|equals|:)\s*(?P<value>\d+)(?!\d)(?![.,]\d)"
    r"(?!\s*[×x*·/^+-]\s*\d)")  # ("is 2 × 29 = 58": the value is worked out after it)


def _common_claim(m: re.Match) -> Equation | None:
    """The claim a :data:`_COMMON` match makes, checked with :func:`math.lcm` or :func:`math.gcd`."""
    nums = [int(n) for n in re.findall(r"\d+", m.group("nums"))]
    return common_claim(m.group("name"), nums, int(m.group("value")))


def names_multiple(name: str) -> bool:
    """Whether a :data:`COMMON_NAME` names the least common multiple (else the greatest common
    factor)."""
    return name.lower().replace(".", "").startswith(("l", "s"))


def common_claim(name: str, nums: list[int], said: int) -> Equation | None:
    """``said`` claimed as the least common multiple (``name`` "LCM", "least common multiple",
    …) or the greatest common factor ("GCF", "GCD", "HCF", …) of ``nums``, as an equation
    ``"LCM(12, 15)=30"`` checked with :func:`math.lcm` or :func:`math.gcd`; ``None`` for a
    zero or a number too big to be school work."""
    if len(nums) < 2 or not all(nums) or max(nums) > 10**9:
        return None
    short, true = ("LCM", math.lcm(*nums)) if names_multiple(name) else ("GCF", math.gcd(*nums))
    return Equation(text=f"{short}({', '.join(map(str, nums))})={said}", lhs_value=float(true), rhs_value=float(said),
                    ok=said == true, expected=None if said == true else float(true))


def _decimals_off(e: Equation) -> bool:
    """An "≈" result written with decimals that is off by more than one in its last decimal
    ("√200 ≈ 14.4" for 14.14; "25 ÷ 3 ≈ 8.5"): a value worked to that many places and rounded
    wrong, not an estimate (an estimate rounds to tens or hundreds, "398 + 212 ≈ 600")."""
    written = e.text.rpartition("=")[2].strip()
    m = re.fullmatch(r"-?\d*\.(\d+)", written)
    if m is None or e.lhs_value is None or e.rhs_value is None:
        return False
    return abs(e.lhs_value - e.rhs_value) > 10 ** -len(m.group(1)) + 1e-12


# "1 h 25 m": an "m" after hours is minutes; in a step that writes that, so is every bare "m"
_HOURS_M = re.compile(r"(?i)\b\d+\s*h\s+\d+\s*m\b(?!\s*(?:²|\^))")
_BARE_M = re.compile(r"(?<=\d)(\s*)m\b(?![²^])")


def _minutes_m(text: str) -> str:
    return _BARE_M.sub(r"\1min", text) if _HOURS_M.search(text) else text


_RESULT_ARROW = re.compile(r"\s*(?:→|->|⟶|⇒|=>)\s*")
# the clause an arrow ends, back to a comma, colon or semicolon (a clock time's colon kept)
_ARROW_CLAUSE = re.compile(r"(?:^|[,;]|:(?!\d))([^,;]*?)$")
_WORKED = re.compile(r"[\d)]\s*(?:[-+*/×÷−^]|\bx\b|\btimes\b)\s*[\d($]|\d:\d\d|\bof\s+\$?\d")


def _arrow_results(text: str) -> str:
    """``text`` with each arrow that ends a computation read as "=" ("9:45 + 2 h 50 min →
    12:35 PM"); an arrow from a bare number ("82 → −3", each score against the mean) pairs two
    values and is left as written."""
    def one(m: re.Match) -> str:
        clause = _ARROW_CLAUSE.search(text[:m.start()])
        return " = " if clause and _WORKED.search(clause.group(1)) else m.group()
    return _RESULT_ARROW.sub(one, text)


def check_step(text: str, number: int) -> StepCheck:
    """Evaluate every computation written in one step.

    Args:
        text: the step text (any mix of words and math; see the module docstring).
        number: the step's 1-based number (copied into the result).

    Returns:
        A :class:`StepCheck`: ``equations`` holds each ``left = right`` pair of every chained
        equality and calculator annotation, with both values and ``ok`` (``expected`` is the
        correct left-side value when ``ok`` is ``False``); ``values`` holds the numbers the step
        states (as written, percentages as written); ``ok`` is ``False`` if any equation is
        wrong, ``True`` if all checked ones are right, ``None`` if nothing could be checked.
    """
    equations: list[Equation] = []
    if "=" not in text:
        # "9:45 + 2 h 50 min → 12:35 PM": an arrow where a step writes no = gives the result
        text = _arrow_results(text)
    raw = text  # the units as written ("300 cents" may be read as $3.00 below)
    body = text = words_to_digits(_minutes_m(text))
    for ann in _ANNOTATION.findall(text):
        parts = [p for p in normalize_math(ann).split("=") if p.strip()]
        if len(parts) >= 2:
            equations += _check_chain([p.replace(" ", "") for p in parts], text)
    body = _ANNOTATION.sub(" ", body)
    # "LCM of 12 and 15 = 30": a claim about named numbers, checked as one (not read as 15 = 30)
    claims = [eq for m in _COMMON.finditer(body) if (eq := _common_claim(m)) is not None]
    said = body  # (the numbers the step writes, the claim's included)
    body = _COMMON.sub(" § ", body) if claims else body
    equations += claims
    # computations stated in words ("I divided 120 by 60 to get 2") are checked like written ones
    for written in [_as_one_amount(body)] + verbal_computations(body):
        for seg in _segments(_math_runs_text(written)):
            if "=" not in seg:
                continue
            parts = [p for p in seg.split("=") if p]
            if len(parts) >= 2:
                equations += _check_chain(parts, f"{raw} {body}")
    # "2 m = 200 cm", "1 hour - 20 minutes = 40 minutes": the chain read 2 = 200 and 1 - 20 =
    # 40, blind to the units; the unit reading replaces what the chain read of those numbers
    by_result: dict[float, list[int]] = {}
    for k, e in enumerate(equations):
        if e.rhs_value is not None:
            by_result.setdefault(round(e.rhs_value, 9), []).append(k)
    dropped: set[int] = set()
    stated = []
    eq_numbers = functools.lru_cache(maxsize=None)(lambda k: numbers_in(equations[k].text))
    for text_, exact, written, approximate in _amount_statements(_amounts_text(body)):
        # (with the values the arithmetic read for its two-unit amounts: "80" of "1 hour 20 minutes")
        span = numbers_in(text_) + [float(a.value) for _, _, a in compound_amounts(text_)]
        for v in {round(x, 9) for x in span} | {round(float(written), 9)}:
            dropped.update(k for k in by_result.get(v, ())
                           if k not in dropped and _numbers_within(eq_numbers(k), span))
        ok = amount_ok(exact, written, approximate)
        stated.append(Equation(text=text_, lhs_value=float(exact), rhs_value=float(written), ok=ok,
                               expected=None if ok else float(exact)))
    equations = [e for k, e in enumerate(equations) if k not in dropped] + stated
    estimates = []
    for side in _APPROX_SIDE.findall(body):  # what each "≈" says the value roughly is
        runs = _segments(_math_runs_text(side))
        if runs and (v := evaluate(runs[0])) is not None:
            estimates.append(v)
    if estimates:
        # "398 + 212 ≈ 400 + 200 = 600": an estimate rounds on purpose; a side within a tenth
        # of what it estimates is not a wrong calculation (only the "≈" pairs are spared)
        equations = [Equation(text=e.text, lhs_value=e.lhs_value, rhs_value=e.rhs_value, ok=None)
                     if e.ok is False and e.lhs_value and e.rhs_value is not None
                     and any(math.isclose(e.rhs_value, float(v)) for v in estimates)
                     and abs(e.lhs_value - e.rhs_value) <= ESTIMATE * abs(e.lhs_value)
                     and not _decimals_off(e) else e
                     for e in equations]
    if _DIGIT_OF.search(body):
        # "the units digit of 16^17 is 6", "2^10 leaves a remainder of 4": a digit or a remainder
        # of a power is said, not its value
        equations = [replace(e, ok=None, expected=None) if e.ok is False and "^" in e.text.split("=")[0] else e
                     for e in equations]
    checked = [e.ok for e in equations if e.ok is not None]
    ok = None if not checked else all(checked)
    return StepCheck(step_number=number, equations=equations, values=numbers_in(said), ok=ok)


_DIGIT_OF = re.compile(r"(?i)\b(?:units?|ones|last|tens|first)\s+digits?\b|\bremainders?\b|\bmod(?:ulo)?\b|≡")


def _plain(x: Fraction) -> str:
    """A value as a person writes it: ``2``, ``2.5``, ``0.333333``."""
    return f"{float(x):.6f}".rstrip("0").rstrip(".") if x.denominator != 1 else str(x.numerator)


def _amount_statements(text: str) -> list[tuple[str, Fraction, Fraction, bool]]:
    """``(text, exact, written, approximate)`` of each unit conversion and mixed-unit sum in
    ``text`` (see :mod:`tutor.units`)."""
    return ([(c.text, c.expected, c.right, c.approximate) for c in conversions(text) + area_conversions(text)]
            + [(u.text, u.expected, u.result, False)
               for u in unit_sums(text) + unit_products(text) + clock_statements(text)])


def amount_ok(exact: Fraction, written: Fraction, approximate: bool = False) -> bool:
    """Whether an amount written for an exact one is right: a whole number must be exact
    ("135 minutes is 2 hours" is not rounding); decimals may be rounded to the places written
    ("100 min = 1.67 h"); an approximate statement ("about", "≈") may be off by
    :data:`tutor.units.APPROXIMATE` of the exact value."""
    return exact == written or (
        written.denominator != 1 and values_match(float(exact), float(written), _plain(written))
    ) or (approximate and math.isclose(float(exact), float(written), rel_tol=APPROXIMATE))


def writes(text: str, piece: str) -> bool:
    """Whether ``text`` writes ``piece`` (as :func:`converted_from` gives it), separators,
    number words and spacing aside ("7,350 m" writes "7350 m")."""
    def norm(t: str) -> str:
        return " ".join(_amounts_text(words_to_digits(t)).split()).lower()

    return norm(piece) in norm(text)


def converted_from(text: str) -> list[tuple[float, float, str]]:
    """``(value, last number written again, the restatement as written)`` for each amount a
    step rightly restates in another unit: "125 cents = $1.25" -> [(125, 1.25, "$1.25")],
    "95 minutes = 1 hour 35 minutes" -> [(95, 35, "1 hour 35 minutes")]: the same amount, not
    a new result."""
    return [(float(c.left), float(c.right_written), c.text.rsplit("=", 1)[-1].strip() if "=" in c.text
             else c.text)
            for c in conversions(_amounts_text(words_to_digits(text)))
            if c.right_written is not None and amount_ok(c.expected, c.right, c.approximate)]


_SAID_AGAIN = re.compile(r"(?<=[\w¢$%])\s*\((?=[^()]*\d)(?=[^()]*[A-Za-z¢$])[^()+*/=×÷^−-]*\)\s*[.!]?\s*$")


def remainders_in(text: str) -> list[tuple[float, float, float, float]]:
    """``(dividend, divisor, quotient, remainder)`` of each division written with its remainder
    ("240 ÷ 35 = 6 R 30", "75 / 8 = 9 remainder 3")."""
    text = _TIMES_X.sub(" * ", re.sub(r"\s*(?:÷|\\div)\s*", " / ", text))
    return [tuple(float(x) for x in m) for m in _REMAINDER.findall(text)]


#: A trailing phrase that places a sentence's result in the story ("... after 5 weeks", "for the
#: 3 classes"): the number in it is the situation, not the answer.
_SITUATION = re.compile(r"\b(?:after|in|for|within|over|during)\s+(?:the\s+|those\s+|these\s+|all\s+)?"
                        r"(?:(?:first|next|last|other)\s+)?(\d[\d,]*(?:\.\d+)?)\s+[A-Za-z]+\W*$", re.I)


def answer_value(text: str, givens: Sequence[float] = ()) -> float | None:
    """The value a short answer or concluding line states: the last value written, read as
    math (``"4 1/4"`` -> 4.25, ``"-54"``, ``"3.8 × 10^13"``, ``"$1,200"``, ``"5/8"``, ``"72
    clips"``, ``"48 + 24 = 72"`` -> 72), else the last number (``"x = 4"`` -> 4); ``None``
    when it states no number. A percent is its number as written (``"25%"`` -> 25), as
    :func:`numbers_in` reads it.

    ``givens`` (the problem's numbers), where passed, let a sentence without a computation end
    on a number the problem gives, in a phrase that places the result ("Eli has 65 cards after
    5 weeks." -> 65, not 5); an answer that is that given ("It takes 3 hours in all") stays it.
    """
    whole = _whole_amount(text)
    if whole is not None:  # "The game started at 11:35 AM.", "… so 4 hours 40 minutes."
        return whole
    text = text.replace("%", " ")
    # "2.5 more hours (2 h 30 min)": a closing bracket that says the amount again in other
    # units is not the answer
    said = _SAID_AGAIN.sub("", text)
    if numbers_in(said):
        text = said
    vals = [v for _, v in expressions_in(text) if v is not None]
    situation = _SITUATION.search(text) if givens and len(vals) > 1 else None
    if situation is not None and numbers_in(situation.group(1)) == vals[-1:] \
            and any(math.isclose(vals[-1], g, abs_tol=1e-9) for g in givens):
        return vals[-2]
    if vals:
        return vals[-1]
    nums = numbers_in(text)
    return nums[-1] if nums else None


def _whole_amount(text: str, alone: bool = False) -> float | None:
    """The clock time (minutes after 12) or the amount in two or three units (in its smallest
    unit: "4 h 40 min" -> 280) that ``text`` ends on; with ``alone``, only where that is all
    ``text`` says. Read as bare numbers these give their last part (40), which another way of
    writing the same answer ("280 minutes") would not match."""
    clock = clock_at_end(text)
    if clock is not None and (not alone or _ALONE_CLOCK.fullmatch(text)):
        return float(clock)
    end = len(text.rstrip(" .!"))
    for start, stop, a in compound_amounts(text):
        if stop >= end and (not alone or not text[:start].strip()):
            return float(a.value)
    return None


_ALONE_CLOCK = re.compile(r"(?i)\s*\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*[.!]?\s*")


def step_result(text: str, givens: Sequence[float] = ()) -> float | None:
    """What a step arrives at: the result of its last ``=`` chain (:func:`stated_result`), else
    the value it states (:func:`answer_value`, with ``givens``); ``None`` when it states no
    number."""
    value = stated_result(text)
    return value if value is not None else answer_value(text, givens)


# the unknown solved for, where the step ends on it ("…, so T = 48.", "x = 12 years")
_SOLVED_LAST = re.compile(r"(?<![\w.])[A-Za-z]\s*=\s*\$?(\d[\d,]*(?:\.\d+)?)(?![\d,]*\s*[-+*/×÷^(=]|[\d,]*\.\d)[^=\d]*$")


def stated_result(text: str) -> float | None:
    """The value at the right end of the last ``=`` chain a step writes (``"4 * 30 + 10 + 45 =
    175 for the first 6 months"`` -> 175), or ``None`` when it writes no ``=`` or that value
    cannot be evaluated. A percent is its number as written, as in :func:`answer_value`."""
    text = _ANNOTATION.sub(" ", text).replace("%", " ")
    if "=" in text and (whole := _whole_amount(text.rsplit("=", 1)[1], alone=True)) is not None:
        return whole  # "… = 10:15 PM", "280 min = 4 h 40 min": a clock time or one amount
    if (solved := _SOLVED_LAST.search(text)) is not None:
        return float(solved.group(1).replace(",", ""))  # "T/4 = 12, so T = 48."
    chains = [seg for seg in _segments(_math_runs_text(text)) if "=" in seg]
    if not chains:
        return None
    value = evaluate(chains[-1].rsplit("=", 1)[1])
    return float(value) if value is not None else None


def expressions_in(text: str) -> list[tuple[str, float | None]]:
    """Every numeric run in a step with its value: ``[(expr, value)]`` (``value`` ``None`` if
    it cannot be evaluated). Chains are split at ``=``; used by the reference alignment to see
    which values a step computes and from which operands."""
    return [part for chain in expression_chains(text) for part in chain]


def expression_chains(text: str) -> list[list[tuple[str, float | None]]]:
    """The numeric runs of a step, each as its chain of ``=`` parts ``[(expr, value)]``
    (:func:`expressions_in` flattened): a run of one part stands alone ("1/3 of the money")."""
    out = []
    for seg in _segments(_math_runs_text(_ANNOTATION.sub(" ", text))):
        chain = []
        for part in seg.split("="):
            if part:
                v = evaluate(part)
                chain.append((part, float(v) if v is not None else None))
        out.append(chain)
    return out


# --------------------------------------------------------------------------- algebra
_ALG_TOKEN = re.compile(r"[^0-9a-zA-Z.+\-*/^()= ]")


def parse_side(expr: str):
    import sympy
    from sympy.parsing.sympy_parser import (implicit_multiplication_application, parse_expr, rationalize,
                                            standard_transformations)

    expr = normalize_math(expr).replace("^", "**")
    if _ALG_TOKEN.search(expr):
        raise ValueError(expr)
    # "3j", "3e + 2": a number times a letter, not Python's imaginary or exponent notation
    expr = re.sub(r"(?<=[\d.])(?=[A-Za-z])", "*", expr)
    names = {c: sympy.Symbol(c) for c in set(re.findall(r"[a-zA-Z]", expr))}
    # decimals as exact rationals: 4.3 = 5.6x + 9.1 and 13.4 = 5.6x + 18.2 must have the same
    # solution, not two floats a rounding apart
    return parse_expr(expr, local_dict=names, evaluate=True, transformations=(
        standard_transformations + (implicit_multiplication_application, rationalize)))


def equivalent_equations(before: str, after: str) -> bool | None:
    """Whether two equations have the same solution set (an algebra step kept the equation
    equivalent).

    Args:
        before: equation before the step, e.g. ``"-6=3+y/9"``.
        after: equation after the step, e.g. ``"-6/9=3/9+y/81"``.

    Returns:
        ``True`` (same solutions), ``False`` (different), or ``None`` (not readable as single
        equations in at most one unknown, or sympy could not decide).
    """
    try:
        import sympy

        eqs = []
        for e in (before, after):
            if e.count("=") != 1:
                return None
            lhs, rhs = e.split("=")
            eqs.append(sympy.simplify(parse_side(lhs) - parse_side(rhs)))
        syms = set().union(*(x.free_symbols for x in eqs))
        if len(syms) > 1:
            return None
        if not syms:
            return bool(eqs[0] == 0) == bool(eqs[1] == 0)
        (s,) = syms
        sols = [sympy.solveset(x, s, domain=sympy.S.Reals) for x in eqs]
        return bool(sols[0] == sols[1])
    except Exception:  # unreadable student input is "cannot decide", not a crash
        return None


# --------------------------------------------------------------------------- unknowns
# math tokens of a written equation: numbers, one-letter unknowns, operators, brackets, "="
_EQ_TOKEN = re.compile(r"(?P<num>\d+(?:\.\d+)?|\.\d+)|(?P<var>(?<![A-Za-z'])[A-Za-z](?![A-Za-z']))"
                       r"|(?P<op>[-+*/^()=])|(?P<sp>\s+)|(?P<other>.)")
_EQ_MAX_CHARS = 120
# one-letter units, as _VARIABLE_AFTER leaves them: metres, grams, litres, seconds, hours
_UNIT_LETTERS = frozenset("mglshL")  # L: litres


@dataclass(frozen=True)
class LinearEquation:
    """One written equation that is linear in its single unknown with exactly one solution.

    Attributes:
        letter: the unknown (``"x"``).
        value: its solution (exact).
        text: the equation as read (normalised, no spaces), e.g. ``"2x+5=13"``.
        operands: the numbers written in it.
        solved: one side is the bare unknown and the other holds none: a value is stated
            (``"x = 30"``, ``"63.33 = x"``, ``"x = (-16 + 32)/6"``).
        chained: read from a chain of three or more sides with the unknown in several
            (``"2x + 3x = 5x = 20"``).
        before: the words written before it in its text (normalised, at most 80 characters).
    """

    letter: str
    value: Fraction
    text: str
    operands: tuple[float, ...]
    solved: bool
    chained: bool
    before: str

    @property
    def value_side(self) -> str:
        """The side that is not the bare unknown (for a ``solved`` equation, the value)."""
        lhs, _, rhs = self.text.partition("=")
        return rhs if lhs == self.letter else lhs

    @property
    def worked_out(self) -> bool:
        """A value written as a number ("x = 65.3"), not a computation ("x = 190/3")."""
        return self.solved and _is_literal(self.value_side)


# what may stand right next to a written equation: a space, the text's edge, punctuation. A
# letter, digit or symbol glued to it means the tokenizer cut a longer expression ("\\sin x",
# "a_3", "4ℓ", "2x + 22.5°"), a ratio or a clock time ("2:1:3 = x:50:y")
_EQ_NEIGHBOURS = frozenset(" \t\n,.;!?$\"()[]|")


# "2x + 5 = 13   (-5)", "2x = 8 (÷2)": a note of the move made to both sides, not a factor
_OPERATION_NOTE = re.compile(r"(?m)(?<=\S)[ \t]+[(\[]\s*(?:[-+*/×÷−–]|x(?=\s*\d))\s*\d+(?:\.\d+)?\s*[)\]]"
                             r"(?=[ \t]*(?:$|[,;|]|[ \t]{2}))")
# letters from Unicode's mathematical alphabets ("𝑥"), read as the plain letter
_MATH_LETTER = re.compile(r"[\U0001D400-\U0001D7FF]")
# a note in brackets after an equation, in words ("(divide both sides by 2)")
_WORD_NOTE = re.compile(r"\((?=[^()]*[A-Za-z]{3})[^()]*\)")
# "x + 3 = 7 => x = 4", "\Rightarrow", "\therefore": an arrow between two equations
_ARROW = re.compile(r"=>|⇒|→|\\(?:Rightarrow|rightarrow|Longrightarrow|implies|therefore|to|iff)(?![A-Za-z])")
# a LaTeX name or function (\ell, \sin, \pi), other than the operators and layout commands
# normalize_math reads
_LATEX_NAME = re.compile(r"\\(?!(?:[dt]?frac|sqrt|cdot|times|ast|div|left|right|big|Big|text|mathrm|textrm|"
                         r"mathbf|textbf|operatorname|quad|qquad|boxed|approx)(?![A-Za-z]))[A-Za-z]+")


_UNIT_THEN_OPERATION = re.compile(r"[ \t]+[A-Za-z]{2,}[ \t]*[-+*/×÷][ \t]*[\d(]")


def _depth_at_equals(run: list[re.Match]) -> int | None:
    """Bracket depth of the first "=" of a run of equation tokens (``None`` without one)."""
    depth = 0
    for m in run:
        depth += {"(": 1, ")": -1}.get(m.group(), 0)
        if m.group() == "=":
            return depth
    return None


def _clean_run(text: str, run: list[re.Match]) -> bool:
    """Whether a run of equation tokens is a whole equation: nothing glued on either side, no
    operator cut off at either end, no name such as "x1" or "f(-3)"."""
    before = text[run[0].start() - 1] if run[0].start() else " "
    after = text[run[-1].end()] if run[-1].end() < len(text) else " "
    if "§" in (text[:run[0].start()].rstrip()[-1:], text[run[-1].end():].lstrip()[:1]):
        return False  # a name next to it (see linear_equations)
    loose_colon = after == ":" and text[run[-1].end() + 1:run[-1].end() + 2] in ("", " ", "\n")
    # "= 9cm": a unit word glued to the last number
    unit = run[-1].lastgroup == "num" and re.match(r"[A-Za-z]{2,}", text[run[-1].end():]) is not None
    if before not in _EQ_NEIGHBOURS or (after not in _EQ_NEIGHBOURS and not (loose_colon or unit)):
        return False
    if _UNIT_THEN_OPERATION.match(text, run[-1].end()):
        return False  # "6W / 6 = 30 feet / 6": the side goes on after its unit word
    first, last = run[0].group(), run[-1].group()
    if first in "+*/^=)" or last in "+-*/^=(":
        return False
    # a letter with a digit glued after it is a name ("x1", "y2"); f, g, h glued to a bracket
    # are functions ("f(-3) = -1"), where "x(1 + 0.15)" multiplies
    return not any(a.lastgroup == "var" and b.start() == a.end()
                   and (b.lastgroup == "num" or (b.group() == "(" and a.group() in "fghFGH"))
                   for a, b in zip(run, run[1:]))


def linear_equations(text: str) -> list[LinearEquation]:
    """Every equation of ``text`` linear in one unknown with one solution, in written order
    (see :func:`_linear_equations`; cached: the verifier reads each step for the reference
    alignment and for the algebra check)."""
    return list(_linear_equations(text))


@functools.lru_cache(maxsize=4096)
def _linear_equations(text: str) -> tuple[LinearEquation, ...]:
    """Every equation of ``text`` linear in one unknown with one solution, in written order.

    ``"2(x + 12) - 5 = 79"`` gives x = 30; a chain ``"2x + 3x = 5x = 20"`` gives one equation
    per adjacent pair that has a single solution. Identities (``x + 2x = 3x``), letters used as
    words ("a", "I"), one-letter units after a number and a space ("2 m = 200"), ratios and
    anything sympy cannot read are skipped. Pure; reads at most 2,000 characters.
    """
    out: list[LinearEquation] = []
    text = _MATH_LETTER.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)  # "2𝑥 = 8"
    text = re.sub(r"(?<=\d)(?:\.\.\.|…)", "", text.replace("**", " "))  # "3.333...", "**x = 4**"
    text = _ARROW.sub(" ; ", text)
    # names that are not the unknown (normalize_math writes them as a placeholder letter)
    for pat in (_SUBSCRIPTED, _DOTS_PRIMES, _LATEX_NAME):
        text = pat.sub(" § ", text)
    text = _OPERATION_NOTE.sub(" ", text)
    normalized = normalize_math(text.replace("…", " § ").replace("...", " § "))[:2000]
    normalized = _WORD_NOTE.sub(" ", normalized)  # "x = 4 (divide both sides by 2)"
    runs: list[list[re.Match]] = [[]]
    cut: set[int] = set()
    for m in _EQ_TOKEN.finditer(normalized):
        kind = m.lastgroup
        if kind == "sp":
            continue
        if kind == "other" or (kind == "var" and m.group() in "aAI"):
            runs.append([])
            if kind == "var":
                cut.add(len(runs) - 1)  # "a - 1 + 2c = 0": the "a" may be an unknown
            continue
        runs[-1].append(m)
    for k, run in enumerate(runs):
        # "\(2x + 5 = 13\)": brackets around the whole equation are not part of it
        while run and run[0].group() == "(" and sum(m.group() == "(" for m in run) > sum(m.group() == ")" for m in run):
            run = run[1:]
        while run and run[-1].group() == ")" and sum(m.group() == ")" for m in run) > sum(m.group() == "(" for m in run):
            run = run[:-1]
        if len(run) > 2 and run[0].group() == "(" and run[-1].group() == ")" and _depth_at_equals(run) == 1:
            run = run[1:-1]
        if not run or (k in cut and run[0].lastgroup == "op"):
            continue
        if (len(run) > 3 and run[-1].lastgroup == "var" and run[-1].group() in _UNIT_LETTERS
                and run[-2].lastgroup == "num" and run[-2].end() < run[-1].start() and run[-3].group() == "="):
            run = run[:-1]  # "c = 17 m": the unit of the value, not a second letter
        tokens = [(m.lastgroup, m.group()) for m in run]
        letters = {v for kind, v in tokens if kind == "var"}
        if len(letters) != 1 or not any(v == "=" for _, v in tokens) or not _clean_run(normalized, run):
            continue
        (letter,) = letters
        if letter in _UNIT_LETTERS and re.search(rf"\d\s+{letter}(?![A-Za-z])", normalized):
            continue  # "2 m = 200": a unit after a number and a space (algebra writes "2m")
        sides = "".join(v for _, v in tokens).split("=")
        if len(sides) > 6 or any(len(s) > _EQ_MAX_CHARS for s in sides):
            continue
        chained = len(sides) > 2 and sum(letter in side for side in sides) > 1
        before = normalized[max(0, run[0].start() - 80):run[0].start()]
        for lhs, rhs in zip(sides, sides[1:]):
            solution = _solve_linear(lhs, rhs)
            if solution is None:
                continue
            ops = tuple(float(x) for x in re.findall(r"\d+(?:\.\d+)?|\.\d+", lhs + " " + rhs))
            states_value = (lhs == letter and letter not in rhs) or (rhs == letter and letter not in lhs)
            out.append(LinearEquation(letter, solution, f"{lhs}={rhs}", ops, states_value, chained, before))
    return tuple(out)


def residual(equation: str, letter: str, value: Fraction) -> float | None:
    """``lhs - rhs`` of ``equation`` (as :func:`linear_equations` writes it, "2x+1=7.67") with
    ``value`` put in for ``letter``; ``None`` when it cannot be read."""
    try:
        import sympy

        quiet_sympy()
        lhs, rhs = equation.split("=")
        diff = (parse_side(lhs) - parse_side(rhs)).subs(sympy.Symbol(letter), sympy.Rational(value.numerator,
                                                                                                value.denominator))
        return float(diff)
    except Exception:  # unreadable: no residual
        return None


def solved_unknowns(text: str) -> list[tuple[float, list[float]]]:
    """Values of the unknowns a step's equations fix: ``"x + 35 = 105"`` gives 70, ``"2(x +
    12) - 5 = 79"`` gives 30, so a step that sets up an equation derives a value (and can be
    checked against the reference) before the step that writes ``x = 70``.

    Only :func:`linear_equations` count; one that only writes the unknown's value (``x = 30``)
    adds nothing.

    Returns:
        ``[(value, operands)]``: each solution with the numbers written in its equation.
    """
    out: list[tuple[float, list[float]]] = []
    for eq in linear_equations(text):
        if any(_is_literal(s) and evaluate(s) == eq.value for s in eq.text.split("=")):
            continue
        if not any(math.isclose(v, float(eq.value)) for v, _ in out):
            out.append((float(eq.value), list(eq.operands)))
    return out


@functools.lru_cache(maxsize=1)
def quiet_sympy() -> None:
    """Silence sympy's deprecation notices on odd student input, once for the process (a
    ``catch_warnings`` block per call is not thread-safe in the web server)."""
    import warnings

    from sympy.utilities.exceptions import SymPyDeprecationWarning

    warnings.filterwarnings("ignore", category=SymPyDeprecationWarning)


def _solve_square(lhs: str, rhs: str) -> Fraction | None:
    """The positive solution of ``lhs = rhs`` when its only power is the square of its single
    letter and no other term holds the letter ("c^2 = 289", "6^2 + 8^2 = c^2", "2x^2 = 50"),
    as a side of a right triangle or a square is; ``None`` otherwise or when it is not a
    whole or fraction."""
    both = f"{lhs} {rhs}"
    letters = set(re.findall(r"[A-Za-z]", both))
    if len(letters) != 1:
        return None
    (letter,) = letters
    if re.search(r"\^(?!2(?![\d.]))|[A-Za-z]\^2\^|\)\^", both) or len(re.findall(letter, both)) != 1 \
            or not re.search(rf"(?<![A-Za-z]){letter}\^2(?![\d.])", both):
        return None
    try:
        import sympy

        quiet_sympy()
        x = sympy.Symbol(letter)
        poly = sympy.Poly(sympy.expand(parse_side(lhs) - parse_side(rhs)), x)
        if poly.degree() != 2 or poly.coeff_monomial(x) != 0:
            return None
        a, c = poly.coeff_monomial(x ** 2), poly.coeff_monomial(1)
        square = sympy.nsimplify(-c / a, rational=True)
        root = sympy.sqrt(square) if square.is_Rational and square > 0 else None
        if root is None or not root.is_Rational or root > 10**15:
            return None
        return Fraction(int(root.p), int(root.q))
    except Exception:  # unreadable student input means "no value", not a crash
        return None


def _solve_linear(lhs: str, rhs: str) -> Fraction | None:
    """The one solution of ``lhs = rhs`` when it is linear in its single unknown, else ``None``."""
    if not lhs.strip() or not rhs.strip() or too_big(lhs) or too_big(rhs):
        return None
    if "^" in lhs + rhs:
        # a power is not linear (and expanding (x+1)^999 would take minutes); a square of the
        # unknown alone, "c^2 = 289" or "64 + 225 = c^2", has one length for an answer
        return _solve_square(lhs, rhs)
    try:
        import sympy

        quiet_sympy()
        eq = sympy.expand(parse_side(lhs) - parse_side(rhs))
        syms = eq.free_symbols
        if len(syms) != 1:
            return None
        (s,) = syms
        num, den = sympy.fraction(sympy.together(eq))
        if s in den.free_symbols:
            # a proportion with the unknown below the bar ("4/3 = 10/x"): cross-multiplied it is
            # linear; only a single x below the bar (x = 0 is then no solution)
            if sympy.Poly(den, s).degree() != 1 or sympy.Poly(den, s).all_coeffs()[-1] != 0:
                return None
            eq = sympy.expand(num)
        poly = sympy.Poly(eq, s)
        if poly.degree() != 1:
            return None
        a, b = poly.all_coeffs()
        value = sympy.nsimplify(-b / a, rational=True)
        if not value.is_Rational or abs(value) > 10**15:
            return None  # a huge solution is no quantity a word problem has (nor a float)
        return Fraction(int(value.p), int(value.q))
    except Exception:  # unreadable student input means "no value", not a crash
        return None
