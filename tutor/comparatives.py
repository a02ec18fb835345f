"""Comparisons a problem states in words, and steps that misread them.

"Ben has 3 times as many stickers as Ana" and "Ben has 5 more stickers than Ana" fix how one
amount follows from another. Two misreadings of such statements are among the best documented
in word-problem solving:

* ``"times as added"``: a multiplicative comparison worked by adding or taking away its number
  ("3 times as many as 12" as 12 + 3): the additive reading of a multiplicative relation
  (K. Hart, *Ratio: Children's Strategies and Errors*, 1984); and its mirror ``"more as
  times"`` ("5 more than 12" as 12 × 5);
* ``"comparison reversed"``: the operation the comparison's words suggest applied with the
  amounts' roles swapped: "Ana has 12, which is 5 more than Ben" worked as 12 + 5, or "3 times
  as many as 12" as 12 ÷ 3 (A. B. Lewis and R. E. Mayer, "Students' miscomprehension of
  relational statements in arithmetic word problems", *Journal of Educational Psychology*
  79(4), 1987: the inconsistent-language error; J. Clement, J. Lochhead and G. Monk,
  "Translation difficulties in learning mathematics", *American Mathematical Monthly* 88(4),
  1981: the reversal error).

A comparison is read only where the problem names both sides, states the amount of exactly
one of them once, writes the comparison's number nowhere else, and nothing changes the amounts
in between ("gives", "later", "in 5 years"); a step is judged only where its own computation
takes the known amount and the comparison's number and lands on a misreading's value. Pure
functions; no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from tutor.dimensions import operands, question_of, singular
from tutor.mathcheck import numbers_in
from tutor.numwords import words_to_digits
from tutor.relations import Relation, answer_computation, computations, num, written

_NUM = r"\d+(?:\.\d+)?"
# words that start a sentence or point back, never a side of a comparison
_NOT_A_NAME = frozenset("""a an the if how what when where which who each every all some there this that these
those he she it they we you i his her their its our my your in on at after before then so and but for of to
as is was are were one two three four five six seven eight nine ten mr mrs ms dr miss monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december twice half double triple thrice times""".split())
_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"
# the other side: a name ("Ana", "her sister Vivienne") or a person named by kin ("his brother")
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_SIDE = (rf"(?:(?:did|does|do)\s+)?(?:(?:his|her|their|my)\s+(?:[a-z]+\s+)?(?P<base>{_NAME})|(?P<poss>his|her|their|my)\s+"
         rf"(?P<kin>[a-z]+)|on\s+(?P<day>{_DAY})\b|(?:the\s+)?(?P<name>{_NAME})|the\s+(?P<group>[a-z]+)\b"
         rf"(?!\s+(?:of|[a-z]+\s+of)\b))")
_TIMES_WORD = {"twice": Fraction(2), "double": Fraction(2), "triple": Fraction(3), "thrice": Fraction(3),
               "half": Fraction(1, 2)}
_BIGGER = r"more|larger|bigger|greater|longer|taller|heavier|higher|older|faster"
# "3 times as many (stickers) as", "3 times more (stickers) than", "twice the number of … that"
_TIMES = re.compile(
    rf"(?:(?<![\d/.])(?P<k>\d+/\d+|{_NUM}|\(\d+/\d+\))\s+times|(?P<kw>twice|double|triple|thrice|half)|(?P<frac>\(\d+/\d+\)))\s+"
    rf"(?:as\s+(?:many|much|long|old|tall|far|big|heavy|fast|high|wide|large|expensive)\s+(?:[a-z]+\s+){{0,3}}?as"
    rf"|(?:{_BIGGER})\s+(?:[a-z]+\s+){{0,3}}?than"
    rf"|the\s+(?:number|amount|price|cost|age|weight|length|size)\s+of(?:\s+[a-z]+){{0,2}}?\s+(?:that|which)?"
    rf"|what)\s+" + _SIDE)
# "5 more (stickers) than", "4 years older than" (never "3 times more than": a times comparison)
_MORE = re.compile(
    rf"(?<![\d/.])(?P<k>{_NUM})\s+(?:(?!times\b)[a-z]+\s+){{0,2}}?(?P<dir>more|fewer|less|older|younger|taller|shorter|longer|"
    rf"heavier|lighter|farther|further|higher|lower|bigger|smaller|cheaper|larger|extra)\s+"
    rf"(?:[a-z]+\s+){{0,3}}?than\s+" + _SIDE)
# a comparison of two kinds of thing: "half as many science books as fiction books", "35 more
# history books than science books"; each side's amount only as "240 fiction books"
_THING = r"(?P<thing>[a-z]+(?:\s+[a-z]+)?)"
_THINGS = (re.compile(rf"(?:(?<![\d/.])(?P<k>\d+/\d+|{_NUM}|\(\d+/\d+\))\s+times|(?P<kw>twice|double|triple|thrice|half)|"
                      rf"(?P<frac>\(\d+/\d+\)))\s+as\s+many\s+(?P<what>[a-z]+(?:\s+[a-z]+)?)\s+as\s+(?:the\s+)?{_THING}\b"),
           re.compile(rf"(?<![\d/.])(?P<k>{_NUM})\s+(?P<dir>more|fewer)\s+(?P<what>[a-z]+(?:\s+[a-z]+)?)\s+than\s+"
                      rf"(?:the\s+)?{_THING}\b"))
# words after "the" that name no group of their own ("the first", "the rest")
_NOT_A_GROUP = frozenset("""first second third fourth fifth last next other others rest same previous whole total
number amount price cost size""".split())
# words ending in "s" that are no kind of thing ("as many cows as does Matthews")
_VERBS_S = frozenset("does is was has its this thus less yes always perhaps times".split())
_WHEN = frozenset("""yesterday today tomorrow before usual usually last this next week month year morning afternoon
evening night day time ever""".split())
# a comparison inside another ("6 more than 4 times the number …"): not one this module reads
_INSIDE = re.compile(r"(?:more|less|fewer|[a-z]+er)\s+than\s*$")
# verbs that give a side its amount ("Ana has 12", "the box weighs 8 pounds")
_HAS = re.compile(r"(?:has|have|had|is|was|are|were|weighs?|weighed|costs?|scored|holds?|held|contains?|got|gets|"
                  r"earned|earns|made|makes|read|reads|sold|sells|ran|runs|collected|collects|picked|picks|caught|"
                  r"saved|saves|baked|bakes|bought|buys|owns|drew|wrote|walked|swam|won|grew|found|counted|"
                  r"measures?|measured)$")
_FEWER = frozenset("fewer less younger shorter lighter lower smaller cheaper".split())
# amounts that change, or a comparison at another time: the sides' amounts may differ there
_CHANGE = re.compile(r"(?i)\b(?:now|then|after|later|left|remain\w*|gave|gives?|giving|lost|loses?|spent|spends?|"
                     r"ate|eats?|took|takes?|still|ago|will|would|next|years?\s+from|in\s+\d+\s+years?|"
                     r"more\s+than\s+before|anymore|instead|another)\b")
_SENTENCE = re.compile(r"[^.?!]+[.?!]?")


@dataclass(frozen=True)
class Comparison:
    """A comparison the problem states, with the one side whose amount it gives.

    Attributes:
        subject: the side compared ("Ben" in "Ben has 3 times as many as Ana").
        base: the side it is compared with ("Ana").
        kind: ``"times"`` (subject = amount × base), ``"more"`` (subject = base + amount) or
            ``"fewer"`` (subject = base − amount).
        amount: the comparison's number (3, 5, 1/2 for "half as many").
        said: the comparison as the problem words it ("3 times as many stickers as Ana").
        known: which side's amount the problem gives: ``"base"`` or ``"subject"``; or
            ``"total"`` where it gives the two sides' sum only ("together they read 48"); or
            ``"chain"`` where it gives neither (the base is another comparison's: "3 times as many
            blue marbles as red marbles, and 9 fewer green marbles than blue marbles").
        value: that amount (0 for a chain).
    """

    subject: str
    base: str
    kind: str
    amount: Fraction
    said: str
    known: str
    value: Fraction

    def expected(self) -> Fraction:
        """The other side's amount (the base's, from a total)."""
        k, v = self.amount, self.value
        if self.known == "total":  # the base is one part of k + 1 equal parts
            return v / (k + 1) if self.kind == "times" else (v - k if self.kind == "more" else v + k) / 2
        forward = self.known == "base"
        if self.kind == "times":
            return v * k if forward else v / k
        sign = 1 if (self.kind == "more") == forward else -1
        return v + sign * k

    def slips(self) -> dict[str, Fraction]:
        """Each misreading's value of the other side, by name (see the module docstring)."""
        k, v = self.amount, self.value
        if self.known == "total":
            # "3 times as many", together 48: 48 ÷ 3, as if the total were 3 parts
            return {"parts miscounted": v / k} if self.kind == "times" and k.denominator == 1 and k > 1 else {}
        forward = self.known == "base"
        if self.kind == "times":
            out = {"comparison reversed": v / k if forward else v * k}
            if k.denominator == 1 and k > 1:
                out.update({"times as added": v + k, "times as taken away": v - k})
            return {n: x for n, x in out.items() if x >= 0}
        out = {"comparison reversed": 2 * v - self.expected()}
        if k.denominator == 1 and k > 1:
            out["more as times"] = v * k
        return {n: x for n, x in out.items() if x >= 0}


