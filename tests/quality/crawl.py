"""Crawl the served site over HTTP and list every broken internal reference.

Starting from given pages, it fetches each internal URL once, follows the links of HTML pages,
reads `url(...)` in stylesheets, and checks that every fragment names an id on its target page.
A fragment made of `key=value` pairs (`#s=bowl&lr=1.5`) is a page's own state, read by its
script (the 3D explorer's shareable runs), not an anchor, so it is not looked up as an id.
Absolute links to the configured `site_url` (canonical links, the sitemap) are mapped onto the
local server, so they are checked too. Hosts other than the local one are never fetched.

Why hand-written: the three rules that make this site's links checkable (state fragments are
not anchors, the canonical site_url maps onto the local server, stylesheets' url(...) count) and
the no-network rule are each a few lines here, with the standard library only; a general link
checker would need them as configuration, and has not been measured against this one.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin, urlparse

# Attributes that make the browser (or a reader's click) fetch another resource.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")
STATE_FRAGMENT = re.compile(r"^[\w.-]+=[^&]*(&[\w.-]+=[^&]*)*$")
FONT_SOURCES = re.compile(r"\bsrc\s*:([^;}]+)")


def stylesheet_urls(css: str) -> list[str]:
    """URLs a browser may fetch for a stylesheet.

    An @font-face `src` lists alternatives in order of preference and browsers fetch the first
    format they support (woff2 everywhere today), so only the first one of each list counts.
    """
    fallbacks = [url for src in FONT_SOURCES.findall(css) for url in CSS_URL.findall(src)[1:]]
    urls = CSS_URL.findall(css)
    for fallback in fallbacks:
        urls.remove(fallback)
    return urls


class _PageParser(HTMLParser):
    """Collect the ids of a page and the (tag, attribute, value) of each reference it makes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        # Old-style `<a name>` anchors are link targets too.
        for name in ("id", "name") if tag == "a" else ("id",):
            if name in values:
                self.ids.add(values[name])
        for name in URL_ATTRIBUTES.get(tag, ()):
            if name not in values:
                continue
            if name == "srcset":
                candidates = [c.strip().split()[0] for c in values[name].split(",") if c.strip()]
                self.references += [(tag, name, c) for c in candidates]
            else:
                self.references.append((tag, name, values[name].strip()))


@dataclass
class Resource:
    """One fetched URL: its HTTP status and, for pages, its ids and references."""

    status: int
    ids: set[str] = field(default_factory=set)
    references: list[tuple[str, str, str]] = field(default_factory=list)
    is_html: bool = False


def fetch(url: str) -> Resource:
    """Fetch `url` and parse it when it is HTML or CSS."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            kind = response.headers.get_content_type()
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        return Resource(error.code)
    if kind == "text/html":
        parser = _PageParser()
        parser.feed(body.decode("utf-8", "replace"))
        return Resource(status, parser.ids, parser.references, is_html=True)
    if kind == "text/css":
        found = stylesheet_urls(body.decode("utf-8", "replace"))
        return Resource(status, references=[("css", "url", u) for u in found])
    return Resource(status)


def configured_site_url(built_site) -> str:
    """The `site_url` the build was made for, read from the home page's canonical link."""
    html = (built_site.root / "index.html").read_text()
    match = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert match, "the home page has no canonical link: is site_url set in mkdocs.yml?"
    return match.group(1)


class SiteCrawler:
    """Crawl pages served at `base_url`, which a build configured as `configured_url`."""

    def __init__(self, base_url: str, configured_url: str) -> None:
        self.base_url = base_url
        self.configured_url = configured_url
        self.origin = "{0.scheme}://{0.netloc}".format(urlparse(base_url))
        self.resources: dict[str, Resource] = {}
        self.problems: list[str] = []

    def local(self, url: str) -> str | None:
        """Map an absolute URL onto the local server, or None when it is on another host."""
        if url.startswith(self.configured_url):
            return self.base_url + url[len(self.configured_url) :]
        return url if url.startswith(self.origin + "/") else None

    def get(self, url: str) -> Resource:
        """Fetch a URL once; later calls reuse the result."""
        if url not in self.resources:
            self.resources[url] = fetch(url)
        return self.resources[url]

    def crawl(self, seeds: list[str]) -> list[str]:
        """Check every reference reachable from `seeds`; return the problems found."""
        queue = list(seeds)
        checked: set[str] = set()
        while queue:
            page_url = queue.pop()
            if page_url in checked:
                continue
            checked.add(page_url)
            resource = self.get(page_url)
            if resource.status != 200:
                self.problems.append(f"{page_url}: HTTP {resource.status}")
                continue
            for tag, attribute, value in resource.references:
                target = self._check_reference(page_url, tag, attribute, value)
                if target and target not in checked and self.get(target).status == 200:
                    is_followed = self.get(target).is_html or target.endswith(".css")
                    if is_followed:
                        queue.append(target)
        return self.problems

    def _check_reference(self, page_url: str, tag: str, attribute: str, value: str) -> str | None:
        """Check one reference; return its local URL without fragment when it has one."""
        scheme = urlparse(value).scheme
        if scheme in ("data", "mailto", "tel", "javascript", "blob"):
            return None
        absolute, fragment = urldefrag(urljoin(page_url, value))
        target = self.local(absolute)
        if target is None:
            return None
        where = f"{page_url.removeprefix(self.base_url) or '/'}: <{tag} {attribute}={value!r}>"
        resource = self.get(target)
        if resource.status != 200:
            self.problems.append(f"{where} -> HTTP {resource.status}")
        elif (
            fragment
            and resource.is_html
            and unquote(fragment) not in resource.ids
            and not STATE_FRAGMENT.match(fragment)
        ):
            self.problems.append(f"{where} -> no element with id {unquote(fragment)!r}")
        return target
