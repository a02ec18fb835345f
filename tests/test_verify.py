"""The verifier on small hand-made solutions (no model: symbolic checks and alignment)."""

import pytest

from tutor.schema import ERROR_CATEGORIES, Problem, Step
from tutor.steps import parse_solution
from tutor.verify import Verifier
from tutor.verify.align import problem_quantities, reference_graph, step_graph, sub_sums
from tutor.verify.scorer import MARKER, step_correct_probs, step_scoring_prompt

PROBLEM = ("Sam buys 3 packs of pens with 4 pens in each pack. He gives away 2 pens. "
           "How many pens does he have left?")
REFERENCE = ["Sam has 3 x 4 = 12 pens.", "He has 12 - 2 = 10 pens left.", " 10"]


@pytest.fixture(scope="module")
def verifier():
    return Verifier(None)


@pytest.mark.parametrize("reference", [REFERENCE, None])
def test_calculation_slip_caught(verifier, reference):
    v = verifier.verify(Problem(PROBLEM, reference_solution=reference),
                        parse_solution("3 x 4 = 13 pens\n13 - 2 = 11 pens"))
    assert v.label == "incorrect"
    assert v.first_error_step == 1
    assert v.marks == ["first_error", "after_error"]
    assert v.error_category == "Calculation error"
    assert (v.expected_value, v.found_value) == ("12", "13")
    assert "step 1" in v.explanation


def test_wrong_value_against_reference_caught(verifier):
    v = verifier.verify(Problem(PROBLEM, reference_solution=REFERENCE),
                        parse_solution("He has 3 + 4 = 7 pens.\nThen 7 - 2 = 5 pens."))
    assert v.first_error_step == 1
    assert v.found_value == "7"
    assert v.expected_value == "12"
    assert v.error_category in ERROR_CATEGORIES
    assert v.evidence["reference"]["off_reference_values"][0] == ["7"]


@pytest.mark.parametrize("text", ["3 x 4 = 12 pens\n12 - 2 = 10 pens",
                                  "Sam has 3 x 4 = 12 pens. After giving 2 away he has 12 - 2 = 10 pens."])
@pytest.mark.parametrize("reference", [REFERENCE, None])
def test_correct_solution_passes(verifier, text, reference):
    v = verifier.verify(Problem(PROBLEM, reference_solution=reference), parse_solution(text))
    assert v.label == "correct"
    assert v.first_error_step is None
    assert v.marks == ["correct", "correct"]
    assert all(0.0 <= p < 0.3 for p in v.step_error_probs)


def test_empty_steps_unsure(verifier):
    assert verifier.verify(Problem(PROBLEM), []).label == "unsure"


@pytest.mark.parametrize("text", ["10", "He has 10 pens left.", "Sam has ten pens left in the end."])
def test_nothing_to_check_without_a_reference_is_never_correct(verifier, text):
    from tutor.verify.verifier import NOTHING_CHECKED

    v = verifier.verify(Problem(PROBLEM), parse_solution(text))
    assert (v.label, v.first_error_step, v.explanation) == ("unsure", None, NOTHING_CHECKED)
    assert "unsure" in v.marks
    # with a reference, the answer itself is checked: a bare right answer is correct
    assert verifier.verify(Problem(PROBLEM, reference_solution=REFERENCE), parse_solution(text)).label == "correct"


def test_reference_graph_and_problem_quantities():
    g = reference_graph(REFERENCE)
    assert g.final == 10.0
    assert 12.0 in g.derived and 10.0 in g.derived
    assert [d.value for d in step_graph("3 x 4 = 12 pens").derived] == [12.0]
    assert {3.0, 4.0, 2.0} <= set(problem_quantities("three packs of 4, twice 2"))


def test_step_scoring_prompt_layout():
    ex = step_scoring_prompt(Problem(PROBLEM), [Step(1, "3 x 4 = 12"), Step(2, "12 - 2 = 10")], REFERENCE)
    assert ex.text.startswith("Problem: Sam buys")
    assert "Reference solution: Sam has 3 x 4 = 12 pens." in ex.text
    assert len(ex.marker_ends) == 2
    for end in ex.marker_ends:
        assert ex.text[:end].endswith(MARKER)
    assert "Step 2: 12 - 2 = 10" in ex.text[ex.marker_ends[0]:ex.marker_ends[1]]
    assert "Reference" not in step_scoring_prompt(PROBLEM, ["a"], None).text


class _FakeModel:
    """A LanguageModel stand-in that prefers " Yes" unless the prompt's last step has 13."""

    name = "fake"

    def score(self, prompt, continuations):
        last = prompt.rsplit("Step ", 1)[-1]
        return [-0.1, -3.0] if "13" not in last else [-3.0, -0.1]


def test_step_correct_probs_through_score_fallback():
    probs = step_correct_probs(_FakeModel(), PROBLEM, ["3 x 4 = 12", "12 + 1 = 13"])
    assert probs[0] > 0.9 and probs[1] < 0.1


def test_vtg_dev_sample_end_to_end(shared_data, verifier):
    """Real VtG solutions: the verifier must tell wrong from right almost always."""
    import json

    from tutor.eval.verify import vtg_metrics, vtg_solutions

    records = json.loads((shared_data / "vtg" / "dev.json").read_text())[:40]
    preds, labels, cats = [], [], []
    for problem, steps, label, cat, _ in vtg_solutions(records):
        preds.append(verifier.verify(problem, steps).first_error_step or 0)
        labels.append(label)
        cats.append(cat)
    m = vtg_metrics(preds, labels, cats)
    assert m["binary_f1"] >= 0.95
    assert m["micro_f1"] >= 0.65
    assert m["per_category"]["correct"]["accuracy"] >= 0.95


