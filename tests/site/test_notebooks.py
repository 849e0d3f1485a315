"""The NumPy and PyTorch notebooks, as executed by the build: their printed results match gdlib.

The values are read from the built pages (what readers see) and recomputed here with gdlib.
"""

from __future__ import annotations

import ast
import html
import re

import numpy as np
import pytest

from gdlib.datasets import seed_page_data
from gdlib.regression import fit_linear
from gdlib.seed_example import gradient_descent

OUTPUT = re.compile(r'data-mime-type="text/plain"[^>]*>\s*<pre>(.*?)</pre>', re.S)


def printed(built_site, name: str) -> str:
    page = (built_site.root / "code" / name / "index.html").read_text(encoding="utf-8")
    blocks = [html.unescape(re.sub(r"<[^>]+>", "", b)) for b in OUTPUT.findall(page)]
    assert blocks, f"the {name} notebook page shows no output"
    return "\n".join(blocks)


def vector(text: str, label: str) -> np.ndarray:
    match = re.search(rf"^{re.escape(label)}\s*=\s*(\[[^\]]*\])", text, re.M)
    assert match, f"no line {label!r} in:\n{text}"
    return np.array(ast.literal_eval(match.group(1)), dtype=float)


@pytest.fixture(scope="module")
def numpy_output(built_site) -> str:
    return printed(built_site, "numpy")


@pytest.fixture(scope="module")
def torch_output(built_site) -> str:
    return printed(built_site, "pytorch")


def test_numpy_sample_prints_gdlibs_theta(numpy_output):
    expected = gradient_descent(*seed_page_data())
    np.testing.assert_array_equal(vector(numpy_output, "theta"), expected)
    np.testing.assert_array_equal(vector(numpy_output, "gdlib theta"), expected)


def test_numpy_notebook_shows_the_run_has_not_converged(numpy_output):
    X, y = seed_page_data()
    theta = gradient_descent(X, y)
    best = np.linalg.lstsq(X, y)[0]
    assert f"distance to theta* = {np.linalg.norm(theta - best):.3g}" in numpy_output
    assert vector(numpy_output, "least squares theta*").tolist() == [2.0, 0.0]


def test_numpy_notebook_fixes_match_gdlib(numpy_output):
    X, y = seed_page_data()
    for rate, steps in [(0.01, 20000), (0.1, 5000)]:
        theta = gradient_descent(X, y, learning_rate=rate, num_iterations=steps)
        line = f"rate {rate:<5} steps {steps:>6}: theta = {theta.round(4).tolist()}"
        assert line in numpy_output


def test_torch_runs_the_sample_with_float32_tensors_of_the_right_shape(torch_output):
    assert "X: (3, 2) torch.float32  y: (3, 1) torch.float32" in torch_output
    loss = float(re.search(r"^loss = (\S+)", torch_output, re.M).group(1))
    assert loss < 0.01


def test_torch_sample_agrees_with_gdlib_from_the_same_start(torch_output):
    start = re.search(r"initial weight = (\[[^\]]*\])\s+bias = (\S+)", torch_output)
    w0, b0 = ast.literal_eval(start.group(1)), float(start.group(2))
    X, y = seed_page_data()
    run = fit_linear(np.column_stack([np.ones(3), X]), y, lr=0.01, epochs=1000, theta0=[b0, *w0])
    torch_theta = vector(torch_output, "torch  (bias, w1, w2)")
    np.testing.assert_allclose(vector(torch_output, "gdlib  (bias, w1, w2)"), run.thetas[-1])
    np.testing.assert_allclose(torch_theta, run.thetas[-1], atol=1e-5)  # float32 rounding


def test_torch_without_bias_at_half_the_rate_is_the_numpy_sample(torch_output):
    expected = gradient_descent(*seed_page_data())
    np.testing.assert_array_equal(vector(torch_output, "numpy theta"), expected)
    np.testing.assert_allclose(vector(torch_output, "torch theta"), expected, rtol=0, atol=1e-12)


def test_torch_notebook_shows_why_the_original_snippet_fails(torch_output):
    assert "TypeError: linear(): argument 'input'" in torch_output  # NumPy array, not a tensor
    assert "mat1 and mat2 must have the same dtype" in torch_output  # integer tensor
    assert "Using a target size (torch.Size([3]))" in torch_output  # (3,) targets broadcast


def test_torch_notebook_shows_gradients_accumulate_without_zero_grad(torch_output):
    for k, grad in ((1, 4.0), (2, 8.0), (3, 12.0)):
        assert f"without zero_grad, after backward #{k}: w.grad = {grad}" in torch_output
    for k in (1, 2, 3):
        assert f"with zero_grad,    after backward #{k}: w.grad = 4.0" in torch_output


def test_torch_optim_sgd_step_is_the_plain_update(torch_output):
    gaps = re.findall(r"step\(\) and w - lr \* grad differ by (\S+)", torch_output)
    assert len(gaps) == 3 and all(float(g) < 1e-6 for g in gaps)


@pytest.mark.parametrize("name", ["numpy", "pytorch"])
def test_notebook_pages_show_nothing_printed_to_stderr(built_site, name):
    """A warning in a lesson's output (a fresh machine's Matplotlib font cache, a deprecation)
    is noise the reader cannot act on, and it makes two builds differ."""
    page = (built_site.root / "code" / name / "index.html").read_text(encoding="utf-8")
    shown = re.findall(
        r'<div[^>]*data-mime-type="application/vnd.jupyter.stderr"[^>]*>(.*?)</div>', page, re.S
    )
    assert shown == [], f"the {name} page shows stderr output: {shown}"
