"""Whether the updates page's runs converged, as true/false values with the words its ✓s read.

A step count quoted on a page ("finishes in 32 steps") says the run converged, but the count
alone would pass for a run that diverged or ran into its step cap. Apart from
fig_updates_loss.py, which is near the module size limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from gdlib.descent import Trajectory

NAMES = {
    "gd": "plain descent",
    "momentum": "heavy-ball momentum",
    "nesterov": "Nesterov",
    "adam": "Adam",
}
PLACES = {"valley": "the valley", "rosenbrock": "Rosenbrock"}


def all_converged(runs: Iterable[Trajectory]) -> bool:
    """Whether every run stopped with status "converged"; False when there is no run.

    >>> all_converged([])
    False
    """
    converged = [run.status == "converged" for run in runs]
    return bool(converged) and all(converged)


def race_converged(
    runs: Mapping[str, Mapping[str, Trajectory]], max_iter: int
) -> tuple[dict[str, bool], dict[str, str]]:
    """`{surface}_{opt}_converged` for every race run, and the proposition each one tests."""
    values, says = {}, {}
    for surface, results in runs.items():
        for opt, run in results.items():
            key = f"{surface}_{opt}_converged"
            values[key] = run.status == "converged"
            says[key] = (
                f"{NAMES.get(opt, opt)}, at the race's setting, converged on"
                f" {PLACES.get(surface, surface)} within {max_iter} steps"
            )
    return values, says
