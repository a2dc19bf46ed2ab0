# SPDX-License-Identifier: LGPL-2.1-or-later
"""Allocations and timeliness measures (CpMeasures) from Python, as a
performance analyst's script would use them. Run with Debian's
/usr/bin/python3 (python3-gi)."""

import json
import math
import os
import subprocess
import unittest

import gi

gi.require_version("Careplan", "1.0")
from gi.repository import Careplan  # noqa: E402

D = Careplan.date_parse_iso
Role = Careplan.Role
M = Careplan.Measure


class MeasuresTest(unittest.TestCase):
    """Two children placed on 3 March 2025: first visits due 10 March."""

    def setUp(self):
        self.policy = Careplan.Policy.new_builtin("england")
        self.calendar = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)
        self.cases = [self.make_case("M-1", "2025-03-10", "SW1", "North"),
                      self.make_case("M-2", "2025-03-14", "SW2", "South")]

    def make_case(self, ident, visited, worker, team):
        child = Careplan.Child.new(ident, D("2015-01-01"), D("2025-03-03"))
        child.add_legal_status(Careplan.LegalStatus.new(Careplan.LegalStatusKind.CARE_ORDER, D("2025-03-03")))
        case = Careplan.Case.new(child)
        case.add_placement(Careplan.Placement(kind=Careplan.PlacementType.FOSTER_OWN_AUTHORITY,
                                              start=D("2025-03-03")), Role.SOCIAL_WORKER, None, None)
        case.add_activity(Careplan.Activity.new(Careplan.Duty.VISIT, D(visited)), Role.SOCIAL_WORKER, None)
        case.allocate(Careplan.Allocation.new(Role.SOCIAL_WORKER, worker, team, D("2025-03-03")),
                      Role.TEAM_MANAGER, None)
        return case

    def measures(self, frm, to, grouping):
        m = Careplan.Measures.new(self.policy, self.calendar, D(frm), D(to), grouping)
        for case in self.cases:
            m.add_case(case)
        return m

    def test_authority(self):
        m = self.measures("2025-03-01", "2025-03-31", Careplan.Grouping.AUTHORITY)
        self.assertEqual(m.dup_groups(), ["all"])
        self.assertEqual(m.get_due(None, M.VISITS), 2)
        self.assertEqual(m.get_on_time("all", M.VISITS), 1)
        self.assertEqual(m.get_late(None, M.VISITS), 1)
        self.assertAlmostEqual(m.get_share_on_time(None, M.VISITS), 0.5)
        self.assertEqual(m.get_median_lateness(None, M.VISITS), 4.0)
        self.assertEqual(m.get_worst_lateness(None, M.VISITS), 4)
        self.assertEqual(m.get_cases(), 2)

    def test_boundaries(self):
        self.assertEqual(self.measures("2025-03-10", "2025-03-10", Careplan.Grouping.AUTHORITY)
                         .get_due(None, M.VISITS), 2)
        self.assertEqual(self.measures("2025-03-11", "2025-03-31", Careplan.Grouping.AUTHORITY)
                         .get_due(None, M.VISITS), 0)
        nothing = self.measures("2025-03-11", "2025-03-12", Careplan.Grouping.AUTHORITY)
        self.assertTrue(math.isnan(nothing.get_share_on_time(None, M.REVIEWS)))
        self.assertEqual(nothing.get_worst_lateness(None, M.REVIEWS), -1)

    def test_by_team(self):
        m = self.measures("2025-03-01", "2025-03-31", Careplan.Grouping.TEAM)
        self.assertEqual(m.dup_groups(), ["North", "South"])
        self.assertEqual(m.get_on_time("North", M.VISITS), 1)
        self.assertEqual(m.get_late("South", M.VISITS), 1)
        self.assertEqual(Careplan.Grouping.key(self.cases[1], Careplan.Grouping.WORKER, D("2025-03-20")), "SW2")

    def test_areas(self):
        self.assertEqual(Careplan.Area.of_duty(Careplan.Duty.PEP_REVIEW), Careplan.Area.HEALTH_EDUCATION)
        self.assertEqual(Careplan.Area.get_label(Careplan.Area.HEALTH_EDUCATION), "health, education")

    def test_area_keys(self):
        """Every duty has an area; every area a snake_case key, as summary's JSON and CSV use."""
        areas = set(Careplan.Area.of_duty(d) for d in Careplan.Duty.__enum_values__.values())
        self.assertEqual(areas, set(Careplan.Area.__enum_values__.values()))
        keys = [Careplan.Area.get_key(a) for a in Careplan.Area.__enum_values__.values()]
        self.assertEqual(len(set(keys)), len(keys))
        self.assertIn("health_education", keys)
        for a in Careplan.Area.__enum_values__.values():
            self.assertEqual(Careplan.Area.get_key(a), a.value_nick.replace("-", "_"))

    def test_example_caseload(self):
        path = os.path.join(os.environ.get("CAREPLAN_EXAMPLES", "examples"), "data", "caseload.jsonl")
        reader = Careplan.CaseloadReader.new_for_path(path)
        m = Careplan.Measures.new(self.policy, self.calendar, D("2025-04-01"), D("2026-03-31"),
                                  Careplan.Grouping.AUTHORITY)
        n = 0
        while True:
            case = reader.next()
            if case is None:
                break
            m.add_case(case)
            n += 1
        self.assertEqual(m.get_cases(), n)
        for measure in M.__enum_values__.values():
            due = m.get_due(None, measure)
            self.assertEqual(due, m.get_on_time(None, measure) + m.get_late(None, measure))


