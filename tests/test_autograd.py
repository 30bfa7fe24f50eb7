"""Tests for mathlib.autograd: analytic values, central finite differences, error paths."""

from __future__ import annotations

import math
import re
import sys
import time

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mathlib.autograd import Value, to_dot, to_mermaid


def central_difference(f, x, h=1e-6):
    """(f(x + h) - f(x - h)) / 2h on plain floats: the independent oracle."""
    return (f(x + h) - f(x - h)) / (2 * h)


# ---- the figures the site uses --------------------------------------------------------


def test_chain_rule_example_from_the_site():
    """x = 2, h = x^2, y = h + 3, z = 2y gives z = 14 and dz/dx = 2 * 2x = 8."""
    x = Value(2.0)
    z = (x**2 + 3) * 2
    z.backward()
    assert (z.data, x.grad) == (14.0, 8.0)


def test_neuron_pre_activation_is_zero_only_up_to_rounding():
    """z = 0.5*1 + (-0.3)*2 + 0.1 is 0 on paper but 2.78e-17 in floating point (0.1, 0.3 are inexact)."""
    z = Value(0.5) * Value(1.0) + Value(-0.3) * Value(2.0) + Value(0.1)
    assert z.data != 0.0
    assert abs(z.data) < 1e-16
    assert z.data == 0.5 * 1.0 + (-0.3) * 2.0 + 0.1  # the same rounding as plain floats


def test_neuron_output_and_gradients_from_the_site():
    """out = sigma(w.x + b) = 0.5; dout/dw = sigma(1 - sigma) x = (0.25, 0.5); dout/db = 0.25."""
    x1, x2, w1, w2, b = Value(1.0), Value(2.0), Value(0.5), Value(-0.3), Value(0.1)
    out = (w1 * x1 + w2 * x2 + b).sigmoid()
    out.backward()
    assert out.data == 0.5
    assert (w1.grad, w2.grad, b.grad) == (0.25, 0.5, 0.25)
    assert (x1.grad, x2.grad) == pytest.approx((0.25 * 0.5, 0.25 * -0.3))


# ---- every operation against central finite differences -------------------------------

# (name, Value expression, float expression, point): the float side uses the math module.
UNARY_CASES = [
    ("x + 3", lambda v: v + 3, lambda x: x + 3, 1.3),
    ("3 + x", lambda v: 3 + v, lambda x: 3 + x, 1.3),
    ("x - 3", lambda v: v - 3, lambda x: x - 3, 1.3),
    ("3 - x", lambda v: 3 - v, lambda x: 3 - x, 1.3),
    ("x * 3", lambda v: v * 3, lambda x: x * 3, 1.3),
    ("3 * x", lambda v: 3 * v, lambda x: 3 * x, 1.3),
    ("x / 3", lambda v: v / 3, lambda x: x / 3, 1.3),
    ("3 / x", lambda v: 3 / v, lambda x: 3 / x, 1.3),
    ("-x", lambda v: -v, lambda x: -x, 1.3),
    ("x ** 3", lambda v: v**3, lambda x: x**3, -1.3),
    ("x ** -2", lambda v: v**-2, lambda x: x**-2, -1.3),
    ("x ** 0.5", lambda v: v**0.5, lambda x: math.sqrt(x), 1.3),
    ("x ** 0", lambda v: v**0, lambda x: 1.0, 1.3),
    ("exp(x)", lambda v: v.exp(), math.exp, 1.3),
    ("log(x)", lambda v: v.log(), math.log, 1.3),
    ("tanh(x)", lambda v: v.tanh(), math.tanh, 0.7),
    ("sigmoid(x)", lambda v: v.sigmoid(), lambda x: 1 / (1 + math.exp(-x)), 0.7),
    ("sigmoid(-x)", lambda v: v.sigmoid(), lambda x: 1 / (1 + math.exp(-x)), -2.5),
    ("relu(x), x > 0", lambda v: v.relu(), lambda x: max(0.0, x), 0.7),
    ("relu(x), x < 0", lambda v: v.relu(), lambda x: max(0.0, x), -0.7),
]


