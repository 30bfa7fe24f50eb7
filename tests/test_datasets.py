"""Tests for mathlib.datasets: ₹ formatting, the source's tables and figures, seeded generators."""

from __future__ import annotations

import dataclasses
import math
import re
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathlib import datasets
from mathlib.datasets import (
    Sample,
    flipkart_returns,
    format_indian,
    format_inr,
    irctc_passengers,
    jio_users,
    paytm_churn,
    paytm_churn_logit,
    paytm_example_user,
    phonepe_fraud,
    swiggy_categories,
    two_moons,
    upi_march_2024,
    upi_months_2024,
    xor,
    zomato_delivery,
    zomato_delivery_times,
)

GROUPED_INT = re.compile(r"^-?₹(?:[1-9]\d?(?:,\d{2})*,\d{3}|[1-9]\d{0,2}|0)$")
UNITS = {"lakh": 10**5, "crore": 10**7, "lakh crore": 10**12}
TABLES = [
    irctc_passengers,
    jio_users,
    paytm_example_user,
    upi_march_2024,
    flipkart_returns,
    swiggy_categories,
    zomato_delivery,
    phonepe_fraud,
]


def sigmoid_by_hand(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def parse_words(text: str) -> float:
    """'₹19.78 lakh crore' -> 1.978e13, independently of the formatter."""
    sign = -1.0 if text.startswith("-") else 1.0
    number, _, unit = text.lstrip("-₹").partition(" ")
    return sign * float(number.replace(",", "")) * UNITS.get(unit, 1)


# ---- format_inr and format_indian: the site's forms -------------------------------------


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: format_inr(1234567), "₹12,34,567"),
        (lambda: format_inr(19_78_000_00_00_000, words=True), "₹19.78 lakh crore"),
        (lambda: format_inr(19.78e12, words=True), "₹19.78 lakh crore"),
        (lambda: format_indian(350_000_000), "35,00,00,000"),
        (lambda: format_indian(350_000_000, words=True), "35 crore"),
        (lambda: format_indian(13_440_000_000, words=True), "1,344 crore"),
        (lambda: format_inr(19.78e12 / 13.44e9, decimals=0), "₹1,472"),
    ],
)
def test_site_forms(call, expected):
    """The forms the site prints: ₹12,34,567, ₹19.78 lakh crore, 35,00,00,000, 35 crore, 1,344 crore, ₹1,472."""
    assert call() == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "₹0"),
        (7, "₹7"),
        (999, "₹999"),
        (1000, "₹1,000"),
        (99_999, "₹99,999"),
        (100_000, "₹1,00,000"),
        (10_00_000, "₹10,00,000"),
        (1_00_00_000, "₹1,00,00,000"),
    ],
)
def test_grouping_at_the_boundaries(n, expected):
    """Three digits, then pairs: the comma appears at 1,000 then at 1,00,000 and 1,00,00,000."""
    assert format_inr(n) == expected


def test_paise_get_two_decimals_by_default():
    """A fractional amount shows paise: 1234.5 -> ₹1,234.50; a whole float shows none."""
    assert format_inr(1234.5) == "₹1,234.50"
    assert format_inr(12.0) == "₹12"


def test_explicit_decimals():
    """decimals fixes the digits after the point, zeros kept."""
    assert format_inr(1234567, decimals=2) == "₹12,34,567.00"
    assert format_indian(1234.5678, decimals=3) == "1,234.568"


@pytest.mark.parametrize(("amount", "expected"), [(2.5, "₹3"), (0.5, "₹1"), (1.5, "₹2"), (2.49, "₹2")])
def test_rounding_is_half_up(amount, expected):
    """Halves round up (2.5 -> 3), not to even (2.5 -> 2) as round() would."""
    assert format_inr(amount, decimals=0) == expected


def test_float_rounds_as_written():
    """2.675 is stored as 2.67499999…; it still rounds as written, to 2.68."""
    assert format_inr(2.675) == "₹2.68"


