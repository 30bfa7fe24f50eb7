import numpy as np

from mathlib.datasets import format_indian, upi_march_2024
from mathlib.plotting import PALETTE, figure, to_svg

upi = upi_march_2024()
seconds_in_march = upi.days * 24 * 60 * 60  # March 2024 has 31 days
per_second = upi.transactions / seconds_in_march
spans = {"one second": 1, "one minute": 60, "one hour": 3600, "one day": 86400, "March 2024": seconds_in_march}
payments = {f"payments in {span}": per_second * length for span, length in spans.items()}
assert np.isclose(payments["payments in March 2024"], upi.transactions)  # the month adds back up to the total

population = 140 * 10**7  # ASSUMPTION: a round 140 crore people in India in 2024, not part of NPCI's record
bars = dict(sorted({**payments, "people in India (assumed)": population}.items(), key=lambda item: item[1]))


def in_words(n):
    """Indian words from one lakh up, whole-number digits below it."""
    return format_indian(n, words=True) if n >= 1e5 else format_indian(n, decimals=0)


fig, ax = figure(
    "Horizontal bars on a logarithmic scale, smallest at the top: "
    + "; ".join(f"{name}: {in_words(n)}" for name, n in bars.items())
    + ". The population bar is an assumption, drawn in a different colour.",
    height=3.8,
)
for row, (name, n) in enumerate(bars.items()):
    assumed = name.startswith("people")
    ax.barh(row, n, color=PALETTE[1] if assumed else PALETTE[0], height=0.62, hatch="//" if assumed else None)
    ax.text(n * 1.4, row, in_words(n), va="center", fontweight="bold")
ax.set_xscale("log")
ticks = [10**3, 10**5, 10**7, 10**9, 10**11]  # a thousand, a lakh, a crore, 100 crore, 10,000 crore
ax.set_xticks(ticks, [in_words(t) if t >= 1e5 else format_indian(t) for t in ticks])
ax.minorticks_off()
ax.set(xlim=(10, 10**12), xlabel="count (log scale: each grid line is 100 times the one before)")
ax.set_yticks(range(len(bars)), list(bars))
ax.invert_yaxis()
ax.yaxis.grid(False)
to_svg(fig)
