# SPDX-License-Identifier: LGPL-2.1-or-later
"""The careplan tool, as a user runs it. Run with /usr/bin/python3."""

import csv
import io
import json
import os
import pty
import subprocess
import tempfile
import unittest

TOOL = os.environ["CAREPLAN"]
EXAMPLES = os.environ["CAREPLAN_EXAMPLES"]


def run(*args):
    return subprocess.run([TOOL, *args], capture_output=True, text=True)


class CalendarCommandTest(unittest.TestCase):
    def test_add(self):
        r = run("calendar", "add", "2026-12-14", "20")
        self.assertEqual((r.returncode, r.stdout), (0, "2027-01-14\n"))
        r = run("calendar", "add", "--unit", "months", "2027-01-31", "1")
        self.assertEqual(r.stdout, "2027-02-28\n")

    def test_between_and_holidays(self):
        self.assertEqual(run("calendar", "between", "2026-12-14", "2027-01-14").stdout, "20\n")
        out = run("calendar", "--region", "scotland", "holidays", "2026").stdout
        self.assertIn("2026-11-30  St Andrew’s Day", out)

    def test_usage_errors(self):
        r = run("calendar", "add", "2026-02-30", "1")
        self.assertEqual(r.returncode, 2)
        self.assertIn("“2026-02-30” is not a date", r.stderr)
        self.assertEqual(run("calendar", "--region", "wales", "holidays", "2026").returncode, 2)
        self.assertEqual(run("nonsense").returncode, 2)
        self.assertEqual(run("--help").returncode, 0)


class ValidateCommandTest(unittest.TestCase):
    def test_bundled_data_is_valid(self):
        r = run("validate", os.path.join(EXAMPLES, "data", "caseload.jsonl"),
                os.path.join(EXAMPLES, "data", "case-every-type.json"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "5 valid, 0 invalid\n")

    def test_bad_lines_are_reported_with_file_and_line(self):
        with open(os.path.join(EXAMPLES, "data", "caseload.jsonl")) as f:
            lines = f.read().splitlines()
        lines[1] = lines[1].replace('"2026-11-02"', '"2026-11-31"', 1)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "bad.jsonl")
            with open(path, "w") as f:
                f.write("\n".join(lines) + "\n")
            r = run("validate", path)
        self.assertEqual(r.returncode, 3)
        self.assertEqual(r.stdout, "3 valid, 1 invalid\n")
        self.assertIn(f"{path}:2: child.looked_after_since: “2026-11-31” is not a date", r.stderr)
        self.assertNotIn("EX-0002", r.stderr)

    def test_missing_file(self):
        r = run("validate", "/nonexistent.json")
        self.assertEqual(r.returncode, 3)


