# SPDX-License-Identifier: LGPL-2.1-or-later
"""A 15-year-old's case through eligibility, the pathway plan and leaving
care, driven from Python as a case-management product would. Run with
Debian's /usr/bin/python3 (python3-gi)."""

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


class FifteenYearOldTest(unittest.TestCase):
    """Born 10 February 2011; looked after from 2 June 2026 (aged 15 years
    3 months) in foster care, under a care order."""

    def setUp(self):
        child = Careplan.Child.new("LC-1", D("2011-02-10"), D("2026-06-02"))
        child.add_legal_status(Careplan.LegalStatus.new(Careplan.LegalStatusKind.CARE_ORDER, D("2026-06-02")))
        self.case = Careplan.Case.new(child)
        self.case.add_placement(Careplan.Placement(kind=Careplan.PlacementType.FOSTER_OWN_AUTHORITY,
                                                   start=D("2026-06-02")),
                                Role.SOCIAL_WORKER, None, None)
        self.calendar = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)
        self.policy = Careplan.Policy.new_builtin("england")
        self.ev = Careplan.Evaluator.new(self.case, self.policy, self.calendar)
        self.statuses = []
        self.ev.connect("notify::leaving-care-status",
                        lambda ev, _p: self.statuses.append(ev.props.leaving_care_status))
        self.signals = []
        for name in ("obligation-due-soon", "obligation-overdue", "obligation-met"):
            self.ev.connect(name, lambda ev, o, name=name: self.signals.append((name, o.props.key)))

    def at(self, day):
        self.ev.set_date(D(day))
        self.ev.refresh()

    def obligation(self, key, subject):
        o = self.ev.find(key, subject)
        self.assertIsNotNone(o, f"no {key} for {subject}")
        return o

    def record(self, duty, day):
        self.case.add_activity(Careplan.Activity.new(duty, D(day)), Role.SOCIAL_WORKER, None)

    def hold_review(self, seq, day):
        review = Careplan.Review.new(seq)
        review.set_scheduled(D(day))
        self.case.add_review(review, Role.IRO, None)
        review.set_held(D(day))

    def test_through_eligibility_pathway_plan_and_leaving_care(self):
        for seq, day in ((1, "2026-06-26"), (2, "2026-09-18"), (3, "2027-03-12")):
            self.hold_review(seq, day)
        # Aged 15: not yet eligible; the pathway plan is due at 16 years 3 months.
        self.at("2026-09-01")
        self.assertEqual(self.ev.props.leaving_care_status, Status.NONE)
        plan = self.obligation("leaving-care.pathway-plan", "pathway-plan")
        self.assertEqual(iso(plan.props.due), "2027-05-10")
        self.assertEqual(plan.props.status, O.UPCOMING)

        # The 16th birthday, with 13 weeks in care since 14: eligible.
        self.at("2027-02-09")
        self.assertEqual(self.ev.props.leaving_care_status, Status.NONE)
        self.at("2027-02-10")
        self.assertEqual(self.ev.props.leaving_care_status, Status.ELIGIBLE)
        self.assertEqual(self.statuses, [Status.ELIGIBLE])

        # A week before the deadline: due soon, then done on the last day.
        self.at("2027-05-04")
        self.assertIn(("obligation-due-soon", "leaving-care.pathway-plan"), self.signals)
        self.record(Careplan.Duty.PATHWAY_PLAN, "2027-05-10")
        self.at("2027-05-10")
        self.assertEqual(self.obligation("leaving-care.pathway-plan", "pathway-plan").props.status,
                         O.MET_ON_TIME)
        self.assertIn(("obligation-met", "leaving-care.pathway-plan"), self.signals)
        review = self.obligation("leaving-care.pathway-plan-review", "next pathway-plan-review")
        self.assertEqual(iso(review.props.due), "2027-11-10")

        # A move to other arrangements is proposed: a review first, within
        # 20 working days, well before the six-monthly one.
        self.hold_review(4, "2027-08-27")
        event = Careplan.CaseEvent.new(Careplan.EventKind.MOVE_TO_OTHER_ARRANGEMENTS, D("2027-09-01"))
        self.case.record_event(event, Role.SOCIAL_WORKER, None)
        self.at("2027-09-02")
        moves = [o for o in self.ev.get_obligations()
                 if o.props.key == "review.trigger.move-to-other-arrangements"]
        self.assertEqual(len(moves), 1)
        self.assertEqual(iso(moves[0].props.due), "2027-09-29")

        # The pathway plan is reviewed; then the young person leaves care at 16 and 10 months.
        self.record(Careplan.Duty.PATHWAY_PLAN_REVIEW, "2027-11-05")
        self.assertTrue(self.case.cease(self.policy, self.calendar, D("2027-12-06"), Role.SOCIAL_WORKER, None))
        self.at("2027-12-06")
        self.assertEqual(self.ev.props.leaving_care_status, Status.RELEVANT)
        # Care leavers' pathway plans are still reviewed; visits end with care.
        review = self.obligation("leaving-care.pathway-plan-review", "next pathway-plan-review")
        self.assertEqual(iso(review.props.due), "2028-05-05")
        self.assertEqual(review.props.status, O.UPCOMING)
        visit = self.obligation("visit.first", "placement 1")
        self.assertEqual(visit.props.status, O.OVERDUE)   # never recorded, fell due in care

        # At 18: former relevant; at 21 the status ends.
        self.at("2029-02-10")
        self.assertEqual(self.ev.props.leaving_care_status, Status.FORMER_RELEVANT)
        self.at("2032-02-10")
        self.assertEqual(self.ev.props.leaving_care_status, Status.NONE)
        self.assertEqual(self.statuses, [Status.ELIGIBLE, Status.RELEVANT, Status.FORMER_RELEVANT, Status.NONE])

        # Nothing printed names the child.
        for o in self.ev.get_obligations():
            self.assertNotIn("LC-1", o.props.explanation)

    def test_salford_needs_the_strategic_director_for_a_16_year_old_under_section_20(self):
        child = Careplan.Child.new("LC-2", D("2010-05-05"), D("2026-12-02"))
        child.add_legal_status(Careplan.LegalStatus.new(Careplan.LegalStatusKind.SECTION_20, D("2026-12-02")))
        case = Careplan.Case.new(child)
        salford = Careplan.Policy.new_builtin("salford")
        with self.assertRaises(Exception) as cm:
            case.cease(salford, self.calendar, D("2026-12-10"), Role.ASSISTANT_DIRECTOR, None)
        self.assertIn("strategic-director", str(cm.exception))
        self.assertTrue(case.cease(salford, self.calendar, D("2026-12-10"), Role.STRATEGIC_DIRECTOR, None))
        self.assertEqual(iso(case.props.child.props.ceased_on), "2026-12-10")


if __name__ == "__main__":
    unittest.main(verbosity=2)
