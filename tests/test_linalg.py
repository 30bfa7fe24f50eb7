"""Tests for mathlib.linalg: analytic values, identities, references and every guard."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mathlib import linalg
from mathlib.linalg import dot, hadamard, inverse, matmul, solve_normal_equation, transpose

FAST = settings(deadline=None, max_examples=60)
entries = st.floats(min_value=-10, max_value=10, allow_nan=False, allow_infinity=False)
dims = st.integers(min_value=1, max_value=4)


def matrices(rows: int, cols: int):
    return arrays(np.float64, (rows, cols), elements=entries)


def naive_matmul(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Independent reference: the triple loop of the definition, summed with math.fsum."""
    return np.array(
        [
            [math.fsum(A[i, k] * B[k, j] for k in range(A.shape[1])) for j in range(B.shape[1])]
            for i in range(A.shape[0])
        ]
    )


# --- public surface ---------------------------------------------------------------------


def test_all_lists_the_public_functions():
    """__all__ names exactly the six public functions, and each is callable."""
    assert sorted(linalg.__all__) == ["dot", "hadamard", "inverse", "matmul", "solve_normal_equation", "transpose"]
    assert all(callable(getattr(linalg, name)) for name in linalg.__all__)


# --- dot ----------------------------------------------------------------------------------


def test_dot_neuron_example_is_exactly_68():
    """Weights (0.5, -0.3, 0.1) on (170, 65, 25) give exactly 68.0: 85 - 19.5 + 2.5."""
    assert dot([0.5, -0.3, 0.1], [170, 65, 25]) == 68.0


def test_dot_returns_builtin_float():
    """dot returns a Python float, not np.float64, so it prints as 68.0."""
    assert type(dot([1, 2], [3, 4])) is float


def test_dot_of_perpendicular_vectors_is_zero():
    """Perpendicular unit vectors have dot product 0."""
    assert dot([1, 0], [0, 1]) == 0.0


@FAST
@given(st.lists(st.tuples(entries, entries), min_size=1, max_size=8))
def test_dot_matches_fsum_of_products(pairs):
    """dot equals the correctly rounded sum of products (math.fsum) within rounding."""
    a, b = zip(*pairs, strict=True)
    assert dot(a, b) == pytest.approx(math.fsum(x * y for x, y in pairs), abs=1e-9)


# --- matmul -------------------------------------------------------------------------------


def test_matmul_hand_example():
    """[[2, 3], [1, -1]] times (1, 4) is (14, -3), as worked by hand."""
    assert matmul([[2, 3], [1, -1]], [1, 4]).tolist() == [14.0, -3.0]


def test_matmul_layer_example():
    """The layer W x + b with W = [[.5, -.3, .1], [.2, .4, -.1]], x = (170, 65, 25), b = (.1, -.2) is (68.1, 57.3)."""
    W = [[0.5, -0.3, 0.1], [0.2, 0.4, -0.1]]
    z = matmul(W, [170, 65, 25]) + np.array([0.1, -0.2])
    assert z.tolist() == pytest.approx([68.1, 57.3], abs=1e-12)


def test_matmul_of_two_vectors_is_a_float():
    """1-D @ 1-D is the inner product, returned as a Python float."""
    result = matmul([1, 2, 3], [4, 5, 6])
    assert type(result) is float and result == 32.0


def test_matmul_row_vector_times_matrix_shape():
    """A 1-D A acts as a row vector: (3,) @ (3, 2) -> (2,)."""
    assert matmul([1, 2, 3], np.ones((3, 2))).shape == (2,)


@FAST
@given(dims, dims, dims, st.data())
def test_matmul_matches_triple_loop(m, n, p, data):
    """matmul agrees with the definition C_ij = sum_k A_ik B_kj, written as loops."""
    A, B = data.draw(matrices(m, n)), data.draw(matrices(n, p))
    np.testing.assert_allclose(matmul(A, B), naive_matmul(A, B), rtol=1e-12, atol=1e-9)


