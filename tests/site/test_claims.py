"""Claims that the build checks (`{{ check: EXPR }}`, gd_markdown/_claims.py).

The evaluator: true and false claims, unknown keys, values that are not numbers, hostile input.
The page: a tiny page goes through Markdown with gd_markdown.page_source and a values file; when
the run changes so that the claim no longer holds, the build fails naming the page, the claim
and the values it saw.
"""

from __future__ import annotations

import json

import pytest
from _markdown_page import mkdocs_markdown
from _scripts import load_script

from gd_markdown import page_source
from gd_markdown._claims import ClaimError, check_claims, evaluate
from gd_markdown._values import load_values

VALUES = {
    "updates.momentum_steps": "147",
    "updates.gd_steps": "770",
    "lr_bound.every_rate_above_two_over_l_diverged": "True",
    "lr_bound.every_rate_above_two_over_l_diverged.says": "every rate above 2/L diverged",
    "lr_bound.at_two_over_l_converged": "False",
    "lr_bound.at_two_over_l_converged.says": "the run at exactly 2/L converged",
    "lr_bound.best_lr": "0.095",
    "lr_bound.tiny": "1.2e-3",
    "lr_bound.offset": "-3",
    "lr_bound.pretty": "1.2 × 10<sup>-3</sup>",
    "lr_bound.message": "converged: gradient norm 9.9e-07",
}


@pytest.mark.parametrize(
    "claim",
    [
        "updates.momentum_steps < 0.5 * updates.gd_steps",
        "lr_bound.every_rate_above_two_over_l_diverged",
        "not lr_bound.at_two_over_l_converged and lr_bound.every_rate_above_two_over_l_diverged",
        "lr_bound.at_two_over_l_converged or updates.gd_steps > 700",
        "0.09 < lr_bound.best_lr <= 0.1",
        "lr_bound.tiny == 0.0012",
        "abs(lr_bound.offset) == 3 and -lr_bound.offset > 2",
        "min(updates.gd_steps, 800) - max(updates.momentum_steps, 1) == 623",
        "updates.gd_steps / updates.momentum_steps > 5",
        "lr_bound.at_two_over_l_converged != lr_bound.every_rate_above_two_over_l_diverged",
    ],
)
def test_true_claims_hold(claim):
    holds, _ = evaluate(claim, VALUES, "p.md")
    assert holds is True


@pytest.mark.parametrize(
    "claim",
    [
        "updates.momentum_steps > 0.5 * updates.gd_steps",
        "lr_bound.at_two_over_l_converged",
        "not lr_bound.every_rate_above_two_over_l_diverged",
        "0.1 < lr_bound.best_lr < 1",  # a chain fails on any link
        "lr_bound.best_lr < 0.1 < lr_bound.tiny",
    ],
)
def test_false_claims_do_not_hold(claim):
    holds, _ = evaluate(claim, VALUES, "p.md")
    assert holds is False


def test_the_label_shows_the_values_compared():
    _, shown = evaluate("updates.momentum_steps < 0.5 * updates.gd_steps", VALUES, "p.md")
    assert shown == "147 < 0.5 × 770"
    claim = "lr_bound.every_rate_above_two_over_l_diverged and not lr_bound.at_two_over_l_converged"
    _, shown = evaluate(claim, VALUES, "p.md")
    words = "“every rate above 2/L diverged” = true", "“the run at exactly 2/L converged” = false"
    assert shown == f"{words[0]} and {words[1]}"  # `not` is the "= false": no double negative


def test_a_long_and_reads_without_stray_parentheses():
    # ast.unparse put "(401 > 400)" round each term of an `and` from the third on.
    claim = "updates.gd_steps > 1 and updates.gd_steps > 2 and updates.gd_steps > 3"
    claim += " and (lr_bound.best_lr > 1 or updates.gd_steps > 4)"
    _, shown = evaluate(claim, VALUES, "p.md")
    assert shown == "770 > 1 and 770 > 2 and 770 > 3 and (0.095 > 1 or 770 > 4)"


def test_a_true_or_false_value_without_words_is_refused_by_page_and_key():
    # "bt monotone = true" was what a screen reader heard: a fact is read by what it tests.
    values = {k: v for k, v in VALUES.items() if not k.endswith("_diverged.says")}
    key = r"lr_bound\.every_rate_above_two_over_l_diverged"
    with pytest.raises(ClaimError, match=rf"concepts/x\.md: {key} .*no words"):
        evaluate("lr_bound.every_rate_above_two_over_l_diverged", values, "concepts/x.md")


def test_keys_that_are_python_keywords_work():
    values = {"minima.global": "12", "minima.starts": "20", "minima.if": "True"}
    values["minima.if.says"] = "every start converged"
    holds, shown = evaluate("0 < minima.global < minima.starts and minima.if", values, "p.md")
    assert holds is True
    assert shown == "0 < 12 < 20 and “every start converged” = true"


def test_unknown_key_names_page_and_key():
    with pytest.raises(ClaimError, match=r"concepts/x\.md.*'updates\.nesterov_steps'"):
        evaluate("updates.nesterov_steps < 3", VALUES, "concepts/x.md")


@pytest.mark.parametrize("key", ["lr_bound.pretty", "lr_bound.message"])
def test_non_numeric_value_is_refused_naming_page_and_key(key):
    with pytest.raises(ClaimError, match=rf"concepts/x\.md: value {key} = .* neither a number"):
        evaluate(f"{key} < 1", VALUES, "concepts/x.md")


