"""Integrity of the project's own content: the standards catalogue and the sample problem bank.

The arithmetic in the bank's reference steps is checked with a tiny exact evaluator written
here (fractions.Fraction over a restricted Python AST), on purpose independent of
``tutor.mathcheck``: the bank is the ground truth that the verifier is measured against, so it
must not be validated by the code under test.
"""

from __future__ import annotations

import ast
import difflib
import json
import math
import re
from fractions import Fraction
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "data" / "standards" / "catalog.jsonl"
BANK = ROOT / "data" / "problems" / "bank.jsonl"

LEVELS = ("Grade", "HS Category", "Domain", "Cluster", "Standard", "Sub-standard")
GRADES = ("K", "1", "2", "3", "4", "5", "6", "7", "8", "HS")
HS_CATEGORIES = ("N", "A", "F", "G", "S", "M")
ATC_COUNTS = {"Grade": 10, "HS Category": 6, "Domain": 65, "Cluster": 147, "Standard": 385,
              "Sub-standard": 124}


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - the message is the point
                pytest.fail(f"{path.name}:{n} is not valid JSON: {exc}")
    return rows


@pytest.fixture(scope="module")
def catalog() -> list[dict]:
    return _read_jsonl(CATALOG)


@pytest.fixture(scope="module")
def by_code(catalog) -> dict[str, dict]:
    return {r["code"]: r for r in catalog}


@pytest.fixture(scope="module")
def bank() -> list[dict]:
    return _read_jsonl(BANK)


# ----------------------------------------------------------------------------- catalogue

def test_catalog_fields_and_unique_codes(catalog):
    keys = {"code", "level", "grade", "domain", "cluster", "parent", "description", "progress_from"}
    codes = [r["code"] for r in catalog]
    assert len(codes) == len(set(codes)), "duplicate codes"
    for r in catalog:
        assert set(r) == keys, r["code"]
        assert r["level"] in LEVELS, r["code"]
        assert isinstance(r["progress_from"], list)
        assert len(r["description"].split()) >= 3, f"{r['code']}: description too short"


def test_catalog_level_counts(catalog):
    counts = {lvl: sum(r["level"] == lvl for r in catalog) for lvl in LEVELS}
    assert counts == ATC_COUNTS


def test_every_parent_exists_and_is_one_level_up(by_code):
    up = {"Domain": ("Grade", "HS Category"), "Cluster": ("Domain",),
          "Standard": ("Cluster",), "Sub-standard": ("Standard",), "HS Category": ("Grade",)}
    for code, r in by_code.items():
        if r["level"] == "Grade":
            assert r["parent"] == "", code
            continue
        assert r["parent"] in by_code, f"{code}: parent {r['parent']} missing"
        assert by_code[r["parent"]]["level"] in up[r["level"]], code


def test_every_row_has_a_parent_chain_to_a_grade(by_code):
    for code in by_code:
        seen, cur = set(), code
        while by_code[cur]["parent"]:
            assert cur not in seen, f"cycle at {cur}"
            seen.add(cur)
            cur = by_code[cur]["parent"]
        assert by_code[cur]["level"] == "Grade", code


def test_progress_from_codes_exist_and_are_standards(by_code):
    n_with = 0
    for code, r in by_code.items():
        if r["level"] not in ("Standard", "Sub-standard"):
            assert r["progress_from"] == [], code
        for pre in r["progress_from"]:
            assert pre in by_code, f"{code}: prerequisite {pre} missing"
            assert by_code[pre]["level"] in ("Standard", "Sub-standard"), (code, pre)
            assert pre != code
        n_with += bool(r["progress_from"])
    assert n_with >= 300, "most standards should name a prerequisite"


def _expected_grade(code: str, level: str) -> str:
    if level == "Grade":
        return code
    if code in HS_CATEGORIES or "-" in code:
        return "HS"
    return code.split(".")[0]