@pytest.mark.model
def test_student_model_step_scores_single_pass_matches_per_step_scoring(settings):
    """The one-forward-pass read-out equals scoring " Yes"/" No" at each marker separately."""
    from tutor.llm import load_student_model

    model = load_student_model(settings)
    steps = ["3 x 4 = 12 pens", "12 - 2 = 10 pens"]
    fast = step_correct_probs(model, PROBLEM, steps, REFERENCE)

    class _ScoreOnly:
        name = "score-only"

        def score(self, prompt, continuations):
            return model.score(prompt, continuations)

    slow = step_correct_probs(_ScoreOnly(), PROBLEM, steps, REFERENCE)
    assert len(fast) == 2 and all(0.0 < p < 1.0 for p in fast)
    assert fast == pytest.approx(slow, abs=2e-3)


def test_sub_sums_are_the_reference_sums_with_a_term_left_out():
    assert sorted(sub_sums("20-5-7")) == [5.0, 7.0, 12.0, 13.0, 15.0, 20.0]
    assert sorted(sub_sums("6*60+4*40")) == [160.0, 360.0]
    assert sub_sums("(1+2)*3") == [] and sub_sums("3*4") == []
    g = reference_graph(["She is left with 20 - 5 - 7 = 8 apples.", " 8"])
    assert 12.0 in g.partial_sums and 8.0 not in g.partial_sums


MARBLES = "Ann has 20 marbles. She gives 5 to Ben and 7 to Cy. How many marbles does she have left?"


def test_missing_quantity_category(verifier):
    """20 - 5 = 15 is the reference's 20 - 5 - 7 with a term left out."""
    v = verifier.verify(Problem(MARBLES, reference_solution=["She has 20 - 5 - 7 = 8 marbles left.", " 8"]),
                        parse_solution("She has 20 - 5 = 15 marbles left.\n15"))
    assert v.first_error_step == 1
    assert v.error_category == "Extra or missing quantity"


def test_went_past_the_answer_category(verifier):
    """The reference answer (8) is reached in step 1; step 2 goes on and changes it."""
    v = verifier.verify(Problem(MARBLES, reference_solution=["She has 20 - 5 - 7 = 8 marbles left.", " 8"]),
                        parse_solution("She has 20 - 5 - 7 = 8 marbles left.\n"
                                       "Each friend then gets 8 / 2 = 4 marbles.\n4"))
    assert v.first_error_step == 2
    assert v.error_category == "Went past the answer"


@pytest.mark.parametrize("step, explanation", [
    ("3/4 - 1/2 = 5/8", "In step 1, the calculation 3/4 - 1/2 does not equal 5/8."),  # not "0.625"
    ("\\frac{3}{4} \\times 12 = 8", "In step 1, the calculation (3/4) × 12 does not equal 8."),
    ("Pencils left: 1,728 - 950 = 779", "In step 1, the calculation 1,728 - 950 does not equal 779."),
])
def test_a_wrong_calculation_is_explained_as_the_student_wrote_it(step, explanation):
    from tutor.schema import Problem, Step
    from tutor.verify import Verifier

    verdict = Verifier(None).verify(Problem(text="Work out the fractions 3/4 and 1/2 of 12."), [Step(1, step)])
    assert verdict.explanation == explanation


def test_fraction_work_keeps_its_values_as_fractions():
    from tutor.hints.fallback import fallback_hint

    problem = Problem(text="Mia eats 3/4 of a pizza and Sam eats 1/2 of one. How much more does Mia eat?")
    steps = [Step(1, "3/4 - 1/2 = 3/8")]
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.found_value, verdict.expected_value) == ("3/8", "1/4")  # as written, no 0.375
    concept = fallback_hint(problem, steps, verdict, 2, "concept").text
    assert "subtraction" in concept and "division" not in concept and "0.375" not in concept
    # 2/4: the denominators were matched without renaming 1/2 (a named misconception)
    renamed = Verifier(None).verify(problem, [Step(1, "3/4 - 1/2 = 2/4")])
    assert (renamed.found_value, renamed.expected_value) == ("2/4", "1/4")
    assert "top number" in fallback_hint(problem, [Step(1, "3/4 - 1/2 = 2/4")], renamed, 2, "concept").text
    mixed = Verifier(None).verify(Problem(text="Add 2/3 and 3/4 of a cup."), [Step(1, "17/12 = 1 7/12")])
    assert (mixed.found_value, mixed.expected_value) == ("1 7/12", "1 5/12")
    assert mixed.explanation == "In step 1, the calculation 17/12 does not equal 1 7/12."


def _model_dir(tmp_path, scorer: str):
    """The shipped combiners, with the model-reading ones marked as fitted on ``scorer``; a
    mode whose model combiner is not shipped (not worth its forward pass) gets its symbolic
    combiner plus a weight on ``model_logit``."""
    import json
    import shutil

    from tutor.verify.combiner import MODEL_DIR

    for f in MODEL_DIR.glob("combiner_*.json"):
        shutil.copy(f, tmp_path / f.name)
    for name in ("combiner_ref", "combiner_free"):
        target = tmp_path / f"{name}_model.json"
        if not target.exists():
            data = json.loads((tmp_path / f"{name}.json").read_text())
            for key, extra in (("features", "model_logit"), ("mean", 0.0), ("scale", 1.0), ("coef", -1.0)):
                data[key].append(extra)
            target.write_text(json.dumps(data))
    for f in tmp_path.glob("combiner_*_model.json"):
        data = json.loads(f.read_text())
        data["meta"]["scorer"] = scorer
        f.write_text(json.dumps(data))
    return tmp_path


