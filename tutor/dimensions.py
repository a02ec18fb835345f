"""Units a computation carries: does a step's arithmetic fit what its numbers measure?

Without a reference solution the verifier cannot tell a wrong operation from a right one by
the numbers alone: "180 x 3 = 540" is true arithmetic, and "540 mph" a wrong answer to "180
miles in 3 hours, how fast?". A teacher asks "what unit does 180 miles x 3 hours give?". This
module reads what each number of the problem measures (a unit: miles, hours, dollars, cups;
or a count of things: cakes, juice boxes; or a rate: "$3.25 each", "3/4 cup for one cake"),
what unit the question asks for when it says so ("in miles per hour", "the price of one juice
box"), and finds two kinds of step that do not fit:

* ``"rate"``: the question asks for a rate N per D and the step multiplies an amount of N by
  an amount of D (or divides D by N) -- 180 miles x 3 hours for miles per hour;
* ``"unit"``: a step divides a rate by its own unit or multiplies it by what it counts, so a
  time, money or a count comes out squared -- 12 miles per hour / 3 hours;
* ``"sum"``: a step adds or subtracts amounts of different kinds of measure, or a rate per
  thing and a count of that thing -- 3/4 cup per cake + 2 cakes. Counts of different things may be added (12 boys + 18
  girls);
* ``"scale"``: a step combines two amounts of one kind of measure in different units, as bare
  numbers -- 60 miles per hour x 45 minutes, 3 m x 40 cm, 1.5 L / 300 mL, 2 hours + 30
  minutes as 2 + 30: one of them must be changed into the other's unit first.

Only numbers the problem gives are read, each where the problem says what it measures (a
number written twice with different units is left out), so a finding rests on the problem's
words, not on guesses about the student's. Pure functions; no model.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from tutor.mathcheck import check_step, numbers_in
from tutor.numwords import words_to_digits
from tutor.units import ALL_CONVERSION_NUMBERS as _ANY_CONVERSION
from tutor.units import UNIT_AFTER, Conversion, amounts_in, factor, measure_of, scale_pairs, unit_size

#: A unit as exponents of base names: measures by kind ("length", "time", "money", …),
#: counted things as "#" + noun ("#cake"). Empty: a bare number.
Unit = frozenset

# one-letter and word-like unit names read only glued to the number ("5m", "3h"): "5 in the
# box", "2 g" are too often something else
_LOOSE_UNITS = {"in", "s", "l", "m", "h", "g", "min", "sec"}
_NUMBER = re.compile(r"(?<![\w.,/])(\$\s?)?(\d+(?:,\d{3})*(?:\.\d+)?(?:\s+\d+/\d+|/\d+)?)(?![\d.,]*\d)(%)?")
_OF_A_UNIT = re.compile(r"(?i)\s+of\s+(?:a|an|one)\s+([A-Za-z]+)")
# (a hyphen joins a unit to its number too: "7-inch sides", "a 20-minute walk")
_WORD = re.compile(r"(?:\s*|-)([A-Za-z][A-Za-z'-]*)")
# loose unit names read after a space too when a size word, "of" or no word follows ("3 m long",
# "1.5 L of juice", "20 min."); not "in", "s", "l": "5 in the box"
_SPACED_UNITS = {"m", "L", "g", "h", "min", "sec"}
# "5 in by 7 in", "12 in long": inches only where a size word follows
_SIZE_AFTER_IN = re.compile(r"(?i)\s+(?:by|long|wide|tall|high|deep|thick|x|×)\b|\s*[.,;)]?\s*$|\.\s")
_AFTER_SPACED_UNIT = re.compile(r"(?i)(?:\s*(?:[.,;:?!)]|$)|\s+(?:long|wide|tall|high|deep|thick|of|by|and|each|per|x|×)\b)")
# words that end the noun phrase after a number ("6 juice boxes COST $4.20")
_STOP = {
    "a", "an", "the", "of", "for", "in", "on", "at", "to", "and", "or", "but", "with", "from",
    "each", "per", "every", "apiece", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "cost", "costs", "costing", "more", "less", "fewer", "than", "times", "as", "by",
    "that", "which", "who", "she", "he", "they", "it", "we", "you", "i", "if", "then", "so",
    "left", "over", "into", "out", "up", "off", "does", "do", "did", "will", "can", "would",
    "how", "what", "many", "much", "long", "old", "new", "this", "these", "those", "there",
    "here", "all", "both", "only", "about", "after", "before", "when", "while", "sold", "buys",
    "bought", "makes", "made", "uses", "used", "needs", "needed", "gets", "got", "gives", "gave",
}
# after an amount: "per hour", "a day", "each day", "every minute", "for one cake", "in one
# minute"; or a bare "each"/"apiece" that ends the phrase ("$3.25 each.")
_RATE_AFTER = re.compile(r"(?i)^\s*(?:of\s+[A-Za-z]+\s+)?(?:(?:per|an?|each|every|(?:for|in)\s+(?:one|each|every|a|an|1))\s+"
                         r"(?!(?:and|or|for|to|so|but|of|in|at)\b)([A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*)?)"
                         r"|(each|apiece|a piece)\b)")
# what the question asks for, when it names the unit
_ASKED_RATE = re.compile(r"(?i)\b([A-Za-z]+)\s+(?<!\bin\s)(?:per|an?|each)\s+([A-Za-z]+)\b")
# "how many miles does he walk per hour"
_ASKED_HOW_MANY_PER = re.compile(r"(?i)\bhow\s+(?:many|much)\s+([A-Za-z]+)\b[^.?!]{0,40}?(?<!\bin\s)\b(?:per|an?|each)\s+([A-Za-z]+)\b")
_ASKED_SLASH = re.compile(r"(?i)\b(km|mi|m|miles?|kilometers?|meters?|feet|ft|words?|pages?)\s*/\s*"
                          r"(h|hr|hour|s|sec|second|min|minute|day)\b")
_ASKED_PRICE = re.compile(
    r"(?i)\b(?:price|cost)\s+(?:of|for)\s+(?:one|1|each|a\s+single|a|an)\s+([A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*)?)"
    r"|\bhow\s+much\s+(?:does|did|will|do)\s+(?:one|1|each|a\s+single|a|an)\s+([A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*)?)\s+cost"
    r"|\bhow\s+much\s+is\s+(?:one|1|each|a\s+single)\s+([A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*)?)"
    r"|\bwhat\s+does\s+(?:one|1|each|a\s+single|a|an)\s+([A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*)?)\s+cost")


@dataclass(frozen=True)
class UnitConflict:
    """A step whose computation does not fit the units of its numbers.

    Attributes:
        step: 0-based index of the step.
        kind: ``"rate"``, ``"unit"`` or ``"sum"`` (see the module docstring).
        expression: the computation as written in the step's check (``"180*3"``).
        operands: the two numbers as the problem (or the step, for a value it works out) writes
            them, with what they measure
            (``["180 miles", "3 hours"]``).
        asked: for ``"rate"``, the unit the question asks for (``"miles per hour"``).
        units: for ``"scale"``, the two operands' unit words of one kind of measure that do not
            match, in operand order, "per " before a rate's (``("per hour", "minutes")``).
    """

    step: int
    kind: str
    expression: str
    operands: tuple[str, str]
    asked: str = ""
    units: tuple[str, str] = ()


_IRREGULAR = {"children": "child", "people": "person", "men": "man", "women": "woman", "feet": "foot"}


def singular(word: str) -> str:
    """A noun's singular, lower case ("boxes": "box", "candies": "candy", "children":
    "child"); other words as they are, lower case."""
    return _IRREGULAR.get(word.lower()) or _singular(word)


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def noun_words(text: str) -> list[str]:
    """The words of a noun phrase after a number: up to a stop word or a punctuation mark."""
    words = []
    for w in re.split(r"[.,;:?!()\[\]\"]", text, maxsplit=1)[0].split():
        if w.lower() in _STOP or not re.fullmatch(r"[A-Za-z][A-Za-z'-]+", w):  # not "x" (times)
            break
        words.append(w)
    return words[:3]


def _noun(phrase: str) -> str | None:
    """The head noun of the words after a number: the last word before a stop word."""
    words = noun_words(phrase)
    return _singular(words[-1]) if words else None


def _base(word: str, glued: bool) -> str | None:
    """A measure word's kind, a counted noun as ``"#noun"``, or ``None``."""
    w = word.lower().rstrip(".")
    if w in ("dollar", "dollars", "cent", "cents"):
        return "money"
    kind = measure_of(w) or (measure_of(_singular(w)) if len(w) > 2 else None)  # "kgs"
    if kind and (glued or w not in _LOOSE_UNITS):
        return kind
    return None