@unittest.skipUnless(os.environ.get("CAREPLAN"), "needs the careplan command (CAREPLAN)")
class SameAsTheCommandLine(unittest.TestCase):
    """The rates an analyst computes through the library are the ones
    careplan summary --from --to prints, measure by measure."""

    FROM, TO = "2025-11-23", "2026-11-22"
    KEYS = {M.REVIEWS: "reviews", M.VISITS: "visits", M.HEALTH_ASSESSMENTS: "health_assessments",
            M.PEPS: "peps", M.CARE_PLANS: "care_plans", M.PLACEMENT_PLANS: "placement_plans"}

    def test_example_caseload_rates_equal_the_cli(self):
        path = os.path.join(os.environ.get("CAREPLAN_EXAMPLES", "examples"), "data", "caseload.jsonl")
        out = subprocess.run([os.environ["CAREPLAN"], "summary", "--policy", "stoke-on-trent", "--on", self.TO,
                              "--from", self.FROM, "--to", self.TO, "--format", "json", path],
                             capture_output=True, text=True)
        self.assertIn(out.returncode, (0, 1), out.stderr)
        cli = json.loads(out.stdout)["timeliness"]["groups"]["all"]

        policy = Careplan.Policy.new_builtin("stoke-on-trent")
        calendar = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)
        m = Careplan.Measures.new(policy, calendar, D(self.FROM), D(self.TO), Careplan.Grouping.AUTHORITY)
        for case in Careplan.CaseloadReader.new_for_path(path):
            m.add_case(case)

        self.assertEqual(set(self.KEYS.values()), set(cli))
        judged = 0
        for measure, key in self.KEYS.items():
            want = cli[key]
            self.assertEqual(m.get_due(None, measure), want["due"], key)
            self.assertEqual(m.get_on_time(None, measure), want["on_time"], key)
            self.assertEqual(m.get_late(None, measure), want["late"], key)
            self.assertEqual(m.get_open(None, measure), want["open_at_end"], key)
            self.assertEqual(m.get_unjudged(None, measure), want["unjudged"], key)
            share = m.get_share_on_time(None, measure)
            if want["share_on_time"] is None:
                self.assertTrue(math.isnan(share), key)
            else:
                self.assertAlmostEqual(share, want["share_on_time"], places=12, msg=key)
                judged += 1
            median = m.get_median_lateness(None, measure)
            if want["median_lateness_days"] is None:
                self.assertTrue(math.isnan(median), key)
            else:
                self.assertEqual(median, want["median_lateness_days"], key)
                self.assertEqual(m.get_worst_lateness(None, measure), want["worst_lateness_days"], key)
        # The example caseload has duties in every measure.
        self.assertEqual(judged, len(self.KEYS))


if __name__ == "__main__":
    unittest.main()
