# SPDX-License-Identifier: LGPL-2.1-or-later
"""careplan calendar deadlines and check --format ics: calendar files a
worker can import (docs/calendar.md). Run with /usr/bin/python3."""

import json
import os
import re
import subprocess
import tempfile
import time
import unittest

TOOL = os.environ["CAREPLAN"]
EXAMPLES = os.environ["CAREPLAN_EXAMPLES"]
CASELOAD = os.path.join(EXAMPLES, "data", "authority-caseload.jsonl")
ON = "2026-11-22"
EPOCH = 1767225600  # 2026-01-01T00:00:00Z


def run(*args, env=None):
    """The tool's result, its output decoded with its CRLF kept."""
    r = subprocess.run([TOOL, *args], capture_output=True, env=dict(os.environ, **(env or {})))
    r.stdout = r.stdout.decode("utf-8")
    r.stderr = r.stderr.decode("utf-8")
    return r


def events(text):
    """Each VEVENT of @text, unfolded, as a dict (VALARM lines kept apart)."""
    lines = text.replace("\r\n ", "").split("\r\n")
    out, ev, alarm = [], None, False
    for line in lines:
        if line == "BEGIN:VEVENT":
            ev = {"ALARMS": []}
        elif line == "END:VEVENT":
            out.append(ev)
            ev = None
        elif line == "BEGIN:VALARM":
            alarm = True
            ev["ALARMS"].append({})
        elif line == "END:VALARM":
            alarm = False
        elif ev is not None:
            name, _, value = line.partition(":")
            (ev["ALARMS"][-1] if alarm else ev)[name] = value
    return out


def ids_in(text):
    return {m for m in re.findall(r"child (G\d{7})", text.replace("\r\n ", ""))}