@pytest.mark.parametrize(("name", "op", "f", "x0"), UNARY_CASES, ids=[c[0] for c in UNARY_CASES])
def test_operation_gradient_matches_finite_difference(name, op, f, x0):
    """d op / dx from backward equals the central difference of the same formula on floats."""
    x = Value(x0)
    y = op(x)
    y.backward()
    assert y.data == pytest.approx(f(x0), rel=1e-12)
    assert x.grad == pytest.approx(central_difference(f, x0), rel=1e-6, abs=1e-9)


BINARY_CASES = [
    ("a + b", lambda a, b: a + b),
    ("a - b", lambda a, b: a - b),
    ("a * b", lambda a, b: a * b),
    ("a / b", lambda a, b: a / b),
]


@pytest.mark.parametrize(("name", "op"), BINARY_CASES, ids=[c[0] for c in BINARY_CASES])
def test_binary_operation_gradients_match_finite_differences(name, op):
    """Both partial derivatives of a binary operation equal central differences."""
    a0, b0 = 1.7, -0.6
    a, b = Value(a0), Value(b0)
    op(a, b).backward()
    assert a.grad == pytest.approx(central_difference(lambda t: op(t, b0), a0), rel=1e-6)
    assert b.grad == pytest.approx(central_difference(lambda t: op(a0, t), b0), rel=1e-6)


def test_relu_derivative_at_the_kink_is_zero():
    """relu'(0) is taken as 0 (the subgradient PyTorch uses)."""
    x = Value(0.0)
    x.relu().backward()
    assert x.grad == 0.0


def test_square_root_derivative_at_zero_is_infinite():
    """d/dx x^0.5 -> +inf as x -> 0+, and that limit is what is stored (not an error, not NaN)."""
    x = Value(0.0)
    (x**0.5).backward()
    assert x.grad == math.inf


def test_sigmoid_is_stable_for_large_arguments():
    """sigmoid(+-1000) is exactly 1 and 0 without overflow, and sigmoid(-40) keeps full precision."""
    assert Value(1000.0).sigmoid().data == 1.0
    assert Value(-1000.0).sigmoid().data == 0.0
    assert Value(-40.0).sigmoid().data == pytest.approx(math.exp(-40) / (1 + math.exp(-40)), rel=1e-15)


def test_numpy_scalars_mix_with_values():
    """NumPy scalars work as data and as operands on either side."""
    x = Value(np.float32(0.5))
    y = np.float64(3.0) * x + np.int64(1)
    y.backward()
    assert isinstance(y, Value)
    assert (y.data, x.grad) == (2.5, 3.0)


# ---- random expression trees (Hypothesis) ----------------------------------------------

N_VARS = 3
# Functions of one argument, as (Value version, float version). log, division and the
# square root act on u^2 + 0.5 >= 0.5, so no expression leaves their domain.
UNARY_FUNCTIONS = {
    "neg": (lambda v: -v, lambda x: -x),
    "exp": (lambda v: v.exp(), math.exp),
    "tanh": (lambda v: v.tanh(), math.tanh),
    "sigmoid": (lambda v: v.sigmoid(), lambda x: 1 / (1 + math.exp(-x))),
    "log": (lambda v: (v * v + 0.5).log(), lambda x: math.log(x * x + 0.5)),
    "sqrt": (lambda v: (v * v + 0.5) ** 0.5, lambda x: math.sqrt(x * x + 0.5)),
    "cube": (lambda v: v**3, lambda x: x**3),
    "relu": (lambda v: v.relu(), lambda x: max(x, 0.0)),
}
BINARY_FUNCTIONS = {
    "add": (lambda a, b: a + b, lambda a, b: a + b),
    "sub": (lambda a, b: a - b, lambda a, b: a - b),
    "mul": (lambda a, b: a * b, lambda a, b: a * b),
    "div": (lambda a, b: a / (b * b + 0.5), lambda a, b: a / (b * b + 0.5)),
}