@FAST
@given(dims, dims, dims, dims, st.data())
def test_matmul_is_associative(m, n, p, q, data):
    """(AB)C equals A(BC) up to rounding."""
    A, B, C = data.draw(matrices(m, n)), data.draw(matrices(n, p)), data.draw(matrices(p, q))
    np.testing.assert_allclose(matmul(matmul(A, B), C), matmul(A, matmul(B, C)), rtol=1e-9, atol=1e-8)


@FAST
@given(dims, dims, dims, st.data())
def test_transpose_of_product_reverses_order(m, n, p, data):
    """(AB)ᵀ equals BᵀAᵀ."""
    A, B = data.draw(matrices(m, n)), data.draw(matrices(n, p))
    np.testing.assert_allclose(transpose(matmul(A, B)), matmul(transpose(B), transpose(A)), rtol=1e-12, atol=1e-9)


# --- hadamard -----------------------------------------------------------------------------


def test_hadamard_mask_example():
    """A 0/1 mask keeps the entries where it holds 1: [[5, 0, 8], [0, 7, 0]]."""
    result = hadamard([[1, 0, 1], [0, 1, 0]], [[5, 3, 8], [2, 7, 4]])
    assert result.tolist() == [[5.0, 0.0, 8.0], [0.0, 7.0, 0.0]]


def test_hadamard_differs_from_matmul():
    """For square matrices the Hadamard product is not the matrix product."""
    A = [[1, 2], [3, 4]]
    assert hadamard(A, A).tolist() == [[1.0, 4.0], [9.0, 16.0]]
    assert matmul(A, A).tolist() == [[7.0, 10.0], [15.0, 22.0]]


@FAST
@given(dims, dims, st.data())
def test_hadamard_matches_entrywise_loop(m, n, data):
    """(A ⊙ B)_ij equals A_ij * B_ij for every entry."""
    A, B = data.draw(matrices(m, n)), data.draw(matrices(m, n))
    expected = [[A[i, j] * B[i, j] for j in range(n)] for i in range(m)]
    assert hadamard(A, B).tolist() == expected


# --- transpose ----------------------------------------------------------------------------


def test_transpose_swaps_rows_and_columns():
    """The transpose of a (2, 3) matrix is (3, 2) with A_ij moved to (j, i)."""
    assert transpose([[1, 2, 3], [4, 5, 6]]).tolist() == [[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]


def test_transpose_returns_a_copy():
    """Writing into the transpose leaves the input unchanged."""
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    T = transpose(A)
    T[0, 1] = 99.0
    assert A[1, 0] == 3.0


@FAST
@given(dims, dims, st.data())
def test_transpose_twice_is_identity(m, n, data):
    """(Aᵀ)ᵀ = A."""
    A = data.draw(matrices(m, n))
    assert np.array_equal(transpose(transpose(A)), A)


# --- inverse ------------------------------------------------------------------------------


def test_inverse_two_by_two_analytic():
    """inv([[4, 7], [2, 6]]) = (1/10) [[6, -7], [-2, 4]] since det = 10."""
    np.testing.assert_allclose(inverse([[4, 7], [2, 6]]), [[0.6, -0.7], [-0.2, 0.4]], rtol=1e-12)


@FAST
@given(st.integers(min_value=1, max_value=5), st.data())
def test_inverse_times_matrix_is_identity(n, data):
    """inverse(A) @ A ≈ I for a strictly diagonally dominant (hence well-conditioned) A."""
    M = data.draw(arrays(np.float64, (n, n), elements=st.floats(-1, 1)))
    A = M + (n + 1) * np.eye(n)
    np.testing.assert_allclose(inverse(A) @ A, np.eye(n), atol=1e-12)


# --- solve_normal_equation ----------------------------------------------------------------


def test_normal_equation_line_example():
    """Noise-free points on y = 1 + 2x give intercept 1 and slope 2."""
    w = solve_normal_equation([[1, 0], [1, 1], [1, 2], [1, 3]], [1, 3, 5, 7])
    np.testing.assert_allclose(w, [1.0, 2.0], atol=1e-12)


@FAST
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 4),
    extra_rows=st.integers(3, 10),
    w_true=st.lists(entries, min_size=4, max_size=4),
)
def test_normal_equation_recovers_exact_coefficients(seed, n, extra_rows, w_true):
    """On noise-free data y = X w, the normal equation returns w."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n + extra_rows, n))
    w = np.array(w_true[:n])
    np.testing.assert_allclose(solve_normal_equation(X, X @ w), w, rtol=1e-7, atol=1e-7)


@FAST
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 4), extra_rows=st.integers(3, 10))
def test_normal_equation_matches_lstsq(seed, n, extra_rows):
    """On noisy data the normal equation agrees with np.linalg.lstsq."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n + extra_rows, n))
    y = rng.standard_normal(n + extra_rows)
    expected, *_ = np.linalg.lstsq(X, y, rcond=None)
    np.testing.assert_allclose(solve_normal_equation(X, y), expected, rtol=1e-7, atol=1e-9)


