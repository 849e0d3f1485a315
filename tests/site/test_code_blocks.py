"""Every ```python block on the site's Markdown pages runs, in page order, and pseudocode is text.

The pages hook also runs these blocks at build time (and shows their output); this test runs them
independently of MkDocs, with an extraction that also finds blocks indented in admonitions.
"""

from __future__ import annotations

import contextlib
import io
import re
import textwrap
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
FENCE = re.compile(r"^([ \t]*)```([^\n]*)\n(.*?)^\1```[ \t]*$", re.M | re.S)
PAGES = sorted(p for p in DOCS.rglob("*.md") if "generated" not in p.parts)
ALLOWED_LANGUAGES = {"python", "text", "sh", "console", "js", "javascript", "yaml", "json"}


def fences(page: Path) -> list[tuple[str, str]]:
    return [
        (info.strip().split()[0] if info.strip() else "", textwrap.dedent(body))
        for _, info, body in FENCE.findall(page.read_text(encoding="utf-8"))
    ]


def python_pages() -> list[Path]:
    return [p for p in PAGES if any(lang == "python" for lang, _ in fences(p))]


def test_the_site_has_python_blocks_to_run():
    assert len(python_pages()) >= 10


@pytest.mark.parametrize("page", python_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_python_blocks_execute(page):
    namespace: dict = {"__name__": "__page__"}
    for number, (lang, code) in enumerate(fences(page)):
        if lang != "python":
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"{page.name} block {number}", "exec"), namespace)
        assert out.getvalue().strip(), f"{page.name} block {number} prints nothing to show"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_fence_names_its_language(page):
    for lang, _ in fences(page):
        assert lang in ALLOWED_LANGUAGES, f"{page.name}: fence language {lang!r} (pseudocode: text)"
