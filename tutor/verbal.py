"""Computations stated in words: "I divided 120 minutes by 60 to get 2 hours".

Students often explain a step in a sentence instead of writing ``120 / 60 = 2``. This module
reads such sentences and rewrites each as the computation it states, so that
:func:`tutor.mathcheck.check_step` can evaluate it like a written one. Pure functions, no
imports from the rest of the package.

What is read, per sentence (case-insensitive):

* ``add A to B`` / ``add A and B`` / ``adding A, B and C`` / ``the sum of A and B`` -> A + B (+ C)
* ``subtract A from B`` / ``take A away from B`` -> B - A
* ``multiply A by B`` / ``multiply A and B`` / ``the product of A and B`` -> A * B
* ``divide A by B`` / ``divide A into B`` / ``split A among B`` -> A / B
* ``double A`` / ``triple A`` / ``halve A`` -> 2 * A, 3 * A, A / 2
* a bracketed computation, ``all the texts (25 + 5 + 3)`` -> 25 + 5 + 3

followed by a result cue (``to get``, ``which equals``, ``which is``, ``gives``, ``I got``,
``for a total of`` …) and the result number. Conservative by design, because a
misreading would accuse a correct step: each operand phrase must hold exactly one number
(a number in brackets after a description, "the time per dress (12 hours)", wins), the result
must follow its cue directly, and a sentence that already writes an ``=`` computation is left
to the symbolic reader.
"""

from __future__ import annotations

import re

#: A number as written: currency, thousands separators, decimals, a fraction, a percent sign.
NUMBER = r"[$£€]?\d[\d,]*(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?\s*%?"
_NUMBER = re.compile(rf"(?<![\w.]){NUMBER}(?![\w/])")
_BRACKETED = re.compile(rf"\(\s*({NUMBER})(?:\s+[A-Za-z][A-Za-z\s]*)?\s*\)")
_CUE = (r"(?:,?\s*(?:which|that|this)\s+(?:equals|is|(?:gives|gave)(?:\s+(?:me|us))?|makes|comes\s+to)|"
        r"\s+(?:to\s+find\s+(?:out\s+)?that(?:\s+[A-Za-z']+){0,4}|to\s+(?:get|find|make|give)|"
        r"and\s+(?:got|get|found)|I\s+get|I\s+got|we\s+get|we\s+got|for\s+a\s+total\s+of|"
        r"equals|gives(?:\s+(?:me|us))?|giving(?:\s+(?:me|us))?|results?\s+in|resulting\s+in|"
        r"comes\s+to|makes))"
        r"(?:\s+(?:a|the)\s+(?:final\s+|total\s+)?(?:total|sum|product|difference|quotient|answer|result|amount)"
        r"\s+of)?"
        r"(?:\s+(?:a\s+total\s+of|a\s+total|total\s+of|in\s+total|altogether|exactly|about))?\s*")
_RESULT = re.compile(rf"{_CUE}(?P<r>{NUMBER})(?![\w/])", re.I)
# after "the sum of A and B" a bare "is" states the result; after a verb it may not ("I added
# 5 to 3 since the price is 4")
_RESULT_OF = re.compile(rf"(?:{_CUE}|\s+(?:is|was|are|were)\s+)(?P<r>{NUMBER})(?![\w/])", re.I)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n")

# verb forms; each pattern captures the operand text before the result cue
_ADD = r"(?:add|adds|added|adding)(?:\s+up|\s+together)?"
_SUB = r"(?:subtract|subtracts|subtracted|subtracting)"
_TAKE = r"(?:take|takes|took|taking)"
_MUL = r"(?:multiply|multiplies|multiplied|multiplying)"
_DIV = r"(?:divide|divides|divided|dividing|split|splits|splitting|share|shares|shared|sharing)"
_OPERATION = re.compile(rf"\b(?:{_ADD}|{_SUB}|{_MUL}|{_DIV}|then|times|plus|minus|over)\b", re.I)
_SCALE = {"doubl": "2", "tripl": "3", "halv": "1/2"}
_SCALE_VERB = re.compile(r"\b(doubl|tripl|halv)(?:e|es|ed|ing)\b\s+(?P<a>.+)", re.I)


