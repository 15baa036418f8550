"""The shareable HTML ranking report opens in a real (headless) browser with no network,
shows one row per candidate, and its evidence expands."""
import shutil

import pytest

from shortlist.match.rank import HybridRanker
from shortlist.match.report import to_html
from shortlist.profile.job import parse_job_text
from shortlist.profile.parse import parse_text

playwright = pytest.importorskip("playwright.sync_api", reason="pip install playwright (dev extra)")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="apt-get install chromium (used for browser tests)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

JOB = "Data Engineer\n\nRequirements\n- 3+ years of Python\n- SQL and Airflow\n"
RESUMES = {
    "ana": "Ana Silva\nana@example.com\n\nEXPERIENCE\nData Engineer, Riverbank\nJan 2018 - Present\n"
           "- Built Airflow pipelines in Python and SQL\n",
    "ben": "Ben Cho\nben@example.com\n\nEXPERIENCE\nAnalyst, Northway\nJan 2022 - Present\n- SQL reports\n",
    "eve": "Eve <script>alert(1)</script> Park\neve@example.com\n\nEXPERIENCE\nChef, Bistro\n2020 - Present\n",
}


def test_report_renders_offline_and_expands(tmp_path):
    profiles = []
    for name, text in RESUMES.items():
        p = parse_text(text, source=f"{name}.txt")
        profiles.append(p)
    job = parse_job_text(JOB)
    report = tmp_path / "report.html"
    report.write_text(to_html(job, HybridRanker().rank(job, profiles)), encoding="utf-8")
    requests = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(report.as_uri())
        rows = page.locator("xpath=//table[thead//th[.='rank']]/tbody/tr")
        assert rows.count() == 3
        assert "Ana Silva" in rows.nth(0).inner_text()
        first = page.locator("details").first
        assert not first.evaluate("d => d.open")
        first.locator("summary").click()
        assert first.evaluate("d => d.open")
        assert "Airflow" in first.inner_text()
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert dialogs == [], "a script from a resume ran"
    assert all(u.startswith("file://") for u in requests), f"the report fetched something: {requests}"
