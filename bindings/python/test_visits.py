# SPDX-License-Identifier: LGPL-2.1-or-later
"""Social worker visits (CPPCR reg 28) from Python: a placement intended to
last until 18, the child's agreement to fewer visits, and the rules'
conditions as a product reads them. Run with Debian's /usr/bin/python3
(python3-gi)."""

import unittest

import gi

gi.require_version("Careplan", "1.0")
from gi.repository import Careplan  # noqa: E402

D = Careplan.date_parse_iso
Role = Careplan.Role
O = Careplan.ObligationStatus


class LongTermFosterPlacementTest(unittest.TestCase):
    """Looked after from 8 January 2024 in a long-term foster placement."""

    def setUp(self):
        child = Careplan.Child.new("V-1", D("2012-05-05"), D("2024-01-08"))
        child.add_legal_status(Careplan.LegalStatus.new(Careplan.LegalStatusKind.CARE_ORDER, D("2024-01-08")))
        self.case = Careplan.Case.new(child)
        self.placement = Careplan.Placement(kind=Careplan.PlacementType.FOSTER_OWN_AUTHORITY,
                                            start=D("2024-01-08"), long_term=True)
        self.case.add_placement(self.placement, Role.SOCIAL_WORKER, None, None)
        self.ev = Careplan.Evaluator.new(self.case, Careplan.Policy.new_builtin("england"),
                                         Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES))

    def did(self, duty, day):
        self.case.add_activity(Careplan.Activity.new(duty, D(day)), Role.SOCIAL_WORKER, None)

    def next_visit(self, day):
        self.ev.set_date(D(day))
        self.ev.refresh()
        for o in self.ev.get_obligations():
            if o.props.subject == "next visit":
                return o.props.key, Careplan.date_format_iso(o.props.due)
        return None

    def test_intervals_follow_what_the_case_records(self):
        self.did(Careplan.Duty.VISIT, "2025-03-03")
        # Designated long-term is not intended to last until 18: six weeks.
        self.assertEqual(self.next_visit("2025-03-04"), ("visit.interval", "2025-04-14"))
        notified = []
        self.placement.connect("notify::intended-until-18", lambda *_: notified.append(True))
        self.placement.props.intended_until_18 = True
        self.assertEqual(notified, [True])
        self.assertEqual(self.next_visit("2025-03-04"), ("visit.interval.until-18", "2025-06-03"))
        self.did(Careplan.Duty.VISITS_REDUCTION_AGREED, "2025-03-03")
        self.assertEqual(self.next_visit("2025-03-04"), ("visit.interval.long-term-agreed", "2025-09-03"))

    def test_the_case_round_trips_the_new_fields(self):
        self.placement.set_intended_until_18(True)
        self.did(Careplan.Duty.VISITS_REDUCTION_DECIDED, "2025-03-03")
        text = self.case.to_json_string(False)
        self.assertIn('"intended_until_18":true', text)
        self.assertIn('"visits-reduction-decided"', text)
        again = Careplan.Case.new_from_json(text, -1)
        self.assertTrue(again.get_placements().get_item(0).get_intended_until_18())

    def test_rules_expose_their_visit_conditions(self):
        policy = Careplan.Policy.new_builtin("salford")
        rule = policy.lookup_rule("visit.interval.long-term-agreed")
        self.assertEqual(list(rule.get_recorded()), ["visits-reduction-agreed", "visits-reduction-decided"])
        self.assertEqual(list(rule.get_replaces()), ["visit.interval", "visit.interval.until-18"])
        self.assertTrue(rule.get_intended_until_18_only())
        since = rule.get_in_force_from()   # a GLib.Date (docs/policy-format.md, rules in force by date)
        self.assertEqual((since.get_year(), int(since.get_month()), since.get_day()), (2015, 4, 1))
        weekly = policy.lookup_rule("visit.until-first-review")
        self.assertEqual(weekly.get_first_review_of(), "placement")
        self.assertEqual(policy.lookup_rule("visit.care-order-with-parent").props.anchor,
                         Careplan.Anchor.LEGAL_STATUS)


if __name__ == "__main__":
    unittest.main()
