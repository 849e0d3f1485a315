"""The schedules page: Adam's first step raises f "only at rates above a threshold" it quotes.

The threshold is bisected at build time (25/11 = 2.2727... on the valley from (-2.5, 1)) and shown
to three figures: above it every rate up to the demo's raises f, just below it none does.
"""

from __future__ import annotations

import numpy as np
from _scripts import load_script

from gdlib.optimizers import get_optimizer
from gdlib.surfaces import get_surface

probes = load_script("_schedule_probes")


def test_the_threshold_quoted_is_where_the_first_step_starts_to_raise_f():
    out = probes.warmup_first_steps()
    threshold = float(out["warm_rise_from_raw"])
    assert abs(threshold - 25 / 11) < 1e-6  # f0 + 11 t^2 - 25 t along the step (Adam's eps aside)
    assert out["warm_rise_from"] == f"{threshold:.3g}"
    surface = get_surface("valley")
    start, opt = np.array(surface.start, dtype=float), get_optimizer("adam", 1.0)
    step, _ = opt.update(surface.grad(start), opt.init(start))
    f0 = surface.f(start)
    for rate in np.linspace(threshold * (1 + 1e-6), probes.WARM_LR, 5):
        assert surface.f(start + rate * step) > f0
    for rate in np.linspace(0.01, threshold * (1 - 1e-6), 5):
        assert surface.f(start + rate * step) <= f0
