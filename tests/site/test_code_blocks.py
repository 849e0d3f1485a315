"""Every ```python block on the site's Markdown pages is executed at build time, output shown below.

markdown-exec (a MkDocs plugin, mkdocs.yml) runs the blocks while the page renders: one session
per page, so a block sees the names the blocks above it defined, and what a block prints is
shown in a `text` block titled "Output" below it. These tests check that no block escapes it
(each python fence carries `exec="on"` and its page's session), that the built pages show one
non-empty output per block, and that a failing block fails a strict build. Pseudocode is `text`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
FENCE_START = re.compile(r"^[ \t]*```([^\n`]*)$", re.M)
PAGES = sorted(p for p in DOCS.rglob("*.md") if "generated" not in p.parts)
ALLOWED_LANGUAGES = {"python", "text", "sh", "console", "js", "javascript", "yaml", "json"}
OUTPUT_TITLE = '<span class="filename">Output</span>'


def fence_infos(page: Path) -> list[str]:
    """The info strings of the page's opening fences (closing fences have none)."""
    infos, inside = [], False
    for match in FENCE_START.finditer(page.read_text(encoding="utf-8")):
        if not inside:
            infos.append(match.group(1).strip())
        inside = not inside
    return infos


def python_fences(page: Path) -> list[str]:
    return [info for info in fence_infos(page) if info.split(" ")[0] == "python"]


def session_of(page: Path) -> str:
    return page.relative_to(DOCS).with_suffix("").as_posix()


def outputs(html: str) -> list[str]:
    """The texts of a built page's Output blocks, each right below its code block."""
    shown = re.findall(
        r'</code></pre></div>\s*<div class="highlight"><span class="filename">Output</span>'
        r"<pre><span></span><code>(.*?)</code>",
        html,
        re.S,
    )
    return [re.sub(r"<[^>]+>", "", text) for text in shown]


def test_the_site_has_python_blocks_to_run():
    assert sum(bool(python_fences(p)) for p in PAGES) >= 10


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_python_block_is_executed_in_its_pages_session(page):
    for info in python_fences(page):
        assert 'exec="on"' in info, f"{page.name}: a python block is not executed: {info!r}"
        assert f'session="{session_of(page)}"' in info, f"{page.name}: not the page's session"
        assert 'source="above"' in info and "result='text title=\"Output\"'" in info, info


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_fence_names_its_language(page):
    for info in fence_infos(page):
        lang = info.split(" ")[0]
        assert lang in ALLOWED_LANGUAGES, f"{page.name}: fence language {lang!r} (pseudocode: text)"


@pytest.mark.parametrize(
    "page", [p for p in PAGES if python_fences(p)], ids=lambda p: str(p.relative_to(DOCS))
)
def test_built_pages_show_each_blocks_output_below_it(built_site, page):
    html_path = built_site.root / page.relative_to(DOCS).with_suffix("") / "index.html"
    if page.stem == "index":
        html_path = built_site.root / page.relative_to(DOCS).parent / "index.html"
    shown = outputs(html_path.read_text(encoding="utf-8"))
    assert len(shown) == len(python_fences(page)), f"{page.name}: a block has no output below it"
    assert all(text.strip() for text in shown), "an empty output"


def test_the_stochastic_try_it_shows_a_too_fast_decay_freezing_and_a_slow_one_falling(built_site):
    # The answer says: at decay 5000 the run ends about where its first epoch left it, at 0.5 it
    # goes on falling (and decaying beats the constant rate, as the page's medians show).
    html = (built_site.root / "variants/stochastic/index.html").read_text(encoding="utf-8")
    pattern = r"decay (\S+)\s+epoch 1: (\S+)  last three: (\S+)"
    lines = [re.findall(pattern, text) for text in outputs(html)]
    (rows,) = [found for found in lines if found]
    runs = {float(d): (float(first), float(last)) for d, first, last in rows}
    assert sorted(runs) == [0.0, 0.5, 5000.0]
    (frozen_first, frozen_last), (slow_first, slow_last) = runs[5000.0], runs[0.5]
    assert 0.8 < frozen_last / frozen_first <= 1
    assert slow_last < slow_first / 4 and slow_last < runs[0.0][1]


def _build(tmp_path: Path, code: str) -> subprocess.CompletedProcess:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins: [markdown-exec]\nmarkdown_extensions: [pymdownx.superfences]\n"
    )
    fence = '```python exec="on" session="index" source="above" result=\'text title="Output"\''
    page = f"{fence}\nx = 6 * 7\n```\n\n{fence}\n{code}\n```\n"
    (tmp_path / "docs" / "index.md").write_text(page)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )


def test_a_block_sees_the_names_of_the_blocks_above_and_shows_its_output(tmp_path):
    result = _build(tmp_path, "print(x + 1)")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="filename">Output</span><pre><span></span><code>43\b', page)


def test_a_failing_block_fails_the_strict_build(tmp_path):
    result = _build(tmp_path, "1 / 0")
    assert result.returncode != 0
    assert "ZeroDivisionError" in result.stderr