def test_negative_amounts_put_the_sign_before_the_rupee():
    """-1234.5 -> -₹1,234.50, and in words -₹19.78 lakh crore."""
    assert format_inr(-1234.5) == "-₹1,234.50"
    assert format_inr(-19.78e12, words=True) == "-₹19.78 lakh crore"
    assert format_indian(-350_000_000) == "-35,00,00,000"


def test_zero_has_no_sign():
    """0, -0.0 and an amount that rounds to zero are printed without a minus sign."""
    assert format_inr(0) == "₹0"
    assert format_inr(-0.0) == "₹0"
    assert format_inr(-0.001) == "₹0.00"
    assert format_inr(-0.4, decimals=0) == "₹0"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (100_000, "₹1 lakh"),
        (350_000, "₹3.5 lakh"),
        (1_234_567, "₹12.35 lakh"),
        (10**7, "₹1 crore"),
        (13.44e9, "₹1,344 crore"),
        (10**12, "₹1 lakh crore"),
        (10**17, "₹1,00,000 lakh crore"),
    ],
)
def test_words_use_the_largest_unit(amount, expected):
    """Lakh from 10^5, crore from 10^7, lakh crore from 10^12; the coefficient keeps Indian grouping."""
    assert format_inr(amount, words=True) == expected


def test_words_below_one_lakh_are_digits():
    """Below one lakh there is no unit word: the digits (and paise) are printed."""
    assert format_inr(99_999, words=True) == "₹99,999"
    assert format_inr(1234.5, words=True) == "₹1,234.50"
    assert format_inr(99_999.996, words=True) == "₹1,00,000.00"


def test_words_round_up_into_the_next_unit():
    """99.999999 lakh rounds to one crore, and 99,999.99999 crore to one lakh crore."""
    assert format_inr(9_999_999.999, words=True) == "₹1 crore"
    assert format_inr(999_999_999_999.9, words=True) == "₹1 lakh crore"


def test_words_with_explicit_decimals_keep_zeros():
    """decimals=1 rounds the coefficient; decimals=3 pads it with zeros."""
    assert format_inr(19.78e12, words=True, decimals=1) == "₹19.8 lakh crore"
    assert format_inr(19.78e12, words=True, decimals=3) == "₹19.780 lakh crore"


def test_huge_integers_are_exact():
    """Integers are never converted to float: 10^30 + 7 keeps its last digits."""
    assert format_inr(10**30 + 7).endswith(",00,007")
    assert format_inr(10**30 + 7).replace(",", "") == f"₹{10**30 + 7}"


def test_numpy_scalars_are_accepted():
    """NumPy integers and floats format like their Python counterparts."""
    assert format_inr(np.int64(1234567)) == "₹12,34,567"
    assert format_inr(np.float64(1234.5)) == format_inr(1234.5)


# ---- format_inr and format_indian: properties ------------------------------------------


@settings(max_examples=100, deadline=None)
@given(st.integers(-(10**24), 10**24))
def test_removing_commas_and_rupee_gives_back_the_integer(n):
    """For every integer, deleting ',' and '₹' from format_inr(n) leaves str(n)."""
    assert int(format_inr(n).replace(",", "").replace("₹", "")) == n


@settings(max_examples=100, deadline=None)
@given(st.integers(-(10**24), 10**24))
def test_grouping_pattern(n):
    """Integers match: optional '-', '₹', then 1-2 digits and pairs before the last three."""
    assert GROUPED_INT.match(format_inr(n))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10**24))
def test_format_indian_is_format_inr_without_the_rupee(n):
    """The two formatters differ only by the ₹ sign."""
    assert "₹" + format_indian(n) == format_inr(n)


@settings(max_examples=100, deadline=None)
@given(st.floats(-1e12, 1e12, allow_nan=False))
def test_two_decimals_are_within_half_a_paisa(x):
    """With decimals=2 the printed amount is x to within half a paisa (plus float rounding)."""
    printed = float(format_inr(x, decimals=2).replace(",", "").replace("₹", ""))
    assert abs(printed - x) <= 0.005 + 1e-9 * abs(x)