class _CountingModel(_FakeModel):
    adapter = None

    def __init__(self, fail: bool = False):
        self.calls, self.fail = 0, fail

    def score(self, prompt, continuations):
        self.calls += 1
        if self.fail:
            raise RuntimeError("scorer broke")
        return super().score(prompt, continuations)


@pytest.mark.parametrize("reference", [REFERENCE, None])
def test_model_combiner_is_used_only_with_the_scorer_it_was_fitted_on(tmp_path, reference):
    steps = parse_solution("3 x 4 = 12\n12 - 2 = 10\nThe answer is 10.")
    problem = Problem(text=PROBLEM, reference_solution=reference)
    same, other = _CountingModel(), _CountingModel()
    v = Verifier(same, model_dir=_model_dir(tmp_path, "fake+none"))
    assert v.needs_model(reference is not None)
    verdict = v.verify(problem, steps)
    assert same.calls == len(steps) and verdict.evidence["model"] is not None

    v = Verifier(other, model_dir=_model_dir(tmp_path, "another+0123456789abcdef"))
    assert not v.needs_model(reference is not None)
    verdict = v.verify(problem, steps)
    assert other.calls == 0 and verdict.evidence["model"] is None
    assert verdict.label == Verifier(None, model_dir=tmp_path).verify(problem, steps).label


def test_a_failing_scorer_falls_back_to_the_symbolic_combiner(tmp_path):
    steps = parse_solution("3 x 4 = 12\n12 - 2 = 11\nThe answer is 11.")
    problem = Problem(text=PROBLEM, reference_solution=REFERENCE)
    broken = _CountingModel(fail=True)
    verdict = Verifier(broken, model_dir=_model_dir(tmp_path, "fake+none")).verify(problem, steps)
    symbolic = Verifier(None, model_dir=tmp_path).verify(problem, steps)
    assert broken.calls == 1 and verdict.evidence["model"] is None
    assert (verdict.label, verdict.first_error_step, verdict.step_error_probs) == (
        symbolic.label, symbolic.first_error_step, symbolic.step_error_probs)


SEED = ("Drew reseeds his lawn with grass seed. One bag of grass seed covers 250 square feet. "
        "His lawn is 792 square feet. He bought four bags. How many extra square feet could "
        "the leftover grass seed cover?")


def test_shared_phrases_name_what_a_number_free_step_is_about():
    from tutor.verify.align import shared_phrases

    step = "Therefore, the leftover grass seed can't cover any extra square feet."
    assert shared_phrases(step, SEED) == ["the leftover grass seed", "extra square feet", "cover"]
    # a name the problem only capitalises is not a quantity; nothing shared gives nothing
    assert shared_phrases("Drew needs more.", SEED) == []
    assert shared_phrases("Simplifying the equation, we get:", SEED) == []


def test_a_number_free_first_wrong_step_still_gets_quantities():
    from tutor.verify.features import solution_evidence
    from tutor.verify.verifier import _named_quantities

    problem = Problem(SEED)
    steps = [Step(1, "4 x 250 = 1000 square feet."), Step(2, "Subtracting the lawn, we get:"),
             Step(3, "1000 - 729 = 271"), Step(4, "So the leftover grass seed covers nothing more.")]
    ev = solution_evidence(problem, steps, use_reference=False)
    # a lead-in names the values of the line it introduces
    assert _named_quantities(problem, steps, ev, 1) == ["1000", "729"]
    # a sentence names them in the problem's words
    assert _named_quantities(problem, steps, ev, 3) == ["the leftover grass seed", "covers"]


def test_a_result_the_step_wrote_itself_is_a_known_operand():
    from tutor.verify.features import solution_evidence

    problem = Problem("Ethan earns $9 an hour. He works 4 hours each weekday and pays $5 a day for the bus. "
                      "How much does he keep in one week?")
    steps = parse_solution("Weekday pay: 4 x 9 = $36 a day, and 36 x 5 = $180.\nBus: 5 x $5 = $25.\n180 - 25 = $155")
    feats = solution_evidence(problem, steps, use_reference=False).features
    assert feats[0]["uses_unknown"] == 0.0
    # a number from nowhere still counts
    steps = parse_solution("Weekday pay: 4 x 9 = $36 a day, and 37 x 5 = $185.")
    assert solution_evidence(problem, steps, use_reference=False).features[0]["uses_unknown"] == 1.0


def test_model_features_read_the_score_and_its_drop():
    import math

    from tutor.verify.features import solution_evidence

    steps = parse_solution("3 x 4 = 12\n12 - 2 = 10")
    feats = solution_evidence(Problem(PROBLEM), steps, model_probs=[0.9, 0.2]).features
    assert feats[0]["model_logit"] == pytest.approx(math.log(9))
    assert feats[0]["model_drop"] == 0.0
    assert feats[1]["model_drop"] == pytest.approx(math.log(0.25) - math.log(9))