def _operand(phrase: str) -> str | None:
    """The single number an operand phrase names, as written; ``None`` when it names none or
    several (then the sentence is not read)."""
    if _OPERATION.search(phrase):  # "120 and then dividing that by (40)": a chain, not one operand
        return None
    bracketed = _BRACKETED.findall(phrase)
    if len(bracketed) == 1:  # "her pay for 5 days ($750)": the bracket names the quantity
        return _clean(bracketed[0])
    found = _NUMBER.findall(phrase)
    return _clean(found[0]) if len(found) == 1 and not bracketed else None


def _clean(number: str) -> str:
    return re.sub(r"\s+", "", number).rstrip(",")


def _wrap(number: str) -> str:
    """A fraction operand in brackets, so that ``25 / (1/3)`` keeps its meaning."""
    return f"({number})" if "/" in number else number


def _split_list(text: str) -> list[str]:
    """'A, B, and C' -> [A, B, C] (commas inside numbers are kept)."""
    return [p for p in re.split(r",\s+and\s+|,\s+(?!\d{3}\b)|\s+and\s+", text) if p.strip()]


def _binary(verb: str, joiners: str, sentence: str, result: re.Pattern = _RESULT) -> tuple[str, str, str] | None:
    """``verb A joiner B <cue> R`` -> ``(A, B, R)`` as written, or ``None``."""
    # the first operand may not run over a second use of the verb ("divided among 10 schools,
    # I divided the total by 10": only the second one states a computation)
    m = re.search(rf"\b{verb}\b\s+(?P<a>(?:(?!\b{verb}\b).)+?)\s+(?:{joiners})\s+(?P<b>.+)",
                  sentence, re.I)
    if not m:
        return None
    res = _outside_brackets(result, m.group("b"))
    if not res:
        return None
    a, b = _operand(m.group("a")), _operand(m.group("b")[:res.start()])
    return (a, b, _clean(res.group("r"))) if a and b else None


def _outside_brackets(result: re.Pattern, text: str) -> re.Match | None:
    """The first result cue not inside brackets ("0.3 (which is 30%)" is an aside)."""
    for res in result.finditer(text):
        if text.count("(", 0, res.start()) <= text.count(")", 0, res.start()):
            return res
    return None


def _value(number: str) -> float | None:
    """A plain written number's value (no fractions), for ordering operands."""
    try:
        return float(re.sub(r"[^\d.]", "", number))
    except ValueError:
        return None


def _sum(sentence: str) -> str | None:
    """``add(ing) A, B and C <cue> R`` / ``the sum of A and B <cue> R``."""
    m = re.search(rf"\b(?:{_ADD}|(?P<of>the\s+sum\s+of))\b\s+(?P<rest>.+)", sentence, re.I)
    if not m:
        return None
    rest = m.group("rest")
    res = _outside_brackets(_RESULT_OF if m.group("of") else _RESULT, rest)
    if not res:
        return None
    head = rest[:res.start()]
    if re.search(r"\s+to\s+", head):  # "add A to B"
        parts = re.split(r"\s+to\s+", head, maxsplit=1)
    else:
        parts = _split_list(head)
    terms = [_operand(p) for p in parts]
    if len(terms) < 2 or not all(terms):
        return None
    return " + ".join(_wrap(t) for t in terms) + " = " + _clean(res.group("r"))


_EXPRESSION = re.compile(rf"\((?P<e>\s*{NUMBER}(?:\s*[-+*/×÷]\s*{NUMBER})+\s*)\)")


def _bracketed_expression(sentence: str) -> str | None:
    """``added up all the texts (25 + 5 + 3), which is 33`` -> ``25 + 5 + 3 = 33``."""
    m = _EXPRESSION.search(sentence)
    if not m or not re.search(r"[-+*×÷]", m.group("e")):  # "(1/3)" is a number, not a computation
        return None
    if re.search(rf"\b(?:{_SUB}|{_TAKE}|{_MUL}|{_DIV})\b", sentence[:m.start()], re.I):
        return None  # "subtracted the readers (40 + 84 + 100) from ...": only an operand
    rest = sentence[m.end():]
    res = _outside_brackets(_RESULT, rest)
    if not res or _OPERATION.search(rest[:res.start()]):  # "(2+3+4) and divided by 7 to get"
        return None
    return f"{m.group('e').strip()} = {_clean(res.group('r'))}"


