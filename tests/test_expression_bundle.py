"""The "Your function" parser chunk never uses eval or Function (issue 13's rule), checked on the
bundle esbuild makes of it with the explorer's options (benchmarks/bench_expression.py), and the
rule's pattern is checked to catch both forms."""

from __future__ import annotations

from bench_expression import FORBIDDEN, bundle


def test_the_forbidden_pattern_catches_eval_and_function_but_not_other_names():
    for bad in (
        "eval(x)",
        "(0,eval)(x)",
        "Function('return 1')",
        "new Function('a')",
        "x;eval (y)",
    ):
        assert FORBIDDEN.search(bad), bad
    for fine in ("evaluate(x)", "isTypedFunction(f)", "onUndefinedFunction(n)", "a.eval(x)"):
        assert not FORBIDDEN.search(fine), fine


def test_the_parser_chunk_has_no_eval_or_function(tmp_path):
    text = bundle(tmp_path).read_text(encoding="utf-8")
    assert "derivative" in text  # the real bundle, with mathjs in it
    assert FORBIDDEN.findall(text) == []
