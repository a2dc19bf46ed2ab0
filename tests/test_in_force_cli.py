# SPDX-License-Identifier: LGPL-2.1-or-later
"""Rules in force by date, through the careplan tool. Run with /usr/bin/python3."""

import json
import os
import subprocess
import tempfile
import unittest

TOOL = os.environ["CAREPLAN"]


def run(*args):
    return subprocess.run([TOOL, *args], capture_output=True, text=True)


def case(start, placement_extra=None):
    placement = {"kind": "connected-person-temporary", "start": start}
    placement.update(placement_extra or {})
    return {"version": 1,
            "child": {"id": "T-1", "birth_date": "2012-03-05", "looked_after_since": start,
                      "legal_statuses": [{"status": "care-order", "start": start}]},
            "placements": [placement]}


class InForceTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, document):
        path = os.path.join(self.dir.name, name)
        with open(path, "w") as f:
            json.dump(document, f)
        return path

    def obligations(self, path, on):
        r = run("check", "--on", on, "--all", "--format", "json", path)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return {o["key"]: o for o in json.loads(r.stdout)["cases"][0]["obligations"]}

    def test_check_in_2020_shows_the_modified_duty(self):
        path = self.write("c2020.json", case("2020-05-18", {"temporary_approval": "2020-05-18"}))
        r = run("check", "--on", "2020-06-01", path)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("2020-05-18 (14 days late)  placement 1: placement-plan.complete "
                      "[pl-placement-plan-within-5wd-stoke#si2020-445]", r.stdout)
        self.assertIn("cites: SI 2020/445 reg 8(4)", r.stdout)

        got = self.obligations(path, "2020-06-01")
        approval = got["placement.connected-person.approval"]
        self.assertEqual(approval["due"], "2020-09-25")
        self.assertIn("SI 2020/445 reg 8", approval["citation"])
        self.assertIn("24 weeks from the temporary approval (2020-05-18)", approval["explanation"])
        self.assertIn("nothing of it is saved", approval["explanation"])

    def test_check_in_2019_shows_the_standing_duty(self):
        path = self.write("c2019.json", case("2019-05-20"))
        got = self.obligations(path, "2019-06-01")
        plan = got["placement-plan.complete"]
        self.assertEqual((plan["due"], plan["rule_id"]), ("2019-05-28", "pl-placement-plan-within-5wd-stoke"))
        self.assertIn("SI 2010/959 reg 9(2)", plan["citation"])
        self.assertNotIn("2020/445", plan["citation"])
        approval = got["placement.connected-person.approval"]
        self.assertEqual(approval["due"], "2019-09-09")
        self.assertIn("no temporary approval date recorded", approval["explanation"])

    def test_policy_show_gives_the_dates(self):
        r = run("policy", "show", "england", "placement-plan.complete")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([line for line in r.stdout.splitlines() if line.startswith("in force:")],
                         ["in force:       until 2020-04-23",
                          "in force:       from 2020-04-24 until 2020-09-25",
                          "in force:       from 2020-09-26"])
        self.assertIn("citation:       SI 2020/445 reg 8(4)", r.stdout)

        listing = run("policy", "show", "england").stdout
        self.assertIn("on the day of placement (in force from 2020-04-24 until 2020-09-25)", listing)
        self.assertIn("within 24 weeks of temporary-approval (in force from 2020-04-24 until 2020-09-25)", listing)

        r = run("policy", "show", "england", "placement.connected-person.approval")
        self.assertIn("in force:       from 2020-04-24 until 2020-09-25 (lapses: nothing of it is saved)", r.stdout)

    def test_catalogue_gives_the_dates(self):
        r = run("policy", "catalogue")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("| `placement-plan.complete` | pl-placement-plan-within-5wd-stoke#si2020-445 | "
                      "on the day of placement (in force from 2020-04-24 until 2020-09-25) |", r.stdout)

    def test_a_timescale_no_case_can_fit_is_a_profile_error(self):
        rule = {"key": "placement-plan.complete", "id": "x", "kind": "deadline", "statement": "s",
                "quantity": 10000, "unit": "months", "anchor": "placement", "duty": "placement-plan",
                "citation": "c"}
        path = self.write("local.json", {"format": 1, "name": "testshire", "title": "T", "extends": "england",
                                         "rules": [rule]})
        r = run("policy", "show", path)
        self.assertEqual(r.returncode, 3)
        self.assertIn("rules[0].quantity: 10000 months cannot fit the calendar’s range", r.stderr)
        r = run("check", "--policy", path, self.write("c.json", case("2021-01-04")))
        self.assertIn(r.returncode, (2, 3))
        self.assertIn("rules[0].quantity", r.stderr)
        self.assertNotIn("c.json", r.stderr)


if __name__ == "__main__":
    unittest.main()
