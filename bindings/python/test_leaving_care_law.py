# SPDX-License-Identifier: LGPL-2.1-or-later
"""Leaving care from the law, driven from Python: eligibility over several
periods of care (short breaks left out), a relevant child still owed the
needs assessment and pathway plan after leaving care, and the duties ending
at the profile's ages. Run with Debian's /usr/bin/python3 (python3-gi).

The young person was born on 20 August 2010: 16 on 20 August 2026, 18 on
20 August 2028, 21 on 20 August 2031."""

import json
import unittest

import gi

gi.require_version("Careplan", "1.0")
from gi.repository import Careplan  # noqa: E402

D = Careplan.date_parse_iso
Role = Careplan.Role
Status = Careplan.LeavingCareStatus
O = Careplan.ObligationStatus


def iso(d):
    return Careplan.date_format_iso(d) if d else None


def case(lac, ceased=None, periods=()):
    child = {"id": "LC-PY", "birth_date": "2010-08-20", "looked_after_since": lac,
             "legal_statuses": [{"status": "care-order", "start": lac}]}
    placement = {"kind": "foster-own-authority", "start": lac}
    if ceased:
        child["ceased_on"] = ceased
        placement["end"] = ceased
    if periods:
        child["earlier_periods"] = list(periods)
    return Careplan.Case.new_from_json(json.dumps({"version": 1, "child": child, "placements": [placement]}), -1)


