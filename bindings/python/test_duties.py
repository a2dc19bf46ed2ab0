# SPDX-License-Identifier: LGPL-2.1-or-later
"""The seed duties of issue 18 from Python: a Salford child who returns
home without it being planned, and the duties that fall due after care has
ended. Run with Debian's /usr/bin/python3 (python3-gi)."""

import unittest

import gi

gi.require_version("Careplan", "1.0")
from gi.repository import Careplan  # noqa: E402

D = Careplan.date_parse_iso
O = Careplan.ObligationStatus

CASE = """{"version":1,"child":{"id":"PY-1","birth_date":"2013-04-01","looked_after_since":"2026-06-01",
"ceased_on":"2026-12-24","legal_statuses":[{"status":"section-20","start":"2026-06-01","end":"2026-12-24"}]},
"placements":[{"kind":"foster-own-authority","start":"2026-06-01","end":"2026-12-24"}],
"events":[{"kind":"returned-home","date":"2026-12-24"},{"kind":"ceased-unplanned","date":"2026-12-24"}]}"""


class ReturnHomeTest(unittest.TestCase):
    def setUp(self):
        self.case = Careplan.Case.new_from_json(CASE, -1)
        self.policy = Careplan.Policy.new_builtin("salford")
        self.ev = Careplan.Evaluator.new(self.case, self.policy,
                                         Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES))

    def at(self, day):
        self.ev.set_date(D(day))
        self.ev.refresh()

    def obligation(self, key, subject):
        o = self.ev.find(key, subject)
        self.assertIsNotNone(o, f"no {key} for {subject}")
        return o

    def test_the_rules_say_they_go_on_after_care(self):
        rule = self.policy.lookup_rule("cease.returned-home.cin-plan")
        self.assertTrue(rule.get_after_care())
        self.assertEqual(rule.get_anchor(), Careplan.Anchor.EVENT)
        self.assertEqual(rule.get_event(), Careplan.EventKind.RETURNED_HOME)
        self.assertEqual(rule.get_duty(), Careplan.Duty.CIN_PLAN)
        self.assertIsNone(rule.get_review_kind())
        report = self.policy.lookup_rule("review.after.consultation-report")
        self.assertEqual(report.get_review_kind(), "consultation-only")

    def test_duties_after_an_unplanned_return_home(self):
        self.at("2027-01-08")
        risk = self.obligation("cease.unplanned.risk-assessment", "ceased-unplanned 2026-12-24")
        self.assertEqual(Careplan.date_format_iso(risk.get_due()), "2026-12-24")
        self.assertEqual(risk.get_status(), O.OVERDUE)
        cin = self.obligation("cease.returned-home.cin-plan", "returned-home 2026-12-24")
        self.assertEqual(Careplan.date_format_iso(cin.get_due()), "2027-01-07")
        self.assertEqual(cin.get_status(), O.OVERDUE)
        cafas = self.obligation("cease.unplanned.cessation-assessment", "ceased-unplanned 2026-12-24")
        self.assertEqual(Careplan.date_format_iso(cafas.get_due()), "2027-01-19")
        self.assertEqual(cafas.get_status(), O.UPCOMING)

        self.case.add_activity(Careplan.Activity.new(Careplan.Duty.CIN_PLAN, D("2027-01-07")),
                               Careplan.Role.SOCIAL_WORKER, None)
        self.at("2027-01-08")
        self.assertEqual(self.obligation("cease.returned-home.cin-plan", "returned-home 2026-12-24").get_status(),
                         O.MET_ON_TIME)


MISSING = """{"version":1,"child":{"id":"PY-2","birth_date":"2012-04-01","looked_after_since":"2026-06-01",
"legal_statuses":[{"status":"care-order","start":"2026-06-01"}]},
"placements":[{"kind":"foster-own-authority","start":"2026-06-01"}],
"events":[{"kind":"missing","date":"2026-12-22"},{"kind":"returned-from-missing","date":"2026-12-24"}]}"""


class ReturnHomeInterviewTest(unittest.TestCase):
    """england's return home interview: 72 hours from the return, in whole
    days (the return's day + 2), calendar time over Christmas."""

    def test_the_interview_after_a_return_from_missing(self):
        case = Careplan.Case.new_from_json(MISSING, -1)
        policy = Careplan.Policy.new_builtin("england")
        rule = policy.lookup_rule("missing.return-home-interview")
        self.assertEqual(rule.get_event(), Careplan.EventKind.RETURNED_FROM_MISSING)
        self.assertEqual(rule.get_duty(), Careplan.Duty.RETURN_HOME_INTERVIEW)
        self.assertEqual(rule.get_unit(), Careplan.Unit.HOURS)
        ev = Careplan.Evaluator.new(case, policy, Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES))
        ev.set_date(D("2026-12-27"))
        ev.refresh()
        o = ev.find("missing.return-home-interview", "returned-from-missing 2026-12-24")
        self.assertEqual(Careplan.date_format_iso(o.get_due()), "2026-12-26")
        self.assertEqual(o.get_status(), O.OVERDUE)
        case.add_activity(Careplan.Activity.new(Careplan.Duty.RETURN_HOME_INTERVIEW, D("2026-12-26")),
                          Careplan.Role.SOCIAL_WORKER, None)
        ev.refresh()
        o = ev.find("missing.return-home-interview", "returned-from-missing 2026-12-24")
        self.assertEqual(o.get_status(), O.MET_ON_TIME)


if __name__ == "__main__":
    unittest.main()
