// SPDX-License-Identifier: LGPL-2.1-or-later
// The calendar through GJS.

import Careplan from 'gi://Careplan?version=1.0';
import GLib from 'gi://GLib';
import {check, assertEqual, finish} from './harness.js';

const iso = d => Careplan.date_format_iso(d);
const date = s => Careplan.date_parse_iso(s);
const cal = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES);

check('20 working days after 2026-12-14', () => {
    assertEqual(iso(cal.add_working_days(date('2026-12-14'), 20)), '2027-01-14');
});

check('months clamp at the month end', () => {
    assertEqual(iso(cal.add(date('2028-01-31'), 1, Careplan.Unit.MONTHS)), '2028-02-29');
});

check('between', () => {
    assertEqual(cal.working_days_between(date('2026-12-14'), date('2027-01-14')), 20);
});

check('holidays as a list model', () => {
    const list = cal.list_holidays(2027);
    assertEqual(list.get_n_items(), 8);
    assertEqual(list.get_item(7).title, 'Boxing Day');
});

check('bad date raises CP_ERROR', () => {
    let threw = false;
    try {
        date('2026-02-30');
    } catch (e) {
        threw = true;
        assertEqual(e.matches(Careplan.error_quark(), Careplan.Error.INVALID_DATE), true);
    }
    assertEqual(threw, true);
});

check('out of range raises', () => {
    let threw = false;
    try {
        cal.add_working_days(date('2100-12-30'), 5);
    } catch (e) {
        threw = e instanceof GLib.Error;
    }
    assertEqual(threw, true);
});

finish();
