# SPDX-License-Identifier: LGPL-2.1-or-later
"""Policy profiles and the obligation engine through PyGObject.

Run with Debian's /usr/bin/python3 (the pyenv python3 has no PyGObject).
"""

import os
import unittest

import gi

gi.require_version("Careplan", "1.0")
gi.require_version("GLib", "2.0")
from gi.repository import Careplan, GLib, GObject  # noqa: E402

D = Careplan.date_parse_iso
Status = Careplan.ObligationStatus
EXAMPLES = os.environ.get("CAREPLAN_EXAMPLES", "examples")


def new_case(lac="2026-12-07"):
    child = Careplan.Child.new("P-7", D("2015-05-05"), D(lac))
    case = Careplan.Case.new(child)
    placement = Careplan.Placement.new(Careplan.PlacementType.FOSTER_OWN_AUTHORITY, D(lac))
    case.add_placement(placement, Careplan.Role.SOCIAL_WORKER, None, None)
    return case


def due(obligation):
    return Careplan.date_format_iso(obligation.get_due())


class PolicyTest(unittest.TestCase):
    def test_builtin_profiles_and_rules(self):
        self.assertEqual(Careplan.Policy.list_builtin(),
                         ["england", "isp-fostering", "salford", "stoke-on-trent", "swindon", "warrington"])
        stoke = Careplan.Policy.new_builtin("stoke-on-trent")
        rule = stoke.lookup_rule("care-plan.complete")
        self.assertEqual(rule.props.unit, Careplan.Unit.CALENDAR_DAYS)
        self.assertEqual(rule.props.quantity, 10)
        self.assertIn("§5.3", rule.props.citation)
        self.assertEqual(stoke.get_rule_origin("review.first"), "england")
        self.assertEqual(stoke.props.base.props.name, "england")
        # Rules never change once loaded: every property is construct-only.
        for pspec in Careplan.Rule.list_properties():
            self.assertTrue(pspec.flags & GObject.ParamFlags.CONSTRUCT_ONLY, pspec.name)

    def test_errors_name_the_path(self):
        with self.assertRaises(GLib.Error) as cm:
            Careplan.Policy.new_from_data(
                '{"format": 1, "name": "x", "title": "t", "extends": "england", "rules": ['
                '{"key": "review.first", "id": "i", "kind": "review-schedule", "statement": "s",'
                ' "quantity": 20, "unit": "sols", "anchor": "looked-after", "slot": "first",'
                ' "citation": "c"}]}', -1)
        self.assertEqual(cm.exception.code, Careplan.Error.UNKNOWN_CODE)
        self.assertIn("rules[0].unit: “sols” is not a known code", cm.exception.message)
        with self.assertRaises(GLib.Error):
            Careplan.Policy.new_builtin("atlantis")


