# SPDX-License-Identifier: LGPL-2.1-or-later
"""The case model through PyGObject. Run with Debian's /usr/bin/python3."""

import json
import os
import tempfile
import unittest

import gi

gi.require_version("Careplan", "1.0")
gi.require_version("GLib", "2.0")
from gi.repository import Careplan, GLib, GObject  # noqa: E402

EXAMPLES = os.environ.get("CAREPLAN_EXAMPLES", "examples")
D = Careplan.date_parse_iso
Role = Careplan.Role


def new_case():
    child = Careplan.Child.new("P-1", D("2012-05-01"), D("2026-01-05"))
    child.add_legal_status(Careplan.LegalStatus.new(Careplan.LegalStatusKind.SECTION_20, D("2026-01-05")))
    return Careplan.Case.new(child)


class CaseApiTest(unittest.TestCase):
    def test_build_through_the_api(self):
        stoke = Careplan.Policy.new_builtin("stoke-on-trent")
        case = new_case()
        actions = []
        case.connect("history-added", lambda c, e: actions.append((e.props.action, e.props.refused)))

        case.add_placement(Careplan.Placement(kind=Careplan.PlacementType.FOSTER_AGENCY,
                                              start=D("2026-01-05"), emergency=True),
                           Role.SOCIAL_WORKER, None, "entered care")
        plan = Careplan.CarePlan.new(D("2026-01-12"))
        plan.add_sub_plan(Careplan.SubPlan(kind=Careplan.SubPlanKind.PLACEMENT_PLAN, completed=D("2026-01-09")))
        case.set_care_plan(plan, Role.SOCIAL_WORKER, None)
        states = []
        plan.connect("state-changed", lambda p, old, new: states.append((old, new)))

        with self.assertRaises(GLib.Error) as cm:
            case.authorise_care_plan(stoke, Role.SOCIAL_WORKER, None, D("2026-01-13"))
        self.assertEqual(cm.exception.code, Careplan.Error.NOT_AUTHORISED)
        self.assertIn("needs a practice-manager under stoke-on-trent", cm.exception.message)
        case.authorise_care_plan(stoke, Role.PRACTICE_MANAGER, "pm", D("2026-01-13"))

        review = Careplan.Review.new(1)
        review.props.held = D("2026-01-30")
        review.add_recommendation(Careplan.Recommendation(text="school place", starred=True, due=D("2026-02-27")))
        case.add_review(review, Role.IRO, None)
        case.ratify_care_plan(stoke, 1, Role.IRO, "iro")

        self.assertEqual(states, [(Careplan.CarePlanState.DRAFT, Careplan.CarePlanState.AUTHORISED),
                                  (Careplan.CarePlanState.AUTHORISED, Careplan.CarePlanState.RATIFIED)])
        self.assertIn(("care-plan.authorise", True), actions)
        self.assertEqual(actions[-1], ("care-plan.ratify", False))
        self.assertEqual(case.props.history.get_n_items(), len(actions))

        # Through JSON and back.
        again = Careplan.Case.new_from_json(case.to_json_string(False), -1)
        self.assertTrue(case.equal(again))
        self.assertEqual(again.get_care_plan().props.state, Careplan.CarePlanState.RATIFIED)

    def test_notify_on_change_only(self):
        rec = Careplan.Recommendation(text="x")
        seen = []
        rec.connect("notify::starred", lambda o, p: seen.append(o.props.starred))
        rec.props.starred = True
        rec.props.starred = True
        self.assertEqual(seen, [True])

    def test_placement_facts_can_be_corrected(self):
        start = GLib.Date.new_dmy(5, GLib.DateMonth.JANUARY, 2026)
        p = Careplan.Placement.new(Careplan.PlacementType.FOSTER_OWN_AUTHORITY, start)
        seen = []
        p.connect("notify", lambda o, spec: seen.append(spec.name))
        p.props.emergency = True
        p.props.emergency = True
        p.set_area(Careplan.PlacementArea.DISTANT)
        self.assertTrue(p.get_emergency())
        self.assertEqual(p.props.area, Careplan.PlacementArea.DISTANT)
        self.assertEqual(seen, ["emergency", "area"])

    def test_lifecycle_fields_are_construct_only(self):
        # Only the case's methods move a plan through its lifecycle.
        for name in ("state", "authorised-on", "ratified-on", "proposed-change"):
            pspec = Careplan.CarePlan.find_property(name)
            self.assertTrue(pspec.flags & GObject.ParamFlags.CONSTRUCT_ONLY, name)
        self.assertFalse(Careplan.Review.find_property("held").flags & GObject.ParamFlags.CONSTRUCT_ONLY)


    def test_lists_are_read_only_and_watchable(self):
        # A list changes through the add_ methods only; a program that holds
        # the list hears of each change.
        pspec = Careplan.Review.find_property("recommendations")
        self.assertTrue(pspec.flags & GObject.ParamFlags.READABLE)
        self.assertFalse(pspec.flags & (GObject.ParamFlags.WRITABLE | GObject.ParamFlags.CONSTRUCT_ONLY))

        review = Careplan.Review.new(1)
        review.add_recommendation(Careplan.Recommendation(text="before"))
        recs = review.props.recommendations
        self.assertIs(recs, review.get_recommendations())
        changes = []
        recs.connect("items-changed", lambda model, pos, removed, added: changes.append((pos, removed, added)))
        later = Careplan.Recommendation(text="after")
        review.add_recommendation(later)
        self.assertEqual(changes, [(1, 0, 1)])
        self.assertEqual([r.props.text for r in recs], ["before", "after"])
        self.assertIs(recs.get_item(1), later)