def _key(side: str) -> str | None:
    """A side's name as the problem writes it, or ``None`` where it is a pointer ("them")."""
    words = side.split()
    if len(words) > 1 and words[0] in ("The", "the"):  # "the Jets", "The school band"
        words = words[1:]
        side = " ".join(words)
    if not words or words[0].lower() in _NOT_A_NAME or words[-1].lower() in _NOT_A_NAME:
        return None
    if words[0][0].isupper():
        return " ".join(w for w in words if w[0].isupper())
    return side.strip() if words[-1] not in ("many", "much", "them", "one", "ones") else None


def _day_subject(text: str, start: int) -> str | None:
    """The day a comparison with another day is about: the last day its sentence names before it."""
    days = re.findall(_DAY, text[text.rfind(".", 0, start) + 1:start])
    return days[-1] if days else None


#: A sentence that gives a combination of the sides, not one side's amount.
_COMBINED = re.compile(r"(?i)\b(?:sum|total|difference|product)\s+of\b")


def _stated(text: str, side: str, skip: tuple[int, int]) -> list[tuple[Fraction, int]]:
    """``(amount, position)`` of each amount the problem gives ``side`` outside the comparison
    at ``skip``: "Ana has 12", "Ana's 8 votes", "12 blue marbles"; never a side named with
    another ("Ana and Ben have 20") or inside a longer name ("Jerk Tuna" for "Tuna")."""
    name = re.escape(side)
    found = []
    if re.fullmatch(_DAY, side):
        # "washed 12 dogs on Friday", "On Monday, it sold 240 loaves"
        for m in re.finditer(rf"(?<![\d.])\$?(?P<v>{_NUM})\s+(?:[a-z]+\s+){{0,3}}?on\s+{name}\b|"
                             rf"\b[Oo]n\s+{name},?\s+(?:[A-Za-z]+\s+){{1,4}}?\$?(?P<w>{_NUM})(?!\s*(?:more|fewer|less|times|%))", text):
            at = m.start("v") if m.group("v") else m.start("w")
            if not skip[0] <= at < skip[1]:
                found.append((Fraction(m.group("v") or m.group("w")), at))
        return found
    for m in re.finditer(rf"\b{name}(?:'s)?\s+(?P<verb>[a-z]+\s+)?(?:[a-z]+\s+)?\$?(?P<v>{_NUM})"
                         rf"(?!\s*(?:times|%|percent|/|\.\d|more|fewer|less))", text):
        before = text[:m.start()]
        prior = re.search(r"([A-Z][a-z]+)\s+(?:and\s+)?$", before)
        if (prior and prior.group(1).lower() not in _NOT_A_NAME) or text[m.end(0) - len(m.group("v")) - 5:].startswith(" and"):
            continue
        # "the sum of the ages of a father and his son is 50": both sides' amount, not the son's
        sentence = before[before.rfind(".") + 1:]
        if _COMBINED.search(sentence) or (re.search(r"\b[a-z]+\s+and\s+(?:his|her|their|my|the|a|an)\s+$", sentence)
                                          and not re.search(r"\d", sentence)):
            continue
        if not ((m.group("verb") and _HAS.match(m.group("verb").strip())) or "'s" in m.group(0)[:len(side) + 2]):
            continue
        if not skip[0] <= m.start("v") < skip[1]:
            found.append((Fraction(m.group("v")), m.start("v")))
    if not side[0].isupper():
        for m in re.finditer(rf"(?<![\d.])\$?(?P<v>{_NUM})\s+(?:[a-z]+\s+){{0,2}}{name}\b", text):
            if not skip[0] <= m.start("v") < skip[1]:
                found.append((Fraction(m.group("v")), m.start("v")))
    return found


