r"""Linear algebra: the operations every neural-network layer is made of.

A neuron computes a dot product of its weights with its inputs; a layer of neurons
computes a matrix-vector product plus a bias, $z = Wx + b$. The products
$0.5 \cdot 170$, $-0.3 \cdot 65$ and $0.1 \cdot 25$ below each round to exactly
$85$, $-19.5$ and $2.5$ in binary floating point, so the sum prints as ``68.0`` with
no rounding hidden from the reader.

Examples
--------
>>> import numpy as np
>>> from mathlib.linalg import dot, matmul
>>> dot([0.5, -0.3, 0.1], [170, 65, 25])
68.0
>>> W = [[0.5, -0.3, 0.1],
...      [0.2, 0.4, -0.1]]
>>> b = np.array([0.1, -0.2])
>>> x = [170, 65, 25]
>>> print(matmul(W, x) + b)
[68.1 57.3]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mathlib._validation import check_same_shape, finite_array

__all__ = ["dot", "hadamard", "inverse", "matmul", "solve_normal_equation", "transpose"]


def _check_invertible(M: np.ndarray, *, func: str, name: str) -> None:
    # The smallest singular value measures the distance to the nearest singular matrix;
    # NumPy's rank tolerance (s_max * n * eps) decides when that distance is rounding noise.
    s = np.linalg.svd(M, compute_uv=False)
    tol = s[0] * max(M.shape) * np.finfo(float).eps
    rank = int(np.sum(s > tol))
    if rank < M.shape[0]:
        cond = float("inf") if s[-1] == 0 else float(s[0] / s[-1])
        raise ValueError(
            f"{func}: {name} is singular (rank {rank} < {M.shape[0]}, condition number {cond:.3g}); it has no inverse"
        )


def dot(a: Any, b: Any) -> float:
    r"""Dot product of two vectors: the weighted sum a single neuron computes.

    Parameters
    ----------
    a, b : array_like, shape (n,)
        Two 1-D vectors of the same length.

    Returns
    -------
    float
        The sum of the elementwise products.

    Raises
    ------
    TypeError
        If ``a`` or ``b`` is not numeric.
    ValueError
        If either is not 1-D, their lengths differ, or they are empty or not finite.

    Notes
    -----
    $$ a \cdot b = \sum_{i=1}^{n} a_i b_i $$

    Examples
    --------
    Weights $(0.5, -0.3, 0.1)$ on a person of height 170, weight 65 and age 25:

    >>> dot([0.5, -0.3, 0.1], [170, 65, 25])
    68.0
    >>> dot([1, 0], [0, 1])  # perpendicular vectors
    0.0
    """
    a = finite_array(a, func="dot", arg="a")
    b = finite_array(b, func="dot", arg="b")
    if a.ndim != 1 or b.ndim != 1:
        raise ValueError(f"dot: a is {a.shape} and b is {b.shape}; both must be 1-D vectors (use matmul for matrices)")
    if a.shape != b.shape:
        raise ValueError(f"dot: a is {a.shape} and b is {b.shape}; both vectors must have the same length")
    return float(np.dot(a, b))


def matmul(A: Any, B: Any) -> np.ndarray | float:
    r"""Matrix product $AB$ of 1-D or 2-D arrays, with NumPy's ``@`` rules.

    A 1-D ``A`` acts as a row vector and a 1-D ``B`` as a column vector; the
    dimension they share disappears from the result.

    Parameters
    ----------
    A : array_like, shape (m, n) or (n,)
    B : array_like, shape (n, p) or (n,)

    Returns
    -------
    numpy.ndarray or float
        Shape (m, p), (m,) or (p,); a float when both are 1-D.

    Raises
    ------
    TypeError
        If ``A`` or ``B`` is not numeric.
    ValueError
        If either is not 1-D or 2-D, if the inner dimensions differ, or if either is
        empty or not finite. The message gives both shapes and the rule.

    Notes
    -----
    Entry $(i, j)$ is the dot product of row $i$ of $A$ with column $j$ of $B$,
    so $(m \times n)(n \times p) = (m \times p)$:

    $$ (AB)_{ij} = \sum_{k=1}^{n} A_{ik} B_{kj} $$

    Examples
    --------
    >>> A = [[2, 3],
    ...      [1, -1]]
    >>> print(matmul(A, [1, 4]))
    [14. -3.]
    >>> print(matmul([[1, 2], [3, 4]], [[1, 0], [0, 1]]))  # the identity changes nothing
    [[1. 2.]
     [3. 4.]]
    """
    A = finite_array(A, func="matmul", arg="A", ndim=(1, 2))
    B = finite_array(B, func="matmul", arg="B", ndim=(1, 2))
    inner_A = ("columns" if A.ndim == 2 else "length", A.shape[-1])
    inner_B = ("rows" if B.ndim == 2 else "length", B.shape[0])
    if inner_A[1] != inner_B[1]:
        raise ValueError(
            f"matmul: A is {A.shape} and B is {B.shape}; "
            f"A's {inner_A[0]} ({inner_A[1]}) must equal B's {inner_B[0]} ({inner_B[1]})"
        )
    C = A @ B
    return float(C) if C.ndim == 0 else C


def hadamard(A: Any, B: Any) -> np.ndarray:
    r"""Elementwise (Hadamard) product of two arrays of the same shape.

    This is NumPy's ``*``; it is *not* the matrix product ``@``. It is how gates (LSTM,
    GRU), attention masks and dropout masks act on activations.

    Parameters
    ----------
    A, B : array_like
        Arrays of exactly the same shape; no broadcasting, so a shape slip is caught.

    Returns
    -------
    numpy.ndarray
        The array of products, same shape as ``A``.

    Raises
    ------
    TypeError
        If ``A`` or ``B`` is not numeric.
    ValueError
        If the shapes differ, or either is empty or not finite.

    Notes
    -----
    $$ (A \odot B)_{ij} = A_{ij} B_{ij} $$

    Examples
    --------
    A dropout-style mask keeps the entries where it holds 1:

    >>> gate = [[1, 0, 1],
    ...         [0, 1, 0]]
    >>> data = [[5, 3, 8],
    ...         [2, 7, 4]]
    >>> print(hadamard(gate, data))
    [[5. 0. 8.]
     [0. 7. 0.]]
    """
    A = finite_array(A, func="hadamard", arg="A")
    B = finite_array(B, func="hadamard", arg="B")
    check_same_shape(A, B, func="hadamard", names=("A", "B"))
    return np.multiply(A, B)


def transpose(A: Any) -> np.ndarray:
    r"""Transpose of a matrix: rows become columns.

    Parameters
    ----------
    A : array_like, shape (m, n)
        A 2-D matrix. A 1-D array has no rows or columns to swap; reshape it to
        ``(1, n)`` or ``(n, 1)`` first.

    Returns
    -------
    numpy.ndarray, shape (n, m)
        A new array; changing it leaves ``A`` alone.

    Raises
    ------
    TypeError
        If ``A`` is not numeric.
    ValueError
        If ``A`` is not 2-D, is empty or is not finite.

    Notes
    -----
    $$ (A^\top)_{ij} = A_{ji}, \qquad (AB)^\top = B^\top A^\top $$

    Examples
    --------
    >>> A = [[1, 2, 3],
    ...      [4, 5, 6]]
    >>> print(transpose(A))
    [[1. 4.]
     [2. 5.]
     [3. 6.]]
    """
    A = finite_array(A, func="transpose", arg="A")
    if A.ndim != 2:
        raise ValueError(
            f"transpose: A must be a 2-D matrix; got shape {A.shape} ({A.ndim}-D). "
            "A 1-D vector has no rows or columns to swap: reshape it to (1, n) or (n, 1)"
        )
    return A.T.copy()


def inverse(A: Any) -> np.ndarray:
    r"""Inverse of a square, non-singular matrix.

    Parameters
    ----------
    A : array_like, shape (n, n)

    Returns
    -------
    numpy.ndarray, shape (n, n)
        The matrix $A^{-1}$ with $A^{-1} A = A A^{-1} = I$.

    Raises
    ------
    TypeError
        If ``A`` is not numeric.
    ValueError
        If ``A`` is not 2-D, is non-square, is singular (numerically: its rank, counted
        from its singular values with NumPy's tolerance, is below ``n``), or is empty or
        not finite.

    Notes
    -----
    $$ A^{-1} A = A A^{-1} = I $$

    For a $2 \times 2$ matrix,

    $$ \begin{pmatrix} a & b \\ c & d \end{pmatrix}^{-1}
       = \frac{1}{ad - bc} \begin{pmatrix} d & -b \\ -c & a \end{pmatrix}. $$

    Examples
    --------
    $\det A = 4 \cdot 6 - 7 \cdot 2 = 10$, so $A^{-1} = \frac{1}{10}(6, -7; -2, 4)$:

    >>> import numpy as np
    >>> print(np.round(inverse([[4, 7], [2, 6]]), 12))
    [[ 0.6 -0.7]
     [-0.2  0.4]]
    """
    A = finite_array(A, func="inverse", arg="A", ndim=2)
    if A.shape[0] != A.shape[1]:
        raise ValueError(f"inverse: A is non-square with shape {A.shape}; only a square matrix has an inverse")
    _check_invertible(A, func="inverse", name="A")
    try:
        return np.linalg.inv(A)
    except np.linalg.LinAlgError as error:  # pragma: no cover - the rank test above catches these first
        raise ValueError(f"inverse: A is singular ({error}); it has no inverse") from error


def solve_normal_equation(X: Any, y: Any) -> np.ndarray:
    r"""Least-squares weights of a linear model, from the normal equation.

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix: one row per example, one column per feature (add a column of
        ones for an intercept).
    y : array_like, shape (m,) or (m, k)
        Targets.

    Returns
    -------
    numpy.ndarray, shape (n,) or (n, k)
        The weights ``w`` minimising $\lVert Xw - y \rVert^2$.

    Raises
    ------
    TypeError
        If ``X`` or ``y`` is not numeric.
    ValueError
        If ``X`` is not 2-D, ``y`` is not 1-D or 2-D, their numbers of rows differ,
        $X^\top X$ is singular (for example more features than examples, or a column
        that repeats another), or either is empty or not finite.

    Notes
    -----
    Setting the gradient of $\lVert Xw - y \rVert^2$ to zero gives $X^\top X w = X^\top y$:

    $$ w = (X^\top X)^{-1} X^\top y $$

    The code never forms $(X^\top X)^{-1}$: it solves the linear system
    $X^\top X w = X^\top y$ with ``np.linalg.solve``, which is cheaper and loses fewer
    digits. Deep learning does not invert matrices at all: inverting costs $O(n^3)$ for
    $n$ weights, which for millions of weights is out of reach; forming $X^\top X$
    squares the condition number, so rounding errors are amplified; and a network's loss
    is not quadratic, so there is no closed form to invert in the first place. Gradient
    descent needs only matrix-vector products.

    Examples
    --------
    Noise-free points on $y = 1 + 2x$ give back intercept 1 and slope 2:

    >>> import numpy as np
    >>> X = [[1, 0], [1, 1], [1, 2], [1, 3]]
    >>> print(np.round(solve_normal_equation(X, [1, 3, 5, 7]), 10))
    [1. 2.]
    """
    X = finite_array(X, func="solve_normal_equation", arg="X", ndim=2)
    y = finite_array(y, func="solve_normal_equation", arg="y", ndim=(1, 2))
    if X.shape[0] != y.shape[0]:
        raise ValueError(
            f"solve_normal_equation: X is {X.shape} and y is {y.shape}; "
            f"X's rows ({X.shape[0]}) must equal y's rows ({y.shape[0]}), one target per example"
        )
    XtX = X.T @ X
    if X.shape[1] > X.shape[0]:
        raise ValueError(
            f"solve_normal_equation: X is {X.shape}; XᵀX is singular because X has more columns "
            f"({X.shape[1]}) than rows ({X.shape[0]}), so some weights are not determined by the data"
        )
    _check_invertible(XtX, func="solve_normal_equation", name="XᵀX")
    return np.linalg.solve(XtX, X.T @ y)