def _value(text: str) -> Fraction | None:
    text = text.replace(",", "")
    try:
        if " " in text:  # "2 1/2"
            whole, frac = text.split()
            return Fraction(whole) + Fraction(frac)
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None


@dataclass(frozen=True)
class _Quantity:
    value: Fraction
    unit: Unit
    said: str  # "180 miles", "$4.20"
    # the unit word of each measure as written ("length": "miles", "time": "hour"), so that
    # two amounts of one kind in different units can be told apart
    words: tuple[tuple[str, str], ...] = ()


def given_quantities(problem_text: str) -> dict[Fraction, _Quantity]:
    """The numbers of the problem whose unit it says, by value (a value said with two
    different units, or once without one, is left out). ``"6 juice boxes cost $4.20"`` gives
    6 -> #box, 4.20 -> money; ``"$3.25 each"`` after "2 comics" gives money per #comic;
    ``"50 toys per hour"`` gives #toy per time."""
    text = words_to_digits(problem_text)
    found: dict[Fraction, _Quantity] = {}
    clash: set[Fraction] = set()
    last_count: str | None = None
    for m in _NUMBER.finditer(text):
        value = _value(m.group(2))
        if value is None:
            continue
        if m.group(3) or re.match(r"\s*percent\b", text[m.end():], re.I):
            clash.add(value)  # a percent is a share, not an amount with a unit
            continue
        after = text[m.end():m.end() + 60]
        # "7/8 of a foot", "3/4 of an hour": an amount in that unit
        of_unit = _OF_A_UNIT.match(after)
        if of_unit and (kind := _base(of_unit.group(1), False)) and not kind.startswith("#"):
            after = " " + after[of_unit.start(1):]
        words = _WORD.match(after)
        # "5m" is metres; "3 m long", "1.5 L of juice" too, where a size word or nothing follows
        glued = bool(words) and (words.start(1) == 0 or after.startswith("-") or (words.group(1) in _SPACED_UNITS and bool(
            _AFTER_SPACED_UNIT.match(after[words.end():]))) or (words.group(1) == "in" and bool(
                _SIZE_AFTER_IN.match(after[words.end():]))))
        unit: Counter = Counter()
        named: dict[str, str] = {}
        if m.group(1):
            unit["money"] += 1
            named["money"] = "$"
            rest, said = after, m.group(1).strip() + m.group(2)
        elif re.match(r"(?i)\s*(?:mph|kph|km/h|km\s+per\s+hour|miles\s+per\s+hour)\b", after):
            # "65 mph": a speed, length per time, said as one unit
            speed = re.match(r"(?i)\s*(?:mph|kph|km/h|km\s+per\s+hour|miles\s+per\s+hour)\b", after)
            unit["length"] += 1
            unit["time"] -= 1
            named.update(length="mile" if speed.group().strip().lower().startswith(("mph", "mi")) else "km", time="hour")
            rest, said = after[speed.end():], f"{m.group(2)} {speed.group().strip()}"
        elif words and _base(words.group(1), glued):
            unit[_base(words.group(1), glued)] += 1
            named[_base(words.group(1), glued)] = words.group(1).lower().rstrip(".")
            rest, said = after[words.end():], f"{m.group(2)} {words.group(1)}"
        else:
            phrase = noun_words(after[:40])
            if not phrase:  # said without a unit here ("30 more racers"): not known for sure
                clash.add(value)
                continue
            noun = _singular(phrase[-1])
            unit["#" + noun] += 1
            rest = after[after.index(phrase[-1]) + len(phrase[-1]):]
            said = " ".join([m.group(2), *phrase])
        # "a rectangle is 8 cm long": a size of the thing, not an amount per thing
        per_word = _per(rest, last_count, text[max(0, m.start() - 40):m.start()].rstrip(" $")) or (None if _SIZE_AFTER.match(rest) else
                                              _per_before(text[max(0, m.start() - 60):m.start()]))
        per = per_word[0] if per_word else None
        if per and per in unit:  # "60 minutes in an hour", "40 hours a week": a ratio of one kind
            unit.clear()
            named.clear()
        elif per:
            unit[per] -= 1
            named.setdefault(per, per_word[1].lower())
            said += f" per {per_word[1]}"
        if not m.group(1) and not per and any(k.startswith("#") for k in unit):
            last_count = next(k[1:] for k in unit if k.startswith("#"))
        kept = Unit((k, v) for k, v in unit.items() if v)
        _keep(found, clash, value, _Quantity(value, kept, said, tuple(sorted((k, w) for k, w in named.items()
                                                                             if k in dict(kept)))))
    # a scale's two amounts ("1/4 inch = 1 foot") are a ratio: neither is an amount to convert
    clash |= {a.value for pair in scale_pairs(text) for a in pair}
    return {v: q for v, q in found.items() if v not in clash}


