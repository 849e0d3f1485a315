"""The valleys the parameter-update figures build (scripts/_quadratic.py) are what the page says.

Turned by 0 and kappa 10 the valley is gdlib's own; turned, its gradient is the derivative of its
value and its Hessian keeps the eigenvalues 2 and 2 kappa; the tunings match their formulas. The
conditioning page's quadratic(kappa) is the 0.5 (x^2 + kappa y^2) its prose and formulas assume:
Hessian diag(1, kappa), so L = kappa and the best fixed rate 2/(1 + kappa), half gdlib's valley.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from _quadratic import heavy_ball, nesterov, quadratic, slope, valley

from gdlib.surfaces import get_surface

POINTS = np.random.default_rng(0).uniform(-2, 2, (20, 2))
CONDITIONING = Path(__file__).resolve().parents[2] / "docs" / "concepts" / "conditioning.md"


def test_unturned_kappa_10_valley_is_gdlibs_valley():
    ours, gdlibs = valley(10.0), get_surface("valley")
    assert np.allclose(ours.f(POINTS), gdlibs.f(POINTS))
    assert np.allclose(ours.grad(POINTS), gdlibs.grad(POINTS))
    assert ours.start == pytest.approx(gdlibs.start)


@pytest.mark.parametrize("angle", [0.0, np.pi / 4, 1.0])
def test_turned_valley_gradient_and_curvatures(angle):
    surface, h = valley(30.0, angle), 1e-6
    numeric = np.stack(
        [(surface.f(POINTS + h * e) - surface.f(POINTS - h * e)) / (2 * h) for e in np.eye(2)],
        axis=-1,
    )
    assert np.allclose(surface.grad(POINTS), numeric, rtol=1e-6, atol=1e-6)
    hessian = np.stack([surface.grad(e) - surface.grad(np.zeros(2)) for e in np.eye(2)])
    assert np.linalg.eigvalsh(hessian) == pytest.approx([2.0, 60.0])
    assert float(surface.f(np.array(surface.start))) == pytest.approx(2.5**2 + 30.0)


def test_slope_has_the_same_gradient_everywhere():
    assert np.array_equal(slope(3.0).grad(POINTS), np.tile([3.0, 0.0], (20, 1)))


def test_tunings():
    lr, mom = heavy_ball(20.0, 2.0)
    assert lr == pytest.approx(4 / (np.sqrt(20) + np.sqrt(2)) ** 2)
    assert np.sqrt(mom) == pytest.approx((np.sqrt(10) - 1) / (np.sqrt(10) + 1))
    assert nesterov(20.0, 2.0) == pytest.approx((0.05, (np.sqrt(10) - 1) / (np.sqrt(10) + 1)))


@pytest.mark.parametrize("kappa", [1, 10, 100])
def test_the_conditioning_quadratic_is_half_x2_plus_kappa_y2(kappa):
    surface = quadratic(kappa)
    x, y = POINTS.T
    assert np.allclose(surface.f(POINTS), 0.5 * (x**2 + kappa * y**2))
    hessian = np.stack([surface.grad(e) - surface.grad(np.zeros(2)) for e in np.eye(2)])
    assert np.linalg.eigvalsh(hessian) == pytest.approx([min(1.0, kappa), max(1.0, kappa)])
    assert surface.lipschitz == pytest.approx(np.linalg.eigvalsh(hessian).max())
    if kappa == 10:  # the page's "half the valley x^2 + 10y^2" of the other pages
        assert np.allclose(2 * surface.f(POINTS), get_surface("valley").f(POINTS))


def test_the_conditioning_page_writes_the_quadratic_its_runs_use():
    text = CONDITIONING.read_text(encoding="utf-8")
    assert r"\tfrac12(x^2 + \kappa y^2)" in text
    assert quadratic(10).formula in text  # the surface's own label, as the page writes it