def test_levels_grades_domains_clusters_consistent_with_codes(by_code):
    shape = {  # K-8 code shapes by level
        "Domain": re.compile(r"^(K|[1-8])\.[A-Z]+$"),
        "Cluster": re.compile(r"^(K|[1-8])\.[A-Z]+\.[A-Z]$"),
        "Standard": re.compile(r"^(K|[1-8])\.[A-Z]+\.[A-Z]\.\d+$"),
        "Sub-standard": re.compile(r"^(K|[1-8])\.[A-Z]+\.[A-Z]\.\d+[a-z]$"),
    }
    hs_shape = {
        "Domain": re.compile(r"^[NAFGS]-[A-Z]+$"),
        "Cluster": re.compile(r"^[NAFGS]-[A-Z]+\.[A-Z]$"),
        "Standard": re.compile(r"^[NAFGS]-[A-Z]+\.[A-Z]\.\d+$"),
        "Sub-standard": re.compile(r"^[NAFGS]-[A-Z]+\.[A-Z]\.\d+[a-z]$"),
    }
    for code, r in by_code.items():
        lvl = r["level"]
        assert r["grade"] == _expected_grade(code, lvl), code
        assert r["grade"] in GRADES, code
        if lvl == "Grade":
            assert code in GRADES and r["domain"] == "" and r["cluster"] == ""
        elif lvl == "HS Category":
            assert code in HS_CATEGORIES and r["parent"] == "HS"
        else:
            pattern = (hs_shape if r["grade"] == "HS" else shape)[lvl]
            assert pattern.match(code), code
            domain = code.split(".")[0] if r["grade"] == "HS" else ".".join(code.split(".")[:2])
            assert r["domain"] == domain, code
            assert by_code[domain]["level"] == "Domain", code
            if lvl == "Domain":
                assert r["cluster"] == "", code
            else:
                assert r["cluster"] == re.sub(r"\.\d+[a-z]?$", "", code), code
                assert by_code[r["cluster"]]["level"] == "Cluster", code


def test_known_rows(by_code):
    r = by_code["5.NF.A.1"]
    assert (r["level"], r["grade"], r["domain"], r["cluster"], r["parent"]) == (
        "Standard", "5", "5.NF", "5.NF.A", "5.NF.A")
    assert "unlike" in r["description"] or "different denominators" in r["description"]
    assert {"4.NF.B.3", "4.NF.A.1"} <= set(r["progress_from"])
    sub = by_code["A-SSE.A.1a"]
    assert (sub["level"], sub["grade"], sub["domain"], sub["cluster"], sub["parent"]) == (
        "Sub-standard", "HS", "A-SSE", "A-SSE.A", "A-SSE.A.1")
    assert by_code["A-SSE"]["parent"] == "A"


def _atc(shared_data: Path) -> dict[str, dict]:
    path = shared_data / "atc" / "standards.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return {r["id"]: r for r in _read_jsonl(path)}


def test_same_codes_and_hierarchy_as_achieve_the_core(by_code, shared_data):
    atc = _atc(shared_data)
    assert set(by_code) == set(atc)
    for code, r in atc.items():
        assert by_code[code]["level"] == r["level"], code
        assert by_code[code]["parent"] == (r["parent"] or ""), code


def test_descriptions_are_own_words(by_code, shared_data):
    """No description equals or nearly equals the official text (difflib ratio < 0.8)."""
    atc = _atc(shared_data)
    too_close = []
    for code, r in atc.items():
        ours = by_code[code]["description"].lower()
        ratio = difflib.SequenceMatcher(None, ours, r["description"].lower()).ratio()
        if ratio >= 0.8:
            too_close.append((code, round(ratio, 2)))
    assert not too_close


def test_descriptions_copy_no_long_phrase(by_code, shared_data):
    """No run of 10 or more words (of 3+ letters; formulas and unit lists ignored) is shared."""
    atc = _atc(shared_data)

    def words(text: str) -> list[str]:
        return [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 3]

    copied = []
    for code, r in atc.items():
        ours, theirs = words(by_code[code]["description"]), words(r["description"])
        match = difflib.SequenceMatcher(None, ours, theirs, autojunk=False).find_longest_match(
            0, len(ours), 0, len(theirs))
        if match.size >= 10:
            copied.append((code, " ".join(ours[match.a:match.a + match.size])))
    assert not copied


# ----------------------------------------------------------------------------- bank

class _Evaluator(ast.NodeVisitor):
    """Exact value of an arithmetic expression: numbers, + - * / **, unary -, sqrt()."""

    def visit_Expression(self, node):
        return self.visit(node.body)

    def visit_Constant(self, node):
        if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return Fraction(str(node.value))
        raise ValueError(f"not a number: {node.value!r}")

    def visit_UnaryOp(self, node):
        v = self.visit(node.operand)
        if isinstance(node.op, ast.USub):
            return -v
        if isinstance(node.op, ast.UAdd):
            return v
        raise ValueError("unsupported unary operator")

    def visit_BinOp(self, node):
        a, b = self.visit(node.left), self.visit(node.right)
        ops = {ast.Add: lambda: a + b, ast.Sub: lambda: a - b, ast.Mult: lambda: a * b,
               ast.Div: lambda: a / b}
        if type(node.op) in ops:
            return ops[type(node.op)]()
        if isinstance(node.op, ast.Pow) and b.denominator == 1:
            return a ** int(b)
        raise ValueError("unsupported operator")

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id == "sqrt" and len(node.args) == 1:
            v = self.visit(node.args[0])
            root = Fraction(math.isqrt(v.numerator), math.isqrt(v.denominator))
            if root * root != v:
                raise ValueError("sqrt of a non-square")
            return root
        raise ValueError("unsupported call")

    def generic_visit(self, node):
        raise ValueError(f"unsupported syntax: {type(node).__name__}")


