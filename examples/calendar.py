#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Working-day arithmetic from Python. Use Debian's /usr/bin/python3, which
# has PyGObject (python3-gi).
import sys

import gi

gi.require_version("Careplan", "1.0")
from gi.repository import Careplan  # noqa: E402

cal = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)
entered = Careplan.date_parse_iso(sys.argv[1] if len(sys.argv) > 1 else "2026-12-14")
due = cal.add_working_days(entered, 20)
print(f"Looked after from {Careplan.date_format_iso(entered)}: "
      f"first review due by {Careplan.date_format_iso(due)}")
for h in cal.list_holidays(due.get_year()):
    print(f"  {Careplan.date_format_iso(h.props.date)}  {h.props.title}")
