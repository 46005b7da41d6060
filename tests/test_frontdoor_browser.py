"""The researcher's front door in headless Chromium (Debian's chromium + chromium-driver, via selenium).

Opens ``/`` in Arabic and in English, searches an Arabic word and an English one, opens a browse
list, clicks a cell of the process × topic matrix and reaches the evidence paragraph, opens the
timeline and the map and counts the marks drawn against the pictures' data downloads. Also:
every control of each page is reached with the Tab key, the text of each page has a contrast of
at least 4.5:1 against its background (computed from the computed styles), and ``/`` weighs under
300 KB on a first load (the browser's resource timing). Screenshots go to ``tests/artifacts/``.
"""
from __future__ import annotations

import csv
import io
import shutil
from urllib.parse import parse_qs, urlparse

import pytest
import requests

from test_browser import ARTIFACTS, CHROMEDRIVER, CHROMIUM, browser, new_driver, wait  # noqa: F401 (fixture)

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="needs Debian's chromium and chromium-driver")

CONTRAST_JS = """
function lum(c) { const v = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(x => x / 255)
  .map(x => x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
function alpha(c) { const m = c.match(/[\\d.]+/g); return m.length > 3 ? Number(m[3]) : 1; }
function bg(el) { for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
  if (alpha(c) > 0.5) return c; } return "rgb(255, 255, 255)"; }
const bad = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let checked = 0;
while (walker.nextNode()) {
  const node = walker.currentNode, el = node.parentElement;
  if (!node.textContent.trim() || !el || el.closest("svg")) continue;
  const r = el.getBoundingClientRect(), st = getComputedStyle(el);
  if (r.width === 0 || r.height === 0 || st.visibility === "hidden" || el.closest(".visually-hidden, .skip")) continue;
  const a = lum(st.color), b = lum(bg(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  checked++;
  if (ratio < 4.5) bad.push([el.tagName, node.textContent.trim().slice(0, 30), st.color, bg(el), ratio.toFixed(2)]);
}
return [checked, bad.slice(0, 10)];
"""

CONTROLS_JS = """
return [...document.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea')]
  .filter(e => { const r = e.getBoundingClientRect(); return (r.width > 0 && r.height > 0) || e.classList.contains('skip'); })
  .map((e, i) => { e.dataset.kbd = String(i); return String(i); });
"""


def shot(driver, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / f"front-{name}.png"))


def csv_rows(server, name: str) -> list[dict]:
    r = requests.get(f"{server.url}/queries/{name}?format=csv", timeout=60)
    r.raise_for_status()
    return list(csv.DictReader(io.StringIO(r.content.decode("utf-8"))))


def drawn(driver):
    wait(driver, lambda d: d.execute_script(
        "const f = document.getElementById('picture'); return f.dataset.drawn === 'true' || f.dataset.error"), 60)
    assert browser_error(driver) is None, browser_error(driver)


def open_picture(driver, server, slug: str, lang: str, query: str) -> list[dict]:
    """Open a picture page, wait for its drawing, and return the rows of its query's CSV download."""
    driver.get(f"{server.url}/pictures/{slug}?lang={lang}")
    drawn(driver)
    return csv_rows(server, query)


def browser_error(driver):
    return driver.execute_script("return document.getElementById('picture').dataset.error || null")


