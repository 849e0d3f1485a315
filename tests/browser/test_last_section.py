"""A page's last section (of two or more) is drawn as the page loads: the footer sits below it.

Sections off screen are skipped (content-visibility: auto in extra.css) and stand at an estimated
height until drawn. Skipped, the last one ends where its estimate does: axe, in Lighthouse,
measured the algorithm page's takeaways, taller than the estimate, where the footer is drawn and
judged their black text on the footer's black (accessibility 96). Drawn, the last section also
keeps the footer where it is while a reader scrolls to it.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LIGHTHOUSE_PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True}
# For the page's last section: whether the browser skips it, and whether the footer starts below
# its bottom (both None on a page without sections).
LAST_SECTION = """() => {
  const sections = document.querySelectorAll('.md-typeset .gd-section');
  if (sections.length < 2) return null;  // a page's only section may be skipped (extra.css)
  const last = sections[sections.length - 1];
  const footer = document.querySelector('.md-footer').getBoundingClientRect().top;
  return {
    skipped: !last.firstElementChild.checkVisibility({contentVisibilityAuto: true}),
    below: footer >= last.getBoundingClientRect().bottom,
  };
}"""


def test_each_pages_last_section_is_drawn_at_load(built_site, site_url, open_page):
    page = open_page(**LIGHTHOUSE_PHONE)
    problems, sectioned = [], 0
    for path in built_site.pages():
        url = site_url + path.relative_to(built_site.root).as_posix().removesuffix("index.html")
        page.goto(url, wait_until="load")
        last = page.evaluate(LAST_SECTION)
        if last is None:
            continue
        sectioned += 1
        where = url.removeprefix(site_url) or "/"
        if last["skipped"] or not last["below"]:
            problems.append(f"{where}: {last}")
    assert problems == [], "\n".join(problems)
    assert sectioned >= 10, f"only {sectioned} pages have sections: the check proves little"
