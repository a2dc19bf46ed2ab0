# SPDX-License-Identifier: LGPL-2.1-or-later
"""The careplan tool, as a user runs it. Run with /usr/bin/python3."""

import os
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


if __name__ == "__main__":
    unittest.main(verbosity=2)
