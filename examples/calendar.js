// SPDX-License-Identifier: LGPL-2.1-or-later
// Working-day arithmetic from GJS: gjs -m calendar.js [YYYY-MM-DD]
import Careplan from 'gi://Careplan?version=1.0';
import System from 'system';

const cal = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES);
const entered = Careplan.date_parse_iso(System.programArgs[0] ?? '2026-12-14');
const due = cal.add_working_days(entered, 20);
print(`Looked after from ${Careplan.date_format_iso(entered)}: ` +
      `first review due by ${Careplan.date_format_iso(due)}`);
