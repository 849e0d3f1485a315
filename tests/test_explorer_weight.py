"""The explorer's first-load JavaScript stays within issue 13's budget, and the three.js rewrite
that keeps it there (hooks/_three_trim.py) changes no class and refuses what it cannot move."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from _three_trim import THREE_BUILD, shakeable_classes
from explorer_weight import BASELINE_KIB, first_load_weights

TRACKS = """const Linear = 1;
class Track {

	constructor() {}

}

function helper() {}

Track.prototype.Kind = 'track';

Track.prototype.Table = {
	a: Linear
};
class Unused {}
"""


def test_first_load_is_no_larger_than_before_your_function(built_site):
    weights = first_load_weights(built_site.root / "generated" / "explorer")
    assert "main.js" in weights and "view-worker.js" in weights
    assert not [n for n in weights if n.startswith("custom-")], "the parser is in the first load"
    nine = sum(w[2] for w in weights.values()) / 1024
    assert nine <= BASELINE_KIB, f"explorer first load {nine:.2f} KiB gzip-9 > {BASELINE_KIB}"


def test_a_class_and_its_statements_become_one_pure_expression():
    text = shakeable_classes(TRACKS)
    assert "const Track = /*@__PURE__*/ ( () => {\nclass Track {" in text
    assert "Track.prototype.Kind = 'track';\nTrack.prototype.Table = {\n\ta: Linear\n};" in text
    assert text.count("Track.prototype.Kind") == 1
    assert "return Track;\n} )();" in text and "function helper() {}" in text
    assert "class Unused {}" in text and "const Unused" not in text


def test_a_statement_naming_something_declared_later_is_refused():
    later = TRACKS.replace("const Linear = 1;\n", "") + "const Linear = 1;\n"
    with pytest.raises(RuntimeError, match="Track's statements name Linear"):
        shakeable_classes(later)


# Every export's own properties and its prototype's, as "name.property: kind" lines.
DESCRIBE = """
const describe = (d) => !d ? "missing" : !("value" in d) ? "accessor"
  : d.value !== null && typeof d.value === "object" ? `{${Object.keys(d.value).sort()}}`
  : typeof d.value === "function" ? "function" : String(d.value);
const lines = [];
for (const [name, value] of Object.entries(await import(process.argv[1]))) {
  for (const [at, owner] of [[name, value], [name + ".prototype", value?.prototype]]) {
    if (typeof owner !== "object" && typeof owner !== "function" || !owner) continue;
    for (const key of Object.getOwnPropertyNames(owner).sort())
      lines.push(`${at}.${key}: ${describe(Object.getOwnPropertyDescriptor(owner, key))}`);
  }
}
process.stdout.write(lines.join("\\n"));
"""


def _described(module) -> list[str]:
    node = shutil.which("node") or "node"
    run = [node, "--input-type=module", "-e", DESCRIBE, module.as_uri()]
    return subprocess.run(run, capture_output=True, text=True, check=True).stdout.splitlines()


def test_the_rewritten_three_core_has_the_same_classes_and_properties(tmp_path):
    source = (THREE_BUILD / "three.core.js").read_text(encoding="utf-8")
    rewritten = shakeable_classes(source)
    assert rewritten.count("/*@__PURE__*/ ( () => {") >= 10  # the animation tracks, Loader...
    (tmp_path / "package.json").write_text(json.dumps({"type": "module"}))
    (tmp_path / "three.core.js").write_text(rewritten, encoding="utf-8")
    before, after = (
        _described(THREE_BUILD / "three.core.js"),
        _described(tmp_path / "three.core.js"),
    )
    assert len(before) > 1000 and "KeyframeTrack.prototype.ValueTypeName: " in before
    assert after == before
