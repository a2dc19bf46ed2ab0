# SPDX-License-Identifier: LGPL-2.1-or-later
"""Cases worked out by hand from the regulations (tests/statutory/cases.json),
run through the careplan tool as a user runs it. Run with /usr/bin/python3.

Each check names a rule (its key, or a key prefix), optionally the subject,
and the due date and status worked out by hand. A check fails when no
obligation of that rule and subject has that due date (or that status)."""

import json
import os
import subprocess
import tempfile
import unittest

TOOL = os.environ["CAREPLAN"]
CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "statutory", "cases.json")


def obligations(policy, on, case):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "case.json")
        with open(path, "w") as f:
            json.dump(case, f)
        r = subprocess.run([TOOL, "check", "--all", "--format", "json", "--policy", policy,
                            "--on", on, path], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise AssertionError(f"careplan check failed ({r.returncode}): {r.stderr}")
    return json.loads(r.stdout)["cases"][0]["obligations"]


def matches(check, o):
    if "key" in check and o["key"] != check["key"]:
        return False
    if "key_prefix" in check and not o["key"].startswith(check["key_prefix"]):
        return False
    return "subject" not in check or o["subject"] == check["subject"]


class HandWorkedCases(unittest.TestCase):
    def test_every_case(self):
        with open(CASES) as f:
            cases = json.load(f)["cases"]
        self.assertGreater(len(cases), 0)
        for c in cases:
            obs = None
            with self.subTest(case=c["name"]):
                obs = obligations(c["policy"], c["on"], c["case"])
            if obs is None:
                continue
            for check in c["checks"]:
                with self.subTest(case=c["name"], check=check.get("key", check.get("key_prefix"))):
                    found = [o for o in obs if matches(check, o)]
                    self.assertTrue(found, f"no obligation for {check}; got "
                                    + ", ".join(f"{o['key']}/{o['subject']}" for o in obs))
                    dues = sorted(o["due"] for o in found if o["due"])
                    self.assertIn(check["due"], dues, f"{check['worked']}")
                    if "status" in check:
                        o = next(o for o in found if o["due"] == check["due"])
                        self.assertEqual(o["status"], check["status"], check["worked"])


if __name__ == "__main__":
    unittest.main()
