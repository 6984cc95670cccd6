"""End-to-end tests of `bailiwick serve` in a real headless Chromium, driven by Selenium.

Run by .ci/browser-tests, which starts the server and sets BAILIWICK_URL. Each test drives a
page as a user would (typing, choosing, uploading, pressing keys) and saves a screenshot to
$BAILIWICK_SCREENSHOTS.
"""
import json
import os
import pathlib
import shutil
import tempfile
import time
import unittest
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ.get("BAILIWICK_URL", "http://127.0.0.1:8080/")
SHOTS = pathlib.Path(os.environ.get("BAILIWICK_SCREENSHOTS", ".build-e2e/screenshots"))
ROOT = pathlib.Path(__file__).resolve().parents[2]


def api(path):
    with urllib.request.urlopen(BASE + path.lstrip("/")) as response:
        return json.load(response)


class Pages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        SHOTS.mkdir(parents=True, exist_ok=True)
        cls.downloads = tempfile.mkdtemp(prefix="bailiwick-downloads-")
        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"download.default_directory": cls.downloads,
                                                  "download.prompt_for_download": False})
        binary = os.environ.get("CHROME_BINARY")
        if binary:
            options.binary_location = binary
        # The Debian driver beside the Debian browser: without it Selenium Manager tries to download one.
        driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
        service = webdriver.ChromeService(executable_path=driver) if driver else None
        cls.browser = webdriver.Chrome(options=options, service=service)
        cls.browser.implicitly_wait(5)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()

    def open(self, path):
        self.browser.get(BASE + path.lstrip("/"))

    def shot(self, name):
        self.browser.save_screenshot(str(SHOTS / f"{name}.png"))

    def find(self, selector):
        return self.browser.find_element(By.CSS_SELECTOR, selector)

    def submit(self, form_selector):
        # Wait for the answer page: without it a find can catch the old page's elements, which go stale
        # as the new page replaces them (seen on a loaded CI machine).
        # A marker on the old page's window, rather than a reference to one of its elements: asking Chrome about
        # an element while its document is being replaced can fail with "Node ... does not belong to the
        # document" instead of reporting it stale.
        self.browser.execute_script("window.bailiwickOldPage = true")
        self.find(f"{form_selector} button[type=submit]").click()
        WebDriverWait(self.browser, 20, ignored_exceptions=(WebDriverException,)).until(
            lambda browser: browser.execute_script(
                "return window.bailiwickOldPage === undefined && document.readyState === 'complete'"))

    def no_browser_errors(self):
        errors = [entry for entry in self.browser.get_log("browser") if entry["level"] == "SEVERE"]
        self.assertEqual(errors, [], "the page logged errors")

    def test_home_links_every_tool_and_is_keyboard_usable(self):
        self.open("/")
        self.assertIn("Bailiwick", self.browser.title)
        links = [a.get_attribute("href") for a in self.browser.find_elements(By.CSS_SELECTOR, "nav a")]
        self.assertEqual([link.replace(BASE, "/") for link in links],
                         ["/check", "/audit", "/deadlines", "/holidays", "/quiz", "/packs"])
        # The first Tab reaches the skip link, which moves focus to the main content.
        self.find("body").send_keys(Keys.TAB)
        focused = self.browser.switch_to.active_element
        self.assertEqual(focused.text, "Skip to content")
        focused.send_keys(Keys.ENTER)
        self.assertTrue(self.browser.current_url.endswith("#main"))
        self.shot("home")
        self.no_browser_errors()

    def test_scope_check_with_search_facts_and_explanation(self):
        self.open("/check")
        Select(self.find("#jurisdiction")).select_by_value("us-wa")
        # The licence list offers only Washington's licences (and the shared paralegal).
        offered = [o.get_attribute("value") for o in self.find("#license").find_elements(By.TAG_NAME, "option")
                   if o.is_enabled() and o.get_attribute("value")]
        self.assertIn("lllt", offered)
        self.assertNotIn("lpp", offered)
        Select(self.find("#license")).select_by_value("lllt")
        self.find("#action").send_keys("negotiate")
        WebDriverWait(self.browser, 5).until(lambda b: b.find_element(By.ID, "action-description").text != "")
        self.assertIn("other side", self.find("#action-description").text.lower())
        self.browser.execute_script("document.getElementById('on').value = '2026-03-01'")
        # The id=value box is the advanced way in, folded until opened.
        self.find("#facts-advanced summary").click()
        self.find("#facts").send_keys("written-consent-to-negotiate=false\nwritten-contract=true\nclient.pro-se=true\n"
                                      "represents-other-party=false\nissues=")
        self.submit("form[aria-label='Scope check']")
        verdict = self.find("#decision")
        self.assertEqual(verdict.get_attribute("data-kind"), "conditional")
        self.assertIn("NOT MET", verdict.text)
        self.assertIn("wa-lllt-negotiate-with-consent", self.browser.page_source)
        self.assertIn("unmet", self.find("section").text)
        # The answer is the API's.
        decision = api("/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01"
                       "&fact=written-consent-to-negotiate=false&fact=written-contract=true&fact=client.pro-se=true"
                       "&fact=represents-other-party=false&fact=issues=")
        self.assertEqual(decision["decision"], "conditional")
        self.shot("check")
        self.no_browser_errors()

    def test_scope_check_asks_only_the_facts_that_matter(self):
        self.open("/check")
        Select(self.find("#jurisdiction")).select_by_value("us-wa")
        Select(self.find("#license")).select_by_value("lllt")
        self.find("#action").send_keys("negotiate")
        self.browser.execute_script("document.getElementById('on').value = '2026-03-01'")
        self.submit("form[aria-label='Scope check']")
        asked = []
        while self.browser.find_elements(By.CSS_SELECTOR, "form[data-fact]"):
            self.assertLess(len(asked), 10, f"the page keeps asking: {asked}")
            form = self.find("form[data-fact]")
            fact = form.get_attribute("data-fact")
            self.assertNotIn(fact, asked, "a fact was asked twice")
            asked.append(fact)
            # Answered by its label, as a user would: the clean answer (no conflict, every safeguard in place).
            radios = form.find_elements(By.CSS_SELECTOR, "input[type=radio]")
            if radios:
                answer = "No" if fact == "represents-other-party" else "Yes"
                form.find_element(By.XPATH, f".//label[text()='{answer}']").click()
            self.shot(f"check-question-{len(asked)}")
            self.submit("form[data-fact]")
        self.assertGreaterEqual(len(asked), 2)
        self.assertEqual(self.find("#decision").get_attribute("data-kind"), "permitted")
        # The answers are in the advanced box (open once facts are given), to edit by hand.
        self.assertEqual(self.find("#facts-advanced").get_attribute("open"), "true")
        for fact in asked:
            self.assertIn(fact + "=", self.find("#facts").get_attribute("value"))
        self.no_browser_errors()

    def test_audit_an_uploaded_matter_and_download_the_report(self):
        self.open("/audit")
        self.find("#matter-file").send_keys(str(ROOT / "Examples" / "wa-dissolution-problems.yaml"))
        WebDriverWait(self.browser, 5).until(lambda b: "WA-" in b.find_element(By.ID, "matter").get_attribute("value"))
        self.submit("form[aria-labelledby='file-heading']")
        report = self.find("#report")
        for code in ("SCOPE-PROHIBITED", "SCOPE-CONDITION-UNMET", "LICENSE-ADMISSIONS-CLOSED", "FORM-MISSING",
                     "WAITING-PERIOD-VIOLATED", "DEADLINE-DUE-SOON"):
            self.assertIn(code, report.text)
        self.assertTrue(self.browser.find_elements(By.CSS_SELECTOR, "#report svg"))
        self.shot("audit")
        self.find("button[value=ics]").click()
        deadline = time.time() + 10
        while time.time() < deadline and not list(pathlib.Path(self.downloads).glob("*.ics")):
            time.sleep(0.2)
        calendars = list(pathlib.Path(self.downloads).glob("*.ics"))
        self.assertTrue(calendars, "no calendar was downloaded")
        self.assertTrue(calendars[0].read_text().startswith("BEGIN:VCALENDAR"))

    def test_audit_a_simple_matter_from_the_form(self):
        self.open("/audit")
        Select(self.find("#matter-type")).select_by_value("us-wa/dissolution")
        form = "form[aria-labelledby='simple-heading']"
        Select(self.find(f"{form} #license")).select_by_value("lllt")
        values = {"licensed-from": "2021-06-01", "event-date-1": "2026-01-20", "event-date-2": "2026-02-10",
                  "event-date-3": "2026-05-01", "filed-1": "2026-01-20", "action-date-1": "2026-01-10"}
        for field, value in values.items():
            self.browser.execute_script(f"document.querySelector(\"{form} [name='{field}']\").value = '{value}'")
        self.browser.execute_script(f"document.querySelector(\"{form} [name='as-of']\").value = '2026-05-22'")
        Select(self.find("#event-1")).select_by_value("petition-filed")
        Select(self.find("#event-2")).select_by_value("service-of-petition")
        Select(self.find("#event-method-2")).select_by_value("personal")
        Select(self.find("#event-3")).select_by_value("decree-entered")
        Select(self.find("#form-1")).select_by_value("FL Divorce 201")
        Select(self.find("#action-1")).select_by_value("complete-forms")
        self.find(f"{form} textarea[name=facts]").send_keys("children=0\nwritten-contract=true")
        self.submit(form)
        report = self.find("#report")
        self.assertIn("WAITING-PERIOD-VIOLATED", report.text)
        self.shot("audit-simple")
        self.no_browser_errors()

    def test_deadline_calculator_shows_each_step(self):
        self.open("/deadlines")
        Select(self.find("#jurisdiction")).select_by_value("us")
        self.browser.execute_script("document.getElementById('from').value = '2026-01-09'")
        self.find("#days").send_keys("21")
        Select(self.find("#service")).select_by_value("mail")
        self.submit("form[aria-label='Deadline calculator']")
        # FRCP 6: day 21 is Friday 2026-01-30; three days are added for mail service.
        self.assertEqual(self.find("#due").text, "Due: Monday 2026-02-02")
        self.assertGreaterEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "section ol li")), 2)
        self.shot("deadlines")
        self.no_browser_errors()

    def test_court_holiday_calendar(self):
        self.open("/holidays")
        Select(self.find("#jurisdiction")).select_by_value("us-wa")
        year = self.find("#year")
        year.clear()
        year.send_keys("2026")
        self.submit("form[aria-label='Court holidays']")
        rows = [row.text for row in self.browser.find_elements(By.CSS_SELECTOR, "#holidays tbody tr")]
        expected = api("/v1/holidays?jurisdiction=us-wa&year=2026")["holidays"]
        self.assertEqual(len(rows), len(expected))
        self.assertTrue(any("2026-11-26" in row and "Thanksgiving" in row for row in rows))
        self.shot("holidays")

    def test_quiz_with_feedback_and_score(self):
        self.open("/quiz")
        Select(self.find("#jurisdiction")).select_by_value("us-ut")
        count = self.find("#count")
        count.clear()
        count.send_keys("4")
        self.find("#seed").send_keys("11")
        self.submit("form[aria-label='Start a quiz']")
        key = api("/v1/quiz?jurisdiction=us-ut&count=4&seed=11")["questions"]
        # Answer the first question rightly by keyboard, the second wrongly, leave the rest.
        for number, question in enumerate(key[:2], start=1):
            right = question["answer"]
            if question["kind"] == "multiple-choice":
                index = question["options"].index(right)
                choice = index if number == 1 else (index + 1) % len(question["options"])
                self.find(f"#q{number}-{choice}").send_keys(Keys.SPACE)
            elif question["kind"] == "true-false":
                wanted = right if number == 1 else ("false" if right == "true" else "true")
                self.find(f"#q{number}-{0 if wanted == 'true' else 1}").send_keys(Keys.SPACE)
            else:
                value = right if number == 1 else "1999-01-01"
                self.browser.execute_script(f"document.getElementById('q{number}').value = '{value}'")
        self.shot("quiz")
        self.submit("form[aria-label='Quiz questions']")
        self.assertEqual(self.find("#score").text, "Score: 1 of 4 (2 not answered)")
        self.assertIn("right", self.find("#question-1").get_attribute("class"))
        self.assertIn("wrong", self.find("#question-2").get_attribute("class"))
        # The two left blank are marked unanswered, not wrong.
        for number in (3, 4):
            self.assertIn("unanswered", self.find(f"#question-{number}").get_attribute("class"))
            self.assertIn("Not answered", self.find(f"#question-{number}").text)
        self.assertIn(key[1]["explanation"][:40], self.find("#question-2").text)
        self.shot("quiz-graded")

    def test_rule_packs_with_citations_and_status_filter(self):
        self.open("/packs")
        self.find("#jurisdictions a[href='/packs/us-co']").click()
        self.assertIn("Colorado", self.find("h1").text)
        Select(self.find("#status")).select_by_value("unverified")
        self.submit("form[aria-label='Filter rules']")
        rows = self.browser.find_elements(By.CSS_SELECTOR, "#rule-table tbody tr")
        self.assertTrue(rows)
        for row in rows:
            self.assertIn("unverified", row.text)
        self.shot("packs")

    def test_pages_fit_a_phone_screen(self):
        self.browser.set_window_size(390, 844)
        try:
            for path in ("/", "/check", "/audit", "/deadlines", "/holidays", "/quiz", "/packs/us-wa"):
                self.open(path)
                overflow = self.browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                self.assertLessEqual(overflow, 1, f"{path} scrolls sideways on a phone")
            self.open("/check")
            self.shot("check-phone")
        finally:
            self.browser.set_window_size(1280, 1000)

    def test_caseload_desk_shows_this_weeks_deadlines_by_person(self):
        # .ci/with-server serves Examples/caseload as of Friday 2026-05-01: this week is 05-01 to 05-07.
        # OR-2026-0214 (Renata Kowal): the tenant's answer is due at the first appearance, Thursday 2026-05-07
        # (ORS 105.137(8)(a)); CO-2026-0207 (Avery Lindgren): 2026-02-02 + 91 days (C.R.S. 14-10-106) is
        # Monday 2026-05-04, the first day the decree may enter.
        self.open("/caseload")
        self.assertIn("Caseload", self.find("h1").text)
        this_week = self.find("#due-this-week")
        groups = {}
        for body in this_week.find_elements(By.CSS_SELECTOR, "tbody"):
            person = body.find_element(By.CSS_SELECTOR, "th[scope=rowgroup]").text
            groups[person] = [row.text for row in body.find_elements(By.CSS_SELECTOR, "tr")[1:]]
        self.assertTrue(any("OR-2026-0214" in row and "2026-05-07" in row for row in groups["Renata Kowal"]))
        self.assertTrue(any("CO-2026-0207" in row and "2026-05-04" in row for row in groups["Avery Lindgren"]))
        self.assertNotIn("Mara Lindqvist", groups)
        self.shot("caseload")
        # Filtering by person, without a script: the form is a GET form.
        Select(self.find("#person")).select_by_visible_text("Renata Kowal")
        self.submit("#filters")
        listed = [a.text for a in self.browser.find_elements(By.CSS_SELECTOR, "#matters a")]
        self.assertEqual(sorted(listed), ["OR-2026-0187", "OR-2026-0214"])
        # Each matter links to its full report.
        self.find("#matters a[href^='/caseload/matter/OR-2026-0214']").click()
        self.assertIn("OR-2026-0214", self.find("h1").text)
        self.assertIn("audited as of 2026-05-01", self.find("section.matter").text)
        self.no_browser_errors()

    def test_requests_addressed_to_another_host_are_refused(self):
        request = urllib.request.Request(BASE + "v1/packs", headers={"Host": "attacker.example"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        self.assertEqual(refused.exception.code, 403)


if __name__ == "__main__":
    unittest.main(verbosity=2)