# Points away from 0, where many derivatives coincide (tanh'(0) = 1 = 1 - tanh(0)) and a
# wrong formula could pass; variables three times as likely as constants.
points = st.tuples(st.sampled_from([-1.0, 1.0]), st.floats(0.1, 2.0)).map(lambda p: p[0] * p[1])
variables = st.tuples(st.just("var"), st.integers(0, N_VARS - 1))
leaves = st.one_of(variables, variables, variables, st.tuples(st.just("const"), points))
trees = st.recursive(
    leaves,
    lambda sub: st.one_of(
        st.tuples(st.sampled_from(sorted(UNARY_FUNCTIONS)), sub),
        st.tuples(st.sampled_from(sorted(BINARY_FUNCTIONS)), sub, sub),
    ),
    max_leaves=12,
)


class _NearKink(Exception):
    """A relu argument is so close to 0 that a finite difference would straddle the kink."""


def evaluate(tree, xs, as_value):
    """Evaluate ``tree`` at ``xs`` with Values (``as_value``) or with plain floats and math."""
    kind = tree[0]
    if kind == "var":
        return xs[tree[1]]
    if kind == "const":
        return Value(tree[1]) if as_value else tree[1]
    args = [evaluate(t, xs, as_value) for t in tree[1:]]
    if kind == "relu" and not as_value and abs(args[0]) < 1e-3:
        raise _NearKink
    table = UNARY_FUNCTIONS if len(args) == 1 else BINARY_FUNCTIONS
    return table[kind][0 if as_value else 1](*args)


@settings(max_examples=100, deadline=None)
@given(tree=trees, xs=st.lists(points, min_size=N_VARS, max_size=N_VARS))
def test_random_expression_gradients_match_central_differences(tree, xs):
    """For random expression trees over 3 variables, backward equals central differences."""
    try:
        f0 = evaluate(tree, xs, as_value=False)
    except (_NearKink, OverflowError):
        assume(False)
    variables = [Value(x) for x in xs]
    out = evaluate(tree, variables, as_value=True)
    out.backward()
    assert out.data == pytest.approx(f0, rel=1e-9, abs=1e-12)
    for i, v in enumerate(variables):

        def f(t, i=i):
            return evaluate(tree, [*xs[:i], t, *xs[i + 1 :]], as_value=False)

        try:
            fd = central_difference(f, xs[i], h=1e-6)
        except (_NearKink, OverflowError):
            assume(False)
        assert v.grad == pytest.approx(fd, rel=1e-4, abs=1e-6 * (1 + abs(f0)))


# ---- graph bookkeeping ------------------------------------------------------------------


def test_reused_node_accumulates_gradient():
    """A node used twice gets both contributions: d(a*a)/da = 2a and d(a + a*b)/da = 1 + b."""
    a = Value(3.0)
    (a * a).backward()
    assert a.grad == 6.0
    a, b = Value(3.0), Value(-4.0)
    (a + a * b).backward()
    assert (a.grad, b.grad) == (-3.0, 3.0)


def test_diamond_graph_accumulates_through_both_paths():
    """y = x^2, z = y*y + y: dz/dx = (2y + 1) * 2x = 36 at x = 2 (y = 4)."""
    x = Value(2.0)
    y = x**2
    (y * y + y).backward()
    assert x.grad == 36.0


def test_backward_twice_accumulates_exactly_twice():
    """Calling backward again adds the same gradient once more (PyTorch's rule), at every node."""
    x = Value(2.0)
    h = x * x
    z = h * 3
    z.backward()
    z.backward()
    assert (x.grad, h.grad, z.grad) == (24.0, 6.0, 2.0)


