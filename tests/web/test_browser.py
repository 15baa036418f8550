"""End to end in a real browser: Debian's Chromium driven by Playwright against a loopback server."""
import shutil
import socket
import threading
import time

import pytest

playwright = pytest.importorskip("playwright.sync_api", reason="pip install playwright (dev extra)")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="apt-get install chromium (used for browser tests)")

JOB = """Senior Backend Engineer

Requirements
- 5+ years of experience building backend services
- Python and PostgreSQL
- Kubernetes
"""

STRONG = """Priya Raman
priya.raman@example.com | +1 206 555 0187 | Seattle, WA

EXPERIENCE
Senior Backend Engineer, Cascade Freight
Mar 2016 - Present
- Python services on PostgreSQL, deployed on Kubernetes

EDUCATION
B.S. Computer Science, University of Washington, 2015
"""

WEAK = """Tom Becker
tom.becker@example.com

EXPERIENCE
Barista, Corner Coffee
Jun 2021 - Present
- Served customers

EDUCATION
High School Diploma, Lincoln High School, 2020
"""

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from shortlist.api.app import create_app
    from shortlist.store.auth import add_user

    tmp = tmp_path_factory.mktemp("web")
    app = create_app(f"sqlite:///{tmp / 'db.sqlite'}", tmp / "data", background=True)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    with app.state.ws.db.session() as s:
        add_user(s, "rec@example.com", "password123", "recruiter")
    (tmp / "priya.txt").write_text(STRONG)
    (tmp / "tom.txt").write_text(WEAK)
    yield f"http://127.0.0.1:{port}", tmp
    srv.should_exit = True
    t.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_recruiter_flow(server, browser):
    base, tmp = server
    page = browser.new_page()
    page.set_default_timeout(30000)
    page.goto(base + "/")
    assert page.url.endswith("/login")
    page.fill("#email", "rec@example.com")
    page.fill("#password", "password123")
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")

    page.fill("#jobtext", JOB)
    page.click("#newjob button[type=submit]")
    page.wait_for_url("**/jobs/*")
    assert "Senior Backend Engineer" in page.inner_text("h1")

    page.set_input_files("#files", [str(tmp / "priya.txt"), str(tmp / "tom.txt")])
    page.wait_for_selector("#shortlist tbody tr[data-candidate] >> nth=1")
    rows = page.locator("#shortlist tbody tr[data-candidate]")
    assert rows.count() == 2
    assert "Priya Raman" in rows.nth(0).inner_text()
    assert "Scores are advice" in page.inner_text(".advice")

    page.check("#blind")
    page.wait_for_function("!document.querySelector('#shortlist').innerText.includes('Priya')")
    page.uncheck("#blind")
    page.wait_for_selector("#shortlist >> text=Priya Raman")

    page.click("#shortlist >> text=Priya Raman")
    page.wait_for_url("**/candidates/*")
    assert page.locator("#verdicts tbody tr").count() >= 1
    assert page.locator("#text mark").count() >= 1  # evidence highlighted in the extracted text
    page.click("#advance")
    page.wait_for_function("document.getElementById('stage').textContent === 'screened'")
    page.fill("#note", "Strong PostgreSQL answers")
    page.click("#addnote")
    page.wait_for_selector("#notes >> text=Strong PostgreSQL answers")
    page.click("summary >> text=Self-reported categories")
    page.fill("#sex", "Female")
    page.click("#savedemo")
    page.wait_for_selector("#demomsg >> text=saved")
    page.screenshot(path=str(tmp / "candidate.png"), full_page=True)

    # interview: prepare a plan, record an answer, build the scorecard
    page.click("#interview-link")
    page.wait_for_url("**/interview")
    page.click("#prepare")
    page.wait_for_selector(".question")
    assert page.locator("#forecast tbody tr").count() >= 1
    first = page.locator(".question").first
    first.locator(".answer").fill("We indexed the hot columns, read EXPLAIN plans and moved reports to a replica.")
    first.locator(".score").fill("4")
    first.locator(".save").click()
    first.locator(".result >> text=saved").wait_for()
    page.click("#card")
    page.wait_for_selector("#recommendation")
    assert "final" in page.inner_text("#recommendation")
    page.screenshot(path=str(tmp / "interview.png"), full_page=True)

    # the analytics dashboard: funnel, supply-demand and trend charts, each with its table
    page.click("header >> text=Analytics")
    page.wait_for_url("**/analytics")
    for chart in ("#funnel-chart", "#supply-chart", "#trend-chart"):
        page.wait_for_function(f"document.querySelector('{chart}').complete && "
                               f"document.querySelector('{chart}').naturalWidth > 0")
    assert page.locator("#funnel tbody tr").count() >= 2
    assert page.locator("a >> text=Download the table (CSV)").count() == 3
    page.screenshot(path=str(tmp / "dashboard.png"), full_page=True)
    page.close()