@settings(max_examples=100, deadline=None)
@given(st.floats(1e5, 1e18))
def test_words_are_within_half_a_hundredth_of_the_unit(x):
    """'20.64 lakh crore' means 20.64 × 10^12, within 0.005 of the unit used."""
    text = format_inr(x, words=True)
    unit = UNITS[text.partition(" ")[2]]
    assert abs(parse_words(text) - x) <= 0.005 * unit * (1 + 1e-9)


# ---- format_inr and format_indian: bad input -------------------------------------------


@pytest.mark.parametrize("bad", ["123", None, True, [1, 2], 1 + 2j, np.array([1.0])])
def test_non_numeric_amount_raises_type_error(bad):
    """Strings, None, bools, lists, complex numbers and arrays are refused."""
    with pytest.raises(TypeError, match=r"^format_inr: the number must be a real number"):
        format_inr(bad)


@pytest.mark.parametrize(
    ("bad", "message"), [(math.nan, "is NaN"), (math.inf, "must be finite"), (-math.inf, "must be finite")]
)
def test_nan_and_inf_raise_value_error(bad, message):
    """NaN and ±inf have no digits to group."""
    with pytest.raises(ValueError, match=rf"^format_indian: the number {message}"):
        format_indian(bad)


@pytest.mark.parametrize("bad", [1.5, "2", True])
def test_non_integer_decimals_raise_type_error(bad):
    """decimals must be an integer."""
    with pytest.raises(TypeError, match=r"^format_inr: decimals must be an integer or None"):
        format_inr(100, decimals=bad)


def test_negative_decimals_raise_value_error():
    """decimals must be >= 0."""
    with pytest.raises(ValueError, match=r"^format_inr: decimals must be >= 0; got -1"):
        format_inr(100, decimals=-1)


def test_non_bool_words_raise_type_error():
    """words must be a bool, so a misplaced argument is not silently taken as true."""
    with pytest.raises(TypeError, match=r"^format_indian: words must be True or False; got str"):
        format_indian(100, words="yes")


# ---- the fixed tables: the source's figures --------------------------------------------


def test_irctc_table_matches_the_source():
    """X is (5, 4), X[2, 1] = 5800 and the ages column is 28, 45, 32, 56, 23."""
    t = irctc_passengers()
    assert t.X.shape == (5, 4)
    assert t.X[2, 1] == 5800
    assert t.X[:, 0].tolist() == [28, 45, 32, 56, 23]
    assert len(t.columns) == len(t.units) == 4
    assert t.rows == ("P1", "P2", "P3", "P4", "P5")


def test_irctc_scores_of_p1_and_p3():
    """Score P1 = 0.28 + 0.29 + 0.255 - 1.5 = -0.675; P3 = 0.32 + 1.16 + 0.63 - 0.5 = 1.61."""
    s = irctc_passengers().X @ irctc_passengers().w
    assert math.isclose(s[0], -0.675, abs_tol=1e-12)
    assert math.isclose(s[2], 1.61, abs_tol=1e-12)


def test_irctc_batch_score_is_row_by_row_dot_product():
    """X·w equals each passenger's sum of feature × weight computed one at a time."""
    t = irctc_passengers()
    by_hand = [math.fsum(x * w for x, w in zip(row, t.w, strict=True)) for row in t.X.tolist()]
    np.testing.assert_allclose(t.X @ t.w, by_hand, rtol=0, atol=1e-12)


def test_jio_scores_and_probabilities():
    """X·W = (2.295, -0.105, 5.095) and σ gives 0.908, 0.474, 0.994 (source's three decimals)."""
    t = jio_users()
    z = t.X @ t.W
    np.testing.assert_allclose(z, [2.295, -0.105, 5.095], atol=1e-12)
    assert [round(sigmoid_by_hand(v), 3) for v in z] == [0.908, 0.474, 0.994]