def test_zero_grad_resets_the_whole_graph():
    """zero_grad sets grad to 0 on the node and on everything it was computed from."""
    x = Value(2.0)
    z = (x * x).exp()
    z.backward()
    z.zero_grad()
    assert (x.grad, z.grad) == (0.0, 0.0)


def test_hand_built_node_with_local_derivatives():
    """A node built with _children and _local backpropagates like an operator's node."""
    a, b = Value(2.0), Value(5.0)
    c = Value(10.0, (a, b), "*", _local=(5.0, 2.0))
    c.backward()
    assert (a.grad, b.grad) == (5.0, 2.0)


def test_repr_shows_data_and_grad():
    """repr reads Value(data=..., grad=...)."""
    assert repr(Value(0.5)) == "Value(data=0.5, grad=0.0)"


# SLOW TEST (~3-6 s): builds and backpropagates a chain of 2,000,001 nodes.
def test_million_operation_chain_backpropagates_without_recursion():
    """x * c repeated 10^6 times: no RecursionError at the default limit; dy/dx = c^(10^6)."""
    c, n = 1.0000001, 1_000_000
    assert sys.getrecursionlimit() < n  # the point: the sort must not recurse
    start = time.perf_counter()
    x = Value(1.0)
    y = x
    for _ in range(n):
        y = y * c
    y.backward()
    elapsed = time.perf_counter() - start
    assert x.grad == pytest.approx(c**n, rel=1e-8)
    assert elapsed < 60  # a recursive or quadratic sort would be far slower, or crash


# ---- drawing ----------------------------------------------------------------------------


def _site_chain():
    """The calculus page's chain x = 2 -> h = x^2 -> y = h + 3 -> z = 2y, labelled, after backward()."""
    x = Value(2.0, label="x")
    h = x**2
    h.label = "h"
    y = h + 3
    y.label = "y"
    z = y * 2
    z.label = "z"
    z.backward()
    return z


def test_to_mermaid_draws_the_site_chain_example():
    """The chain x -> x^2 -> +3 -> *2 is drawn with its labels, constants and 4-digit grads."""
    z = _site_chain()
    text = to_mermaid(z)
    assert text.splitlines()[0] == "flowchart LR"
    for line in ['["x | data 2 | grad 8"]', '["h | data 4 | grad 2"]', '["y | data 7 | grad 2"]',
                 '["z | data 14 | grad 1"]', '["data 3 | grad 2"]', '["data 2 | grad 7"]',
                 '(("**2"))', '(("+"))', '(("*"))']:  # fmt: skip
        assert line in text


def test_to_mermaid_rounds_to_four_significant_digits():
    """data 1/3 is shown as 0.3333 and 2/3 * 10^6 as 6.667e+05."""
    text = to_mermaid(Value(1.0) / 3 * 2e6)
    assert "data 0.3333 " in text
    assert "data 6.667e+05 " in text


@pytest.mark.parametrize(("serialise", "box", "edge"), [(to_mermaid, r"\[", "-->"), (to_dot, r" \[", "->")])
def test_drawing_ids_follow_topological_order(serialise, box, edge):
    """Every edge runs from a lower id to a higher one, and ids run v0, v1, ... without gaps."""
    a, b = Value(1.0), Value(2.0)
    text = serialise((a * b + a).tanh())
    boxes = re.findall(rf"^\s+v(\d+){box}", text, flags=re.M)
    assert [int(i) for i in boxes] == list(range(len(boxes)))
    edges = re.findall(rf"v(\d+) {edge} op(\d+)", text)
    assert edges and all(int(src) < int(dst) for src, dst in edges)


@pytest.mark.parametrize("serialise", [to_dot, to_mermaid])
def test_drawing_text_is_deterministic(serialise):
    """Two identical graphs give identical text (ids do not depend on id() or memory)."""

    def build():
        x = Value(0.5, label="x")
        return (x * x + x.exp()).sigmoid()

    assert serialise(build()) == serialise(build())


