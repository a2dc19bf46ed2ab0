#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""docs/careplan.1 is well-formed and names every command and option that
careplan's --help lists, so the manual cannot fall behind the tool."""

import os
import re
import shutil
import subprocess
import unittest

CAREPLAN = os.environ["CAREPLAN"]
MAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "careplan.1")


def man_text():
    with open(MAN, encoding="utf-8") as f:
        # roff escapes a hyphen as \-
        return f.read().replace("\\-", "-")


def help_of(*args):
    r = subprocess.run([CAREPLAN, *args, "--help"], capture_output=True, text=True)
    return r.stdout + r.stderr


class ManPage(unittest.TestCase):
    def test_every_command_is_described(self):
        out = help_of()
        block = out.split("Commands:")[1].split("\n\n")[0]
        commands = [line.split()[0] for line in block.splitlines() if line.strip()]
        self.assertIn("check", commands)
        text = man_text()
        for c in commands:
            self.assertRegex(text, r"\n\.(TP\n\.B|B) %s\b" % re.escape(c), c)

    def test_every_option_is_described(self):
        text = man_text()
        for command in ("check", "summary", "report", "validate", "policy", "calendar"):
            options = re.findall(r"^\s+(?:-\w, )?(--[\w-]+)", help_of(command), re.M)
            for o in options:
                if o == "--help":
                    continue
                self.assertIn(o, text, "careplan %s %s is not in careplan.1" % (command, o))

    @unittest.skipUnless(shutil.which("groff"), "groff is not installed")
    def test_groff_reads_it_without_warnings(self):
        r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", MAN], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