_SIZE_AFTER = re.compile(r"(?i)\s*(?:long|wide|tall|high|deep|thick|across|by|on\s+(?:each|a|every|one)\s+side|"
                         r"in\s+(?:length|width|height|depth))\b")
# "1 inch equals 50 pages", "each cake needs 3/4 cup", "every box holds 12 eggs": per that thing
# and a scale: "1 cm : 5 km", "1 inch = 20 miles", "1 cm stands for 5 km", "uses 1 cm to show 4 m"
_PER_BEFORE = re.compile(r"(?i)\b(?:1|one|an?|each|every)\s+([A-Za-z]+)\s+(?:equals?|is|are|has|have|holds?|"
                         r"contains?|makes?|needs?|uses?|takes?|gets?|weighs?|costs?|[=:]|stands\s+for|represents?|"
                         r"(?:to\s+)?shows?|means?)\s*(?:about\s+)?[$]?\s*$")


def _per_before(before: str) -> tuple[str, str] | None:
    m = _PER_BEFORE.search(before)
    if not m:
        return None
    return _base(m.group(1), False) or "#" + _singular(m.group(1)), _singular(m.group(1))


def _per(rest: str, last_count: str | None, before: str = "") -> tuple[str, str] | None:
    """What an amount is per, from the words after it: "/second", "per hour", "a day", "each
    day", "every minute", "for one cake"; a bare "each" ("$3.25 each.") is per the things
    counted before it, or per the things the clause is about ("Tickets cost $8 each")."""
    slash = re.match(r"\s*/\s*([A-Za-z]+)", rest)
    if slash:  # "20 feet/second"
        base = _base(slash.group(1), True)
        return (base, slash.group(1)) if base else None
    rate = _RATE_AFTER.match(rest)
    if not rate:
        return None
    if rate.group(1):
        word = rate.group(1).split()[0]
        base = _base(word, False)
        if base:
            return base, word
        noun = _noun(rate.group(1))
        return ("#" + noun, noun) if noun else None
    if last_count:
        return "#" + last_count, last_count
    subject = re.search(r"(?i)\b([A-Za-z]{3,})\s+(?:cost|costs|sell\s+for|sells\s+for|are|is)\s*$", before)
    if subject and subject.group(1).lower() not in _NOT_A_THING and _noun(subject.group(1)):
        noun = _singular(subject.group(1))
        return "#" + noun, noun
    return None


