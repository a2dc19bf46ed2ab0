# SPDX-License-Identifier: LGPL-2.1-or-later
"""The PyGObject overrides (bindings/python/gi/overrides/Careplan.py) and
the caseload evaluator from Python. Run with Debian's /usr/bin/python3,
with the source tree's bindings/python on PYTHONPATH (the build does so)."""

import datetime
import os
import unittest

import gi

gi.require_version("Careplan", "1.0")
gi.require_version("GLib", "2.0")
from gi.repository import Careplan, GLib  # noqa: E402

EXAMPLES = os.environ.get("CAREPLAN_EXAMPLES", "examples")
DATA = os.path.join(EXAMPLES, "data")


def calendar():
    return Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)


class OverridesTest(unittest.TestCase):
    def test_the_overrides_are_loaded(self):
        self.assertEqual(Careplan.Case.__module__, "gi.overrides.Careplan")

    def test_dates_in_and_out(self):
        cal = calendar()
        due = cal.add_working_days(datetime.date(2026, 12, 14), 20)
        self.assertIsInstance(due, GLib.Date)
        self.assertEqual(due.to_date(), datetime.date(2027, 1, 14))
        self.assertEqual(str(due), "2027-01-14")
        # A datetime is taken for its date.
        self.assertEqual(str(cal.add_working_days(datetime.datetime(2026, 12, 14, 23, 59), 20)),
                         "2027-01-14")
        # GLib.Date still works, and so do keyword arguments.
        self.assertEqual(str(cal.add_working_days(date=Careplan.date_parse_iso("2026-12-14"), n=20)),
                         "2027-01-14")
        self.assertEqual(Careplan.date_format_iso(datetime.date(2027, 3, 1)), "2027-03-01")

    def test_model_setters_and_constructors_take_dates(self):
        child = Careplan.Child.new("P-1", datetime.date(2012, 5, 1), datetime.date(2026, 1, 5))
        self.assertEqual(child.get_birth_date().to_date(), datetime.date(2012, 5, 1))
        review = Careplan.Review.new(1)
        review.set_scheduled(datetime.date(2026, 11, 27))
        self.assertEqual(str(review.get_scheduled()), "2026-11-27")

    def test_evaluator_at_a_python_date(self):
        case = Careplan.Case.load_file(os.path.join(DATA, "new-entrant.json"))
        ev = Careplan.Evaluator.new(case, Careplan.Policy.new_builtin("england"), calendar())
        ev.set_date(datetime.date(2027, 3, 1))
        ev.refresh()
        o = ev.find("review.first", "review 1")
        self.assertEqual(o.props.status, Careplan.ObligationStatus.OVERDUE)
        self.assertEqual(o.props.due.to_date(), datetime.date(2026, 11, 30))
        self.assertEqual(str(ev.get_date()), "2027-03-01")

    def test_case_from_json_without_a_length(self):
        with open(os.path.join(DATA, "new-entrant.json"), encoding="utf-8") as f:
            text = f.read()
        self.assertIsNotNone(Careplan.Case.new_from_json(text))
        self.assertIsNotNone(Careplan.Case.new_from_json(text.encode("utf-8")))
        with self.assertRaises(GLib.Error):
            Careplan.Case.new_from_json("{}")

    def test_caseload_reader_is_an_iterator(self):
        reader = Careplan.CaseloadReader.new_for_path(os.path.join(DATA, "caseload.jsonl"))
        cases = [case for case in reader]
        self.assertEqual(len(cases), 4)
        self.assertTrue(all(isinstance(c, Careplan.Case) for c in cases))
        self.assertEqual(list(reader), [])


class CaseloadEvaluatorTest(unittest.TestCase):
    def setUp(self):
        self.ce = Careplan.CaseloadEvaluator.new(Careplan.Policy.new_builtin("stoke-on-trent"),
                                                 calendar(), datetime.date(2026, 11, 22))
        self.path = os.path.join(DATA, "authority-caseload.jsonl")

    def test_summaries_in_file_order_on_any_number_of_threads(self):
        seen = []
        for n in (1, 2, 4):
            self.ce.set_n_threads(n)
            results = self.ce.evaluate_file(self.path)
            self.assertEqual([r.get_index() for r in results], list(range(200)))
            seen.append([(r.get_line(), r.count(Careplan.ObligationStatus.OVERDUE),
                          r.count(Careplan.ObligationStatus.DUE_SOON)) for r in results])
            self.assertIsNone(results[0].get_case())
        self.assertEqual(seen[0], seen[1])
        self.assertEqual(seen[0], seen[2])
        self.assertGreater(sum(overdue for _, overdue, _ in seen[0]), 0)

    def test_a_callback_per_case_in_order(self):
        lines = []

        def on_case(result):
            self.assertIsNotNone(result.get_evaluator())
            lines.append(result.get_line())
            return len(lines) < 10

        self.ce.set_n_threads(2)
        self.assertTrue(self.ce.foreach_in_file(self.path, on_case))
        self.assertEqual(lines, list(range(1, 11)))


if __name__ == "__main__":
    unittest.main(verbosity=2)
