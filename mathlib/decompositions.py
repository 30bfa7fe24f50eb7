r"""Norms, covariance, eigenvectors, the SVD and PCA: how big, how spread, which way.

A norm measures a weight vector or a gradient (weight decay penalises one, gradient
clipping caps one); the covariance says how features vary together; its eigenvectors,
from the SVD of the centred data, are the axes along which PCA compresses the data. An
eigenvector's sign is arbitrary, and two LAPACK builds may return either: every vector
returned here has its sign fixed by one rule (``fix_signs``), so printed ones reproduce.

Examples
--------
>>> from mathlib.decompositions import matrix_norm, vector_norm
>>> vector_norm([3, 4])
5.0
>>> matrix_norm([[3, 0], [0, 4]], kind="spectral")
4.0
"""

from __future__ import annotations

import numbers
from typing import Any, NamedTuple

import numpy as np

from mathlib._validation import as_rng, check_positive_int, finite_array

__all__ = [
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

_TIE = 1e-8  # entries within this relative gap of the largest |entry| count as tied


class EigenPair(NamedTuple):
    """An eigenvalue, its unit eigenvector (sign fixed) and the residual ‖Av − λv‖₂."""

    value: float
    vector: np.ndarray
    residual: float


class PCAResult(NamedTuple):
    """What ``pca`` returns: the mean, the components (columns), their variances and ratios, the scores."""

    mean: np.ndarray
    components: np.ndarray
    explained_variance: np.ndarray
    explained_variance_ratio: np.ndarray
    scores: np.ndarray


def _order(p: Any) -> float:
    if isinstance(p, bool) or not isinstance(p, numbers.Real):
        raise TypeError(f"vector_norm: p must be a real number >= 1 or numpy.inf; got {type(p).__name__}")
    if not p >= 1:  # also rejects NaN
        raise ValueError(f"vector_norm: p must be >= 1 (below 1 the triangle inequality fails); got {p!r}")
    return float(p)


def vector_norm(x: Any, p: float = 2) -> float:
    r"""The $p$-norm of a vector: its length measured the $L^p$ way.

    Parameters
    ----------
    x : array_like, shape (n,)
        The vector.
    p : float, default 2
        The order, $p \ge 1$: 1 (sum of sizes), 2 (Euclidean length) or ``numpy.inf``
        (the largest size).

    Returns
    -------
    float

    Raises
    ------
    TypeError, ValueError
        If ``x`` is not a numeric, finite, non-empty 1-D array, or ``p`` is not a real >= 1.

    Notes
    -----
    $$ \lVert \mathbf{x} \rVert_p = \Bigl(\sum_{i=1}^n \lvert x_i \rvert^p\Bigr)^{1/p},
       \qquad \lVert \mathbf{x} \rVert_\infty = \max_i \lvert x_i \rvert $$

    For $p > 1$ the sizes are divided by the largest first and the result multiplied
    back, so squaring $10^{200}$ does not overflow.

    Examples
    --------
    >>> x = [3, -4]
    >>> vector_norm(x, 1), vector_norm(x, 2), vector_norm(x, float("inf"))
    (7.0, 5.0, 4.0)
    """
    p = _order(p)
    a = np.abs(finite_array(x, func="vector_norm", arg="x", ndim=1))
    if p == 1:
        return float(np.sum(a))
    largest = float(np.max(a))
    if p == np.inf or largest == 0.0:
        return largest
    return float(largest * np.sum((a / largest) ** p) ** (1.0 / p))


def matrix_norm(A: Any, kind: str = "fro") -> float:
    r"""The Frobenius or the spectral norm of a matrix.

    Parameters
    ----------
    A : array_like, shape (m, n)
        The matrix.
    kind : {"fro", "spectral"}, default "fro"
        ``"fro"``: the root of the sum of squared entries (weight decay's norm);
        ``"spectral"``: the largest singular value, the most $A$ stretches a unit vector.

    Returns
    -------
    float

    Raises
    ------
    TypeError, ValueError
        If ``A`` is not a numeric, finite 2-D array, or ``kind`` is not one of the two.

    Notes
    -----
    $$ \lVert A \rVert_F = \sqrt{\textstyle\sum_{i,j} A_{ij}^2} = \sqrt{\textstyle\sum_i \sigma_i^2},
       \qquad \lVert A \rVert_2 = \max_{\lVert \mathbf{x} \rVert_2 = 1} \lVert A\mathbf{x} \rVert_2 = \sigma_1 $$

    so $\lVert A \rVert_2 \le \lVert A \rVert_F \le \sqrt{r}\,\lVert A \rVert_2$ for a
    matrix of rank $r$.

    Examples
    --------
    >>> A = [[3, 0], [4, 5]]
    >>> round(matrix_norm(A) ** 2, 10), round(matrix_norm(A, "spectral") ** 2, 10)  # 9 + 16 + 25; AᵀA's top λ
    (50.0, 45.0)
    """
    if not isinstance(kind, str):
        raise TypeError(f"matrix_norm: kind must be 'fro' or 'spectral'; got {type(kind).__name__}")
    A = finite_array(A, func="matrix_norm", arg="A", ndim=2)
    if kind == "fro":
        return vector_norm(A.ravel(), 2)
    if kind == "spectral":
        return float(np.linalg.svd(A, compute_uv=False)[0])
    raise ValueError(f"matrix_norm: kind must be 'fro' or 'spectral'; got {kind!r}")


def covariance(X: Any) -> np.ndarray:
    r"""The unbiased sample covariance matrix of data whose rows are samples.

    Parameters
    ----------
    X : array_like, shape (n, d)
        $n \ge 2$ samples of $d$ features, one sample per row.

    Returns
    -------
    numpy.ndarray, shape (d, d)
        Symmetric and positive semi-definite; the diagonal holds each feature's variance.

    Raises
    ------
    TypeError, ValueError
        If ``X`` is not numeric, not 2-D, has fewer than 2 rows, or is not finite.

    Notes
    -----
    With the sample mean $\bar{\mathbf{x}}$ and the centred data $X_c = X - \mathbf{1}\bar{\mathbf{x}}^\top$,

    $$ C = \frac{1}{n-1} \sum_{i=1}^n (\mathbf{x}_i - \bar{\mathbf{x}})(\mathbf{x}_i - \bar{\mathbf{x}})^\top
         = \frac{1}{n-1} X_c^\top X_c , $$

    by $n - 1$ (Bessel's correction: the mean came from the same data), as ``numpy.cov(X, rowvar=False)``.

    Examples
    --------
    >>> print(covariance([[1, 2], [3, 6]]))  # two samples: deviations (-1, -2) and (1, 2)
    [[2. 4.]
     [4. 8.]]
    """
    X = finite_array(X, func="covariance", arg="X", ndim=2)
    n = X.shape[0]
    if n < 2:
        raise ValueError(f"covariance: X is {X.shape}; it needs at least 2 rows (samples) to divide by n - 1")
    Xc = X - X.mean(axis=0)
    C = Xc.T @ Xc / (n - 1)
    return (C + C.T) / 2  # a matrix product need not come out bitwise symmetric; the covariance is


def fix_signs(V: Any) -> np.ndarray:
    r"""Flip each column so that its largest-magnitude entry is positive.

    Parameters
    ----------
    V : array_like, shape (d,) or (d, k)
        A vector, or vectors as columns (as ``numpy.linalg.eigh`` returns them).

    Returns
    -------
    numpy.ndarray
        The same vectors, each multiplied by $+1$ or $-1$.

    Raises
    ------
    TypeError, ValueError
        If ``V`` is not numeric, not 1-D or 2-D, empty or not finite.

    Notes
    -----
    $\mathbf{v} \leftarrow \operatorname{sign}(v_j)\,\mathbf{v}$, $j$ the first index whose
    $\lvert v_j \rvert$ is within a relative $10^{-8}$ of $\max_i \lvert v_i \rvert$, so
    two entries equal up to round-off do not make the choice depend on it.

    Examples
    --------
    >>> print(fix_signs([[0.6, 0.8], [-0.8, 0.6]]))
    [[-0.6  0.8]
     [ 0.8  0.6]]
    """
    V = finite_array(V, func="fix_signs", arg="V", ndim=(1, 2))
    M = V.reshape(len(V), -1)
    size = np.abs(M)
    first = np.argmax(size >= size.max(axis=0) * (1 - _TIE), axis=0)
    signs = np.where(M[first, np.arange(M.shape[1])] < 0, -1.0, 1.0)
    return (M * signs).reshape(V.shape)


def power_iteration(A: Any, rng: Any, steps: int = 1000) -> EigenPair:
    r"""The dominant eigenpair of a symmetric matrix by power iteration.

    Parameters
    ----------
    A : array_like, shape (n, n)
        A symmetric matrix.
    rng : numpy.random.Generator or int
        Draws the random start vector (an int is a seed).
    steps : int, default 1000
        How many times to multiply by $A$.

    Returns
    -------
    EigenPair
        ``value`` $\lambda$ (the Rayleigh quotient $\mathbf{v}^\top A\mathbf{v}$), ``vector``
        $\mathbf{v}$ (unit length, sign fixed by ``fix_signs``) and ``residual``
        $\lVert A\mathbf{v} - \lambda\mathbf{v} \rVert_2$, small once converged.

    Raises
    ------
    TypeError, ValueError
        If ``A`` is not numeric, square, symmetric and finite, ``rng`` is not a Generator or
        seed, or ``steps`` is not an int >= 1.

    Notes
    -----
    $$ \mathbf{v}_{t+1} = \frac{A\mathbf{v}_t}{\lVert A\mathbf{v}_t \rVert_2} $$

    The part of $\mathbf{v}_0$ along the top eigenvector (largest $\lvert\lambda_1\rvert$) wins: the
    rest shrinks like $\lvert\lambda_2/\lambda_1\rvert^t$. Without a gap it may not converge: see ``residual``.

    Examples
    --------
    The eigenvalues of $\begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}$ are 3 and 1:

    >>> pair = power_iteration([[2, 1], [1, 2]], rng=0, steps=100)
    >>> round(pair.value, 12), pair.vector.round(6)
    (3.0, array([0.707107, 0.707107]))
    """
    A = finite_array(A, func="power_iteration", arg="A", ndim=2)
    if A.shape[0] != A.shape[1]:
        raise ValueError(f"power_iteration: A is {A.shape}; it must be square (n, n)")
    asymmetry = float(np.max(np.abs(A - A.T)))
    if asymmetry > 1e-10 * max(float(np.max(np.abs(A))), 1e-300):
        raise ValueError(f"power_iteration: A must be symmetric (A = Aᵀ); its largest |A_ij - A_ji| is {asymmetry:.3g}")
    steps = check_positive_int(steps, func="power_iteration", arg="steps")
    v = as_rng(rng, func="power_iteration").standard_normal(A.shape[0])
    v /= vector_norm(v)
    for _ in range(steps):
        w = A @ v
        length = vector_norm(w)
        if length == 0.0:  # v lies in the null space: its eigenvalue is 0
            break
        v = w / length
    v = fix_signs(v)
    value = float(v @ A @ v)
    return EigenPair(value, v, vector_norm(A @ v - value * v))


def pca(X: Any, k: int) -> PCAResult:
    r"""Principal component analysis through the SVD of the centred data.

    Parameters
    ----------
    X : array_like, shape (n, d)
        $n \ge 2$ samples (rows) of $d$ features; not constant.
    k : int
        How many components to keep, $1 \le k \le \min(n, d)$.

    Returns
    -------
    PCAResult
        ``mean`` (d,); ``components`` (d, k), orthonormal columns, signs fixed by
        ``fix_signs`` (scikit-learn's ``components_`` is the transpose);
        ``explained_variance`` (k,), the variance along each; ``explained_variance_ratio``
        (k,), its share of the total; ``scores`` (n, k), the centred data in the new axes.

    Raises
    ------
    TypeError, ValueError
        If ``X`` is not numeric, 2-D, finite and non-constant with at least 2 rows, or
        ``k`` is not an int in $[1, \min(n, d)]$.

    Notes
    -----
    Factor the centred data, $X_c = X - \mathbf{1}\bar{\mathbf{x}}^\top = U \Sigma V^\top$. Then
    $C = \frac{1}{n-1}X_c^\top X_c = V \frac{\Sigma^2}{n-1} V^\top$: the columns of $V$ are the
    covariance's eigenvectors, with eigenvalues $\lambda_j = \sigma_j^2/(n-1)$, and

    $$ \text{ratio}_j = \frac{\sigma_j^2}{\sum_i \sigma_i^2}, \qquad Z = X_c V_k . $$

    Examples
    --------
    Points on the line $y = x$ have all their variance along $(1, 1)/\sqrt2$:

    >>> result = pca([[0, 0], [1, 1], [2, 2]], k=1)
    >>> print(result.components.round(6).ravel(), result.explained_variance_ratio.round(12))
    [0.707107 0.707107] [1.]
    """
    X = finite_array(X, func="pca", arg="X", ndim=2)
    n, d = X.shape
    if n < 2:
        raise ValueError(f"pca: X is {X.shape}; it needs at least 2 rows (samples)")
    k = check_positive_int(k, func="pca", arg="k")
    if k > min(n, d):
        raise ValueError(f"pca: k is {k} but X is {X.shape}; k must be at most min(n, d) = {min(n, d)}")
    mean = X.mean(axis=0)
    Xc = X - mean
    _, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    total = float(np.sum(s**2))
    if total == 0.0:
        raise ValueError("pca: X is constant (every row is the same); it has no variance to explain")
    V = fix_signs(Vt[:k].T)
    return PCAResult(mean, V, s[:k] ** 2 / (n - 1), s[:k] ** 2 / total, Xc @ V)


def svd_reconstruct(A: Any, k: int) -> np.ndarray:
    r"""The best rank-$k$ approximation of a matrix, from its top $k$ singular triples.

    Parameters
    ----------
    A : array_like, shape (m, n)
        The matrix.
    k : int
        The rank to keep, $1 \le k \le \min(m, n)$.

    Returns
    -------
    numpy.ndarray, shape (m, n)
        $A_k = \sum_{i=1}^{k} \sigma_i \mathbf{u}_i \mathbf{v}_i^\top$; $A$ itself at full rank.

    Raises
    ------
    TypeError, ValueError
        If ``A`` is not a numeric, finite 2-D array, or ``k`` is not an int in $[1, \min(m, n)]$.

    Notes
    -----
    Eckart–Young: no matrix of rank $k$ is closer to $A$, and the error is what was left out,

    $$ \lVert A - A_k \rVert_2 = \sigma_{k+1}, \qquad
       \lVert A - A_k \rVert_F = \sqrt{\textstyle\sum_{i > k} \sigma_i^2} . $$

    Examples
    --------
    >>> print(svd_reconstruct([[3, 0], [0, 1]], k=1))  # keeps sigma_1 = 3; the error is sigma_2 = 1
    [[3. 0.]
     [0. 0.]]
    """
    A = finite_array(A, func="svd_reconstruct", arg="A", ndim=2)
    k = check_positive_int(k, func="svd_reconstruct", arg="k")
    if k > min(A.shape):
        raise ValueError(f"svd_reconstruct: k is {k} but A is {A.shape}; k must be at most min(m, n) = {min(A.shape)}")
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return (U[:, :k] * s[:k]) @ Vt[:k]
