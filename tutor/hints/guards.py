"""Guards every hint must pass before a student sees it (issue 5, guards a–c, plus grounding).

* (a) :func:`find_leaks` — the hint does not state the reference final answer, nor, below
  level 3, the corrected value of the wrong step (``Verdict.expected_value``), in any number
  format (see :mod:`tutor.hints.numbers`).

  **Rule for quantities that happen to equal a forbidden value.** A forbidden value is blocked
  *even when it is also a quantity given in the problem* (e.g. the answer is 4 and the problem
  says "4 bicycles"). Telling the two apart needs an understanding of the sentence that a guard
  cannot check, and a student cannot tell them apart either: seeing the answer's number in a
  hint gives it away. The deterministic wording therefore simply names another quantity. Step
  pointers ("step 2") are not quantities and are never blocked.
* (b) :func:`find_false_accusations` — a hint never calls a step wrong that the verifier
  marked ``correct``; for a ``correct`` or ``unsure`` verdict no error wording at all.
* (c) :func:`readability_problems` — at most :data:`MAX_WORDS` words, short sentences, and a
  Flesch–Kincaid grade level (Kincaid et al. 1975, "Derivation of new readability formulas")
  of at most :data:`MAX_GRADE`.
* grounding — :func:`grounding_problems`: an error hint points at the first wrong step, and a
  level-1 hint names a quantity from it.

:func:`check_hint` runs them all and returns the list of problems (empty = the hint may be shown).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from fractions import Fraction

from tutor.hints.numbers import STEP_REF, Number, evaluate, numbers_in, same_number, states_value, value_of
from tutor.mathcheck import superscripts
from tutor.schema import Problem, Step, Verdict

MAX_WORDS = 60
#: Highest Flesch–Kincaid grade allowed (hints are for grades 3–8 students).
MAX_GRADE = 8.0
MAX_SENTENCE_WORDS = 22
ERROR_KINDS = ("where", "concept", "bottom_out")

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10}
_STEP_NUM = re.compile(r"(?i)\bsteps?\s*#?\s*(\d+|" + "|".join(_NUM_WORDS) + r")\b"
                       # (a number with a unit sign after it is a quantity: "in step 1, 7% means …")
                       r"((?:\s*(?:,|and|or|&)\s*(?:\d+|" + "|".join(_NUM_WORDS) + r")\b(?![%.,]?\d|\s*%))*)")
_STEP_ORD = re.compile(r"(?i)\b(" + "|".join(_ORDINALS) + r")\s+step\b")
_ACCUSE = re.compile(
    r"(?i)\b(wrong|incorrect|mistakes?|errors?|erroneous|fix|redo|not\s+right|not\s+correct|"
    r"isn'?t\s+right|isn'?t\s+correct|mixed\s+up|mix\s+up|slip|false|bad|fail(?:ed|s)?)\b")
# "keep going", "only part of the way": the work is unfinished
_UNFINISHED = r"keep\s+going|(?:only|just)\s+part\s+of\s+the\s+way|not\s+(?:yet\s+)?(?:done|finished)"
# Wording that says work is unfinished or needs changing, without an error word ("needs
# another look"): as misleading as "wrong" about a step that is right.
_DOUBT = re.compile(
    r"(?i)\b(?:needs?\s+(?:another|a\s+second)\s+look|look\s+(?:at\s+it\s+)?again|check\s+(?:it|that|this)"
    r"(?:\s+part)?\s+again|" + _UNFINISHED + r"|"
    r"(?:need|have)\s+to\s+change|should\s+change|add\s+it\s+in|is\s+missing|left\s+out)\b")
_FINAL_LINE = re.compile(r"^\s*(?:####|the answer is|answer:)?\s*(.+?)\s*$", re.I)


# --------------------------------------------------------------------------- (a) answer leaks
def reference_answer(problem: Problem) -> str | None:
    """The problem's reference final answer: ``final_answer``, else the last line of the
    reference solution when that line is a bare value (VtG/GSM8K style), else the last number
    the reference solution writes ("Altogether she sold 48 + 24 = 72 clips." gives 72), else
    ``None``."""
    if problem.final_answer and problem.final_answer.strip():
        return problem.final_answer.strip()
    if problem.reference_solution:
        last = problem.reference_solution[-1].strip()
        m = _FINAL_LINE.match(last)
        if m and len(m.group(1).split()) <= 3 and value_of(m.group(1)) is not None:
            return m.group(1)
        for line in reversed(problem.reference_solution):
            found = numbers_in(line)
            if found:
                return found[-1].text.strip()
    return None


def concludes(steps: Sequence[Step], verdict: Verdict) -> bool:
    """Whether the flagged step is where the solution reaches its result: no later step
    writes a value that is not already in it or before it. Its corrected value is then the
    answer, whether or not the tutor has a reference answer."""
    k = verdict.first_error_step
    if not k or not 1 <= k <= len(steps):
        return False
    known = [n.value for s in steps[:k] for n in numbers_in(s.text)]
    return all(any(same_number(n, v) for v in known) for s in steps[k:] for n in numbers_in(s.text))


def forbidden_values(problem: Problem, verdict: Verdict, level: int, steps: Sequence[Step] = ()) -> list[str]:
    """What hint ``level`` must not state: the reference final answer always; the corrected
    value of the wrong step (``verdict.expected_value``) below level 3, and at level 3 too when
    that step :func:`concludes` the solution (the corrected value would be the answer) or when
    there is no reference answer: then whether the corrected value is the answer cannot be
    told ("6 ÷ ¾ = 6 × ¾" is wrong, and 6 ÷ ¾ is what the problem asks)."""
    out = []
    answer = reference_answer(problem)
    if answer:
        out.append(answer)
    if verdict.expected_value not in (None, "") and (level < 3 or not answer or concludes(steps, verdict)):
        out.append(str(verdict.expected_value))
    return out


def reword_step_pointers(text: str, forbidden: Iterable[str]) -> str:
    """Write a step pointer whose number equals a forbidden value as an ordinal ("step 4" ->
    "the fourth step"), so no answer digits appear even as a pointer (a naive reader or
    checker could take "step 4" for the answer 4). Steps past the tenth are left as they are."""
    by_number = {v: k for k, v in _ORDINALS.items()}

    def sub(m: re.Match) -> str:
        n = int(m.group(1))
        if n in by_number and find_leaks(str(n), forbidden):
            return f"the {by_number[n]} step"
        return m.group(0)

    return re.sub(r"(?i)\bstep\s+(\d+)\b", sub, text)


def find_leaks(text: str, forbidden: Iterable[str]) -> list[str]:
    """Return the forbidden values that ``text`` states (empty list = no leak).

    Numeric values match in any format (digits, commas, decimals, fractions, percents, money,
    words; see :mod:`tutor.hints.numbers`); a non-numeric value ("Tuesday") matches as a whole
    word, ignoring case. Step pointers ("step 4") never count.
    """
    leaks = []
    for item in forbidden:
        value = value_of(item)
        if value is not None:
            if states_value(text, value):
                leaks.append(item)
        elif item.strip() and re.search(r"(?i)\b" + re.escape(item.strip()) + r"\b", text):
            leaks.append(item)
    return leaks


def is_forbidden_quantity(quantity: str, forbidden: Iterable[str]) -> bool:
    """Whether naming ``quantity`` would state a forbidden value (see the module rule)."""
    return bool(find_leaks(quantity, forbidden))


# --------------------------------------------------------------------------- (b) accusations
def step_mentions(text: str) -> list[int]:
    """1-based step numbers ``text`` points at ("step 2", "steps 1 and 3", "the second step")."""
    found: list[int] = []
    for m in _STEP_NUM.finditer(text):
        # a list follows "steps" only: "in step 1, 3 m is …" names step 1 and a length
        listed = m.group(2) if m.group().lower().startswith("steps") else ""
        for tok in re.findall(r"\d+|[a-z]+", (m.group(1) + " " + (listed or "")).lower()):
            if tok.isdigit():
                found.append(int(tok))
            elif tok in _NUM_WORDS:
                found.append(_NUM_WORDS[tok])
    found += [_ORDINALS[m.group(1).lower()] for m in _STEP_ORD.finditer(text)]
    return found


def _clauses(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?;:])\s+|,\s*|\s+but\s+|\s+while\s+", text)
    return [p for p in parts if p.strip()]


def find_false_accusations(text: str, verdict: Verdict) -> list[int]:
    """Steps the verifier marked ``correct`` that ``text`` calls wrong (empty = none).

    A clause that points at a correct step and uses error wording ("wrong", "mistake",
    "incorrect", "fix" …) or doubt wording ("needs another look", "only part of the way",
    "keep going") is an accusation. For a ``correct`` verdict any such wording at all is one,
    and for an ``unsure`` verdict any error wording (reported as step 0 when no step is named):
    the student must not be told they erred when the verifier did not find an error.
    """
    bad: list[int] = []
    for clause in _clauses(text):
        accuses, doubts = bool(_ACCUSE.search(clause)), bool(_DOUBT.search(clause))
        if not (accuses or doubts):
            continue
        named = step_mentions(clause)
        for n in named:
            if 1 <= n <= len(verdict.marks) and verdict.marks[n - 1] == "correct":
                bad.append(n)
        # doubt about an "unsure" solution is what its hint is for; about a correct one it misleads
        if not named and (verdict.label == "correct" or (accuses and verdict.label != "incorrect")):
            bad.append(0)
    return sorted(set(bad))


# --------------------------------------------------------------------------- (c) readability
def _syllables(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1  # a number or symbol reads as about one beat per token
    groups = re.findall(r"[aeiouy]+", w)
    n = len(groups)
    if w.endswith("e") and not w.endswith(("le", "ee")) and n > 1:
        n -= 1
    return max(1, n)


def words_of(text: str) -> list[str]:
    """Whitespace-separated words of ``text`` (numbers and "3x4" count as one word each)."""
    return [w for w in text.split() if re.search(r"\w", w)]


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if words_of(s)]


def flesch_kincaid_grade(text: str) -> float:
    """Flesch–Kincaid grade level: 0.39·words/sentences + 11.8·syllables/words − 15.59
    (Kincaid et al. 1975). Syllables are counted by vowel groups (an estimate)."""
    words = words_of(text)
    if not words:
        return 0.0
    sentences = max(1, len(_sentences(text)))
    syll = sum(_syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * syll / len(words) - 15.59


def readability_problems(text: str) -> list[str]:
    """Why ``text`` is not fit for a grade-school student (empty = fine): empty or too short,
    over :data:`MAX_WORDS` words, a sentence over :data:`MAX_SENTENCE_WORDS` words,
    Flesch–Kincaid grade over :data:`MAX_GRADE`, or markup/code/links."""
    words = words_of(text)
    out = []
    if len(words) < 4:
        out.append("too short")
    if len(words) > MAX_WORDS:
        out.append(f"{len(words)} words (max {MAX_WORDS})")
    longest = max((len(words_of(s)) for s in _sentences(text)), default=0)
    if longest > MAX_SENTENCE_WORDS:
        out.append(f"a sentence of {longest} words (max {MAX_SENTENCE_WORDS})")
    grade = flesch_kincaid_grade(text)
    if words and grade > MAX_GRADE:
        out.append(f"reading grade {grade:.1f} (max {MAX_GRADE:g})")
    if re.search(r"```|<[a-z/]|https?:|\\[a-z]+|\{|\}|#", text, re.I):
        out.append("markup or code")
    return out


# --------------------------------------------------------------------------- grounding
_VARIABLE = re.compile(r"(?<![\w'$.])([a-hj-zA-HJ-Z])(?![\w'])")
_MEASURE = re.compile(
    r"(?i)\b(the\s+(?:total\s+)?(?:number|amount|cost|price|length|time|weight|speed|area|"
    r"distance|range|sum|difference|value|width|height|age|rate)"
    # "the cost of pencils"; not "the cost of the", which names nothing
    r"(?:\s+of\s+(?!(?:the|a|an|this|that|his|her|their|its|each|all|one)\b)[a-z]+)?)")


# what a number counts ("12 apples", "700 kg of tomatoes"); not a word that goes on with the
# math ("3 times", "5 minus") or a verb ("5 is")
_COUNTED = re.compile(r"(?i)(?<![\w.])\$?\d[\d,]*(?:\.\d+)?\s*(?:([a-z]+)\s+of\s+)?([a-z]{3,}s)\b")
_NOT_COUNTED = frozenset("times minus plus less equals is was has does yes this thus gets makes "
                         "means gives pays costs as its".split())


def quantity_names(text: str) -> list[str]:
    """Named quantities in a step: one-letter variables ("x", "n"; not the "x" of "3 x 4"),
    measures such as "the number of pencils" or "the total cost", and what a number counts
    ("700 kg of tomatoes" names "the amount of tomatoes", "12 apples" "the number of apples")."""
    out = [m.group(1) for m in _VARIABLE.finditer(text)
           if not re.search(r"\d\s*$", text[:m.start()]) and m.group(1) != "A"
           # "a" is an article ("a week") unless math is written next to it ("a + 3 = 10")
           and (m.group(1) != "a" or re.search(r"[-+*/=^]\s*$", text[:m.start()])
                or re.match(r"\s*[-+*/=^]", text[m.end():]))]
    out += [m.group(1).lower() for m in _MEASURE.finditer(text)]
    for m in _COUNTED.finditer(text):
        unit, noun = m.group(1), m.group(2).lower()
        if noun not in _NOT_COUNTED and (unit is None or unit.lower() not in _NOT_COUNTED):
            out.append(f"the {'amount' if unit else 'number'} of {noun}")
    return out


def _as_written(text: str, found: list[str]) -> list[str]:
    """``found`` (pieces of ``text``) in the order the text writes them, without a piece that
    is part of a longer one ("twenty" inside "four dollars and twenty cents")."""
    text = STEP_REF.sub(lambda m: " " * len(m.group()), text)  # "Step 1:" holds no quantity
    spans = {}
    for f in found:
        if not f or f not in text:
            continue
        # the number itself, not the same digits inside a longer one ("4" of "14", "four" of
        # "fourteen"); "12th", "3x" still hold their number
        before = r"(?<![\d.,])" if f[0].isdigit() else r"(?<![A-Za-z])" if f[0].isalpha() else ""
        after = r"(?!\d|[.,]\d)" if f[-1].isdigit() else r"(?![A-Za-z])" if f[-1].isalpha() else ""
        m = re.search(before + re.escape(f) + after, text)
        spans[f] = m.span() if m else (text.find(f), text.find(f) + len(f))
    inside = {f for f, (a, b) in spans.items()
              if any(a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2 in spans.values())}
    return sorted((f for f in spans if f not in inside), key=lambda f: spans[f])


def _signed(text: str, q: str) -> str:
    """``q`` with its minus sign when the text writes it negative ("= -7"; not "12 - 7")."""
    if q[:1].isdigit() and re.search(rf"(?<![\d.)\]\w])(?<![\d.)\]]\s)[-−]{re.escape(q)}(?![\d.,]\d|\d)", text):
        return "-" + q
    return q


def step_quantities(step: Step | None, verdict: Verdict) -> list[str]:
    """Quantities of the flagged step: the verifier's ``quantities`` first, then the numbers
    written in the step text, as written (duplicates by value removed), then named
    quantities (:func:`quantity_names`)."""
    out: list[str] = []
    seen: set[Fraction] = set()
    cands = list(verdict.quantities or [])
    if step is not None:
        # "8 / 2" reads as the fraction 4 too, but in a step it is a division, not a quantity
        cands += [_signed(step.text, q) for q in _as_written(
            step.text, [n.text.strip() for n in numbers_in(step.text) if not re.search(r"\s/|/\s", n.text)])]
        cands += quantity_names(step.text)
    for q in cands:
        q = str(q).strip()
        v = value_of(q)
        key = v if v is not None else q.lower()
        if q and key not in seen:
            seen.add(key)
            out.append(q)
    return out


_ARTICLE = re.compile(r"(?i)^(?:the|a|an)\s+")


def names_quantity(text: str, quantities: Iterable[str]) -> bool:
    """Whether ``text`` names one of ``quantities`` (numbers by value in any format, names as
    whole words, ignoring case and a leading article: "grass seed" names "the grass seed")."""
    shown = numbers_in(text)
    for q in quantities:
        v = value_of(q)
        if v is not None:
            if any(same_number(n, abs(v)) for n in shown):
                return True
        elif re.search(r"(?i)\b" + re.escape(_ARTICLE.sub("", q.strip())) + r"\b", text):
            return True
    return False


def points_at(text: str, step_number: int) -> bool:
    """Whether ``text`` points at step ``step_number`` ("step 2", "the second step")."""
    return step_number in step_mentions(text)


def grounding_problems(text: str, level: int, kind: str, steps: list[Step], verdict: Verdict) -> list[str]:
    """Why an error hint is not grounded in the verified error (empty = grounded): it must
    point at ``verdict.first_error_step`` and must not point at another step; a level-1 hint
    must also name a quantity of that step."""
    k = verdict.first_error_step
    if kind not in ERROR_KINDS or k is None:
        return []
    out = []
    named = step_mentions(text)
    if k not in named:
        out.append(f"does not point at step {k}")
    if any(n != k for n in named):
        out.append("points at another step")
    if level == 1:
        step = steps[k - 1] if 1 <= k <= len(steps) else None
        if not names_quantity(text, step_quantities(step, verdict)):
            out.append(f"names no quantity of step {k}")
    return out


# --------------------------------------------------------------------------- form
QUESTION_KINDS = ("where", "extension", "explain")
#: Longest run of words a hint may copy from the problem or the student's steps.
MAX_COPIED_WORDS = 7
# an unknown and an operator right before a number: the number belongs to an algebra expression
# ("2x + 12 - 5 = 79", "x + 2 1/2 = 6")
_IN_ALGEBRA_BEFORE = re.compile(r"(?<![A-Za-z])[A-Za-z]\)?\s*[-+x×*/÷^]\s*[\d\s/.]*$")
# the right side goes on after its first number ("= 40/x", "= 6 × 3.14"): that number is not the value
_SIDE_GOES_ON = re.compile(r"\s*[-+x×*/÷^]\s*[\w(π]|[A-Za-z(π²³]")
_CLAIM = re.compile(r"(\$?\d[\d,]*(?:\.\d+)?(?:\s*[-+x×*/÷]\s*\$?\d[\d,]*(?:\.\d+)?)+)\s*=\s*"
                    r"\$?(\d[\d,]*(?:\.\d+)?)")


# A hint guides; it never announces an answer (even a wrong one: that would mislead).
_CONTRAST = re.compile(r"(?i)\b(?:not|instead\s+of|rather\s+than)\b")


def _contrasts_with_itself(text: str) -> bool:
    """"you had 2448, not 2448", "divide 12, not divide 12": the words (up to four) after
    "not" / "instead of" / "rather than" repeat the ones before it, so the hint says nothing."""
    def words(part: str) -> list[str]:
        out = [w.strip("$,.") for w in part.lower().split()]
        return [w.replace(",", "") if re.fullmatch(r"[\d,.]+", w) else w for w in out if w]

    for m in _CONTRAST.finditer(text):
        before, after = words(text[:m.start()]), words(text[m.end():])
        for n in range(1, 5):
            if len(before) >= n and before[-n:] == after[:n] and (n > 1 or any(c.isdigit() for c in before[-1])):
                return True
    return False


_ANSWER_CLAIM = re.compile(r"(?i)\banswers?\s+(?:is|are|was|=|:)|\bis\s+the\s+(?:final\s+|correct\s+|right\s+)?answer\b")


def _word_runs(text: str, n: int) -> set[tuple[str, ...]]:
    w = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


#: Fewest words a bottom-out hint may have (with at least one number in it).
MIN_BOTTOM_OUT_WORDS = 8


#: What the hint prompt says where it has no fact to give (:mod:`tutor.hints.prompting`); a hint
#: that repeats one ("What does (none) stand for?") read the prompt, not the problem.
# a confirmation must praise; a model that reads the prompt as a chat answers it instead
_PRAISE = re.compile(r"(?i)\b(?:well\s+done|good|great|nice|excellent|correct|right|careful|clear|"
                     r"smart|super|awesome|perfect|neat|way\s+to|you\s+(?:did|used|saw|found|"
                     r"remembered|worked|checked|showed|kept|added|subtracted|multiplied|divided))\b")
_CORRECTION = re.compile(r"(?i)\b(?:(?:you\s+)?(?:need|have)\s+to|(?:should|must)\s+(?:check|redo|fix|change|look|"
                         r"try|think|go\s+back)|redo|fix|mistake|wrong|try\s+again|think\s+about)\b")
_CHAT_REPLY = re.compile(r"(?i)\b(?:(?:good|great|nice|interesting)\s+question|you\s+asked|"
                         r"i\s+(?:can(?:not|'t)?|will|would|am|think)|as\s+an\s+ai|let\s+me)\b")
PLACEHOLDERS = {"quantity": "(none)", "expected": "(keep it secret)", "relation": "(not known)"}


def form_problems(text: str, kind: str, problem: Problem, steps: list[Step]) -> list[str]:
    """Why a hint does not do its job as a hint (empty = fine): a ``where``/``extension``/
    ``explain`` hint that asks no question; text copied from the problem or the student's
    steps (more than :data:`MAX_COPIED_WORDS` words in a row); arithmetic it states that is
    false ("4 + 12 = 15"); announcing an answer ("so 20 is the answer"); a value contrasted
    with itself ("you had 12, not 12"); a sentence said twice; a prompt placeholder
    (:data:`PLACEHOLDERS`)."""
    out = []
    out += [f"repeats the placeholder {p!r}" for p in PLACEHOLDERS.values() if p in text.lower()]
    if kind in QUESTION_KINDS and "?" not in text:
        out.append("asks no question")
    if kind == "confirm":
        # praise for a correct solution, not a reply to a question nobody asked
        if "?" in text or _CHAT_REPLY.search(text):
            out.append("answers a question instead of praising the work")
        elif not _PRAISE.search(text):
            out.append("praises nothing")
    if kind in ("confirm", "extension") and _CORRECTION.search(text):
        # the solution is correct: an extension asks a new question, it does not correct
        out.append("asks for a change in a correct solution")
    n = MAX_COPIED_WORDS + 1
    # a list of numbers ("7, 3, 9, 5, 11, 2" to put in order) is data to work with, not copied prose
    runs = {r for r in _word_runs(text, n) if sum(not w.isdigit() for w in r) > 2}
    if runs and runs & (_word_runs(problem.text, n) | set().union(*(_word_runs(s.text, n) for s in steps))):
        out.append(f"copies {n}+ words from the problem or the steps")
    for m in _CLAIM.finditer(text):
        if (_IN_ALGEBRA_BEFORE.search(text[:m.start()]) or re.match(r"\(?[A-Za-z](?![A-Za-z])", text[m.end():])
                or _SIDE_GOES_ON.match(text, m.end())):
            continue  # part of an equation with an unknown: "x/4 - 2 = 3" is not "4 - 2 = 3",
            # nor "3/5 = 40/x" a claim that 3/5 is 40
        lhs, rhs = evaluate(m.group(1)), value_of(m.group(2))
        if lhs is not None and rhs is not None and lhs != rhs:
            out.append(f"false arithmetic {m.group(0)!r}")
    if _ANSWER_CLAIM.search(text):
        out.append("announces an answer")
    if _contrasts_with_itself(text):
        out.append("contrasts a value with itself")
    words = re.findall(r"[a-z0-9':]+", text.lower())
    # a quantity named as the problem names it ("3 cups of flour") may come back in a later clause
    named = {g for g in _word_runs(problem.text, 4) if any(w.isdigit() for w in g)}
    grams = [g for g in (tuple(words[i:i + 4]) for i in range(len(words) - 3)) if g not in named]
    sentences = [s.lower() for s in _sentences(text)]
    if len(set(grams)) < len(grams) or len(set(sentences)) < len(sentences):
        out.append("repeats itself")
    out += [f"says the student did {op!r}, step does not" for op in _misdescribed(text, steps)]
    # "step 2" is a pointer, not a quantity; naming the operation to redo, or saying to stop
    # (a step past the answer), also says how
    concrete = re.search(r"\d|\b(?:addition|subtraction|multiplication|division|add|subtract|multiply|"
                         r"divide|stop|not\s+needed)\b", _STEP_NUM.sub("", text), re.I)
    if kind == "bottom_out" and (len(words) < MIN_BOTTOM_OUT_WORDS or not concrete):
        # A bottom-out hint must say how to redo the step ("work out 125 + 27"), not just
        # "step 2 needs another look" or "step 2 has the first mistake, redo it".
        out.append("bottom-out hint too thin to redo the step")
    return out


# "divide 48 by 2, not multiply it": the contrasted operation is the one the hint says the
# student did (participles, "multiplied, not added", state a rule and do not count)
_CONTRASTED_OP = (r"\b(?:not|instead\s+of|rather\s+than)\s+(add(?:ing)?|subtract(?:ing)?|"
                  r"multipl(?:y|ying)|divid(?:e|ing)|tak(?:e|ing)\s+away)\b")
_DID = re.compile(r"(?i)\byou\s+(?:\w+\s+)?(add(?:ed)?|subtract(?:ed)?|multipl(?:y|ied)|divid(?:e|ed)|"
                  r"took\s+away|take\s+away|times|plus|minus)\b|" + _CONTRASTED_OP)
_OTHER_OPERATION = re.compile("(?i)" + _CONTRASTED_OP)
_OP_SIGNS = {"add": r"\+|\bplus\b|\badd|\bsum\b|\btotal", "subtract": r"(?<!\w)[-−–](?=\s*\$?\d)|\bminus\b|\bsubtract|\bless\b|\bleft\b",
             # "x" only between numbers: "six" or "next" is no multiplication
             "multiply": r"\d\s*[xX]\s*\$?\d|[×*·]|\btimes\b|\bmultipl|\bproduct|\beach\b|\bper\b",
             "divide": r"[/÷]|\\div\b|\\frac|\bdivid|\bsplit|\bshare|\bper\b|\beach\b|\bhalf\b"}


_OP_WORD = r"(?:add(?:ed)?|subtract(?:ed)?|taken?\s+away|multipl(?:y|ied)|divided?|shared?)"
# "whether to add, subtract, multiply or divide", "which operation": a choice the student got right
_CHOOSE_OPERATION = re.compile(rf"(?i)\bwhether\s+to\s+{_OP_WORD}|\bwhich\s+operation|"
                               rf"\b{_OP_WORD}\s*,?\s+or\s+{_OP_WORD}\b")
# "What does 5.15 stand for?": asks what a number means, while only its arithmetic is off
_MEANING = re.compile(r"(?i)\bwhat\s+does\s+\S+\s+(?:stand\s+for|mean)\b")


def slip_misdirections(text: str, verdict: Verdict) -> list[str]:
    """Why a hint about a calculation slip sends the student elsewhere (empty = fine): it asks
    for another operation ("subtract, not add"), asks them to choose the operation, or asks
    what a number means. The operation was right (a user trial): only redoing it helps."""
    if verdict.error_category != "Calculation error":
        return []
    out = []
    if _OTHER_OPERATION.search(text):
        out.append("asks for another operation in a calculation slip")
    if _CHOOSE_OPERATION.search(text):
        out.append("asks to choose the operation in a calculation slip")
    if _MEANING.search(text):
        out.append("asks what a number means in a calculation slip")
    return out


def _misdescribed(text: str, steps: list[Step]) -> list[str]:
    """Operations the hint says the student did ("why did you add …") that none of the named
    (or, if none is named, any) steps shows."""
    named = [s for s in steps if s.number in step_mentions(text)] or steps
    shown = " ".join(s.text for s in named)
    out = []
    for m in _DID.finditer(text):
        w = (m.group(1) or m.group(2)).lower()
        op = ("add" if w.startswith(("add", "plus")) else "subtract" if w.startswith(("subtract", "took", "tak", "minus"))
              else "multiply" if w.startswith(("multipl", "times")) else "divide")
        if not re.search(_OP_SIGNS[op], shown, re.I):
            out.append(op)
    return out


def asserts_wrong_value(text: str, verdict: Verdict) -> bool:
    """Whether the hint states the student's wrong value as a fact ("Ignatius has 12 bikes",
    "the height is 1200") — pointing at it is fine, confirming it misleads."""
    found = value_of(verdict.found_value or "")
    if verdict.label != "incorrect" or found is None:
        return False
    for m in re.finditer(r"(?i)\b(?:is|are|has|have|was|were|equals?|makes?|will be)\s+(?:about\s+)?"
                         r"(\$?\d[\d,]*(?:\.\d+)?)", text):
        if value_of(m.group(1)) != found:
            continue
        before = text[:m.start()]
        # "does not equal 14", "is not 14": a denial; "Is 3 the same as …?": a question
        if re.search(r"(?i)\b(?:not|n't|never)\s*$", before):
            continue
        sentence_start = re.search(r"(?:^|[.!?:]\s+)$", before) is not None
        rest = re.split(r"(?<=[.!?])\s", text[m.end():], maxsplit=1)[0]
        if sentence_start and rest.rstrip().endswith("?"):
            continue
        return True
    return False


_PRESCRIBE = re.compile(
    r"(?i)\b(?:(?:should|must|needs?\s+to|ought\s+to)\s+(?:be|equal|get|give|make)|change\s+(?:it|this|that)\s+to|"
    r"(?:the\s+)?(?:right|correct)\s+(?:value|number|result)\s+is)\s+(?:about\s+)?(\$?\d(?:[\d,]*\d)?(?:\.\d+)?(?:/\d+)?)")


def prescribed_values(text: str, verdict: Verdict) -> list[str]:
    """Values the hint says a step should have ("it should be 6", "change it to 2") that are
    not the corrected value the verifier found: a wrong correction misleads more than none.
    (The corrected value itself is allowed only at level 3; :func:`find_leaks` sees to that.)"""
    expected = value_of(verdict.expected_value or "")
    return [m.group(1) for m in _PRESCRIBE.finditer(text)
            if expected is None or value_of(m.group(1)) != expected]


_QUOTES_PROBLEM = re.compile(
    r"(?i)\b(?:problem|question|story)\s+(?:gives|says|states|tells\s+(?:you|us)|has|uses|mentions)\s+"
    r"(?:that\s+)?(?:about\s+|only\s+)?(\$?\d(?:[\d,]*\d)?(?:\.\d+)?(?:/\d+)?)")


def misquoted_problem(text: str, problem: Problem) -> list[str]:
    """Numbers a hint says the problem gives ("the problem gives 2, not 3") that the problem
    does not state (empty = none). A value the reference solution derives (2 tires per bike)
    is not one the student can find by re-reading, so pointing them at the text misleads."""
    stated = {n.value for n in numbers_in(problem.text)}
    return [m.group(1) for m in _QUOTES_PROBLEM.finditer(text) if value_of(m.group(1)) not in stated]


_MISREAD = re.compile(
    r"(?i)\b(?:problem|question|story)\s+(?:gives|says|states|has|uses|tells\s+(?:you|us))\s+(?:that\s+)?"
    r"(\$?\d(?:[\d,]*\d)?(?:\.\d+)?(?:/\d+)?)\s*,?\s*(?:and\s+)?not\s+(\$?\d(?:[\d,]*\d)?(?:\.\d+)?(?:/\d+)?)")


def false_misreadings(text: str, problem: Problem, verdict: Verdict) -> list[str]:
    """Values a hint says the student misread ("the problem gives 12, not 17") that cannot be
    a misreading (empty = none): the problem states that value too, or it is the step's own
    result, not a number taken from the problem."""
    stated = {n.value for n in numbers_in(problem.text)}
    found = value_of(verdict.found_value or "")
    return [m.group(2) for m in _MISREAD.finditer(text)
            if value_of(m.group(2)) in stated or (found is not None and value_of(m.group(2)) == found)]


_GO_ON = re.compile(r"(?i)\b(?:" + _UNFINISHED + r"|one\s+more\s+step|(?:go|carry)\s+on)\b")


#: Numbers every student may be reminded of: 60 minutes in an hour, 100 cents in a dollar and
#: "out of every 100" of percents, 1000 grams in a kilogram. Facts, not results (small ones
#: such as 12 or 24 are left out: they are too often a step's own value).
_FACTS = "60 100 1000 3600"


def _decimal_parts(known: list[Number]) -> set[Fraction]:
    """The whole part and the digits after the point of each decimal written (3.75: 3 and 75;
    1.5 next to 3.75 also 50): a slip method names them ("add the cents first: 75 + 50")."""
    places = max((n.decimals for n in known), default=0)
    out = set()
    for n in known:
        if n.decimals and n.value.denominator > 1:
            whole = n.value.numerator // n.value.denominator
            out.add(Fraction(whole))
            for d in {n.decimals, places}:
                out.add((n.value - whole) * 10 ** d)
    return out


def invented_numbers(text: str, problem: Problem, steps: list[Step], verdict: Verdict, level: int) -> list[str]:
    """Numbers in a hint that come from nowhere (empty = none): every number must be written
    in the problem or the student's steps, or be one the verifier reported (its quantities and
    the student's value; at level 3 also the corrected value and numbers of the reference
    solution), or a unit fact (:data:`_FACTS`). A hint must not invent values, which would
    mislead or hint at results."""
    # (superscript powers written out, "2³" -> "2^3": the power is a number the student and the
    # problem wrote, which a hint may name: "the part of 5 × 2^3")
    known = numbers_in(superscripts(problem.text)) + [n for s in steps for n in numbers_in(superscripts(s.text))]
    extra = list(verdict.quantities) + [verdict.found_value or ""] + [_FACTS]
    if level >= 3:
        extra += [verdict.expected_value or ""] + list(problem.reference_solution or [])
    known += [n for e in extra for n in numbers_in(str(e))]
    values = {n.value for n in known} | _decimal_parts(known)
    return sorted({n.text.strip() for n in numbers_in(text) if n.value not in values and n.value > 1})


# --------------------------------------------------------------------------- all together
def check_hint(text: str, level: int, kind: str, problem: Problem, steps: list[Step],
               verdict: Verdict) -> list[str]:
    """Run every guard on a hint; return the problems found (empty list = safe to show).

    Args:
        text: the hint as the student would read it.
        level: hint level (1–3).
        kind: one of :data:`tutor.schema.HINT_KINDS`.
        problem, steps, verdict: what the hint is about.
    """
    out = [f"states {v!r}" for v in find_leaks(text, forbidden_values(problem, verdict, level, steps))]
    out += [f"calls correct step {n} wrong" if n else "error wording for a solution without a found error"
            for n in find_false_accusations(text, verdict)]
    out += readability_problems(text)
    out += form_problems(text, kind, problem, steps)
    out += [f"invents the number {n!r}" for n in invented_numbers(text, problem, steps, verdict, level)]
    if asserts_wrong_value(text, verdict):
        out.append("states the student's wrong value as a fact")
    out += [f"prescribes {v!r}, not the corrected value" for v in prescribed_values(text, verdict)]
    out += [f"says the problem gives {v!r}, which it does not" for v in misquoted_problem(text, problem)]
    out += [f"says {v!r} was misread from the problem, which it cannot be" for v in false_misreadings(text, problem, verdict)]
    if verdict.error_category == "Went past the answer" and _GO_ON.search(text):
        out.append("tells the student to go on past the answer")
    out += slip_misdirections(text, verdict)
    out += grounding_problems(text, level, kind, steps, verdict)
    return out