def test_normal_equation_accepts_several_targets():
    """A (m, k) target gives (n, k) weights, one column per target."""
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    Y = np.column_stack([1 + 2 * X[:, 1], 3 - X[:, 1]])
    np.testing.assert_allclose(solve_normal_equation(X, Y), [[1.0, 3.0], [2.0, -1.0]], atol=1e-12)


# --- guards -------------------------------------------------------------------------------


def test_dot_rejects_different_lengths():
    """dot names both shapes when the lengths differ."""
    with pytest.raises(ValueError, match=r"^dot: a is \(3,\) and b is \(2,\); both vectors must have the same length"):
        dot([1, 2, 3], [1, 2])


def test_dot_rejects_matrices():
    """dot refuses 2-D input and points to matmul."""
    with pytest.raises(ValueError, match=r"^dot: a is \(2, 2\) and b is \(2,\); both must be 1-D.*matmul"):
        dot([[1, 2], [3, 4]], [1, 2])


def test_dot_rejects_text():
    """A string is not a vector: TypeError naming the argument."""
    with pytest.raises(TypeError, match=r"^dot: b must be numeric"):
        dot([1, 2], "12")


def test_dot_rejects_nan():
    """NaN in the input is refused, never passed through."""
    with pytest.raises(ValueError, match=r"^dot: a contains NaN"):
        dot([1, math.nan], [1, 2])


def test_dot_rejects_infinity():
    """An infinite entry is refused (inf * 0 would give a silent NaN)."""
    with pytest.raises(ValueError, match=r"^dot: b must be finite; got inf"):
        dot([0, 1], [math.inf, 1])


def test_dot_rejects_empty():
    """Empty vectors are refused."""
    with pytest.raises(ValueError, match=r"^dot: a must not be empty"):
        dot([], [])


def test_matmul_shape_rule_message():
    """(2, 3) @ (2, 3) fails with both shapes and the columns-equal-rows rule."""
    message = "matmul: A is (2, 3) and B is (2, 3); A's columns (3) must equal B's rows (2)"
    with pytest.raises(ValueError) as error:
        matmul(np.ones((2, 3)), np.ones((2, 3)))
    assert str(error.value) == message


def test_matmul_vector_shape_rule_message():
    """A matrix times a vector of the wrong length names B's length."""
    with pytest.raises(
        ValueError, match=r"^matmul: A is \(2, 3\) and B is \(2,\); A's columns \(3\) must equal B's length \(2\)"
    ):
        matmul(np.ones((2, 3)), [1, 2])


def test_matmul_rejects_three_dimensions():
    """matmul takes 1-D or 2-D arrays only."""
    with pytest.raises(ValueError, match=r"^matmul: A must be 1-D or 2-D; got shape \(2, 2, 2\)"):
        matmul(np.ones((2, 2, 2)), np.ones((2, 2)))


def test_matmul_rejects_scalar():
    """A 0-D number is not a matrix."""
    with pytest.raises(ValueError, match=r"^matmul: B must be 1-D or 2-D; got shape \(\)"):
        matmul([1, 2], 3)


