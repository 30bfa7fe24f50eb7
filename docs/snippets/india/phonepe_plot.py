# PhonePe: the likelihood and the log-likelihood of 47 frauds in 1,000 transactions.
import math

import numpy as np

from mathlib.datasets import phonepe_fraud
from mathlib.plotting import PALETTE, figure, to_svg
from mathlib.probability import bernoulli_log_likelihood, bernoulli_mle

sample = phonepe_fraud()
y = sample.labels()  # 47 ones (frauds), 953 zeros
p_mle = bernoulli_mle(y)
grid = np.linspace(0.01, 0.10, 361)
loglik = np.array([bernoulli_log_likelihood(y, p) for p in grid])
loglik_max = bernoulli_log_likelihood(y, p_mle)
relative = np.exp(loglik - loglik_max)  # L(p) / L(p_hat), computed from the logs
exponent = math.floor(loglik_max / math.log(10))  # L(p_hat) = mantissa x 10^exponent
mantissa = math.exp(loglik_max - exponent * math.log(10))

assert relative[0] < 1e-3 and relative[-1] < 1e-3  # what the alt text says of the ends
fig, top = figure(
    f"Two panels sharing the fraud-probability axis from {grid[0]:.2f} to "
    f"{grid[-1]:.2f}. Top: the likelihood of {sample.n_fraud} frauds in {sample.n:,} "
    f"transactions divided by its maximum, a narrow hump, below a thousandth at both ends, "
    f"that rises to 1 at p = {p_mle}; its maximum "
    f"itself is only {mantissa:.2f} times 10 to the power {exponent}. Bottom: the "
    f"log-likelihood, a smooth concave curve from {loglik[0]:.1f} up to "
    f"{loglik_max:.2f} at p = {p_mle} and down to {loglik[-1]:.1f}. A dashed line "
    "marks the maximum-likelihood estimate in both panels.",
    height=4.8,
)
panels = fig.add_gridspec(2, 1)
top.set_subplotspec(panels[0])
bottom = fig.add_subplot(panels[1], sharex=top)
# The second axes is made after figure(): give it the first one's look
# (black is drawn in the page's text colour).
bottom.grid(True, color="black", alpha=0.15, linewidth=0.8)
bottom.spines[["top", "right"]].set_visible(False)
bottom.set_facecolor("none")

top.plot(grid, relative, color=PALETTE[0], linewidth=2)
top.plot([p_mle], [1.0], "o", color=PALETTE[1], markersize=8, zorder=3)
top.annotate(
    f"L(p̂) = {mantissa:.2f} $\\times\\, 10^{{{exponent}}}$",
    (p_mle, 1.0),
    xytext=(14, -6),
    textcoords="offset points",
    color=PALETTE[1],
)
top.set(ylabel="likelihood ÷ its maximum", ylim=(0, 1.15))
top.tick_params(labelbottom=False)

equation = f"ℓ(p) = {sample.n_fraud} ln p + {sample.n - sample.n_fraud} ln(1 − p)"
bottom.plot(grid, loglik, color=PALETTE[0], linewidth=2, label=equation)
bottom.plot([p_mle], [loglik_max], "o", color=PALETTE[1], markersize=8, zorder=3)
bottom.annotate(
    f"ℓ(p̂) = {loglik_max:.2f}",
    (p_mle, loglik_max),
    xytext=(14, -14),
    textcoords="offset points",
    color=PALETTE[1],
)
bottom.set(xlabel="fraud probability p", ylabel="log-likelihood ℓ(p)")
bottom.legend(loc="lower right")
for ax in (top, bottom):
    ax.axvline(p_mle, color=PALETTE[1], linestyle="--", linewidth=1)
fig.align_ylabels((top, bottom))
top.text(p_mle, 1.06, f"p̂ = {p_mle}  ", color=PALETTE[1], ha="right")
to_svg(fig)
