// SPDX-License-Identifier: LGPL-2.1-or-later
// A minimal TAP harness shared by the GJS tests.

import System from 'system';

let passed = 0;
let failed = 0;

export function check(name, fn) {
    try {
        fn();
        passed++;
        print(`ok ${passed + failed} - ${name}`);
    } catch (e) {
        failed++;
        print(`not ok ${passed + failed} - ${name}: ${e.message}`);
    }
}

export function assertEqual(actual, expected) {
    if (actual !== expected)
        throw new Error(`expected ${expected}, got ${actual}`);
}

export function finish() {
    print(`1..${passed + failed}`);
    System.exit(failed === 0 ? 0 : 1);
}