def test_step_score_cache_runs_the_model_once_per_solution(tmp_path):
    from tutor.verify.scorer import StepScoreCache

    path = tmp_path / "scores.json"
    model = _CountingModel()
    cache = StepScoreCache(path, model)
    first = cache.probs(PROBLEM, ["3 x 4 = 12", "12 + 1 = 13"])
    assert model.calls == 2 and (cache.hits, cache.misses) == (0, 1)
    cache.save()
    again = StepScoreCache(path, model).probs(PROBLEM, ["3 x 4 = 12", "12 + 1 = 13"])
    assert again == first and model.calls == 2  # read back from disk, no model call
    # another step text or another reference is another key
    StepScoreCache(path, model).probs(PROBLEM, ["3 x 4 = 12", "12 + 1 = 14"])
    StepScoreCache(path, model).probs(PROBLEM, ["3 x 4 = 12", "12 + 1 = 13"], REFERENCE)
    assert model.calls == 6
    # a file written by another scorer is not trusted
    other = _CountingModel()
    other.name = "other"
    StepScoreCache(path, other).probs(PROBLEM, ["3 x 4 = 12", "12 + 1 = 13"])
    assert other.calls == 2


def test_a_step_with_numbers_gets_no_names_as_quantities():
    from tutor.verify.features import solution_evidence
    from tutor.verify.verifier import _quantities

    problem = Problem("30% of the class sent cards. 3 cards came. How many students are in the class?")
    steps = parse_solution("30% of the class is 0.3x.\nSo the class sent cards.\n0.3x = 3")
    ev = solution_evidence(problem, steps, use_reference=False)
    # a step that writes numbers is named by its numbers, never by words
    assert not any(q[0].isalpha() for q in _quantities(problem, steps, ev, 0))
    assert _quantities(problem, steps, ev, 1) == ["the class sent cards"]


@pytest.mark.parametrize("closing", ["10", "Answer: 10", "The answer is 10 pens."])
@pytest.mark.parametrize("reference", [REFERENCE, None])
def test_a_closing_answer_line_changes_nothing(verifier, closing, reference):
    """Some students end with the answer on its own line: the other steps keep their
    probabilities, and the line itself is never the first wrong step."""
    problem = Problem(PROBLEM, reference_solution=reference)
    for body in ("3 x 4 = 12 pens\n12 - 2 = 10 pens", "3 x 4 = 12 pens\n12 - 3 = 9 pens"):
        plain = verifier.verify(problem, parse_solution(body))
        closing_line = closing.replace("10", body.rsplit("= ", 1)[1].split()[0])
        closed = verifier.verify(problem, parse_solution(body + "\n" + closing_line))
        assert closed.step_error_probs[:2] == pytest.approx(plain.step_error_probs)
        assert closed.step_error_probs[2] == 0.0
        assert (closed.label, closed.first_error_step) == (plain.label, plain.first_error_step)


def test_restates_answer_needs_an_earlier_value():
    from tutor.verify.features import restates_answer

    steps = parse_solution("3 x 4 = 12 pens\n12 - 2 = 10 pens\n10")
    assert restates_answer(steps)
    assert not restates_answer(parse_solution("3 x 4 = 12 pens\n12 - 2 = 10 pens\n11"))  # a new value
    assert not restates_answer(parse_solution("3 x 4 = 12 pens\nSo he has 10 pens left after 2."))
    assert not restates_answer(parse_solution("10"))


def test_a_computed_constant_is_a_new_value():
    from tutor.verify.features import solution_evidence

    problem = Problem("A box has 6 rows of 10 eggs. How many eggs?", reference_solution=["6 x 10 = 60 eggs.", " 60"])
    ev = solution_evidence(problem, parse_solution("There are 60 minutes in an hour.\n6 x 10 = 60 eggs."))
    assert ev.new_values == [[], []]  # 60 as a fact is not new (and then not new when computed)
    ev = solution_evidence(problem, parse_solution("A week has 7 days.\n6 x 10 = 60 eggs."))
    assert ev.new_values == [[], [60.0]]  # computed, it is


def test_without_a_reference_an_unused_given_number_makes_the_work_unsure(verifier):
    problem = Problem("Sam has 4 bags of 12 marbles. He gives away 15. How many are left?")
    v = verifier.verify(problem, parse_solution("4 x 12 = 48"))
    assert (v.label, v.first_error_step) == ("unsure", None)
    assert v.explanation == "The problem gives 15, but no step uses it yet. Is the solution finished?"
    assert v.unused_given == "15"
    # the hint asks where the left-out number belongs, not how a right value was got
    from tutor.hints import HintLadder

    (hint,) = HintLadder(None).build(problem, parse_solution("4 x 12 = 48"), v)
    assert hint.kind == "explain" and "Where does 15 belong" in hint.text and "48" not in hint.text

    class Talkative:  # a model whose question would pass the guards but miss the point
        name = "fake"

        def stream(self, prompt, max_new_tokens=60, stop=()):
            yield "Can you explain in your own words how you got 48?"

    (hint,) = HintLadder(Talkative()).build(problem, parse_solution("4 x 12 = 48"), v)
    assert "Where does 15 belong" in hint.text
    assert verifier.verify(problem, parse_solution("4 x 12 = 48\n48 - 15 = 33")).label == "correct"
    # a percent is used where a step writes it as a decimal
    assert verifier.verify(Problem("Find 25% of 80."), parse_solution("0.25 x 80 = 20")).label == "correct"
    v = verifier.verify(Problem("Find 25% of 80 and add 13."), parse_solution("0.25 x 80 = 20"))
    assert v.unused_given == "13"
    # constants (4 of "4 bags") and years may stay implicit
    assert verifier.verify(Problem("In 2020, Ana read 4 books of 30 pages each. How many pages?"),
                           parse_solution("120 pages in all: 30 + 30 + 30 + 30 = 120")).label == "correct"


def _fixed_hazards(v, mode, hazards):
    """The verifier with mode's combiner returning ``hazards`` (weights and scaling kept)."""
    import copy

    comb = copy.deepcopy(v.combiners[mode])
    comb.hazards = lambda rows: list(hazards)[:len(rows)]
    v.combiners[mode] = comb
    return v


