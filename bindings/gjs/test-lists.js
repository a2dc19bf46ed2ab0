// SPDX-License-Identifier: LGPL-2.1-or-later
// Walking a GListModel (the obligations, a case's reviews...) from GJS 1.74.
// GJS 1.74 does not make a GListModel iterable (`for (const o of list)`
// throws "is not iterable"; later GJS versions add it): index it instead,
// as docs/getting-started.md shows.

import Careplan from 'gi://Careplan?version=1.0';
import {check, assertEqual, finish} from './harness.js';

const examples = imports.gi.GLib.getenv('CAREPLAN_EXAMPLES') ?? 'examples';

function evaluator() {
    const kase = Careplan.Case.load_file(`${examples}/data/new-entrant.json`);
    const ev = Careplan.Evaluator.new(kase, Careplan.Policy.new_builtin('england'),
        Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES));
    ev.set_date(Careplan.date_parse_iso('2027-03-01'));
    ev.refresh();
    return ev;
}

check('an index loop walks the obligations', () => {
    const list = evaluator().get_obligations();
    const keys = [];
    for (let i = 0; i < list.get_n_items(); i++)
        keys.push(list.get_item(i).key);
    assertEqual(keys.length > 5, true);
    assertEqual(keys.includes('review.first'), true);
});

check('for...of over a GListModel: iterable from GJS 1.76, not before', () => {
    const list = evaluator().get_obligations();
    const iterable = typeof list[Symbol.iterator] === 'function';
    if (iterable) {
        const keys = [];
        for (const o of list)
            keys.push(o.key);
        assertEqual(keys.length, list.get_n_items());
    } else {
        let threw = false;
        try {
            for (const o of list)
                void o;
        } catch (e) {
            threw = e instanceof TypeError;
        }
        assertEqual(threw, true);
    }
});

finish();