def test_flipkart_bce_is_0_3635():
    """BCE of y = (1, 0, 1), ŷ = (0.8, 0.3, 0.6) is (−ln 0.8 − ln 0.7 − ln 0.6)/3 = 0.3635."""
    t = flipkart_returns()
    per_sample = [-math.log(p) if y == 1 else -math.log(1 - p) for y, p in zip(t.y, t.y_hat, strict=True)]
    assert [round(v, 4) for v in per_sample] == [0.2231, 0.3567, 0.5108]
    assert round(math.fsum(per_sample) / 3, 4) == 0.3635


def test_flipkart_bce_with_mathlib_losses():
    """mathlib.losses.binary_cross_entropy reproduces the source's 0.3635 from the table."""
    from mathlib.losses import binary_cross_entropy

    t = flipkart_returns()
    assert math.isclose(binary_cross_entropy(t.y, t.y_hat), -math.log(0.8 * 0.7 * 0.6) / 3, rel_tol=1e-12)


def test_swiggy_distributions_sum_to_one():
    """p, q_a and q_b are distributions over the four categories."""
    t = swiggy_categories()
    assert t.categories == ("Biryani", "Pizza", "Dosa", "Other")
    for dist in (t.p, t.q_a, t.q_b):
        assert dist.shape == (4,)
        assert math.isclose(math.fsum(dist), 1.0)


def test_swiggy_entropy_is_1_280_not_1_279():
    """H(p) = 1.27985 nats: the source's 1.279 sums terms already rounded to 3 places."""
    p = swiggy_categories().p
    h = -math.fsum(x * math.log(x) for x in p)
    assert round(h, 3) == 1.280
    assert round(math.fsum([0.366, 0.361, 0.322, 0.230]), 3) == 1.279


def test_swiggy_kl_values_and_ratio():
    """KL(p‖q_A) = 0.00878 (source 0.009), KL(p‖q_B) = 0.828; the ratio is 94.3, not the source's 92."""
    t = swiggy_categories()
    kl_a = math.fsum(p * math.log(p / q) for p, q in zip(t.p, t.q_a, strict=True))
    kl_b = math.fsum(p * math.log(p / q) for p, q in zip(t.p, t.q_b, strict=True))
    assert round(kl_a, 3) == 0.009
    assert round(kl_b, 3) == 0.828
    assert round(kl_b / kl_a, 1) == 94.3
    assert round(0.828 / 0.009) == 92  # where the source's 92× comes from


def test_swiggy_with_mathlib_information():
    """mathlib.information gives H(p, q_A) = H(p) + KL(p‖q_A) on the table."""
    from mathlib.information import cross_entropy, entropy, kl_divergence

    t = swiggy_categories()
    assert math.isclose(cross_entropy(t.p, t.q_a), entropy(t.p) + kl_divergence(t.p, t.q_a), rel_tol=1e-12)


def test_zomato_gaussian_and_mle():
    """μ = 35, σ = 8 min; p̂ = 160/200 = 0.8 and ℓ(p̂) = 160 ln 0.8 + 40 ln 0.2 = −100.08."""
    t = zomato_delivery()
    assert (t.mu, t.sigma, t.n_orders, t.n_on_time) == (35.0, 8.0, 200, 160)
    assert t.p_hat == 0.8
    assert round(160 * math.log(0.8) + 40 * math.log(0.2), 2) == -100.08
    assert t.x_min.tolist() == [25, 30, 35, 40, 50]


def test_phonepe_mle_is_the_observed_proportion():
    """p̂ = 47/1000 = 0.047, and dℓ/dp = 47/p − 953/(1 − p) vanishes there."""
    t = phonepe_fraud()
    assert t.p_hat == 0.047
    assert t.labels().sum() == 47 and t.labels().size == 1000
    assert abs(47 / t.p_hat - 953 / (1 - t.p_hat)) < 1e-9


