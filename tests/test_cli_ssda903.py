# SPDX-License-Identifier: LGPL-2.1-or-later
"""careplan check and summary on an SSDA903 return, told honestly: the date
a return is as at, what it cannot show, a missing Reviews table, --lenient,
stacked extracts (docs/ssda903.md). Run with /usr/bin/python3."""

import csv
import datetime
import io
import json
import os
import re
import subprocess
import tempfile
import unittest

TOOL = os.environ["CAREPLAN"]
EXAMPLES = os.environ["CAREPLAN_EXAMPLES"]
GENERATOR = os.path.join(os.path.dirname(EXAMPLES), "tools", "careplan-generate")
ID = re.compile(r"G\d{7}")


def run(*args):
    return subprocess.run([TOOL, *args], capture_output=True, text=True)


def read_table(path):
    with open(path, newline="") as f:
        return list(csv.reader(io.StringIO(f.read())))


def write_table(path, rows):
    with open(path, "w", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def day(text):
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()


class ReturnTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        subprocess.run(["/usr/bin/python3", GENERATOR, "--children", "40", "--seed", "11", "--as-at", "2026-11-22",
                        self.tmp.name], check=True, capture_output=True)
        self.dir = os.path.join(self.tmp.name, "ssda903")
        self.table = lambda name: os.path.join(self.dir, name)

    def period_end(self):
        episodes = read_table(self.table("episodes.csv"))
        head = episodes[0]
        latest = max(day(row[head.index(col)]) for row in episodes[1:] for col in ("DECOM", "DEC")
                     if row[head.index(col)])
        year = latest.year + (1 if latest.month > 3 else 0)
        return "%d-03-31" % year

    def test_on_defaults_to_the_end_of_the_collection_period(self):
        end = self.period_end()
        self.assertEqual(end, "2027-03-31")
        r = run("check", "--ssda903", self.dir)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertIn("40 cases under england as at %s:" % end, r.stdout)
        doc = json.loads(run("summary", "--format", "json", "--ssda903", self.dir).stdout)
        self.assertEqual(doc["as_at"], end)
        # No child is years late because the return is read years on.
        for m in re.finditer(r"\((\d+) days? late\)", r.stdout):
            self.assertLess(int(m.group(1)), 800)
        # --on still wins.
        self.assertIn("as at 2026-11-22:", run("check", "--on", "2026-11-22", "--ssda903", self.dir).stdout)

    def test_summary_says_what_is_not_in_the_return(self):
        r = run("summary", "--ssda903", self.dir)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertRegex(r.stdout, r"\nreviews +\d+ +\d+ +\d+\n")
        for area in ("review paperwork", "plans", "visits", "health, education", "permanence", "leaving care",
                     "recommendations", "disputes"):
            self.assertRegex(r.stdout, r"\n%s +not in the return\n" % area)
        doc = json.loads(run("summary", "--format", "json", "--ssda903", self.dir).stdout)
        self.assertIsInstance(doc["areas"]["reviews"], dict)
        self.assertIsNone(doc["areas"]["visits"])
        self.assertIsNone(doc["areas"]["plans"])
        self.assertIn("visits", doc["not_in_return"])
        self.assertNotIn("reviews", doc["not_in_return"])
        self.assertEqual(set(doc["not_in_return"]), {a for a, v in doc["areas"].items() if v is None})
        # A case of the library's own format holds every area.
        caseload = os.path.join(EXAMPLES, "data", "caseload.jsonl")
        both = json.loads(run("summary", "--format", "json", "--ssda903", self.dir, caseload).stdout)
        self.assertEqual(both["not_in_return"], [])
        self.assertNotIn(None, both["areas"].values())

    def test_a_missing_reviews_table_is_a_warning_not_overdue_reviews(self):
        os.remove(self.table("reviews.csv"))
        r = run("check", "--ssda903", self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr, r"warning: .*no reviews\.csv: .*cannot be judged")
        self.assertIn(": 0 overdue, 0 due soon", r.stdout)
        self.assertNotRegex(r.stderr, ID)
        s = run("summary", "--format", "json", "--ssda903", self.dir)
        self.assertIn("no reviews.csv", s.stderr)
        self.assertIn("reviews", json.loads(s.stdout)["not_in_return"])

    def test_lenient_reads_an_open_x1_episode_and_counts_it(self):
        episodes = read_table(self.table("episodes.csv"))
        head = episodes[0]
        dec, rec, child = head.index("DEC"), head.index("REC"), head.index("CHILD")
        last = {}
        for i, row in enumerate(episodes[1:], 1):
            last[row[child]] = i
        open_rows = [i for i in last.values() if episodes[i][dec] == "" and episodes[i][rec] == ""][:3]
        self.assertEqual(len(open_rows), 3)
        for i in open_rows:
            episodes[i][rec] = "X1"
        write_table(self.table("episodes.csv"), episodes)

        strict = run("check", "--ssda903", self.dir)
        self.assertEqual(strict.returncode, 3)
        self.assertEqual(strict.stderr.count("DEC: missing (the episode has a reason for ending, X1)"), 3)
        self.assertIn("37 cases under", strict.stdout)

        lenient = run("check", "--lenient", "--ssda903", self.dir)
        self.assertIn(lenient.returncode, (0, 1), lenient.stderr)
        self.assertIn("40 cases under", lenient.stdout)
        self.assertRegex(lenient.stderr, r"warning: .*: 3 children read with --lenient: the last episode is open "
                                         r"with REC X1 and no DEC")
        self.assertNotRegex(lenient.stderr, ID, "a warning never names a child")
        summary = run("summary", "--lenient", "--ssda903", self.dir)
        self.assertTrue(summary.stdout.startswith("40 cases under"), summary.stdout)

    def test_a_stacked_extract_is_split_by_authority_and_year(self):
        stacked = os.path.join(self.tmp.name, "stacked")
        os.mkdir(stacked)
        for name in ("header.csv", "episodes.csv", "reviews.csv"):
            rows = read_table(self.table(name))
            out = [rows[0] + ["LA", "YEAR"]]
            for la, year in (("Bromley", "2026"), ("Hillingdon", "2026"), ("Bromley", "2025")):
                out += [row + [la, year] for row in rows[1:]]
            write_table(os.path.join(stacked, name), out)
        r = run("check", "--format", "json", "--ssda903", stacked)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertNotIn("appears twice", r.stderr)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["totals"]["cases"], 120)
        sources = [c["source"] for c in doc["cases"]]
        for la, year in (("Bromley", "2026"), ("Hillingdon", "2026"), ("Bromley", "2025")):
            self.assertTrue(any(s.endswith("(LA %s, YEAR %s)" % (la, year)) for s in sources), (la, year))
        # Each return as at its own year's end: a year-older copy is not a
        # year later in "days late".
        older = os.path.join(self.tmp.name, "older")
        os.mkdir(older)
        shift = datetime.timedelta(days=364)
        date_re = re.compile(r"^\d\d/\d\d/\d{4}$")
        for name in ("header.csv", "episodes.csv", "reviews.csv"):
            rows = read_table(self.table(name))
            out = [rows[0] + ["LA", "YEAR"]] + [row + ["Bromley", "2026"] for row in rows[1:]]
            out += [[(day(v) - shift).strftime("%d/%m/%Y") if date_re.match(v) else v for v in row] +
                    ["Bromley", "2025"] for row in rows[1:]]
            write_table(os.path.join(older, name), out)
        text = run("check", "--ssda903", older)
        self.assertIn(text.returncode, (0, 1), text.stderr)
        self.assertIn("80 cases under england as at 2027-03-31:", text.stdout)
        late = [int(n) for n in re.findall(r"\((\d+) days? late\)", text.stdout)]
        self.assertTrue(late)
        self.assertLess(max(late), 300, "the older year's reviews counted from the later year's end")
        # Without the columns the same rows are duplicates.
        plain = os.path.join(self.tmp.name, "plain")
        os.mkdir(plain)
        for name in ("header.csv", "episodes.csv", "reviews.csv"):
            rows = read_table(self.table(name))
            write_table(os.path.join(plain, name), [rows[0]] + rows[1:] * 2)
        self.assertIn("appears twice", run("check", "--ssda903", plain).stderr)


if __name__ == "__main__":
    unittest.main()
