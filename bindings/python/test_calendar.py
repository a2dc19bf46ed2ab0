# SPDX-License-Identifier: LGPL-2.1-or-later
"""The calendar through PyGObject. Run with Debian's /usr/bin/python3."""

import os
import unittest

import gi

gi.require_version("Careplan", "1.0")
gi.require_version("GLib", "2.0")
from gi.repository import Careplan, GLib  # noqa: E402

DATA = os.environ.get("CAREPLAN_TEST_DATA", "tests/data")


def iso(d):
    return Careplan.date_format_iso(d)


def date(text):
    return Careplan.date_parse_iso(text)


class CalendarTest(unittest.TestCase):
    def setUp(self):
        self.cal = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)

    def test_issue_example(self):
        self.assertEqual(iso(self.cal.add_working_days(date("2026-12-14"), 20)), "2027-01-14")

    def test_units(self):
        self.assertEqual(iso(self.cal.add(date("2027-01-31"), 1, Careplan.Unit.MONTHS)), "2027-02-28")
        self.assertEqual(iso(self.cal.add(date("2026-12-14"), 4, Careplan.Unit.WEEKS)), "2027-01-11")
        self.assertEqual(iso(self.cal.add_working_days(date("2027-03-30"), -1)), "2027-03-25")

    def test_between_and_working_day(self):
        self.assertEqual(self.cal.working_days_between(date("2026-12-14"), date("2027-01-14")), 20)
        self.assertFalse(self.cal.is_working_day(date("2026-12-28")))
        self.assertTrue(self.cal.is_working_day(date("2026-12-29")))

    def test_region_property(self):
        sc = Careplan.Calendar(region=Careplan.Region.SCOTLAND)
        self.assertEqual(sc.props.region, Careplan.Region.SCOTLAND)
        self.assertFalse(sc.is_working_day(date("2026-01-02")))

    def test_holidays_list_model(self):
        hols = self.cal.list_holidays(2026)
        self.assertEqual(hols.get_n_items(), 8)
        titles = [h.props.title for h in hols]
        self.assertEqual(titles[0], "New Year’s Day")
        self.assertEqual(hols[7].props.kind, Careplan.HolidayKind.SUBSTITUTE)

    def test_closure_emits_changed(self):
        seen = []
        self.cal.connect("changed", lambda c: seen.append(True))
        self.cal.add_closure(date("2026-12-24"), "closure")
        self.assertEqual(seen, [True])
        self.assertEqual(iso(self.cal.add_working_days(date("2026-12-14"), 20)), "2027-01-15")

    def test_load_gov_uk_file(self):
        self.assertTrue(self.cal.load_bank_holidays_file(os.path.join(DATA, "bank-holidays.json")))

    def test_errors(self):
        with self.assertRaises(GLib.Error) as cm:
            date("2026-02-30")
        self.assertTrue(cm.exception.matches(Careplan.error_quark(), Careplan.Error.INVALID_DATE))
        self.assertIn("2026-02-30", cm.exception.message)

        with self.assertRaises(GLib.Error) as cm:
            self.cal.add_working_days(date("2100-12-30"), 5)
        self.assertEqual(cm.exception.code, Careplan.Error.OUT_OF_RANGE)

        with self.assertRaises(GLib.Error) as cm:
            self.cal.load_bank_holidays_data('{"england-and-wales": {"events": [{"title": "x"}]}}', -1)
        self.assertIn("england-and-wales.events[0].date", cm.exception.message)


if __name__ == "__main__":
    unittest.main(verbosity=2)
