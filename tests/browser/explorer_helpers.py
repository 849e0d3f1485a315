"""Helpers shared by the explorer's browser tests: open the page, read the readout and canvas."""

from __future__ import annotations

import io

from _scripts import load_script
from holding import element_png
from PIL import Image

EXPLORER = "explore/"
# The live readout's number format (js/src/fmt.js fine), as the build writes it.
fine = load_script("_explorer_readout").fine_number
# Ready (its runs exist, so the controls act) and drawn at least once.
FIRST_FRAME = (
    "() => Boolean(window.__gdExplorer?.current?.ready && window.__gdExplorer.current.frames)"
)


def open_explorer(page, site_url: str, hash_: str = "", *, reduced_motion: bool = True):
    """Load the explorer (reduced motion: nothing autoplays) and wait for its first frame."""
    page.emulate_media(reduced_motion="reduce" if reduced_motion else "no-preference")
    page.goto(site_url + EXPLORER + hash_)
    page.wait_for_function(FIRST_FRAME)
    return page


def readout(page) -> dict[str, str]:
    """The readout's fields by their visible names."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.gdx__readout dt')]
            .map((dt) => [dt.textContent, dt.nextElementSibling.textContent]))"""
    )


def camera(page) -> list[float]:
    return page.evaluate("() => window.__gdExplorer.current.instance.camera()")


def frames(page) -> int:
    return page.evaluate("() => window.__gdExplorer.current.frames")


def wait_idle(page) -> None:
    """Wait until no animation frame is pending (the view drew what it had to and stopped).

    Polled from a timer, between frames (see live_helpers.wait_idle).
    """
    page.wait_for_function("() => window.__gdExplorer.loops === 0", polling=20)


def canvas_image(page) -> Image.Image:
    wait_idle(page)
    png = element_png(page.locator(".gdx__canvas"))
    return Image.open(io.BytesIO(png)).convert("RGB")


def share_unlike(image: Image.Image, rgb: tuple[int, int, int], tolerance: int = 12) -> float:
    """Share of pixels whose colour differs from `rgb` by more than `tolerance` in a channel."""
    pixels = list(image.get_flattened_data())
    differ = sum(
        1 for p in pixels if max(abs(a - b) for a, b in zip(p, rgb, strict=True)) > tolerance
    )
    return differ / len(pixels)


def changed_share(a: Image.Image, b: Image.Image, tolerance: int = 12) -> float:
    """Share of pixels that changed between two same-size images."""
    pairs = zip(a.get_flattened_data(), b.get_flattened_data(), strict=True)
    changed = sum(
        1 for p, q in pairs if max(abs(x - y) for x, y in zip(p, q, strict=True)) > tolerance
    )
    return changed / (a.width * a.height)


def set_field(page, selector: str, text: str) -> None:
    """Type into a text field and commit it (Enter), as a reader does."""
    page.fill(selector, text)
    page.press(selector, "Enter")


def assert_clean(page) -> None:
    """Nothing left the machine, nothing failed to load, nothing was logged as an error."""
    assert page.watch.foreign_requests == []
    assert page.watch.failed_requests == []
    assert page.watch.console_errors == []
