r"""Feature tables of the worked India examples: data matrices, weight vectors, scale.

Every figure is copied from the *Mathematical Toolkit* chapter (Chapter 2, "Mathematical
Toolkit for Deep Learning", of a deep-learning textbook for Indian students); the section is
named in each docstring. Nothing the chapter *computes* is stored: scores and averages are
computed from the inputs, so the library, not a hand-typed number, is the authority. Each
call returns new arrays. (UPI's monthly totals are NPCI's, in module ``upi``.)

Examples
--------
>>> from mathlib.datasets.feature_tables import irctc_passengers
>>> t = irctc_passengers()
>>> (t.X @ t.w).round(3).tolist()
[-0.675, 0.45, 1.61, -0.295, 1.17]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "IrctcPassengers",
    "JioUsers",
    "PaytmUser",
    "irctc_passengers",
    "jio_users",
    "paytm_example_user",
]


@dataclass(frozen=True)
class IrctcPassengers:
    """Five IRCTC passengers (rows of ``X``) and the "will book again" weights ``w``."""

    X: np.ndarray
    w: np.ndarray
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    units: tuple[str, ...]


def irctc_passengers() -> IrctcPassengers:
    r"""Five IRCTC passengers with four features each, and a linear "will book again" score.

    Source: the *Mathematical Toolkit* chapter, §2.1 "Worked Example: IRCTC Passenger Data
    as a Matrix".

    Returns
    -------
    IrctcPassengers
        ``X`` (5, 4): age (years), fare (₹), distance (km), class (1 = first AC, 2, 3);
        rows ``P1`` … ``P5``. ``w`` (4,): the score weights, one per column.

    Notes
    -----
    The score of every passenger at once is one matrix-vector product:

    $$ s = X w, \qquad s_1 = 28(0.01) + 1450(0.0002) + 850(0.0003) + 3(-0.5) = -0.675 $$

    Examples
    --------
    >>> t = irctc_passengers()
    >>> t.X.shape, float(t.X[2, 1])
    ((5, 4), 5800.0)
    >>> s = t.X @ t.w
    >>> round(float(s[0]), 3), round(float(s[2]), 3)
    (-0.675, 1.61)
    """
    X = np.array(
        [
            [28, 1450, 850, 3],
            [45, 3200, 1200, 2],
            [32, 5800, 2100, 1],
            [56, 1800, 950, 3],
            [23, 4500, 1800, 1],
        ],
        dtype=float,
    )
    w = np.array([0.01, 0.0002, 0.0003, -0.5])
    return IrctcPassengers(
        X=X,
        w=w,
        rows=("P1", "P2", "P3", "P4", "P5"),
        columns=("age", "fare_inr", "distance_km", "travel_class"),
        units=("years", "₹", "km", "class (1, 2 or 3)"),
    )


@dataclass(frozen=True)
class JioUsers:
    """Three Jio users (rows of ``X``) and the churn weight vector ``W``."""

    X: np.ndarray
    W: np.ndarray
    columns: tuple[str, ...]
    units: tuple[str, ...]


def jio_users() -> JioUsers:
    r"""Three Jio users with three usage features, and a churn weight vector.

    Source: the *Mathematical Toolkit* chapter, "Worked Examples: Hand Calculations",
    Example 1 (Jio user dataset).

    Returns
    -------
    JioUsers
        ``X`` (3, 3): data usage (GB), recharge (₹), calls (minutes). ``W`` (3,).

    Notes
    -----
    The churn probability of each user is the sigmoid of its score:

    $$ \hat{y} = \sigma(X W), \qquad z_1 = 12(0.1) + 399(0.005) + 45(-0.02) = 2.295 $$

    Examples
    --------
    >>> t = jio_users()
    >>> z = t.X @ t.W
    >>> z.round(3).tolist()
    [2.295, -0.105, 5.095]
    >>> (1 / (1 + np.exp(-z))).round(3).tolist()
    [0.908, 0.474, 0.994]
    """
    X = np.array([[12, 399, 45], [5, 199, 80], [25, 599, 20]], dtype=float)
    W = np.array([0.1, 0.005, -0.02])
    return JioUsers(X=X, W=W, columns=("data_usage_gb", "recharge_inr", "calls_min"), units=("GB", "₹", "minutes"))


@dataclass(frozen=True)
class PaytmUser:
    """One Paytm user's feature vector ``x``, the code lab's churn weights ``w``, and Paytm's scale."""

    x: np.ndarray
    w: np.ndarray
    features: tuple[str, ...]
    units: tuple[str, ...]
    registered_users: int
    n_features: int


def paytm_example_user() -> PaytmUser:
    r"""A Paytm user as a 5-feature vector, and the scale of Paytm's churn problem.

    Source: the *Mathematical Toolkit* chapter: §2.1.1 (the vector
    $x = [25, 12500, 3, 0.85, 450]^\top$), its hook (350 million registered users, 50
    features per user) and its §4.1 code lab (the churn weights ``w``).

    Returns
    -------
    PaytmUser
        ``x`` (5,): age (years), average spend (₹), days since last login, UPI usage
        ratio (0 to 1), cashback redeemed (₹). ``w`` (5,). ``registered_users`` =
        350,000,000; ``n_features`` = 50.

    Notes
    -----
    $$ s = x^\top w = 25(0.3) + 12500(0.0001) + 3(-0.5) + 0.85(2) + 450(0.002) = 9.85 $$

    Examples
    --------
    >>> t = paytm_example_user()
    >>> round(float(t.x @ t.w), 2)
    9.85
    >>> t.registered_users // 10**7, t.n_features
    (35, 50)
    """
    return PaytmUser(
        x=np.array([25, 12500, 3, 0.85, 450]),
        w=np.array([0.3, 0.0001, -0.5, 2.0, 0.002]),
        features=("age", "avg_spend_inr", "days_since_login", "upi_ratio", "cashback_inr"),
        units=("years", "₹", "days", "fraction", "₹"),
        registered_users=350_000_000,
        n_features=50,
    )