def _to_python(side: str) -> str:
    s = side.strip()
    for a, b in (("×", "*"), ("÷", "/"), ("−", "-"), ("$", ""), ("^", "**")):
        s = s.replace(a, b)
    s = re.sub(r"(?<=\d),(?=\d{3}\b)", "", s)                       # 1,250 -> 1250
    s = re.sub(r"(\d+)\s+(\d+)/(\d+)", r"(\1+\2/\3)", s)             # 2 3/4 -> (2+3/4)
    s = re.sub(r"(?<![\d.])(\d+)/(\d+)(?![\d.])", r"(\1/\2)", s)     # 3/4 binds tighter than ÷
    s = re.sub(r"(\d+(?:\.\d+)?)%", r"(\1/100)", s)                  # 35% -> (35/100)
    return s


def evaluate(side: str) -> Fraction:
    """Exact value of one side of a reference step's ``=`` chain.

    Raises:
        ValueError: anything beyond numbers, + - × ÷ ^, parentheses, %, $ and sqrt().
    """
    return _Evaluator().visit(ast.parse(_to_python(side), mode="eval"))


def _chain(step: str) -> list[str]:
    """The sides of the computation a step states: the text after its colon, split at ``=``."""
    assert ":" in step, f"step without 'description: computation' form: {step!r}"
    return [p.strip() for p in step.split(":", 1)[1].split("=")]


@pytest.mark.parametrize("side, value", [
    ("$1,728 - 950", Fraction(778)), ("2 3/4", Fraction(11, 4)), ("6 ÷ (3/4)", Fraction(8)),
    ("3/4 ÷ 1/4", Fraction(3)), ("35% × $80", Fraction(28)), ("9.5 × 10^12", Fraction(95 * 10**11)),
    ("sqrt(6^2 + 8^2)", Fraction(10)), ("15 - (-8)", Fraction(23)), ("0.1", Fraction(1, 10)),
])
def test_evaluator_on_hand_made_cases(side, value):
    assert evaluate(side) == value


def test_evaluator_rejects_non_arithmetic():
    with pytest.raises(ValueError):
        evaluate("__import__('os')")
    with pytest.raises(ValueError):
        evaluate("sqrt(2)")


def test_bank_shape_and_coverage(bank):
    keys = {"id", "grade", "title", "text", "reference_solution", "final_answer", "standards"}
    assert len(bank) >= 36
    ids = [p["id"] for p in bank]
    assert len(ids) == len(set(ids))
    for p in bank:
        assert set(p) == keys, p.get("id")
        assert p["text"].strip() and p["title"].strip() and p["final_answer"].strip()
        assert p["reference_solution"] and all(s.strip() for s in p["reference_solution"])
        assert p["id"].startswith(f"g{p['grade']}-")
    for grade in "345678":
        assert sum(p["grade"] == grade for p in bank) >= 6, f"grade {grade} has too few problems"


def test_bank_standards_exist_and_match_grade(bank, by_code):
    for p in bank:
        assert p["standards"], p["id"]
        for code in p["standards"]:
            assert code in by_code, (p["id"], code)
            assert by_code[code]["level"] in ("Standard", "Sub-standard"), (p["id"], code)
            assert by_code[code]["grade"] == p["grade"], (p["id"], code)


def test_every_reference_step_computes_correctly(bank):
    wrong = []
    for p in bank:
        for n, step in enumerate(p["reference_solution"], 1):
            sides = _chain(step)
            assert len(sides) >= 2, f"{p['id']} step {n} states no computation"
            values = [evaluate(s) for s in sides]
            if any(v != values[0] for v in values):
                wrong.append((p["id"], n, step))
    assert not wrong


def test_final_answer_is_the_last_steps_result(bank):
    for p in bank:
        last = p["reference_solution"][-1]
        assert p["final_answer"] in last, p["id"]
        assert evaluate(_chain(last)[-1]) == evaluate(p["final_answer"]), p["id"]
