"""Areas and volumes of named shapes (tutor.shapes): the measure a problem asks, the slips
that give another value, the verdict and a ladder that passes the guards."""

from fractions import Fraction

import pytest

from tutor.schema import Problem
from tutor.shapes import asked_measure, measure_problem, shape_slip
from tutor.steps import parse_solution
from tutor.verify import Verifier

CONE = "A cone has a radius of 3 inches and a height of 7 inches. Find its volume in terms of π."
CAN = "A cylinder has a diameter of 10 cm and a height of 4 cm. Find its volume in terms of π."
TRAPEZOID = "A trapezoid has bases of 7 in and 13 in and a height of 4 in. What is its area?"
PARALLELOGRAM = ("A parallelogram has a base of 12 inches, slanted sides of 9 inches, and a height of 7 inches. "
                 "What is its area?")


def test_the_measure_a_problem_asks():
    m = measure_problem(CONE)
    assert (m.shape, m.asked, m.sizes) == ("cone", "volume", {"radius": 3, "height": 7})
    assert m.value(Fraction(1)) == 21  # 21π
    assert measure_problem(TRAPEZOID).value(Fraction(1)) == 40
    assert measure_problem(PARALLELOGRAM).sizes == {"base": 12, "height": 7, "slant": 9}
    legs = measure_problem("A right triangle has sides of 6 cm, 8 cm, and 10 cm. What is its area?")
    assert (legs.sizes["legs"], legs.sizes["hypotenuse"], legs.value(Fraction(1))) == ((6, 8), 10, 24)
    assert asked_measure("Find the volume of a sphere with a radius of 6 cm. Use 3.14 for π.")[0] == Fraction("904.32")


@pytest.mark.parametrize("problem", [
    # two shapes, a part of one, or a size that is not given
    "A cylinder-shaped jug with radius 4 in and height 9 in is filled using a cone-shaped cup with radius 2 in "
    "and height 6 in. How many cupfuls fill the jug?",
    "A grain silo is a cylinder with a hemisphere on top. The cylinder has a radius of 3 m and a height of 10 m. "
    "How much does the silo hold?",
    "A cone has a volume of 50π cubic inches and a radius of 5 inches. What is its height?",
    "A triangle has a base of 8 cm. What is its area?",
    "A triangular sail has a base of 4 m and a height of 6 m. Sail cloth costs $5 per square meter. "
    "How much does the cloth cost?",
])
def test_problems_whose_measure_is_not_fixed_are_left_alone(problem):
    assert measure_problem(problem) is None