@pytest.mark.parametrize("reference, label", [(None, "unsure"), (REFERENCE, "incorrect")])
def test_without_a_reference_a_step_is_accused_only_when_it_is_likely_the_first_error(reference, label):
    from tutor.verify.verifier import ACCUSE_STEP_FREE

    # four doubtful steps: something is likely wrong, but no step is likely *the* first error
    mode = "reference" if reference else "free"
    v = _fixed_hazards(Verifier(None), mode, [0.35] * 4)
    steps = parse_solution("Sam has 3 packs.\nEach has 4 pens.\n3 x 4 = 12 pens\n12 - 2 = 10 pens")
    verdict = v.verify(Problem(PROBLEM, reference_solution=reference), steps)
    assert max(verdict.step_error_probs) < ACCUSE_STEP_FREE
    assert (verdict.label, verdict.first_error_step) == (label, 1)
    if reference is None:  # a doubt, said as one: the suspicion is kept for the teacher
        assert verdict.marks == ["unsure", "not_checked", "not_checked", "not_checked"]
        assert verdict.explanation is None and verdict.evidence["suspected"]
    else:
        assert verdict.marks == ["first_error", "after_error", "after_error", "after_error"]
        assert verdict.explanation and "suspected" not in verdict.evidence


def test_without_a_reference_a_proven_slip_is_still_accused():
    v = _fixed_hazards(Verifier(None), "free", [0.35] * 4)
    verdict = v.verify(Problem(PROBLEM), parse_solution("Sam has 3 packs.\nEach has 4 pens.\n3 x 4 = 13 pens\n"
                                                        "13 - 2 = 11 pens"))
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 3)


# --------------------------------------------------------------------------- expressions
# "Simplify 3(x + 4) + 2x": no equation to solve; each rewriting must be equal to what it rewrites
# (tutor.expressions), without a reference, as for a problem a student types in


@pytest.mark.parametrize("text, rewritten", [
    ("3(x + 4) = 3x + 4\n3x + 4 + 2x = 5x + 4", ("3(x + 4)", "3x + 4")),
    ("3(x + 4) + 2x = 3x + 4 + 2x = 5x + 4", ("3(x + 4) + 2x", "3x + 4 + 2x")),
])
def test_a_simplify_step_that_multiplies_one_term_of_the_brackets_is_named(verifier, text, rewritten):
    v = verifier.verify(Problem("Simplify 3(x + 4) + 2x."), parse_solution(text))
    assert (v.label, v.first_error_step, v.error_category) == ("incorrect", 1, "Missing / Wrong factual knowledge")
    assert v.explanation == ("In step 1, the 3 in front of the brackets multiplied only the first term of (x + 4). "
                             "It must multiply every term inside the brackets.")
    assert v.marks[0] == "first_error"
    assert v.evidence["expression"] == {"step": 1, "from": rewritten[0], "to": rewritten[1],
                                        "problem": "3(x + 4) + 2x"}
    assert "derivation" not in v.evidence  # not an equation: no "both sides" hints


@pytest.mark.parametrize("problem, text, step, explanation", [
    # (slips no wrong rule explains: "4a + 2b = 6ab" and "- (x - 3)" as "- x - 3" are named,
    # tests/test_rewriting_misconceptions.py)
    ("Simplify 5a + 2b − a.", "5a − a = 4a\n4a + 2b = 7ab", 2, "In step 2, 4a + 2b is not equal to 7ab."),
    ("Simplify 2(x − 5) − (x − 3).", "2x − 10 − x + 4\n= x − 6", 1,
     "In step 1, 2(x - 5) - (x - 3) is not equal to 2x - 10 - x + 4."),
    ("Factor 6x + 9.", "6x + 9 = 3(2x + 9)", 1, "In step 1, 6x + 9 is not equal to 3(2x + 9)."),
    ("Evaluate 3x + 2 when x = 4.", "3x + 2 = 3(5) + 2 = 17", 1,
     "In step 1, 3x + 2 is not equal to 3(5) + 2 when x = 4."),
])
def test_a_rewriting_that_is_not_equal_is_a_calculation_error(verifier, problem, text, step, explanation):
    v = verifier.verify(Problem(problem), parse_solution(text))
    assert (v.label, v.first_error_step, v.error_category) == ("incorrect", step, "Calculation error")
    assert v.explanation == explanation
    assert v.found_value == v.evidence["expression"]["to"]
    assert v.expected_value is None  # the right expression is the answer: never named


@pytest.mark.parametrize("problem, text, before, after", [
    ("Simplify 4x + 3 + 2x.", "4x + 3 = 7x\n7x + 2x = 9x", "4x + 3", "7x"),
    ("Simplify 2(x + 3) + 4.", "2x + 6 + 4\n= 12x", "2x + 6 + 4", "12x"),
])
def test_a_number_added_to_an_x_term_is_named_as_unlike_terms(verifier, problem, text, before, after):
    v = verifier.verify(Problem(problem), parse_solution(text))
    assert (v.label, v.first_error_step, v.error_category) == ("incorrect", 1, "Missing / Wrong factual knowledge")
    assert v.explanation.startswith(f"In step 1, {before} is written as {after}: terms that are not like terms")
    assert v.expected_value is None


