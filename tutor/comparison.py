"""Which option is the better buy: does the conclusion follow from the unit prices worked out?

"Which is the better buy: 12 oz for $3.60 or 20 oz for $5.40?" worked as "3.60 ÷ 12 = 0.30",
"5.40 ÷ 20 = 0.27", "The 12 oz is the better buy": every computation is right, and the choice
is the wrong one (it costs more for each ounce). When the question asks for the better buy
(deal, value, price) or the cheaper option, and the solution works out one price per unit for
each of two options from the problem's own amounts (money ÷ amount: lower is better; amount ÷
money: higher is better), the option the last step names must be the better one. An option is
named by what only its own step writes: a label ("A:", "Store B", "bottle") or one of its
numbers. Pure functions, no model.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from fractions import Fraction

from tutor.dimensions import given_quantities, operands, question_of
from tutor.mathcheck import check_step

_ASKS_BETTER = re.compile(r"(?i)\b(?:better|best)\s+(?:buy|deal|value|price|bargain)\b|\bcheaper\b|\bcosts?\s+less\b|"
                          r"\b(?:lower|lowest|least)\s+(?:unit\s+)?(?:price|cost)\b|\bbetter\s+(?:to\s+)?buy\b")
# words that name no option ("the", "is", "buy", "per")
_PLAIN = {"the", "a", "an", "is", "are", "was", "for", "of", "per", "each", "one", "and", "so", "it", "its", "buy",
          "better", "best", "deal", "cheaper", "price", "cost", "costs", "value", "store", "which", "than", "has",
          "have", "to", "in", "at", "unit", "dollars", "dollar", "cents", "cent", "that", "this", "answer", "which",
          "what", "sells", "sell", "sold", "costs", "gets", "get", "you", "we", "should"}


@dataclass(frozen=True)
class WrongChoice:
    """A conclusion that names the worse of two options.

    Attributes:
        step: 0-based index of the concluding step.
        chosen: the chosen option's rate as its step writes it (``"0.30"``).
        other: the other option's rate (``"0.27"``).
        lower_better: whether a lower rate is better (a price per unit) or a higher one (units
            per dollar).
        per: what the rate is per, as the problem says it (``"oz"``), or ``""``.
        named: how the concluding step names the option it chooses (``"12 oz"``, ``"Store A"``).
    """

    step: int
    chosen: str
    other: str
    lower_better: bool
    per: str
    named: str = ""


def _rates(problem_text: str, step_texts: list[str]) -> list[tuple[int, Fraction, bool, str, str]]:
    """``(step, rate, lower is better, rate as written, per what, the two amounts)`` for each step that divides one
    of the problem's money amounts by one of its other amounts (or the other way round)."""
    given = given_quantities(problem_text)
    out = []
    for i, text in enumerate(step_texts):
        for eq in check_step(text, i + 1).equations:
            read = operands(eq.text.split("=")[0]) if eq.rhs_value is not None and not eq.follows else None
            if read is None or read[0] is not ast.Div or eq.ok is False:
                continue
            _, a, b = read
            qa, qb = given.get(a), given.get(b)
            if qa is None or qb is None:
                continue
            money_a, money_b = dict(qa.unit).get("money") == 1, dict(qb.unit).get("money") == 1
            if money_a == money_b:
                continue
            other = qb if money_a else qa
            per = other.said.split(" ", 1)[1] if " " in other.said else ""
            written = eq.text.split("=")[-1]
            out.append((i, Fraction(str(eq.rhs_value)), money_a, written, per, (a, b)))
    return out


def _names(text: str) -> set[str]:
    """What a step writes that may name an option: its words (a capital letter alone too) and
    its numbers."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", text)} - _PLAIN
    letters = set(re.findall(r"\b[A-Z]\b", text))
    numbers = {Fraction(n.replace(",", "")) for n in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text)}
    return words | letters | {str(n) for n in numbers}


def wrong_choice(problem_text: str, step_texts: list[str]) -> WrongChoice | None:
    """The last step's choice of the worse option (see the module docstring), or ``None``:
    no better-buy question, not exactly two rates worked out from the problem's amounts, rates
    that tie, or a conclusion that names both options or neither."""
    if not _ASKS_BETTER.search(question_of(problem_text) or problem_text) or len(step_texts) < 3:
        return None
    rates = _rates(problem_text, step_texts[:-1])
    if len(rates) != 2 or rates[0][0] == rates[1][0] or rates[0][2] != rates[1][2] or rates[0][1] == rates[1][1]:
        return None
    (i, r1, lower, w1, per, ops1), (j, r2, _, w2, _, ops2) = rates
    # an option is named by what its step writes, or by the words of the problem's clause that
    # gives its two amounts ("Store A sells 6 apples for $2.70")
    names = [_names(step_texts[i]) | _clause_names(problem_text, ops1), _names(step_texts[j]) | _clause_names(problem_text, ops2)]
    own = [names[0] - names[1], names[1] - names[0]]
    # the choice is what the conclusion says after its reasons ("0.80 > 0.75 so the 4-pack is …")
    choice = re.split(r"(?i)\b(?:so|therefore|thus|which\s+means|that\s+means)\b|[,:;]", step_texts[-1])[-1]
    said = _names(step_texts[-1])
    named = [k for k in (0, 1) if own[k] & said]
    if len(named) == 2:
        said = _names(choice)
        named = [k for k in (0, 1) if own[k] & said]
    if len(named) != 1:
        return None
    better = 0 if (r1 < r2) == lower else 1
    if named[0] == better:
        return None
    chosen, other = (w1, w2) if named[0] == 0 else (w2, w1)
    where = choice if _names(choice) & own[named[0]] else step_texts[-1]
    return WrongChoice(len(step_texts) - 1, chosen, other, lower, per, _as_said(where, own[named[0]] & said))


def _clause_names(problem_text: str, amounts: tuple[Fraction, Fraction]) -> set[str]:
    """The names of the problem's clause that writes both ``amounts`` (empty when none does)."""
    for clause in re.split(r"[.;!?:]\s|,\s|\s+or\s+|\s+and\s+", problem_text):
        written = {Fraction(n.replace(",", "")) for n in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", clause)}
        if set(amounts) <= written:
            return _names(clause)
    return set()


def _as_said(text: str, names: set[str]) -> str:
    """How the concluding step names the option it chooses ("Store A", "12 oz", "4-pack")."""
    for name in sorted(names, key=len, reverse=True):
        if name[0].isdigit():  # "12" of "the 12 oz bottle"
            m = re.search(rf"(?<![\d.]){re.escape(name)}(?:\.0+)?(?![\d.])(?:(?:\s+|-)[A-Za-z]+)?", text)
        elif len(name) == 1:  # "A" of "Store A": the label with the word it labels
            m = re.search(rf"(?:\b[A-Za-z]+\s+)?\b{re.escape(name)}\b", text)
            if m:
                return m.group().strip()
        else:
            m = re.search(rf"(?i)\b{re.escape(name)}\b", text)
        if m:
            words = m.group().split()
            return " ".join(w for w in words if w.lower() not in _PLAIN or len(words) == 1)
    return ""
