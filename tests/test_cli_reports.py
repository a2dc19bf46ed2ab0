# SPDX-License-Identifier: LGPL-2.1-or-later
"""What managers read: careplan summary --by/--from/--to, careplan check
--team/--worker/--iro and careplan report, on a caseload made by
careplan-generate (with allocations). Run with /usr/bin/python3."""

import csv
import io
import json
import os
import stat
import subprocess
import tempfile
import unittest

TOOL = os.environ["CAREPLAN"]
GENERATE = os.environ["CAREPLAN_GENERATE"]
EXAMPLES = os.environ["CAREPLAN_EXAMPLES"]
MEASURES = ["reviews", "visits", "health_assessments", "peps", "care_plans", "placement_plans"]


def run(*args):
    return subprocess.run([TOOL, *args], capture_output=True, text=True)


def run_bytes(*args):
    return subprocess.run([TOOL, *args], capture_output=True)


BOM = b"\xef\xbb\xbf"


class Caseload(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        subprocess.run(["/usr/bin/python3", GENERATE, "--children", "40", "--seed", "21",
                        "--as-at", "2026-03-31", "--case-records", cls.tmp.name],
                       check=True, capture_output=True)
        cls.caseload = os.path.join(cls.tmp.name, "caseload.jsonl")
        with open(cls.caseload) as f:
            cls.cases = [json.loads(line) for line in f]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def current(self, case, role, day="2026-03-31"):
        found = None
        for a in case.get("allocations", []):
            if a["role"] == role and a["start"] <= day and ("end" not in a or day <= a["end"]):
                if found is None or a["start"] >= found["start"]:
                    found = a
        return found


class SummaryTest(Caseload):
    def test_generated_allocations_are_valid(self):
        r = run("validate", self.caseload)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(all(c.get("allocations") for c in self.cases))

    def test_plain_summary_has_no_groups_or_rates(self):
        r = run("summary", "--on", "2026-03-31", self.caseload)
        self.assertNotIn("By team", r.stdout)
        self.assertNotIn("Timeliness", r.stdout)
        doc = json.loads(run("summary", "-f", "json", "--on", "2026-03-31", self.caseload).stdout)
        self.assertNotIn("timeliness", doc)
        # Identifiers, not labels, since the exports change (docs/command-line.md).
        self.assertIn("health_education", doc["areas"])
        self.assertNotIn("health, education", doc["areas"])

    def test_by_team_counts_every_case_once(self):
        doc = json.loads(run("summary", "-f", "json", "--by", "team", "--on", "2026-03-31",
                             self.caseload).stdout)
        groups = doc["by_team"]
        self.assertEqual(sum(g["cases"] for g in groups.values()), doc["cases"])
        expected = {}
        for c in self.cases:
            a = self.current(c, "social-worker")
            team = a["team"] if a else "unallocated"
            expected[team] = expected.get(team, 0) + 1
        self.assertEqual({k: v["cases"] for k, v in groups.items()}, expected)
        self.assertEqual(sum(g["overdue"] for g in groups.values()),
                         sum(a["overdue"] for a in doc["areas"].values()))
        text = run("summary", "--by", "iro", "--on", "2026-03-31", self.caseload).stdout
        self.assertIn("By iro, as allocated on 2026-03-31:", text)

    def test_rates_in_json_are_snake_case_and_add_up(self):
        r = run("summary", "-f", "json", "--on", "2026-03-31", "--from", "2025-04-01",
                "--to", "2026-03-31", self.caseload)
        t = json.loads(r.stdout)["timeliness"]
        self.assertEqual((t["from"], t["to"], t["grouping"]), ("2025-04-01", "2026-03-31", "authority"))
        self.assertEqual(list(t["groups"]), ["all"])
        for key in MEASURES:
            m = t["groups"]["all"][key]
            self.assertEqual(m["due"], m["on_time"] + m["late"])
            self.assertLessEqual(m["open_at_end"], m["late"])
            if m["due"]:
                self.assertAlmostEqual(m["share_on_time"], m["on_time"] / m["due"])
            else:
                self.assertIsNone(m["share_on_time"])
        self.assertGreater(t["groups"]["all"]["reviews"]["due"], 0)

    def test_rates_by_worker_sum_to_the_authority(self):
        args = ["-f", "json", "--on", "2026-03-31", "--from", "2025-10-01", "--to", "2026-03-31",
                self.caseload]
        whole = json.loads(run("summary", *args).stdout)["timeliness"]["groups"]["all"]
        by = json.loads(run("summary", "--by", "worker", *args).stdout)["timeliness"]
        self.assertEqual(by["grouping"], "worker")
        for key in MEASURES:
            self.assertEqual(sum(g[key]["due"] for g in by["groups"].values()), whole[key]["due"])
        text = run("summary", "--by", "worker", *args[2:]).stdout
        self.assertIn("Timeliness of obligations due from 2025-10-01 to 2026-03-31, by worker", text)

    def test_bad_options(self):
        self.assertEqual(run("summary", "--by", "planet", self.caseload).returncode, 2)
        self.assertEqual(run("summary", "--from", "2025-01-01", self.caseload).returncode, 2)
        r = run("summary", "--from", "2025-02-01", "--to", "2025-01-01", self.caseload)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--to", r.stderr)


class ExportTest(Caseload):
    """Exports that open cleanly: --excel, summary's CSV, the record id."""

    def summary_csv(self, *args):
        r = run_bytes("summary", "-f", "csv", "--on", "2026-03-31", *args, self.caseload)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return r.stdout

    def test_excel_writes_a_byte_order_mark_and_nothing_else_changes(self):
        for command in (["check", "--on", "2026-03-31", "-f", "csv"], ["summary", "--on", "2026-03-31", "-f", "csv"]):
            plain = run_bytes(*command, self.caseload)
            excel = run_bytes(*command, "--excel", self.caseload)
            self.assertFalse(plain.stdout.startswith(BOM), command)
            self.assertEqual(excel.stdout, BOM + plain.stdout, command)
            self.assertEqual(excel.returncode, plain.returncode)
        # A section sign survives as UTF-8 after the mark.
        self.assertIn("§".encode(), run_bytes("check", "--on", "2026-03-31", "-f", "csv", "--excel",
                                              self.caseload).stdout)
        for fmt in ("text", "json", "ics"):
            r = run("check", "--on", "2026-03-31", "-f", fmt, "--excel", self.caseload)
            self.assertEqual(r.returncode, 2, fmt)
            self.assertIn("--excel goes with --format csv", r.stderr)

    def test_summary_csv_has_a_row_per_area_matching_the_json(self):
        rows = list(csv.DictReader(io.StringIO(self.summary_csv().decode(), newline="")))
        doc = json.loads(run("summary", "-f", "json", "--on", "2026-03-31", self.caseload).stdout)
        self.assertEqual(list(rows[0]), ["grouping", "group", "area", "cases", "overdue", "cases_overdue",
                                         "due_soon"])
        self.assertEqual([r["area"] for r in rows], list(doc["areas"]) + ["all"])
        for r in rows:
            self.assertEqual((r["grouping"], r["group"], int(r["cases"])), ("authority", "all", doc["cases"]))
            if r["area"] != "all":
                self.assertEqual({k: int(r[k]) for k in ("overdue", "cases_overdue", "due_soon")},
                                 doc["areas"][r["area"]])
        total = rows[-1]
        self.assertEqual(int(total["overdue"]), sum(a["overdue"] for a in doc["areas"].values()))
        self.assertEqual(int(total["cases_overdue"]), doc["cases_with_overdue"])
        self.assertTrue(self.summary_csv().endswith(b"\r\n"))

    def test_summary_csv_by_team_adds_up_to_the_authority(self):
        rows = list(csv.DictReader(io.StringIO(self.summary_csv("--by", "team").decode(), newline="")))
        doc = json.loads(run("summary", "-f", "json", "--by", "team", "--on", "2026-03-31",
                             self.caseload).stdout)
        authority = {r["area"]: r for r in rows if r["grouping"] == "authority"}
        teams = [r for r in rows if r["grouping"] == "team"]
        self.assertEqual(sorted({r["group"] for r in teams}), sorted(doc["by_team"]))
        self.assertEqual(len(teams), len(doc["by_team"]) * len(authority))
        for area, a in authority.items():
            for k in ("overdue", "cases_overdue", "due_soon"):
                self.assertEqual(sum(int(r[k]) for r in teams if r["area"] == area), int(a[k]), (area, k))
        for r in teams:
            if r["area"] == "all":
                g = doc["by_team"][r["group"]]
                self.assertEqual((int(r["cases"]), int(r["overdue"]), int(r["cases_overdue"]), int(r["due_soon"])),
                                 (g["cases"], g["overdue"], g["cases_overdue"], g["due_soon"]))

    def test_check_names_each_case_by_its_record_id(self):
        ids = [c["child"]["id"] for c in self.cases]
        doc = json.loads(run("check", "--on", "2026-03-31", "-f", "json", "--all", self.caseload).stdout)
        self.assertEqual([c["record_id"] for c in doc["cases"]], ids)
        self.assertEqual([c["source"] for c in doc["cases"]],
                         ["%s:%d" % (self.caseload, i + 1) for i in range(len(ids))])
        rows = list(csv.reader(io.StringIO(run("check", "--on", "2026-03-31", "-f", "csv", "--all",
                                               self.caseload).stdout, newline="")))
        self.assertEqual(rows[0][:2], ["source", "record_id"])
        for row in rows[1:]:
            self.assertEqual(row[1], ids[int(row[0].rsplit(":", 1)[1]) - 1])


class CheckFilterTest(Caseload):
    def count(self, *args):
        r = run("check", "--on", "2026-03-31", *args, self.caseload)
        return int(r.stdout.strip().splitlines()[-1].split()[0])

    def test_team_worker_iro(self):
        a = next(self.current(c, "social-worker") for c in self.cases if self.current(c, "social-worker"))
        team_cases = sum(1 for c in self.cases
                         if (self.current(c, "social-worker") or {}).get("team") == a["team"])
        worker_cases = sum(1 for c in self.cases
                           if (self.current(c, "social-worker") or {}).get("staff") == a["staff"])
        self.assertEqual(self.count("--team", a["team"]), team_cases)
        self.assertEqual(self.count("--worker", a["staff"]), worker_cases)
        self.assertEqual(self.count("--team", a["team"], "--worker", a["staff"]), worker_cases)
        self.assertEqual(self.count("--team", "No Such Team"), 0)
        iro = next(self.current(c, "iro") for c in self.cases if self.current(c, "iro"))
        self.assertGreater(self.count("--iro", iro["staff"]), 0)


class ReportTest(Caseload):
    def test_report_is_self_contained_private_and_atomic(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "report.html")
            r = run("report", "--format", "html", "--on", "2026-03-31", "--output", out, self.caseload)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
            with open(out, encoding="utf-8") as f:
                page = f.read()
            self.assertTrue(page.startswith("<!DOCTYPE html>"))
            self.assertGreaterEqual(page.count("<svg"), 3)
            for forbidden in ("<script", "<link", "src=", "https://", "url("):
                self.assertNotIn(forbidden, page)
            self.assertNotIn("http://", page.replace('xmlns="http://www.w3.org/2000/svg"', ""))
            self.assertIn("SI 2010/959", page)
            self.assertIn("Timeliness over the last 12 months", page)
            self.assertIn("Apr 2025", page)
            self.assertIn("Mar 2026", page)
            # The report names record ids (it is the authority's own); the
            # messages do not.
            self.assertIn("<code>G00000", page)
            for c in self.cases:
                self.assertNotIn(c["child"]["id"], r.stderr)
            # Rewritten in place: still private, still whole.
            r = run("report", "--on", "2026-03-31", "--output", out, self.caseload)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
            self.assertEqual(sorted(os.listdir(d)), ["report.html"])

    def test_bad_command_lines(self):
        self.assertEqual(run("report", self.caseload).returncode, 2)                       # no --output
        self.assertEqual(run("report", "--format", "pdf", "--output", "x.pdf", self.caseload).returncode, 2)
        self.assertEqual(run("report", "--output", "x.html").returncode, 2)                # no caseload
        r = run("report", "--output", "/nonexistent-dir/r.html", self.caseload)
        self.assertEqual(r.returncode, 3)
        self.assertFalse(os.path.exists("/nonexistent-dir/r.html"))


if __name__ == "__main__":
    unittest.main()