@pytest.mark.parametrize("problem, text", [
    ("Simplify 3(x + 4) + 2x.", "3(x + 4) = 3x + 12\n3x + 12 + 2x = 5x + 12"),
    ("Simplify 3(x + 4) + 2x.", "3(x + 4) + 2x = 3x + 12 + 2x = 5x + 12"),
    ("Simplify 5(2y + 3) − 4y.", "5(2y + 3) = 10y + 15\n10y + 15 − 4y = 6y + 15"),
    ("Expand 7(2a − 1).", "7 × 2a = 14a\n7 × (−1) = −7\n7(2a − 1) = 14a − 7"),
    ("Simplify 6(m + 2) + 3(m − 1).", "6m + 12 + 3m − 3\n= 9m + 9"),
    ("Simplify 4x + 3 + 2x.", "4x + 2x = 6x\nSo 4x + 3 + 2x = 6x + 3"),
    ("Simplify 5a + 2b − a.", "5a − a = 4a\nThe answer is 4a + 2b."),
    ("Simplify 9p − 4 + p.", "9p + p = 10p\nSo the expression is 10p − 4."),
    ("Expand (x + 3)(x + 2).", "x² + 2x + 3x + 6\n= x² + 5x + 6"),
    ("Factor 6x + 9.", "6x + 9 = 3(2x + 3)"),
    ("Evaluate 3x + 2 when x = 4.", "3x + 2 = 3(4) + 2 = 12 + 2 = 14"),
    ("Evaluate 2a + b for a = 3 and b = 5.", "2(3) + 5 = 6 + 5 = 11"),
])
def test_right_rewriting_work_is_correct(verifier, problem, text):
    v = verifier.verify(Problem(problem), parse_solution(text))
    assert (v.label, v.first_error_step, v.explanation, v.unused_given) == ("correct", None, None, None)
    assert v.evidence["expression"]["proven"] is True
    assert v.evidence["solved_from_problem"]  # proven from the problem: no "no reference" note


def test_rewriting_work_that_stops_at_a_side_calculation_is_unsure(verifier):
    v = verifier.verify(Problem("Simplify 4x + 3 + 2x."), parse_solution("4x + 2x = 6x"))
    assert (v.label, v.first_error_step, v.marks) == ("unsure", None, ["unsure"])
    assert v.explanation == ("Step 1 ends with 6x. Is that all of 4x + 3 + 2x written in a new way? "
                             "Write the whole expression.")
    v = verifier.verify(Problem("Evaluate 3x + 2 when x = 4."), parse_solution("3 × 4 = 12"))
    assert (v.label, v.explanation) == ("unsure", "Step 1 ends with 12. Is that the value of all of 3x + 2 when "
                                                  "x = 4? Work it out to the end.")


def test_equations_word_problems_and_numbers_are_not_read_as_expressions(verifier):
    problem = Problem("Solve 3(x + 4) = 27.")
    v = verifier.verify(problem, parse_solution("3x + 4 = 27\n3x = 23\nx = 23/3"))
    assert (v.label, v.first_error_step, v.error_category) == ("incorrect", 1, "Missing / Wrong factual knowledge")
    assert "derivation" in v.evidence and "expression" not in v.evidence
    v = verifier.verify(problem, parse_solution("3x + 12 = 27\n3x = 15\nx = 5"))
    assert (v.label, v.evidence["solved_from_problem"]) == ("correct", ["x"])
    assert "expression" not in v.evidence
    problem = Problem("A pen costs x dollars and a notebook costs $3 more than the pen. Together they cost $11. "
                      "Let x be the price of the pen. Simplify and find x.")
    v = verifier.verify(problem, parse_solution("x + x + 3 = 11\n2x + 3 = 11\n2x = 8\nx = 4"))
    assert v.label == "correct" and "expression" not in v.evidence
    v = verifier.verify(Problem("Evaluate 3 + 4 × 2."), parse_solution("4 × 2 = 8\n3 + 8 = 11"))
    assert v.label == "correct" and "expression" not in v.evidence


def test_the_count_of_a_list_of_numbers_is_used_by_work_on_the_list(verifier):
    problem = Problem("The heights of six plants are 12, 15, 9, 20, 11 and 14 cm. What is the median?")
    v = verifier.verify(problem, parse_solution("In order: 9, 11, 12, 14, 15, 20\n(12 + 14) ÷ 2 = 13"))
    assert (v.label, v.unused_given, v.explanation) == ("correct", None, None)
    # two of the six numbers are no work on the list: the count is still unused
    v = verifier.verify(problem, parse_solution("(12 + 14) ÷ 2 = 13"))
    assert (v.label, v.unused_given) == ("unsure", "6")
    assert v.explanation == "The problem gives 6, but no step uses it yet. Is the solution finished?"
    # a number the question does not need stays unused
    problem = Problem("The heights of six plants are 12, 15, 9, 20, 11 and 14 cm. The garden is 37 m long. "
                      "What is the median height?")
    v = verifier.verify(problem, parse_solution("In order: 9, 11, 12, 14, 15, 20\n(12 + 14) ÷ 2 = 13"))
    assert (v.label, v.unused_given) == ("unsure", "37")


@pytest.mark.parametrize("problem, reference, solution, step, name", [
    ("A sail is a right triangle with legs 9 feet and 12 feet long. What is its area in square feet?",
     ["Half of base times height: 1/2 × 9 × 12 = 54"], "9 × 12 = 108 square feet", 1, "triangle without half"),
    ("A town's population grew from 12,500 to 13,750 people. What was the percent increase?",
     ["13,750 - 12,500 = 1,250", "1,250 ÷ 12,500 = 0.1 = 10%"],
     "13,750 - 12,500 = 1,250\n1,250 ÷ 13,750 = 0.09\nabout 9%", 2, "percent change base"),
])
def test_with_a_reference_a_relation_the_words_fix_names_the_first_error(problem, reference, solution, step, name):
    verdict = Verifier(None).verify(Problem(text=problem, reference_solution=reference), parse_solution(solution))
    assert (verdict.label, verdict.first_error_step, verdict.evidence["relation"]["name"]) == ("incorrect", step, name)


