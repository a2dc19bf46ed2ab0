# SPDX-License-Identifier: LGPL-2.1-or-later
"""careplan check -j N and careplan summary -j N give, byte for byte, what
-j 1 gives (standard output, standard error and exit status), in every
format, on a generated caseload. Run with /usr/bin/python3."""

import os
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ["CAREPLAN"]
GENERATE = os.environ["CAREPLAN_GENERATE"]
EXAMPLES = os.environ["CAREPLAN_EXAMPLES"]


def run(*args):
    # The iCalendar DTSTAMP is the time the file was made: fixed, so runs agree.
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    r = subprocess.run([TOOL, *args], capture_output=True, env=env)
    return r.returncode, r.stdout, r.stderr


class JobsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        subprocess.run([sys.executable, GENERATE, "--children", "2000", "--seed", "7",
                        "--as-at", "2026-11-22", "--case-records", cls.dir.name],
                       check=True, capture_output=True)
        with open(os.path.join(cls.dir.name, "caseload.jsonl")) as f:
            lines = f.read().splitlines()
        # A bad line and a blank line, so that an error on stderr comes
        # between cases and line numbers are counted across blanks.
        lines.insert(700, "{ not json")
        lines.insert(1200, "")
        cls.caseload = os.path.join(cls.dir.name, "mixed.jsonl")
        with open(cls.caseload, "w") as f:
            f.write("\n".join(lines) + "\n")
        cls.files = [cls.caseload, os.path.join(EXAMPLES, "data", "new-entrant.json")]
        # The same children as SSD extracts, with a bad row in a child's
        # visits and an episode of a person missing from ssd_person, so
        # that errors come between children and after the last.
        ssd = os.path.join(cls.dir.name, "ssd")
        with open(os.path.join(ssd, "ssd_cla_visits.csv")) as f:
            visits = f.read().splitlines()
        head, cells = visits[0].split(","), visits[900].split(",")
        cells[head.index("clav_cla_visit_date")] = "2026-02-30"
        visits[900] = ",".join(cells)
        with open(os.path.join(ssd, "ssd_cla_visits.csv"), "w") as f:
            f.write("\r\n".join(visits) + "\r\n")
        with open(os.path.join(ssd, "ssd_cla_episodes.csv")) as f:
            episodes = f.read().splitlines()
        cells = episodes[1].split(",")
        cells[1] = "NOBODY"
        with open(os.path.join(ssd, "ssd_cla_episodes.csv"), "a") as f:
            f.write(",".join(cells) + "\r\n")
        cls.ssd = ssd

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def same_for_any_jobs(self, *args):
        one = run(*args, "-j", "1", *self.files)
        self.assertIn(one[0], (1, 3))
        self.assertGreater(len(one[1]), 500)
        for jobs in ("2", "3", "8"):
            with self.subTest(args=args, jobs=jobs):
                self.assertEqual(run(*args, "-j", jobs, *self.files), one)
        # The default: one thread per core.
        self.assertEqual(run(*args, *self.files), one)

    def test_check_text(self):
        self.same_for_any_jobs("check", "--on", "2026-11-22", "--policy", "stoke-on-trent")

    def test_check_text_all(self):
        self.same_for_any_jobs("check", "--on", "2026-11-22", "--all")

    def test_check_json(self):
        self.same_for_any_jobs("check", "--on", "2026-11-22", "--format", "json")

    def test_check_csv(self):
        self.same_for_any_jobs("check", "--on", "2026-11-22", "--format", "csv", "--policy", "salford")

    def test_check_ics(self):
        self.same_for_any_jobs("check", "--on", "2026-11-22", "--format", "ics")

    def test_check_team_pseudonymised(self):
        # Each thread writes its cases' reports: the allocation filter and
        # the keyed record ids are applied there, as on one thread.
        key = os.path.join(self.dir.name, "pseudonym.key")
        with open(key, "w") as f:
            f.write("a key of more than sixteen bytes\n")
        self.same_for_any_jobs("check", "--on", "2026-11-22", "--all", "--format", "json",
                               "--team", "Children in Care South", "--pseudonymise", key)
        self.same_for_any_jobs("check", "--on", "2026-11-22", "--all", "--format", "csv", "--excel",
                               "--policy", "swindon", "--pseudonymise", key)

    def test_summary(self):
        self.same_for_any_jobs("summary", "--on", "2026-11-22", "--policy", "warrington")
        self.same_for_any_jobs("summary", "--on", "2026-11-22", "--format", "json")
        # Each thread counts its cases; the groups and disputes' stages are
        # added in input order.
        self.same_for_any_jobs("summary", "--on", "2026-11-22", "--by", "team", "--format", "csv")
        self.same_for_any_jobs("summary", "--on", "2026-11-22", "--by", "worker")
        self.same_for_any_jobs("summary", "--on", "2026-11-22", "--from", "2026-04-01", "--to", "2026-09-30")

    def same_for_any_jobs_on_the_ssd(self, *args):
        one = run(*args, "-j", "1", "--ssd", self.ssd)
        self.assertIn(one[0], (1, 3))
        self.assertGreater(len(one[1]), 500)
        # Both bad rows are reported, by file, row and column.
        self.assertEqual(one[2].count(b"ssd_cla_visits.csv:901:4: clav_cla_visit_date: "), 1, one[2])
        self.assertEqual(one[2].count(b"ssd_cla_episodes.csv:"), 1, one[2])
        for jobs in ("2", "3", "8"):
            with self.subTest(args=args, jobs=jobs):
                self.assertEqual(run(*args, "-j", jobs, "--ssd", self.ssd), one)
        self.assertEqual(run(*args, "--ssd", self.ssd), one)

    def test_the_ssd(self):
        self.same_for_any_jobs_on_the_ssd("check", "--on", "2026-11-22", "--all", "--format", "json")
        self.same_for_any_jobs_on_the_ssd("check", "--on", "2026-11-22", "--format", "csv", "--policy", "swindon")
        self.same_for_any_jobs_on_the_ssd("check", "--on", "2026-11-22")
        self.same_for_any_jobs_on_the_ssd("summary", "--on", "2026-11-22", "--format", "json")

    def test_bad_line_is_reported_in_order(self):
        code, out, err = run("check", "-j", "2", "--on", "2026-11-22", *self.files)
        self.assertEqual(code, 3)
        self.assertIn(f"{self.caseload}: line 701: ".encode(), err)

    def test_bad_jobs(self):
        self.assertEqual(run("check", "-j", "-1", self.files[1])[0], 2)
        self.assertEqual(run("summary", "--jobs", "x", self.files[1])[0], 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
