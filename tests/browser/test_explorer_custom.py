"""The explorer's "Your function" in Chromium (issue 13).

Typing f(x, y) redraws the surface and the readout with the exact gradient; a refused text says
what and where, in place, and the last valid surface stays; the address restores a custom run; a
link with a hostile or broken expression shows the error, runs nothing, opens no dialog and logs
nothing; the new fields are reached by keyboard; a 360 px phone in the dark palette and a browser
without WebGL get them too; and the parser's chunk loads only when "Your function" is chosen
(the first load being the chunks benchmarks/explorer_weight.py weighs).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from explorer_helpers import (
    EXPLORER,
    FIRST_FRAME,
    assert_clean,
    canvas_image,
    changed_share,
    open_explorer,
    readout,
)
from explorer_weight import first_load_chunks

pytestmark = pytest.mark.browser

SURFACES_SENT = "() => window.__gdExplorer.current.surfaces"
BUNDLE = "generated/explorer/"
PARSER_CHUNK = BUNDLE + "custom-"


def custom_hash(expr: str, domain: str = "-3,3,-3,3", extra: str = "") -> str:
    return f"#s=custom&f={quote(expr, safe='')}&d={domain}&lr=0.01&x=2&y=2&opt=gd&v=5&n=1000{extra}"


def choose_your_function(page) -> None:
    """Pick "Your function" in the surface list and wait for its surface to be drawn."""
    sent = page.evaluate(SURFACES_SENT)
    page.select_option("#gdx-surface", "custom")
    page.wait_for_selector("#gdx-expr", state="visible")
    page.wait_for_function(f"() => ({SURFACES_SENT})() > {sent}")


def type_function(page, text: str) -> None:
    """Replace the text of f(x, y) key by key, as a reader types it."""
    page.click("#gdx-expr")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)


def wait_value(page, value: str) -> None:
    page.wait_for_function(
        "v => document.querySelector('[data-out=value]').textContent === v", arg=value
    )


def test_the_parser_loads_only_when_your_function_is_chosen(page, site_url, built_site):
    requests = []
    page.on("request", lambda r: r.resource_type == "script" and requests.append(r))
    open_explorer(page, site_url)
    page.wait_for_timeout(300)
    scripts = [r.url for r in requests]
    assert not [s for s in scripts if PARSER_CHUNK in s], "the parser came with the first load"
    # What benchmarks/explorer_weight.py counts as the first load is what the browser fetched
    # before the first frame; the summary's words (summary-view.js) come after it.
    first_frame = page.evaluate("performance.timeOrigin + window.__gdExplorer.current.firstFrame")
    chunk = lambda r: r.url.split(BUNDLE, 1)[1]  # noqa: E731
    ours = [r for r in requests if BUNDLE in r.url]
    before = {chunk(r) for r in ours if r.timing["startTime"] <= first_frame}
    assert before == first_load_chunks(built_site.root / BUNDLE)
    after = {chunk(r) for r in ours if r.timing["startTime"] > first_frame} - before
    words = [c for c in after if c.startswith("summary-view-")]
    assert len(words) == 1, after
    imported = (built_site.root / BUNDLE / words[0]).read_text(encoding="utf-8")
    assert all(f'"./{c}"' in imported for c in after - set(words)), after
    choose_your_function(page)
    assert len([r for r in requests if PARSER_CHUNK in r.url]) == 1
    assert_clean(page)


def test_typing_a_function_redraws_the_surface_and_the_exact_readout(page, site_url):
    open_explorer(page, site_url)
    choose_your_function(page)
    before = canvas_image(page)
    sent = page.evaluate(SURFACES_SENT)
    type_function(page, "x^2 + 2*y^2")
    wait_value(page, "12.00")
    shown = readout(page)
    assert shown["Position"] == "(2.00, 2.00)"
    assert shown["Value"] == "12.00"
    assert shown["Gradient"] == "(4.00, 8.00)"
    assert page.evaluate(SURFACES_SENT) == sent + 1, "one redraw once the text is valid"
    assert changed_share(before, canvas_image(page)) > 0.02, "the surface was not redrawn"
    note = page.inner_text("#gdx-expr-note")
    assert "λ = 4" in note and "1/λ = 0.25 overshoot" in note, note
    assert "above 2/λ = 0.5 each step overshoots further" in note, note
    assert "f=x%5E2%20%2B%202*y%5E2" in page.evaluate("() => location.hash")
    page.click("[data-action=step]")
    assert readout(page)["Position"] == "(1.96, 1.92)", "one step of lr 0.01 along -(4, 8)"
    assert_clean(page)


def test_a_syntax_error_says_where_and_the_last_surface_stays(page, site_url):
    open_explorer(page, site_url)
    choose_your_function(page)
    type_function(page, "x^2 + 2*y^2")
    wait_value(page, "12.00")
    drawn, address = canvas_image(page), page.evaluate("() => location.hash")
    sent = page.evaluate(SURFACES_SENT)
    for text, words in (
        ("x^2 + 2*y^", "Syntax error at position 11"),
        ("x^2 + foo", "Unknown name 'foo' at position 7"),
        ("2x + y", "write products with * (2*x, not 2x)"),
    ):
        type_function(page, text)
        page.wait_for_function(
            "w => document.querySelector('#gdx-expr-error').textContent.includes(w)", arg=words
        )
        assert page.get_attribute("#gdx-expr", "aria-invalid") == "true"
        assert page.inner_text("#gdx-expr-error").endswith(". Still showing f(x, y) = x^2 + 2*y^2.")
        assert readout(page)["Value"] == "12.00", "the last valid run stays"
        assert page.is_hidden(".gdx__unshown"), "the stage shows the last valid surface"
    assert page.evaluate(SURFACES_SENT) == sent, "a refused text redrew the surface"
    assert changed_share(drawn, canvas_image(page)) < 0.005
    assert page.evaluate("() => location.hash") == address
    type_function(page, "log(x) + y^2")  # valid, with a gap where x <= 0
    wait_value(page, "4.69")
    assert page.is_hidden("#gdx-expr-error")
    assert "not finite on 50% of the domain, drawn as a gap" in page.inner_text("#gdx-expr-note")
    page.fill("#gdx-lr", "0.5")
    page.press("#gdx-lr", "Enter")
    page.click("[data-action=play]")
    page.wait_for_function(
        "() => document.querySelector('[data-out=status]').textContent.startsWith('Diverged')"
    )
    assert (
        "the step landed where the function or its gradient is undefined" in readout(page)["Status"]
    )
    assert_clean(page)


def test_the_address_restores_a_custom_run(page, site_url):
    open_explorer(page, site_url)
    choose_your_function(page)
    type_function(page, "(1 - x)^2 + 100*(y - x^2)^2")
    page.wait_for_function("() => location.hash.includes('100*')")
    for field, value in (("#gdx-x0", "-2"), ("#gdx-y0", "-1"), ("#gdx-lr", "0.0005")):
        page.fill(field, value)
        page.press(field, "Enter")
    page.check("input[value=adam]")
    for _ in range(7):
        page.click("[data-action=step]")
    url = page.evaluate("() => location.href")
    assert "d=-2,3,-1,3" in url and "k=7" in url, url

    other = page.context.new_page()
    other.emulate_media(reduced_motion="reduce")
    other.goto(url)
    other.wait_for_function(FIRST_FRAME)
    other.wait_for_function(
        "() => document.querySelector('[data-out=iteration]').textContent === '7'"
    )
    assert readout(other) == readout(page)
    assert other.input_value("#gdx-expr") == "(1 - x)^2 + 100*(y - x^2)^2"
    assert [other.input_value(f"#gdx-{n}") for n in ("x0", "x1", "y0", "y1")] == [
        "-2",
        "3",
        "-1",
        "3",
    ]
    assert other.input_value("#gdx-lr") == "0.0005"
    assert_clean(page)


HOSTILE = [
    ("constructor", "Unknown name 'constructor' at position 1"),
    ("x.constructor.constructor('alert(1)')()", "Unexpected character '.' at position 2"),
    ("<img src=x onerror=alert(1)>", "Unexpected character '<' at position 1"),
    ("x" + "+x" * 150, "301 characters long; the limit is 200"),
    ("-" * 70 + "x", "nested too deeply"),
    ("log(-1 - x^2 - y^2)", "not finite anywhere on this domain"),
]


@pytest.mark.parametrize(("expr", "words"), HOSTILE, ids=[w for _, w in HOSTILE])
def test_a_hostile_link_shows_the_error_and_runs_nothing(page, site_url, expr, words):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_explorer(page, site_url, custom_hash(expr))
    page.wait_for_selector("#gdx-expr-error", state="visible")
    assert words in page.inner_text("#gdx-expr-error")
    assert page.input_value("#gdx-expr") == expr, "the text is shown as typed, never as markup"
    assert page.locator(".gdx img").count() == 0
    assert readout(page)["Status"].startswith("No run: ")
    assert page.evaluate("() => window.__gdExplorer.current.instance.runs()") == []
    assert page.is_disabled("[data-action=play]")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert_clean(page)


def test_a_link_to_a_function_that_cannot_be_drawn_says_so_on_the_stage(page, open_page, site_url):
    # With nothing drawn yet, the 3D view and the map were an empty stage under a refused link.
    open_explorer(page, site_url, custom_hash("x^"))
    notice = ".gdx__unshown"
    page.wait_for_selector(notice, state="visible")
    words = "Your function cannot be drawn: Syntax error at position 3"
    assert page.inner_text(notice).startswith(words)
    stage, box = (page.locator(s).bounding_box() for s in (".gdx__stage", notice))
    assert box == stage, "the notice covers the whole stage"
    type_function(page, "x^2 + y^2")
    wait_value(page, "8.00")
    assert page.is_hidden(notice)
    assert_clean(page)

    other = open_explorer(open_page(), site_url, custom_hash(""))
    other.wait_for_selector(notice, state="visible")
    assert readout(other)["Status"] == "No run: f(x, y) is empty: type a function of x and y"
    other.select_option("#gdx-surface", "bowl")
    wait_value(other, "8.00")
    assert other.is_hidden(notice), "a built-in surface is drawn: the notice goes"
    assert_clean(other)


def test_after_a_built_in_surface_a_bad_link_says_nothing_of_the_readers_is_drawn(page, site_url):
    # The reader's function was drawn, then the bowl replaced it: a link to a bad function must
    # not claim the old one is "still showing", and the stage must say that nothing of theirs is.
    open_explorer(page, site_url, custom_hash("x^2 + 3*y^2"))
    wait_value(page, "16.00")
    page.select_option("#gdx-surface", "bowl")
    wait_value(page, "8.00")
    page.evaluate("(h) => { location.hash = h; }", custom_hash("x^"))
    page.wait_for_selector(".gdx__unshown", state="visible")
    error = page.inner_text("#gdx-expr-error")
    assert error.startswith("Syntax error at position 3") and "Still showing" not in error, error
    assert_clean(page)


def test_a_start_where_f_is_not_finite_is_said_and_runs_nothing(page, site_url):
    open_explorer(page, site_url, custom_hash("1/(x - 2) + y^2"))
    page.wait_for_selector("#gdx-expr-error", state="visible")
    assert "not finite at the start (2, 2)" in page.inner_text("#gdx-expr-error")
    assert page.evaluate("() => window.__gdExplorer.current.instance.runs()") == []
    page.fill("#gdx-x", "1")
    page.press("#gdx-x", "Enter")
    wait_value(page, "3.00")  # 1/(1 - 2) + 4
    assert page.is_hidden("#gdx-expr-error")
    assert_clean(page)


def test_the_keyboard_reaches_and_drives_the_new_fields(page, site_url):
    open_explorer(page, site_url)
    page.focus("#gdx-surface")
    page.select_option("#gdx-surface", "custom")  # as the arrow keys do on a focused list
    page.wait_for_selector("#gdx-expr", state="visible")
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate("() => document.activeElement.id"))
    assert order == ["gdx-expr", "gdx-x0", "gdx-x1", "gdx-y0", "gdx-y1"]
    assert page.evaluate("() => document.querySelector('label[for=gdx-expr]').textContent") == (
        "f(x, y) ="
    )
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("x^2 + 2*y^2")
    wait_value(page, "12.00")
    assert_clean(page)


def test_a_360px_phone_in_the_dark_palette_has_no_sideways_scroll(open_page, site_url):
    phone = open_page(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        reduced_motion="reduce",
        color_scheme="dark",
    )
    phone.goto(site_url + EXPLORER + custom_hash("x^2 + 3*sin(y)"))
    phone.wait_for_function(FIRST_FRAME)
    phone.wait_for_selector("#gdx-expr", state="visible")
    assert phone.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360
    for selector in ("#gdx-expr", "#gdx-x0", "#gdx-y1", "#gdx-expr-note"):
        box = phone.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, selector
    assert_clean(phone)


def test_without_webgl_your_function_runs_on_the_contour_map(page, site_url):
    page.add_init_script(
        """for (const Canvas of [HTMLCanvasElement, OffscreenCanvas]) {
          const get = Canvas.prototype.getContext;
          Canvas.prototype.getContext = function (kind, ...rest) {
            return /webgl/.test(kind) ? null : get.call(this, kind, ...rest);
          };
        }"""
    )
    open_explorer(page, site_url, custom_hash("x^2 + 2*y^2"))
    assert page.locator(".gdx__no-webgl").is_visible()
    wait_value(page, "12.00")
    page.click("[data-action=step]")
    assert readout(page)["Iteration"] == "1"
    assert_clean(page)