def _subject(text: str, start: int) -> tuple[str | None, Fraction | None]:
    """The side the comparison at ``start`` is about: the person who does its clause's verb
    ("Annie has 3 times more toys than Mike, and 2 less than Tom": Annie both times), and that
    side's amount where the same clause gives one ("Ana has 12 stickers, which is 3 times as
    many as Ben")."""
    head = text[text.rfind(".", 0, start) + 1:start]
    names = [m for m in re.finditer(rf"(?i:\b(?:his|her|their|the|my)\s+)(?P<noun>[a-z]+(?:\s+(?!{_HAS.pattern[:-1]}\b)[a-z]+)?)\b|\b{_NAME}\b", head)
             if (m.group("noun") or m.group()).lower() not in _NOT_A_NAME
             and not re.search(r"\b(?:than|as|of|to|with|from|for)\s+$", head[:m.start()])
             and not re.match(r"\s*(?:[,.]|and\b|$)", head[m.end():])]
    if not names:
        return None, None
    name = names[-1]
    if name.group("noun"):
        return name.group("noun"), None  # "the school band" (the verb after it is not part of it)
    clause = head[name.end():]
    amounts = re.findall(rf"(?<![\d.])\$?({_NUM})(?![\d/])", clause)
    which = re.search(r",\s*(?:which|that|this)\s+is\s*$|,\s*(?:or\s+)?$", clause)
    return _key(name.group()), (Fraction(amounts[0]) if len(amounts) == 1 and which else None)


