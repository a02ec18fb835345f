"""Amounts a story gives to or takes from the one it asks about: "Then his grandma gives him $5".

In a change problem an amount received is added to what one has, an amount given away, spent
or lost is taken away. Choosing the operation by a word ("gives" read as "take away") instead of
by who receives is the best-documented error on such problems (M. S. Riley, J. G. Greeno and
J. I. Heller, "Development of children's problem-solving ability in arithmetic", 1983; the
keyword strategy: K. C. Fuson et al. on change problems). The story's one person, the one the
question asks about, is read from the question; each amount the problem writes once is read as
received or given away by that person only from a few plain forms ("gives him 5", "she gets
5", "he spends $8", "gives 5 to Ben"); a step that takes a received amount away, or adds one
given away, from what the person has, is named. Pure functions; no model.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from fractions import Fraction

from tutor.dimensions import operands, question_of
from tutor.mathcheck import numbers_in
from tutor.numwords import words_to_digits
from tutor.relations import Relation, computations, num

_NUM = r"\$?(?P<n>\d+(?:\.\d+)?)"
_HOLDS = re.compile(r"(?i)\bhow\s+(?:many|much)\b[^?]*\b(?:does|do|did|will|would)\s+(?P<who>[A-Z][a-z]+|he|she|they)\s+"
                    r"(?:have|own|hold|keep)\b(?!\s+to\b)[^?]*?(?:\bnow\b|\bleft\b|\bat\s+the\s+end\b|\bin\s+all\b|\baltogether\b|"
                    r"\bthen\b|\bafter\b|\?)")
_OTHER_QUESTION = re.compile(r"(?i)\b(?:more|fewer|less|than|each|per|start|first|before|originally|began|begin)\b")
_IN = r"(?:gets|got|receives|received|finds|found|earns|earned|wins|won|collects|collected|picks\s+up|picked\s+up)"
_OUT = (r"(?:gives\s+away|gave\s+away|gives|gave|loses|lost|spends|spent|donates|donated|pays|paid|uses|used|"
        r"eats|ate|sells|sold|drops|dropped)")


_START = re.compile(r"(?i)\b(?:at\s+first|at\s+the\s+start|to\s+(?:begin|start)\s+with|originally|in\s+the\s+beginning|"
                    r"at\s+the\s+beginning)\b")
# the amount at the end, given for working back: "Now he has $52", "she has 23 left"
_NOW = re.compile(r"(?i)\bnow\s+(?:\w+\s+)?(?:has|have)\s+\$?(\d+(?:\.\d+)?)(?!\s*(?:times|more|fewer|less))|\b(?:has|have)\s+\$?(\d+(?:\.\d+)?)\s+"
                  r"(?:\w+\s+)?left\b|\bleft\s+with\s+\$?(\d+(?:\.\d+)?)")


def asks_start(problem_text: str) -> bool:
    """Whether the question asks what the person had before the story's changes."""
    return _START.search(question_of(words_to_digits(problem_text))) is not None


def _person(problem: str) -> str | None:
    """The one the question asks about: its name, or the problem's one name for "he"/"she"."""
    question = question_of(problem)
    m = _HOLDS.search(question)
    if m is None or _OTHER_QUESTION.search(_START.sub(" ", question)):
        return None
    who = m.group("who")
    if who[0].isupper() and who.lower() not in ("he", "she", "they"):
        return who
    names = _names(problem)
    return next(iter(names)) if len(names) == 1 else None


def _names(problem: str) -> set[str]:
    return {n for n in re.findall(r"\b[A-Z][a-z]+\b", problem)
            if n.lower() not in {"he", "she", "they", "then", "how", "the", "a", "after", "on", "at", "in", "if",
                                 "his", "her", "mr", "mrs", "ms", "later", "now", "when", "each", "every", "next",
                                 "what", "there", "one", "this", "that", "it", "before", "so", "but", "and"}}


