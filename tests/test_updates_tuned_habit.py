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
    assert tuned.habitual(10.0) == 500
    assert len(calls) == tuned.HABIT_RATES


def test_the_habitual_counts_reach_the_gradient_norm():
    surface = tuned.valley(10.0)
    steps = tuned.habitual(10.0)
    assert steps < 50_000
    rates = 2 * (1 + tuned.HABIT) / (2 * 10.0) * tuned.np.geomspace(1e-3, 0.99, tuned.HABIT_RATES)
    runs = [
        tuned.descend(surface, surface.start, "momentum", lr, 50_000, hyper={"momentum": 0.9})
        for lr in rates
    ]
    # Each run capped at the fewest steps so far finds the same minimum as the uncapped runs.
    assert steps == min(r.iterations for r in runs if r.criterion == "grad_tol")