def _of_kind(text: str, stated: list[tuple[Fraction, int]], noun: str | None) -> list[tuple[Fraction, int]]:
    """The amounts of ``stated`` that may count ``noun`` (all where there is none): those whose
    noun, the last word before a joining word or a stop ("12 red marbles in a bag": marbles),
    is it, and those that name nothing ("Ana scored 12.")."""
    if not noun:
        return stated
    out = []
    for value, at in stated:
        after = re.match(r"\$?\d[\d,]*(?:\.\d+)?\s+((?:[\w-]+\s*){1,3})", text[at:])
        words = []
        for w in (after.group(1).split() if after else []):
            if w.lower() in _JOINING:
                break
            words.append(w.lower())
        if not words or singular(words[-1]) == singular(noun):
            out.append((value, at))
    return out


_JOINING = {"in", "of", "on", "at", "for", "and", "each", "more", "fewer", "less", "than", "to", "from", "with", "a",
            "an", "the", "per", "every", "as"}


def _named_pronouns(text: str) -> str:
    """``text`` with a sentence's opening "He"/"She" replaced by the name that opens the sentence
    before ("Jun has 45 stamps. He has 13 fewer stamps than Mei." -> "... Jun has 13 fewer ..."):
    the comparison's side is that person."""
    def name(m: re.Match) -> str:
        before = re.search(rf"(?:^|[.!?]\s+)(?P<who>{_NAME})\s+[a-z]+[^.!?]*[.!?]\s+$", text[:m.start()])
        who = before.group("who") if before else None
        if who is None or who.split()[0].lower() in _NOT_A_NAME or who.split()[0] in ("He", "She"):
            return m.group()
        return who
    return re.sub(r"(?<=[.!?] )(?:He|She)(?= [a-z])", name, text)


