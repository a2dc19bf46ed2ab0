# SPDX-License-Identifier: LGPL-2.1-or-later
"""What an action guards cannot be changed around it, through properties or
constructors: only the action, which checks who may do it and records it, or
reading a case from JSON. Run with Debian's /usr/bin/python3."""

import json
import os
import subprocess
import sys
import unittest

import gi

gi.require_version("Careplan", "1.0")
gi.require_version("GLib", "2.0")
from gi.repository import Careplan, GLib  # noqa: E402

EXAMPLES = os.environ.get("CAREPLAN_EXAMPLES", "examples")
D = Careplan.date_parse_iso
Role = Careplan.Role


def shown(value):
    return Careplan.date_format_iso(value) if isinstance(value, GLib.Date) else value


def every_type_case():
    with open(os.path.join(EXAMPLES, "data", "case-every-type.json")) as f:
        return Careplan.Case.new_from_json(f.read(), -1)


class GuardedPropertiesTest(unittest.TestCase):
    def test_guarded_properties_are_read_only(self):
        case = every_type_case()
        review = case.get_review(1)
        dispute = case.get_disputes()[0]
        attempts = [
            (case.get_child().props, "ceased_on", D("2026-12-01")),
            (review.props, "scheduled", D("2027-06-01")),
            (review.props, "adjourned_to", D("2027-06-01")),
            (review.props, "rescheduled_from", D("2026-01-01")),
            (dispute.props, "stage", "cafcass"),
            (dispute.props, "resolved_on", D("2026-12-01")),
            (dispute.props, "outcome", "closed"),
            (dispute.props, "review", 7),
            (dispute.props, "recommendation", 3),
        ]
        for props, name, value in attempts:
            before = shown(getattr(props, name))
            with self.assertRaises(TypeError, msg=name):
                setattr(props, name, value)
            self.assertEqual(shown(getattr(props, name)), before, name)
        self.assertFalse(case.find_property("care-plan").flags & gi.repository.GObject.ParamFlags.WRITABLE)

    def test_json_still_reads_and_writes_them(self):
        case = every_type_case()
        again = Careplan.Case.new_from_json(case.to_json_string(False), -1)
        self.assertTrue(case.equal(again))
        dispute = again.get_disputes()[0]
        self.assertEqual(dispute.props.stage, "strategic-manager")
        self.assertEqual(again.get_care_plan().props.state, Careplan.CarePlanState.RATIFIED)

    def test_actions_still_change_them_and_record_it(self):
        case = every_type_case()
        case.get_child()  # the child is the case's: only cease() ends care
        stoke = Careplan.Policy.new_builtin("stoke-on-trent")
        calendar = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)
        n = len(case.get_history())
        case.cease(stoke, calendar, D("2026-12-01"), Role.TEAM_MANAGER, None)
        self.assertEqual(Careplan.date_format_iso(case.get_child().props.ceased_on), "2026-12-01")
        self.assertEqual(case.get_history()[n].props.action, "case.cease")

    def test_constructors_cannot_set_them(self):
        # A GLib critical: in a child without fatal criticals, so that the
        # refusal itself can be seen.
        code = (
            "import gi; gi.require_version('Careplan', '1.0'); from gi.repository import Careplan\n"
            "D = Careplan.date_parse_iso\n"
            "d = Careplan.Dispute(subject='s', raised_on=D('2026-02-01'), stage='cafcass', "
            "resolved_on=D('2026-02-02'))\n"
            "print('dispute', None if d is None else d.props.stage)\n"
            "child = Careplan.Child.new('x', D('2012-01-01'), D('2026-01-01'))\n"
            "plan = Careplan.CarePlan(created=D('2026-01-02'), state=Careplan.CarePlanState.RATIFIED)\n"
            "c = Careplan.Case(child=child, care_plan=plan)\n"
            "print('case', None if c is None or c.get_care_plan() is None else 'plan')\n"
        )
        env = {k: v for k, v in os.environ.items() if k != "G_DEBUG"}
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        self.assertIn("property 'stage' of object class 'CpDispute' is not writable", r.stderr)
        self.assertIn("property 'care-plan' of object class 'CpCase' is not writable", r.stderr)
        self.assertNotIn("cafcass", r.stdout)
        self.assertNotIn("plan", r.stdout.replace("case", ""))

    def test_an_unknown_stage_is_an_error(self):
        with open(os.path.join(EXAMPLES, "data", "case-every-type.json")) as f:
            doc = json.load(f)
        doc["disputes"][0]["stage"] = "no-such-stage"
        doc["disputes"][0]["steps"][-1]["stage"] = "no-such-stage"
        doc["disputes"][0].pop("resolved_on", None)
        doc["disputes"][0].pop("outcome", None)
        case = Careplan.Case.new_from_json(json.dumps(doc), -1)
        ev = Careplan.Evaluator.new(case, Careplan.Policy.new_builtin("england"),
                                    Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES))
        with self.assertRaises(GLib.Error) as cm:
            ev.escalate_dispute(case.get_disputes()[0], "practice-manager", D("2026-12-01"), Role.IRO, None, None)
        self.assertEqual(cm.exception.code, Careplan.Error.UNKNOWN_CODE)
        self.assertIn("no-such-stage", cm.exception.message)

    def test_audit_reports_what_the_history_does_not_support(self):
        with open(os.path.join(EXAMPLES, "data", "case-every-type.json")) as f:
            doc = json.load(f)
        self.assertEqual(every_type_case().audit(), [])
        doc["history"] = [h for h in doc["history"] if h["action"] != "care-plan.authorise"]
        doc["disputes"][0]["steps"] = doc["disputes"][0]["steps"][:1]
        case = Careplan.Case.new_from_json(json.dumps(doc), -1)
        findings = case.audit()
        self.assertEqual(len(findings), 2, findings)
        self.assertTrue(findings[0].startswith("care_plan.state: the plan is ratified, but the history"))
        self.assertTrue(findings[1].startswith("disputes[0].stage: “strategic-manager”, but its last step"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