# The record: NPCI's UPI Product Statistics, as reported from NPCI's data at the time.
# (month, crore transactions, lakh crore rupees), typed from the reports, not from the library.
UPI_RECORD = [
    ("2024-03", 1344, "19.78"),  # IANS, 1 May 2024
    ("2024-04", 1330, "19.64"),  # IANS, 1 May 2024
    ("2024-05", 1404, "20.45"),  # Moneycontrol, 1 June 2024
    ("2024-06", 1389, "20.07"),  # IANS, 1 August 2024
    ("2024-07", 1444, "20.64"),  # IANS, 1 August 2024
    ("2024-08", 1496, "20.61"),  # Business Standard, 1 October 2024
    ("2024-09", 1504, "20.64"),  # Business Standard, 1 October 2024
]
CHAPTER_COUNT, CHAPTER_VALUE = 14_040_000_000, 20_64_000_00_00_000  # the Mathematical Toolkit chapter's March 2024


def test_upi_march_2024_is_the_record():
    """March 2024 is 13.44 billion transactions worth ₹19.78 lakh crore (NPCI, reported by IANS, 1 May 2024)."""
    t = upi_march_2024()
    assert (t.month, t.transactions, t.value_inr) == ("2024-03", 13_440_000_000, 19_780_000_000_000)


def test_upi_march_2024_in_indian_words():
    """March's count is written 1,344 crore and its value ₹19.78 lakh crore."""
    t = upi_march_2024()
    assert (format_indian(t.transactions, words=True), format_inr(t.value_inr, words=True)) == (
        "1,344 crore",
        "₹19.78 lakh crore",
    )


def test_upi_march_2024_average_transaction():
    """March's average transaction, ₹19.78 lakh crore over 1,344 crore, is ₹1,471.73."""
    assert round(upi_march_2024().average_inr, 2) == 1471.73


def test_upi_march_2024_has_31_days():
    """The days property counts March's 31 calendar days."""
    assert upi_march_2024().days == 31


def test_upi_march_2024_is_the_first_month_of_the_table():
    """upi_march_2024() is the March row of upi_months_2024()."""
    assert upi_march_2024() == upi_months_2024()[0]


@pytest.mark.parametrize(("month", "crore", "lakh_crore"), UPI_RECORD)
def test_upi_months_match_the_reports(month, crore, lakh_crore):
    """Each month's count and value are the reported crore and lakh crore, exactly."""
    by_month = {m.month: m for m in upi_months_2024()}
    assert by_month[month].transactions == crore * 10**7
    assert by_month[month].value_inr == int(Decimal(lakh_crore) * 10**12)


def test_upi_months_are_march_to_september_in_order():
    """The table holds 2024-03 to 2024-09, once each, in calendar order."""
    assert [m.month for m in upi_months_2024()] == [month for month, _, _ in UPI_RECORD]


def test_upi_months_name_their_report():
    """Every month names NPCI's statistics and the report it was taken from."""
    assert all(m.reported.startswith("NPCI UPI Product Statistics, reported by ") for m in upi_months_2024())


def test_upi_days_per_month():
    """March, May, July and August have 31 days; April, June and September 30."""
    assert [m.days for m in upi_months_2024()] == [31, 30, 31, 30, 31, 31, 30]


def test_chapter_count_is_mays():
    """The chapter's 14.04 billion transactions are May 2024's count, and no other month's."""
    assert [m.month for m in upi_months_2024() if m.transactions == CHAPTER_COUNT] == ["2024-05"]


def test_chapter_value_is_julys_and_septembers():
    """The chapter's ₹20.64 lakh crore is the value reported for July and for September 2024, no other month's."""
    assert [m.month for m in upi_months_2024() if m.value_inr == CHAPTER_VALUE] == ["2024-07", "2024-09"]


def test_no_month_has_both_chapter_figures():
    """No month of the record has both the chapter's count and the chapter's value."""
    assert not any(m.transactions == CHAPTER_COUNT and m.value_inr == CHAPTER_VALUE for m in upi_months_2024())


def test_chapter_average_is_outside_marchs_rounding_range():
    """The chapter's ₹1,470.09 is below the lowest average March's rounded figures allow (19.775 / 1,344.5)."""
    lowest_march_average = Decimal("19.775e12") / Decimal("1344.5e7")
    assert Decimal(CHAPTER_VALUE) / CHAPTER_COUNT < lowest_march_average