def comparisons(problem_text: str) -> list[Comparison]:
    """Every comparison the problem states with exactly one side's amount given once (see the
    module docstring), in order."""
    text = _named_pronouns(words_to_digits(problem_text).replace("\u2019", "'"))
    values = [Fraction(str(v)) for v in numbers_in(text)]
    out = []
    for pattern in (_TIMES, _MORE):
        for m in pattern.finditer(text):
            sentence = next(s for s in _SENTENCE.finditer(text) if s.start() <= m.start() < s.end())
            day = m.group("day")
            base = day or _key(m.group("base") or m.group("name") or m.group("kin") or m.group("group"))
            if base is None or _INSIDE.search(text[max(0, m.start() - 30):m.start()]):
                continue
            # "On Saturday she washed 5 more dogs than on Friday": the days are the sides
            subject, own = (_day_subject(text, m.start()), None) if day else _subject(text, m.start())
            if subject is None or subject == base or _CHANGE.search(sentence.group()):
                continue
            if m.group("group") and (subject[0].isupper() or base in _NOT_A_GROUP or base in subject.split()):
                continue  # "the choir" is compared with "the school band", not with a person or "the first"
            read = _read(m, values)
            if read is None:
                continue
            # (an amount of another kind is no side of "as many points as": "Jay made 6 two-point shots")
            noun = re.search(r"\bas\s+(?:many|much)\s+([a-z]+)\s+as\b", m.group(0))
            base_values = _of_kind(text, _stated(text, base, (m.start(), m.end())), noun and noun.group(1))
            subject_values = [(own, m.start())] if own is not None else _of_kind(
                text, _stated(text, subject, (m.start(), m.end())), noun and noun.group(1))
            known = [(side, vs) for side, vs in (("base", base_values), ("subject", subject_values)) if vs]
            total = _total(text, m.end()) if not known else None
            if total is not None and values.count(total) == 1:
                out.append(Comparison(subject, base, *read, m.group(0).strip(), "total", total))
                continue
            found = _compared(m, subject, base, read, known, values, text)
            if found is not None:
                out.append(found)
    return out + _things(text, values)


# "Together they read 48 books", "They have 40 in all", "a total of 60"
_TOTAL = re.compile(r"(?i)\b(?:together|combined|in\s+all|altogether|in\s+total|a\s+total\s+of|total\s+of)\b")


def _total(text: str, after: int) -> Fraction | None:
    """The two sides' sum the problem gives after a comparison, in its sentence or the next one
    (not the question), where no one else is added in ("together they read 48 books");
    ``None`` otherwise."""
    window = " ".join(p for p in re.split(r"(?<=[.?!])\s+", text[after:], maxsplit=2)[:2] if not p.rstrip().endswith("?"))
    amounts = re.findall(rf"(?<![\d./])\$?({_NUM})(?![\d/])", window)
    # the sum said as a fact ("Together they read 48 books"), not a condition or a request
    said = re.search(rf"(?i)\b(?:together|combined)\b[^.?!\d]{{0,40}}?\$?{_NUM}|{_NUM}\s+(?:[a-z]+\s+){{0,2}}"
                     r"(?:in\s+all|altogether|in\s+total|together|combined)\b|\ba\s+total\s+of\s+\$?\d", window)
    if said is None or len(amounts) != 1 or re.search(
            r"(?i)\b(?:three|all\s+three|others?|if|calculate|find|how|what)\b", window):
        return None
    return Fraction(amounts[0])