# words before "cost"/"is" that are no things counted ("It costs $8 each", "which is")
_NOT_A_THING = {"each", "one", "which", "that", "this", "what", "there", "price", "total", "cost", "it", "they"}


def _keep(found: dict, clash: set, value: Fraction, q: _Quantity) -> None:
    if value in found and (found[value].unit != q.unit or _unmatched(dict(found[value].words), dict(q.words))):
        clash.add(value)
    found.setdefault(value, q)


def kind_of(word: str) -> str | None:
    """A unit word of a question ("miles", "hour") or a counted noun ("#box")."""
    base = _base(word, False)
    if base:
        return base
    noun = _noun(word)
    return "#" + noun if noun else None


def asked_rate(problem_text: str) -> tuple[str, str, str] | None:
    """The rate the question asks for, when it names it: ``(numerator base, denominator base,
    as said)``, e.g. ``("length", "time", "miles per hour")`` or ``("money", "#box", "the price
    of one juice box")``; ``None`` when the question names no rate."""
    question = question_of(problem_text)
    if re.search(r"(?i)\b(?:mph|km/h|kph)\b", question):
        return "length", "time", "miles per hour" if "mph" in question.lower() else "km per hour"
    m = _ASKED_SLASH.search(question)
    if m:
        num, den = kind_of(m.group(1)), _base(m.group(2), True)
        if num and den:
            return num, den, m.group(0)
    m = _ASKED_PRICE.search(question)
    if m:
        thing = noun_words(next(g for g in m.groups() if g))
        if thing:  # said one way, whatever the question's wording: "price of one pen"
            return "money", "#" + _singular(thing[-1]), "price of one " + " ".join(thing)
    for m in list(_ASKED_HOW_MANY_PER.finditer(question)) + list(_ASKED_RATE.finditer(question)):
        # "how many pages … per day" may count things; "X per hour" must name a measure ("walk
        # per hour" is not a rate of walks)
        num = kind_of(m.group(1)) if m.re is _ASKED_HOW_MANY_PER else _base(m.group(1), False)
        den = _base(m.group(2), False)
        if num and den and num != den:  # the denominator a measure: "per hour", "a pound"
            said = m.group(0) if m.re is _ASKED_RATE else f"{m.group(1)} per {m.group(2)}"
            return num, den, said
    if re.search(r"(?i)\bhow\s+fast\b|\bspeed\b", question):  # a speed, its unit not named
        return "length", "time", "how fast"
    return None


_ANSWER_FORM = re.compile(r"(?i)^\W*(?:give|leave|write|express|round|show|state)\s+(?:the|your)\s+(?:final\s+)?answer\b")


def question_of(problem_text: str) -> str:
    """The sentence(s) that ask: those ending in "?", else the last sentence."""
    # (not after a title: "Ms. Patel's class")
    sentences = re.split(r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSt\.)(?<=[.?!])\s+",
                         problem_text.strip())
    # (not a closing instruction on the answer's form: "Give your answer in terms of pi.")
    sentences = [s for s in sentences if not _ANSWER_FORM.match(s)] or sentences
    asked = [s for s in sentences if s.rstrip().endswith("?")] or sentences[-1:]
    # "If the cost of a piece is $134, how much money …": the condition is not what is asked
    out = []
    for s in asked:
        starts = [m.start() for m in re.finditer(r"(?i)\b(?:how|what|find|calculate|determine|work out)\b", s)]
        out.append(s[starts[-1]:] if starts else s)
    return " ".join(out)


