"""Words for the `criteria` namespace's true/false values: what the convergence page's ✓s checked.

Apart from fig_convergence_criteria.py, which is at the module size limit. Each number in the
words is the constant the value's run uses: the script's, passed in, or _criteria_blind's.
"""

from __future__ import annotations

from _criteria_blind import AT_SADDLE, KEPT, SADDLE_START, SHIFT, SLACK, TIGHT, VALUE_ROW
from _prose import plain_number


def says(lr: float, tolerances: tuple[dict, ...], stalls: dict) -> dict[str, str]:
    """Return each true/false value's proposition, from the script's LR, TOLERANCES and STALLS."""
    band = f"the run on x² − y² from ({SADDLE_START[0]:g}, {plain_number(SADDLE_START[1])})"
    first = "the table's first run"
    words = {
        "zero_tols_by_grad": "grad_tol stopped the bowl's run with all three tolerances 0",
        "table_each_test": "each of grad_tol, step_tol and value_tol stopped a run of the table",
        "table_last_capped": "the table's last run, every tolerance 0, stopped at the cap",
        "early_value_by_value": f"at η = {plain_number(lr)}, value_tol = "
        f"{plain_number(tolerances[3]['value_tol'])} stopped the run",
        "early_value_apart": "the printed gradient norm and the printed gradient tolerance the "
        "value test acts as are different numbers",
        "bounce_by_value": f"at η = 2/L, value_tol = {plain_number(VALUE_ROW['value_tol'])} "
        "stopped the run",
        "bounce_y_kept": f"at η = 2/L, y changed sign at every step and |y| stayed within "
        f"{plain_number(KEPT)} of its starting value",
        "shift_both_by_value": "value_tol stopped both runs, on the bowl and on the bowl plus "
        f"{plain_number(SHIFT)}",
        "band_by_grad": f"grad_tol stopped {band}",
        "band_at_saddle": f"{band} ended within {plain_number(AT_SADDLE)} of the saddle point",
        "sure_distance_holds": f"{first} ended at most |∇f| / m from the minimiser "
        f"(to a relative {plain_number(SLACK)})",
        "sure_distance_tight": f"{first} ended at least {TIGHT:g} × |∇f| / m from the minimiser",
        "sure_value_holds": f"{first} ended at most |∇f|² / (2m) above the minimum "
        f"(to a relative {plain_number(SLACK)})",
    }
    for test, (rate, tol) in stalls.items():
        words[f"stall_{test}_fired"] = (
            f"at η = {plain_number(rate)}, {test}_tol = {plain_number(tol[f'{test}_tol'])} "
            "stopped the run"
        )
    return words
