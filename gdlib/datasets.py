"""Small seeded datasets: the NumPy page's 3 x 2 sample and synthetic linear regressions.

Nothing is downloaded; every random draw comes from ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import numpy as np

from gdlib._validate import check_bool, check_int, check_nonnegative

__all__ = ["make_regression", "seed_page_data"]


def seed_page_data() -> tuple[np.ndarray, np.ndarray]:
    """Return the NumPy page's sample data, ``X = [[1, 2], [2, 3], [3, 4]]`` and ``y = [2, 4, 6]``.

    Returns:
        ``(X, y)`` as float64 arrays of shapes (3, 2) and (3,).

    >>> X, y = seed_page_data()
    >>> X.tolist(), y.tolist()
    ([[1.0, 2.0], [2.0, 3.0], [3.0, 4.0]], [2.0, 4.0, 6.0])

    """
    X = np.array([[1.0, 2.0], [2.0, 3.0], [3.0, 4.0]])
    y = np.array([2.0, 4.0, 6.0])
    return X, y


def make_regression(
    n_samples: int,
    n_features: int,
    *,
    noise: float = 0.1,
    seed: int = 0,
    intercept: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Draw a linear regression problem $y = X \theta^* + \sigma \xi$.

    Features (apart from the intercept column) and $\theta^*$ are standard normal, $\xi$ is
    standard normal noise scaled by ``noise``. With ``intercept`` the first column of X is all
    ones, so ``theta_true[0]`` is the intercept; X keeps ``n_features`` columns in total.

    Args:
        n_samples: Rows of X (>= 1).
        n_features: Columns of X (>= 1), the intercept column included.
        noise: Standard deviation $\sigma \ge 0$ of the noise.
        seed: Seed of the generator.
        intercept: Make the first column of X all ones (``True`` or ``False`` only).

    Returns:
        ``(X, y, theta_true)``, float64, of shapes (n, d), (n,) and (d,).

    Raises:
        ValueError: A count or ``noise`` out of range, named in the message.
        TypeError: An argument of the wrong type, such as ``intercept="no"``.

    >>> X, y, theta = make_regression(5, 3, seed=1)
    >>> X.shape, y.shape, theta.shape, X[:, 0].tolist()
    ((5, 3), (5,), (3,), [1.0, 1.0, 1.0, 1.0, 1.0])

    """
    n_samples = check_int(n_samples, "n_samples", 1)
    n_features = check_int(n_features, "n_features", 1)
    noise = check_nonnegative(noise, "noise")
    seed = check_int(seed, "seed", 0)
    intercept = check_bool(intercept, "intercept")
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_samples, n_features))
    if intercept:
        X[:, 0] = 1.0
    theta_true = rng.standard_normal(n_features)
    y = X @ theta_true + noise * rng.standard_normal(n_samples)
    return X, y, theta_true