def operands(expression: str) -> tuple[type, Fraction, Fraction] | None:
    """The top operation of a computation's left side and its two operands' values:
    ``"180*3"`` -> ``(ast.Mult, 180, 3)``; ``"6*3/4"`` -> ``(ast.Mult, 6, 3/4)`` (a student's
    "6 × 3/4" multiplies by the fraction); ``None`` for anything else."""
    try:
        node = ast.parse(expression.replace("^", "**"), mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None
    if not isinstance(node, ast.BinOp) or type(node.op) not in (ast.Add, ast.Sub, ast.Mult, ast.Div):
        return None
    left, right = node.left, node.right
    if (isinstance(node.op, ast.Div) and isinstance(left, ast.BinOp) and isinstance(left.op, ast.Mult)
            and _int(left.right) and _int(right) and 0 < left.right.value < right.value):
        node = ast.BinOp(left.left, ast.Mult(), ast.BinOp(left.right, ast.Div(), right))
    values = []
    for side in (node.left, node.right):
        try:
            v = _exact(side)
        except (ValueError, ZeroDivisionError, TypeError):
            return None
        if v is None:
            return None
        values.append(v)
    return type(node.op), values[0], values[1]


def _int(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int


def _exact(node: ast.AST) -> Fraction | None:
    """An operand that is one written number: a literal, a fraction "3/4", a mixed number."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return Fraction(str(node.value))
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add)):
        a, b = node.left, node.right
        if isinstance(node.op, ast.Div) and all(isinstance(x, ast.Constant) and isinstance(x.value, int) for x in (a, b)):
            return Fraction(a.value, b.value)
        if isinstance(node.op, ast.Add) and isinstance(a, ast.Constant) and isinstance(a.value, int):
            b_val = _exact(b) if isinstance(b, ast.BinOp) and isinstance(b.op, ast.Div) else None
            return None if b_val is None or b_val >= 1 else a.value + b_val
    return None


def _measures(unit: Unit) -> set[str]:
    """The kinds of measure an amount is of (a rate counts as its numerator: 12 meters per
    minute and 15 meters are both distances)."""
    return {k for k, v in unit if not k.startswith("#") and v > 0}


def unit_conflicts(problem_text: str, step_texts: list[str]) -> list[UnitConflict]:
    """Steps whose computation does not fit the units of the problem's numbers (see the module
    docstring), in step order. Only computations of two numbers the problem gives are read."""
    given = given_quantities(problem_text)
    if not given:
        return []
    rate = asked_rate(problem_text)
    computations = []  # (step, left side, op, a, b), in order
    derived: set[Fraction] = set()
    stated: dict[Fraction, _Quantity] = {}  # worked-out values a step says the unit of ("= 9 miles per hour")
    stated_at: dict[Fraction, int] = {}  # (and the step that says it)
    for i, text in enumerate(step_texts):
        own = given_quantities(text)
        chain_end = None  # "6 × 3/4 = 18/4 = 4.5": the link after the first only simplifies
        for eq in check_step(text, i + 1).equations:
            if eq.rhs_value is not None and Fraction(str(eq.rhs_value)) in own:
                stated.setdefault(Fraction(str(eq.rhs_value)), own[Fraction(str(eq.rhs_value))])
                stated_at.setdefault(Fraction(str(eq.rhs_value)), i)
            if eq.follows:
                continue
            lhs = eq.text.split("=")[0]
            continues, chain_end = lhs == chain_end, eq.text.split("=")[-1]
            if continues:
                if eq.rhs_value is not None:
                    derived.add(Fraction(str(eq.rhs_value)))
                continue
            read = operands(lhs)
            # a number worked out before ("$1 x 3 = $3", then "$100 - $3") is not the problem's
            # "3 dolls", whatever the problem said about 3; nor is a percent step's "100 - 40"
            fresh = read is not None and not (read[1] in derived or read[2] in derived)
            # every computation counts for "the last one" (the one giving the answer), read or not
            computations.append((i, lhs, *(read or (None, None, None)),
                                 fresh and not re.search(r"%|\bpercent", text, re.I)))
            if eq.rhs_value is not None:
                derived.add(Fraction(str(eq.rhs_value)))
        # a result said in words the step reader cannot chain ("… / $16 for each mile per hour
        # over = 16 miles per hour over") is worked out too
        derived |= {Fraction(x) for x in re.findall(r"=\s*\$?(\d+(?:\.\d+)?)", text)}
    out: list[UnitConflict] = []
    for n, (i, lhs, op, a, b, fresh) in enumerate(computations):
        qa, qb = (given.get(a), given.get(b)) if op is not None else (None, None)
        if not fresh or qa is None or qb is None or (out and out[-1].step == i):
            continue
        # the step names its numbers otherwise ("5 people + 1 person" where the problem's 1 is
        # "$1"): the problem's reading is not what the student used
        own = given_quantities(step_texts[i])
        if any(v in own and own[v].unit != q.unit for v, q in ((a, qa), (b, qb))):
            continue
        units = _scale_clash(qa, qb, op)
        if units is not None and _not_the_amount(problem_text, op, a, b, units):
            continue
        if units is not None and 1 not in (a, b):
            out.append(UnitConflict(i, "scale", lhs, (qa.said, qb.said), units=units))
        elif op in (ast.Add, ast.Sub):
            if _mixed_kinds(qa.unit, qb.unit):
                out.append(UnitConflict(i, "sum", lhs, (qa.said, qb.said)))
        elif (n == len(computations) - 1 and i >= len(step_texts) - 2 and 1 not in (a, b)
              and _squared_rate(dict(qa.unit), dict(qb.unit), op, given, problem_text)):
            # the answer's computation divides a rate by its own unit, or multiplies it by what it
            # counts: "12 miles per hour / 3 hours", "240 miles x 60 miles per hour" (on the way
            # to the answer a number may stand for something else: only the last one is read)
            out.append(UnitConflict(i, "unit", lhs, (qa.said, qb.said)))
        elif (n == len(computations) - 1 and 1 not in (a, b) and asks_time(problem_text)
              and _not_a_time(dict(qa.unit), dict(qb.unit), op, given)):
            # "how long will it take" from a rate per unit of time and an amount: the amount
            # divided by the rate ("180 miles x 60 miles per hour" is no time)
            out.append(UnitConflict(i, "unit", lhs, (qa.said, qb.said), "how long"))
        elif rate is not None and n == len(computations) - 1:
            # only the computation that gives the answer: on the way, "10 minutes / 5 miles"
            # may be a step towards miles per hour
            num, den, said = rate
            # one amount of each kind in the problem, so "180 x 3" can only mean them (a rest
            # of "2 hours" next to "15 miles in 30 minutes" may not be the 2 of "15 x 2")
            # ("one pizza" in "how much is one pizza?" is the rate's unit, not an amount)
            plain = [dict(q.unit) for q in given.values() if q.value != 1]
            unique = (plain.count({num: 1}) == 1 and plain.count({den: 1}) == 1
                      and _mentions(problem_text, den) <= 1)  # "half an hour" is an amount of time too
            if unique and 1 not in (a, b) and _rate_swapped(op, dict(qa.unit), dict(qb.unit), num, den):
                out.append(UnitConflict(i, "rate", lhs, (qa.said, qb.said), said))
    for i, lhs, op, a, b, _ in computations if not out else ():
        # a value worked out and said with its unit ("240 / 3 = 80 km/h") added to a given
        # amount of another kind ("80 + 5", the 5 hours): read where its unit is said, as the
        # problem's numbers are
        before = {v for v, k in stated_at.items() if k < i}
        if op not in (ast.Add, ast.Sub) or 1 in (a, b) or (a in before) == (b in before):
            continue
        worked, other = (a, b) if a in before else (b, a)
        qw, qo = stated[worked], given.get(other)
        own = given_quantities(step_texts[i])
        if qo is None or other in derived or (other in own and own[other].unit != qo.unit):
            continue
        if _mixed_kinds(qw.unit, qo.unit):
            out.append(UnitConflict(i, "sum", lhs, (qw.said, qo.said) if worked == a else (qo.said, qw.said)))
            break
    if computations and asks_time(problem_text) and not out:
        # a rate worked out and said with its unit ("18 ÷ 2 = 9 miles per hour"), then used for
        # "how long": "45 x 9" is no time either
        i, lhs, op, a, b, _ = computations[-1]
        qa, qb = (stated.get(a) or given.get(a), stated.get(b) or given.get(b)) if op else (None, None)
        if (op in (ast.Mult, ast.Div) and qa and qb and (a in stated or b in stated) and 1 not in (a, b)
                and _not_a_time(dict(qa.unit), dict(qb.unit), op, given, unique=False)):
            out.append(UnitConflict(i, "unit", lhs, (qa.said, qb.said), "how long"))
    return out


def unmatched_units(problem_text: str, step_texts: list[str]) -> UnitConflict | None:
    """The first step that combines two of the problem's amounts of one kind of measure in
    different units as bare numbers (kind ``"scale"``: 60 miles per hour x 45 minutes, 3 m x
    40 cm), or ``None``; a wrong unit conversion, since the numbers must be in one unit first.
    On 7,473 correct GSM8K solutions none is found (``docs/benchmarks.md``)."""
    return next((c for c in unit_conflicts(problem_text, step_texts) if c.kind == "scale"), None)


def implied_conversion(problem_text: str, step_texts: list[str]) -> tuple[int, Conversion] | None:
    """The first step that changes one of the problem's amounts into another unit of its kind by
    a bare number, with the wrong factor: "Pia ran 2.5 km. How many meters?" worked as "2.5 x
    100 = 250", then "She ran 250 m" (the result said in meters right after it, or in a next
    step that computes nothing). ``(0-based step, the conversion as stated)`` or ``None``. The
    factor must be a number neither the problem writes nor an earlier step works out (that is a
    rate or a count: "8 hours a day for 10 days"), and the amount one the problem gives."""
    given = given_quantities(problem_text)
    written = {Fraction(str(n)) for n in numbers_in(problem_text)}
    derived: set[Fraction] = set()
    said: set[Fraction] = set()  # worked out and said with a unit ("5 x 400 = 2000 m")
    for i, text in enumerate(step_texts):
        # an amount the step names with its unit before working on it ("6 feet is 6 × 10 = …"),
        # where the problem's own use of the number is unclear ("6 feet" and "6 inches")
        named = dict(given)
        plain = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)
        for m in UNIT_AFTER.finditer(plain):
            value, unit = Fraction(m.group(1)), m.group()[len(m.group(1)):].strip()
            size = unit_size(unit)
            if (value not in given and size is not None and not re.search(r"[=/.\d]\s*$", plain[:m.start()])):
                kind = size[0].split()[-1]
                named[value] = _Quantity(value, Unit({(kind, 1)}), f"{_plain(value)} {unit}", ((kind, unit),))
        for eq in check_step(text, i + 1).equations:
            read = operands(eq.text.split("=")[0]) if not eq.follows and eq.rhs_value is not None else None
            found = read is not None and _conversion_in(read, Fraction(str(eq.rhs_value)), named, written, derived,
                                                       said, text, step_texts[i + 1:i + 2])
            if found:
                return i, found
            if eq.rhs_value is not None:
                result = Fraction(str(eq.rhs_value))
                derived.add(result)
                # a result said with its unit ("5 x 400 = 2000 m") is an amount the next steps may convert
                unit = _said_result(result, text, rate=True)
                size = unit_size(unit) if unit else None
                if size is not None and result not in given:
                    kind = size[0].split()[-1]
                    given[result] = _Quantity(result, Unit({(kind, 1)}), f"{_plain(result)} {unit}", ((kind, unit),))
                    said.add(result)
    return None


def _conversion_in(read: tuple[type, Fraction, Fraction], result: Fraction, given: dict, written: set[Fraction],
                   derived: set[Fraction], said: set[Fraction], text: str, after: list[str]) -> Conversion | None:
    """The wrong conversion one computation states (see :func:`implied_conversion`), or ``None``."""
    op, a, b = read
    if op not in (ast.Mult, ast.Div):
        return None
    amount, by = (given.get(a), b) if op is ast.Div or a in given else (given.get(b), a)
    # (an amount per counted thing, "a jug holds 3 quarts", is still in quarts)
    words = {k: w for k, w in amount.words if not k.startswith("#")} if amount is not None else {}
    # (a number worked out is the problem's amount only where a step said it with its unit)
    if (amount is None or by in written | derived or len(words) != 1 or amount.value in derived - said
            or dict(amount.unit).get(next(iter(words))) != 1):
        return None
    # the factor said with a unit is an amount or a rate ("30 hours / 2 hours per day"), not a factor
    if any(Fraction(m.group(1)) == by for m in UNIT_AFTER.finditer(text)):
        return None
    unit = next(iter(words.values()))
    # "25 x 4" cents: not a factor between units (of any kind: 12 oz in a pound is a slip too)
    if by not in _ANY_CONVERSION:
        return None
    said = _said_result(result, text) or next(
        (x.unit for t in after if "=" not in t for x in amounts_in(t) if x.value == result), None)
    f = factor(unit, said) if said else None
    if f is None or f == 1:
        return None
    # "Weekend days in 4 weeks: 4 × 2 = 8 days": days of one kind counted, not weeks converted
    if measure_of(said) == "time" and SOME_DAYS.search(text):
        return None
    expected = amount.value * f
    if abs(result - expected) <= abs(expected) * Fraction(5, 1000):
        return None
    return Conversion(amount.value, unit, result, said, expected, False, text)


#: days of one kind ("weekend days", "5 school days", "3 days a week"): a count of days, not weeks
#: converted into days
SOME_DAYS = re.compile(r"(?i)\b(?:week\s*days?|week\s*ends?|school|work(?:ing)?|business|monday|friday)\b|"
                        r"\b\d+\s+days\s+(?:a|per|each|every)\s+week\b")


def _plain(x: Fraction) -> str:
    return str(x.numerator) if x.denominator == 1 else str(float(x))


def _said_result(result: Fraction, text: str, rate: bool = False) -> str | None:
    """The unit written right after ``result`` where the step gives it ("= 250 m", "= 1,500
    minutes"), or ``None``; a rate ("= 12 hours per day") is no amount in that unit, save with
    ``rate`` (an amount per day is still in its unit when it is converted: "21,600 mL a day")."""
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)
    for m in UNIT_AFTER.finditer(text):
        if Fraction(m.group(1)) == result and text[:m.start()].rstrip().endswith("=") and (rate or not re.match(
                r"(?i)\s*(?:per|a|an|each|every)\s+[A-Za-z]|\s*/", text[m.end():])):
            unit = m.group()[len(m.group(1)):].strip()
            return unit
    return None


def _squared_rate(a: dict, b: dict, op: type, given: dict, problem_text: str) -> bool:
    """Whether a product or quotient of a rate and an amount squares a kind of amount that is
    never squared in school work (a time, money, a count: "hours x hours", not "feet x feet"),
    where the problem gives one amount of that kind only (in "2 hours and 30 minutes" or "half
    an hour" a 2 may be another part of the time)."""
    if not any(v < 0 for v in a.values()) and not any(v < 0 for v in b.values()):
        return False
    out = Counter(a)
    for k, v in b.items():
        out[k] += v if op is ast.Mult else -v
    squared = [k for k, v in out.items() if abs(v) >= 2 and k != "length"]
    plain = [dict(q.unit) for q in given.values()]
    return bool(squared) and all(plain.count({k: 1}) <= 1 for k in squared) \
        and not re.search(r"(?i)\b(?:half|quarter|third)\b", problem_text)


_ASKS_TIME = re.compile(r"(?i)\bhow\s+(?:long|many\s+(?:hours|minutes|seconds|days|weeks))\b[^.?!]{0,60}?\btake\b")


def asks_time(problem_text: str) -> bool:
    """Whether the question asks how long something takes ("How long will it take …?", "How
    many hours does the trip take?")."""
    return bool(_ASKS_TIME.search(question_of(problem_text)))


def _not_a_time(a: dict, b: dict, op: type, given: dict, unique: bool = True) -> bool:
    """A product or quotient of a rate per unit of time (X per hour) and an amount of X that
    does not give a time, where the problem gives one such rate and one amount of X only (with
    ``unique``; without, where the step says what its numbers are)."""
    rate, amount = (a, b) if any(v < 0 for v in a.values()) else (b, a)
    per_time = rate.get("time") == -1 and len(rate) == 2
    x = next((k for k, v in rate.items() if v == 1), None)
    if not per_time or x is None or amount != {x: 1}:
        return False
    plain = [dict(q.unit) for q in given.values()]
    if unique and (plain.count(rate) != 1 or plain.count(amount) != 1):
        return False
    out = Counter(a)
    for k, v in b.items():
        out[k] += v if op is ast.Mult else -v
    return {k: v for k, v in out.items() if v} != {"time": 1}


def _mentions(problem_text: str, base: str) -> int:
    """How many words of the problem, outside its question, name a unit of ``base`` ("hours",
    "half an hour": 2); counted things are not counted (0)."""
    question = question_of(problem_text)
    statement = problem_text.replace(question, " ") if question else problem_text
    return sum(1 for w in re.findall(r"[A-Za-z]+", statement) if not base.startswith("#") and _base(w, False) == base)


def asks(asked: str) -> str:
    """What the question asks for, as a sentence: "The question asks for miles per hour.",
    "The question asks how far."; without one, a question about it."""
    if not asked:
        return "What does the question ask for?"
    if asked.startswith("how"):
        return f"The question asks {asked}."
    return f"The question asks for {'the ' if asked.startswith(('price', 'cost')) else ''}{asked}."


_MULTIPLIER_WORDS = {Fraction(2): r"twice|double\w*", Fraction(3): r"triple\w*|three\s+times",
                     Fraction(1, 2): r"half"}


def _not_the_amount(problem_text: str, op: type, a: Fraction, b: Fraction, units: tuple[str, str]) -> bool:
    """Whether a number of two amounts in different units is more likely something else the
    problem or the step means: a multiplier the problem says in words ("twice as much", where a
    "2-hour movie" is given too), or the factor between the two units (15 ft × 12 where
    "12-inch wicks" are given: 12 inches in a foot)."""
    if any(v in (a, b) and re.search(rf"(?i)\b(?:{w})\b", problem_text) for v, w in _MULTIPLIER_WORDS.items()):
        return True
    if op is ast.Mult and not any(u.startswith("per ") for u in units):  # (60 mph x 45 min stays)
        f = factor(*units)
        return f is not None and (f in (a, b) or 1 / f in (a, b))
    return False


def _scale_clash(qa: _Quantity, qb: _Quantity, op: type) -> tuple[str, str] | None:
    """The unit words of one kind of measure that two amounts combined by ``op`` carry in
    different units where they must match, or ``None``: a sum or difference of two amounts
    (2 hours + 30 minutes as 2 + 30); a product of two lengths (3 m x 40 cm) or of a rate and
    an amount of what it is per (60 miles per hour x 45 minutes); a quotient of two amounts
    other than times (1.5 L / 300 mL; 10 hours / 5 days is hours per day) or of an amount and
    a rate of it (120 km / 60 miles per hour). Two rates, or two times multiplied (10 minutes
    on each of 9 days), are left alone: one of them is a rate in other words."""
    ua, ub = dict(qa.unit), dict(qb.unit)
    plain_a = len(ua) == 1 and next(iter(ua.values())) == 1
    plain_b = len(ub) == 1 and next(iter(ub.values())) == 1
    rate_a, rate_b = -1 in ua.values(), -1 in ub.values()
    if plain_a and plain_b and ua == ub and not next(iter(ua)).startswith("#"):
        kind = next(iter(ua))
        if op in (ast.Add, ast.Sub) or (op is ast.Mult and kind == "length") or (op is ast.Div and kind != "time"):
            return _unmatched(dict(qa.words), dict(qb.words))
        return None
    if op is ast.Mult and (plain_a and rate_b or rate_a and plain_b):
        rate, plain = (qb, qa) if rate_b else (qa, qb)
        per = next(k for k, v in rate.unit if v == -1)
        found = _unmatched({per: dict(rate.words).get(per, "")}, dict(plain.words)) \
            if dict(plain.unit) == {per: 1} else None
        if found is None:
            return None
        return ("per " + found[0], found[1]) if rate is qa else (found[1], "per " + found[0])
    if op is ast.Div and plain_a and rate_b:
        top = next(k for k, v in qb.unit if v == 1) if 1 in ub.values() else None
        found = _unmatched(dict(qa.words), {top: dict(qb.words).get(top, "")}) if top and ua == {top: 1} else None
        return found
    return None


def _unmatched(a: dict[str, str], b: dict[str, str]) -> tuple[str, str] | None:
    """The first kind of measure two amounts both carry in different units (``{"time":
    "hour"}`` and ``{"time": "minutes"}``: ``("hour", "minutes")``), or ``None``. Units the
    table does not hold, or one unit spelled two ways ("hour", "hours"), match."""
    for kind in sorted(a.keys() & b.keys()):
        ua, ub = unit_size(a[kind]), unit_size(b[kind])
        # days and weeks are left alone: "5 miles per day" over "3 weeks" may mean weekdays
        if ua is not None and ub is not None and ua != ub and not (kind == "time" and max(ua[1], ub[1]) >= 86400):
            return a[kind], b[kind]
    return None


def _mixed_kinds(a: Unit, b: Unit) -> bool:
    """Amounts that cannot be added: measures of different kinds (cups and hours, dollars and
    miles), or a rate per thing and a count of that thing (3/4 cup per cake + 2 cakes). A
    measure and a count of something else is left alone ("30 days - 4 weekdays")."""
    ma, mb = _measures(a), _measures(b)
    if ma and mb:
        return ma != mb
    per = {k for k, v in a | b if k.startswith("#") and v < 0}
    counted = {k for k, v in a | b if k.startswith("#") and v > 0}
    return bool(per & counted) and (ma or mb) != set()


def _rate_swapped(op: type, ua: dict, ub: dict, num: str, den: str) -> bool:
    """A product of an amount of ``num`` and an amount of ``den`` (or ``den`` divided by
    ``num``) where the question asks for ``num`` per ``den``."""
    plain_a, plain_b = ua == {num: 1}, ub == {num: 1}
    per_a, per_b = ua == {den: 1}, ub == {den: 1}
    if op is ast.Mult:
        return (plain_a and per_b) or (plain_b and per_a)
    if op is ast.Div:
        return per_a and plain_b
    return False