@pytest.mark.parametrize("problem, solution, step, name", [
    (CAN, "V = π × 10² × 4\nV = 400π cm³", 1, "diameter as radius"),
    (CONE, "V = π × 3² × 7\nV = 63π in³", 1, "cone without a third"),
    ("Find the volume of a sphere with a radius of 6 cm in terms of π.", "V = 4πr²\nV = 4 × π × 36\nV = 144π cm³", 1,
     "surface area for volume"),
    ("A marble has a radius of 3 mm. What is its volume in terms of π?", "V = 1/3 × π × 3³\nV = 9π mm³", 1,
     "a third for four thirds"),
    ("A bowl is shaped like a hemisphere with radius 6 cm. How much can the bowl hold in terms of π?",
     "whole sphere = 4/3 × π × 6³\n6³ = 216\n4/3 × 216π = 288π\nThe bowl holds 288π cm³", 4, "whole sphere for half"),
    ("A cylindrical vase has a radius of 3 cm and a height of 8 cm. What is its volume? Use 3.14.",
     "V = 2 × 3.14 × 3 × 8\nV = 150.72 cm³", 1, "side area for volume"),
    (PARALLELOGRAM, "A = 12 × 9 = 108\nThe area is 108 square inches", 1, "slanted side as height"),
    ("A parallelogram has a base of 10 cm and a height of 6 cm. What is its area?", "A = 1/2 × 10 × 6 = 30", 1,
     "triangle formula for parallelogram"),
    (TRAPEZOID, "A = (7 + 13) × 4 = 80\nArea = 80 sq in", 1, "bases added, not halved"),
    ("A trapezoid has bases of 5 ft and 9 ft and a height of 4 ft. What is its area?",
     "A = 1/2 × 5 × 9 × 4\nA = 90 square feet", 1, "bases multiplied"),
    ("A right triangle has legs of 9 cm and 12 cm and a hypotenuse of 15 cm. What is its area?",
     "A = 1/2 × 12 × 15 = 90\nThe area is 90 cm²", 1, "hypotenuse as height"),
    ("A triangular banner has a base of 10 inches and a height of 14 inches. How much fabric is in the banner?",
     "Area = 10 × 14 = 140\nThe banner has 140 square inches of fabric.", 1, "triangle without half"),
    ("Find the volume of a sphere with radius 3 m. Use 3.14 for π.",
     "V = 4/3 × 3.14 × 3²\nV = 4/3 × 3.14 × 9\nV = 37.68 m³", 1, "radius squared for cubed"),
    ("A table top is shaped like a trapezoid with parallel sides 5 ft and 9 ft and a height of 6 ft. What is the "
     "area of the table top?", "(5 + 9)/2 = 7\n7 × 6 = 42\n42 ÷ 2 = 21\nThe table top is 21 square feet.", 3,
     "halved twice"),
    # "half of a sphere" is a hemisphere; a cone that is a cup is one shape
    ("A bowl is half of a sphere with radius 3 inches. About how much soup does it hold? Use 3.14 for π.",
     "Whole ball: V = 4/3 × π × 3³ = 36π\nBowl volume = 36 × 3.14 = 113.04 in³", 2, "whole sphere for half"),
    ("A paper cone cup has a radius of 3 cm and a height of 7 cm. How much water can it hold? Use 3.14.",
     "V = 3.14 × 3² × 7\nV = 3.14 × 9 × 7\nV = 197.82 cm³", 1, "cone without a third"),
])
def test_a_formula_slip_is_named_with_a_guarded_ladder(problem, solution, step, name, slip_verdict):
    assert slip_verdict(problem, solution, step, shape_slip) == name


@pytest.mark.parametrize("problem, solution", [
    (CAN, "r = 10 ÷ 2 = 5\nV = π × 5² × 4\nV = 100π cm³"),
    (CONE, "V = 1/3 × π × 3² × 7\nV = 21π in³"),
    ("Find the volume of a sphere with a radius of 6 cm in terms of π.",
     "V = 4/3 π r³\nr³ = 6 × 6 × 6 = 216\n4/3 × 216 = 288\nV = 288π cm³"),
    ("A bowl is shaped like a hemisphere with a radius of 9 cm. How much can it hold in terms of π?",
     "sphere = 4/3 × π × 9³\n9³ = 729\nhemisphere = 1/2 × 4/3 × 729π\n= 486π cm³"),
    (TRAPEZOID, "(7 + 13) ÷ 2 = 10\n10 × 4 = 40\nThe area is 40 square inches"),
    (PARALLELOGRAM, "A = 12 × 7 = 84 square inches"),
    # the formula in letters inside the chain (it has no value: it once stopped the check)
    ("A triangular sail has a base of 8 feet and a height of 12 feet. What is its area?",
     "Area = (b x h)/2 = (8 x 12)/2 = 96/2 = 48 square feet"),
])
def test_right_work_is_right(problem, solution):
    steps = parse_solution(solution)
    assert shape_slip(problem, [s.text for s in steps]) is None
    assert Verifier(None).verify(Problem(text=problem), steps).label == "correct"


