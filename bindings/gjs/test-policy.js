// SPDX-License-Identifier: LGPL-2.1-or-later
// Policy profiles and the obligation engine through GJS.

import Careplan from 'gi://Careplan?version=1.0';
import {check, assertEqual, finish} from './harness.js';

const D = s => Careplan.date_parse_iso(s);
const iso = d => Careplan.date_format_iso(d);
const calendar = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES);

function newCase() {
    const child = Careplan.Child.new('G-1', D('2015-05-05'), D('2026-12-07'));
    const c = Careplan.Case.new(child);
    c.add_placement(Careplan.Placement.new(Careplan.PlacementType.FOSTER_OWN_AUTHORITY, D('2026-12-07')),
        Careplan.Role.SOCIAL_WORKER, null, null);
    return c;
}

check('lists the profiles and reads a rule', () => {
    assertEqual(Careplan.Policy.list_builtin().join(','),
        'england,isp-fostering,salford,stoke-on-trent,swindon,warrington');
    const w = Careplan.Policy.new_builtin('warrington');
    assertEqual(w.lookup_rule('review.after.full-record').quantity, 15);
    assertEqual(w.lookup_rule('review.reschedule').approver, Careplan.Role.UNKNOWN);
});

check('care plan and first review due dates differ by profile', () => {
    const c = newCase();
    const due = {};
    for (const name of ['england', 'stoke-on-trent']) {
        const ev = Careplan.Evaluator.new(c, Careplan.Policy.new_builtin(name), calendar);
        ev.set_date(D('2026-12-14'));
        ev.refresh();
        due[name] = iso(ev.find('care-plan.complete', 'care plan').get_due());
        // Stoke-on-Trent's "four weeks (20 working days)": 28 days come first across Christmas.
        if (name === 'stoke-on-trent')
            assertEqual(iso(ev.find('review.first.four-weeks', 'review 1').get_due()), '2027-01-04');
        else
            assertEqual(iso(ev.find('review.first', 'review 1').get_due()), '2027-01-07');
    }
    assertEqual(due['england'], '2026-12-21');
    assertEqual(due['stoke-on-trent'], '2026-12-17');
});

check('the IRO adjourns once, within 20 working days and the due date', () => {
    const c = newCase();
    const r = Careplan.Review.new(1);
    r.set_scheduled(D('2026-12-21'));
    r.set_held(D('2026-12-21'));
    c.add_review(r, Careplan.Role.IRO, null);
    const ev = Careplan.Evaluator.new(c, Careplan.Policy.new_builtin('england'), calendar);
    ev.set_date(D('2026-12-21'));
    let code = -1;
    try {
        ev.adjourn_review(1, D('2027-01-08'), Careplan.Role.IRO, null, null);
    } catch (e) {
        code = e.code;
    }
    assertEqual(code, Careplan.Error.OUT_OF_RANGE);
    ev.adjourn_review(1, D('2027-01-07'), Careplan.Role.IRO, null, 'reports missing');
    ev.set_date(D('2027-01-07'));
    ev.refresh();
    const o = ev.find('review.adjournment', 'review 1');
    assertEqual(o.status, Careplan.ObligationStatus.MET_ON_TIME);
    assertEqual(iso(o.get_met_on()), '2027-01-07');
});

check('writes a profile as JSON and compares two field by field', () => {
    const england = Careplan.Policy.new_builtin('england');
    const w = Careplan.Policy.new_builtin('warrington');
    const again = Careplan.Policy.new_from_data(w.to_json(Careplan.PolicyJsonFlags.AS_WRITTEN), -1);
    assertEqual(again.base.name, 'england');
    assertEqual(w.diff(again).get_n_items(), 0);
    const diffs = england.diff(w);
    let quantity = null;
    for (let i = 0; i < diffs.get_n_items(); i++) {
        const d = diffs.get_item(i);
        if (d.key === 'review.after.full-record' && d.field === 'quantity')
            quantity = `${d.old_value} -> ${d.new_value}`;
    }
    assertEqual(quantity, '20 -> 15');
});

finish();
