"""Reproducible: a clean build, from the checkout's files only, is byte-identical to the session's.

The clean build runs in a temporary copy of the files git would commit (tracked, plus untracked
but not ignored, so work in progress counts too), with nothing generated and no cache: every
figure is redrawn and every notebook executed. Only js/node_modules is shared, as an installed
dependency: hard-linked rather than symlinked, because esbuild resolves symlinks and hashes the
resolved paths into its chunk names. The session build reuses the checkout's caches
(docs/generated, .cache), so a stale cache that changed the output fails here too.
"""

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bench_site import copy_checkout
from crawl import configured_site_url

ROOT = Path(__file__).resolve().parents[2]
# Files MkDocs itself stamps with the build date (<lastmod>), compared without their dates.
STAMPED = {"sitemap.xml", "sitemap.xml.gz"}
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def clean_build(tmp: Path, site_url: str) -> Path:
    source, site = tmp / "src", tmp / "www" / "gradient-descent"
    copy_checkout(source)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=source,
        env={**os.environ, "SITE_URL": site_url},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"clean build failed:\n{result.stdout}{result.stderr}"
    return site


def content(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name not in STAMPED:
        return data
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return LASTMOD.sub(b"<lastmod/>", data)


def tree(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def clean_site(built_site, tmp_path_factory) -> Path:
    return clean_build(tmp_path_factory.mktemp("clean"), configured_site_url(built_site))


def test_clean_build_has_the_same_files(built_site, clean_site):
    session, clean = tree(built_site.root), tree(clean_site)
    assert len(session) > 20
    only_in_one = sorted(set(session) ^ set(clean))
    assert only_in_one == [], "\n".join(only_in_one)
    assert set(session) >= STAMPED, "the stamped files named above no longer exist"


def test_clean_build_is_byte_identical_apart_from_build_dates(built_site, clean_site):
    session, clean = tree(built_site.root), tree(clean_site)
    differing = [
        name
        for name in sorted(set(session) & set(clean))
        if content(session[name]) != content(clean[name])
    ]
    assert differing == [], "differ:\n" + "\n".join(differing)
