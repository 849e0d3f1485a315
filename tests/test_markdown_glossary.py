"""gd_markdown.glossary: abbr with its definitions read once from the glossary file."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest

from gd_markdown.glossary import read_glossary

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "glossary.md"
    path.write_text(text, encoding="utf-8")
    return str(path)


def render(text: str, path: str) -> str:
    configs = {"gd_markdown.glossary": {"path": path}}
    return markdown.markdown(text, extensions=["gd_markdown.glossary"], extension_configs=configs)


def test_every_document_gets_the_terms(tmp_path):
    path = write(tmp_path, '*[epoch]: One pass over the "data".\n\n*[SGD]: Stochastic descent.\n')
    html = render("An epoch of SGD.", path)
    assert html == (
        '<p>An <abbr title="One pass over the &quot;data&quot;.">epoch</abbr> of '
        '<abbr title="Stochastic descent.">SGD</abbr>.</p>'
    )
    assert "abbr" in render("Another epoch.", path)  # a second document: the terms again


def test_a_page_may_add_its_own_abbreviations(tmp_path):
    path = write(tmp_path, "*[epoch]: One pass.\n")
    html = render("An epoch in HTML.\n\n*[HTML]: Hypertext.", path)
    assert html.count("<abbr") == 2


def test_the_site_glossary_matches_what_appending_it_gave():
    path = str(ROOT / "includes" / "glossary.md")
    text = "A Hessian, its eigenvalues, one epoch and a mini-batch."
    appended = markdown.markdown(text + "\n\n" + Path(path).read_text(), extensions=["abbr"])
    assert render(text, path) == appended
    assert appended.count("<abbr") == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("*[epoch]: One pass.\nnot a definition\n", "glossary.md:2: not a '*[term]: definition'"),
        ("*[epoch]:\n", "glossary.md:1: not a '*[term]: definition'"),
        ("\n\n", "defines no term"),
    ],
)
def test_a_malformed_glossary_names_the_line(tmp_path, text, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("*", r"\*")):
        read_glossary(write(tmp_path, text))


def test_an_edited_glossary_is_read_again(tmp_path):
    path = write(tmp_path, "*[epoch]: One pass.\n")
    assert read_glossary(path) == {"epoch": "One pass."}
    Path(path).write_text("*[epoch]: A full pass.\n", encoding="utf-8")
    os.utime(path, ns=(1, 10**18))  # a later modification time, however coarse the clock
    assert read_glossary(path) == {"epoch": "A full pass."}


def test_a_missing_file_or_path_is_refused(tmp_path):
    with pytest.raises(ValueError, match="Invalid glossary path"):
        read_glossary(str(tmp_path / "nowhere.md"))
    with pytest.raises(ValueError, match="needs a path"):
        markdown.markdown("x", extensions=["gd_markdown.glossary"])
