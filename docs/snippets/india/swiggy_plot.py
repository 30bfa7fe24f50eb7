# Swiggy, Bangalore: the true mix of food categories against two models' guesses.
import numpy as np

from mathlib.datasets import swiggy_categories
from mathlib.plotting import plot_bars

data = swiggy_categories()
b_top = int(np.argmax(data.q_b))
alt = (
    "Grouped bar chart of food-category shares in Bangalore for "
    + ", ".join(data.categories)
    + f". True shares {np.round(data.p, 2).tolist()}; model A {np.round(data.q_a, 2).tolist()}, "
    "within a few points of the truth in every category; "
    f"model B {np.round(data.q_b, 2).tolist()}, which puts {data.q_b[b_top]:.0%} on "
    f"{data.categories[b_top]} where the true share is {data.p[b_top]:.0%}."
)
plot_bars(
    data.categories,
    {"true share p": data.p, "model A": data.q_a, "model B": data.q_b},
    alt=alt,
)
