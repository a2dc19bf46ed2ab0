// SPDX-License-Identifier: LGPL-2.1-or-later
// A new entrant's first statutory review, from GJS: load a case, listen to
// the evaluator's signals, hold the review, and print the obligations.
// Run: gjs -m examples/review.js [CASE.json]
import GLib from 'gi://GLib';
import Careplan from 'gi://Careplan?version=1.0';
import system from 'system';

const here = GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]);
const path = ARGV[0] ?? GLib.build_filenamev([here, 'data', 'new-entrant.json']);

const kase = Careplan.Case.load_file(path);
const ev = Careplan.Evaluator.new(kase, Careplan.Policy.new_builtin('england'),
    Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES));

const said = what => (_ev, o) =>
    print(`  signal ${what}: ${o.key} (${o.subject}), due ${Careplan.date_format_iso(o.due)}`);
ev.connect('obligation-due-soon', said('due soon'));
ev.connect('obligation-overdue', said('overdue'));
ev.connect('obligation-met', said('met'));

function evaluate(on) {
    print(`As at ${on}:`);
    ev.set_date(Careplan.date_parse_iso(on));
    ev.refresh();
}

evaluate('2026-11-23');

// The first review is arranged, then held on the day.
const review = Careplan.Review.new(1);
review.set_scheduled(Careplan.date_parse_iso('2026-11-27'));
kase.add_review(review, Careplan.Role.IRO, 'IRO');
review.add_task(Careplan.ReviewTask.new(Careplan.Duty.CHILD_CONSULTED,
    Careplan.date_parse_iso('2026-11-04')));
review.set_held(Careplan.date_parse_iso('2026-11-27'));
evaluate('2026-11-27');

// The record of the decisions goes out three working days later.
review.add_task(Careplan.ReviewTask.new(Careplan.Duty.DECISIONS_RECORD,
    Careplan.date_parse_iso('2026-12-02')));
evaluate('2026-12-02');

// Nothing more happens: the second review falls due three months on.
evaluate('2027-03-01');

// Status names as the library spells them ("met-on-time").
const statusNames = Object.fromEntries(Object.entries(Careplan.ObligationStatus)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => [v, k.toLowerCase().replaceAll('_', '-')]));

print('Obligations:');
const list = ev.get_obligations();
for (let i = 0; i < list.get_n_items(); i++) {
    const o = list.get_item(i);
    const due = o.due ? Careplan.date_format_iso(o.due) : '-';
    print(`  ${statusNames[o.status].padEnd(20)} ${due}  ${o.key.padEnd(32)} [${o.rule_id}] ${o.citation}`);
}
system.exit(0);
