"""Links: every internal link, image, script, stylesheet and anchor of the built site resolves.

The site is crawled over HTTP under its sub-path, from every built page (404 page included, as
GitHub Pages serves it at any depth), so a link that only works at the server root fails here.
"""

import xml.etree.ElementTree as ET

from crawl import SiteCrawler, configured_site_url

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def page_urls(built_site, site_url) -> list[str]:
    urls = []
    for page in [*built_site.pages(), built_site.root / "404.html"]:
        relative = page.relative_to(built_site.root).as_posix()
        urls.append(site_url + relative.removesuffix("index.html"))
    return urls


def test_site_url_keeps_the_sub_path(built_site):
    assert configured_site_url(built_site).endswith("/gradient-descent/")


def test_every_internal_reference_resolves(built_site, site_url):
    crawler = SiteCrawler(site_url, configured_site_url(built_site))
    seeds = page_urls(built_site, site_url)
    problems = crawler.crawl(seeds)
    assert problems == [], "broken internal references:\n" + "\n".join(sorted(set(problems)))
    # The crawl really walked the site: every built page and its assets were fetched.
    fetched = {url for url, r in crawler.resources.items() if r.status == 200}
    assert set(seeds) <= fetched
    assert any(url.endswith(".css") for url in fetched)
    assert any(url.endswith(".js") for url in fetched)


def test_sitemap_lists_every_page_at_its_published_address(built_site, site_url):
    configured = configured_site_url(built_site)
    tree = ET.parse(built_site.root / "sitemap.xml")
    locations = [loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)]
    assert all(loc.startswith(configured) for loc in locations), locations
    expected = {url.removeprefix(site_url) for url in page_urls(built_site, site_url)}
    expected.discard("404.html")
    assert {loc.removeprefix(configured) for loc in locations} == expected