class PolicyCommandTest(unittest.TestCase):
    def test_list_names_all_six(self):
        r = run("policy", "list")
        self.assertEqual(r.returncode, 0, r.stderr)
        names = [line.split()[0] for line in r.stdout.splitlines()]
        self.assertEqual(names, ["england", "isp-fostering", "salford", "stoke-on-trent",
                                 "swindon", "warrington"])

    def test_show_one_rule_with_its_citation(self):
        r = run("policy", "show", "stoke-on-trent", "review.reschedule")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("approver:       strategic-manager", r.stdout)
        self.assertIn("§7.12", r.stdout)
        r = run("policy", "show", "england", "review-first-within-20wd")
        self.assertIn("timescale:      within 20 working days of looked-after", r.stdout)

    def test_show_states_a_rules_conditions(self):
        out = run("policy", "show", "swindon", "visit.interval.ico-with-parent").stdout
        self.assertIn("conditions:     placements: placed-with-parents; legal statuses: interim-care-order; "
                      "after the first review of the placement", out)
        out = run("policy", "show", "england", "leaving-care.pathway-plan").stdout
        self.assertIn("timescale:      by age 16 years 3 months", out)

    def test_show_marks_local_rules(self):
        out = run("policy", "show", "warrington").stdout
        self.assertIn("* review.trigger.school-exclusion", out)
        self.assertIn("  review.first ", out)

    def test_diff_against_england(self):
        r = run("policy", "diff", "warrington")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("~ review.after.full-record: within 20 working days of review", r.stdout)
        self.assertIn("-> within 15 working days of review [rec-full-record-15wd-warrington]", r.stdout)
        self.assertIn("+ review.trigger.school-exclusion", r.stdout)
        self.assertTrue(r.stdout.endswith("warrington against england: 4 changed, 28 added, 0 removed\n"),
                        r.stdout)
        # Two local profiles side by side.
        r = run("policy", "diff", "stoke-on-trent", "warrington")
        self.assertIn("- review.trigger.school-exclusion", r.stdout)

    def test_diff_lists_the_fields_that_changed(self):
        out = run("policy", "diff", "warrington").stdout.splitlines()
        at = out.index(next(l for l in out if l.startswith("~ review.after.full-record:")))
        # Under the changed rule, before the next one: its fields, sorted.
        block = []
        for line in out[at + 1:]:
            if not line.startswith("    "):
                break
            block.append(line.strip().split(":", 1)[0])
        self.assertIn("    quantity: 20 -> 15", out[at + 1:at + 1 + len(block)])
        self.assertEqual(block, sorted(block))
        self.assertNotIn("unit", block)
        self.assertIn("    deemed_agreed: false -> true", out)
        # An added rule lists no fields.
        plus = out.index(next(l for l in out if l.startswith("+ review.trigger.school-exclusion")))
        self.assertFalse(out[plus + 1].startswith("    "))
        # A gate and an approver are fields like any other.
        out = run("policy", "diff", "stoke-on-trent").stdout
        self.assertIn('    gate: "iro-decides" -> "mandatory"\n', out)
        self.assertIn('    approver: "unknown" -> "practice-manager"\n', out)

    def test_show_json_is_what_policy_reads(self):
        caseload = os.path.join(EXAMPLES, "data", "caseload.jsonl")
        for name in ["england", "isp-fostering", "salford", "stoke-on-trent", "swindon", "warrington"]:
            for extra in ([], ["--as-written"]):
                with self.subTest(profile=name, extra=extra):
                    shown = run("policy", "show", name, "--format", "json", *extra)
                    self.assertEqual(shown.returncode, 0, shown.stderr)
                    doc = json.loads(shown.stdout)
                    self.assertEqual(doc["name"], name)
                    self.assertEqual("extends" in doc, bool(extra) and name != "england")
                    piped = subprocess.run(
                        [TOOL, "check", "--policy", "/dev/stdin", "--all", "--format", "json",
                         "--on", "2026-11-22", caseload],
                        input=shown.stdout, capture_output=True, text=True)
                    direct = run("check", "--policy", name, "--all", "--format", "json",
                                 "--on", "2026-11-22", caseload)
                    self.assertEqual(piped.stderr, direct.stderr)
                    self.assertEqual((piped.returncode, piped.stdout), (direct.returncode, direct.stdout))
        # The text format is the default, and the options are checked.
        self.assertEqual(run("policy", "show", "england", "--format", "text").stdout,
                         run("policy", "show", "england").stdout)
        self.assertEqual(run("policy", "show", "england", "--format", "yaml").returncode, 2)
        self.assertEqual(run("policy", "show", "england", "--as-written").returncode, 2)
        self.assertEqual(run("policy", "show", "england", "review.first", "--format", "json").returncode, 2)
        self.assertEqual(run("policy", "diff", "warrington", "--format", "json").returncode, 2)

    def test_show_json_as_written_loads_as_a_local_file(self):
        shown = run("policy", "show", "warrington", "--format", "json", "--as-written").stdout
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "copy.json")
            with open(path, "w") as f:
                f.write(shown)
            r = run("policy", "diff", path, "warrington")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, "warrington against warrington: 0 changed, 0 added, 0 removed\n")

    def test_a_local_profile_file(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "testshire.json")
            with open(path, "w") as f:
                f.write('{"format": 1, "name": "testshire", "title": "T", "extends": "england", '
                        '"rules": [{"key": "review.second", "id": "t-2m", "kind": "review-schedule", '
                        '"statement": "s", "quantity": 2, "unit": "months", '
                        '"anchor": "previous-review", "slot": "second", "citation": "T 1"}]}')
            r = run("policy", "diff", path)
            self.assertIn("~ review.second: within 3 months of previous-review", r.stdout)
            with open(path, "w") as f:
                f.write('{"format": 1, "name": "testshire", "title": "T", "rules": [{"key": "k"}]}')
            r = run("policy", "show", path)
            self.assertEqual(r.returncode, 3)
            self.assertIn("rules[0].id: missing", r.stderr)

    def test_unknown_profile_and_rule(self):
        r = run("policy", "show", "atlantis")
        self.assertEqual(r.returncode, 2)
        self.assertIn("not a built-in profile", r.stderr)
        self.assertEqual(run("policy", "show", "england", "no.such").returncode, 2)
        self.assertEqual(run("policy", "frobnicate").returncode, 2)