class EvaluatorTest(unittest.TestCase):
    def setUp(self):
        self.calendar = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)

    def evaluator(self, case, profile, date):
        ev = Careplan.Evaluator.new(case, Careplan.Policy.new_builtin(profile), self.calendar)
        ev.set_date(D(date))
        ev.refresh()
        return ev

    def test_first_review_across_christmas(self):
        ev = self.evaluator(new_case(), "england", "2026-12-14")
        o = ev.find("review.first", "review 1")
        self.assertEqual(due(o), "2027-01-07")
        self.assertEqual(o.props.status, Status.UPCOMING)
        self.assertEqual(o.props.rule_id, "review-first-within-20wd")
        self.assertIn("20 working days from looked-after (2026-12-07)", o.props.explanation)
        self.assertTrue(all(isinstance(x, Careplan.Obligation) for x in ev.get_obligations()))

    def test_stoke_placement_move_resets_the_cycle(self):
        case = new_case()
        review = Careplan.Review.new(1)
        review.set_scheduled(D("2027-01-06"))
        review.set_held(D("2027-01-06"))
        case.add_review(review, Careplan.Role.IRO, None)
        move = Careplan.Placement.new(Careplan.PlacementType.FOSTER_AGENCY, D("2027-02-15"))
        case.add_placement(move, Careplan.Role.SOCIAL_WORKER, None, "move")
        stoke = self.evaluator(case, "stoke-on-trent", "2027-02-16")
        england = self.evaluator(case, "england", "2027-02-16")
        self.assertEqual(due(stoke.find("review.trigger.placement-change", "review 2")), "2027-03-15")
        self.assertEqual(due(england.find("review.second", "review 2")), "2027-04-06")

    def test_signals_and_postponement(self):
        case = new_case()
        ev = self.evaluator(case, "warrington", "2026-12-29")
        seen = []
        ev.connect("obligation-due-soon", lambda e, o: seen.append(("soon", o.props.key)))
        ev.connect("obligation-overdue", lambda e, o: seen.append(("overdue", o.props.key)))
        ev.set_date(D("2026-12-30"))
        ev.refresh()
        self.assertIn(("soon", "review.first"), seen)

        review = Careplan.Review.new(1)
        review.set_scheduled(D("2027-01-07"))
        case.add_review(review, Careplan.Role.IRO, None)
        with self.assertRaises(GLib.Error) as cm:
            ev.reschedule_review(1, D("2027-01-08"), Careplan.Role.STRATEGIC_MANAGER, None, "court")
        self.assertEqual(cm.exception.code, Careplan.Error.NOT_AUTHORISED)
        self.assertTrue(case.get_history()[-1].props.refused)
        ev.reschedule_review(1, D("2027-01-05"), Careplan.Role.IRO, None, None)
        self.assertEqual(Careplan.date_format_iso(review.get_scheduled()), "2027-01-05")
        self.assertEqual(Careplan.date_format_iso(review.get_rescheduled_from()), "2027-01-07")

    def test_warrington_deemed_agreement_and_overdue_decision(self):
        case = new_case()
        for seq, day in ((1, "2027-01-06"), (2, "2027-03-25")):
            review = Careplan.Review.new(seq)
            review.set_scheduled(D(day))
            review.set_held(D(day))
            case.add_review(review, Careplan.Role.IRO, None)
        rec = Careplan.Recommendation.new("Refer to CAMHS")
        rec.set_due(D("2027-04-30"))
        case.get_review(2).add_recommendation(rec)

        for profile, expected in (
            ("warrington", [("2027-04-06", "response-deemed-agreed"), ("2027-05-03", "decision-overdue")]),
            ("swindon", [("2027-05-03", "decision-overdue")]),
        ):
            ev = self.evaluator(case, profile, "2027-03-25")
            seen = []
            for name in ("response-deemed-agreed", "decision-overdue"):
                ev.connect(name, lambda e, o, name=name: seen.append(
                    (Careplan.date_format_iso(e.get_date()), name)))
            for day in ("2027-04-05", "2027-04-06", "2027-05-03"):
                ev.set_date(D(day))
                ev.refresh()
            self.assertEqual(seen, expected, profile)
            o = ev.find("review.after.manager-response", "review 2")
            self.assertEqual(o.props.deemed, profile == "warrington")

    def test_stoke_ladder_to_cafcass_with_signals_in_order(self):
        case = new_case()
        review = Careplan.Review.new(1)
        review.set_scheduled(D("2027-01-06"))
        review.set_held(D("2027-01-06"))
        rec = Careplan.Recommendation(text="Identify a school place", starred=True, due=D("2027-02-26"),
                                      notified_on=D("2027-01-06"))
        review.add_recommendation(rec)
        case.add_review(review, Careplan.Role.IRO, None)
        ev = self.evaluator(case, "stoke-on-trent", "2027-01-18")
        self.assertEqual([r.props.stage for r in ev.dup_ladder()],
                         ["social-worker", "practice-manager", "strategic-manager",
                          "dispute-resolution", "cafcass"])
        seen = []
        ev.connect("decision-overdue", lambda e, o: seen.append(
            ("decision-overdue", Careplan.date_format_iso(e.get_date()), o.props.key)))

        # Silence from the Strategic Manager is no concern; the agreement is
        # due 5 calendar days after that window (18 January), a dispute by
        # 10 working days after the review (20 January).
        self.assertEqual(due(ev.find("recommendation.starred.agreement", "review 1 recommendation 1")),
                         "2027-01-18")
        ev.set_date(D("2027-01-19"))
        ev.refresh()
        concerns = ev.find("recommendation.starred.concerns", "review 1 recommendation 1")
        self.assertEqual(concerns.props.status, Status.NOT_APPLICABLE)
        self.assertEqual(seen, [("decision-overdue", "2027-01-19", "recommendation.starred.agreement")])

        dispute = Careplan.Dispute.new("starred recommendation not agreed", D("2027-01-20"))
        dispute.set_recommendation(1, 1)
        with self.assertRaises(GLib.Error) as cm:
            case.add_dispute(ev.get_policy(), dispute, Careplan.Role.PRINCIPAL_MANAGER, None)
        self.assertEqual(cm.exception.code, Careplan.Error.NOT_AUTHORISED)
        case.add_dispute(ev.get_policy(), dispute, Careplan.Role.IRO, None)
        ev.set_date(D("2027-01-20"))
        ev.refresh()
        registered = ev.find("recommendation.starred.dispute", "review 1 recommendation 1")
        self.assertEqual((due(registered), registered.props.status), ("2027-01-20", Status.MET_ON_TIME))
        seen.clear()
        seen = []
        ev.connect("escalated", lambda e, d, frm, to: seen.append(("escalated", frm, to)))
        ev.connect("referred-to-cafcass", lambda e, d: seen.append(("cafcass",)))
        ev.connect("resolved", lambda e, d: seen.append(("resolved", d.props.outcome)))

        with self.assertRaises(GLib.Error) as cm:
            ev.escalate_dispute(dispute, "social-worker", D("2027-01-20"),
                                Careplan.Role.SOCIAL_WORKER, None, None)
        self.assertEqual(cm.exception.code, Careplan.Error.NOT_AUTHORISED)
        self.assertTrue(case.get_history()[-1].props.refused)

        for stage, day in (("social-worker", "2027-01-20"), ("practice-manager", "2027-01-27"),
                           ("strategic-manager", "2027-02-10"), ("dispute-resolution", "2027-02-24"),
                           ("cafcass", "2027-03-03")):
            ev.escalate_dispute(dispute, stage, D(day), Careplan.Role.IRO, None, "no agreement")
        ev.resolve_dispute(dispute, D("2027-03-15"), "school place found", Careplan.Role.IRO, None)
        self.assertEqual(seen, [
            ("escalated", None, "social-worker"),
            ("escalated", "social-worker", "practice-manager"),
            ("escalated", "practice-manager", "strategic-manager"),
            ("escalated", "strategic-manager", "dispute-resolution"),
            ("escalated", "dispute-resolution", "cafcass"),
            ("cafcass",),
            ("resolved", "school place found"),
        ])
        ev.set_date(D("2027-03-16"))
        ev.refresh()
        o = ev.find("ladder.cafcass", "dispute 1")
        self.assertEqual(due(o), "2027-03-17")
        self.assertEqual(o.props.status, Status.MET_ON_TIME)

    def test_example_case_under_every_profile(self):
        for name in Careplan.Policy.list_builtin():
            case = Careplan.Case.load_file(os.path.join(EXAMPLES, "data", "case-every-type.json"))
            ev = self.evaluator(case, name, "2026-11-22")
            o = ev.find("review.first", "review 1")
            self.assertEqual(o.props.status, Status.MET_ON_TIME, name)


