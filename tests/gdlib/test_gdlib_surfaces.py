"""Surfaces: analytic gradients against finite differences, grids, minima, bounds and constants."""

import numpy as np
import pytest

from gdlib.descent import descend
from gdlib.surfaces import SURFACES, Surface, get_surface

NAMES = sorted(SURFACES)


def random_points(surface, count=200, seed=0):
    rng = np.random.default_rng(seed)
    (xmin, xmax), (ymin, ymax) = surface.bounds
    return np.column_stack([rng.uniform(xmin, xmax, count), rng.uniform(ymin, ymax, count)])


def test_the_required_surfaces_exist():
    assert {"bowl", "valley", "rosenbrock", "himmelblau", "saddle", "camel"} <= set(SURFACES)
    assert all(key == surface.name for key, surface in SURFACES.items())


def test_bowl_from_two_two_is_eight_with_gradient_four_four():
    bowl = get_surface("bowl")
    assert bowl.start == (2.0, 2.0)
    assert bowl.f(np.array([2.0, 2.0])) == 8.0
    assert bowl.grad(np.array([2.0, 2.0])).tolist() == [4.0, 4.0]


@pytest.mark.parametrize("name", NAMES)
def test_gradient_agrees_with_central_differences(name):
    surface = SURFACES[name]
    points = random_points(surface)
    h = 1e-6
    numeric = np.empty_like(points)
    for axis in range(2):
        shift = np.zeros(2)
        shift[axis] = h
        numeric[:, axis] = (surface.f(points + shift) - surface.f(points - shift)) / (2 * h)
    analytic = surface.grad(points)
    scale = 1.0 + np.abs(analytic)
    assert np.max(np.abs(analytic - numeric) / scale) < 1e-6


@pytest.mark.parametrize("name", NAMES)
def test_values_and_gradients_take_grids_of_any_shape(name):
    surface = SURFACES[name]
    (xmin, xmax), (ymin, ymax) = surface.bounds
    xs, ys = np.meshgrid(np.linspace(xmin, xmax, 7), np.linspace(ymin, ymax, 5))
    grid = np.stack([xs, ys], axis=-1)
    values, grads = surface.f(grid), surface.grad(grid)
    assert values.shape == (5, 7) and grads.shape == (5, 7, 2)
    for i, j in [(0, 0), (2, 3), (4, 6)]:
        assert values[i, j] == surface.f(grid[i, j])
        np.testing.assert_array_equal(grads[i, j], surface.grad(grid[i, j]))
    assert surface.f([1.0, 0.5]).shape == ()
    assert surface.grad([1.0, 0.5]).shape == (2,)


@pytest.mark.parametrize("name", NAMES)
def test_known_minima_are_stationary_local_minima_inside_the_bounds(name):
    surface = SURFACES[name]
    (xmin, xmax), (ymin, ymax) = surface.bounds
    angles = np.linspace(0, 2 * np.pi, 16, endpoint=False)
    ring = 1e-3 * np.column_stack([np.cos(angles), np.sin(angles)])
    for point in surface.minima:
        assert xmin < point[0] < xmax and ymin < point[1] < ymax
        assert np.linalg.norm(surface.grad(point)) < 1e-9
        assert np.all(surface.f(np.asarray(point) + ring) > surface.f(point))
    if surface.minima:
        values = surface.f(np.array(surface.minima))
        assert values[0] <= values.min() + 1e-12  # the global one comes first


def test_minima_counts():
    assert len(SURFACES["himmelblau"].minima) == 4
    assert len(SURFACES["camel"].minima) == 6
    assert SURFACES["saddle"].minima == ()
    assert SURFACES["rosenbrock"].minima == ((1.0, 1.0),)
    # the camel's two global minima share the lowest value, -1.0316...
    camel = SURFACES["camel"]
    values = camel.f(np.array(camel.minima))
    assert np.sum(np.isclose(values, values.min(), atol=1e-12)) == 2
    assert values.min() == pytest.approx(-1.0316284534898774, abs=1e-12)


@pytest.mark.parametrize("name", NAMES)
def test_starts_lie_inside_the_bounds(name):
    surface = SURFACES[name]
    (xmin, xmax), (ymin, ymax) = surface.bounds
    assert xmin < surface.start[0] < xmax and ymin < surface.start[1] < ymax
    assert xmin < xmax and ymin < ymax


@pytest.mark.parametrize("name", [n for n in NAMES if SURFACES[n].lipschitz is not None])
def test_lipschitz_constant_is_tight(name):
    surface = SURFACES[name]
    a, b = random_points(surface, seed=1), random_points(surface, seed=2)
    ratio = np.linalg.norm(surface.grad(a) - surface.grad(b), axis=1) / np.linalg.norm(
        a - b, axis=1
    )
    assert ratio.max() <= surface.lipschitz * (1 + 1e-12)
    # attained along the steepest axis
    steep = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    g = surface.grad(steep)
    attained = max(np.linalg.norm(g[1] - g[0]), np.linalg.norm(g[2] - g[0]))
    assert attained == pytest.approx(surface.lipschitz)


def test_surfaces_are_frozen_and_carry_latex():
    bowl = SURFACES["bowl"]
    with pytest.raises(AttributeError):
        bowl.name = "other"
    assert isinstance(bowl, Surface)
    assert all(s.formula.startswith("f(x, y) =") for s in SURFACES.values())


