"""HTML export: self-contained, escaped, and working in real headless Chromium."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from kg.html import PHYSICS_NODE_LIMIT, render_html, write_html
from kg.network import authority_weakness_view

HOSTILE = '</script><img src=x onerror="window.__pwned=1">'
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]  # fmt: skip


def _row(fid, gss, authority, weaknesses, sentence, grade="inadequate", start=date(2015, 3, 2)):
    return {
        "finding": f"https://w3id.org/ofsted-kg/id/inspection/{gss}/{start}/finding/{fid}", "file": f"{gss}.pdf",
        "authority": authority, "gss_code": gss, "region": "London", "framework": "sif", "inspection": "i",
        "inspection_start": start, "overall_grade": grade, "section": None, "polarity": "weakness",
        "themes": "", "service_areas": "", "partners": "", "weaknesses": weaknesses, "sentence": sentence,
        "page": 7, "start": 0, "end": 1,
    }  # fmt: skip


HOSTILE_ROWS = [
    _row("h1", "E09000032", "Wandsworth", "police-only-strategy-discussions", f"Strategy discussions {HOSTILE}"),
    _row("h2", "E09000002", "Barking and Dagenham", "police-only-strategy-discussions poor-supervision",
         "Supervision is infrequent & not <b>recorded</b>.", grade="requires-improvement"),
]  # fmt: skip


def test_write_html_escapes_report_text_and_links_nothing(tmp_path):
    html = write_html(authority_weakness_view(HOSTILE_ROWS), tmp_path / "g.html").read_text(encoding="utf-8")
    assert HOSTILE not in html
    assert "<img" not in html
    assert "<b>recorded" not in html
    assert "\\u003c/script\\u003e\\u003cimg src=x onerror=" in html
    assert re.findall(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=", html) == []
    assert "@import" not in html


def test_render_html_turns_physics_off_for_large_views():
    big = nx.Graph(view="themes")
    big.add_nodes_from((f"theme:t{i}", {"kind": "theme", "label": f"T{i}", "weight": 1}) for i in range(400))
    big.add_edges_from((f"theme:t{i}", f"theme:t{i + 1}", {"weight": 1}) for i in range(399))
    assert PHYSICS_NODE_LIMIT < 400
    assert '"enabled": false' in render_html(big)


# --- real browser -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} not found (apt-get install -y --no-install-recommends chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="python playwright is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


def open_page(browser, html_path: Path):
    """The page loaded and drawn; the lists collect console errors and every request made."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html_path.as_uri())
    page.wait_for_function("window.kgReady === true", timeout=30_000)
    return page, errors, requests


def canvas_ink(page) -> int:
    """Pixels of the network canvas that are not blank."""
    return page.evaluate(
        """() => { const c = document.querySelector('#network canvas');
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""
    )


def click_node(page, node_id: str) -> None:
    """Click the node where it is drawn, as a person would."""
    x, y = page.evaluate(
        """(id) => { const p = network.canvasToDOM(network.getPositions([id])[id]);
                     const r = document.querySelector('#network').getBoundingClientRect();
                     return [r.left + p.x, r.top + p.y]; }""",
        node_id,
    )
    page.mouse.click(x, y)


@pytest.mark.browser
def test_html_hostile_sentence_shows_as_text_and_runs_nothing(browser, tmp_path):
    path = write_html(authority_weakness_view(HOSTILE_ROWS), tmp_path / "hostile.html", title=f"Title {HOSTILE}")
    page, errors, requests = open_page(browser, path)
    click_node(page, "authority:E09000032")
    assert page.inner_text("#detail-title") == "Wandsworth"
    assert page.inner_text("#evidence .sentence") == f"Strategy discussions {HOSTILE}"
    assert page.inner_text("#evidence .source") == "Wandsworth · 2015 · p. 7 (E09000032.pdf)"
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.title() == f"Title {HOSTILE}"
    assert errors == []
    assert requests == [path.as_uri()]
    page.close()


@pytest.mark.browser
def test_html_filter_menu_hides_nodes(browser, tmp_path):
    path = write_html(authority_weakness_view(HOSTILE_ROWS), tmp_path / "filters.html")
    page, errors, _ = open_page(browser, path)
    page.click("#filters summary")
    page.uncheck("input[name=kind][value=weakness]")
    assert page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()") == [
        "authority:E09000002",
        "authority:E09000032",
    ]
    assert page.inner_text("#stats") == "2 of 4 nodes shown"
    page.click("#reset-filters")
    assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") == 4
    assert errors == []
    page.close()


@pytest.mark.browser
def test_html_seed_authority_weakness_view_renders_and_searches(browser, seed_store, tmp_path):
    from kg.network import ViewFilter, build_view

    graph = build_view(seed_store, "authority-weakness", ViewFilter())
    path = write_html(graph, tmp_path / "seeds.html", title="Authorities and recurring weaknesses")
    page, errors, requests = open_page(browser, path)
    assert page.evaluate("nodes.length") == graph.number_of_nodes()
    assert page.evaluate("edges.length") == graph.number_of_edges()
    labels = set(page.evaluate("nodes.get({filter: n => n.kind === 'authority'}).map(n => n.label)"))
    assert {"Wandsworth", "Barking and Dagenham", "Waltham Forest", "South Gloucestershire"} <= labels
    assert canvas_ink(page) > 10_000
    page.fill("#search", "wandsworth")
    page.press("#search", "Enter")
    selected = page.evaluate("network.getSelectedNodes()")
    assert [page.evaluate("(id) => nodes.get(id).label", n) for n in selected] == ["Wandsworth"]
    assert page.inner_text("#detail-title") == "Wandsworth"
    assert page.locator("#evidence li").count() >= 1
    # each sentence says where it is; the seeds are text conversions that state no page, and the page says so
    sources = page.locator("#evidence .source").all_inner_texts()
    assert "Wandsworth · undated · page not stated (000_f87a246b47a8ad74.txt)" in sources
    page.evaluate("network.fit()")
    page.screenshot(path=str(tmp_path / "seeds.png"))
    shutil.copy(tmp_path / "seeds.png", Path("/tmp/kg-html-seeds.png"))  # for a person to look at
    assert errors == []
    assert requests == [path.as_uri()]
    page.close()