def test_a_percent_used_as_a_multiplier_is_used():
    v = Verifier(None).verify(Problem(text="A meal costs $40. Dad leaves a 15% tip. What is the total cost with the tip?"),
                              parse_solution("40 × 1.15 = 46\nTotal cost: $46.00"))
    assert (v.label, v.unused_given) == ("correct", None)


@pytest.mark.parametrize("problem, solution", [
    ("There are 154 students. Each bus holds 40 students. How many buses are needed?", "154 ÷ 40 = 3 R 34\nWe need 4 buses."),
    ("Maya has 75 cookies. She puts 8 cookies in each box. How many boxes can she fill?",
     "75 ÷ 8 = 9 R 3\nShe can fill 9 boxes."),
])
def test_a_remainder_written_with_r_is_no_unknown(problem, solution):
    assert Verifier(None).verify(Problem(text=problem), parse_solution(solution)).label == "correct"


@pytest.mark.parametrize("problem, solution", [
    # from a browser trial and a hunt (v18): right work that was doubted or accused
    ("A circle has a radius of 3 cm. Find its area in terms of pi.", "A = π × 3² = 9π\nThe area is 9π cm²."),
    ("A rectangular garden is 12 m long and 8 m wide. Fencing costs $5 per meter. How long is the fence around "
     "the garden, and how much does the fencing cost?",
     "Perimeter = 12 + 8 + 12 + 8 = 40 m\nCost = 40 × 5 = $200\nThe fence is 40 m long and costs $200."),
    ("30% of a number is 24. What is the number?", "30% = 24\n10% = 24 ÷ 3 = 8\n100% = 8 × 10 = 80"),
    ("A school has 480 students. 35% of them take the bus. How many students take the bus?",
     "1% = 480 ÷ 100 = 4.8\n35% = 35 × 4.8 = 168"),
])
def test_right_work_in_forms_a_trial_doubted_is_confirmed(problem, solution):
    assert Verifier(None).verify(Problem(text=problem), parse_solution(solution)).label == "correct"


@pytest.mark.parametrize("problem, solution, step, found", [
    # trial 14: the result copied wrong into the answer line
    ("A printer prints 45 pages in 3 minutes. How many pages does it print in 7 minutes?",
     "45/3 = x/7\n3x = 315\nx = 105\nIt prints 115 pages", 4, "115"),
    ("Apples cost $0.40 each. How much do 7 apples cost?", "7 × 0.40 = 2.80\nThe apples cost $28", 2, "28"),
])
def test_a_result_copied_wrong_into_the_answer_line(problem, solution, step, found):
    from tutor.hints.fallback import fallback_hint
    from tutor.hints.guards import check_hint
    from tutor.hints.prompting import ladder_kinds

    p, steps = Problem(text=problem), parse_solution(solution)
    v = Verifier(None).verify(p, steps)
    assert (v.label, v.first_error_step, v.error_category, v.found_value) == ("incorrect", step, "Calculation error", found)
    hints = [fallback_hint(p, steps, v, lv, kind) for lv, kind in ladder_kinds(v)]
    assert hints[0].text == f"Look at step {step}, where you write {found}. Is that the number your work found just before?"
    assert all(check_hint(h.text, h.level, h.kind, p, steps, v) == [] for h in hints)


def test_a_copy_slip_needs_one_changed_digit_a_swap_or_a_moved_point():
    from tutor.verify.verifier import _copied_wrong

    assert [_copied_wrong(a, b) for a, b in [(105, 115), (105, 150), (2.8, 28), (7.5, 75)]] == [True] * 4
    assert [_copied_wrong(a, b) for a, b in [(105, 105), (5, 6), (105, 1050), (-12, 12)]] == [False] * 4


def test_a_given_amount_counts_as_used_only_in_its_own_kind_of_unit():
    from tutor.schema import Problem
    from tutor.steps import parse_solution
    from tutor.verify import Verifier

    # $20 is not "used" as 1.25 (20 ÷ 16 would turn ounces into pounds, not dollars)
    problem = Problem(text="Lia buys 4 pens at $1.25 each and 3 notebooks at $2.40 each. She pays with a $20 "
                           "bill. How much change does she get?")
    verdict = Verifier(None).verify(problem, parse_solution(
        "4 × 1.25 = 5\n3 × 2.40 = 7.20\n5 + 7.20 = 12.20\nHer change is $12.20"))
    assert (verdict.label, verdict.unused_given) == ("unsure", "20")
    # 2 hours written as 120 minutes is used
    verdict = Verifier(None).verify(Problem(text="A car goes 150 km in 2 hours. How many km per minute?"),
                                    parse_solution("2 hours = 120 minutes\n150 ÷ 120 = 1.25 km per minute"))
    assert verdict.unused_given is None


def test_a_count_used_as_repeated_addition_is_used():
    from tutor.schema import Problem
    from tutor.steps import parse_solution
    from tutor.verify import Verifier

    problem = Problem(text="Ana read 6 books of 35 pages each. How many pages did she read?")
    verdict = Verifier(None).verify(problem, parse_solution("35 + 35 + 35 + 35 + 35 + 35 = 210\nShe read 210 pages"))
    assert verdict.unused_given is None
    verdict = Verifier(None).verify(problem, parse_solution("35 + 35 + 35 + 35 + 35 = 175\nShe read 175 pages"))
    assert verdict.unused_given == "6"