class CaseJsonTest(unittest.TestCase):
    def setUp(self):
        with open(os.path.join(EXAMPLES, "data", "case-every-type.json")) as f:
            self.text = f.read()

    def test_round_trip_keeps_unknown_fields(self):
        case = Careplan.Case.new_from_json(self.text, -1)
        out = json.loads(case.to_json_string(True))
        self.assertEqual(out, json.loads(self.text))
        self.assertEqual(out["child"]["vendor_name"], json.loads(self.text)["child"]["vendor_name"])

    def test_save_and_load(self):
        case = Careplan.Case.new_from_json(self.text, -1)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "case.json")
            case.save_file(path)
            self.assertTrue(case.equal(Careplan.Case.load_file(path)))

    def test_errors_name_path_and_value(self):
        bad = json.loads(self.text)
        bad["placements"][1]["start"] = "2026-02-30"
        with self.assertRaises(GLib.Error) as cm:
            Careplan.Case.new_from_json(json.dumps(bad), -1)
        self.assertEqual(cm.exception.message, "placements[1].start: “2026-02-30” is not a date (expected YYYY-MM-DD)")

        bad = json.loads(self.text)
        bad["reviews"][0]["held"] = "2025-12-31"
        with self.assertRaises(GLib.Error) as cm:
            Careplan.Case.new_from_json(json.dumps(bad), -1)
        self.assertEqual(cm.exception.code, Careplan.Error.INCONSISTENT)
        self.assertIn("reviews[0].held: 2025-12-31", cm.exception.message)
        self.assertNotIn("EX-0001", cm.exception.message)

        bad = json.loads(self.text)
        bad["care_plan"]["sub_plans"][0]["kind"] = "tea-plan"
        with self.assertRaises(GLib.Error) as cm:
            Careplan.Case.new_from_json(json.dumps(bad), -1)
        self.assertEqual(cm.exception.code, Careplan.Error.UNKNOWN_CODE)
        self.assertIn("care_plan.sub_plans[0].kind: “tea-plan”", cm.exception.message)

    def test_fifteen_kinds_of_bad_input(self):
        E = Careplan.Error

        def mutate(fn):
            doc = json.loads(self.text)
            fn(doc)
            return json.dumps(doc)

        def setter(path, value):
            def fn(doc):
                target = doc
                for key in path[:-1]:
                    target = target[key]
                if value is KeyError:
                    del target[path[-1]]
                else:
                    target[path[-1]] = value
            return fn

        cases = [
            ("{", E.PARSE, ""),
            ("[]", E.INVALID_VALUE, "(document): expected an object"),
            (mutate(setter(["version"], KeyError)), E.MISSING_FIELD, "version: missing"),
            (mutate(setter(["version"], 9)), E.UNSUPPORTED_VERSION, "version: 9 is not supported"),
            (mutate(setter(["child", "id"], KeyError)), E.MISSING_FIELD, "child.id: missing"),
            (mutate(setter(["child", "uasc"], "no")), E.INVALID_VALUE, "child.uasc: expected true or false"),
            (mutate(setter(["child", "birth_date"], "14/03/2014")), E.INVALID_DATE, "child.birth_date: “14/03/2014”"),
            (mutate(setter(["placements", 0, "area"], "abroad")), E.UNKNOWN_CODE, "placements[0].area: “abroad”"),
            (mutate(setter(["placements"], "none")), E.INVALID_VALUE, "placements: expected an array"),
            (mutate(setter(["reviews", 0, "sequence"], -1)), E.INVALID_VALUE, "reviews[0].sequence: -1 is outside"),
            (mutate(setter(["reviews", 0, "recommendations", 0, "due"], "2026-06-31")), E.INVALID_DATE,
             "reviews[0].recommendations[0].due: “2026-06-31”"),
            (mutate(setter(["permanence_plan", "milestones", 0, "target"], KeyError)), E.MISSING_FIELD,
             "permanence_plan.milestones[0].target: missing"),
            (mutate(setter(["disputes", 0, "steps", 1, "actor_role"], "judge")), E.UNKNOWN_CODE,
             "disputes[0].steps[1].actor_role: “judge”"),
            (mutate(setter(["history", 0, "action"], 3)), E.INVALID_VALUE, "history[0].action: expected a string"),
            (mutate(setter(["placements", 0, "end"], "2026-01-01")), E.INCONSISTENT,
             "placements[0].end: 2026-01-01 is before placements[0].start 2026-01-05"),
            (mutate(setter(["placements", 1, "start"], "2026-02-01")), E.INCONSISTENT,
             "placements[1].start: 2026-02-01 is before placements[0].end 2026-03-02"),
            (mutate(setter(["reviews", 1, "sequence"], 5)), E.INCONSISTENT, "reviews[1].sequence: 5, expected 2"),
            (mutate(setter(["care_plan", "authorised_on"], "2026-01-10")), E.INCONSISTENT,
             "care_plan.authorised_on: 2026-01-10 is before care_plan.created 2026-01-12"),
        ]
        self.assertGreaterEqual(len(cases), 15)
        for text, code, fragment in cases:
            with self.subTest(fragment=fragment):
                with self.assertRaises(GLib.Error) as cm:
                    Careplan.Case.new_from_json(text, -1)
                self.assertEqual(cm.exception.code, code, cm.exception.message)
                self.assertIn(fragment, cm.exception.message)
                self.assertNotIn("EX-0001", cm.exception.message)

    def test_caseload_reader(self):
        one = json.dumps(json.loads(self.text))
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "caseload.jsonl")
            with open(path, "w") as f:
                f.write(one + "\n{not json}\n" + one + "\n")
            reader = Careplan.CaseloadReader.new_for_path(path)
            self.assertIsNotNone(reader.next())
            with self.assertRaises(GLib.Error) as cm:
                reader.next()
            self.assertTrue(cm.exception.message.startswith("line 2: "))
            self.assertIsNotNone(reader.next())
            self.assertIsNone(reader.next())


if __name__ == "__main__":
    unittest.main(verbosity=2)