def _read(m: re.Match, values: list[Fraction]) -> tuple[str, Fraction] | None:
    """``(kind, amount)`` of a comparison match (:data:`_TIMES`, :data:`_MORE`, :data:`_THINGS`),
    or ``None`` where its number is also another amount of the problem."""
    if "dir" in m.re.groupindex:
        kind, amount = ("fewer" if m.group("dir") in _FEWER else "more"), Fraction(m.group("k"))
    else:
        raw = m.group("k") or m.group("frac")
        kind = "times"
        amount = _TIMES_WORD[m.group("kw")] if m.group("kw") else Fraction(raw.strip("()"))
    if amount <= 0 or (amount.denominator == 1 and values.count(amount) > (0 if m.group(0)[0].isalpha() else 1)):
        return None
    return kind, amount


def _compared(m: re.Match, subject: str, base: str, read: tuple[str, Fraction], known: list, values: list[Fraction],
              text: str) -> Comparison | None:
    """The comparison at ``m`` with the side the problem gives (``known``: ``(side, [(amount,
    position)])`` for each side it gives), a chain link where it gives neither, or ``None``
    where it gives both, one twice, an amount also written elsewhere, or the amounts change
    between."""
    said = m.group(0).strip()
    if not known:  # the base may be worked out from another comparison (comparison_slip)
        return Comparison(subject, base, *read, said, "chain", Fraction(0))
    if len(known) != 1 or len(known[0][1]) != 1:
        return None
    side, ((value, at),) = known[0]
    if values.count(value) != 1 or _CHANGE.search(text[min(at, m.start()):max(at, m.end())]):
        return None
    return Comparison(subject, base, *read, said, side, value)


def _things(text: str, values: list[Fraction]) -> list[Comparison]:
    """Comparisons of two kinds of thing (:data:`_THINGS`) with exactly one side's amount
    written once as "<amount> <its name>"."""
    out = []
    for pattern in _THINGS:
        for m in pattern.finditer(text):
            subject, base = m.group("what"), m.group("thing")
            words = set(subject.split()) | set(base.split())
            # two kinds of one thing ("science books", "fiction books"), not a thing and its
            # owner or place ("marbles" and "jar", "students" and "school")
            # ... or two kinds named by one plural word each ("6 fewer girls than boys")
            one_word = (len(subject.split()) == len(base.split()) == 1 and subject.endswith("s") and base.endswith("s")
                        and not {subject, base} & _VERBS_S)
            if subject == base or not one_word and (subject.split()[-1] != base.split()[-1] or len(subject.split()) != 2) \
                    or words & (_WHEN | _NOT_A_NAME | {"ones"}) or _CHANGE.search(
                    next(s for s in _SENTENCE.finditer(text) if s.start() <= m.start() < s.end()).group()):
                continue
            read = _read(m, values)
            if read is None:
                continue
            known = [(side, [(Fraction(v.group(1)), v.start()) for v in re.finditer(
                rf"(?<![\d./])\$?({_NUM})\s+{re.escape(name)}\b", text) if not m.start() <= v.start() < m.end()])
                for side, name in (("base", base), ("subject", subject))]
            found = _compared(m, subject, base, read, [(side, vs) for side, vs in known if vs], values, text)
            if found is not None:
                out.append(found)
    return out