def test_a_word_problem_check_that_fails_does_not_lose_the_verdict(monkeypatch, caplog):
    import tutor.verify.verifier as verifier

    def broken(*_):
        raise TypeError("odd text")
    monkeypatch.setattr(verifier, "solution_misconception", broken)
    verdict = Verifier(None).verify(Problem(PROBLEM), parse_solution("3 x 4 = 12\n12 - 2 = 10"))
    assert verdict.label == "correct" and "word-problem check failed" in caplog.text
    # and the arithmetic check still finds a false step
    verdict = Verifier(None).verify(Problem(PROBLEM), parse_solution("3 x 4 = 12\n12 + 1 = 14"))
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 2)


@pytest.mark.parametrize("problem,reference,steps", [
    # an amount the problem gives, said again in the closing line, only places the answer
    ("Mia and her sister are 20 years old together. Mia is 2 years older. How old will Mia be in 4 years?",
     ["20 - 2 = 18", "18 / 2 = 9 is her sister's age.", "Mia is 9 + 2 = 11.", "In 4 years Mia will be 11 + 4 = 15 years old."],
     "20 + 2 = 22\n22 / 2 = 11 is Mia's age\nMia in 4 years: 11 + 4 = 15"),
    # a clock time reached through an amount in two units; the reference's last amount (45
    # minutes) is an operand, not its answer
    ("A play is 1 hour 45 minutes long and starts at 6:30 PM. When does it end?",
     ["6:30 PM plus 1 hour is 7:30 PM.", "7:30 PM plus 45 minutes is 8:15 PM."],
     "From 6:30 to 7:00 is 30 minutes.\n1 h 45 min = 105 minutes; 105 - 30 = 75 minutes after 7:00.\n"
     "75 minutes = 1 hour 15 minutes, so 7:00 + 1:15 = 8:15 PM."),
    # the answer in two units, converted from minutes in the last step
    ("A printer prints 12 pages in 5 minutes. How long does it take to print 180 pages? Answer in hours and minutes.",
     ["It prints 12 / 5 = 2.4 pages per minute.", "180 / 2.4 = 75 minutes.", "75 minutes is 1 hour 15 minutes."],
     "180 / 12 = 15 batches\n15 x 5 = 75 min\n75 min = 1 h 15 min"),
    # "Plus 15 minutes" adds to the hour before it; it does not say 15 minutes is 1 hour 15 minutes
    ("Ana reads for 1 hour and then practices piano for 15 minutes. How many hours is that in all?",
     ["1 hour is 60 minutes.", "60 + 15 = 75 minutes.", "75 / 60 = 1.25 hours."],
     "Reading takes 1 hour\nPlus 15 minutes = 1 hour 15 minutes = 1.25 hours"),
    # the reference's answer is a rate: its "8 miles" is no length to compare with
    ("Ada walks 6 miles to a lake at 3 mph and back at 6 mph. What is her average speed?",
     ["There: 6 / 3 = 2 hours.", "Back: 6 / 6 = 1 hour.", "12 miles in 2 + 1 = 3 hours.", "12 / 3 = 4 miles per hour."],
     "Going takes 2 hours and coming back takes 1 hour.\nSo she walks 12 miles in 3 hours, which averages 4 mph."),
])
def test_right_work_closing_in_other_words_is_not_accused(problem, reference, steps):
    verdict = Verifier(None).verify(Problem(problem, reference_solution=reference), parse_solution(steps))
    assert verdict.label == "correct", verdict.explanation


def test_a_quotient_written_with_a_remainder_derives_its_whole_part_only():
    # "12 remainder 6" is read as 12 6/7 for the arithmetic check; the step states 12 and 6
    assert [d.value for d in step_graph("90 ÷ 7 = 12 remainder 6").derived] == [12.0]
    assert [d.value for d in step_graph("152 / 40 = 3.8").derived] == [3.8]
    problem = Problem("Kai has 4 boxes of 25 stickers. He shares them equally among himself and his 6 "
                      "friends, as many whole stickers each as he can. How many stickers are left over?")
    steps = parse_solution("4 x 25 = 100 stickers\nKai and 6 friends are 7 people\n100 ÷ 7 = 14 remainder 2\n"
                           "2 stickers are left over")
    from tutor.verify.features import solution_evidence
    assert [f["odd_value"] for f in solution_evidence(problem, steps).features] == [0.0] * 4


def test_an_equation_solved_to_the_reference_answer_was_set_up_right(verifier):
    problem = Problem("Two friends save the same amount each month for 2 years to put together $9600. How much "
                      "does each friend save per month?",
                      reference_solution=["2 years is 12 * 2 = 24 months.", "Together they save 9600 / 24 = $400 "
                                          "a month.", "Each saves 400 / 2 = $200.", "200"])
    setup = ("Let x be what each friend saves per month.\nIn 2 years each saves 24x.\nTogether they save "
             "2(24x) = 48x.\nSo 48x = 9600.\nx = 9600/48 = 200.\n")
    v = verifier.verify(problem, parse_solution(setup + "Each friend saves 200/2 = $100 a month."))
    assert (v.label, v.first_error_step) == ("incorrect", 6)
    assert all(p <= 0.02 for p in v.step_error_probs[:5])
    # solved wrongly, the equation vindicates nothing: the slip is the first error
    v = verifier.verify(problem, parse_solution(setup.replace("= 200.", "= 250.") + "Each friend saves $250."))
    assert (v.label, v.first_error_step) == ("incorrect", 5)