def test_paytm_example_user_and_scale():
    """x = (25, 12500, 3, 0.85, 450); 350 million users = 35 crore; 50 features; x·w = 9.85."""
    t = paytm_example_user()
    assert t.x.tolist() == [25, 12500, 3, 0.85, 450]
    assert t.features == ("age", "avg_spend_inr", "days_since_login", "upi_ratio", "cashback_inr")
    assert format_indian(t.registered_users, words=True) == "35 crore"
    assert format_indian(t.registered_users) == "35,00,00,000"
    assert t.n_features == 50
    assert math.isclose(t.x @ t.w, 7.5 + 1.25 - 1.5 + 1.7 + 0.9)


@pytest.mark.parametrize("table", TABLES)
def test_tables_are_frozen(table):
    """A table's fields cannot be rebound."""
    t = table()
    field = dataclasses.fields(t)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(t, field, None)


@pytest.mark.parametrize("table", [irctc_passengers, jio_users, paytm_example_user, swiggy_categories])
def test_each_call_returns_new_arrays(table):
    """Overwriting one call's arrays leaves the next call's untouched."""
    first = table()
    names = [f.name for f in dataclasses.fields(first) if isinstance(getattr(first, f.name), np.ndarray)]
    for name in names:
        getattr(first, name)[...] = -1
    second = table()
    for name in names:
        assert not np.all(getattr(second, name) == -1)


# ---- seeded generators: paytm_churn ----------------------------------------------------


def test_paytm_churn_shapes_names_and_labels():
    """X is (n, 6) with the documented columns; y is 0/1 ints."""
    data = paytm_churn(500, rng=1)
    assert isinstance(data, Sample)
    assert data.X.shape == (500, 6)
    assert data.feature_names == (
        "age",
        "avg_spend_inr",
        "days_since_login",
        "upi_ratio",
        "cashback_inr",
        "tenure_months",
    )
    assert set(np.unique(data.y)) <= {0, 1}
    assert data.y.dtype.kind == "i"


def test_paytm_churn_feature_ranges():
    """Ages 18-70, whole days 0-90, UPI ratio in [0, 1], tenure 1-96, whole non-negative rupees."""
    X = paytm_churn(5000, rng=2).X
    age, spend, days, upi, cashback, tenure = X.T
    assert age.min() >= 18 and age.max() <= 70
    assert days.min() >= 0 and days.max() <= 90 and np.all(days == np.floor(days))
    assert upi.min() >= 0 and upi.max() <= 1
    assert tenure.min() >= 1 and tenure.max() <= 96
    for rupees in (spend, cashback):
        assert rupees.min() >= 0 and np.all(rupees == np.round(rupees))


def test_paytm_churn_logit_at_the_centres_is_b():
    """A user at every centre has z = b = -1.5; one s.d. more days away adds w = 1.2."""
    centre = [32, 3000, 6, 0.7, 100, 36]
    assert paytm_churn_logit([centre]).tolist() == [-1.5]
    assert math.isclose(paytm_churn_logit([[32, 3000, 12, 0.7, 100, 36]])[0], -1.5 + 1.2)


def test_paytm_churn_labels_follow_the_stated_logistic_model():
    """Logistic regression (Newton's method) on 40,000 users recovers the documented weights within 0.1."""
    data = paytm_churn(40_000, rng=3)
    centre = np.array([32, 3000, 6, 0.7, 100, 36])
    scale = np.array([9, 2000, 6, 0.15, 100, 24])
    A = np.column_stack([np.ones(len(data.y)), (data.X - centre) / scale])
    theta = np.zeros(A.shape[1])
    for _ in range(25):
        p = 1 / (1 + np.exp(-A @ theta))
        hessian = A.T @ (A * (p * (1 - p))[:, None])
        theta += np.linalg.solve(hessian, A.T @ (data.y - p))
    np.testing.assert_allclose(theta, [-1.5, -0.3, -0.8, 1.2, -0.7, -0.4, -0.5], atol=0.1)