def comparison_slip(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first step whose computation takes a comparison's known amount and its number
    (:func:`comparisons`) and lands on a misreading's value, not the comparison's; ``None``
    otherwise. A chained comparison's base is the value the work found for it (a result of the
    comparison whose subject it is). ``facts``: ``subject``, ``base``, ``said``, ``known``,
    ``value``, ``amount``, ``kind``."""
    found = comparisons(problem_text)
    links = {c: next((d for d in found if d.subject == c.base and d is not c), None) for c in found if c.known == "chain"}
    found = [c for c in found if c.known != "chain" or links.get(c) is not None]
    if not found:
        return None
    # what the work found for each chained comparison's base
    bases: dict[Comparison, set[Fraction]] = {c: set() for c in links}
    done: set[Comparison] = set()
    for step, lhs, value in computations(step_texts):
        read = operands(lhs)
        result = Fraction(value).limit_denominator(1000)
        if read is None:
            continue
        _, a, b = read
        for original in found:
            if original in done:
                continue
            # (a whole-number comparison is worked with its own number; 0.5 there is another half)
            numbers = _numbers(original)
            c: Comparison | None = original
            if original.known == "chain":
                base = next((x for x, y in ((a, b), (b, a)) if x in bases[original] and y in numbers), None)
                c = replace(original, known="base", value=base) if base is not None else None
            elif not ((a == c.value and b in numbers) or (b == c.value and a in numbers)):
                c = None
            if c is None:
                continue
            if result in (c.expected(), c.value - c.expected()):
                done.add(original)  # worked right: later uses of its numbers are other work
                continue
            name = next((n for n, x in c.slips().items() if x == result), None)
            if name is None:
                continue
            facts = {"subject": c.subject, "base": c.base, "said": c.said, "known": c.known,
                     "value": num(c.value), "amount": num(c.amount), "kind": c.kind}
            return Relation(step, name, lhs.strip(), facts)
        for c, link in links.items():
            if link is not None and (a in _numbers(link) or b in _numbers(link)):
                bases[c].add(result)
    return None


def _numbers(c: Comparison) -> set[Fraction]:
    return {c.amount} if c.amount.denominator == 1 else {c.amount, 1 / c.amount}


# "how many minutes longer does Ben's trip take than his sister's?": a difference is asked
_HOW_MUCH_MORE = re.compile(r"(?i)\bhow\s+(?:many|much)\s+(?:[\w']+\s+){0,3}?(?P<word>more|fewer|less|longer|shorter|farther|"
                            r"further|taller|older|younger|heavier|lighter|bigger|greater|higher|lower|faster|slower|"
                            r"cheaper)\b(?:\s+[\w'.]+){0,12}?\s+than\b")
# "How much more money does she need to buy the keyboard?": what is still missing, a difference
_NEEDS_MORE = re.compile(r"(?i)\bhow\s+(?:much|many)\s+(?P<word>more)\s+(?:[\w']+\s+){0,2}?(?:do|does|did|will|would|must)\s+"
                         r"[\w'.]+(?:\s+[A-Z][a-z]+)?\s+(?:still\s+)?need\b")
_TOGETHER = re.compile(r"(?i)\b(?:altogether|combined|in\s+all|total|both|together)\b")


_SPAN = re.compile(r"(?i)\bfrom\b.+?\b(?:up\s+)?to\b.+?\b(?:is|are|makes|=)\s+([^,.;]*)")


def difference_summed(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The step whose sum gives the answer to a "how many more … than" question: two amounts
    put together where the question asks how far apart they are; ``None`` otherwise, and where
    the question asks about amounts together ("… than both combined") or a term of the sum is
    a difference the work found ("30 more ducks" plus "40 more geese"). ``facts``: ``word``
    ("longer")."""
    question = question_of(problem_text)
    asked = _HOW_MUCH_MORE.search(question) or _NEEDS_MORE.search(question)
    if asked is None or _TOGETHER.search(question):
        return None
    # (what the closing step works out, "30/15 = 2 boxes for the 30 chocolates", else what it says)
    comps = list(computations(step_texts))
    last = answer_computation(step_texts)
    if last is None:
        return None
    i, lhs, value = last
    flat = lhs.replace(" ", "")
    if not re.fullmatch(r"[\d.]+(?:\+[\d.]+)+", flat):
        return None
    # (a term that is a difference the work found; or the sum is a difference rewritten:
    # "2,350 − (−86) = 2,350 + 86")
    gaps = [v for k, other, v in comps if k <= i and other != lhs and "-" in other]
    # (or one the work says as the way between two amounts: "from 4 ft 9 in up to 5 ft is 3
    # inches", counting up from one to the other)
    gaps += [v for t in step_texts[:i + 1] if (span := _SPAN.search(t)) for v in numbers_in(span.group(1))]
    if any(abs(float(t) - g) < 1e-6 for t in [*flat.split("+"), value] for g in gaps):
        return None
    return Relation(i, "difference asked, sum given", written(lhs), {"word": asked.group("word").lower()})
