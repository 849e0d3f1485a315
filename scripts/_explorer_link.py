"""Links into the 3D explorer: a run's settings written as the URL hash js/src/url-state.js reads.

The explorer page's "things to try" links open runs whose numbers the page quotes; the figure
script that computes those numbers writes each link from the same `ExplorerRun`, so a link cannot
open another run than the one described. tests/test_explorer_links.py has Node's `parseHash` read
every link back to the same settings.

>>> explorer_hash(ExplorerRun("bowl", 1.5, (2, 2), ("gd",), speed=1))
'#s=bowl&lr=1.5&x=2&y=2&opt=gd&v=1&n=1000'
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from gdlib.optimizers import OPTIMIZERS

__all__ = ["ExplorerRun", "explorer_hash"]


@dataclass(frozen=True)
class ExplorerRun:
    """Settings of an explorer run: surface, rate, start, optimizers, playback speed, max steps.

    `expr` and `bounds` are the text and domain of "Your function" (surface "custom") only.
    """

    surface: str
    lr: float
    start: tuple[float, float]
    optimizers: tuple[str, ...]
    speed: int = 5
    max_iter: int = 1000
    expr: str | None = None
    bounds: tuple[tuple[float, float], tuple[float, float]] | None = None


def _number(value: float) -> str:
    """Write a number as the shortest text that reads back to it; whole ones without ".0"."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def explorer_hash(run: ExplorerRun) -> str:
    """Return the URL hash (with its #) that opens `run` in the explorer, as toHash writes it."""
    parts = [f"s={run.surface}"]
    if run.surface == "custom":
        if run.expr is None or run.bounds is None:
            raise ValueError("run: a custom surface needs its expr and bounds")
        parts.append("f=" + quote(run.expr, safe="-_.!~*'()"))  # encodeURIComponent's safe set
        parts.append("d=" + ",".join(_number(v) for pair in run.bounds for v in pair))
    parts += [f"lr={_number(run.lr)}", f"x={_number(run.start[0])}", f"y={_number(run.start[1])}"]
    unknown = [o for o in run.optimizers if o not in OPTIMIZERS]
    if unknown:
        raise ValueError(f"run: unknown optimizer {unknown[0]!r}; known: {', '.join(OPTIMIZERS)}")
    chosen = [o for o in OPTIMIZERS if o in run.optimizers]  # the explorer lists them in this order
    parts += [f"opt={','.join(chosen)}", f"v={run.speed}", f"n={run.max_iter}"]
    return "#" + "&".join(parts)
