import numpy as np

from mathlib.activations import sigmoid
from mathlib.datasets import jio_users
from mathlib.linalg import matmul
from mathlib.plotting import PALETTE, figure, to_svg

users = jio_users()
z = matmul(users.X, users.W)  # one churn score per user
p = sigmoid(z)
labels = [f"user {k}" for k in range(1, len(z) + 1)]

marked = [f"{name} at z = {zk:.3f}, churn probability {pk:.3f}" for name, zk, pk in zip(labels, z, p, strict=True)]
fig, ax = figure(
    "The sigmoid curve from z = -6 to 7 with the three Jio users marked on it: "
    + ", ".join(marked)
    + ". A dashed line marks probability 0.5.",
    height=3.8,
)
grid = np.linspace(-6, 7, 401)
ax.plot(grid, sigmoid(grid), color=PALETTE[0], linewidth=2)
ax.text(-5.8, 0.3, "σ(z) = 1 / (1 + e⁻ᶻ)", color=PALETTE[0])
ax.axhline(0.5, color=PALETTE[4], linestyle="--", linewidth=1)
offsets = [(-150, 6), (-150, 12), (-60, 12)]  # label positions in points, in the empty space above the curve
for k, (name, zk, pk, offset) in enumerate(zip(labels, z, p, offsets, strict=True), start=1):
    color = PALETTE[k]
    ax.plot([zk, zk], [0, pk], ":", color=color, linewidth=1.2)
    ax.plot(zk, pk, "o", color=color, markersize=9, zorder=3)
    ax.annotate(
        f"{name}\nz = {zk:.3f}, σ = {pk:.3f}",
        (zk, pk),
        xytext=offset,
        textcoords="offset points",
        color=color,
        fontweight="bold",
    )
ax.set(xlim=(-6, 7), ylim=(0, 1.18), yticks=np.linspace(0, 1, 6))
ax.set(xlabel="churn score z = XW", ylabel="churn probability σ(z)")
to_svg(fig)
