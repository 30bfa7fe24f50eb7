# Zomato: the Gaussian model of delivery times, its 1- and 2-sigma bands, five marked times.
import math

import numpy as np

from mathlib.datasets import zomato_delivery
from mathlib.plotting import PALETTE, figure, to_svg
from mathlib.probability import gaussian_pdf

model = zomato_delivery()
mu, sigma = model.mu, model.sigma
marked = model.x_min  # 25, 30, 35, 40 and 50 minutes
marked_density = gaussian_pdf(marked, mu=mu, sigma=sigma)
share = {k: math.erf(k / math.sqrt(2)) for k in (1, 2)}  # P(|T - mu| <= k sigma)

pairs = list(zip(marked, marked_density, strict=True))
points = ", ".join(f"{t:.0f} minutes ({d:.4f})" for t, d in pairs)
fig, ax = figure(
    f"The bell-shaped density of delivery times with mean {mu:.0f} and standard "
    f"deviation {sigma:.0f} minutes, drawn from 0 to 70 minutes. A dark band from "
    f"{mu - sigma:.0f} to {mu + sigma:.0f} minutes holds {share[1]:.1%} of deliveries; a "
    f"lighter band from {mu - 2 * sigma:.0f} to {mu + 2 * sigma:.0f} minutes holds "
    f"{share[2]:.1%}. Points mark the density at {points}.",
    height=3.8,
)
grid = np.linspace(0, 70, 701)
bell = gaussian_pdf(grid, mu=mu, sigma=sigma)
for k, alpha in ((2, 0.15), (1, 0.3)):  # the 1-sigma band is drawn over the 2-sigma one
    lo, hi = mu - k * sigma, mu + k * sigma
    ax.fill_between(
        grid,
        0,
        bell,
        where=(grid >= lo) & (grid <= hi),
        color=PALETTE[0],
        alpha=alpha,
        linewidth=0,
        label=f"μ ± {k}σ: {lo:.0f} to {hi:.0f} min, {share[k]:.1%}",
    )
ax.plot(grid, bell, color=PALETTE[0], linewidth=2)
ax.plot(
    marked,
    marked_density,
    "o",
    color=PALETTE[1],
    markersize=8,
    zorder=3,
    label="the five times",
)
for t, d in pairs:
    ax.annotate(
        f"{d:.4f}",
        (t, d),
        xytext=(0, 9),
        textcoords="offset points",
        ha="center",
        color=PALETTE[1],
    )
ax.set(xlim=(0, 70), ylim=(0, 0.062), xticks=np.arange(0, 71, 10))
ax.set(xlabel="delivery time t (minutes)", ylabel="density p(t), per minute")
ax.legend(loc="upper right", fontsize="small")
to_svg(fig)
