"""Readable display of LaTeX steps (``tutor.mathtext``)."""

import pytest

from tutor.mathtext import readable_expression, readable_math


@pytest.mark.parametrize("latex, shown", [
    ("\\frac{5}{12} \\times 60 = 25", "5/12 × 60 = 25"),
    ("\\frac{\\frac{4}{10}}{\\frac{7}{10}}=\\frac{4}{7}", "(4/10)/(7/10)=4/7"),
    ("x\\left(1-\\frac{1}{3}\\right)=5 \\mathrm{~km}", "x(1-1/3)=5 km"),
    ("360^{\\circ} \\times 15 \\%=54^{\\circ}", "360° × 15%=54°"),
    ("\\sqrt{a^2+b^2} \\approx 5", "√(a^2+b^2) ≈ 5"),
    ("\\frac{x+1}{2 y} \\Rightarrow 3 \\div 4", "(x+1)/(2 y) ⇒ 3 ÷ 4"),
    ("Tom \\& Sam: \\$5", "Tom & Sam: $5"),
    ("3 x 4 = 12 apples", "3 x 4 = 12 apples"),   # plain text is left as typed
])
def test_readable_math(latex, shown):
    assert readable_math(latex) == shown


@pytest.mark.parametrize("expr, shown", [
    ("(20/100)*50", "20% × 50"),
    ("3*68", "3 × 68"),
    ("(5+3)*2-1", "(5 + 3) × 2 - 1"),
    ("-4+2", "-4 + 2"),
    ("1/2*48", "1/2 × 48"),
    ("((3)/(4))*12", "(3/4) × 12"),  # LaTeX \frac{3}{4} as mathcheck normalises it
    ("(2.5)+(1)", "2.5 + 1"),
])
def test_readable_expression(expr, shown):
    assert readable_expression(expr) == shown


def test_readable_expression_puts_back_thousands_separators_when_the_student_uses_them():
    assert readable_expression("1728-950", thousands=True) == "1,728 - 950"
    assert readable_expression("(20/100)*15000", thousands=True) == "20% × 15,000"
    assert readable_expression("1000.25+12.5", thousands=True) == "1000.25 + 12.5"  # decimals as written
    assert readable_expression("1728-950") == "1728 - 950"
