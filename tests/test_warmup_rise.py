"""The schedules page: "Adam's first step raises f at any eta_0 above X", for every rate above X.

X is a threshold the run bisects (25/11 = 2.2727... on the valley from (-2.5, 1)); rounded to the
nearest it read 2.27, and at rates from 2.27 to 2.2727 the first step does not raise f.
"""

from __future__ import annotations

import numpy as np
from _scripts import load_script

from gdlib.optimizers import get_optimizer
from gdlib.surfaces import get_surface

probes = load_script("_schedule_probes")


def test_the_rate_quoted_is_at_or_above_the_threshold_it_bounds():
    out = probes.warmup_first_steps()
    shown, threshold = float(out["warm_rise_from"]), float(out["warm_rise_from_raw"])
    assert abs(threshold - 25 / 11) < 1e-6  # f0 + 11 t^2 - 25 t along the step (Adam's eps aside)
    assert threshold <= shown < threshold + 0.01
    surface = get_surface("valley")
    start, opt = np.array(surface.start, dtype=float), get_optimizer("adam", 1.0)
    step, _ = opt.update(surface.grad(start), opt.init(start))
    for rate in np.linspace(shown, probes.WARM_LR, 5):
        assert surface.f(start + rate * step) > surface.f(start)
