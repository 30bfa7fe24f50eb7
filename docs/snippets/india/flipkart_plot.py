# Flipkart returns: how much of the binary cross-entropy each customer carries.
import numpy as np

from mathlib.datasets import flipkart_returns
from mathlib.losses import binary_cross_entropy
from mathlib.plotting import PALETTE, figure, to_svg

data = flipkart_returns()
# One sample at a time, the mean loss is that sample's own term -[y log p + (1 - y) log(1 - p)].
per_customer = np.array([binary_cross_entropy(y, p) for y, p in zip(data.y, data.y_hat, strict=True)])
mean_loss = binary_cross_entropy(data.y, data.y_hat)
worst = int(np.argmax(per_customer))

names = [
    f"customer {i}\ny = {y:.0f}, ŷ = {p:.1f}" for i, (y, p) in enumerate(zip(data.y, data.y_hat, strict=True), start=1)
]
colours = [PALETTE[1] if i == worst else PALETTE[0] for i in range(len(names))]
alt = (
    "Bar chart of each Flipkart customer's contribution to the binary cross-entropy: "
    + ", ".join(f"customer {i} {c:.4f}" for i, c in enumerate(per_customer, start=1))
    + f". A dashed line marks their mean, {mean_loss:.4f}; customer {worst + 1} is the tallest bar, "
    f"{per_customer[worst] / per_customer.sum():.0%} of the total."
)

fig, ax = figure(alt, height=3.8)
bars = ax.bar(names, per_customer, width=0.55, color=colours)
ax.bar_label(bars, labels=[f"{c:.4f}" for c in per_customer], padding=3)
ax.axhline(mean_loss, color=PALETTE[2], linestyle="--", linewidth=1.5, label=f"mean BCE = {mean_loss:.4f}")
ax.set_ylabel("loss contribution (nats)")
ax.set_ylim(0, per_customer.max() * 1.25)
ax.legend(loc="upper left")
to_svg(fig)
