"""Numbers written in words: "forty-eight", "one hundred and five", "two thirds", "12 point 5".

Students write steps such as "forty-eight plus twelve is sixty"; the step reader
(:mod:`tutor.mathcheck`) checks them like "48 + 12 = 60" after :func:`words_to_digits`, and the
hint guards (:mod:`tutor.hints.numbers`) find an answer spelled out through
:func:`spelled_numbers`. Pure functions over text, no imports from the rest of the package.

Grammar (English, case-insensitive, hyphens or spaces between parts): a group below 1000 is
``[unit hundred] [and] (tens [unit] | teen | unit)``; groups join with a falling scale
(``million``, ``thousand``); ``a hundred`` / ``a thousand`` count as one. A group never
continues where the words would not (``five twenty`` is 5 and 20, ``two and three`` is 2 and
3). After a number, a denominator word makes a fraction (``two thirds``, ``one half``), ``and a
half`` a mixed number, ``point`` + digits a decimal. Ordinals alone (``the third day``) are not
numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9}
#: Every word that can be part of a number written in words.
NUMBER_WORDS = frozenset(UNITS) | frozenset(TEENS) | frozenset(TENS) | frozenset(SCALES) | {"hundred", "and", "point", "a"}
#: Denominator words; an ordinal is a fraction only right after a number ("two thirds").
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "twelfth": 12, "twelfths": 12, "hundredth": 100, "hundredths": 100,
}
#: Unicode fraction characters: numerator, denominator ("3½" is a mixed number, 3 + 1/2).
VULGAR_FRACTIONS = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
                    "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅐": (1, 7),
                    "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8), "⅑": (1, 9), "⅒": (1, 10)}
#: A whole number followed by a fraction character, optionally one space apart.
VULGAR_MIXED = re.compile(rf"(?<![\d.])(\d+)\s?([{''.join(VULGAR_FRACTIONS)}])")
_WORD = re.compile(r"[A-Za-z]+")
# what may join two words of one number: spaces or a hyphen ("seventy-two", "one-third")
_JOIN = re.compile(r"[\s-]+")
#: Lone number words up to this value are read only next to arithmetic (see words_to_digits).
SMALL = 3
# arithmetic next to a lone small word makes it a number ("one plus two is three"), not a
# pronoun or a count of things
_ARITHMETIC = re.compile(r"(?i)^(?:plus|minus|times|divided|multiplied|over|is|equals|makes|[-+*/x×÷=])$")
# a money word after a lone small word makes it an amount ("three dollars", "one cent")
_MONEY_WORD = re.compile(r"(?i)^(?:dollars?|cents?)$")
# an amount in dollars and cents: "a dollar twenty-five", "four dollars and twenty cents",
# "$3 and 50 cents", "2 dollars 75." -> one decimal amount. Without "cents" the cents are said
# right after "dollars" (no "and"), as two digits or words ("twenty-five"), and end the phrase
# (a full stop, "each", "is" ...): "5 dollars 20 apples", "4 dollars 3 times" and "5 dollars
# and 10 is what she has" stay two numbers. A number already part of "1,000" or "4.5" is not
# the start of an amount.
_CENTS_END = r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:is|are|was|plus|minus|times|equals|makes|each|per|for|so|then)\b)"
_CARDINAL = "|".join(sorted([*UNITS, *TEENS, *TENS, "hundred"], key=len, reverse=True))
_AMOUNT = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_CARDINAL})(?:[\s-]+(?:{_CARDINAL}))*)"
_BARE_CENTS = rf"(?:\d\d|(?:{'|'.join(TENS)})(?:[\s-]+(?:{'|'.join(UNITS)}))?|{'|'.join(TEENS)})"
_MONEY = re.compile(
    rf"(?i)(?<![\d.,])(?:\$\s?(?P<d1>{_AMOUNT})(?:\s+and)?\s+(?P<c1>{_AMOUNT})\s+cents?\b"
    rf"|\b(?P<d2>{_AMOUNT}|an?)\s+dollars?(?:(?:\s+and)?\s+(?P<c2>{_AMOUNT})\s+cents?\b"
    rf"|\s+(?P<c3>{_BARE_CENTS}){_CENTS_END}))"
    r"(?!\.\d)")
# "a dollar" is one dollar, but "half a dollar", "a quarter of a dollar" are not
_ONE_DOLLAR = re.compile(r"(?i)(?<!\bhalf\s)(?<!\bof\s)\b(?:a|one)\s+dollar\b")
_SENTENCE_END = re.compile(r"((?<=[.!?])\s+|\n)")
# "$0.25 equals 25 cents", "1500 cents, or $15": a conversion, whose two sides must stay apart
_DOLLARS = r"(?:\$\s?\d[\d.,]*|\d[\d.,]*\s+dollars?)"
_SAYS_EQUAL = r"\s*,?\s*(?:equals|is|are|=|or|makes|means)\s*"
_CONVERSION = re.compile(rf"(?i){_DOLLARS}{_SAYS_EQUAL}\d[\d.,]*\s+cents?\b"
                         rf"|\d[\d.,]*\s+cents?{_SAYS_EQUAL}(?:\$|\d[\d.,]*\s+dollars?)")
_CENTS = re.compile(r"(?i)(?<![\d.,$])(\d+(?:\.\d+)?)\s+cents?\b")


@dataclass(frozen=True)
class Spelled:
    """One number written in words.

    Attributes:
        start, end: its character span in the text.
        value: the exact value.
        decimals: decimal places written after ``point`` (0 otherwise).
        words: how many words it spans.
        whole: the cardinal it starts with (``two`` of ``two thirds``, ``12`` of ``twelve
            point five``); equal to ``value`` for a plain cardinal.
        denominator: the denominator word's value (``thirds`` -> 3; ``and a half`` -> 2);
            1 when there is none.
    """

    start: int
    end: int
    value: Fraction
    decimals: int
    words: int
    whole: int
    denominator: int = 1


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _joined(text: str, a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    """Whether two consecutive words are separated by spaces or a hyphen only."""
    return bool(_JOIN.fullmatch(text[a[2]:b[1]]))


def _cardinal(toks: list[tuple[str, int, int]], i: int, text: str) -> tuple[int, int] | None:
    """The cardinal number starting at word ``i``: ``(value, next word index)``, or ``None``."""
    total, group, slot, last_scale, j = 0, 0, "", 10**12, i
    while j < len(toks):
        w = toks[j][0]
        if j > i and not _joined(text, toks[j - 1], toks[j]):
            break
        nxt = toks[j + 1][0] if j + 1 < len(toks) else ""
        if w == "zero":
            if j > i:
                break
            return 0, j + 1
        if w in UNITS and slot in ("", "H", "S") or (w in UNITS and slot == "T" and group % 10 == 0):
            group += UNITS[w]
            slot = "U"
        elif w in TEENS and slot in ("", "H", "S"):
            group += TEENS[w]
            slot = "X"
        elif w in TENS and slot in ("", "H", "S"):
            group += TENS[w]
            slot = "T"
        elif w == "a" and j == i and nxt in ("hundred", *SCALES):
            group, slot = 1, "U"
        elif w == "hundred" and slot in ("U", "X") and group < 20:  # "twelve hundred"
            group *= 100
            slot = "H"
        elif w in SCALES and slot in ("U", "X", "T", "H") and SCALES[w] < last_scale:
            total += group * SCALES[w]
            group, slot, last_scale = 0, "S", SCALES[w]
        elif w == "and" and slot in ("H", "S") and (nxt in UNITS or nxt in TEENS or nxt in TENS):
            pass  # "one hundred and five", "two thousand and ten"
        else:
            break
        j += 1
    if slot in ("", "S") and j > i and toks[j - 1][0] == "and":
        j -= 1
    if j == i or toks[i][0] == "a" and j == i + 1:
        return None
    return total + group, j


def spelled_numbers(text: str) -> list[Spelled]:
    """Every number written in words in ``text``, left to right (see the module docstring).

    Returns:
        One :class:`Spelled` per number; a fraction, mixed number or decimal is one number
        (``two thirds`` is 2/3, not 2).
    """
    toks = _tokens(text)
    out: list[Spelled] = []
    i = 0
    while i < len(toks):
        card = _cardinal(toks, i, text)
        if card is None:
            i += 1
            continue
        value, j = card
        result, decimals, denominator = Fraction(value), 0, 1
        nxt = toks[j][0] if j < len(toks) else ""
        if nxt in DENOMINATORS and _joined(text, toks[j - 1], toks[j]) and value:
            singular = not nxt.endswith("s") or nxt == "halves"
            if (value == 1) == singular or nxt in ("half", "halves"):
                result, denominator, j = Fraction(value, DENOMINATORS[nxt]), DENOMINATORS[nxt], j + 1
        elif (nxt == "and" and j + 2 < len(toks) and toks[j + 1][0] in ("a", "one")
              and toks[j + 2][0] in ("half", "third", "quarter")
              and all(_joined(text, toks[k], toks[k + 1]) for k in range(j - 1, j + 2))):
            denominator = DENOMINATORS[toks[j + 2][0]]
            result, j = value + Fraction(1, denominator), j + 3
        elif nxt == "point" and j + 1 < len(toks) and toks[j + 1][0] in UNITS:
            digits, k = "", j + 1
            while k < len(toks) and toks[k][0] in UNITS and _joined(text, toks[k - 1], toks[k]):
                digits += str(UNITS[toks[k][0]])
                k += 1
            result, decimals, j = value + Fraction("0." + digits), len(digits), k
        out.append(Spelled(toks[i][1], toks[j - 1][2], result, decimals, j - i, value, denominator))
        i = j
    return out


def _digits(n: Spelled) -> str:
    """Digits as the words wrote them: "four sixths" is (4/6), not (2/3)."""
    if n.decimals:
        return f"{float(n.value):.{n.decimals}f}"
    if n.denominator == 1:
        return str(n.value)
    if n.value == Fraction(n.whole, n.denominator):
        return f"({n.whole}/{n.denominator})"
    return f"({n.whole}+1/{n.denominator})"


def words_to_digits(text: str) -> str:
    """``text`` with each number written in words replaced by digits, for the step reader.

    ``forty-eight plus twelve is sixty`` -> ``48 plus 12 is 60``; ``two thirds of 12`` ->
    ``(2/3) of 12``; ``two and a half hours`` -> ``(2+1/2) hours``. A lone ``one`` stays a
    word unless arithmetic is written next to it ("one of them" is a pronoun, "one plus one"
    is not), so a reading never invents a quantity from a figure of speech.
    """
    text = _money_phrases(text)  # "four dollars and twenty cents" is one amount, not 4 and 20
    found = spelled_numbers(text)
    # two numbers said back to back ("three fifty", "nine eleven") are one spoken amount the
    # grammar cannot read ($3.50? 350?): both stay words, so no computation is read from half
    # ("three twenty-dollar bills" is 3 bills of $20: a number joined to the word after it by a
    # hyphen names a kind of thing, and is read)
    paired = {k for a, b in zip(range(len(found)), range(1, len(found)))
              if not text[found[a].end:found[b].start].strip(" \t-")
              and not re.match(r"-[A-Za-z]", text[found[b].end:found[b].end + 2]) for k in (a, b)}
    out, pos = [], 0
    for k, n in enumerate(found):
        if k in paired or (n.words == 1 and n.value <= SMALL and not _near_arithmetic(text, n)):
            continue
        out += [text[pos:n.start], _digits(n)]
        pos = n.end
    return _cents_as_dollars("".join(out) + text[pos:])


@dataclass(frozen=True)
class Money:
    """An amount in dollars and cents said as one phrase: its span in the text and value."""

    start: int
    end: int
    value: Fraction


def money_amounts(text: str) -> list[Money]:
    """Amounts of dollars and cents said as one phrase: "a dollar twenty-five" (1.25), "four
    dollars and twenty cents" (4.20), "$3 and 50 cents", "2 dollars 75." (cents below 100)."""
    out = []
    for m in _MONEY.finditer(text):
        dollars = _whole(m.group("d1") or m.group("d2"))
        cents = _whole(m.group("c1") or m.group("c2") or m.group("c3"))
        if dollars is not None and cents is not None and cents < 100:
            out.append(Money(m.start(), m.end(), dollars + Fraction(cents, 100)))
    return out


