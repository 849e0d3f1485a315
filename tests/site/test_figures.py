"""Figure scripts: deterministic output, caching; build-time values; the notebook cache key.

Running every `scripts/fig_*.py` twice into two empty folders must give byte-identical files, and
a second `build_figures` into the same folder with nothing changed must rebuild nothing.
"""

from __future__ import annotations

import filecmp
import json
import shutil
import sys
from pathlib import Path

import pytest
from hook_loader import load_hook
from PIL import Image

from gd_markdown._values import PageError, substitute_values

ROOT = Path(__file__).resolve().parents[2]


figures_hook = load_hook("figures")
notebooks_hook = load_hook("notebooks")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    first, second = tmp_path_factory.mktemp("figs-a"), tmp_path_factory.mktemp("figs-b")
    reports = [figures_hook.build_figures(first), figures_hook.build_figures(second)]
    return first, second, reports


def test_every_script_ran(two_builds):
    _, _, reports = two_builds
    scripts = {p.name for p in figures_hook.figure_scripts()}
    assert len(scripts) >= 20
    for report in reports:
        assert report == dict.fromkeys(scripts, "rebuilt")


def test_two_runs_into_empty_folders_are_byte_identical(two_builds):
    first, second, _ = two_builds
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert any(n.endswith(".svg") for n in names) and any(n.endswith(".webp") for n in names)
    _, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert not mismatch and not errors


def test_no_dates_or_versions_in_svg_metadata(two_builds):
    first, _, _ = two_builds
    for svg in first.glob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert "<dc:date>" not in text and "Matplotlib v" not in text, svg.name


def test_second_build_with_nothing_changed_rebuilds_nothing(two_builds):
    first, _, _ = two_builds
    report = figures_hook.build_figures(first)
    assert set(report.values()) == {"cached"}


def test_a_changed_script_rebuilds_only_that_figure(two_builds, tmp_path, monkeypatch):
    first, _, _ = two_builds
    scripts = tmp_path / "scripts"
    shutil.copytree(ROOT / "scripts", scripts)
    target = scripts / "fig_gradient_noise.py"
    target.write_text(target.read_text() + "\n# touched by the test\n")
    monkeypatch.setattr(figures_hook, "SCRIPTS", scripts)
    report = figures_hook.build_figures(first)
    assert report["fig_gradient_noise.py"] == "rebuilt"
    assert [k for k, v in report.items() if v == "rebuilt"] == ["fig_gradient_noise.py"]


def test_an_output_changed_outside_the_hook_is_rebuilt(two_builds):
    # As when a script is run by hand with an edit and then the edit is undone: same key,
    # different bytes on disk.
    # The second folder: the test above leaves the first with one stale key.
    first, second, _ = two_builds
    target = second / "values-stopping.json"
    target.write_text(target.read_text().replace('"batch"', '"batch_by_hand"'))
    report = figures_hook.build_figures(second)
    assert [k for k, v in report.items() if v == "rebuilt"] == ["fig_stopping.py"]
    assert target.read_bytes() == (first / "values-stopping.json").read_bytes()
    target.unlink()
    report = figures_hook.build_figures(second)
    assert [k for k, v in report.items() if v == "rebuilt"] == ["fig_stopping.py"]
    assert target.read_bytes() == (first / "values-stopping.json").read_bytes()


def test_the_files_a_script_reads_are_in_its_cache_key(tmp_path):
    poster = ROOT / "scripts" / "fig_explorer_poster.py"
    assert figures_hook.own_inputs(poster) == [poster, ROOT / "docs/stylesheets/explorer.css"]
    script = tmp_path / "fig_x.py"
    script.write_text('"""A figure."""\n\n# reads: docs/x.css\n# reads: docs/y.json\n')
    assert figures_hook.own_inputs(script) == [script, ROOT / "docs/x.css", ROOT / "docs/y.json"]


def test_unknown_value_fails_the_page_naming_it():
    with pytest.raises(PageError, match=r"lr_runs\.nope"):
        substitute_values("x {{ lr_runs.nope }}", {}, "page.md")


def test_notebook_cache_is_keyed_on_gdlib_and_the_executor(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "gdlib", tmp_path / "gdlib")
    (tmp_path / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "_notebook_run.py", tmp_path / "hooks")
    monkeypatch.setattr(notebooks_hook, "ROOT", tmp_path)
    before = notebooks_hook.notebook_cache_key()
    (tmp_path / "gdlib" / "descent.py").write_text("# changed\n", encoding="utf-8")
    after_gdlib = notebooks_hook.notebook_cache_key()
    assert after_gdlib != before
    (tmp_path / "hooks" / "_notebook_run.py").write_text("# changed\n", encoding="utf-8")
    assert notebooks_hook.notebook_cache_key() != after_gdlib

    class Plugin:
        def __init__(self) -> None:
            self.config = {"cache_dir": ".cache/mkdocs-jupyter"}

    monkeypatch.setattr(notebooks_hook, "NB_CACHE", tmp_path / "nb-cache")
    stale = tmp_path / "nb-cache" / "stale"
    stale.mkdir(parents=True)
    plugin = Plugin()
    notebooks_hook.on_config(type("Config", (), {"plugins": {"mkdocs-jupyter": plugin}})())
    assert plugin.config["cache_dir"].endswith(notebooks_hook.notebook_cache_key())
    assert not stale.exists()


