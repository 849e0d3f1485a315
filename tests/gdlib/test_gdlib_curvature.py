"""gdlib.curvature: the Hessian by central differences, its matrix and its eigenvalues, and the
regression loss's curvatures from its data."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_gdlib_descent import quadratic

from gdlib import get_surface, surface_from_expression
from gdlib.curvature import hessian, hessian_eigenvalues, mse_curvatures
from gdlib.datasets import make_regression
from gdlib.regression import fit_linear, mse_grad

ROSENBROCK_AT_MINIMUM = [[802.0, -400.0], [-400.0, 200.0]]  # d2f at (1, 1), by hand


@settings(max_examples=40, deadline=None)
@given(
    eigenvalues=st.tuples(st.floats(0.05, 50.0), st.floats(0.05, 50.0)),
    angle=st.floats(0.0, np.pi),
    point=st.tuples(st.floats(-5, 5), st.floats(-5, 5)),
)
def test_the_hessian_of_any_quadratic_is_found_anywhere(eigenvalues, angle, point):
    surface = quadratic(eigenvalues, angle)  # f = p^T A p: the Hessian is 2 A
    c, s = np.cos(angle), np.sin(angle)
    rotation = np.array([[c, -s], [s, c]])
    expected = 2 * rotation @ np.diag(eigenvalues) @ rotation.T
    found = hessian(surface.grad, point)
    assert found == pytest.approx(expected, rel=1e-6, abs=1e-6)
    found = hessian_eigenvalues(surface.grad, point)
    assert found == pytest.approx(sorted(2 * e for e in eigenvalues), rel=1e-6, abs=1e-6)


def test_the_hessian_of_rosenbrock_at_its_minimum():
    exact = np.linalg.eigvalsh(ROSENBROCK_AT_MINIMUM)
    found = hessian_eigenvalues(get_surface("rosenbrock").grad, (1.0, 1.0))
    assert found == pytest.approx(exact, rel=1e-6, abs=1e-5)  # error h^2 f'''' / 6


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ((get_surface("valley").grad, (0, float("nan"))), "point"),
        ((get_surface("valley").grad, (0, 0), 0.0), "h"),
        ((get_surface("valley").grad, (0, 0), float("inf")), "h"),
        ((get_surface("valley").grad, (0, 0), -1.0), "h"),
        ((lambda p: np.full(2, np.inf), (0.0, 0.0)), "not finite"),
        ((get_surface("valley").grad, (1e13, 0.0)), "h must .* move point"),
        ((lambda p: np.zeros(3), (0.0, 0.0)), "grad must return shape"),
        ((lambda p: np.reshape(p, (2, 1)), (0.0, 0.0)), "grad must return shape"),
    ],
)
@pytest.mark.parametrize("curvature", [hessian, hessian_eigenvalues])
def test_bad_input_is_refused_by_name(curvature, args, named):
    with pytest.raises(ValueError, match=named):
        curvature(*args)


@pytest.mark.parametrize(
    ("args", "named"),
    [(("not a function", (0, 0)), "grad must be callable"), ((abs, (0, 0), "1e-4"), "h must be")],
)
@pytest.mark.parametrize("curvature", [hessian, hessian_eigenvalues])
def test_a_wrong_type_is_a_type_error_naming_the_argument(curvature, args, named):
    with pytest.raises(TypeError, match=named):
        curvature(*args)


def test_the_matrix_off_the_diagonal_of_rosenbrock():
    found = hessian(get_surface("rosenbrock").grad, (1.0, 1.0))
    assert found == pytest.approx(np.array(ROSENBROCK_AT_MINIMUM), rel=1e-6, abs=1e-5)


def test_a_unit_step_is_exact_on_a_quadratic_from_an_expression():
    """The glossary quotes these entries: a unit step on a linear gradient leaves no error."""
    saddle = surface_from_expression("x^2 - 3*y^2")
    assert hessian(saddle.grad, (0.3, -0.7), h=1.0).tolist() == [[2.0, 0.0], [0.0, -6.0]]


@pytest.mark.parametrize("shape", [(40, 2), (7, 5), (1, 3)])
def test_the_regression_loss_curvatures_are_its_measured_hessians(shape):
    X = np.random.default_rng(sum(shape)).normal(size=shape) * [10.0**k for k in range(shape[1])]
    y = np.random.default_rng(1).normal(size=shape[0])
    d = shape[1]
    # The gradient is linear in theta: unit central differences of it are its Hessian, exactly
    # up to rounding, taken at a point of no importance.
    theta = np.linspace(-1.0, 2.0, d)
    measured = np.column_stack(
        [(mse_grad(X, y, theta + e) - mse_grad(X, y, theta - e)) / 2 for e in np.eye(d)]
    )
    expected = np.linalg.eigvalsh((measured + measured.T) / 2)
    found = mse_curvatures(X)
    assert found == pytest.approx(expected, rel=1e-9, abs=1e-9 * found[-1])
    assert list(found) == sorted(found)
    if shape[0] < d:  # fewer examples than features: some directions have no curvature
        assert found[0] == pytest.approx(0.0, abs=1e-9 * found[-1])


def test_the_loss_shrinks_just_below_two_over_the_largest_and_grows_just_above():
    X, y, _ = make_regression(40, 3, seed=6)
    limit = 2.0 / mse_curvatures(X)[-1]
    below, above = (fit_linear(X, y, lr=s * limit, epochs=400).losses for s in (0.98, 1.02))
    assert below[-1] < below[0] / 10 and above[-1] > above[0] * 1e6


@pytest.mark.parametrize(
    ("X", "error", "named"),
    [
        ([1.0, 2.0], ValueError, "X must have shape"),
        ([[1.0, float("nan")]], ValueError, "X contains NaN"),
        (np.zeros((0, 2)), ValueError, "X must have shape"),
        ([[1e200, 1.0]], ValueError, "X is too large"),
        ([["a"]], TypeError, "X must be an array of real numbers"),
    ],
)
def test_bad_data_for_the_curvatures_is_refused_by_name(X, error, named):
    with pytest.raises(error, match=named):
        mse_curvatures(X)


@pytest.mark.parametrize(
    ("grad", "kind"),
    [
        (lambda p: p * (2 + 1j), "complex numbers"),  # was kept, imaginary part dropped, warned
        (lambda p: p > 0, "booleans"),  # was numpy's "boolean subtract ... not supported"
        (lambda p: np.array(["1", "2"]), "strings"),  # was numpy's UFuncTypeError
        (lambda p: None, "objects"),
    ],
)
def test_hessian_names_grad_when_it_returns_no_real_numbers(grad, kind, recwarn):
    with pytest.raises(TypeError) as raised:
        hessian(grad, (1.0, 1.0))
    assert str(raised.value) == f"grad's result must be an array of real numbers, got {kind}"
    assert not recwarn.list


def test_hessian_takes_integer_gradients():
    assert hessian(lambda p: (2 * np.round(p)).astype(int), (0.0, 0.0), h=1.0).tolist() == [
        [2.0, 0.0],
        [0.0, 2.0],
    ]
