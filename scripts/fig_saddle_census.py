"""Critical points of random functions: saddles outnumber minima more and more as dimension grows.

For each dimension d from 1 to NMAX, FUNCTIONS random smooth functions
f(x) = sum_j a_j cos(w_j . x + phi_j) (TERMS terms, w_j standard normal, seeded) are searched for
critical points by Newton's method on the gradient from STARTS uniform starts in the box
[-BOX, BOX]^d (Newton converges to critical points of every kind, not just minima). Converged points
inside the box are deduplicated, and the index of each (the number of negative Hessian
eigenvalues) counted. How complete the search is comes from the same run: the points the first
half of the starts found against all. Left: the fraction of the points found that are minima
(index 0) against the dimension d, open where the search is incomplete; right:
the value f at each critical point against its index, for d = NMAX. Everything is vectorised over
the starts.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, themed_svgs, write_values
from matplotlib import pyplot as plt

NMAX, FUNCTIONS, TERMS, STARTS, BOX, NEWTON = 6, 4, 48, 600, 3.0, 25


def random_function(n: int, seed: int):
    """Return (gradient_and_hessian, value) of one seeded random function in n dimensions."""
    rng = np.random.default_rng(seed)
    w = rng.standard_normal((TERMS, n))
    a = rng.standard_normal(TERMS) * np.sqrt(2.0 / TERMS)
    phase = rng.uniform(0.0, 2.0 * np.pi, TERMS)

    def derivatives(x):
        z = x @ w.T + phase
        grad = -(a * np.sin(z)) @ w
        hess = -np.matmul((a * np.cos(z))[:, None, :] * w.T[None], w)
        return grad, hess

    return derivatives, lambda x: np.cos(x @ w.T + phase) @ a


def critical_points(n: int, seed: int) -> tuple[np.ndarray, ...]:
    """Return (index, value, first start, starts) of every distinct critical point in the box.

    The first start is the lowest-numbered start that converged to the point: how many points the
    first half of the starts found tells how far the search is from complete. `starts` counts the
    starts that converged to it.
    """
    derivatives, value = random_function(n, seed)
    x = np.random.default_rng(seed + 1000).uniform(-BOX, BOX, (STARTS, n))
    for _ in range(NEWTON):
        grad, hess = derivatives(x)
        # A damped step; lstsq-free: singular Hessians only occur on a null set of starts.
        step = np.linalg.solve(hess + 1e-12 * np.eye(n), grad[..., None])[..., 0]
        x = x - np.clip(step, -0.5, 0.5)
    grad, hess = derivatives(x)
    found = (np.linalg.norm(grad, axis=1) < 1e-9) & (np.abs(x).max(axis=1) < BOX)
    _, first, starts = np.unique(
        np.round(x[found], 6), axis=0, return_index=True, return_counts=True
    )
    points, hess = x[found][first], hess[found][first]
    index = (np.linalg.eigvalsh(hess) < 0).sum(axis=1)
    return index, value(points), np.flatnonzero(found)[first], starts


def coin_toss(census: dict) -> dict[str, object]:
    """Compare the share of minima found with 2^-d, the chance if each curvature were a coin toss.

    Per dimension pooled over the functions: `ratio_upto3_*` for d <= 3, `ratio_from4_*` from 4 on.
    """
    ratio = {n: np.mean(census[n][0] == 0) * 2.0**n for n in census}
    out: dict[str, object] = {}
    for name, dims in (("upto3", range(1, 4)), ("from4", range(4, NMAX + 1))):
        out[f"ratio_{name}_lo"] = f"{min(ratio[n] for n in dims):.2f}"
        out[f"ratio_{name}_hi"] = f"{max(ratio[n] for n in dims):.2f}"
    return out


def completeness(census: dict) -> dict[str, object]:
    """How complete the search is, from the run itself, per dimension d.

    `complete_d`: the points all STARTS starts found over those the first half found (1 when the
    second half adds none); `added_d`: how many the second half added. And, at d = 3, how many
    starts converged to each minimum, maximum and saddle on average (`starts_min_3` and so on): a
    kind reached from fewer starts is the likelier to be missed by an incomplete search.
    """
    out: dict[str, object] = {}
    for n, (index, _, first, _) in census.items():
        half = int(np.sum(first < STARTS // 2))
        out[f"complete_{n}"] = f"{len(index) / half:.2f}"  # prose; checks use _raw
        out[f"complete_{n}_raw"] = len(index) / half
        out[f"added_{n}"] = len(index) - half
    index, _, _, starts = census[3]
    for kind, mask in (("min", index == 0), ("max", index == 3), ("saddle", (index % 3) > 0)):
        out[f"starts_{kind}_3"] = f"{starts[mask].mean():.1f}"
        out[f"starts_{kind}_3_raw"] = float(starts[mask].mean())
    return out


def means_climb(index: np.ndarray, values_at: np.ndarray) -> bool:
    """Whether the mean value of the points of each index found rises with the index.

    False with fewer than two indices found: nothing to climb.

    >>> means_climb(np.array([0, 1, 1, 2]), np.array([-1.0, 0.0, 1.0, 2.0]))
    True
    >>> means_climb(np.array([0, 0]), np.array([1.0, 2.0]))
    False
    """
    means = [values_at[index == k].mean() for k in np.unique(index)]
    return len(means) >= 2 and bool(np.all(np.diff(means) > 0))


def main(out_dir: Path) -> list[Path]:
    """Write the census figure and its counts."""
    census = {}
    for n in range(1, NMAX + 1):
        parts = [critical_points(n, 100 * n + s) for s in range(FUNCTIONS)]
        census[n] = [np.concatenate([p[i] for p in parts]) for i in range(4)]
        if n == 1:  # on a line minima and maxima alternate: per function, counts within one
            gap_1 = max(abs(int(np.sum(p[0] == 0)) - int(np.sum(p[0] == 1))) for p in parts)
    dims = np.arange(1, NMAX + 1)
    minima = np.array([np.mean(census[n][0] == 0) for n in dims])
    index, values_at, _, _ = census[NMAX]
    values = {"functions": FUNCTIONS, "starts": STARTS, "terms": TERMS, "nmax": NMAX}
    values |= coin_toss(census) | completeness(census)
    # Open markers where the second half of the starts still found 10% more points or beyond.
    complete = np.array([values[f"complete_{n}_raw"] < 1.1 for n in dims])

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.6, 3.4), layout="constrained")
        left.semilogy(dims, minima, "-", color=COLORS["blue"])
        left.semilogy(
            dims[complete],
            minima[complete],
            "o",
            color=COLORS["blue"],
            label="search (near) complete",
        )
        left.semilogy(
            dims[~complete],
            minima[~complete],
            "o",
            mfc="none",
            color=COLORS["blue"],
            label="search incomplete",
        )
        left.semilogy(dims, 0.5**dims, "--", color=COLORS["grey"], lw=1, label="$2^{-d}$")
        left.set(xlabel="dimension $d$", ylabel="fraction that are minima")
        left.set_title("Minima among the stationary points found")
        left.legend()
        jitter = np.random.default_rng(0).uniform(-0.2, 0.2, len(index))
        right.plot(index + jitter, values_at, ".", ms=3, color=COLORS["orange"], alpha=0.6)
        right.set(xlabel="index (negative Hessian eigenvalues)", ylabel="$f$ at the point")
        right.set_title(f"d = {NMAX}: the more downhill directions, the higher $f$")
        return fig

    for n in dims:
        values[f"count_{n}"] = len(census[n][0])
        values[f"minima_{n}"] = int(np.sum(census[n][0] == 0))
        values[f"minima_frac_{n}"] = f"{minima[n - 1]:.2g}"  # prose; checks use _raw
        values[f"minima_frac_{n}_raw"] = float(minima[n - 1])
        values[f"maxima_{n}"] = int(np.sum(census[n][0] == n))
    values["minmax_gap_1"] = gap_1
    values["half_starts"] = STARTS // 2
    values["f_minima"] = f"{values_at[index == 0].mean():.2f}"
    values["f_saddles"] = f"{values_at[(index > 0) & (index < NMAX)].mean():.2f}"
    values["f_maxima"] = f"{values_at[index == NMAX].mean():.2f}"
    values["corr"] = f"{np.corrcoef(index, values_at)[0, 1]:.2f}"
    values["index_means_climb"] = means_climb(index, values_at)
    says = {
        "index_means_climb": f"at d = {NMAX}, the mean f of the points found of each index rises "
        "with the index, over at least two indices"
    }
    written = themed_svgs(draw, out_dir, "saddle-census", narrow=True)
    return [*written, write_values(out_dir, "census", values, says=says)]
