"""The shared regression problem's settings as values, for the code samples that type them.

The batch and comparison pages write the problem out in their code (`seed=3`, `noise=1.0`,
`X[:, 1] += 1.0`, `theta0=np.array([-3.0, 1.5])`); the checks beside those samples compare the
literals with these values, so a change to scripts/_variants.py fails the build until the samples
follow. Saved in the comparison's namespace by scripts/fig_variants_sweep.py.
"""

from __future__ import annotations

from _variants import NOISE, SEED, SHIFT, THETA0


def settings() -> dict:
    """Return the data's seed, the labels' noise, the feature's shift and the start point.

    >>> sorted(settings())
    ['data_seed', 'noise', 'shift', 'start_x', 'start_y']
    """
    return {
        "data_seed": SEED,
        "noise": NOISE,
        "shift": SHIFT,
        "start_x": float(THETA0[0]),
        "start_y": float(THETA0[1]),
    }
