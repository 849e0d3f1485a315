"""The copy of three.js the explorer is bundled from: unused shader chunks out, classes shakeable.

Two rewrites of three's build (hooks/assets.py bundles the explorer from the result):

1. Shader chunks. three.js ships the GLSL of every built-in material (physical, toon, shadow
   maps...) as strings that no bundler can drop. The explorer draws with three materials only
   (`MATERIAL_SHADERS`), so every other chunk is replaced by a one-line `#error` naming it: a
   material that needs a dropped chunk fails to compile with a message saying so (a console error
   the browser tests catch), it never draws wrongly. Importing a material not listed fails the
   build. Measured with js/src/orbit.js (commit 0639cf9): explorer JS 150.5 -> 128.4 KiB gzip.
2. Classes with statements after them. three sets some class properties by top-level statements
   (`KeyframeTrack.prototype.ValueTypeName = '';`, `Loader.DEFAULT_MATERIAL_NAME = ...`) or
   static blocks (`Matrix2`); to esbuild those are side effects, so the whole class (the animation
   tracks, property bindings, loaders...) stays in the bundle though nothing uses it. Each such
   class becomes `const Name = /*@__PURE__*/ (() => { class Name {...} <statements> return
   Name; })()`, which is the same class with the same properties (the statements only move up to
   the class, and a statement naming anything declared later fails the build) but which esbuild
   drops when unused. Measured: explorer first-load JS 133.2 -> 128.4 KiB gzip-9.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THREE_BUILD = ROOT / "js" / "node_modules" / "three" / "build"
THREE_COPY = ROOT / ".cache" / "three"

# The three.js materials js/src may import, and the ShaderLib programs they compile.
MATERIAL_SHADERS = {
    "MeshBasicMaterial": "meshbasic",
    "LineBasicMaterial": "meshbasic",
    "SpriteMaterial": "sprite",
}
_STRING = r'"(?:[^"\\\n]|\\.)*"'
_CLASS = re.compile(r"^class (\w+)\b[^\n]*\{$", re.M)
_STATIC_BLOCK = re.compile(r"\n\tstatic \{\n(.*?)\n\t\}\n", re.S)
_DECLARATION = re.compile(r"^(?:export )?(?:const|let|var|class|function) (\w+)", re.M)
_BUILTINS = {"Array", "Float32Array", "undefined", "true", "false", "null", "new"}


def _materials_used() -> set[str]:
    """Names of three.js materials imported anywhere in js/src."""
    used = set()
    for source in (ROOT / "js" / "src").rglob("*.js"):
        for names in re.findall(r"import\s*\{([^}]*)\}\s*from\s*\"three\"", source.read_text()):
            used |= {n.strip() for n in names.split(",") if n.strip().endswith("Material")}
    return used


def trim_shader_chunks(text: str) -> str:
    """three.module.js with only the shader chunks our materials (and three's own code) need."""
    unknown = _materials_used() - MATERIAL_SHADERS.keys()
    if unknown:
        raise RuntimeError(f"add {sorted(unknown)} to MATERIAL_SHADERS in hooks/_three_trim.py")
    block = re.search(r"^const ShaderChunk = \{(.*?)^\};", text, re.S | re.M)
    chunks = dict(re.findall(r"^\t(\w+): ([\w$]+),?$", block.group(1), re.M))
    definition = re.compile(rf"^(?:var|const) ([\w$]+) = ({_STRING});$", re.M)
    source = {
        m.group(1): m.group(2) for m in definition.finditer(text) if m.group(1) in chunks.values()
    }
    if len(source) != len(chunks):
        raise RuntimeError("three's shader chunks changed form: update trim_shader_chunks()")
    # Roots: our materials' programs, and every chunk three's own code includes or names.
    rest = definition.sub(lambda m: "" if m.group(1) in source else m.group(0), text)
    roots = {f"{p}_{part}" for p in set(MATERIAL_SHADERS.values()) for part in ("vert", "frag")}
    roots |= set(re.findall(r"#include <(\w+)>", rest)) | set(
        re.findall(r"ShaderChunk\[ '(\w+)' \]", rest)
    )
    keep, todo = set(), sorted(roots)
    while todo:
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo += re.findall(r"#include <(\w+)>", source[chunks[name]])
    dropped = {var: name for name, var in chunks.items() if name not in keep}

    def stub(match: re.Match) -> str:
        name = dropped.get(match.group(1))
        if name is None:
            return match.group(0)
        message = f"#error three.js shader chunk {name} is not in this bundle"
        return f'var {match.group(1)} = "{message}";'

    return definition.sub(stub, text)


def _statements_after(text: str, name: str, start: int) -> list[tuple[int, int]]:
    """Spans of the top-level statements `name.… = …;` from `start` on."""
    spans = []
    for match in re.finditer(rf"^{name}\.[\w.]+ = ", text[start:], re.M):
        begin = start + match.start()
        end = text.index(";\n", begin) + 1
        if "\n" in text[begin:end]:  # an object or array literal: ends at a column-0 `};` / `];`
            end = re.compile(r"^[\]}];$", re.M).search(text, begin).end()
        spans.append((begin, end))
    return spans


def _check_names(moved: str, name: str, declared: dict[str, int], at: int) -> None:
    """Fail when a moved statement names something declared after the class it moves to."""
    bare = re.sub(r"//[^\n]*|/\*.*?\*/|'[^'\n]*'|\.\s*\w+|\w+:", "", moved, flags=re.S)
    for word in set(re.findall(r"\b[A-Za-z_$][\w$]*\b", bare)) - _BUILTINS - {name}:
        if declared.get(word, float("inf")) > at:
            raise RuntimeError(f"three.js: {name}'s statements name {word}, declared later")


def shakeable_classes(text: str) -> str:
    """`text` with each class that has statements after it wrapped in a pure function."""
    declared = {}
    for match in _DECLARATION.finditer(text):
        declared.setdefault(match.group(1), match.start())
    for match in reversed(list(_CLASS.finditer(text))):
        name = match.group(1)
        end = text.index("\n}\n", match.start()) + 2
        body = text[match.start() : end]
        moved = []
        block = _STATIC_BLOCK.search(body)
        if block:
            inner = re.sub(r"/\*.*?\*/", "", block.group(1), flags=re.S).strip()
            if not re.fullmatch(r"(this\.prototype\.\w+ = true;\s*)+", inner):
                continue
            moved.append(inner.replace("this.", f"{name}."))
            body = body.replace(block.group(0), "\n", 1)
        spans = _statements_after(text, name, end)
        moved += [text[a:b] for a, b in spans]
        if not moved:
            continue
        _check_names("\n".join(moved), name, declared, match.start())
        for a, b in reversed(spans):
            text = text[:a] + text[b:]
        wrapped = "\n".join([f"const {name} = /*@__PURE__*/ ( () => {{", body, *moved])
        text = text[: match.start()] + wrapped + f"\nreturn {name};\n}} )();" + text[end:]
    return text


def trimmed_three() -> Path:
    """Write the rewritten three.module.js and three.core.js; the module's path."""
    module = (THREE_BUILD / "three.module.js").read_text(encoding="utf-8")
    core = (THREE_BUILD / "three.core.js").read_text(encoding="utf-8")
    THREE_COPY.mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("three.module.js", shakeable_classes(trim_shader_chunks(module))),
        ("three.core.js", shakeable_classes(core)),
    ):
        path = THREE_COPY / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return THREE_COPY / "three.module.js"
