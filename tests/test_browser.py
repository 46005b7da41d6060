"""The browser UI and pages in headless Chromium (Debian's chromium + chromium-driver, driven by selenium).

Opens the SPARQL editor (``/sparql-editor``), runs a named query from ``/queries`` (typed into the editor when the catalogue is
not served), sees the table with links to local pages, switches to the graph view and counts the
nodes Cytoscape.js drew, loads an entity neighbourhood from ``/export/cytoscape`` into
Cytoscape.js, and opens an entity page in Arabic and in English. Screenshots are kept in
``tests/artifacts/`` (git-ignored).
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import requests

from graph_builder.namespaces import Base

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="needs Debian's chromium and chromium-driver "
                                       "(apt-get install -y chromium chromium-driver)")
ARTIFACTS = Path(__file__).parent / "artifacts"
CHE = Base().id("state", "CHE").value
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000", "--lang=en-US")
FALLBACK_QUERY = ("PREFIX mdkg: <https://w3id.org/mdkg/ontology#> "
                  "SELECT ?who ?topic WHERE { ?who mdkg:addresses ?topic } LIMIT 50")


def new_driver():
    """(headless Chromium driver, its fresh profile folder): remove the folder after ``quit()``."""
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="mdkg-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    ARTIFACTS.mkdir(exist_ok=True)
    return driver, profile


@pytest.fixture(scope="module")
def browser():
    driver, profile = new_driver()
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait(driver, condition, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(condition)


def named_query(server) -> dict | None:
    """A named query without required parameters, from the served catalogue (None: no catalogue)."""
    r = requests.get(server.url + "/queries", headers={"Accept": "application/json"}, timeout=30)
    if r.status_code == 404:
        return None
    r.raise_for_status()
    for query in r.json()["queries"]:
        if all(p["optional"] for p in query["params"]) and "?" in query["text"]:
            return query
    raise AssertionError("the catalogue has no query without required parameters")


def test_query_table_graph_and_pages(browser, built_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(built_server.url + "/sparql-editor")
    wait(browser, lambda d: d.execute_script("return !!window.mdkgYasgui"))
    query = named_query(built_server)
    if query is not None:
        wait(browser, lambda d: d.execute_script(
            "return !document.getElementById('mdkg-examples').disabled"))
        Select(browser.find_element(By.ID, "mdkg-examples")).select_by_value(query["name"])
        browser.find_element(By.ID, "mdkg-run-example").click()
        wait(browser, lambda d: d.execute_script(
            "return window.mdkgYasgui.getTab().getYasqe().getValue()") == query["text"])
    else:  # the named-query catalogue is another blueprint; the UI works without it
        browser.execute_script("const t = window.mdkgYasgui.getTab(); t.setQuery(arguments[0]); t.query();",
                               FALLBACK_QUERY)
    rows = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr"), 60)
    assert rows
    browser.save_screenshot(str(ARTIFACTS / "ui-table.png"))
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".yasr table a")]
    assert any("/page/" in h for h in hrefs if h), hrefs[:5]  # IRIs link to their local pages
    assert not any(h.startswith(Base().iri) for h in hrefs if h)

    browser.find_element(By.ID, "mdkg-view-graph").click()
    count = wait(browser, lambda d: d.execute_script("return window.mdkgCy && window.mdkgCy.nodes().length"))
    assert count > 0
    assert browser.find_element(By.ID, "mdkg-graph").is_displayed()
    browser.save_screenshot(str(ARTIFACTS / "ui-graph.png"))

    # the server's Cytoscape JSON for a neighbourhood loads in Cytoscape.js as it is
    served = requests.get(built_server.url + "/export/cytoscape", params={"entity": CHE, "depth": 1},
                          timeout=60).json()["elements"]
    box = browser.find_element(By.ID, "mdkg-entity")
    box.clear()
    box.send_keys(CHE)
    browser.find_element(By.CSS_SELECTOR, "#mdkg-neighbourhood button[type=submit]").click()
    wait(browser, lambda d: d.execute_script(
        "return window.mdkgCy && window.mdkgCy.getElementById(arguments[0]).length === 1 && "
        "window.mdkgCy.nodes().length === arguments[1]", CHE, len(served["nodes"])))
    assert browser.execute_script("return window.mdkgCy.edges().length") == len(served["edges"])
    assert browser.execute_script("return window.mdkgCy.getElementById(arguments[0]).data('label_ar')",
                                  CHE) == "سويسرا"
    browser.save_screenshot(str(ARTIFACTS / "ui-neighbourhood.png"))
    errors = [e for e in browser.get_log("browser")
              if e["level"] == "SEVERE" and "/queries" not in e["message"] and "favicon" not in e["message"]]
    assert not errors, errors


@pytest.mark.parametrize("lang, direction, heading", [("ar", "rtl", "سويسرا"), ("en", "ltr", "Switzerland")])
def test_entity_page_in_both_languages(browser, built_server, lang, direction, heading):
    from selenium.webdriver.common.by import By

    browser.get(f"{built_server.url}/id/state/CHE?lang={lang}")  # 303 to the page
    assert browser.current_url.endswith(f"/page/state/CHE?lang={lang}")
    assert browser.execute_script("return document.documentElement.dir") == direction
    assert browser.execute_script("return document.documentElement.lang") == lang
    assert browser.find_element(By.TAG_NAME, "h1").text == heading
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.focus")
    assert marks and all(m.text == "سويسرا" or "سويسر" in m.text for m in marks[:5])
    assert browser.execute_script(
        "return getComputedStyle(document.querySelector('blockquote.passage')).direction") == "rtl"
    browser.save_screenshot(str(ARTIFACTS / f"page-CHE-{lang}.png"))
    browser.execute_script("document.getElementById('evidence').scrollIntoView()")
    browser.save_screenshot(str(ARTIFACTS / f"page-CHE-{lang}-evidence.png"))
    browser.find_element(By.CSS_SELECTOR, "a.lang-switch").click()
    other = "en" if lang == "ar" else "ar"
    assert browser.execute_script("return document.documentElement.lang") == other


HOSTILE = ["javascript:window.__xss=1", "http://example.org/x'onmouseover='window.__xss=2'x='",
           "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9Mzwvc2NyaXB0Pg=="]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    import pyoxigraph as ox
    from graph_builder.build import store as store_mod
    from serverutil import start_server
    root = tmp_path_factory.mktemp("hostile-ui")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    with store_mod.staged_build(root / "store") as (st, _):
        st.extend([ox.Quad(ox.NamedNode(iri), label, ox.Literal(f"hostile {i}"), ox.NamedNode("http://example.org/g"))
                    for i, iri in enumerate(HOSTILE)])
    server = start_server(root / "store", root / "server.log", workers=1, QUERY_PROCESSES=1)
    yield server
    server.stop()


def test_results_table_escapes_iris_and_links_only_http(browser, hostile_server):
    """IRIs holding quotes stay inside their href, a javascript: IRI is text, not a link, and
    moving the mouse over every link runs nothing (on the base the table wrote href='…' as is)."""
    from selenium.webdriver.common.by import By
    browser.get(hostile_server.url + "/sparql-editor")
    wait(browser, lambda d: d.execute_script("return !!window.mdkgYasgui"))
    browser.execute_script("const t = window.mdkgYasgui.getTab(); t.setQuery(arguments[0]); t.query();",
                           "SELECT ?s ?label WHERE { ?s ?p ?label } ORDER BY ?label")
    rows = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr"), 60)
    assert len(rows) == len(HOSTILE)
    browser.execute_script("""for (const el of document.querySelectorAll('.yasr table *')) {
        for (const type of ['mouseover', 'mouseenter', 'focus']) el.dispatchEvent(new Event(type)); }""")
    assert browser.execute_script("return window.__xss === undefined")
    assert browser.execute_script("return document.querySelectorAll('.yasr table [onmouseover]').length") == 0
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".yasr table a")]
    assert hrefs == [HOSTILE[1]], hrefs  # the quote stayed inside the href; only the http IRI links
    table = browser.find_element(By.CSS_SELECTOR, ".yasr table").text
    assert HOSTILE[0] in table and HOSTILE[2] in table
    browser.save_screenshot(str(ARTIFACTS / "ui-hostile-iris.png"))
