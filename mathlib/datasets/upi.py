r"""UPI's monthly totals as NPCI published them: the number of transactions and their value.

The figures are those of NPCI's *UPI Product Statistics* (npci.org.in), at the precision
the press reported them from NPCI's data at the time; each row names its report. A count is
given to the crore and a value to the hundredth of a lakh crore (four significant figures),
so anything computed from them carries that precision, no more.

=========  ============  =================  ==========================================
month      transactions  value              reported
=========  ============  =================  ==========================================
2024-03    1,344 crore   ₹19.78 lakh crore  IANS, 1 May 2024
2024-04    1,330 crore   ₹19.64 lakh crore  IANS, 1 May 2024
2024-05    1,404 crore   ₹20.45 lakh crore  Moneycontrol, 1 June 2024
2024-06    1,389 crore   ₹20.07 lakh crore  IANS, 1 August 2024
2024-07    1,444 crore   ₹20.64 lakh crore  IANS, 1 August 2024
2024-08    1,496 crore   ₹20.61 lakh crore  Business Standard, 1 October 2024
2024-09    1,504 crore   ₹20.64 lakh crore  Business Standard, 1 October 2024
=========  ============  =================  ==========================================

The *Mathematical Toolkit* chapter quotes "14.04 billion transactions worth ₹20.64 lakh
crore" for March 2024. No month has both figures: the count is May's, and the value is
July's (and, to the same four figures, September's), as the examples below check.

Examples
--------
>>> from mathlib.datasets.upi import upi_months_2024
>>> [m.month for m in upi_months_2024() if m.transactions == 14_040_000_000]
['2024-05']
>>> [m.month for m in upi_months_2024() if m.value_inr == 20_64_000_00_00_000]
['2024-07', '2024-09']
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

__all__ = ["UpiMonth", "upi_march_2024", "upi_months_2024"]

_CRORE = 10**7
_LAKH_CRORE = 10**12


@dataclass(frozen=True)
class UpiMonth:
    """One month of UPI: the number of transactions, their total value in rupees, and the report."""

    month: str
    transactions: int
    value_inr: int
    reported: str

    @property
    def average_inr(self) -> float:
        """The average transaction in rupees, total value over count."""
        return self.value_inr / self.transactions

    @property
    def days(self) -> int:
        """The number of calendar days in the month (``'2024-03'`` has 31)."""
        year, month = (int(part) for part in self.month.split("-"))
        return calendar.monthrange(year, month)[1]


def _month(month: str, crore: int, lakh_crore_hundredths: int, reported: str) -> UpiMonth:
    # Integer arithmetic only: 19.78 lakh crore is 1978 hundredths of 10^12, exactly.
    return UpiMonth(month, crore * _CRORE, lakh_crore_hundredths * _LAKH_CRORE // 100, reported)


def upi_months_2024() -> tuple[UpiMonth, ...]:
    r"""UPI's totals for March to September 2024, month by month, as reported from NPCI's data.

    Source: NPCI, *UPI Product Statistics*, as reported by IANS on 1 May 2024 (March and
    April), by Moneycontrol on 1 June 2024 (May), by IANS on 1 August 2024 (June and
    July) and by Business Standard on 1 October 2024 (August and September). The module
    table lists the figures.

    Returns
    -------
    tuple of UpiMonth
        Seven months in calendar order, ``'2024-03'`` to ``'2024-09'``; each has
        ``transactions`` and ``value_inr`` as integers and ``reported`` naming its report.

    Notes
    -----
    The average transaction of a month is its value over its count, e.g. for May:

    $$ \frac{20.45 \times 10^{12}}{14.04 \times 10^{9}} \approx 1456.55 \text{ rupees} $$

    Examples
    --------
    >>> from mathlib.datasets.inr import format_indian, format_inr
    >>> for m in upi_months_2024():
    ...     print(m.month, format_indian(m.transactions, words=True), format_inr(m.value_inr, words=True))
    2024-03 1,344 crore ₹19.78 lakh crore
    2024-04 1,330 crore ₹19.64 lakh crore
    2024-05 1,404 crore ₹20.45 lakh crore
    2024-06 1,389 crore ₹20.07 lakh crore
    2024-07 1,444 crore ₹20.64 lakh crore
    2024-08 1,496 crore ₹20.61 lakh crore
    2024-09 1,504 crore ₹20.64 lakh crore
    """
    return (
        _month("2024-03", 1344, 1978, "NPCI UPI Product Statistics, reported by IANS, 1 May 2024"),
        _month("2024-04", 1330, 1964, "NPCI UPI Product Statistics, reported by IANS, 1 May 2024"),
        _month("2024-05", 1404, 2045, "NPCI UPI Product Statistics, reported by Moneycontrol, 1 June 2024"),
        _month("2024-06", 1389, 2007, "NPCI UPI Product Statistics, reported by IANS, 1 August 2024"),
        _month("2024-07", 1444, 2064, "NPCI UPI Product Statistics, reported by IANS, 1 August 2024"),
        _month("2024-08", 1496, 2061, "NPCI UPI Product Statistics, reported by Business Standard, 1 October 2024"),
        _month("2024-09", 1504, 2064, "NPCI UPI Product Statistics, reported by Business Standard, 1 October 2024"),
    )


def upi_march_2024() -> UpiMonth:
    r"""India's UPI in March 2024: 1,344 crore (13.44 billion) transactions worth ₹19.78 lakh crore.

    Source: NPCI, *UPI Product Statistics*, as reported by IANS on 1 May 2024 ("UPI
    transaction count witnesses slight drop to 1,330 cr in April"). The *Mathematical
    Toolkit* chapter's "14.04 billion transactions worth ₹20.64 lakh crore" is not March's:
    see the module's introduction.

    Returns
    -------
    UpiMonth
        ``month`` ``'2024-03'``; ``transactions`` = 13,440,000,000 (1,344 crore);
        ``value_inr`` = 19,780,000,000,000 (₹19.78 lakh crore); properties
        ``average_inr`` and ``days`` (31).

    Notes
    -----
    $$ \frac{19.78 \times 10^{12}}{13.44 \times 10^{9}} \approx 1471.73 \text{ rupees per transaction} $$

    Examples
    --------
    >>> from mathlib.datasets.inr import format_indian, format_inr
    >>> t = upi_march_2024()
    >>> format_indian(t.transactions, words=True), format_inr(t.value_inr, words=True)
    ('1,344 crore', '₹19.78 lakh crore')
    >>> round(t.average_inr, 2), t.days
    (1471.73, 31)
    """
    return upi_months_2024()[0]