def test_home_search_and_browse(browser, built_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    for lang, direction, word in (("ar", "rtl", "التحويلات"), ("en", "ltr", "remittances")):
        browser.get(f"{built_server.url}/?lang={lang}")
        assert browser.execute_script("return [document.documentElement.lang, document.documentElement.dir]") \
            == [lang, direction]
        assert browser.execute_script("return getComputedStyle(document.body).direction") == direction
        shot(browser, f"home-{lang}")
        box = browser.find_element(By.ID, "home-q")
        box.send_keys(word, Keys.ENTER)
        wait(browser, lambda d: "/search" in d.current_url)
        assert parse_qs(urlparse(browser.current_url).query)["q"] == [word]
        assert browser.execute_script("return document.documentElement.lang") == lang
        entities = browser.find_elements(By.CSS_SELECTOR, "main ul li a[href^='/page/topic/remittances']")
        assert entities, f"{word} finds the topic"
        if lang == "ar":  # an Arabic word finds paragraphs, each naming its document and paragraph
            hits = browser.find_elements(By.CSS_SELECTOR, "section.hit")
            assert hits
            assert hits[0].find_element(By.CSS_SELECTOR, "a.doc").text
            assert "الفقرة" in hits[0].find_element(By.CSS_SELECTOR, "cite").text
            assert hits[0].find_elements(By.CSS_SELECTOR, "mark")
        shot(browser, f"search-{lang}")

    browser.get(f"{built_server.url}/?lang=en")
    browser.find_element(By.CSS_SELECTOR, "a[href='/browse/states?lang=en']").click()
    rows = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#entities tbody tr"))
    expected = requests.get(f"{built_server.url}/browse/states.json", timeout=60).json()["total"]
    assert len(rows) == expected
    shot(browser, "browse-states")
    first = rows[0].find_element(By.CSS_SELECTOR, "td a")
    name = first.text
    first.click()
    wait(browser, lambda d: "/page/state/" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    assert browser.find_elements(By.CSS_SELECTOR, "p.cite cite")  # citable evidence on the entity page
    assert browser.find_element(By.CSS_SELECTOR, ".network-link a").get_attribute("href").count("/sparql-editor?entity=")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_matrix_cell_leads_to_the_evidence_paragraph(browser, built_server, lang):
    from selenium.webdriver.common.by import By
    data = open_picture(browser, built_server, "matrix", lang, "process-topic-matrix")
    cells = browser.execute_script(
        "return [...document.querySelectorAll('#picture a.cell')].map(a => [a.dataset.process, a.dataset.topic, "
        "a.dataset.count, a.querySelector('text').textContent])")
    assert sorted((p, t, int(n)) for p, t, n, _ in cells) == \
        sorted((r["process"], r["topic"], int(r["paragraphs"])) for r in data)  # the picture's numbers = its data
    assert all(n == shown for _, _, n, shown in cells)
    shot(browser, f"matrix-{lang}")
    assert not browser.find_element(By.ID, "download-svg").get_attribute("disabled")
    if lang == "en":  # the drawing downloads as SVG and PNG (the saved blobs are read back)
        browser.execute_script(  # keep the blobs handed to the download links (CSP forbids fetching them back)
            "window.saved = []; const make = URL.createObjectURL; HTMLAnchorElement.prototype.click = () => {};"
            "URL.createObjectURL = b => { b.slice(0, 200).text().then(head => window.saved.push("
            "[b.type, b.size, head])); return make(b); };")
        browser.find_element(By.ID, "download-svg").click()
        browser.find_element(By.ID, "download-png").click()
        saved = wait(browser, lambda d: len(d.execute_script("return window.saved")) == 2
                     and d.execute_script("return window.saved"))
        by_type = {kind: (size, head) for kind, size, head in saved}
        size, head = by_type["image/svg+xml"]
        assert "<svg" in head and size > 5000
        size, head = by_type["image/png"]
        assert head[1:4] == "PNG" and size > 5000
    cell = browser.find_elements(By.CSS_SELECTOR, "#picture a.cell text")[0]
    count = int(browser.find_elements(By.CSS_SELECTOR, "#picture a.cell")[0].get_attribute("data-count"))
    cell.click()
    wait(browser, lambda d: "/evidence?" in d.current_url)
    items = browser.find_elements(By.CSS_SELECTOR, "ol.evidence-list > li")
    assert len(items) == count
    shot(browser, f"evidence-{lang}")
    citation = items[0].find_element(By.CSS_SELECTOR, "cite").text
    assert citation
    items[0].find_element(By.CSS_SELECTOR, "p.cite a[href^='/page/document/']").click()
    wait(browser, lambda d: "/page/document/" in d.current_url)
    assert browser.find_element(By.CSS_SELECTOR, "section.text blockquote, section.text p.passage").text
    shot(browser, f"paragraph-{lang}")


def test_timeline_and_map_draw_the_meetings(browser, built_server):
    meetings = open_picture(browser, built_server, "timeline", "en", "meeting-timeline")
    marks = browser.execute_script("return [...document.querySelectorAll('#picture a.mark')].map(a => a.dataset.iri)")
    assert meetings and sorted(marks) == sorted(r["meeting"] for r in meetings)
    shot(browser, "timeline-en")
    browser.get(f"{built_server.url}/pictures/timeline?lang=ar")
    drawn(browser)
    shot(browser, "timeline-ar")

    places = open_picture(browser, built_server, "map", "ar", "meeting-places")
    marks = browser.execute_script(
        "return [...document.querySelectorAll('#picture a.mark')].map(a => [a.dataset.iri, a.dataset.count, "
        "a.querySelector('circle').getAttribute('cx')])")
    assert places and sorted((iri, int(n)) for iri, n, _ in marks) == \
        sorted((r["place"], int(r["meetings"])) for r in places)
    assert all(float(cx) > 0 for _, _, cx in marks)
    states = {r["state"]: int(r["paragraphs"]) for r in csv_rows(built_server, "state-involvement")}
    shaded = browser.execute_script(
        "return [...document.querySelectorAll('#picture a.state')].map(a => [a.dataset.iri, a.dataset.count])")
    assert len(shaded) >= len(states) * 0.8  # small states are not on a 1:110m map
    assert all(states[iri] == int(n) for iri, n in shaded)
    shot(browser, "map-ar")


PAGES = ["/?lang=ar", "/?lang=en", "/browse/processes?lang=ar", "/search?q=الهجرة&format=html&lang=ar",
         "/pictures/matrix?lang=en", "/queries?format=html&lang=en", "/page/process/gfmd?lang=ar"]


@pytest.mark.parametrize("path", PAGES)
def test_keyboard_and_contrast(browser, built_server, path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    browser.get(built_server.url + path)
    if "/pictures/" in path:
        drawn(browser)
    assert browser.execute_script("return document.documentElement.lang") in ("ar", "en")
    assert browser.execute_script("return document.documentElement.dir") in ("rtl", "ltr")
    controls = set(browser.execute_script(CONTROLS_JS))
    assert controls
    browser.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    reached = set()
    for _ in range(len(controls) + 40):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        key = browser.execute_script("return document.activeElement && document.activeElement.dataset "
                                     "? document.activeElement.dataset.kbd || null : null")
        if key is not None:
            reached.add(key)
        if reached >= controls:
            break
    missing = controls - reached
    assert not missing, browser.execute_script(
        "return arguments[0].map(k => document.querySelector(`[data-kbd='${k}']`).outerHTML.slice(0, 120))",
        sorted(missing)[:5])
    checked, bad = browser.execute_script(CONTRAST_JS)
    assert checked > 5 and not bad, bad


def test_home_weighs_under_300_kb_on_first_load(built_server):
    driver, profile = new_driver()  # a fresh profile: nothing cached
    try:
        driver.get(built_server.url + "/?lang=ar")
        total, entries = driver.execute_script(
            "const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];"
            "return [all.reduce((s, e) => s + (e.transferSize || e.encodedBodySize || 0), 0),"
            " all.map(e => [e.name, e.transferSize])];")
        assert len(entries) >= 2  # the page and its stylesheet, fetched (first load: empty profile)
        assert all(urlparse(name).netloc == urlparse(built_server.url).netloc for name, _ in entries)  # no CDN
        assert 0 < total < 300_000, (total, entries)
        print(f"/ first load: {total} bytes in {len(entries)} requests")
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
