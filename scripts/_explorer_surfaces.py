"""The explore page's table of its surfaces, from gdlib's own definitions, and what 2/L bounds.

One row per surface of `gdlib.surfaces.SURFACES`, in gdlib's order: its title, formula, minima,
suggested start and, where gdlib knows one, the Lipschitz constant L of its gradient with plain
descent's bound 2/L. Nothing here is typed twice: the explorer draws the same surfaces from the
JSON module the build writes from gdlib, and `surface_formulas` gives it their formulas, rendered
by the site's KaTeX hook with the page. `bound_cases` runs the two optimizers with momentum on
either side of 2/L, where the bound, plain descent's, says nothing about them (the page's run of
plain descent at the same rate on the bowl, `big_lr`, is fig_explorer_fallback.py's).
"""

from __future__ import annotations

from gdlib.descent import descend
from gdlib.surfaces import SURFACES


def _point(p) -> str:
    return "({:.3g}, {:.3g})".format(*p)


def _unbroken(cell: str) -> str:
    """`cell` on one line: at 1,280 px the table broke "rosenbro" / "ck" and "(1.5," / "0.01)"."""
    return f'<span class="gd-nowrap">{cell}</span>'


def _minima(minima) -> str:
    if minima is None:
        return "not known"
    if not minima:
        return "none (unbounded below)"
    if len(minima) > 2:
        return f"{len(minima)}, e.g. {_unbroken(_point(minima[0]))}"
    return ", ".join(_unbroken(_point(m)) for m in minima)


def surfaces_table(named: bool = False) -> str:
    """Return a Markdown table of every gdlib surface (title, formula, minima, start, L).

    ``named``: the name gdlib takes (``get_surface``, ``descend``) in place of each title, for
    the reference page; the explorer's page shows the titles of its menu.

    >>> "`bowl`</span> |" in surfaces_table(named=True), "`bowl`" in surfaces_table()
    (True, False)
    """
    rows = [
        # Plain-text headers: a header of math alone reads as empty to assistive technology.
        "| surface | f(x, y) | minima | start | L (2/L) |",
        "|---|---|---|---|---|",
    ]
    for s in SURFACES.values():
        formula = s.formula.removeprefix("f(x, y) = ")
        known = s.lipschitz is not None
        # One column for both: six did not fit the 720 px column (793 px).
        bound = f"{s.lipschitz:g} ({2 / s.lipschitz:g})" if known else "no global L"
        title = _unbroken(f"`{s.name}`") if named else s.title
        cells = (title, f"${formula}$", _minima(s.minima), _unbroken(_point(s.start)), bound)
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def surface_formulas() -> str:
    """Return the explorer's formula line: every surface's formula, each hidden but the chosen.

    The formulas are TeX for the site's KaTeX hook, rendered at build time like the table's, so
    the explorer needs no math code: js/src/ui.js moves the line under its surface menu and shows
    the formula of the surface chosen (none for the reader's own function, whose field shows it).
    """
    math = '<span class="arithmatex">\\({}\\)</span>'
    spans = "".join(
        f'<span data-surface="{name}" hidden>{math.format(s.formula)}</span>'
        for name, s in SURFACES.items()
    )
    return f'<p class="gdx__formula" id="gdx-formula" hidden>{spans}</p>'


def bound_cases(above: float, below: float) -> dict[str, object]:
    """Momentum on the bowl at `above` (over its 2/L) and Nesterov on the valley at `below`."""
    bowl, valley = SURFACES["bowl"], SURFACES["valley"]
    fast = descend(bowl, bowl.start, "momentum", above)
    slow = descend(valley, valley.start, "nesterov", below)
    return {
        "bound_above": above > 2 / bowl.lipschitz and below < 2 / valley.lipschitz,
        "momentum_above_steps": fast.iterations,
        "momentum_above_converged": fast.status == "converged",
        "nesterov_below_steps": slow.iterations,
        "nesterov_below_diverged": slow.status == "diverged",
    }
