"""Array checks shared by gdlib: points and regression data, each error naming the argument.

``gdlib._validate`` re-exports these beside its scalar checks; import them from there.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "_float_array",
    "check_data",
    "check_design",
    "check_eigenvalues",
    "check_point",
    "check_points",
]

_KIND_NAMES = {
    "b": "booleans",
    "c": "complex numbers",
    "O": "objects",
    "S": "bytes",
    "U": "strings",
}


def _float_array(value: object, name: str) -> np.ndarray:
    """Convert to a float64 array, naming ``name`` when that is impossible.

    Only integers and reals pass: NumPy would also turn the strings ``"2"`` into 2.0 and drop a
    complex number's imaginary part, and neither is a number the caller meant to give.
    """
    try:
        array = np.asarray(value)
    except (TypeError, ValueError) as error:  # a ragged nest of lists
        raise TypeError(f"{name} must be an array of real numbers: {error}") from None
    if array.dtype.kind not in "iuf":
        kind = _KIND_NAMES.get(array.dtype.kind, f"dtype {array.dtype}")
        raise TypeError(f"{name} must be an array of real numbers, got {kind}")
    return array.astype(np.float64, copy=False)


def _check_finite(array: np.ndarray, name: str) -> None:
    # min and max carry a NaN through and reach an infinity, so two reductions find any entry
    # that is not finite without np.isfinite's array of booleans, one per entry (on a full
    # batch that array outweighed the gradient's own work: 2.5 MiB against 2.0 for 262,144 x 10).
    if array.size and not (np.isfinite(array.min()) and np.isfinite(array.max())):
        raise ValueError(f"{name} contains NaN or infinite values")


def check_point(point: object, name: str = "start") -> np.ndarray:
    """Check a single 2-D point and return it as a float64 array of shape (2,).

    >>> check_point([2, 2])
    array([2., 2.])
    """
    array = _float_array(point, name)
    if array.shape != (2,):
        raise ValueError(f"{name} must have shape (2,), got {array.shape}")
    _check_finite(array, name)
    return array.copy()


def check_points(points: object, name: str = "p") -> np.ndarray:
    """Check points of shape (..., 2); NaN is allowed here (grids may hold holes).

    >>> check_points([[0, 1], [2, 3]]).shape
    (2, 2)
    """
    array = _float_array(points, name)
    if array.ndim == 0 or array.shape[-1] != 2:
        raise ValueError(f"{name} must have shape (..., 2), got {array.shape}")
    return array


def check_data(X: object, y: object) -> tuple[np.ndarray, np.ndarray]:
    """Check a design matrix X (n, d) and targets y (n,), both finite, n >= 1.

    >>> X, y = check_data([[1, 2], [3, 4]], [1, 2])
    >>> X.dtype, y.shape
    (dtype('float64'), (2,))
    """
    X = check_design(X)
    y = _float_array(y, "y")
    if y.ndim != 1:
        raise ValueError(f"y must have shape (n_samples,), got {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X and y must have the same length, got {X.shape[0]} and {y.shape[0]}")
    _check_finite(y, "y")
    return X, np.ascontiguousarray(y)


def check_design(X: object) -> np.ndarray:
    """Check a design matrix X (n, d), finite, n >= 1 and d >= 1.

    >>> check_design([[1, 2]]).shape
    (1, 2)
    """
    X = _float_array(X, "X")
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError(f"X must have shape (n_samples, n_features), both >= 1, got {X.shape}")
    _check_finite(X, "X")
    return np.ascontiguousarray(X)


def check_eigenvalues(eigenvalues: object) -> np.ndarray:
    """Check Hessian eigenvalues: a non-empty 1-D array of positive finite numbers.

    >>> check_eigenvalues((2, 20)).tolist()
    [2.0, 20.0]
    """
    values = _float_array(eigenvalues, "eigenvalues")
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"eigenvalues must be a non-empty 1-D sequence, got shape {values.shape}")
    if not (np.isfinite(values).all() and (values > 0).all()):
        raise ValueError(f"eigenvalues must be positive and finite, got {values.tolist()}")
    return values