class LeavingCareLawTest(unittest.TestCase):
    def setUp(self):
        self.calendar = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)
        self.england = Careplan.Policy.new_builtin("england")

    def evaluate(self, kase, day, policy=None):
        ev = Careplan.Evaluator.new(kase, policy or self.england, self.calendar)
        ev.set_date(D(day))
        ev.refresh()
        return ev

    def status(self, kase, day, policy=None):
        return self.evaluate(kase, day, policy).props.leaving_care_status

    def obligation(self, ev, key, subject):
        o = ev.find(key, subject)
        self.assertIsNotNone(o, f"no {key} for {subject}")
        return o

    def record(self, kase, duty, day):
        kase.add_activity(Careplan.Activity.new(duty, D(day)), Role.SOCIAL_WORKER, None)

    def test_an_earlier_period_makes_the_young_person_eligible_sooner(self):
        # 43 days in 2025 (1 January to 12 February, both counted), then
        # 48 more from 20 September 2026 (counted): eligible on 6 November.
        alone = case("2026-09-20")
        returning = case("2026-09-20", periods=[{"start": "2025-01-01", "end": "2025-02-12"}])
        self.assertEqual(self.status(alone, "2026-11-06"), Status.NONE)
        self.assertEqual(self.status(returning, "2026-11-05"), Status.NONE)
        self.assertEqual(self.status(returning, "2026-11-06"), Status.ELIGIBLE)
        # The periods read back through the API, and the assessment counts
        # 3 months from eligibility.
        periods = returning.props.child.props.earlier_periods
        self.assertEqual(periods.get_n_items(), 1)
        self.assertEqual(iso(periods.get_item(0).props.end), "2025-02-12")
        ev = self.evaluate(returning, "2027-02-06")
        o = self.obligation(ev, "leaving-care.needs-assessment", "needs-assessment")
        self.assertEqual(iso(o.props.due), "2027-02-06")
        self.assertEqual(o.props.status, O.DUE_SOON)
        ev.set_date(D("2027-02-07"))
        ev.refresh()
        self.assertEqual(ev.find("leaving-care.needs-assessment", "needs-assessment").props.status, O.OVERDUE)

    def test_short_breaks_do_not_count(self):
        kase = case("2026-09-20", periods=[{"start": "2025-01-01", "end": "2025-02-12", "short_breaks": True}])
        self.assertEqual(self.status(kase, "2026-11-06"), Status.NONE)
        self.assertEqual(self.status(kase, "2026-12-18"), Status.NONE)
        self.assertEqual(self.status(kase, "2026-12-19"), Status.ELIGIBLE)
        self.assertTrue(kase.props.child.props.earlier_periods.get_item(0).props.short_breaks)

    def test_earlier_periods_are_written_back(self):
        kase = case("2026-09-20", periods=[{"start": "2025-01-01", "end": "2025-02-12", "short_breaks": True}])
        doc = json.loads(kase.to_json_string(False))
        self.assertEqual(doc["child"]["earlier_periods"],
                         [{"start": "2025-01-01", "end": "2025-02-12", "short_breaks": True}])
        with self.assertRaises(gi.repository.GLib.GError) as e:
            case("2026-09-20", periods=[{"start": "2025-03-01", "end": "2025-02-01"}])
        self.assertIn("child.earlier_periods[0].end", e.exception.message)

    def test_a_relevant_child_is_still_owed_the_assessment_and_the_plan(self):
        # Left care at 16 years 1 month with neither done.
        kase = case("2024-01-10", ceased="2026-10-01")
        self.assertEqual(self.status(kase, "2026-10-01"), Status.RELEVANT)
        ev = self.evaluate(kase, "2026-11-21")
        for key, subject in (("leaving-care.needs-assessment", "needs-assessment"),
                             ("leaving-care.pathway-plan", "pathway-plan")):
            o = self.obligation(ev, key, subject)
            self.assertEqual(iso(o.props.due), "2026-11-20", key)
            self.assertEqual(o.props.status, O.OVERDUE, key)
        # The relevant child's own assessment: 3 months from leaving, New
        # Year's Day (a bank holiday does not move calendar months).
        o = self.obligation(ev, "leaving-care.needs-assessment.relevant", "needs-assessment")
        self.assertEqual(iso(o.props.due), "2027-01-01")
        self.record(kase, Careplan.Duty.NEEDS_ASSESSMENT, "2027-01-01")
        ev.set_date(D("2027-01-02"))
        ev.refresh()
        self.assertEqual(ev.find("leaving-care.needs-assessment.relevant", "needs-assessment").props.status,
                         O.MET_ON_TIME)

    def test_duties_end_at_the_profiles_ages(self):
        kase = case("2024-01-10", ceased="2028-08-20")
        self.record(kase, Careplan.Duty.PATHWAY_PLAN, "2026-11-02")
        self.record(kase, Careplan.Duty.PATHWAY_PLAN_REVIEW, "2031-02-20")
        self.assertEqual(self.status(kase, "2031-08-19"), Status.FORMER_RELEVANT)
        self.assertEqual(self.status(kase, "2031-08-20"), Status.NONE)
        ev = self.evaluate(kase, "2031-08-21")
        o = self.obligation(ev, "leaving-care.pathway-plan-review", "next pathway-plan-review")
        self.assertEqual(o.props.status, O.NOT_APPLICABLE)
        # Told of education or training: the duties run to 25.
        self.record(kase, Careplan.Duty.EDUCATION_TRAINING_NOTIFIED, "2031-06-01")
        self.assertEqual(self.status(kase, "2035-08-19"), Status.FORMER_RELEVANT)
        self.assertEqual(self.status(kase, "2035-08-20"), Status.NONE)
        # The ages are the profile's.
        rule = self.england.lookup_rule("leaving-care.status")
        self.assertEqual((rule.props.relevant_until_months, rule.props.former_relevant_until_months,
                          rule.props.education_until_months), (216, 252, 300))

    def test_personal_adviser_visits(self):
        kase = case("2024-01-10", ceased="2026-12-01")
        self.record(kase, Careplan.Duty.ACCOMMODATION_PROVIDED, "2026-12-21")
        ev = self.evaluate(kase, "2026-12-29")
        o = self.obligation(ev, "leaving-care.pa-visit.first", "pa-visit after accommodation-provided 2026-12-21")
        self.assertEqual(iso(o.props.due), "2026-12-28")
        self.assertEqual(o.props.status, O.OVERDUE)
        # And by the day before each pathway plan review from then on.
        self.record(kase, Careplan.Duty.PA_VISIT, "2026-12-28")
        self.record(kase, Careplan.Duty.PATHWAY_PLAN_REVIEW, "2027-03-01")
        ev = self.evaluate(kase, "2027-03-02")
        o = self.obligation(ev, "leaving-care.pa-visit.before-review", "pa-visit before pathway-plan-review 2027-03-01")
        self.assertEqual(iso(o.props.due), "2027-02-28")
        self.assertEqual(o.props.status, O.MET_ON_TIME)
        # The next visit was due 2 months after the first.
        o = self.obligation(ev, "leaving-care.pa-visit", "next pa-visit")
        self.assertEqual(iso(o.props.due), "2027-02-28")
        self.assertEqual(o.props.status, O.OVERDUE)


if __name__ == "__main__":
    unittest.main()
