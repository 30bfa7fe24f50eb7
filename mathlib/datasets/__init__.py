r"""Data for the handbook's examples: small fixed tables, UPI's totals, seeded generators, ₹ formatting.

Four kinds of data, none of it downloaded:

* **Fixed tables** from the worked India examples of the *Mathematical Toolkit* chapter
  (Chapter 2 of a deep-learning textbook for Indian students), each a function returning a
  small frozen dataclass of NumPy arrays with its column names and units:
  ``irctc_passengers``, ``jio_users``, ``paytm_example_user`` (module ``feature_tables``);
  ``flipkart_returns``, ``swiggy_categories``, ``zomato_delivery``, ``phonepe_fraud``
  (module ``probability_tables``).
* **UPI's monthly totals** as NPCI published them (module ``upi``): ``upi_march_2024``
  and ``upi_months_2024`` (March to September 2024), each month a ``UpiMonth``.
* **Seeded synthetic sets** (module ``synthetic``): ``paytm_churn``,
  ``zomato_delivery_times``, ``xor``, ``two_moons``. Each takes ``rng``, a
  ``numpy.random.Generator`` or an int seed; the same seed gives the same arrays.
* **Indian number formatting** (module ``inr``): ``format_inr`` for rupees and
  ``format_indian`` for counts, in digits (``₹12,34,567``) or in words
  (``₹19.78 lakh crore``, ``1,344 crore``).

Examples
--------
>>> from mathlib.datasets import format_inr, upi_march_2024
>>> format_inr(upi_march_2024().value_inr, words=True)
'₹19.78 lakh crore'

The names load their module on first use (PEP 562), so ``from mathlib.datasets import
format_inr`` needs no NumPy: ``format_inr`` and ``format_indian`` are pure Python.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - for type checkers, IDEs and the API reference
    from mathlib.datasets.feature_tables import (
        IrctcPassengers,
        JioUsers,
        PaytmUser,
        irctc_passengers,
        jio_users,
        paytm_example_user,
    )
    from mathlib.datasets.inr import format_indian, format_inr
    from mathlib.datasets.probability_tables import (
        FlipkartReturns,
        FlipkartSearch,
        PhonepeFraud,
        SwiggyCategories,
        ZomatoDelivery,
        flipkart_returns,
        flipkart_search,
        phonepe_fraud,
        swiggy_categories,
        zomato_delivery,
    )
    from mathlib.datasets.synthetic import Sample, paytm_churn, paytm_churn_logit, two_moons, xor, zomato_delivery_times
    from mathlib.datasets.upi import UpiMonth, upi_march_2024, upi_months_2024

__all__ = [
    "FlipkartReturns",
    "FlipkartSearch",
    "IrctcPassengers",
    "JioUsers",
    "PaytmUser",
    "PhonepeFraud",
    "Sample",
    "SwiggyCategories",
    "UpiMonth",
    "ZomatoDelivery",
    "flipkart_returns",
    "flipkart_search",
    "format_indian",
    "format_inr",
    "irctc_passengers",
    "jio_users",
    "paytm_churn",
    "paytm_churn_logit",
    "paytm_example_user",
    "phonepe_fraud",
    "swiggy_categories",
    "two_moons",
    "upi_march_2024",
    "upi_months_2024",
    "xor",
    "zomato_delivery",
    "zomato_delivery_times",
]

# Which submodule defines each name: the tables and generators import NumPy, inr does not.
_HOME = {
    "FlipkartReturns": "probability_tables",
    "FlipkartSearch": "probability_tables",
    "IrctcPassengers": "feature_tables",
    "JioUsers": "feature_tables",
    "PaytmUser": "feature_tables",
    "PhonepeFraud": "probability_tables",
    "Sample": "synthetic",
    "SwiggyCategories": "probability_tables",
    "UpiMonth": "upi",
    "ZomatoDelivery": "probability_tables",
    "flipkart_returns": "probability_tables",
    "flipkart_search": "probability_tables",
    "format_indian": "inr",
    "format_inr": "inr",
    "irctc_passengers": "feature_tables",
    "jio_users": "feature_tables",
    "paytm_churn": "synthetic",
    "paytm_churn_logit": "synthetic",
    "paytm_example_user": "feature_tables",
    "phonepe_fraud": "probability_tables",
    "swiggy_categories": "probability_tables",
    "two_moons": "synthetic",
    "upi_march_2024": "upi",
    "upi_months_2024": "upi",
    "xor": "synthetic",
    "zomato_delivery": "probability_tables",
    "zomato_delivery_times": "synthetic",
}


def __getattr__(name: str):
    if name in _HOME:
        value = getattr(importlib.import_module(f"mathlib.datasets.{_HOME[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'mathlib.datasets' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
