"""How to redo a calculation slip: the operation was right, only its result was not.

A concrete method for the student's own computation ("add the cents first: 75 + 50"), worded
so that it never states the result: it may be shown even when that result is the problem's
answer, where "you should get 5.25" may not. Pure functions over text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

_OPERAND = re.compile(r"(-?)\$?(\d[\d,]*)(?:\.(\d+))?")
_SIGNS = {"+": "add", "-": "subtract", "x": "multiply", "×": "multiply", "*": "multiply",
          "/": "divide", "÷": "divide"}


@dataclass(frozen=True)
class _Num:
    text: str  # as the student wrote it ("$3.75")
    whole: int
    digits: str  # after the point, as written ("75"; "" for a whole number)

    @property
    def value(self) -> Fraction:
        return self.whole + (Fraction(int(self.digits), 10 ** len(self.digits)) if self.digits else 0)


def _parse(expr: str) -> tuple[str, list[_Num]] | None:
    """``("add", [3.75, 1.50])`` for ``"$3.75 + $1.50"``; ``None`` for a negative number, mixed
    operations, or more than two numbers outside an addition."""
    parts = re.split(r"\s*([-+x×*/÷])\s*(?=\$?\d)", expr.strip())
    nums, signs = parts[0::2], set(parts[1::2])
    if len(signs) != 1:
        return None
    op = _SIGNS[signs.pop()]
    out = []
    for n in nums:
        m = _OPERAND.fullmatch(n.strip())
        if not m or m.group(1):
            return None
        out.append(_Num(n.strip(), int(m.group(2).replace(",", "")), m.group(3) or ""))
    return (op, out) if op == "add" or len(out) == 2 else None


def _add(nums: list[_Num], money: bool) -> str:
    places = max(len(n.digits) for n in nums)
    if not places:
        if all(n.whole < 10 for n in nums) and len(nums) == 2:
            small, big = sorted(nums, key=lambda n: n.whole)
            return f"Start at {big.text} and count on {small.text} more, one at a time."
        return ("Write the numbers in columns, ones under ones. Add the ones column first, then the tens. "
                "When a column adds up to more than one digit, carry the left digit to the next column.")
    head = f"Line up the decimal points of {' and '.join(n.text for n in nums)}."
    if money and places <= 2:  # cents as whole numbers: 1.5 -> 50
        cents = " + ".join(str(int(n.digits.ljust(2, "0"))) for n in nums)
        dollars = " + ".join(str(n.whole) for n in nums)
        return (f"{head} Add the cents first: {cents}. Then add the dollars: {dollars}. "
                "Every 100 cents make one more dollar.")
    return (f"{head} Add the digits after the point first, column by column from the right. "
            "Then add the whole numbers, and carry when a column adds up to more than one digit.")


def _subtract(a: _Num, b: _Num) -> str:
    places = max(len(a.digits), len(b.digits))
    pad = [f"{n.text} as {n.text.split('.')[0]}.{n.digits.ljust(places, '0')}"
           for n in (a, b) if len(n.digits) < places]
    line = f"Line up the decimal points: write {' and '.join(pad)}. " if pad else (
        "Line up the decimal points. " if places else "Write the numbers in columns, ones under ones. ")
    return (f"{line}Subtract column by column from the right, borrowing when a top digit is too small. "
            f"Check: does your result plus {b.text} make {a.text}?")


def _multiply(a: _Num, b: _Num) -> str:
    dec = [n for n in (a, b) if n.digits.strip("0")]  # "2.0" is a whole number
    if len(dec) == 1 and dec[0].whole >= 1:  # 2.5 x 6 = 2 x 6 plus 0.5 x 6
        d, n = dec[0], b if dec[0] is a else a
        return (f"Split {d.text} into {d.whole} and 0.{d.digits}. Work out {d.whole} x {n.text} "
                f"and 0.{d.digits} x {n.text}. Then add the results.")
    if len(dec) == 1:  # 0.5 x 6: the digits as a whole number, then the point back
        d, n = dec[0], b if dec[0] is a else a
        # (no number word for the places: "two digits" would be a number the guards cannot trace)
        back = (f"one digit after it, as in {d.text}." if len(d.digits) == 1 else
                f"your result needs as many digits after the point as {d.text} has.")
        return f"Work out {int(d.digits)} x {n.text} as if there were no decimal point. Then put the point back: {back}"
    if dec:  # the numbers named once: a hint that repeats itself is refused by the guards
        return (f"Multiply {a.text} and {b.text} as if they had no decimal points. Then count the digits "
                "after the point in both numbers: your result needs that many digits after its point.")
    small, big = sorted((a, b), key=lambda n: n.whole)
    if 2 <= small.whole <= 5 and big.whole <= 12:  # 5 x 3 is 5 + 5 + 5
        return (f"{a.text} x {b.text} is the same as {' + '.join([big.text] * small.whole)}. "
                "Add them one at a time, and keep count.")
    if big.whole <= 12:  # 8 x 7: count up by 8, 7 times
        return (f"Count up by {big.text}, {small.text} times: start at {big.text}, then add {big.text} "
                "more each time. Keep count on your fingers.")
    if small.whole < 10:
        return (f"Multiply {small.text} by each digit of {big.text}, starting with the ones. "
                "Carry as you go, then put the parts together.")
    return (f"Use a written multiplication: multiply {a.text} by each digit of {b.text}, one row at a time. "
            "Then add the rows.")


def _divide(a: _Num, b: _Num) -> str:
    return (f"Use a written division: how many times does {b.text} go into {a.text}? "
            f"Then check: does your result times {b.text} make {a.text}?")


def slip_method(expr: str, money: bool = False) -> str | None:
    """How to work ``expr`` (the student's own computation, e.g. ``"$3.75 + $1.50"``) out
    again, without its result; ``None`` where no method is known (negatives, mixed signs).
    ``money``: the amounts are dollars (cents are then added as whole numbers)."""
    parsed = _parse(expr)
    if parsed is None:
        return None
    op, nums = parsed
    if op == "add":
        return _add(nums, money or "$" in expr)
    a, b = nums
    if op == "divide" and not b.value:
        return None
    return {"subtract": _subtract, "multiply": _multiply, "divide": _divide}[op](a, b)


_SIGNED = re.compile(r"\(?\s*([-−]?)\s*\$?(\d[\d,]*(?:\.\d+)?)\s*\)?\s*([-−+x×*/÷])\s*\(?\s*([-−]?)\s*\$?(\d[\d,]*(?:\.\d+)?)\s*\)?")


def sign_method(expr: str) -> str | None:
    """How to redo a two-number computation with a negative number in it (``"-120 + 45"``,
    ``"(-6) × 4"``, ``"3 - (-9)"``), without its result: a number line for adding and taking
    away, the size first and then the sign for multiplying and dividing. ``None`` when no
    number of ``expr`` is negative or it is not two numbers and one sign."""
    m = _SIGNED.fullmatch(expr.strip())
    if not m or not (m.group(1) or m.group(4)):
        return None
    a = ("-" if m.group(1) else "") + m.group(2)
    b_size, b_negative = m.group(5), bool(m.group(4))
    op = m.group(3).replace("−", "-")
    if op in "+-":
        right = (op == "+") != b_negative  # adding a positive, or taking away a negative
        first = (f"Taking away -{b_size} is the same as adding {b_size}. " if op == "-" and b_negative
                 else f"Adding -{b_size} is the same as taking away {b_size}. " if op == "+" and b_negative else "")
        return (f"{first}Start at {a} on a number line. Move {b_size} steps to the "
                f"{'right' if right else 'left'}, and count as you go. Where do you stop?")
    verb = "multiply" if op in "x×*" else "divide"
    return (f"First {verb} {m.group(2)} and {b_size} without the signs. Then choose the sign: one negative "
            "number makes the result negative; a negative with a negative makes it positive.")


_FRACTION_SIDE = re.compile(r"(\d+)\s*/\s*(\d+)")


def fraction_method(lhs: str, rhs: str) -> str | None:
    """How to redo "1/4 = 2/12" (an equal fraction) or "3/8 = 3.8" (a fraction as a decimal)
    without the result; ``None`` when ``lhs`` is not one fraction."""
    m = _FRACTION_SIDE.fullmatch(lhs.strip())
    if not m or not int(m.group(2)):
        return None
    a, b = m.group(1), m.group(2)
    r = _FRACTION_SIDE.fullmatch(rhs.strip())
    if r and int(r.group(2)):
        d = r.group(2)
        if int(d) % int(b) == 0 and int(d) > int(b):
            return (f"Find the number that turns the bottom {b} into {d}. Multiply the top {a} by that same "
                    "number. The top and the bottom must change the same way.")
        return (f"Divide the top and the bottom of {lhs.strip()} by the same number, as far as you can. Do the "
                f"same with {rhs.strip()}. Do you end with the same fraction?")
    if re.fullmatch(r"\d*\.\d+|\d+", rhs.strip()):
        return (f"The fraction bar means divide: work out {a} ÷ {b}. Put a decimal point after {a}, "
                f"add zeros, and divide by {b} one digit at a time.")
    return None


def fraction_concept(lhs: str, rhs: str) -> str | None:
    """The idea behind "1/4 = 2/12" or "3/8 = 3.8", as a question; ``None`` as above."""
    m = _FRACTION_SIDE.fullmatch(lhs.strip())
    if not m:
        return None
    # (the fraction itself is not named: its value may be the step's corrected value)
    if _FRACTION_SIDE.fullmatch(rhs.strip()):
        return (f"Two fractions are equal only when the top and the bottom change the same way. "
                f"Did both change that way to make {rhs.strip()}?")
    if re.fullmatch(r"\d*\.\d+|\d+", rhs.strip()):
        a, b = int(m.group(1)), int(m.group(2))
        check = (f"Is that more or less than 1? Does {rhs.strip()} fit that?" if a < b
                 else f"Check it backwards: does {rhs.strip()} x {b} make {a}?")
        return f"A fraction bar means divide the top by the bottom: {a} ÷ {b}. {check}"
    return None


def inverse_check(expr: str, result: str) -> str | None:
    """A check of the student's own result by the opposite operation ("does 1.95 + 8.15 make
    10?" for "10 - 8.15 = 1.95"): it catches any slip and states no result. ``None`` unless
    ``expr`` is two numbers and one sign, and for a multiplication (dividing back is harder)."""
    m = _SIGNED.fullmatch(expr.strip())
    if not m:
        return None
    a = ("-" if m.group(1) else "") + m.group(2)
    b = ("-" if m.group(4) else "") + m.group(5)
    b_shown = f"({b})" if b.startswith("-") else b
    op = m.group(3).replace("−", "-")
    if op in "x×*":  # dividing back is harder than the multiplication itself
        return None
    back = {"+": "-", "-": "+", "/": "x", "÷": "x"}[op]
    return f"does {result} {back} {b_shown} make {a}?"


_FRACTION_SUM = re.compile(r"(\d+\s*/\s*\d+)\s*([-−+])\s*(\d+\s*/\s*\d+)")


def fraction_sum(expr: str) -> tuple[str, str, str] | None:
    """``("3/4", "subtraction", "1/2")`` for "3/4 - 1/2"; ``None`` unless ``expr`` adds or
    takes away two fractions."""
    m = _FRACTION_SUM.fullmatch(expr.strip())
    if not m:
        return None
    return m.group(1), "addition" if m.group(2) == "+" else "subtraction", m.group(3)


def fraction_sum_method(expr: str) -> str | None:
    """How to redo "3/4 - 1/2" without the result: one bottom number, then the top numbers."""
    found = fraction_sum(expr)
    if found is None:
        return None
    a, kind, b = found
    verb = "add" if kind == "addition" else "take away"
    return (f"Write {a} and {b} with the same bottom number. Then {verb} only the top numbers, "
            "and keep that bottom number.")