def changes(problem_text: str) -> dict[Fraction, int]:
    """``{amount: +1 received / -1 given away}`` for the amounts the problem writes once and moves
    to or from the one the question asks about (see the module docstring); empty where the
    question asks something else."""
    text = words_to_digits(problem_text)
    person = _person(text)
    if person is None:
        return {}
    # "he", "him" stand for the person only where the story names no one else
    alone = len(_names(text)) == 1
    me = rf"(?:{re.escape(person)}|he|she|they)" if alone else re.escape(person)
    to_me = rf"(?:him|her|{re.escape(person)})" if alone else re.escape(person)
    forms = [(1, rf"(?i)\b(?:gives|gave|hands|handed|sends|sent|pays|paid)\s+{to_me}\s+(?:another\s+|an\s+extra\s+)?{_NUM}"),
             (1, rf"(?i)\b{me}\s+(?:then\s+|also\s+)?{_IN}\s+(?:another\s+|an\s+extra\s+)?{_NUM}"),
             # "he spent $8", "she gave her brother $6", "… and gave Mia 5"
             (-1, rf"(?i)\b(?:{me}|and)\s+(?:then\s+|also\s+)?{_OUT}\s+(?:away\s+)?"
                  rf"(?:(?:her|his|their)\s+[a-z]+\s+|[A-Z][a-z]+\s+)?{_NUM}")]
    counts: dict[Fraction, int] = {}
    for v in numbers_in(text):
        counts[Fraction(str(v))] = counts.get(Fraction(str(v)), 0) + 1
    out: dict[Fraction, int] = {}
    for way, form in forms:
        for m in re.finditer(form, text):
            n = Fraction(m.group("n"))
            # "… and gave": the sentence's doer must be the person
            if m.group(0).lower().startswith("and") and not re.match(
                    rf"(?i)\s*(?:then\s+)?{me}\b", text[text.rfind(".", 0, m.start()) + 1:]):
                continue
            # "gives her 5 of his 20": the amount belongs to two phrases; "5 cents each": a price
            after = text[m.end():m.end() + 25]
            if counts.get(n) == 1 and not re.match(r"\s*(?:%|percent|times|each|per|a\s+(?:day|week|month))", after):
                out[n] = way if out.get(n, way) == way else 0
    return {n: w for n, w in out.items() if w}


def transfer_slip(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first step that takes an amount the person received away from what they have
    (``"received taken away"``) or adds one they gave away (``"given away added"``); where the
    question asks for the start and the problem gives the end ("Now he has $52"), working back,
    the first step that adds a received amount again (``"received added back"``) or takes a
    given-away one away again (``"given away taken again"``); ``None`` otherwise. ``facts``:
    ``amount``, ``way`` ("received" or "given away"), ``back`` (working back)."""
    moved = changes(problem_text)
    if not moved:
        return None
    text = words_to_digits(problem_text)
    written = [Fraction(str(v)) for v in numbers_in(text)]
    back = asks_start(problem_text)
    if back:
        end = _NOW.search(text)
        start = [Fraction(next(g for g in end.groups() if g))] if end else []
    else:
        start = written[:1]
    # what the person has: the problem's first amount (the end, working back), and what is
    # worked out from it
    held = set(start)
    if not held:
        return None
    sign = -1 if back else 1
    done: set[Fraction] = set()  # amounts already moved the right way: a later use is a check
    for step, lhs, value in computations(step_texts):
        read = operands(lhs)
        if read is None:
            continue
        op, a, b = read
        for x, y in ((a, b), (b, a)):
            if x in held and ((op is ast.Add and moved.get(y) == sign) or (op is ast.Sub and y == b and moved.get(y) == -sign)):
                done.add(y)
        moved = {n: w for n, w in moved.items() if n not in done}
        facts = {"amount": num(b), "back": back}
        if op is ast.Sub and a in held and moved.get(b) == sign:
            return Relation(step, "received taken away" if not back else "given away taken again", lhs.strip(),
                            dict(facts, way="received" if not back else "given away"))
        for x, y in ((a, b), (b, a)):
            if op is ast.Add and x in held and moved.get(y) == -sign:
                return Relation(step, "given away added" if not back else "received added back", lhs.strip(),
                                {"amount": num(y), "back": back, "way": "given away" if not back else "received"})
        if a in held or b in held:
            held.add(Fraction(value).limit_denominator(1000))
    return None


# the question asks what is spent or paid in all, not what is left ("How much does Kim spend?";
# not "how much did she spend on music books", which may be what is left)
_ASKS_SPENT = re.compile(r"(?i)\bhow\s+much\s+(?:money\s+)?(?:does|did|will|do)\s+(?:[A-Z][a-z]+|he|she|they)\s+"
                         r"(?:spend|pay)\b(?!\s+(?:on|for)\b)(?![^?]*\b(?:left|change|back|save|keep)\b)")
# the money the person has or hands over: "Kim has $20", "pays with a $50 bill"
_MONEY_HELD = re.compile(r"(?i)\b(?:has|had|have|with|brings|brought|takes|took)\s+(?:a\s+)?\$(\d+(?:\.\d+)?)")


def change_for_spent(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """Where the question asks how much is spent, the last computation that takes the cost the
    work found away from the money the person has ("Kim has $20 … How much does she spend?":
    20 − 10.75): the change, an answer to another question. ``facts``: ``money``, ``spent``."""
    text = words_to_digits(problem_text)
    if not _ASKS_SPENT.search(question_of(text)) or re.search(r"(?i)\b(?:left|remain\w*|now\s+has)\b", text):
        return None
    held = {Fraction(m.group(1)) for m in _MONEY_HELD.finditer(text)}
    written = {Fraction(str(v)) for v in numbers_in(text)}
    comps = list(computations(step_texts))
    if len(held) != 1 or not comps:
        return None
    step, lhs, _ = comps[-1]
    read = operands(lhs)
    if read is None or read[0] is not ast.Sub or read[1] not in held or read[2] in written:
        return None
    return Relation(step, "change for spent", lhs.strip(), {"money": num(read[1]), "spent": num(read[2])})