def custom(**fields):
    """A bowl built by hand, with ``fields`` replaced (session 45's review: none was checked)."""
    base = dict(
        name="mine",
        title="t",
        formula="f",
        func=lambda x, y: x * x + y * y,
        gradient=lambda x, y: (2 * x, 2 * y),
        bounds=((-1, 1), (-1, 1)),
        minima=((0.0, 0.0),),
        start=(1.0, 1.0),
        lipschitz=2.0,
    )
    return Surface(**(base | fields))


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        # before: ZeroDivisionError in the divergence hint, and "above 2/L = -2" for -1
        ({"lipschitz": 0.0}, ValueError, "lipschitz must be None or finite and > 0, got 0.0"),
        ({"lipschitz": -1.0}, ValueError, "lipschitz must be None or finite and > 0, got -1.0"),
        ({"lipschitz": float("inf")}, ValueError, "lipschitz must be None or finite and > 0"),
        ({"lipschitz": "2"}, TypeError, "lipschitz must be a real number, got str"),
        ({"func": "x^2"}, TypeError, "func must be callable (x, y) -> value, got str"),
        ({"gradient": None}, TypeError, "gradient must be callable (x, y) -> (dx, dy), got"),
    ],
)
def test_a_surface_checks_its_fields_when_built(fields, error, message):
    with pytest.raises(error) as raised:
        custom(**fields)
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        # before: "too many values to unpack (expected 2)"
        ({"gradient": lambda x, y: (x, y, x)}, ValueError, "gradient must return a pair"),
        ({"gradient": lambda x, y: 2 * x}, ValueError, "gradient must return a pair"),
        # before: "3" read as 3.0 and the run "converged"; a complex gradient lost its
        # imaginary part with a ComplexWarning
        ({"func": lambda x, y: "3"}, TypeError, "func's result must be an array of real numbers"),
        ({"func": lambda x, y: x + 0j}, TypeError, "func's result must be an array of real"),
        ({"func": lambda x, y: x > 0}, TypeError, "func's result must be an array of real"),
        ({"gradient": lambda x, y: (2 * x + 0j, 2 * y)}, TypeError, "gradient's result must"),
        (
            {"func": lambda x, y: np.ones(2)},
            ValueError,
            "func must return shape (3,) here, got (2,)",
        ),
        ({"gradient": lambda x, y: (x, np.ones(2))}, ValueError, "gradient must return shape (3,)"),
    ],
)
def test_f_and_grad_check_what_func_and_gradient_return(fields, error, message):
    surface = custom(**fields)
    points = np.zeros((3, 2))  # three points: a pair of arrays is never mistaken for them
    with pytest.raises(error) as raised:
        surface.f(points) if "func" in fields else surface.grad(points)
    assert str(raised.value).startswith(message)


def test_a_constant_func_or_gradient_part_is_broadcast_to_the_points():
    flat = custom(func=lambda x, y: 1.0, gradient=lambda x, y: (0.0, 0 * y))
    values = flat.f(np.zeros((3, 4, 2)))
    assert values.shape == (3, 4) and values.tolist() == np.ones((3, 4)).tolist()
    values[0, 0] = 5.0  # writable, as before
    assert flat.grad(np.zeros((3, 2))).tolist() == np.zeros((3, 2)).tolist()
    nan = custom(func=lambda x, y: x * np.nan).f(np.zeros(2))  # not finite: passes, descend reports
    assert np.isnan(nan)


def test_descend_and_the_line_search_name_a_surface_they_cannot_use():
    from gdlib import descend, descend_backtracking

    for run in (descend, descend_backtracking):
        with pytest.raises(TypeError, match=r"^surface must be a Surface or a surface name, got"):
            run(object(), (1, 1))
        with pytest.raises(ValueError, match="Unknown surface name 'moon'"):
            run("moon", (1, 1))
    assert descend(custom(), (1, 1), lr=0.1).status == "converged"


@pytest.mark.parametrize("constant", [2, 2.0, np.int64(2), np.float32(2.0), np.array(2.0)])
def test_any_real_lipschitz_constant_gives_the_2_over_l_hint(constant):
    # The hint had trusted only int and float: np.int64(2) or a 0-d array lost it, and a 0-d
    # array left the frozen surface unhashable. Surface now keeps L as a float.
    surface = custom(lipschitz=constant)
    assert type(surface.lipschitz) is float and hash(surface)
    run = descend(surface, (1.0, 1.0), lr=1.5)
    assert run.status == "diverged"
    assert run.message.endswith("; learning rate 1.5 is above 2/L = 1 for this surface")


def test_a_numpy_scalar_for_several_points_is_refused_not_spread():
    # A func that reduces its points to one number (np.sum) had been spread over every point,
    # and a gradient of one array over two points read as the pair (df/dx, df/dy).
    summed = custom(func=lambda x, y: np.sum(x * x + y * y))
    with pytest.raises(ValueError, match=r"^func must return shape \(3,\) here, got \(\)"):
        summed.f(np.ones((3, 2)))
    one_array = custom(gradient=lambda x, y: 2 * x)
    with pytest.raises(ValueError, match=r"^gradient must return shape \(2,\) here, got \(\)"):
        one_array.grad([[1.0, 0.0], [5.0, 2.0]])
    assert float(summed.f([1.0, 2.0])) == 5.0  # one point: its one value


def test_surface_still_imports_from_gdlib_surfaces_and_gdlib():
    import gdlib
    import gdlib.surfaces

    assert gdlib.Surface is gdlib.surfaces.Surface is Surface
    assert "Surface" in gdlib.surfaces.__all__
