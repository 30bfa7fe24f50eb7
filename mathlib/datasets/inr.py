r"""Indian number formatting: digit grouping in lakhs and crores, and the words for them.

The Indian system groups the last three digits, then every two: ``12,34,567`` (twelve
lakh, thirty-four thousand, five hundred and sixty-seven). With ``words=True`` the
number is written against the largest fitting unit:

=================  ===========  =========================
unit               value        example
=================  ===========  =========================
lakh               $10^5$       ``3.5 lakh``
crore              $10^7$       ``1,344 crore``
lakh crore         $10^{12}$    ``19.78 lakh crore``
=================  ===========  =========================

Amounts below one lakh are written in digits even when ``words=True``.

Examples
--------
>>> from mathlib.datasets.inr import format_indian, format_inr
>>> format_inr(1234567)
'₹12,34,567'
>>> format_inr(19_78_000_00_00_000, words=True)
'₹19.78 lakh crore'
>>> format_indian(350_000_000), format_indian(350_000_000, words=True)
('35,00,00,000', '35 crore')
"""

from __future__ import annotations

import math
import numbers
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from mathlib._scalars import is_numpy_bool

__all__ = ["format_indian", "format_inr"]

# Largest first, so that the first unit whose rounded coefficient reaches 1 wins.
_UNITS = (("lakh crore", 12), ("crore", 7), ("lakh", 5))  # name, power of ten
_WORDS_MAX_DECIMALS = 2  # '19.78 lakh crore': the precision the site writes in words


def format_inr(amount: Any, *, words: bool = False, decimals: int | None = None) -> str:
    r"""Write a rupee amount with the ₹ sign and Indian digit grouping.

    Parameters
    ----------
    amount : int or float
        The amount in rupees (paise as the fractional part). Python and NumPy integers
        are formatted exactly, however large.
    words : bool, default False
        Write the amount in lakh, crore or lakh crore (see the module table) instead
        of all its digits.
    decimals : int, optional
        Digits after the decimal point, rounded half up. By default: none for a whole
        number of rupees and 2 (paise) otherwise; for the coefficient of a unit word,
        at most 2 with trailing zeros dropped (``19.78``, ``19.8``, ``35``).

    Returns
    -------
    str
        ``'₹12,34,567'``, ``'₹1,234.50'``, ``'-₹500'``, ``'₹19.78 lakh crore'``. A
        negative amount puts an ASCII ``-`` before the ₹; an amount that rounds to zero
        has no sign.

    Raises
    ------
    TypeError
        If ``amount`` is not a real number (strings, None and bools are refused), or
        ``decimals`` is not an integer.
    ValueError
        If ``amount`` is NaN or infinite, or ``decimals`` is negative.

    Notes
    -----
    For $|x| \ge 10^5$, with $u$ the largest unit of the table for which
    $\operatorname{round}(|x|/u) \ge 1$, the words form is

    $$ x \mapsto \operatorname{round}\!\left(\frac{x}{u}\right)\ \text{unit}(u),
       \qquad u \in \{10^5, 10^7, 10^{12}\} $$

    Examples
    --------
    >>> format_inr(1234567)
    '₹12,34,567'
    >>> format_inr(19.78e12, words=True)
    '₹19.78 lakh crore'
    >>> format_inr(19.78e12 / 13.44e9, decimals=0)
    '₹1,472'
    >>> format_inr(-1234.5)
    '-₹1,234.50'
    """
    return _format(amount, words=words, decimals=decimals, func="format_inr", prefix="₹")


