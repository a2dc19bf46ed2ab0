#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# A new entrant's first statutory review, from Python: load a case, listen
# to the evaluator's signals, hold the review, and print the obligations.
# Use Debian's /usr/bin/python3, which has PyGObject (python3-gi).
import os
import sys

import gi

gi.require_version("Careplan", "1.0")
from gi.repository import Careplan  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "data", "new-entrant.json")

case = Careplan.Case.load_file(path)
calendar = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)
policy = Careplan.Policy.new_builtin("england")
ev = Careplan.Evaluator.new(case, policy, calendar)


def said(what):
    def handler(_ev, o):
        print(f"  signal {what}: {o.props.key} ({o.props.subject}), "
              f"due {Careplan.date_format_iso(o.props.due)}")
    return handler


ev.connect("obligation-due-soon", said("due soon"))
ev.connect("obligation-overdue", said("overdue"))
ev.connect("obligation-met", said("met"))


def evaluate(on):
    print(f"As at {on}:")
    ev.set_date(Careplan.date_parse_iso(on))
    ev.refresh()


evaluate("2026-11-23")

# The first review is arranged, then held on the day.
review = Careplan.Review.new(1)
review.set_scheduled(Careplan.date_parse_iso("2026-11-27"))
case.add_review(review, Careplan.Role.IRO, "IRO")
review.add_task(Careplan.ReviewTask.new(Careplan.Duty.CHILD_CONSULTED,
                                        Careplan.date_parse_iso("2026-11-04")))
review.set_held(Careplan.date_parse_iso("2026-11-27"))
evaluate("2026-11-27")

# The record of the decisions goes out three working days later.
review.add_task(Careplan.ReviewTask.new(Careplan.Duty.DECISIONS_RECORD,
                                        Careplan.date_parse_iso("2026-12-02")))
evaluate("2026-12-02")

# Nothing more happens: the second review falls due three months on.
evaluate("2027-03-01")

print("Obligations:")
for o in ev.get_obligations():
    due = Careplan.date_format_iso(o.props.due) if o.props.due else "-"
    status = o.props.status.value_nick
    print(f"  {status:<20} {due}  {o.props.key:<32} [{o.props.rule_id}] {o.props.citation}")