def test_matmul_rejects_non_numeric():
    """Non-numeric input gives TypeError naming A."""
    with pytest.raises(TypeError, match=r"^matmul: A must be numeric"):
        matmul(None, [1, 2])


def test_hadamard_rejects_different_shapes():
    """hadamard does not broadcast: different shapes are an error naming both."""
    with pytest.raises(ValueError, match=r"^hadamard: A is \(2, 3\) and B is \(3, 2\); they must have the same shape"):
        hadamard(np.ones((2, 3)), np.ones((3, 2)))


def test_hadamard_rejects_infinity():
    """An infinite entry is refused."""
    with pytest.raises(ValueError, match=r"^hadamard: A must be finite"):
        hadamard([math.inf], [1.0])


def test_transpose_rejects_vector():
    """A 1-D array has nothing to transpose; the message says how to reshape."""
    with pytest.raises(ValueError, match=r"^transpose: A must be a 2-D matrix; got shape \(3,\).*reshape"):
        transpose([1, 2, 3])


def test_inverse_rejects_non_square():
    """A (2, 3) matrix is non-square; the message gives its shape."""
    with pytest.raises(ValueError, match=r"^inverse: A is non-square with shape \(2, 3\)"):
        inverse(np.ones((2, 3)))


def test_inverse_rejects_singular():
    """[[1, 2], [2, 4]] has rank 1, so it is singular."""
    with pytest.raises(ValueError, match=r"^inverse: A is singular \(rank 1 < 2"):
        inverse([[1, 2], [2, 4]])


def test_inverse_rejects_zero_matrix_without_linalgerror():
    """The zero matrix raises ValueError (condition number inf), not LinAlgError."""
    with pytest.raises(ValueError, match=r"^inverse: A is singular \(rank 0 < 2, condition number inf\)"):
        inverse(np.zeros((2, 2)))


def test_inverse_rejects_numerically_singular():
    """A matrix singular up to rounding (rows 0.1, 0.2, 0.3 apart) is reported as singular."""
    A = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]]
    with pytest.raises(ValueError, match=r"^inverse: A is singular \(rank 2 < 3"):
        inverse(A)


def test_inverse_rejects_vector():
    """A 1-D array is not a matrix."""
    with pytest.raises(ValueError, match=r"^inverse: A must be 2-D"):
        inverse([1, 2])


def test_normal_equation_rejects_row_mismatch():
    """X and y must have one row per example; both shapes are named."""
    with pytest.raises(
        ValueError,
        match=r"^solve_normal_equation: X is \(4, 2\) and y is \(3,\); X's rows \(4\) must equal y's rows \(3\)",
    ):
        solve_normal_equation(np.ones((4, 2)), [1, 2, 3])


def test_normal_equation_rejects_more_columns_than_rows():
    """With more features than examples XᵀX is singular, and the message says why."""
    with pytest.raises(
        ValueError, match=r"^solve_normal_equation: X is \(2, 3\); XᵀX is singular because X has more columns"
    ):
        solve_normal_equation(np.arange(6.0).reshape(2, 3), [1, 2])


def test_normal_equation_rejects_repeated_column():
    """A column that repeats another makes XᵀX singular."""
    X = np.array([[1.0, 2.0, 2.0], [1.0, 3.0, 3.0], [1.0, 5.0, 5.0], [1.0, 7.0, 7.0]])
    with pytest.raises(ValueError, match=r"^solve_normal_equation: XᵀX is singular \(rank 2 < 3"):
        solve_normal_equation(X, [1, 2, 3, 4])


def test_normal_equation_rejects_vector_design_matrix():
    """X must be a 2-D design matrix."""
    with pytest.raises(ValueError, match=r"^solve_normal_equation: X must be 2-D"):
        solve_normal_equation([1, 2, 3], [1, 2, 3])


def test_normal_equation_rejects_3d_y():
    """y must be 1-D or 2-D."""
    with pytest.raises(ValueError, match=r"^solve_normal_equation: y must be 1-D or 2-D"):
        solve_normal_equation(np.ones((2, 1)), np.ones((2, 1, 1)))