@pytest.mark.parametrize(
    ("claim", "why"),
    [
        ("__import__('os')", "only abs, min and max"),
        ("__import__('os').system('true')", "only abs, min and max"),
        ("updates.gd_steps.__class__", "Attribute is not allowed"),
        ("().__class__.__bases__", "Attribute is not allowed"),
        ("updates.gd_steps.real > 0", "Attribute is not allowed"),
        ("len([1]) > 0", "only abs, min and max"),
        ("abs(x=-1) > 0", "plain arguments"),
        ("max(*[1, 2]) > 0", "plain arguments"),
        ("updates.gd_steps ** 2 > 0", "Pow"),
        ("updates.gd_steps if 1 else 0", "IfExp"),
        ("[x for x in ()]", "ListComp"),
        ("lambda: 0", "Lambda"),
        ("updates", "not a namespace.key value name"),
        ("_claim_value_0_ > 1", "not a namespace.key value name"),
        ("'a' < 'b'", "not a number"),
        ("updates.gd_steps", "a number, not a statement"),
        ("updates.gd_steps and 1", "where True/False is needed"),
        ("lr_bound.at_two_over_l_converged < 1", "cannot compare"),
        ("updates.gd_steps / (updates.gd_steps - 770) > 1", "division by zero"),
        ("updates.gd_steps <", "does not parse"),
    ],
)
def test_anything_outside_the_grammar_is_refused(claim, why):
    with pytest.raises(ClaimError, match=why) as error:
        evaluate(claim, VALUES, "concepts/x.md")
    assert "concepts/x.md" in str(error.value)


def test_a_false_claim_names_page_claim_and_values():
    page = (
        "It took fewer than half the steps. {{ check: updates.gd_steps < updates.momentum_steps }}"
    )
    with pytest.raises(ClaimError) as error:
        check_claims(page, VALUES, "concepts/updates.md")
    message = str(error.value)
    assert "concepts/updates.md" in message
    assert "updates.gd_steps < updates.momentum_steps" in message
    assert "770 < 147" in message


def test_a_true_claim_becomes_an_accessible_marker():
    page = "Fewer than half. {{ check: updates.momentum_steps < 0.5 * updates.gd_steps }} Next."
    out = check_claims(page, VALUES, "p.md")
    assert "{{" not in out
    assert 'role="img"' in out
    assert 'aria-label="Checked when the site was built: 147 &lt; 0.5 × 770"' in out
    assert out.startswith("Fewer than half. <span") and out.endswith("</span> Next.")


def test_a_long_number_is_shown_to_six_figures_and_checked_in_full():
    values = {"a.x": "0.09090909090911928", "a.y": "3.3553065261332204e-08"}
    holds, shown = evaluate("a.x > 0.0909090909 and a.y < 1e-06", values, "p.md")
    assert holds and shown == "0.0909091 > 0.0909090909 and 3.35531e-08 < 1e-06", shown


def _build_page(tmp_path, markdown, steps, monkeypatch):
    """Run `markdown` through the page-source pre-processor with a values file holding `steps`."""
    folder = tmp_path / "figures"
    folder.mkdir(exist_ok=True)
    saved = {"momentum_steps": str(steps["momentum"]), "gd_steps": str(steps["gd"])}
    (folder / "values-updates.json").write_text(json.dumps(saved), encoding="utf-8")
    monkeypatch.setattr(page_source, "load_values", lambda: load_values(folder))
    md = mkdocs_markdown("concepts/tiny.md", "concepts/tiny/", [page_source.makeExtension()])
    return md.convert(markdown)


def test_a_changed_run_breaks_the_build(tmp_path, monkeypatch):
    markdown = (
        "Momentum took {{ updates.momentum_steps }} steps, fewer than half of plain descent's "
        "{{ updates.gd_steps }}. {{ check: updates.momentum_steps < 0.5 * updates.gd_steps }}\n"
    )
    built = _build_page(tmp_path, markdown, {"momentum": 147, "gd": 770}, monkeypatch)
    assert "Momentum took 147 steps" in built and 'class="gd-check"' in built

    with pytest.raises(ClaimError) as error:
        _build_page(tmp_path, markdown, {"momentum": 400, "gd": 770}, monkeypatch)
    message = str(error.value)
    assert "concepts/tiny.md" in message
    assert "updates.momentum_steps < 0.5 * updates.gd_steps" in message
    assert "400 < 0.5 × 770" in message


def test_a_scripts_words_reach_the_label_and_bad_words_are_refused(tmp_path):
    figure = load_script("_figure")
    values = {"diverged": True, "steps": 12}
    figure.write_values(tmp_path, "run", values, says={"diverged": "the run diverged"})
    saved = load_values(tmp_path)
    assert saved["run.diverged.says"] == "the run diverged"
    assert evaluate("run.diverged and run.steps > 3", saved, "p.md") == (
        True,
        "“the run diverged” = true and 12 > 3",
    )
    with pytest.raises(ValueError, match="'steps', which is not a true/false value"):
        figure.write_values(tmp_path, "run", values, says={"steps": "twelve steps"})
    for words in ("", "the run diverged.", " the run diverged"):
        with pytest.raises(ValueError, match="'diverged' must be a bare phrase"):
            figure.write_values(tmp_path, "run", values, says={"diverged": words})