def format_indian(n: Any, *, words: bool = False, decimals: int | None = None) -> str:
    r"""Write a plain number (a count) with Indian digit grouping, without the ₹ sign.

    Parameters
    ----------
    n : int or float
        The number, e.g. a count of users or transactions.
    words : bool, default False
        Write ``n`` in lakh, crore or lakh crore (see the module table).
    decimals : int, optional
        As in ``format_inr``.

    Returns
    -------
    str
        ``'35,00,00,000'``, or with ``words=True`` ``'35 crore'``.

    Raises
    ------
    TypeError
        If ``n`` is not a real number, or ``decimals`` is not an integer.
    ValueError
        If ``n`` is NaN or infinite, or ``decimals`` is negative.

    Notes
    -----
    Digits $d_k \dots d_1 d_0$ are grouped as $\dots d_6 d_5,\, d_4 d_3,\, d_2 d_1 d_0$:
    a comma after the thousands, then after every two digits.

    $$ 13.44 \times 10^{9} = 1344 \times 10^{7} = \text{1,344 crore} $$

    Examples
    --------
    >>> format_indian(350_000_000)
    '35,00,00,000'
    >>> format_indian(13_440_000_000, words=True)
    '1,344 crore'
    >>> format_indian(999)
    '999'
    """
    return _format(n, words=words, decimals=decimals, func="format_indian", prefix="")


def _format(value: Any, *, words: bool, decimals: int | None, func: str, prefix: str) -> str:
    exact = _as_decimal(value, func)
    if not (isinstance(words, bool) or is_numpy_bool(words)):
        raise TypeError(f"{func}: words must be True or False; got {type(words).__name__}")
    if decimals is not None:
        if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral):
            raise TypeError(f"{func}: decimals must be an integer or None; got {type(decimals).__name__}")
        if decimals < 0:
            raise ValueError(f"{func}: decimals must be >= 0; got {decimals}")
        decimals = int(decimals)
    with localcontext() as context:
        # Enough precision for every digit plus the requested places, so nothing is rounded twice.
        context.prec = max(exact.adjusted(), 0) + (decimals or 0) + _WORDS_MAX_DECIMALS + 10
        return _format_exact(exact, words=words, decimals=decimals, prefix=prefix)


def _format_exact(exact: Decimal, *, words: bool, decimals: int | None, prefix: str) -> str:
    magnitude = abs(exact)
    text = suffix = ""
    if words and magnitude >= Decimal(10) ** _UNITS[-1][1]:
        places = _WORDS_MAX_DECIMALS if decimals is None else decimals
        for name, power in _UNITS:
            shown = _round(magnitude.scaleb(-power), places)
            if shown >= 1:
                text, suffix = _group(shown, places, strip_zeros=decimals is None), f" {name}"
                break
    if not suffix:  # not in words, or below one lakh: all the digits
        places = decimals
        if places is None:
            places = 0 if magnitude == magnitude.to_integral_value() else 2
        shown = _round(magnitude, places)
        text = _group(shown, places, strip_zeros=False)
    sign = "-" if exact < 0 and shown != 0 else ""
    return f"{sign}{prefix}{text}{suffix}"


def _as_decimal(value: Any, func: str) -> Decimal:
    """Return ``value`` as an exact Decimal: integers exactly, floats by their shortest repr."""
    if isinstance(value, bool) or is_numpy_bool(value) or not isinstance(value, numbers.Real):
        raise TypeError(f"{func}: the number must be a real number (int or float); got {type(value).__name__}")
    if isinstance(value, numbers.Integral):  # NumPy's integers are registered as Integral
        return Decimal(int(value))
    number = float(value)
    if math.isnan(number):
        raise ValueError(f"{func}: the number is NaN")
    if math.isinf(number):
        raise ValueError(f"{func}: the number must be finite; got {number!r}")
    # repr gives the shortest decimal that round-trips, so 2.675 rounds as written (to 2.68).
    return Decimal(repr(number))


def _round(x: Decimal, places: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _group(x: Decimal, places: int, *, strip_zeros: bool) -> str:
    text = f"{x:.{places}f}"
    whole, _, fraction = text.partition(".")
    if strip_zeros:
        fraction = fraction.rstrip("0")
    head, tail = whole[:-3], whole[-3:]
    pairs = []
    while head:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    grouped = ",".join([*pairs, tail])
    return f"{grouped}.{fraction}" if fraction else grouped
