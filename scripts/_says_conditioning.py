"""Words for the true/false facts of scripts/fig_conditioning.py: what a page's ✓ says was checked.

Each is the proposition its value tests (the Armijo run of `backtracking`, on the valley).
"""

SAYS = {
    "bt_status_converged": "the Armijo backtracking run on the valley converged",
    "bt_monotone": (
        "the Armijo run on the valley took at least one step, and every step lowered f"
    ),
}
