// SPDX-License-Identifier: LGPL-2.1-or-later
// The case model through GJS.

import Careplan from 'gi://Careplan?version=1.0';
import GLib from 'gi://GLib';
import {check, assertEqual, finish} from './harness.js';

const D = s => Careplan.date_parse_iso(s);
const dir = GLib.getenv('CAREPLAN_EXAMPLES') ?? 'examples';
const [, bytes] = GLib.file_get_contents(`${dir}/data/case-every-type.json`);
const text = new TextDecoder().decode(bytes);

check('reads the example and writes it back equal', () => {
    const c = Careplan.Case.new_from_json(text, -1);
    const again = Careplan.Case.new_from_json(c.to_json_string(false), -1);
    assertEqual(c.equal(again), true);
    assertEqual(c.get_placements().get_n_items(), 2);
    assertEqual(c.get_care_plan().state, Careplan.CarePlanState.RATIFIED);
});

const stoke = Careplan.Policy.new_builtin('stoke-on-trent');

check('the care plan lifecycle emits state-changed', () => {
    const child = Careplan.Child.new('J-1', D('2012-05-01'), D('2026-01-05'));
    const c = Careplan.Case.new(child);
    const plan = Careplan.CarePlan.new(D('2026-01-12'));
    c.set_care_plan(plan, Careplan.Role.SOCIAL_WORKER, null);
    const seen = [];
    plan.connect('state-changed', (p, from, to) => seen.push(`${from}>${to}`));
    c.authorise_care_plan(stoke, Careplan.Role.PRACTICE_MANAGER, null, D('2026-01-13'));
    assertEqual(seen.join(','), '0>1');
});

check('a wrong role is refused with CP_ERROR_NOT_AUTHORISED', () => {
    const child = Careplan.Child.new('J-2', D('2012-05-01'), D('2026-01-05'));
    const c = Careplan.Case.new(child);
    c.set_care_plan(Careplan.CarePlan.new(D('2026-01-12')), Careplan.Role.SOCIAL_WORKER, null);
    let code = -1;
    try {
        c.authorise_care_plan(stoke, Careplan.Role.CARER, null, D('2026-01-13'));
    } catch (e) {
        code = e.code;
    }
    assertEqual(code, Careplan.Error.NOT_AUTHORISED);
    const history = c.get_history();
    assertEqual(history.get_item(history.get_n_items() - 1).refused, true);
});

check('a bad date names its path', () => {
    let message = '';
    try {
        Careplan.Case.new_from_json(text.replace('"2026-03-02",\n      "change_reason"', '"2026-02-30",\n      "change_reason"'), -1);
    } catch (e) {
        message = e.message;
    }
    assertEqual(message.startsWith('placements[1].start: “2026-02-30”'), true);
});

finish();
