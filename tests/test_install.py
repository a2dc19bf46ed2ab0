#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""What `meson install` puts on a machine: the command (which needs no RPATH:
it links the library statically and needs only system libraries), its manual
page, and headers and a pkg-config file a program builds against."""

import glob
import os
import shutil
import subprocess
import tempfile
import unittest

BUILD = os.environ["CAREPLAN_BUILD_ROOT"]
CC = os.environ.get("CC", "cc")

PROGRAM = """
#include <careplan.h>
#include <stdio.h>
int main (void) {
  g_autoptr(CpCalendar) c = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GDate) d = g_date_new_dmy (24, G_DATE_DECEMBER, 2026);
  g_autoptr(GDate) due = cp_calendar_add_working_days (c, d, 1, NULL);
  printf ("%u %d-%02d-%02d\\n", cp_get_minor_version (), g_date_get_year (due),
          g_date_get_month (due), g_date_get_day (due));
  return 0;
}
"""


class Install(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dest = cls.tmp.name
        subprocess.run(["meson", "install", "-C", BUILD, "--destdir", cls.dest, "--no-rebuild", "--quiet"],
                       check=True, capture_output=True)
        cls.bin = glob.glob(os.path.join(cls.dest, "**", "bin", "careplan"), recursive=True)[0]
        cls.prefix = os.path.dirname(os.path.dirname(cls.bin))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def clean_env(self):
        return {k: v for k, v in os.environ.items() if k not in ("LD_LIBRARY_PATH", "GI_TYPELIB_PATH")}

    def test_the_installed_command_runs_without_an_rpath(self):
        r = subprocess.run([self.bin, "calendar", "add", "2026-12-24", "1"], env=self.clean_env(),
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("2026-12-29", r.stdout)
        if shutil.which("readelf"):
            needed = subprocess.run(["readelf", "-d", self.bin], capture_output=True, text=True).stdout
            self.assertNotIn("libcareplan", needed)

    def test_the_manual_page_is_installed(self):
        self.assertTrue(os.path.exists(os.path.join(self.prefix, "share", "man", "man1", "careplan.1")))

    @unittest.skipUnless(shutil.which(CC) and shutil.which("pkg-config"), "needs a C compiler and pkg-config")
    def test_a_program_builds_against_the_installed_headers(self):
        pc = glob.glob(os.path.join(self.prefix, "lib*", "**", "pkgconfig", "libcareplan-1.pc"),
                       recursive=True)[0]
        with tempfile.TemporaryDirectory() as d:
            # The installed file with its prefix moved to the DESTDIR copy
            # (--define-variable would move GLib's too).
            with open(pc) as f:
                text = f.read()
            self.assertIn("prefix=/", text)
            with open(os.path.join(d, "libcareplan-1.pc"), "w") as f:
                f.write(text.replace("prefix=/", "prefix=" + self.dest + "/", 1))
            env = dict(self.clean_env(), PKG_CONFIG_PATH=d)

            def pkg(flag):
                return subprocess.run(["pkg-config", flag, "libcareplan-1"], env=env, capture_output=True,
                                      text=True, check=True).stdout.split()

            src = os.path.join(d, "prog.c")
            with open(src, "w") as f:
                f.write(PROGRAM)
            exe = os.path.join(d, "prog")
            r = subprocess.run([CC, "-Wall", "-Wextra", "-Werror", src, "-o", exe, *pkg("--cflags"),
                                *pkg("--libs")], capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            libdir = os.path.dirname(glob.glob(os.path.join(self.prefix, "lib*", "**", "libcareplan-1.so"),
                                               recursive=True)[0])
            r = subprocess.run([exe], env=dict(self.clean_env(), LD_LIBRARY_PATH=libdir),
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, "1 2026-12-29\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