class CheckCommandTest(unittest.TestCase):
    CASE = os.path.join(EXAMPLES, "data", "case-every-type.json")
    CASELOAD = os.path.join(EXAMPLES, "data", "authority-caseload.jsonl")

    def test_lists_what_is_overdue_first_with_citations_and_exits_1(self):
        r = run("check", "--on", "2026-11-22", self.CASE)
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = r.stdout.splitlines()
        # A case is headed by its file and the child's record id.
        self.assertEqual(lines[0], self.CASE + "  record EX-0001")
        self.assertIn("  overdue             2026-10-24 (29 days late)  review 3: review.subsequent "
                      "[review-subsequent-max-6m]", lines)
        # Every obligation is followed by its rule's citation.
        i = lines.index("  overdue             2026-10-24 (29 days late)  review 3: review.subsequent "
                        "[review-subsequent-max-6m]")
        self.assertTrue(lines[i + 1].startswith("      cites: SI 2010/959 reg 33(2); Stoke-on-Trent City Council, Children in Care: Care Planning, Placement and Case Review Policy, §7.10"), lines[i + 1])
        # The starred school-place recommendation, due 27 February, never done.
        self.assertIn("review 1 recommendation 2: review.recommendation", r.stdout)
        self.assertTrue(r.stdout.endswith(
            "1 cases under england as at 2026-11-22: 4 overdue, 1 due soon, 2 met late, "
            "0 not enough history\n"), r.stdout)
        # Overdue first, then due soon.
        self.assertLess(r.stdout.index("  overdue "), r.stdout.index("  due-soon            2026-11-27 (in 5 days)  "
                                                                      "next visit: visit.interval"))
        # The record id heads the case, once; never on standard error.
        self.assertEqual(r.stdout.count("EX-0001"), 1)
        self.assertNotIn("EX-0001", r.stderr)

    def test_overdue_before_due_soon_earliest_first(self):
        r = run("check", "--on", "2026-11-22", "--policy", "stoke-on-trent", self.CASELOAD)
        self.assertEqual(r.returncode, 1, r.stderr)   # the example caseload has overdue duties
        statuses = []
        for line in r.stdout.splitlines():
            if line.startswith(self.CASELOAD):
                statuses.append([])
            elif line.startswith("  ") and not line.startswith("      "):
                statuses[-1].append((line.split()[0], line.split()[1]))
        self.assertGreater(len(statuses), 50)
        rank = {"overdue": 0, "due-soon": 1, "not-enough-history": 2}
        for case in statuses:
            self.assertEqual(case, sorted(case, key=lambda s: (rank[s[0]], s[1])))

    def test_date_is_also_accepted_as_date(self):
        a = run("check", "--on", "2026-11-22", self.CASE).stdout
        b = run("check", "--date", "2026-11-22", self.CASE).stdout
        self.assertEqual(a, b)

    def test_profile_changes_the_answer(self):
        out = run("check", "--all", "--policy", "warrington", "--on", "2026-11-22", self.CASE).stdout
        self.assertIn("review.trigger.school-exclusion", out)
        self.assertIn("due 2026-07-08: 20 working days from school-exclusion (2026-06-10)", out)

    def test_nothing_overdue_exits_0(self):
        r = run("check", "--on", "2026-01-06", self.CASE)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_caseload_lines_and_bad_options(self):
        r = run("check", "--on", "2026-11-22", os.path.join(EXAMPLES, "data", "caseload.jsonl"))
        self.assertIn("caseload.jsonl:3  record EX-0003\n", r.stdout)
        self.assertIn("review 8: review.subsequent", r.stdout)
        self.assertIn("4 cases under england", r.stdout)
        r = run("check", "--on", "2026-13-01", self.CASE)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--on: “2026-13-01” is not a date", r.stderr)
        self.assertEqual(run("check", "--policy", "atlantis", self.CASE).returncode, 2)
        self.assertEqual(run("check", "--format", "pdf", self.CASE).returncode, 2)
        self.assertEqual(run("check", "/nonexistent.json").returncode, 3)

    def test_json(self):
        r = run("check", "--on", "2026-11-22", "--format", "json", "--all", self.CASE,
                os.path.join(EXAMPLES, "data", "caseload.jsonl"))
        self.assertEqual(r.returncode, 1, r.stderr)
        doc = json.loads(r.stdout)
        self.assertEqual((doc["policy"], doc["as_at"]), ("england", "2026-11-22"))
        self.assertEqual([c["source"] for c in doc["cases"]][:2], [self.CASE, os.path.join(
            EXAMPLES, "data", "caseload.jsonl") + ":1"])
        first = doc["cases"][0]["obligations"][0]
        self.assertEqual(first["status"], "overdue")
        self.assertLessEqual({"status", "due", "met_on", "key", "subject", "rule_id", "citation", "explanation"},
                             set(first))
        self.assertLessEqual(set(first), {"status", "due", "met_on", "key", "subject", "review", "rule_id",
                                          "citation", "explanation"})
        self.assertEqual(doc["totals"]["cases"], 5)
        # The child's record id is a field of its own, beside the source.
        self.assertEqual([c["record_id"] for c in doc["cases"]],
                         ["EX-0001", "EX-0001", "EX-0002", "EX-0003", "EX-0004"])
        self.assertEqual((doc["totals"]["unreadable"], doc["totals"]["unreadable_cases"]), (False, 0))

    def test_csv(self):
        r = run("check", "--on", "2026-11-22", "--format", "csv", self.CASE)
        rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
        self.assertEqual(rows[0], ["source", "record_id", "status", "due", "met_on", "key", "subject", "review",
                                   "rule_id", "citation", "explanation"])
        self.assertEqual(len(rows), 6)          # the four overdue obligations and one due soon
        self.assertEqual(rows[1][2], "overdue")
        self.assertEqual({row[1] for row in rows[1:]}, {"EX-0001"})
        raw = subprocess.run([TOOL, "check", "--on", "2026-11-22", "--format", "csv", self.CASE],
                             capture_output=True).stdout
        self.assertTrue(raw.endswith(b"\r\n") and raw.count(b"\r\n") == 6)
        # A citation with a comma in it is quoted.
        self.assertTrue(any("," in row[9] for row in rows[1:]))

    def test_check_output_is_standard_output_written_to_a_file(self):
        # Written as the cases come (more than one 64 KB batch here), put in
        # place at the end: the same bytes as standard output, a new file
        # private, an existing one keeping its mode, and a file that cannot
        # be replaced refused before anything is read, with nothing left.
        want = run("check", "--on", "2026-11-22", "--all", "--format", "json", self.CASELOAD)
        self.assertGreater(len(want.stdout.encode()), 3 * 64 * 1024)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "check.json")
            r = run("check", "--on", "2026-11-22", "--all", "--format", "json", "--output", path, self.CASELOAD)
            self.assertEqual((r.returncode, r.stderr), (want.returncode, want.stderr))
            with open(path) as f:
                self.assertEqual(f.read(), want.stdout)
            self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
            os.chmod(path, 0o640)
            r = run("check", "--on", "2026-11-22", "--output", path, self.CASELOAD)
            self.assertEqual(os.stat(path).st_mode & 0o777, 0o640)
            os.link(path, os.path.join(d, "other-name"))
            before = open(path).read()
            # Said before reading: an input that is not there is not even tried.
            r = run("check", "--on", "2026-11-22", "--output", path, os.path.join(d, "absent.jsonl"))
            self.assertEqual(r.returncode, 3)
            self.assertIn("other hard links", r.stderr)
            self.assertNotIn("absent", r.stderr)
            self.assertEqual(open(path).read(), before)
            self.assertEqual(sorted(os.listdir(d)), ["check.json", "other-name"])

    def test_ics_is_rfc5545_and_stable(self):
        # DTSTAMP is the time the file was made: fixed here, so two runs agree.
        os.environ["SOURCE_DATE_EPOCH"] = "1767225600"
        self.addCleanup(os.environ.pop, "SOURCE_DATE_EPOCH")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "deadlines.ics")
            r = run("check", "--on", "2026-11-22", "--policy", "stoke-on-trent", "--format", "ics",
                    "--output", path, self.CASELOAD)
            self.assertEqual(r.returncode, 1, r.stderr)   # as the text format: something overdue
            self.assertRegex(r.stderr, r"^\d+ deadlines written to ")
            with open(path, "rb") as f:
                data = f.read()
            again = run("check", "--on", "2026-11-22", "--policy", "stoke-on-trent", "--format", "ics",
                        self.CASELOAD).stdout
        text = data.decode("utf-8")
        self.assertEqual(text, again.replace("\n", "\r\n") if "\r\n" not in again else again)
        self.assertTrue(text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        self.assertTrue(text.endswith("END:VCALENDAR\r\n"))
        lines = text.split("\r\n")[:-1]
        for line in lines:
            self.assertLessEqual(len(line.encode("utf-8")), 75, line)
        # Unfold, then check each event.
        unfolded = text.replace("\r\n ", "").split("\r\n")
        events = text.count("BEGIN:VEVENT")
        self.assertGreater(events, 10)
        self.assertEqual(events, text.count("END:VEVENT"))
        uids = [line for line in unfolded if line.startswith("UID:")]
        self.assertEqual(len(uids), len(set(uids)), "UIDs must be unique")
        starts = [line.split(":")[1] for line in unfolded if line.startswith("DTSTART;VALUE=DATE:")]
        self.assertEqual(len(starts), events)
        # Deadlines still to come, and those withdrawn since (tests/test_cli_calendar.py).
        statuses = [line.split(":")[1] for line in unfolded if line.startswith("STATUS:")]
        self.assertTrue(all(s >= "20261122" for s, st in zip(starts, statuses) if st == "CONFIRMED"),
                        "only deadlines still to come")
        self.assertIn("CANCELLED", statuses)
        # The child's record id is in the titles only (docs/calendar.md).
        self.assertNotRegex("\n".join(line for line in unfolded if not line.startswith("SUMMARY:")), r"G\d{7}",
                            "no child identifiers outside the titles")


class SummaryCommandTest(unittest.TestCase):
    CASELOAD = os.path.join(EXAMPLES, "data", "authority-caseload.jsonl")

    def test_text(self):
        r = run("summary", "--on", "2026-11-22", "--policy", "stoke-on-trent", self.CASELOAD)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertTrue(r.stdout.startswith("200 cases under stoke-on-trent as at 2026-11-22\n"), r.stdout)
        for area in ("reviews", "review paperwork", "plans", "visits", "health, education", "permanence",
                     "leaving care", "recommendations", "disputes"):
            self.assertRegex(r.stdout, "\n%s +\\d+ +\\d+ +\\d+\n" % area)
        self.assertIn("cases in dispute, by the stage reached:", r.stdout)
        self.assertIn("Drift: ", r.stdout)
        self.assertEqual(r.stderr, "", "no progress bar when stderr is not a terminal")

    def test_json_agrees_with_check(self):
        r = run("summary", "--on", "2026-11-22", "--format", "json", self.CASELOAD)
        doc = json.loads(r.stdout)
        # The areas' keys are identifiers (cp_area_get_key()), in the text's order.
        self.assertEqual(list(doc["areas"]), ["reviews", "review_paperwork", "plans", "visits", "health_education",
                                              "permanence", "leaving_care", "recommendations", "disputes"])
        overdue = sum(a["overdue"] for a in doc["areas"].values())
        check = run("check", "--on", "2026-11-22", self.CASELOAD).stdout.splitlines()[-1]
        self.assertIn(": %d overdue, %d due soon," % (overdue, sum(a["due_soon"] for a in doc["areas"].values())),
                      check)
        self.assertEqual(doc["cases"], 200)
        # The ladder's order, not the alphabet's.
        stoke = json.loads(run("summary", "--on", "2026-11-22", "--format", "json", "--policy",
                               "stoke-on-trent", self.CASELOAD).stdout)
        ladder = ["social-worker", "practice-manager", "strategic-manager", "dispute-resolution", "cafcass"]
        stages = list(stoke["disputes_by_stage"])
        self.assertEqual(stages, [s for s in ladder if s in stages])
        self.assertEqual(sum(stoke["disputes_by_stage"].values()), stoke["cases_in_dispute"])

    def test_progress_bar_on_a_terminal_for_a_large_caseload(self):
        generator = os.path.join(os.path.dirname(EXAMPLES), "tools", "careplan-generate")
        with tempfile.TemporaryDirectory() as d:
            subprocess.run(["/usr/bin/python3", generator, "--children", "600", "--seed", "7", d],
                           check=True, capture_output=True)
            master, slave = pty.openpty()
            try:
                r = subprocess.run([TOOL, "summary", "--on", "2026-03-31", os.path.join(d, "caseload.jsonl")],
                                   stdout=subprocess.PIPE, stderr=slave, text=True)
                os.close(slave)
                drawn = b""
                while True:
                    try:
                        chunk = os.read(master, 65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    drawn += chunk
            finally:
                os.close(master)
        # Exit status 1 says something is overdue, as the summary reports.
        self.assertRegex(r.stdout, r"\n[1-9]\d* cases have something overdue")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stdout.startswith("600 cases under england"), r.stdout)
        self.assertIn(b"[########################################] 600/600 cases", drawn)
        self.assertTrue(drawn.endswith(b"\r\x1b[K"), drawn[-40:])

    def test_usage(self):
        self.assertEqual(run("summary").returncode, 2)
        self.assertEqual(run("summary", "--format", "pdf", self.CASELOAD).returncode, 2)
        self.assertEqual(run("summary", "--excel", self.CASELOAD).returncode, 2)
        self.assertEqual(run("summary", "--format", "csv", "--from", "2026-01-01", "--to", "2026-03-31",
                             self.CASELOAD).returncode, 2)


class HelpTest(unittest.TestCase):
    def test_every_subcommand_has_help(self):
        for command in ("calendar", "validate", "policy", "check", "summary"):
            r = run(command, "--help")
            self.assertEqual(r.returncode, 0, command)
            self.assertIn("Usage:", r.stdout)
            self.assertIn("careplan " + command, r.stdout)
        self.assertIn("summary", run("--help").stdout)


class Ssda903CheckTest(unittest.TestCase):
    GENERATOR = os.path.join(os.path.dirname(EXAMPLES), "tools", "careplan-generate")

    def test_a_generated_return_is_checked_for_review_timeliness(self):
        with tempfile.TemporaryDirectory() as d:
            subprocess.run(["/usr/bin/python3", self.GENERATOR, "--children", "60", "--seed", "5", d], check=True)
            r = run("check", "--on", "2026-03-31", "--ssda903", os.path.join(d, "ssda903"))
            # Exit status 0: these children's reviews are none of them overdue.
            self.assertRegex(r.stdout, r": 0 overdue, ")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stderr, "")
            self.assertIn("60 cases under england as at 2026-03-31", r.stdout)
            # Only review obligations: the return holds no plans.
            for line in r.stdout.splitlines()[:-1]:
                self.assertRegex(line, r"^(\S*header\.csv:\d+|  \S+ +\d{4}-\d\d-\d\d.*review \d+: review\.|      cites: )")
            # Each child's record id is its CHILD column, in the Header's order.
            doc = json.loads(run("check", "--on", "2026-03-31", "-f", "json", "--ssda903",
                                 os.path.join(d, "ssda903")).stdout)
            with open(os.path.join(d, "ssda903", "header.csv"), newline="") as f:
                children = [row["CHILD"] for row in csv.DictReader(f)]
            self.assertEqual([c["record_id"] for c in doc["cases"]], children)
            self.assertEqual([c["source"] for c in doc["cases"]],
                             [os.path.join(d, "ssda903", "header.csv:%d" % (i + 2)) for i in range(60)])

    def test_a_bad_row_is_reported_by_file_line_and_column_and_the_rest_checked(self):
        with tempfile.TemporaryDirectory() as d:
            subprocess.run(["/usr/bin/python3", self.GENERATOR, "--children", "5", "--seed", "5", d], check=True)
            episodes = os.path.join(d, "ssda903", "episodes.csv")
            with open(episodes, newline="") as f:
                lines = f.read().split("\r\n")
            fields = lines[1].split(",")
            fields[3] = "XX"          # LS
            lines[1] = ",".join(fields)
            with open(episodes, "w", newline="") as f:
                f.write("\r\n".join(lines))
            r = run("check", "--on", "2026-03-31", "--ssda903", os.path.join(d, "ssda903"))
            self.assertEqual(r.returncode, 3)
            self.assertIn("episodes.csv:2:4: LS: “XX” is not a known code", r.stderr)
            self.assertNotIn("G0000001", r.stderr + r.stdout)
            self.assertIn("4 cases under england", r.stdout)
            self.assertIn("; 1 case could not be read\n", r.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
