"""Tests for mathlib.decompositions: analytic values, identities (Hypothesis), references, every guard."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mathlib import decompositions
from mathlib.decompositions import (
    covariance,
    fix_signs,
    matrix_norm,
    pca,
    power_iteration,
    svd_reconstruct,
    vector_norm,
)

FAST = settings(deadline=None, max_examples=60)
entries = st.floats(min_value=-10, max_value=10, allow_nan=False, allow_infinity=False)
dims = st.integers(min_value=1, max_value=5)
orders = st.sampled_from([1, 2, 3, 1.5, math.inf])


def vectors(n: int):
    return arrays(np.float64, (n,), elements=entries)


def matrices(rows: int, cols: int):
    return arrays(np.float64, (rows, cols), elements=entries)


def spectrum_matrix(seed: int, n: int, gap: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
    """A symmetric matrix Q diag(λ) Qᵀ with known eigenvalues λ (descending), λ1 ≥ gap·|λ2|."""
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    rest = rng.uniform(-1.0, 1.0, size=n - 1)
    lam = np.concatenate([[gap * max(1.0, float(np.max(np.abs(rest))))], rest])
    return Q @ np.diag(lam) @ Q.T, lam


# --- public surface ---------------------------------------------------------------------


def test_all_lists_the_public_names():
    """__all__ names the seven functions and the two result types."""
    assert sorted(decompositions.__all__) == sorted(
        [
            "EigenPair",
            "PCAResult",
            "covariance",
            "fix_signs",
            "matrix_norm",
            "pca",
            "power_iteration",
            "svd_reconstruct",
            "vector_norm",
        ]
    )


# --- vector_norm ----------------------------------------------------------------------------


def test_vector_norms_of_three_four():
    """(3, -4) has L1 norm 7, L2 norm 5 and L-infinity norm 4, returned as built-in floats."""
    values = [vector_norm([3, -4], p) for p in (1, 2, math.inf)]
    assert values == [7.0, 5.0, 4.0] and all(type(v) is float for v in values)


def test_vector_norm_of_zero_is_zero():
    """The zero vector has norm 0 in every order (no division by its largest entry)."""
    assert [vector_norm([0.0, 0.0], p) for p in (1, 2, 3, math.inf)] == [0.0] * 4


def test_vector_norm_neither_overflows_nor_underflows():
    """‖(3e200, 4e200)‖₂ is 5e200 and ‖(3e-200, 4e-200)‖₂ is 5e-200, although their squares leave the doubles."""
    assert vector_norm([3e200, 4e200]) == pytest.approx(5e200, rel=1e-15)
    assert vector_norm([3e-200, 4e-200]) == pytest.approx(5e-200, rel=1e-15)


@FAST
@given(dims.flatmap(lambda n: st.tuples(vectors(n), vectors(n))), orders)
def test_vector_norm_triangle_inequality(pair, p):
    """‖x + y‖_p ≤ ‖x‖_p + ‖y‖_p for p ≥ 1."""
    x, y = pair
    assert vector_norm(x + y, p) <= vector_norm(x, p) + vector_norm(y, p) + 1e-9


moderate = st.one_of(st.just(0.0), st.floats(1e-100, 10.0), st.floats(-10.0, -1e-100))


@FAST
@given(dims.flatmap(lambda n: arrays(np.float64, (n,), elements=moderate)), orders)
def test_vector_norm_matches_numpy(x, p):
    """vector_norm agrees with numpy.linalg.norm for every order (away from under- and overflow)."""
    assert vector_norm(x, p) == pytest.approx(np.linalg.norm(x, p), rel=1e-12, abs=1e-300)


@FAST
@given(dims.flatmap(lambda n: arrays(np.float64, (n,), elements=moderate)))
def test_norms_are_ordered(x):
    """‖x‖_∞ ≤ ‖x‖₂ ≤ ‖x‖₁ ≤ √n ‖x‖₂ (the unit balls nest)."""
    inf, two, one = (vector_norm(x, p) for p in (math.inf, 2, 1))
    assert inf <= two * (1 + 1e-12) and two <= one * (1 + 1e-12) and one <= math.sqrt(len(x)) * two * (1 + 1e-12)


# --- matrix_norm ----------------------------------------------------------------------------


def test_matrix_norms_of_a_diagonal_matrix():
    """diag(3, 4) has Frobenius norm 5 and spectral norm 4."""
    assert matrix_norm([[3, 0], [0, 4]]) == 5.0 and matrix_norm([[3, 0], [0, 4]], "spectral") == 4.0


@FAST
@given(dims, dims, st.data())
def test_spectral_frobenius_sandwich(m, n, data):
    """‖A‖₂ ≤ ‖A‖_F ≤ √r ‖A‖₂, r the rank of A."""
    A = data.draw(matrices(m, n))
    two, fro = matrix_norm(A, "spectral"), matrix_norm(A, "fro")
    r = max(np.linalg.matrix_rank(A), 1)
    assert two <= fro * (1 + 1e-12) + 1e-12 and fro <= math.sqrt(r) * two * (1 + 1e-9) + 1e-12


@FAST
@given(dims, dims, st.data())
def test_spectral_norm_bounds_every_stretch(m, n, data):
    """‖Ax‖₂ ≤ ‖A‖₂ ‖x‖₂ for every x: the spectral norm is the largest stretch."""
    A, x = data.draw(matrices(m, n)), data.draw(vectors(n))
    assert vector_norm(A @ x) <= matrix_norm(A, "spectral") * vector_norm(x) * (1 + 1e-9) + 1e-9


# --- covariance -----------------------------------------------------------------------------


def test_covariance_by_hand():
    """Samples (1, 2) and (3, 6) have covariance [[2, 4], [4, 8]] (divided by n − 1 = 1)."""
    assert covariance([[1, 2], [3, 6]]).tolist() == [[2.0, 4.0], [4.0, 8.0]]


@FAST
@given(st.integers(2, 8), dims, st.data())
def test_covariance_matches_numpy_cov(n, d, data):
    """covariance(X) equals numpy.cov(X, rowvar=False), the unbiased estimate."""
    X = data.draw(matrices(n, d))
    np.testing.assert_allclose(covariance(X), np.atleast_2d(np.cov(X, rowvar=False)), rtol=1e-10, atol=1e-10)


@FAST
@given(st.integers(2, 8), dims, st.data())
def test_covariance_is_symmetric_positive_semidefinite(n, d, data):
    """The covariance is exactly symmetric, and uᵀCu ≥ 0 for every u (its eigenvalues are ≥ 0)."""
    X, u = data.draw(matrices(n, d)), data.draw(vectors(d))
    C = covariance(X)
    scale = max(float(np.max(np.abs(C))), 1.0)
    assert np.array_equal(C, C.T)
    assert u @ C @ u >= -1e-9 * scale * (1 + u @ u)
    assert np.linalg.eigvalsh(C).min() >= -1e-9 * scale


def test_sample_covariance_approaches_the_true_one():
    """For a seeded Gaussian sample the gap to the true covariance shrinks as n grows (10² vs 10⁵)."""
    rng = np.random.default_rng(0)
    Sigma = np.array([[2.0, 1.2], [1.2, 1.0]])
    samples = [rng.multivariate_normal([0, 0], Sigma, size=n, method="cholesky") for n in (100, 100_000)]
    gaps = [matrix_norm(covariance(X) - Sigma, "spectral") for X in samples]
    assert gaps[1] < gaps[0] / 5 and gaps[1] < 0.05


# --- fix_signs ------------------------------------------------------------------------------


def test_fix_signs_makes_the_largest_entry_positive():
    """Each column is flipped so its largest-|entry| is positive."""
    assert fix_signs([[0.6, 0.8], [-0.8, 0.6]]).tolist() == [[-0.6, 0.8], [0.8, 0.6]]


def test_fix_signs_ties_pick_the_first_entry_despite_round_off():
    """Entries equal up to round-off count as tied: the first decides, whichever is larger by a bit."""
    s = 1 / math.sqrt(2)
    for v in ([-s, np.nextafter(s, 1)], [-np.nextafter(s, 1), s]):
        assert fix_signs(v)[0] > 0


@FAST
@given(dims.flatmap(vectors))
def test_fix_signs_is_idempotent_and_sign_invariant(v):
    """fix_signs(v) = fix_signs(−v), and applying it twice changes nothing."""
    fixed = fix_signs(v)
    assert np.array_equal(fixed, fix_signs(-v)) and np.array_equal(fix_signs(fixed), fixed)


# --- power_iteration ------------------------------------------------------------------------


def test_power_iteration_two_by_two():
    """[[2, 1], [1, 2]] has top eigenpair 3, (1, 1)/√2."""
    pair = power_iteration([[2, 1], [1, 2]], rng=0, steps=100)
    assert pair.value == pytest.approx(3.0, abs=1e-12)
    np.testing.assert_allclose(pair.vector, [1 / math.sqrt(2)] * 2, atol=1e-12)
    assert pair.residual < 1e-12


@FAST
@given(st.integers(0, 2**32 - 1), st.integers(2, 6))
def test_power_iteration_matches_eigh(seed, n):
    """With a gap λ1 ≥ 2|λ2|, power iteration's eigenpair equals numpy.linalg.eigh's top one (signs fixed)."""
    A, lam = spectrum_matrix(seed, n)
    pair = power_iteration(A, rng=seed, steps=200)
    values, vectors_ = np.linalg.eigh(A)
    assert pair.value == pytest.approx(values[-1], rel=1e-12) and lam[0] == pytest.approx(values[-1], rel=1e-12)
    np.testing.assert_allclose(pair.vector, fix_signs(vectors_[:, -1]), atol=1e-9)
    assert pair.residual < 1e-9 * lam[0]


def test_power_iteration_is_reproducible_with_a_seed():
    """A seed and a Generator made from it give the same result, bit for bit."""
    A, _ = spectrum_matrix(3, 4)
    first, second = power_iteration(A, 7, 5), power_iteration(A, np.random.default_rng(7), 5)
    assert first.value == second.value and np.array_equal(first.vector, second.vector)


def test_power_iteration_without_a_gap_reports_its_residual():
    """diag(1, −1) has no dominant eigenvalue: the iterate oscillates and the residual stays large."""
    pair = power_iteration([[1.0, 0.0], [0.0, -1.0]], rng=0, steps=50)
    assert pair.residual > 0.1


def test_power_iteration_of_the_zero_matrix():
    """The zero matrix has eigenvalue 0; the loop stops instead of dividing by zero."""
    pair = power_iteration(np.zeros((3, 3)), rng=1)
    assert pair.value == 0.0 and pair.residual == 0.0 and vector_norm(pair.vector) == pytest.approx(1.0)


# --- pca ------------------------------------------------------------------------------------


def test_pca_of_points_on_a_line():
    """Points on y = x have one component, (1, 1)/√2, explaining all the variance."""
    result = pca([[0, 0], [1, 1], [2, 2]], k=1)
    np.testing.assert_allclose(result.components[:, 0], [1 / math.sqrt(2)] * 2, atol=1e-12)
    assert result.explained_variance_ratio[0] == pytest.approx(1.0, abs=1e-12)
    assert result.explained_variance[0] == pytest.approx(2.0, abs=1e-12)  # var of (0, √2, 2√2), n − 1 = 2


pca_data = st.tuples(st.integers(2, 9), st.integers(1, 5)).flatmap(
    lambda nd: matrices(*nd).filter(lambda X: np.ptp(X, axis=0).max() > 1e-3)
)


@FAST
@given(pca_data)
def test_pca_components_are_orthonormal(X):
    """The components are orthonormal columns: VᵀV = I."""
    k = min(X.shape)
    V = pca(X, k).components
    np.testing.assert_allclose(V.T @ V, np.eye(k), atol=1e-9)


@FAST
@given(pca_data)
def test_pca_ratios_sum_to_one_at_full_rank(X):
    """At k = min(n, d) the explained-variance ratios sum to 1, in decreasing order."""
    ratios = pca(X, min(X.shape)).explained_variance_ratio
    assert ratios.sum() == pytest.approx(1.0, abs=1e-12) and np.all(np.diff(ratios) <= 1e-12)


@FAST
@given(pca_data)
def test_pca_variances_are_the_covariance_eigenvalues(X):
    """explained_variance equals the top eigenvalues of covariance(X), and the total variance is its trace."""
    k = min(X.shape)
    result = pca(X, k)
    eig = np.sort(np.linalg.eigvalsh(covariance(X)))[::-1][:k]
    scale = max(float(np.trace(covariance(X))), 1e-12)
    np.testing.assert_allclose(result.explained_variance, eig, atol=1e-9 * scale)


@FAST
@given(pca_data)
def test_pca_scores_are_the_centred_data_in_the_new_axes(X):
    """scores = (X − mean) V, and at k = d they rebuild X exactly: X = mean + scores Vᵀ."""
    n, d = X.shape
    result = pca(X, min(n, d))
    np.testing.assert_allclose(result.scores, (X - result.mean) @ result.components, atol=1e-9)
    if n > d:
        np.testing.assert_allclose(result.mean + result.scores @ result.components.T, X, atol=1e-9)


def test_pca_agrees_with_scikit_learn_on_digits():
    """On scikit-learn's bundled digits, variances and ratios equal sklearn's PCA, components up to sign."""
    from sklearn.datasets import load_digits
    from sklearn.decomposition import PCA

    X = load_digits().data
    ours, theirs = pca(X, 5), PCA(n_components=5, svd_solver="full").fit(X)
    np.testing.assert_allclose(ours.explained_variance, theirs.explained_variance_, rtol=1e-10)
    np.testing.assert_allclose(ours.explained_variance_ratio, theirs.explained_variance_ratio_, rtol=1e-10)
    np.testing.assert_allclose(ours.components, fix_signs(theirs.components_.T), atol=1e-10)


# --- svd_reconstruct ------------------------------------------------------------------------


@FAST
@given(dims, dims, st.data())
def test_svd_reconstruct_is_exact_at_full_rank(m, n, data):
    """At k = min(m, n) the reconstruction is A itself."""
    A = data.draw(matrices(m, n))
    np.testing.assert_allclose(svd_reconstruct(A, min(m, n)), A, atol=1e-9)


@FAST
@given(st.integers(2, 5), st.integers(2, 5), st.data())
def test_eckart_young_errors(m, n, data):
    """The rank-k error is σ_{k+1} in the spectral norm and √(Σ_{i>k} σ_i²) in the Frobenius norm."""
    A = data.draw(matrices(m, n))
    k = data.draw(st.integers(1, min(m, n) - 1))
    s = np.linalg.svd(A, compute_uv=False)
    E = A - svd_reconstruct(A, k)
    assert matrix_norm(E, "spectral") == pytest.approx(s[k], abs=1e-9)
    assert matrix_norm(E, "fro") == pytest.approx(math.sqrt(float(np.sum(s[k:] ** 2))), abs=1e-9)


def test_svd_reconstruct_has_rank_k():
    """A rank-1 reconstruction of a 3×3 matrix of rank 3 has rank 1."""
    A = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]])
    assert np.linalg.matrix_rank(A) == 3 and np.linalg.matrix_rank(svd_reconstruct(A, 1)) == 1


# --- bad input ------------------------------------------------------------------------------

BAD = [
    (lambda: vector_norm([[1, 2]]), ValueError, r"vector_norm: x must be 1-D; got shape \(1, 2\)"),
    (lambda: vector_norm([1, 2], p=0.5), ValueError, "vector_norm: p must be >= 1"),
    (lambda: vector_norm([1, 2], p="2"), TypeError, "vector_norm: p must be a real number"),
    (lambda: vector_norm([1, 2], p=True), TypeError, "vector_norm: p must be a real number"),
    (lambda: vector_norm([1, 2], p=float("nan")), ValueError, "vector_norm: p must be >= 1"),
    (lambda: vector_norm("ab"), TypeError, "vector_norm: x must be numeric"),
    (lambda: vector_norm([1, np.inf]), ValueError, "vector_norm: x must be finite"),
    (lambda: matrix_norm([1, 2]), ValueError, r"matrix_norm: A must be 2-D; got shape \(2,\)"),
    (
        lambda: matrix_norm([[1]], kind="nuclear"),
        ValueError,
        "matrix_norm: kind must be 'fro' or 'spectral'; got 'nuc",
    ),
    (lambda: matrix_norm([[1]], kind=2), TypeError, "matrix_norm: kind must be 'fro' or 'spectral'; got int"),
    (lambda: covariance([[1, 2]]), ValueError, r"covariance: X is \(1, 2\); it needs at least 2 rows"),
    (lambda: covariance([1, 2, 3]), ValueError, "covariance: X must be 2-D"),
    (lambda: fix_signs(np.ones((2, 2, 2))), ValueError, "fix_signs: V must be 1-D or 2-D"),
    (lambda: power_iteration([[1, 2, 3]], rng=0), ValueError, r"power_iteration: A is \(1, 3\); it must be square"),
    (lambda: power_iteration([[1, 2], [0, 1]], rng=0), ValueError, "power_iteration: A must be symmetric"),
    (lambda: power_iteration([[1]], rng=None), TypeError, "power_iteration: rng must be a numpy.random.Generator"),
    (lambda: power_iteration([[1]], rng=0, steps=0), ValueError, "power_iteration: steps must be >= 1"),
    (lambda: pca([[1, 2]], 1), ValueError, r"pca: X is \(1, 2\); it needs at least 2 rows"),
    (lambda: pca([[1, 2], [3, 4]], 3), ValueError, r"pca: k is 3 but X is \(2, 2\); k must be at most min\(n, d\) = 2"),
    (lambda: pca([[1, 2], [3, 4]], 1.0), TypeError, "pca: k must be an integer"),
    (lambda: pca([[1, 2], [1, 2]], 1), ValueError, "pca: X is constant"),
    (lambda: svd_reconstruct([[1, 2]], 2), ValueError, r"svd_reconstruct: k is 2 but A is \(1, 2\)"),
    (lambda: svd_reconstruct([[1, 2]], 0), ValueError, "svd_reconstruct: k must be >= 1"),
]


@pytest.mark.parametrize("call, error, pattern", BAD, ids=[p for _, _, p in BAD])
def test_bad_input_raises_a_named_error(call, error, pattern):
    """Each bad call raises the stated error, and the message names the function and argument."""
    with pytest.raises(error, match=pattern):
        call()