def test_paytm_churn_same_seed_same_arrays():
    """Two calls with seed 11 give identical X and y; an int seed equals default_rng(seed)."""
    a, b = paytm_churn(100, rng=11), paytm_churn(100, rng=np.random.default_rng(11))
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)


def test_paytm_churn_different_seed_different_arrays():
    """Seeds 11 and 12 give different users."""
    assert not np.array_equal(paytm_churn(100, rng=11).X, paytm_churn(100, rng=12).X)


def test_generators_leave_the_global_rng_alone():
    """No generator reads or advances NumPy's global random state."""
    before = np.random.get_state()[1].copy()  # noqa: NPY002 - the legacy global state is what is checked
    paytm_churn(10, rng=0)
    zomato_delivery_times(10, rng=0)
    two_moons(10, rng=0)
    np.testing.assert_array_equal(np.random.get_state()[1], before)  # noqa: NPY002


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**63 - 1))
def test_any_seed_is_reproducible(seed):
    """For every seed, calling each generator twice gives identical arrays."""
    np.testing.assert_array_equal(paytm_churn(20, seed).X, paytm_churn(20, seed).X)
    np.testing.assert_array_equal(zomato_delivery_times(20, seed), zomato_delivery_times(20, seed))
    np.testing.assert_array_equal(two_moons(20, seed).X, two_moons(20, seed).X)


def test_paytm_churn_logit_rejects_wrong_columns():
    """X must have six columns; the message names both and the columns."""
    with pytest.raises(ValueError, match=r"^paytm_churn_logit: X is \(1, 5\); it must have 6 columns \(age, "):
        paytm_churn_logit([[25, 12500, 3, 0.85, 450]])


def test_paytm_churn_logit_rejects_1d_and_text():
    """A 1-D X is a ValueError; text is a TypeError."""
    with pytest.raises(ValueError, match=r"^paytm_churn_logit: X must be 2-D"):
        paytm_churn_logit([32, 3000, 6, 0.7, 100, 36])
    with pytest.raises(TypeError, match=r"^paytm_churn_logit: X must be numeric"):
        paytm_churn_logit("users")


@pytest.mark.parametrize(
    ("n", "error", "message"), [(0, ValueError, "n must be >= 1"), (2.0, TypeError, "n must be an integer")]
)
def test_paytm_churn_rejects_bad_n(n, error, message):
    """n must be a positive integer."""
    with pytest.raises(error, match=rf"^paytm_churn: {message}"):
        paytm_churn(n, rng=0)


@pytest.mark.parametrize(
    ("rng", "error", "message"),
    [
        (None, TypeError, "rng must be a numpy.random.Generator or an int seed; got NoneType"),
        (1.5, TypeError, "rng must be a numpy.random.Generator or an int seed; got float"),
        (True, TypeError, "rng must be a numpy.random.Generator or an int seed; got bool"),
        (np.random.RandomState(0), TypeError, "rng must be a numpy.random.Generator"),
        (-1, ValueError, r"rng as a seed must be >= 0; got -1"),
    ],
)
def test_rng_must_be_a_generator_or_seed(rng, error, message):
    """None (hidden OS entropy), floats, bools, legacy RandomState and negative seeds are refused."""
    with pytest.raises(error, match=rf"^paytm_churn: {message}"):
        paytm_churn(3, rng=rng)


# ---- seeded generators: zomato_delivery_times ------------------------------------------


def test_zomato_times_have_the_model_mean_and_sd():
    """100,000 samples have mean 35 ± 4 s.e. and s.d. 8 ± 1 %."""
    t = zomato_delivery_times(100_000, rng=4)
    assert t.shape == (100_000,)
    assert abs(t.mean() - 35) < 4 * 8 / math.sqrt(t.size)
    assert abs(t.std() - 8) < 0.08


def test_zomato_times_custom_parameters():
    """mu and sigma move and scale the samples: (x - 35)/8 from the defaults equals the custom draw's z."""
    default = zomato_delivery_times(50, rng=5)
    custom = zomato_delivery_times(50, rng=5, mu=20.0, sigma=2.0)
    np.testing.assert_allclose((default - 35) / 8, (custom - 20) / 2, atol=1e-12)