def test_to_mermaid_escapes_quotes_in_labels():
    """A double quote in a label is written as #quot; so it cannot end the Mermaid label."""
    assert '["say #quot;hi#quot; | data 1 | grad 0"]' in to_mermaid(Value(1.0, label='say "hi"'))


def test_to_dot_draws_the_site_chain_example():
    """The chain x -> x^2 -> +3 -> *2 is drawn as records with labels, constants and 4-digit grads."""
    z = _site_chain()
    text = to_dot(z)
    assert text.splitlines()[:3] == ["digraph {", "    rankdir=LR", "    node [shape=record class=value]"]
    for line in ['[label="x|data 2|grad 8"]', '[label="h|data 4|grad 2"]', '[label="y|data 7|grad 2"]',
                 '[label="z|data 14|grad 1"]', '[label="data 3|grad 2"]', '[label="data 2|grad 7"]',
                 '[label="**2" shape=circle', '[label="+" shape=circle', '[label="*" shape=circle']:  # fmt: skip
        assert line in text


def test_to_dot_escapes_what_would_end_a_label_or_split_a_record():
    """A quote and a backslash are escaped for DOT; a bar and braces in a label for the record."""
    text = to_dot(Value(1.0, label='say "hi" {a|b} \\'))
    assert '[label="say \\"hi\\" \\{a\\|b\\} \\\\|data 1|grad 0"]' in text


def test_to_dot_rejects_non_values():
    """to_dot needs a Value."""
    with pytest.raises(TypeError, match=r"^to_dot: root must be a Value; got float$"):
        to_dot(1.0)


# ---- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["2.0", None, [1.0], True, 1 + 2j], ids=["str", "None", "list", "bool", "complex"])
def test_non_numeric_data_is_a_type_error(bad):
    """Value(data) needs a real number; anything else raises TypeError naming its type."""
    with pytest.raises(TypeError, match=f"^Value: data must be a real number; got {type(bad).__name__}$"):
        Value(bad)


def test_nan_data_is_a_value_error():
    """Value(nan) raises ValueError."""
    with pytest.raises(ValueError, match=r"^Value: data is NaN$"):
        Value(float("nan"))


def test_nan_result_is_a_value_error():
    """inf - inf would be a silent NaN; the operation raises instead."""
    with pytest.raises(ValueError, match=r"^Value: the result of '-' is NaN"):
        Value(math.inf) - math.inf


@pytest.mark.parametrize("x0", [0.0, -1.0])
def test_log_of_non_positive_is_a_value_error(x0):
    """log needs data > 0."""
    with pytest.raises(ValueError, match=r"^Value\.log: data must be > 0; got"):
        Value(x0).log()


def test_value_exponent_is_a_type_error():
    """Value ** Value raises TypeError and says how to write a variable power."""
    with pytest.raises(TypeError, match=r"^Value\.__pow__: the exponent must be a constant.*\.log\(\)\)\.exp\(\)"):
        Value(2.0) ** Value(3.0)


def test_non_numeric_operand_is_a_type_error():
    """Value + str is unsupported on either side (the operators return NotImplemented)."""
    with pytest.raises(TypeError, match=r"unsupported operand type.*'Value' and 'str'"):
        Value(1.0) + "a"
    with pytest.raises(TypeError, match=r"unsupported operand type.*'str' and 'Value'"):
        "a" - Value(1.0)
    with pytest.raises(TypeError, match=r"unsupported operand type.*\*\*"):
        Value(1.0) ** "2"


def test_division_by_zero_is_a_zero_division_error():
    """x / 0 raises ZeroDivisionError naming the operation."""
    with pytest.raises(ZeroDivisionError, match=r"^Value\.__truediv__: division by zero \(1\.0 / 0\.0\)$"):
        Value(1.0) / 0
    with pytest.raises(ZeroDivisionError, match=r"^Value\.__truediv__"):
        1 / Value(0.0)


