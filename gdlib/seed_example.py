"""The NumPy sample this site started from (its NumPy page), verbatim in behaviour and signature.

Its convention differs from ``gdlib.regression``: the gradient is ``X^T (X theta - y) / m``
(half the gradient of the mean squared error), so the same learning rate takes half the step.
It keeps the sample's name ``m`` for the number of examples (``n`` on the site's pages). The
arguments are checked first (the sample did not), then the loop runs as the sample wrote it.
"""

from __future__ import annotations

import numpy as np

from gdlib._validate import check_data, check_int, check_lr

__all__ = ["gradient_descent"]


def gradient_descent(
    X: np.ndarray, y: np.ndarray, learning_rate: float = 0.01, num_iterations: int = 1000
) -> np.ndarray:
    r"""Batch gradient descent for linear regression exactly as the NumPy sample writes it.

    $$
    \begin{aligned}
    \theta_0 &= 0, \\
    \theta_{k+1} &= \theta_k - \eta \, \frac{1}{m} X^\top (X \theta_k - y)
    \end{aligned}
    $$

    Args:
        X: Design matrix, shape (m, d), finite.
        y: Targets, shape (m,), finite.
        learning_rate: $\eta > 0$, finite.
        num_iterations: Steps to take, an integer >= 0.

    Returns:
        The parameters theta after ``num_iterations`` steps, shape (d,). As in the sample's
            loop nothing stops a diverging run: above the stable rate
            $2 / \lambda_{\max}(X^\top X / m)$ theta grows until it overflows to inf or NaN
            (NumPy warns). ``gdlib.regression.fit_linear`` stops and reports such a run instead.

    Raises:
        ValueError: A bad value, named in the message (``"Invalid learning rate: 0.0"``).
        TypeError: An argument of the wrong type, named in the message.

    >>> X = np.array([[1, 2], [2, 3], [3, 4]])
    >>> y = np.array([2, 4, 6])
    >>> gradient_descent(X, y, num_iterations=1).tolist()
    [0.09333333333333334, 0.13333333333333333]

    """
    X, y = check_data(X, y)
    check_lr(learning_rate, "learning_rate")
    check_int(num_iterations, "num_iterations", 0)

    # Initialize parameters
    m = len(y)
    theta = np.zeros(X.shape[1])

    # Gradient descent loop
    for _ in range(num_iterations):
        # Calculate predictions
        predictions = X.dot(theta)

        # Calculate error
        error = predictions - y

        # Calculate gradient
        gradient = X.T.dot(error) / m

        # Update parameters
        theta = theta - learning_rate * gradient

    return theta