def test_zomato_times_seeded():
    """Same seed, same samples; different seed, different samples."""
    np.testing.assert_array_equal(zomato_delivery_times(30, 9), zomato_delivery_times(30, 9))
    assert not np.array_equal(zomato_delivery_times(30, 9), zomato_delivery_times(30, 10))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"sigma": 0.0}, ValueError, r"sigma must be > 0; got 0.0"),
        ({"sigma": -1.0}, ValueError, r"sigma must be > 0"),
        ({"sigma": math.inf}, ValueError, r"sigma must be finite"),
        ({"mu": math.nan}, ValueError, r"mu is NaN"),
        ({"mu": "35"}, TypeError, r"mu must be a real number"),
    ],
)
def test_zomato_times_reject_bad_parameters(kwargs, error, message):
    """sigma must be finite and positive; mu must be a finite number."""
    with pytest.raises(error, match=rf"^zomato_delivery_times: {message}"):
        zomato_delivery_times(5, rng=0, **kwargs)


# ---- xor and two_moons -----------------------------------------------------------------


def test_xor_is_exclusive_or():
    """The four corners of the unit square, labelled x1 XOR x2."""
    data = xor()
    assert data.X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert data.y.tolist() == [int(a) ^ int(b) for a, b in data.X]
    assert data.feature_names == ("x1", "x2")


def test_xor_is_not_linearly_separable():
    """Least squares with a bias fits XOR no better than the mean: every prediction is 0.5."""
    data = xor()
    A = np.column_stack([np.ones(4), data.X])
    coef, *_ = np.linalg.lstsq(A, data.y, rcond=None)
    np.testing.assert_allclose(A @ coef, [0.5] * 4, atol=1e-12)


def test_two_moons_shapes_and_class_sizes():
    """n points; n // 2 labelled 0 and the rest 1."""
    data = two_moons(101, rng=6)
    assert data.X.shape == (101, 2)
    assert (data.y == 0).sum() == 50 and (data.y == 1).sum() == 51


def test_two_moons_without_noise_lie_on_their_circles():
    """Noise 0: class 0 on the upper unit circle, class 1 on the circle of radius 1 about (1, 0.5), lower half."""
    data = two_moons(200, rng=7, noise=0.0)
    upper, lower = data.X[data.y == 0], data.X[data.y == 1]
    np.testing.assert_allclose(np.hypot(*upper.T), 1.0)
    assert upper[:, 1].min() >= 0
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1, lower[:, 1] - 0.5), 1.0)
    assert lower[:, 1].max() <= 0.5


def test_two_moons_are_shuffled():
    """Rows are shuffled, so the first half is not all one class."""
    y = two_moons(100, rng=8).y
    assert 0 < y[:50].sum() < 50


def test_two_moons_seeded():
    """Same seed, same points; different seed, different points."""
    np.testing.assert_array_equal(two_moons(40, 1).X, two_moons(40, 1).X)
    assert not np.array_equal(two_moons(40, 1).X, two_moons(40, 2).X)


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((1, 0), ValueError, r"n must be >= 2 \(one point per moon\); got 1"),
        ((10, 0, -0.1), ValueError, r"noise must be finite and >= 0; got -0.1"),
        ((10, 0, math.inf), ValueError, r"noise must be finite and >= 0; got inf"),
        ((10, 0, "low"), TypeError, r"noise must be a real number"),
        ((10, "seed"), TypeError, r"rng must be a numpy.random.Generator or an int seed; got str"),
    ],
)
def test_two_moons_rejects_bad_input(args, error, message):
    """n >= 2, finite non-negative noise, and a proper rng."""
    with pytest.raises(error, match=rf"^two_moons: {message}"):
        two_moons(*args)


def test_package_exports_every_public_name():
    """Every name in mathlib.datasets.__all__ exists and is not private."""
    for name in datasets.__all__:
        assert not name.startswith("_")
        assert hasattr(datasets, name)