class PolicyJsonTest(unittest.TestCase):
    def test_to_json_loads_back(self):
        for name in Careplan.Policy.list_builtin():
            p = Careplan.Policy.new_builtin(name)
            for flags in (Careplan.PolicyJsonFlags.NONE, Careplan.PolicyJsonFlags.AS_WRITTEN):
                text = p.to_json(flags)
                again = Careplan.Policy.new_from_data(text, -1)
                self.assertEqual(again.props.name, name)
                self.assertEqual(again.props.rules.get_n_items(), p.props.rules.get_n_items())
                self.assertEqual(p.diff(again).get_n_items(), 0, (name, flags))
                if flags == Careplan.PolicyJsonFlags.NONE:
                    self.assertIsNone(again.props.base)

    def test_diff_names_fields(self):
        england = Careplan.Policy.new_builtin("england")
        warrington = Careplan.Policy.new_builtin("warrington")
        diffs = england.diff(warrington)
        self.assertEqual(diffs.get_item_type(), Careplan.PolicyDifference.__gtype__)
        found = {(d.props.key, d.props.field): d for d in diffs}
        d = found[("review.after.full-record", "quantity")]
        self.assertEqual(d.props.kind, Careplan.PolicyDifferenceKind.CHANGED)
        self.assertEqual((d.props.old_value, d.props.new_value), ("20", "15"))
        self.assertEqual(d.props.new_rule.props.quantity, 15)
        added = found[("review.trigger.school-exclusion", None)]
        self.assertEqual(added.props.kind, Careplan.PolicyDifferenceKind.ADDED)
        self.assertIsNone(added.props.old_value)
        self.assertIsNone(added.get_old_rule())
        keys = [(d.props.key, d.props.field or "") for d in diffs]
        self.assertEqual(keys, sorted(keys))


if __name__ == "__main__":
    unittest.main(verbosity=2)