def _whole(phrase: str) -> int | None:
    """A whole number written in digits or words ("a" and "an" are one), else ``None``."""
    if phrase.replace(",", "").isdigit():
        return int(phrase.replace(",", ""))
    if phrase.lower() in ("a", "an", "one"):
        return 1
    found = spelled_numbers(phrase)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(phrase) and found[0].denominator == 1:
        return int(found[0].value)
    return None


def _money_phrases(text: str) -> str:
    """``text`` with each :func:`money_amounts` phrase written as ``$D.CC``."""
    if "dollar" not in text.lower() and "cent" not in text.lower():
        return text
    for a in reversed(money_amounts(text)):
        text = f"{text[:a.start]}${float(a.value):.2f}{text[a.end:]}"
    return text


def _cents_as_dollars(text: str) -> str:
    """``a dollar`` -> ``$1``; in a sentence that also counts dollars, cents become dollars
    (``25 cents`` -> ``$0.25``), except in a conversion ("$0.25 equals 25 cents")."""
    if "dollar" not in text.lower() and "cent" not in text.lower():
        return text
    text = _ONE_DOLLAR.sub("$1", text)
    # cents in a sentence that also counts dollars are a fraction of a dollar ("$1 minus 25
    # cents is 75 cents"); elsewhere they stay cents, as a problem that prices in cents means
    parts = _SENTENCE_END.split(text)
    for i, part in enumerate(parts):
        if ("$" in part or "dollar" in part.lower()) and not _CONVERSION.search(part):
            parts[i] = _CENTS.sub(lambda m: f"${float(m.group(1)) / 100:.{2 + len(m.group(1).partition('.')[2])}f}",
                                  part)
    return "".join(parts)


def _near_arithmetic(text: str, n: Spelled) -> bool:
    before = text[:n.start].split()
    after = text[n.end:].split()
    return any(_ARITHMETIC.match(w.strip(".,;:")) for w in before[-1:] + after[:1]) or \
        any(_MONEY_WORD.match(w.strip(".,;:")) for w in after[:1])
