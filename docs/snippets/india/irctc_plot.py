import numpy as np
from matplotlib.patches import Patch

from mathlib.activations import sigmoid
from mathlib.datasets import irctc_passengers
from mathlib.linalg import matmul
from mathlib.plotting import PALETTE, figure, to_svg

passengers = irctc_passengers()
age, fare, distance, travel_class = passengers.X.T
scores = matmul(passengers.X, passengers.w)
probability = sigmoid(scores)
order = np.argsort(probability)  # lowest first, so the most likely rebooker is drawn on top

fig, ax = figure(
    "Horizontal bars of the rebooking probability of the five IRCTC passengers, highest at the top: "
    + ", ".join(f"{passengers.rows[i]} {probability[i]:.3f}" for i in order[::-1])
    + ". Bars are coloured by travel class; a dashed line marks probability 0.5.",
    height=3.4,
)
for row, i in enumerate(order):
    klass = int(travel_class[i])
    ax.barh(row, probability[i], color=PALETTE[klass - 1], height=0.6)
    score = f"{scores[i]:+.3f}".replace("-", "−")
    ax.text(1.03, row, f"p = {probability[i]:.3f},  s = {score}", va="center")
ax.set_yticks(
    range(len(order)),
    [f"{passengers.rows[i]} · class {int(travel_class[i])} · {distance[i]:,.0f} km" for i in order],
)
ax.axvline(0.5, color=PALETTE[4], linestyle="--", linewidth=1)
ax.legend(
    handles=[Patch(color=PALETTE[klass - 1], label=f"class {klass}") for klass in (1, 2, 3)],
    loc="lower center",
    bbox_to_anchor=(0.35, 1.0),
    ncol=3,
    frameon=False,
)
ax.set(xlim=(0, 1.5), xlabel="rebooking probability σ(Xw)")
ax.set_xticks(np.linspace(0, 1, 6))
ax.yaxis.grid(False)
ax.spines["bottom"].set_bounds(0, 1)
to_svg(fig)
