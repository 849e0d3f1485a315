"""Helpers for the live figures' browser tests: open a page, bring its figure in, read it."""

from __future__ import annotations

import base64
import io

from PIL import Image

# (page, widget name): every live figure of the site; LABELS: the label of each one's slider.
LIVE = [
    ("concepts/algorithm/", "tangent"),
    ("concepts/learning-rate/", "rate"),
    ("variants/batch/", "variants"),
    ("variants/stochastic/", "variants"),
    ("variants/mini-batch/", "variants"),
    ("concepts/gradients/", "gradient"),
    ("concepts/convergence/", "criteria"),
    ("concepts/updates/", "race"),
    ("variants/comparison/", "variants"),
    ("concepts/conditioning/", "rate"),
    ("concepts/saddle-points/", "escape"),
    ("concepts/schedules/", "schedules"),
]
LABELS = {
    "tangent": "Learning rate η",
    "rate": "Learning rate η",
    "variants": "Batch size b",
    "gradient": "Step size h",
    "criteria": "Gradient tolerance grad_tol",
    "race": "Learning rate η",
    "escape": "Start height y₀",
    "schedules": "Peak rate η₀",
}
IDLE = (
    "() => window.__gdWidgets && window.__gdWidgets.pending === 0 && window.__gdWidgets.draws > 0"
)


def wait_idle(page) -> None:
    """Wait until a figure has drawn and no frame is pending.

    Polled from a timer, between frames: polled from an animation frame (Playwright's default),
    the check can run after a figure's paint and before the same frame's layout asks for another.
    """
    page.wait_for_function(IDLE, polling=20)


def wrapper(page, name: str):
    return page.locator(f'[data-gd-widget="{name}"]')


def bring_in(page, name: str) -> None:
    """Scroll the figure into view and wait until it is live and drawn."""
    # Centred, not "if needed": a tall figure already partly in view is not scrolled at all, and
    # one clean-clone run timed out waiting for the conditioning figure at 1280 px that way.
    wrapper(page, name).evaluate("(e) => e.scrollIntoView({block: 'center'})")
    page.wait_for_selector(f'[data-gd-widget="{name}"].gd-live--live')
    wait_idle(page)


def open_live(page, site_url: str, path: str, name: str):
    page.emulate_media(reduced_motion="reduce")
    page.goto(site_url + path)
    bring_in(page, name)
    return page


def canvas_image(page, name: str) -> Image.Image:
    """The figure's canvas as drawn: its own bitmap, not a screenshot of the page.

    A screenshot resamples a canvas that sits at a fractional offset or has a fractional height
    (the comparison figure's box is 296.31 px tall at 126.81 px): its thin dashed line kept 40 %
    of its pixels' exact colour, and a test of that colour failed when text above it changed.
    """
    wait_idle(page)
    url = wrapper(page, name).locator("canvas").evaluate("(c) => c.toDataURL('image/png')")
    return Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGB")


def changed_share(a: Image.Image, b: Image.Image, tolerance: int = 12) -> float:
    pairs = zip(a.get_flattened_data(), b.get_flattened_data(), strict=True)
    changed = sum(
        1 for p, q in pairs if max(abs(x - y) for x, y in zip(p, q, strict=True)) > tolerance
    )
    return changed / (a.width * a.height)


def colour_share(image: Image.Image, hex_colour: str, tolerance: int = 24) -> float:
    """Return the share of pixels within `tolerance` (per channel) of `hex_colour`."""
    want = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    near = sum(
        1
        for p in image.get_flattened_data()
        if max(abs(x - y) for x, y in zip(p, want, strict=True)) <= tolerance
    )
    return near / (image.width * image.height)


def status(page, name: str) -> str:
    return wrapper(page, name).locator(".gd-live__status").inner_text()


def summary(page, name: str) -> str:
    return wrapper(page, name).locator(".gd-live__summary").inner_text()


def widget_chunks(page) -> list[str]:
    """The widget chunks the page has requested so far (tangent-*.js, rate-*.js)."""
    names = "|".join(sorted(set(LABELS)))
    return page.evaluate(
        """(names) => performance.getEntriesByType("resource").map((e) => e.name)
             .filter((n) => new RegExp(`/(${names})-[A-Z0-9]+\\\\.js$`).test(n))""",
        names,
    )
