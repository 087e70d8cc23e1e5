#!/usr/bin/env python3
"""The HTML audit report in a real browser (headless Chromium through Selenium).

For the broken examples and a generated organization with faults, in English and Vietnamese,
builds `orggraph report` and checks that the page:
  - logs no console error;
  - shows as many findings as `orggraph validate --format json` gives;
  - keeps exactly a rule's findings when its id is typed in the filter;
  - shows exactly a node's findings when the node is clicked in a chart (and when it is
    chosen with the keyboard);
  - prints to A4 pages (Chrome DevTools Page.printToPDF, checked with pdfinfo);
  - makes no request: every URL the page asks for is the page itself, data: or about:;
  - opens and answers the filter within 5 s.
Saves a screenshot of each report, and the printed PDFs, to the output folder.

  python3 Tests/Browser/report_test.py --orggraph .build/debug/orggraph --out .build/browser-test
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import time
import base64

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

A4 = (595.28, 841.89)


class Failure(Exception):
    pass


def run(command, expect=(0, 1)):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in expect:
        raise Failure(f"{' '.join(command)} exited {result.returncode}: {result.stderr.strip()}")
    return result


def make_driver():
    options = webdriver.ChromeOptions()
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if binary:
        options.binary_location = binary
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1600", "--lang=en-US", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver_path = shutil.which("chromedriver")
    service = Service(executable_path=driver_path) if driver_path else Service()
    return webdriver.Chrome(service=service, options=options)


def visible_findings(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#findings li.finding'))"
        ".filter(li => li.offsetParent !== null)"
        ".map(li => [li.dataset.file, li.dataset.node, li.dataset.rule, li.dataset.severity]);")


def set_filter(driver, text):
    box = driver.find_element(By.ID, "filter-text")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    if text:
        box.send_keys(text)


def check_report(driver, orggraph, source, language, out, screenshot_name):
    name = f"{os.path.splitext(os.path.basename(source))[0]}-{language}"
    page = os.path.join(out, name + ".html")
    run([orggraph, "report", source, "-o", page, "--lang", language])
    expected = json.loads(run([orggraph, "validate", source, "--format", "json"]).stdout)["findings"]
    by_rule = collections.Counter(f["rule"] for f in expected)
    by_node = collections.Counter(f["node"] for f in expected)
    checks = []

    started = time.monotonic()
    driver.get("file://" + os.path.abspath(page))
    driver.find_element(By.ID, "filter-count")
    opened = time.monotonic() - started
    if opened > 5:
        raise Failure(f"{name}: the page took {opened:.1f} s to open")
    driver.get_log("performance")  # what loading asked for is read again below

    # The number of findings shown.
    shown = visible_findings(driver)
    if len(shown) != len(expected):
        raise Failure(f"{name}: {len(shown)} findings shown, validate gives {len(expected)}")
    counter = driver.find_element(By.ID, "filter-count").get_attribute("data-visible")
    if counter != str(len(expected)):
        raise Failure(f"{name}: the counter says {counter}, validate gives {len(expected)}")
    checks.append(f"{len(shown)} findings shown")

    # Typing a rule id in the filter.
    for rule, count in sorted(by_rule.items()):
        started = time.monotonic()
        set_filter(driver, rule)
        left = visible_findings(driver)
        took = time.monotonic() - started
        if took > 5:
            raise Failure(f"{name}: the filter took {took:.1f} s")
        rules = {entry[2] for entry in left}
        if len(left) != count or rules != {rule}:
            raise Failure(f"{name}: filter '{rule}' leaves {len(left)} findings of {sorted(rules)}, expected {count}")
    set_filter(driver, "")
    if len(visible_findings(driver)) != len(expected):
        raise Failure(f"{name}: clearing the filter does not bring every finding back")
    checks.append(f"filter by {len(by_rule)} rule ids")

    # Clicking nodes in the charts: every node with findings in the first charts, and one without.
    figures = driver.find_elements(By.CSS_SELECTOR, "figure.chart")
    if expected and not figures:
        raise Failure(f"{name}: no chart in a report with findings")
    clicked = 0
    for figure in figures[:6]:
        nodes = figure.find_elements(By.CSS_SELECTOR, "g.node[data-node]")
        with_findings = [n for n in nodes if by_node.get(n.get_attribute("data-node"), 0) > 0]
        without = [n for n in nodes if by_node.get(n.get_attribute("data-node"), 0) == 0][:1]
        for index, node in enumerate(with_findings[:4] + without):
            node_id = node.get_attribute("data-node")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", node)
            if index % 2 == 0:
                node.click()
            else:
                # The keyboard: the node takes the focus and Enter chooses it.
                driver.execute_script("arguments[0].focus();", node)
                active = driver.switch_to.active_element
                if active.get_attribute("data-node") != node_id:
                    raise Failure(f"{name}: node '{node_id}' cannot take the keyboard focus")
                active.send_keys(Keys.ENTER)
            panel = figure.find_element(By.CSS_SELECTOR, ".node-findings")
            if not panel.is_displayed():
                raise Failure(f"{name}: choosing node '{node_id}' shows nothing")
            copies = panel.find_elements(By.CSS_SELECTOR, "li.finding-copy")
            nodes_shown = {c.get_attribute("data-node") for c in copies}
            want = by_node.get(node_id, 0)
            if len(copies) != want or (copies and nodes_shown != {node_id}):
                raise Failure(f"{name}: node '{node_id}' shows {len(copies)} findings of {sorted(nodes_shown)}, "
                              f"validate gives {want}")
            clicked += 1
    checks.append(f"{clicked} nodes chosen in {min(len(figures), 6)} charts")

    # Print to PDF: A4 pages.
    printed = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    pdf = os.path.join(out, name + ".pdf")
    with open(pdf, "wb") as handle:
        handle.write(base64.b64decode(printed["data"]))
    pages = pdf_page_sizes(pdf)
    wrong = [size for size in pages if abs(size[0] - A4[0]) > 1.5 or abs(size[1] - A4[1]) > 1.5]
    if not pages or wrong:
        raise Failure(f"{name}: printed pages are not A4: {wrong or 'none'}")
    checks.append(f"{len(pages)} A4 pages printed")

    # No request leaves the page.
    own = "file://" + os.path.abspath(page)
    requested = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    driver.get("about:blank")
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    outside = [url for url in requested if not (url == own or url.startswith(("data:", "about:")))]
    if outside:
        raise Failure(f"{name}: the page asked for {outside[:5]}")
    checks.append("no request")

    # No console error, over everything above.
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    if errors:
        raise Failure(f"{name}: console errors: {[e['message'] for e in errors[:5]]}")
    checks.append("no console error")

    # A screenshot of the top of the page.
    driver.get("file://" + os.path.abspath(page))
    driver.save_screenshot(os.path.join(out, screenshot_name or name + ".png"))
    return name, checks


def pdf_page_sizes(path):
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
        count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        detail = subprocess.run(["pdfinfo", "-f", "1", "-l", str(count), path],
                                capture_output=True, text=True, check=True).stdout
        return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", detail)]
    from pypdf import PdfReader
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def readme_images(orggraph, root, folder):
    """The README's two pictures of the report of Examples/broken/regulation.yaml: the top of the
    English page, and in Vietnamese the hospital's section with its chart and a node chosen."""
    driver = make_driver()
    try:
        for language in ["en", "vi"]:
            page = os.path.join(folder, f"report-{language}.html")
            subprocess.run([orggraph, "report", "Examples/broken/regulation.yaml", "-o", page, "--lang", language],
                           cwd=root, check=False)
            driver.get("file://" + page)
            if language == "vi":
                figure = driver.find_element(By.CSS_SELECTOR, "figure.chart")
                node = figure.find_element(By.CSS_SELECTOR, "g.node[data-node='dang-uy-bv']")
                node.click()
                driver.execute_script(
                    "document.querySelector('#subject-0').scrollIntoView({block: 'start'});"
                    "window.scrollBy(0, -70);")
            driver.save_screenshot(os.path.join(folder, f"report-{language}.png"))
            os.remove(page)
    finally:
        driver.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orggraph", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--readme-images", action="store_true",
                        help="write only the README's pictures of the report to --out")
    arguments = parser.parse_args()
    out = os.path.abspath(arguments.out)
    os.makedirs(out, exist_ok=True)
    orggraph = os.path.abspath(arguments.orggraph)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if arguments.readme_images:
        readme_images(orggraph, root, out)
        return

    generated = os.path.join(out, "generated-faults.yaml")
    run([orggraph, "generate", "--provinces", "1", "--districts", "3", "--communes", "3", "--provincial-units", "20",
         "--district-units", "4", "--seed", "5", "--faults", "40", "--manifest", os.path.join(out, "manifest.json"),
         "-o", generated], expect=(0,))
    examples = sorted(os.path.join(root, "Examples", "broken", f)
                      for f in os.listdir(os.path.join(root, "Examples", "broken")) if f.endswith(".yaml"))

    driver = make_driver()
    failures = 0
    passed = 0
    try:
        for source in examples + [generated]:
            for language in ["en", "vi"]:
                try:
                    name, checks = check_report(driver, orggraph, source, language, out, None)
                    print(f"ok   {name}: " + "; ".join(checks))
                    passed += 1
                except Failure as failure:
                    failures += 1
                    print(f"FAIL {failure}")
    finally:
        driver.quit()
    print(f"screenshots and PDFs in {out}")
    # The closing line test runners print: one report a test.
    print(f"browser: {passed} passed, {failures} failed")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