# "Hana + Ivy = 214 beads (128 + 96)": the result, its unit, then the work in brackets;
# "tax is 4.80 (8% of 60)": a percent of an amount is work too
_WORK = rf"\s*(?:{NUMBER}(?:\s*[-+*/×÷x]\s*{NUMBER})+|{NUMBER}\s*%\s+of\s+\$?{NUMBER})\s*"
_RESULT_THEN_WORK = re.compile(rf"(?<![\w.,])\$?(?P<r>{NUMBER})(?P<unit>(?:\s+[A-Za-z]+){{0,3}})\s*"
                               rf"\((?P<e>{_WORK})\)\s*[.!]?\s*$")


def _result_then_work(sentence: str) -> str | None:
    """``Hana + Ivy = 214 beads (128 + 96)`` -> ``128 + 96 = 214``: a result written before its
    work, where nothing before the result is a computation (a label may name it). Without a
    unit word between them ("the sale price is 60 (80 - 20)") only where the work comes to
    about the number (within a factor of 2): "2 (3 + 4)" may be a product."""
    m = _RESULT_THEN_WORK.search(sentence)
    if m is None or re.search(r"\d", sentence[:m.start()]):
        return None
    work = m.group("e").strip()
    if not m.group("unit").strip():
        said, value = _value(m.group("r")), _work_value(work)
        if said is None or value is None or not said / 2 <= value <= said * 2:
            return None
    return f"{work} = {_clean(m.group('r'))}"


def _work_value(work: str) -> float | None:
    """The value of bracketed work as :data:`_WORK` reads it ("80 - 20", "8% of 60")."""
    numbers = [_value(n) for n in re.findall(NUMBER, work)]
    if None in numbers:
        return None
    if "%" in work:
        return numbers[0] * numbers[1] / 100
    arithmetic = re.sub(r"[×x]", "*", work.replace("÷", "/"))
    for n in re.findall(NUMBER, work):
        arithmetic = arithmetic.replace(n, _clean(n), 1)
    if not re.fullmatch(r"[\d.\s+\-*/]+", arithmetic):
        return None
    try:
        return float(eval(arithmetic, {"__builtins__": {}}))  # digits and + - * / only (checked above)
    except (ArithmeticError, SyntaxError):
        return None


def verbal_computations(text: str) -> list[str]:
    """Computations a text states in words, rewritten as ``"A op B = R"`` with the numbers as
    written (``"$80 / 20 = $4"``).

    Args:
        text: one step of a student solution (any length; sentences are read one by one).

    Returns:
        Zero or more equation strings, fractions in brackets (``"5 / (1/3) = 15"``), in
        order of appearance; sentences that hold an ``=`` or that cannot be read unambiguously
        give none.
    """
    out: list[str] = []
    for sentence in _SENTENCE.split(text):
        after = _result_then_work(sentence)
        if after is not None:
            out.append(after)
            continue
        if "=" in sentence or not _NUMBER.search(sentence):
            continue
        found = _bracketed_expression(sentence) or _sum(sentence)
        if found is None:
            sub = _binary(_SUB, r"from", sentence) or _binary(_TAKE, r"away\s+from", sentence)
            mul = _binary(_MUL, r"by|and|with|times", sentence)
            mul = mul or _binary(r"the\s+product\s+of", r"and", sentence, _RESULT_OF)
            div = _binary(_DIV, r"by|into|among|between|over", sentence)
            if sub:
                small, big = sub[0], sub[1]
                if (_value(small) or 0) > (_value(big) or 0):
                    # "subtract 600 from 120, which equals 480": the words are reversed, the
                    # computation meant is the other way round
                    small, big = big, small
                found = f"{_wrap(big)} - {_wrap(small)} = {sub[2]}"
            elif mul:
                found = f"{_wrap(mul[0])} * {_wrap(mul[1])} = {mul[2]}"
            elif div:
                found = f"{_wrap(div[0])} / {_wrap(div[1])} = {div[2]}"
            else:
                found = _scaled(sentence)
        if found:
            out.append(found)
    return out


def _scaled(sentence: str) -> str | None:
    m = _SCALE_VERB.search(sentence)
    if not m:
        return None
    factor = _SCALE[m.group(1).lower()]
    res = _outside_brackets(_RESULT, m.group("a"))
    if not res:
        return None
    a = _operand(m.group("a")[:res.start()])
    return f"{_wrap(a)} * {_wrap(factor)} = {_clean(res.group('r'))}" if a else None
