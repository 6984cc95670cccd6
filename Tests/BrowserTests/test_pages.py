"""End-to-end tests of `bailiwick serve` in a real headless Chromium, driven by Selenium.

Run by .ci/browser-tests, which starts the server and sets BAILIWICK_URL. Each test drives a
page as a user would (typing, choosing, uploading, pressing keys) and saves a screenshot to
$BAILIWICK_SCREENSHOTS; the survey of every page saves one at desktop and one at phone width.
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


# The widths every page is looked at: a desktop and a phone.
WIDTHS = {"desktop": (1280, 1000), "phone": (390, 844)}

# Every word of every table cell, with the lines it is drawn on: a word split across two lines
# has rectangles on two lines. A word is a date (YYYY-MM-DD) or a run of letters or digits, so a
# break after a hyphen, a dot or a slash is between words; details are opened first, so folded
# text is measured too.
BROKEN_WORDS_SCRIPT = """
for (const details of document.querySelectorAll("details")) details.open = true;
const broken = [];
const cells = document.querySelectorAll("td, th");
for (const cell of cells) {
  const table = cell.closest("table");
  const tables = [...document.querySelectorAll("table")];
  const row = cell.parentElement;
  const where = (table.id ? "#" + table.id : "table " + (tables.indexOf(table) + 1))
    + " row " + ([...table.rows].indexOf(row) + 1) + " column " + (cell.cellIndex + 1);
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/\\d{4}-\\d{2}-\\d{2}|[\\p{L}\\p{N}]+/gu)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
      if (rects.length < 2) continue;
      const tops = rects.map(r => r.top);
      const lowest = Math.min(...rects.map(r => r.height));
      if (Math.max(...tops) - Math.min(...tops) > lowest / 2) {
        broken.push(where + ": '" + match[0] + "' in '" + cell.innerText.trim().slice(0, 60) + "'");
      }
    }
  }
}
return broken;
"""


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

    def downloaded(self, pattern, seconds=10):
        """The finished download matching pattern, or None. Chrome can create the file under its final name
        before it writes the bytes (a CI run read it empty), so a download counts as finished once it is
        not empty, no .crdownload is left beside it, and the sizes are the same on two looks in a row."""
        folder = pathlib.Path(self.downloads)
        deadline = time.time() + seconds
        last = None
        while time.time() < deadline:
            sizes = {}
            for file in folder.glob(pattern):
                try:
                    sizes[file] = file.stat().st_size
                except FileNotFoundError:  # renamed between the listing and the look
                    pass
            finished = sorted(file for file, size in sizes.items() if size > 0)
            # The same sizes on two looks in a row: Chrome is not still writing.
            if finished and not list(folder.glob("*.crdownload")) and sizes == last:
                return finished[0]
            last = sizes
            time.sleep(0.2)
        return None

    def no_browser_errors(self):
        errors = [entry for entry in self.browser.get_log("browser") if entry["level"] == "SEVERE"]
        self.assertEqual(errors, [], "the page logged errors")

    def forget_expected_errors(self):
        """Drops the console's record of the 404s an error page was opened for, which are meant."""
        self.browser.get_log("browser")

    @staticmethod
    def rgb(colour):
        """A computed colour's red, green and blue, from 'rgb(…)' or 'rgba(…)'."""
        return tuple(int(part) for part in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3])

    def survey(self, name, width, broken):
        """The page just loaded: its screenshot, then every word its table cells break (into `broken`)."""
        self.shot(f"{name}-{width}")
        broken += [f"{name} at {width} width: {word}" for word in
                   self.browser.execute_script(BROKEN_WORDS_SCRIPT)]

    @staticmethod
    def pages_to_survey():
        """Every page there is, by GET: each tool's form, its answer, each pack, and the error pages."""
        pages = [
            ("home", "/"),
            ("check-form", "/check"),
            ("check-decision", "/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01"),
            ("check-prohibited", "/check?jurisdiction=us-ut&license=lpp&action=appear-in-court&area=family"
                                 "&on=2026-12-01"),
            ("audit-form", "/audit"),
            ("deadlines-form", "/deadlines"),
            ("deadlines-named", "/deadlines?jurisdiction=us-ut&rule=answer-to-complaint&from=2026-12-18"),
            ("holidays-form", "/holidays"),
            ("holidays", "/holidays?jurisdiction=us-ut&year=2026"),
            ("quiz-form", "/quiz"),
            ("quiz", "/quiz?start=1&jurisdiction=us-wa&count=6&seed=7&as-of=2026-12-01"),
            ("packs", "/packs"),
            ("not-found", "/nonexistent"),
            ("packs-not-found", "/packs/atlantis"),
        ]
        pages += [(f"packs-{place['id']}", f"/packs/{place['id']}") for place in api("/v1/packs")["jurisdictions"]]
        return pages

    def audited_report(self):
        """The audit page with the problem example's report, as a user gets it: by uploading the file."""
        self.open("/audit")
        self.find("#matter-file").send_keys(str(ROOT / "Examples" / "wa-dissolution-problems.yaml"))
        WebDriverWait(self.browser, 5).until(lambda b: "WA-" in b.find_element(By.ID, "matter").get_attribute("value"))
        self.submit("form[aria-labelledby='file-heading']")

    def test_home_links_every_tool_and_is_keyboard_usable(self):
        self.open("/")
        self.assertIn("Bailiwick", self.browser.title)
        links = [a.get_attribute("href") for a in self.browser.find_elements(By.CSS_SELECTOR, "nav a")]
        self.assertEqual([link.replace(BASE, "/") for link in links],
                         ["/check", "/audit", "/audit/new", "/deadlines", "/holidays", "/quiz", "/packs"])
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
        calendar = self.downloaded("*.ics")
        self.assertTrue(calendar, "no calendar was downloaded")
        self.assertTrue(calendar.read_text().startswith("BEGIN:VCALENDAR"))

    def test_build_and_audit_a_matter_in_the_editor(self):
        self.open("/audit")
        # Choosing the jurisdiction leaves only its matter types to choose from.
        Select(self.find("#jurisdiction")).select_by_value("us-wa")
        offered = [o.get_attribute("value") for o in self.find("#matter-type").find_elements(By.TAG_NAME, "option")
                   if o.is_enabled() and o.get_attribute("value")]
        self.assertIn("us-wa/dissolution", offered)
        self.assertNotIn("us-or/dissolution", offered)
        Select(self.find("#matter-type")).select_by_value("us-wa/dissolution")
        self.submit("form[aria-labelledby='editor-choice-heading']")
        self.assertIn("Dissolution of marriage", self.find("#editor-heading").text)
        form = "#editor"

        def by_label(text):
            label = self.browser.find_element(By.XPATH, f"//form[@id='editor']//label[text()='{text}']")
            return self.find("#" + label.get_attribute("for"))

        def date(field, value):
            self.browser.execute_script("arguments[0].value = arguments[1]", field, value)

        self.find(f"{form} [name='id']").send_keys("WEB-7")
        date(self.find(f"{form} [name='as-of']"), "2026-05-22")
        self.find("#person-1-name").send_keys("Jordan Reyes")
        Select(self.find("#person-1-license")).select_by_value("lllt")
        date(self.find("#person-1-licensed-from"), "2021-06-01")
        self.find("#person-3-name").send_keys("Sam Doe")
        # Washington's 90 days after service (RCW 26.09.030): served 2026-02-10, day 90 is 2026-05-11,
        # so a decree entered 2026-05-01 is too early.
        date(by_label("Divorce petition filed"), "2026-01-20")
        served = by_label("Divorce petition served")
        date(served, "2026-02-10")
        Select(self.find("#" + served.get_attribute("id").replace("-date", "-method"))).select_by_value("personal")
        date(by_label("Divorce decree entered"), "2026-05-01")
        Select(self.find("#action-1-action")).select_by_value("complete-forms")
        date(self.find("#action-1-date"), "2026-01-10")
        date(by_label("FL Divorce 201: Petition for Divorce (Dissolution)"), "2026-01-20")
        self.find(f"{form} [name='fact.children']").send_keys("0")
        before = set(e.get_attribute("name") for e in self.browser.find_elements(
            By.CSS_SELECTOR, f"{form} input[type=radio][name^='fact.']"))
        self.shot("editor")
        self.submit(form)
        report = self.find("#report")
        self.assertIn("WAITING-PERIOD-VIOLATED", report.text)
        self.assertIn("FORM-MISSING", report.text)
        # The form is kept filled in beside the findings.
        self.assertEqual(self.find("#person-1-name").get_attribute("value"), "Jordan Reyes")
        self.shot("editor-audited")
        # The facts the audit found missing (the action's scope conditions) are asked in the form now.
        asked = sorted(set(e.get_attribute("name") for e in self.browser.find_elements(
            By.CSS_SELECTOR, f"{form} input[type=radio][name^='fact.']")) - before)
        self.assertTrue(asked, "the audit asked for no fact")
        for name in asked:
            self.find(f"{form} input[name='{name}'][value='true']").click()
        self.submit(form)
        shown = self.find("#matter-yaml").get_attribute("textContent")
        for name in asked:
            self.assertIn(name[len("fact."):] + ": true", shown)
        self.find("button[value=yaml]").click()
        file = self.downloaded("matter-WEB-7*.yaml")
        self.assertTrue(file, "no matter file was downloaded")
        self.assertEqual(file.read_text(), shown)
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
            for path in ("/", "/check", "/audit", "/audit/new?matter-type=us-wa/dissolution", "/deadlines",
                         "/holidays", "/quiz", "/packs/us-wa"):
                self.open(path)
                overflow = self.browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                self.assertLessEqual(overflow, 1, f"{path} scrolls sideways on a phone")
            self.open("/check")
            self.shot("check-phone")
        finally:
            self.browser.set_window_size(1280, 1000)

    def test_no_table_cell_breaks_inside_a_word_on_a_desktop_or_a_phone(self):
        broken = []
        try:
            for width, size in WIDTHS.items():
                self.browser.set_window_size(*size)
                for name, path in self.pages_to_survey():
                    self.open(path)
                    self.survey(name, width, broken)
                self.audited_report()
                self.survey("audit-report", width, broken)
        finally:
            self.browser.set_window_size(*WIDTHS["desktop"])
            self.forget_expected_errors()
        self.assertEqual(broken, [], "words broken across lines:\n" + "\n".join(broken))

    def test_a_wide_table_scrolls_inside_its_box_on_a_phone(self):
        self.browser.set_window_size(*WIDTHS["phone"])
        try:
            self.open("/packs/us-wa")
            page = self.browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            self.assertLessEqual(page, 1, "the page itself scrolls sideways")
            # The rule table is wider than the phone, so its box scrolls; the words are not squeezed apart.
            box = self.find("#rule-table").find_element(By.XPATH, "..")
            self.assertEqual(box.get_attribute("class"), "table-wrap")
            widths = self.browser.execute_script(
                "const box = arguments[0]; return [box.scrollWidth, box.clientWidth]", box)
            self.assertGreater(widths[0], widths[1], "the rule table was squeezed to the phone's width")
        finally:
            self.browser.set_window_size(*WIDTHS["desktop"])

    def test_a_long_research_note_is_folded_behind_more(self):
        self.open("/packs/us-ut")
        note = self.find("details.note")
        summary = note.find_element(By.TAG_NAME, "summary")
        self.assertTrue(summary.text.startswith("Note: "))
        self.assertTrue(summary.text.endswith("more"))
        rest = note.find_element(By.TAG_NAME, "p")
        self.assertFalse(rest.is_displayed(), "the rest of the note is shown before 'more' is pressed")
        summary.click()
        self.assertTrue(rest.is_displayed())
        self.assertFalse(summary.find_element(By.CLASS_NAME, "more").is_displayed())
        self.no_browser_errors()

    def test_an_unknown_address_has_the_apps_navigation_and_a_way_home(self):
        for path in ("/nonexistent", "/packs/atlantis"):
            self.open(path)
            self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "nav a")), 7, path)
            self.assertIn("Go to the home page", self.find("main").text)
            self.assertIn("Bailiwick", self.browser.title)
        self.forget_expected_errors()
        self.find("main a[href='/']").click()
        self.assertEqual(self.browser.current_url, BASE)
        self.assertEqual(self.find("h1").text, "Scope of practice and case-file checks")

    def test_a_badge_is_red_only_for_a_count_above_zero(self):
        self.audited_report()
        badges = self.browser.find_elements(By.CSS_SELECTOR, "#report .badges span")
        # Named as the command line names them: errors, warnings and notes.
        self.assertEqual([badge.text.split(" ", 1)[1].rstrip("s") for badge in badges], ["error", "warning", "note"])
        red, amber = (179, 38, 30), (138, 90, 0)
        for badge in badges:
            count = int(badge.text.split(" ")[0])
            colour = self.rgb(badge.value_of_css_property("color"))
            self.assertEqual(colour == red, count > 0 and "error" in badge.text, badge.text)
        # A clean matter: no count is coloured as an alarm.
        self.open("/audit")
        self.find("#matter-file").send_keys(str(ROOT / "Examples" / "wa-dissolution-clean.yaml"))
        WebDriverWait(self.browser, 5).until(lambda b: "WA-" in b.find_element(By.ID, "matter").get_attribute("value"))
        self.submit("form[aria-labelledby='file-heading']")
        for badge in self.browser.find_elements(By.CSS_SELECTOR, "#report .badges span"):
            if badge.text.startswith("0 "):
                self.assertNotIn(self.rgb(badge.value_of_css_property("color")), (red, amber), badge.text)

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
