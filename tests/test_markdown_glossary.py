"""gd_markdown.glossary: abbr with its definitions read once from the glossary file."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from gd_markdown.glossary import read_glossary

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "glossary.md"
    path.write_text(text, encoding="utf-8")
    return str(path)


def converter(path: str) -> markdown.Markdown:
    configs = {"gd_markdown.glossary": {"path": path}}
    return markdown.Markdown(extensions=["gd_markdown.glossary"], extension_configs=configs)


def render(text: str, path: str) -> str:
    return converter(path).convert(text)


def test_every_document_gets_the_terms(tmp_path):
    path = write(
        tmp_path, '*[epoch]: One pass over the "data".\n\n*[ SGD ]:  Stochastic descent.\n'
    )
    html = render("An epoch of SGD.", path)
    assert html == (
        '<p>An <abbr title="One pass over the &quot;data&quot;.">epoch</abbr> of '
        '<abbr title="Stochastic descent.">SGD</abbr>.</p>'
    )


def test_one_converter_keeps_the_glossary_and_forgets_a_page_s_own_terms(tmp_path):
    # mkdocstrings converts every docstring with one Markdown instance, reset in between.
    md = converter(write(tmp_path, "*[epoch]: One pass.\n"))
    first = md.convert("An epoch in HTML.\n\n*[HTML]: Hypertext.")
    assert re.findall(r"<abbr [^>]*>(\w+)</abbr>", first) == ["epoch", "HTML"]
    md.reset()
    second = md.convert("Another epoch in HTML.")
    assert re.findall(r"<abbr [^>]*>(\w+)</abbr>", second) == ["epoch"]


def test_a_page_s_own_definition_of_a_term_wins_on_that_page(tmp_path):
    path = write(tmp_path, "*[epoch]: One pass.\n")
    html = render("An epoch.\n\n*[epoch]: A page's own sense.", path)
    assert 'title="A page\'s own sense."' in html
    assert 'title="One pass."' in render("An epoch.", path)


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
        ("*[epoch]: ''\n", "glossary.md:1: not a '*[term]: definition'"),
        ("*[ ]: A blank term.\n", "glossary.md:1: not a '*[term]: definition'"),
        ("\n\n", "glossary.md: the glossary defines no term"),
    ],
)
def test_a_malformed_glossary_names_the_line(tmp_path, text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        read_glossary(write(tmp_path, text))


def test_an_edited_glossary_is_read_again(tmp_path):
    path = write(tmp_path, "*[epoch]: One pass.\n")
    assert read_glossary(path) == {"epoch": "One pass."}
    Path(path).write_text("*[epoch]: A full pass.\n", encoding="utf-8")  # mtime may not move
    assert read_glossary(path) == {"epoch": "A full pass."}


def test_a_missing_file_or_a_wrong_option_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"Invalid glossary path: .*nowhere\.md"):
        read_glossary(str(tmp_path / "nowhere.md"))
    with pytest.raises(ValueError, match="needs a path"):
        markdown.markdown("x", extensions=["gd_markdown.glossary"])
    configs = {"gd_markdown.glossary": {"path": write(tmp_path, "*[a]: b\n"), "glossary": {}}}
    with pytest.raises(ValueError, match="from path, not glossary"):
        markdown.markdown("x", extensions=["gd_markdown.glossary"], extension_configs=configs)
