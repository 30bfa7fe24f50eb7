"""Numerical profiles: the environment a page's code runs under.

A stated output must be a fact about the mathematics, not about one CPU. OpenBLAS picks a
kernel for the processor it finds; ``OPENBLAS_CORETYPE`` picks another, with another
summation order and so other round-off in the last digits. ``make test`` runs every page
under the ``default`` profile and again under ``second``; a stated output that differs
between them fails, naming the page, the line and the profile.

Every profile runs BLAS on one thread: the pages' matrices are small, one thread is the
same on every machine, and worker processes are forked from a parent that must not have
started threads.
"""

from __future__ import annotations

import os

__all__ = ["NUMERIC_VARIABLES", "PROFILES", "describe", "environment"]

# Variables that change what numerical code computes or prints; they are part of the cache key.
NUMERIC_VARIABLES = (
    "OPENBLAS_CORETYPE",
    "OPENBLAS_L2_SIZE",
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "MKL_CBWR",
    "NPY_DISABLE_CPU_FEATURES",
)
_ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
PROFILES = ("default", "second")


def environment(profile: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a worker running under ``profile``.

    ``second`` selects OpenBLAS's Prescott kernel (SSE3, no FMA), which sums in another order
    than the kernels of current x86 CPUs; where the machine itself already forces Prescott,
    it selects Nehalem instead, so the two profiles always differ.
    """
    if profile not in PROFILES:
        raise ValueError(f"handbook: unknown numerical profile {profile!r}; the profiles are {', '.join(PROFILES)}")
    env = dict(os.environ if base is None else base)
    env.update(_ONE_THREAD)
    if profile == "second":
        env["OPENBLAS_CORETYPE"] = "Nehalem" if env.get("OPENBLAS_CORETYPE", "").lower() == "prescott" else "Prescott"
    return env


def describe(profile: str, env: dict[str, str]) -> str:
    """The profile as it is named in messages, e.g. ``second (OPENBLAS_CORETYPE=Prescott)``."""
    if profile == "default":
        return "default"
    return f"{profile} (OPENBLAS_CORETYPE={env['OPENBLAS_CORETYPE']})"


def numeric_settings(env: dict[str, str]) -> dict[str, str]:
    """The part of ``env`` that can change a computation's digits."""
    return {name: env[name] for name in NUMERIC_VARIABLES if name in env}
