#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The availability and deprecation macros, as a program built against the
library's headers meets them (through libcareplan-1-uninstalled.pc)."""

import os
import shutil
import subprocess
import tempfile
import unittest

BUILD = os.environ["CAREPLAN_BUILD_ROOT"]
CC = os.environ.get("CC", "cc")


def pkg_config(*args):
    env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(BUILD, "meson-uninstalled"))
    r = subprocess.run(["pkg-config", *args, "libcareplan-1"], env=env,
                       capture_output=True, text=True, check=True)
    return r.stdout.split()


def compile_program(source, *defines):
    """Compiles and links @source; returns (exit status, compiler output)."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "prog.c")
        with open(path, "w") as f:
            f.write(source)
        cmd = [CC, "-Wall", "-Wextra", "-Werror", *defines, path, "-o", os.path.join(d, "prog"),
               *pkg_config("--cflags"), *pkg_config("--libs")]
        r = subprocess.run(cmd, capture_output=True, text=True)
        return r.returncode, r.stdout + r.stderr


CURRENT = """
#include <careplan.h>
int main (void) {
  g_autoptr(CpCalendar) c = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GDate) d = cp_calendar_dup_first_date (c);
  return (CP_VERSION_CUR_STABLE >= CP_VERSION_0_1 && g_date_valid (d)) ? 0 : 1;
}
"""

DEPRECATED = """
#include <careplan.h>
int main (void) {
  g_autoptr(CpCalendar) c = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GDate) d = cp_calendar_get_first_date (c);
  return g_date_valid (d) ? 0 : 1;
}
"""


@unittest.skipUnless(shutil.which(CC) and shutil.which("pkg-config"), "needs a C compiler and pkg-config")
class VersionMacros(unittest.TestCase):
    def test_current_api_builds_without_warnings(self):
        rc, out = compile_program(CURRENT)
        self.assertEqual(rc, 0, out)

    def test_a_deprecated_function_warns_and_names_its_replacement(self):
        rc, out = compile_program(DEPRECATED)
        self.assertNotEqual(rc, 0)
        self.assertIn("deprecated", out)
        self.assertIn("cp_calendar_dup_first_date", out)

    def test_disabling_deprecation_warnings(self):
        rc, out = compile_program(DEPRECATED, "-DCP_DISABLE_DEPRECATION_WARNINGS")
        self.assertEqual(rc, 0, out)

    def test_max_allowed_below_min_required_is_an_error(self):
        rc, out = compile_program(CURRENT, "-DCP_VERSION_MIN_REQUIRED=CP_VERSION_0_1",
                                  "-DCP_VERSION_MAX_ALLOWED=G_ENCODE_VERSION(0,0)")
        self.assertNotEqual(rc, 0)
        self.assertIn("CP_VERSION_MAX_ALLOWED must be >= CP_VERSION_MIN_REQUIRED", out)

    def test_min_required_before_the_first_release_is_an_error(self):
        rc, out = compile_program(CURRENT, "-DCP_VERSION_MIN_REQUIRED=G_ENCODE_VERSION(0,0)")
        self.assertNotEqual(rc, 0)
        self.assertIn("CP_VERSION_MIN_REQUIRED must be >= CP_VERSION_0_1", out)

    def test_the_headers_say_which_release_added_each_symbol(self):
        include = os.path.join(os.path.dirname(__file__), "..", "include", "careplan")
        for name in sorted(os.listdir(include)):
            if name.endswith(".h") and name != "cp-version-macros.h":
                with open(os.path.join(include, name)) as f:
                    self.assertNotIn("CP_AVAILABLE_IN_ALL", f.read(), name)


if __name__ == "__main__":
    unittest.main(verbosity=2)
