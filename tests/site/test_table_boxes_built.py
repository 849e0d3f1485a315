"""Every table of the built site comes in the theme's scroll boxes (gd_markdown/table_boxes.py).

Read from the session's strict build (`built_site`, tests/conftest.py): no page leaves a table
without a class for the theme's script to take out and wrap at start-up; each boxed table sits
in exactly the two boxes the script would have made; and the cut theme sheet styles the boxed
tables with every rule it has for class-less ones.
"""

from __future__ import annotations

import re

from gd_markdown.table_boxes import BOXED_CLASS, BOXES_CLOSE, BOXES_OPEN, WIDENED_SELECTOR

TABLE = re.compile(r"<table\b([^>]*)>")


def pages(built_site):
    for page in built_site.pages():
        yield page.relative_to(built_site.root).as_posix(), page.read_text(encoding="utf-8")


def test_no_table_is_left_for_the_themes_script(built_site):
    boxed = {}
    for name, text in pages(built_site):
        body = text.split("<body", 1)[1]
        starts = TABLE.findall(body)
        unclassed = [attributes for attributes in starts if "class=" not in attributes]
        assert unclassed == [], f"{name}: tables the theme's script would wrap: {unclassed}"
        boxed[name] = sum(f'class="{BOXED_CLASS}"' in attributes for attributes in starts)
    # The reference pages' parameters, the comparison's opening table, the explorer's points.
    for name in ("code/reference/optimizers/index.html", "variants/comparison/index.html"):
        assert boxed[name] >= 2, f"{name}: {boxed[name]} boxed tables"
    assert sum(boxed.values()) >= 100


def test_each_boxed_table_sits_in_the_two_boxes_once(built_site):
    opening = BOXES_OPEN + f'<table class="{BOXED_CLASS}"'
    for name, text in pages(built_site):
        count = text.count(f'<table class="{BOXED_CLASS}"')
        assert text.count(opening) == count, f"{name}: a boxed table outside its boxes"
        assert text.count(BOXES_OPEN) == count, f"{name}: boxes without their table"
        assert text.count("</table>" + BOXES_CLOSE) == count, f"{name}: a box left open"


def test_the_themes_table_rules_reach_the_boxed_tables(built_site):
    (sheet,) = (built_site.root / "assets" / "stylesheets").glob("main.*.min.css")
    css = sheet.read_text(encoding="utf-8")
    assert css.count(WIDENED_SELECTOR) >= 8, "the theme's rules for tables are not widened"
    assert "table:not([class])" not in css.replace(WIDENED_SELECTOR, "")


def test_the_sites_own_table_rules_name_the_boxed_tables_too(built_site):
    # extra.css writes the widened selector by hand: a rule added for `table:not([class])` alone
    # would miss every table the build boxed.
    text = (built_site.root / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # the rules, not what comments say
    widened = re.compile(r"table:is\(:not\(\[class\]\),\s*\.gd-table\)")
    assert len(widened.findall(css)) >= 20
    assert "table:not([class])" not in widened.sub("", css)