@pytest.mark.parametrize("problem, solution, step, name", [
    ("What is the sum of the interior angles of a hexagon?", "A hexagon has 8 sides\n(8 - 2) × 180 = 1080\nThe sum is 1080°.",
     1, "wrong number of sides"),
    ("Find the sum of the interior angles of a hexagon.", "sum = 6 × 180\n= 1080°", 1, "n times 180"),
    ("What is the measure of each interior angle of a regular octagon?",
     "(8 - 2) × 180 = 1080\n1080 ÷ 6 = 180\nEach angle is 180°.", 2, "each angle 180"),
    ("Find the measure of each interior angle of a regular decagon.", "10 × 180 = 1800\n1800 ÷ 10 = 180\nEach angle is 180°.",
     1, "n times 180"),
    ("The interior angles of a polygon add up to 1260°. How many sides does it have?",
     "1260 ÷ 180 = 7\nThe polygon has 7 sides.", 2, "sides without the 2"),
    ("What is the measure of one interior angle of a regular octagon?", "360 ÷ 8 = 45\nEach interior angle is 45°.",
     1, "exterior for interior"),
    ("Find each exterior angle of a regular pentagon.", "exterior sum = (5 − 2) × 180 = 540\neach = 540 ÷ 5 = 108°",
     1, "interior for exterior"),
    ("Each interior angle of a regular polygon measures 150°. How many sides does the polygon have?",
     "exterior = 180 − 150 = 30\nsides = 180 ÷ 30 = 6\nThe polygon has 6 sides.", 2, "180 for 360"),
    ("In a triangle, two interior angles are 40° and 75°. Find the exterior angle next to the third angle.",
     "exterior = 180 − (40 + 75)\nexterior = 180 − 115 = 65°", 1, "third angle for exterior"),
    ("The vertex angle of an isosceles triangle is 50°. Find the measure of each base angle.",
     "base angles = 180 − 50\nbase angles = 130° each", 1, "base angles not halved"),
    ("Each base angle of an isosceles triangle is 70°. What is the vertex angle?",
     "180 − 70 = 110\nThe vertex angle is 110°.", 1, "one base angle only"),
])
def test_a_polygon_angle_slip_is_named_with_a_guarded_ladder(problem, solution, step, name, slip_verdict):
    assert slip_verdict(problem, solution, step, shape_slip) == name


@pytest.mark.parametrize("problem, solution", [
    ("Find the sum of the interior angles of a hexagon.", "sum = (6 - 2) × 180\n= 720°"),
    ("What is the measure of each interior angle of a regular octagon?",
     "(8 - 2) × 180 = 1080\n1080 ÷ 8 = 135\nEach angle is 135°."),
    ("The interior angles of a polygon add up to 1260°. How many sides does it have?",
     "1260 ÷ 180 = 7\n7 + 2 = 9\nThe polygon has 9 sides."),
    ("Each interior angle of a regular polygon measures 150°. How many sides does the polygon have?",
     "exterior = 180 − 150 = 30\nsides = 360 ÷ 30 = 12"),
    ("In a triangle, two interior angles are 40° and 75°. Find the exterior angle next to the third angle.",
     "exterior = 40 + 75 = 115°"),
    ("The vertex angle of an isosceles triangle is 50°. Find the measure of each base angle.",
     "180 − 50 = 130\n130 ÷ 2 = 65\nEach base angle is 65°."),
    ("Each base angle of an isosceles triangle is 70°. What is the vertex angle?",
     "70 + 70 = 140\n180 − 140 = 40\nThe vertex angle is 40°."),
])
def test_right_polygon_angles_are_left_alone(problem, solution):
    assert shape_slip(problem, [s.text for s in parse_solution(solution)]) is None


@pytest.mark.parametrize("problem, solution, step", [
    ("A scale drawing uses 1 cm to represent 3 m. A patio on the drawing has an area of 20 cm². What is the actual "
     "area of the patio?", "1 cm = 3 m\n20 × 3 = 60\nThe patio is 60 m².", 2),
    ("A room is 10 m by 6 m. On a drawing with scale 1 cm : 2 m, what area will the room cover?",
     "real area = 10 × 6 = 60 m²\ndrawing area = 60 ÷ 2 = 30 cm²", 2),
])
def test_an_area_scaled_by_the_length_factor_is_named(problem, solution, step, slip_verdict):
    assert slip_verdict(problem, solution, step, shape_slip) == "area scaled by the length factor"


@pytest.mark.parametrize("problem, solution", [
    ("A room is 10 m by 6 m. On a drawing with scale 1 cm : 2 m, what area will the room cover?",
     "10 ÷ 2 = 5 cm\n6 ÷ 2 = 3 cm\n5 × 3 = 15 cm²"),
    ("A patio is drawn 6 cm by 4 cm with scale 1 cm : 5 m. What is the actual area of the patio?",
     "6 × 5 = 30 m\n4 × 5 = 20 m\n30 × 20 = 600 m²"),
])
def test_an_area_scaled_by_the_square_is_right(problem, solution):
    steps = parse_solution(solution)
    assert shape_slip(problem, [s.text for s in steps]) is None
    assert Verifier(None).verify(Problem(text=problem), steps).label == "correct"