def test_negative_base_to_fractional_power_is_a_value_error():
    """(-8) ** 0.5 is not real: ValueError rather than a complex number."""
    with pytest.raises(ValueError, match=r"^Value\.__pow__: a negative base \(-8\.0\) to a non-integer power"):
        Value(-8.0) ** 0.5


def test_zero_to_negative_power_is_a_zero_division_error():
    """0 ** -1 is undefined."""
    with pytest.raises(ZeroDivisionError, match=r"^Value\.__pow__: 0\.0 to a negative power"):
        Value(0.0) ** -1


def test_overflow_names_the_operation():
    """exp(1000) and 10 ** 400 overflow a float; the OverflowError says where."""
    with pytest.raises(OverflowError, match=r"^Value\.exp: e\*\*1000\.0 overflows a float"):
        Value(1000.0).exp()
    with pytest.raises(OverflowError, match=r"^Value\.__pow__: 10\.0 \*\* 400\.0 overflows a float"):
        Value(10.0) ** 400


def test_children_without_local_derivatives_is_a_value_error():
    """A hand-built node must give one local derivative per child, or its inputs would get no gradient."""
    with pytest.raises(ValueError, match=r"^Value: _children takes at most 2 nodes, with one local derivative"):
        Value(3.0, (Value(1.0), Value(2.0)), "+")


def test_to_mermaid_rejects_non_values():
    """to_mermaid needs a Value."""
    with pytest.raises(TypeError, match=r"^to_mermaid: root must be a Value; got float$"):
        to_mermaid(1.0)


# ---- the benchmark script ---------------------------------------------------------------


def test_benchmark_runs_and_agrees_with_itself(script):
    """scripts/bench_autograd.py runs on a small graph and exits 0 when no speed-up is required."""
    bench = script("bench_autograd")
    assert bench.main(["--terms", "200", "--repeats", "1", "--min-speedup", "0"]) == 0


def test_benchmark_fails_when_speedup_is_too_small(script):
    """The benchmark's guard fires: an unreachable required speed-up makes it exit 1."""
    bench = script("bench_autograd")
    assert bench.main(["--terms", "200", "--repeats", "1", "--min-speedup", "1e9"]) == 1


def test_benchmark_without_micrograd_says_so(script, monkeypatch, capsys):
    """Without micrograd the benchmark prints mathlib's time, says micrograd is missing, exits 0."""
    bench = script("bench_autograd")
    monkeypatch.setitem(sys.modules, "micrograd", None)
    monkeypatch.setitem(sys.modules, "micrograd.engine", None)
    assert bench.main(["--terms", "200", "--repeats", "1"]) == 0
    out = capsys.readouterr().out
    assert "mathlib.autograd.Value" in out
    assert "micrograd is not importable" in out


def test_draw_wraps_the_dot_text():
    """draw(root) holds exactly to_dot(root)."""
    from mathlib.autograd import draw, to_dot

    x = Value(2.0, label="x")
    y = x * 3
    assert draw(y).text == to_dot(y)


def test_draw_describes_the_graph_in_words():
    """A diagram's alt text names the root and counts its values and operations."""
    from mathlib.autograd import draw

    x = Value(2.0, label="x")
    z = x**2 + 3
    z.label = "z"
    assert draw(z).alt == "The computation graph of z: 4 values and 2 operations."


def test_diagram_renders_as_a_dot_fence_with_its_alt_text():
    """A Diagram shows itself in Markdown (the handbook) as a ```dot fence carrying alt=."""
    from mathlib.autograd import draw

    markdown = draw(Value(1.0, label='say "hi"') + 1)._repr_markdown_()
    alt = "The computation graph of the output: 3 values and 1 operation."
    assert markdown.startswith(f'```dot alt="{alt}"\ndigraph {{\n')
    assert markdown.endswith("\n}\n```")


def test_draw_rejects_a_non_value():
    """draw names itself and the argument when given a plain number."""
    from mathlib.autograd import draw

    with pytest.raises(TypeError, match="draw: root must be a Value; got float"):
        draw(1.0)
