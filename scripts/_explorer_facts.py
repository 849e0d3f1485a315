"""The explorer page's true/false facts: the thresholds they test, and the words ✓s read.

fig_explorer_fallback.py and _explorer_try.py compute the facts with the thresholds below, and
`says` words each fact as the proposition it tests, the numbers taken from these thresholds and
from the page's values (its runs' settings), never typed twice.
"""

from __future__ import annotations

from _prose import plain_number

AT_MINIMUM = 1e-3  # a Rosenbrock run that converged ends this close to the minimum
SQRT_MU_GAP = 0.002  # momentum's measured rate on the valley lies this close to sqrt(mu)
SHRINK = 0.01  # AdaGrad's last step on Rosenbrock is under this fraction of its first
NEAR_LR = (0.5, 1.5)  # RMSProp's last step: between these multiples of the rate, per coordinate
BOUNCES = 100  # RMSProp run on: the last steps that must each cross the floor y = x^2
STEP_FIT = 0.01  # ... each of them sqrt(2) * lr long within this fraction
ALONG_Y = 100  # the saddle run ends with |y| over this many times |x|
FACTORS = (1.05, 0.95)  # your function's runs: just over and just under 1/lambda and 2/lambda


def says(v: dict[str, object]) -> dict[str, str]:
    """Word each true/false value of the explorer page's values `v` as the proposition it tests."""
    big, valley, rosen, text = v["big_lr"], v["valley_lr"], v["rosen_lr"], v["custom_text"]
    over, under = FACTORS
    low, high = NEAR_LR
    return {
        "bound_above": f"rate {big} is above the bowl's 2/L and {valley} below the valley's 2/L",
        "momentum_above_converged": f"momentum converged on the bowl at rate {big}",
        "big_lr_diverged": f"plain descent diverged on the bowl at rate {big}",
        "nesterov_below_diverged": f"Nesterov diverged on the valley at rate {valley}",
        "default_converged": f"GD on the bowl from {v['default_start']} at rate {v['default_lr']}"
        " converged",
        "big_lr_overshoots": f"at rate {big} every step changed the sign of both x and y and"
        " landed farther from (0, 0)",
        "near_limit_slow": f"GD at rate {v['near_limit_lr']} diverged; at {v['nearer_limit_lr']}"
        f" it hit the {v['max_iter']}-step limit, each step landing farther from (0, 0)",
        "valley_converged": f"GD and momentum both converged on the valley at rate {valley}",
        "valley_momentum_as_sqrt_mu": "(1 + μ − ηλ)² < 4μ for both λ; momentum's measured rate"
        f" is within {SQRT_MU_GAP:g} of √μ and above GD's",
        "rosen_reached_at_minimum": "every Rosenbrock run that converged ended within"
        f" {plain_number(AT_MINIMUM)} of the minimum {v['rosen_minimum']}",
        "rosen_gd_status_max_iter": f"GD's Rosenbrock run stopped at the {v['rosen_iter']}-step"
        " limit",
        "rosen_stopped_max_iter": "every Rosenbrock run that did not converge stopped at the"
        f" {v['rosen_iter']}-step limit",
        "rosen_adaptive_stopped": "the Rosenbrock runs besides GD that did not converge are exactly"
        " AdaGrad, RMSProp and Adam",
        "rosen_adagrad_shrinks": f"AdaGrad's last step was under {SHRINK:g} times its first",
        "rosen_adam_within_lr": f"no step of Adam moved more than η = {rosen} along a coordinate"
        " (to rounding)",
        "rosen_rmsprop_closest": "of the Rosenbrock runs that did not converge, RMSProp's ended"
        f" nearest {v['rosen_minimum']}",
        "rosen_rmsprop_near_lr": f"RMSProp's last step moved between {low:g}η and {high:g}η"
        " along each coordinate",
        "rosen_rmsprop_bounces": f"run on, RMSProp hit the {v['rosen_long']}-step limit; its"
        f" last {BOUNCES} steps each crossed y = x² and were √2·η ± {STEP_FIT:.0%} long",
        "himmelblau_all_converged": f"all {v['grid_starts']} GD runs on Himmelblau's function from"
        " the grid of starts converged",
        "camel_all_converged": f"all {v['grid_starts']} GD runs on the six-hump camel from the grid"
        " of starts converged",
        "custom_over_diverged": f"GD on {text} at {over:g} × 2/λ diverged",
        "custom_under_converged": f"GD on {text} at {under:g} × 2/λ converged",
        "custom_just_over_zigzags": f"at {over:g}/λ y changed sign at every step",
        "custom_under_zigzags": f"at {under:g} × 2/λ y changed sign at every step",
        "custom_calm_straight": f"at {under:g}/λ y never changed sign",
        "saddle_diverged": f"GD on the saddle from {v['saddle_start']} at rate {v['saddle_lr']}"
        " diverged",
        "saddle_turns": "the saddle run was nearest (0, 0) neither at its start nor its end, and"
        f" ended with |y| > {ALONG_Y} × |x|",
    }
