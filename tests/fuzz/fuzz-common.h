/* fuzz-common.h: what every fuzz target shares
 *
 * Each target defines LLVMFuzzerTestOneInput(). Built with clang's
 * -fsanitize=fuzzer it is a libFuzzer binary; otherwise it links
 * fuzz-replay.c and replays its corpus as an ordinary test.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "careplan.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Makes criticals and warnings abort, so that a g_return_if_fail() or a
 * g_warning() reached from bad data is a finding, not a log line. */
void fuzz_init (void);

/* The input as a NUL-terminated string (the library's text APIs want one);
 * free with g_free(). */
char *fuzz_strndup (const uint8_t *data, size_t size);

/* Evaluates @kase under @policy on a fixed date and walks every
 * obligation's accessors, so a fuzzed case or profile exercises the engine.
 * Returns FALSE if the evaluator refused the case (a GError, not a crash). */
gboolean fuzz_evaluate (CpCase *kase, CpPolicy *policy);