def test_a_failing_script_fails_the_build_naming_it(tmp_path, monkeypatch):
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    (scripts / "fig_fine.py").write_text(
        '"""Writes one file."""\n\ndef main(out_dir):\n'
        '    path = out_dir / "fine.txt"\n    path.write_text("ok")\n    return [path]\n'
    )
    (scripts / "fig_broken.py").write_text(
        '"""Fails."""\n\ndef main(out_dir):\n    raise ValueError("no data")\n'
    )
    monkeypatch.setattr(figures_hook, "SCRIPTS", scripts)
    with pytest.raises(RuntimeError, match=r"fig_broken\.py failed(.|\n)*no data"):
        figures_hook.build_figures(tmp_path / "out", workers=2)


def test_a_file_a_script_no_longer_writes_is_removed(tmp_path, monkeypatch):
    # A figure that drops its phone twin must not leave the old twin for the pages to use.
    scripts, out = tmp_path / "scripts", tmp_path / "out"
    scripts.mkdir()
    script = scripts / "fig_pair.py"
    body = (
        '"""Writes {names}."""\n\ndef main(out_dir):\n'
        "    paths = [out_dir / n for n in {names!r}]\n"
        "    for path in paths:\n        path.write_text(path.name)\n    return paths\n"
    )
    script.write_text(body.format(names=["fig.svg", "fig-narrow.svg"]))
    (scripts / "fig_other.py").write_text(body.format(names=["other.svg"]))
    monkeypatch.setattr(figures_hook, "SCRIPTS", scripts)
    figures_hook.build_figures(out, workers=1)
    assert sorted(p.name for p in out.glob("*.svg")) == ["fig-narrow.svg", "fig.svg", "other.svg"]
    script.write_text(body.format(names=["fig.svg"]))
    assert figures_hook.build_figures(out, workers=1)["fig_other.py"] == "cached"
    assert sorted(p.name for p in out.glob("*.svg")) == ["fig.svg", "other.svg"]


def test_each_animation_has_its_display_size_beside_it(two_builds):
    first, _, _ = two_builds
    stills = sorted(first.glob("*-still.webp"))
    assert stills
    for still in stills:
        size = json.loads(still.with_name(still.name.replace("-still.webp", ".json")).read_text())
        with Image.open(still) as image:
            # Drawn at 140 dpi, laid out at 100: the page shows the raster at 1/1.4 of its size.
            assert (size["width"], size["height"]) == tuple(round(s / 1.4) for s in image.size)


def test_recorded_measurements_are_inputs_of_every_figure(tmp_path, monkeypatch):
    # fig_batch_time.py draws benchmarks/results/batch_cost.json: a new measurement redraws.
    shutil.copytree(ROOT / "benchmarks" / "results", tmp_path / "benchmarks" / "results")
    monkeypatch.setattr(figures_hook, "ROOT", tmp_path)
    recorded = tmp_path / "benchmarks" / "results" / "batch_cost.json"
    assert recorded in figures_hook.shared_inputs()
    before = figures_hook.cache_key(figures_hook.shared_inputs(), tools=figures_hook.TOOLS)
    recorded.write_text(recorded.read_text() + "\n")
    assert figures_hook.cache_key(figures_hook.shared_inputs(), tools=figures_hook.TOOLS) != before


def test_jobs_start_longest_first_unknown_ones_before_all():
    seconds = {"a.py": 1.0, "b.py": 5.0, "c.ipynb": 3.0}
    order = figures_hook.longest_first(["a.py", "b.py", "new.py", "c.ipynb"], seconds)
    assert order == [2, 1, 3, 0]


def test_jobs_submitted_out_of_order_give_results_in_job_order():
    jobs = [(abs, (-1,)), (abs, (-2,)), (abs, (-3,))]
    assert figures_hook._run_jobs(jobs, 2, [2, 0, 1]) == [1, 2, 3]


def test_the_recorded_seconds_name_real_jobs():
    recorded = figures_hook.recorded_seconds()
    scripts = {p.name for p in figures_hook.figure_scripts()}
    notebooks = {p.name for p in (ROOT / "docs").rglob("*.ipynb")}
    assert recorded, "hooks/job_seconds.json is missing: benchmarks/bench_figures.py --record"
    assert set(recorded) <= scripts | notebooks, "a recorded job that no longer exists"
    assert all(seconds > 0 for seconds in recorded.values())


def test_a_figure_script_leaves_no_bytecode_beside_it(tmp_path, monkeypatch):
    # `mkdocs serve` watches scripts/: a new __pycache__ file there would start another build.
    from _figure_run import run_script

    (tmp_path / "_helper_here.py").write_text("VALUE = 1\n")
    (tmp_path / "_late_here.py").write_text("VALUE = 2\n")
    script = tmp_path / "fig_here.py"
    script.write_text(
        "import _helper_here\n\ndef main(out_dir):\n    import _late_here\n    return []\n"
    )
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert run_script(script, tmp_path) == []
    assert not (tmp_path / "__pycache__").exists()
    assert sys.dont_write_bytecode is False, "the process's setting is restored"
