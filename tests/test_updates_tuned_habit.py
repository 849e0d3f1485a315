"""The updates page's heavy ball at the habitual momentum counts steps to a gradient norm of 1e-6.

`habitual` had counted any converged run, so a run stopped by gdlib's step test (a step norm of
1e-10, as at the turn of an oscillation) would have been quoted as reaching "the table's
gradient norm of 10^-6" in fewer steps.
"""

from __future__ import annotations

from types import SimpleNamespace

from _scripts import load_script

tuned = load_script("fig_updates_tuned")


def test_a_run_stopped_by_the_step_test_is_not_counted(monkeypatch):
    calls = []

    def descend(surface, start, optimizer, lr, max_iter, hyper):
        calls.append(lr)
        if len(calls) == 1:  # the first rate tried: stopped early by the step test
            return SimpleNamespace(status="converged", criterion="step_tol", iterations=7)
        return SimpleNamespace(status="converged", criterion="grad_tol", iterations=500)

    monkeypatch.setattr(tuned, "descend", descend)
    assert tuned.habitual(10.0) == (500, calls[1])
    assert len(calls) == tuned.HABIT_RATES


def test_the_habitual_counts_reach_the_gradient_norm():
    surface = tuned.valley(10.0)
    steps, _ = tuned.habitual(10.0)
    assert steps < 50_000
    rates = 2 * (1 + tuned.HABIT) / (2 * 10.0) * tuned.np.geomspace(1e-3, 0.99, tuned.HABIT_RATES)
    runs = [
        tuned.descend(surface, surface.start, "momentum", lr, 50_000, hyper={"momentum": 0.9})
        for lr in rates
    ]
    # Each run capped at the fewest steps so far finds the same minimum as the uncapped runs.
    assert steps == min(r.iterations for r in runs if r.criterion == "grad_tol")


def test_the_norm_first_dips_then_settles_below_the_tolerance():
    """The page: 'a first dip, sooner than sqrt(mu) per step from the start would bring it'."""
    steps, lr = tuned.habitual(10.0)
    below, by_root = tuned.settles(10.0, lr, steps)
    surface = tuned.valley(10.0)
    run = tuned.descend(
        surface, surface.start, "momentum", lr, 3 * steps, 0.0, 0.0, hyper={"momentum": 0.9}
    )
    norms = tuned.np.linalg.norm(run.gradients, axis=1)
    assert norms[steps] <= 1e-6 < norms[steps + 1 :].max()  # dips below, rises above again
    assert norms[below - 1] > 1e-6 and (norms[below:] <= 1e-6).all()
    assert steps < below and steps < by_root