class DeadlinesTest(unittest.TestCase):
    def deadlines(self, *args, caseload=CASELOAD, env=None):
        r = run("calendar", "deadlines", "--on", ON, *args, caseload, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def test_titles_name_the_duty_and_record_id_not_a_path(self):
        text = self.deadlines()
        evs = events(text)
        self.assertGreater(len(evs), 10)
        for ev in evs:
            summary = ev["SUMMARY"]
            self.assertNotIn("/", summary)
            self.assertNotIn(".jsonl", summary)
            self.assertRegex(summary, r"^[a-z-]+: .+ \([a-z0-9_.-]+\)\\, child G\d{7}$")
            # The UID is a keyed hash: never the id.
            self.assertNotRegex(ev["UID"], r"G\d{7}")
            self.assertRegex(ev["UID"], r"^[0-9a-f]{32}@careplan$")
        self.assertNotIn(CASELOAD, text)
        # --no-record-id: no identifier anywhere in the file.
        bare = self.deadlines("--no-record-id")
        self.assertNotRegex(bare, r"G\d{7}")
        self.assertEqual(len(events(bare)), len(evs))

    def test_check_format_ics_has_the_same_titles(self):
        r = run("check", "--on", ON, "--format", "ics", CASELOAD, env={"SOURCE_DATE_EPOCH": str(EPOCH)})
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertEqual(r.stdout, self.deadlines(env={"SOURCE_DATE_EPOCH": str(EPOCH)}))
        self.assertNotIn(CASELOAD, r.stdout)
        r = run("check", "--on", ON, "--format", "ics", "--no-record-id", "--remind-days", "0", CASELOAD)
        self.assertNotRegex(r.stdout, r"G\d{7}")
        self.assertNotIn("BEGIN:VALARM", r.stdout)

    def test_split_by_worker(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "calendars")
            r = run("calendar", "deadlines", "--on", ON, "--split-by", "worker", "--output", out, CASELOAD)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertRegex(r.stderr, r"^\d+ deadlines written to \d+ files in ")
            names = sorted(os.listdir(out))
            self.assertIn("unallocated.ics", names)
            self.assertGreater(len(names), 5)
            self.assertEqual(os.stat(out).st_mode & 0o777, 0o700)
            seen = set()
            for name in names:
                path = os.path.join(out, name)
                self.assertEqual(os.stat(path).st_mode & 0o777, 0o600, name)
                self.assertNotRegex(name, r"G\d{7}", "no child identifier in a file name")
                with open(path, "rb") as f:
                    text = f.read().decode("utf-8")
                self.assertTrue(text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n"))
                ids = ids_in(text)
                self.assertFalse(ids & seen, "a child in two workers' files")
                seen |= ids
                if name == "unallocated.ics":
                    continue
                worker = name[:-len(".ics")]
                self.assertIn(": " + worker, text.replace("\r\n ", ""))
                # Exactly the cases check --worker allocates to them.
                theirs = run("check", "--on", ON, "--format", "ics", "--worker", worker, CASELOAD).stdout
                self.assertEqual(ids, ids_in(theirs), worker)
            self.assertEqual(seen, ids_in(self.deadlines()))

    def test_split_by_needs_a_directory(self):
        r = run("calendar", "deadlines", "--on", ON, "--split-by", "team", CASELOAD)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--output DIR", r.stderr)
        r = run("calendar", "deadlines", "--on", ON, "--split-by", "cat", "--output", "/tmp", CASELOAD)
        self.assertEqual(r.returncode, 2)

    def test_reminders(self):
        evs = events(self.deadlines())
        open_evs = [ev for ev in evs if ev["STATUS"] == "CONFIRMED"]
        self.assertGreater(len(open_evs), 10)
        for ev in open_evs:
            self.assertEqual(len(ev["ALARMS"]), 1)
            self.assertEqual(ev["ALARMS"][0]["ACTION"], "DISPLAY")
            self.assertEqual(ev["ALARMS"][0]["TRIGGER"], "-P5D")
        for ev in evs:
            if ev["STATUS"] == "CANCELLED":
                self.assertEqual(ev["ALARMS"], [])
        three = events(self.deadlines("--remind-days", "3"))
        self.assertTrue(all(ev["ALARMS"][0]["TRIGGER"] == "-P3D" for ev in three if ev["STATUS"] == "CONFIRMED"))
        none = self.deadlines("--remind-days", "0")
        self.assertNotIn("VALARM", none)
        self.assertEqual(run("calendar", "deadlines", "--remind-days", "-4", CASELOAD).returncode, 2)

    def test_dtstamp_is_when_the_file_was_made(self):
        evs = events(self.deadlines(env={"SOURCE_DATE_EPOCH": str(EPOCH)}))
        self.assertTrue(all(ev["DTSTAMP"] == "20260101T000000Z" for ev in evs))
        before = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(time.time() - 1))
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        r = subprocess.run([TOOL, "calendar", "deadlines", "--on", ON, CASELOAD], capture_output=True, env=env)
        r.stdout = r.stdout.decode("utf-8")
        after = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(time.time() + 1))
        stamps = {ev["DTSTAMP"] for ev in events(r.stdout)}
        self.assertEqual(len(stamps), 1)
        self.assertTrue(before <= stamps.pop() <= after)
        r = run("calendar", "deadlines", "--on", ON, CASELOAD, env={"SOURCE_DATE_EPOCH": "yesterday"})
        self.assertEqual(r.returncode, 2)
        self.assertIn("SOURCE_DATE_EPOCH", r.stderr)

    def test_met_duty_is_cancelled_with_the_same_uid(self):
        with open(CASELOAD) as f:
            cases = [json.loads(line) for line in f]
        first = events(self.deadlines())
        target = next(ev for ev in first if ev["STATUS"] == "CONFIRMED" and
                      "(review.recommendation)" in ev["SUMMARY"])
        self.assertEqual(target["SEQUENCE"], "0")
        m = re.match(r"recommendation: review (\d+) recommendation (\d+) .*child (G\d{7})$", target["SUMMARY"])
        review, rec, child = int(m.group(1)), int(m.group(2)), m.group(3)
        case = next(c for c in cases if c["child"]["id"] == child)
        r = next(r for r in case["reviews"] if r["sequence"] == review)
        r["recommendations"][rec - 1]["status"] = "done"
        r["recommendations"][rec - 1]["completed_on"] = ON
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "caseload.jsonl")
            with open(path, "w") as f:
                for c in cases:
                    f.write(json.dumps(c) + "\n")
            second = events(self.deadlines(caseload=path))
        again = [ev for ev in second if ev["UID"] == target["UID"]]
        self.assertEqual(len(again), 1)
        self.assertEqual(again[0]["STATUS"], "CANCELLED")
        self.assertGreater(int(again[0]["SEQUENCE"]), int(target["SEQUENCE"]))
        self.assertEqual(again[0]["DTSTART;VALUE=DATE"], target["DTSTART;VALUE=DATE"])
        # Every other event keeps its UID from one run to the next.
        self.assertEqual({ev["UID"] for ev in first} - {target["UID"]},
                         {ev["UID"] for ev in second} - {target["UID"]})

    def test_folding_and_line_ends(self):
        raw = subprocess.run([TOOL, "calendar", "deadlines", "--on", ON, CASELOAD], capture_output=True).stdout
        self.assertNotIn(b"\n", raw.replace(b"\r\n", b""))
        for line in raw.split(b"\r\n"):
            self.assertLessEqual(len(line), 75)


if __name__ == "__main__":
    unittest.main()
