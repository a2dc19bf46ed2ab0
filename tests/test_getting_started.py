# SPDX-License-Identifier: LGPL-2.1-or-later
"""Every snippet of docs/getting-started.md runs and prints what the guide
says it prints: the C one compiled against the build tree, the Python one
with /usr/bin/python3 (PyGObject), the JavaScript one with gjs. Each code
block is followed by a ```text block of its output; run in examples/data,
where the guide's new-entrant.json is."""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.environ["CAREPLAN_SOURCE_ROOT"]
BUILD = os.environ["CAREPLAN_BUILD_ROOT"]
GUIDE = os.path.join(SOURCE, "docs", "getting-started.md")
DATA = os.path.join(SOURCE, "examples", "data")
LIBDIR = os.path.join(BUILD, "libcareplan")

BLOCK = re.compile(r"^```(\w+)\n(.*?)^```\n", re.S | re.M)


def snippets():
    """(language, code, expected output) for each code block followed by
    a text block."""
    with open(GUIDE, encoding="utf-8") as f:
        text = f.read()
    blocks = [(m.group(1), m.group(2)) for m in BLOCK.finditer(text)]
    found = []
    for (lang, code), (next_lang, output) in zip(blocks, blocks[1:]):
        if lang in ("c", "python", "js") and next_lang == "text":
            found.append((lang, code, output))
    return found


def run_env():
    env = dict(os.environ)
    for var in ("GI_TYPELIB_PATH", "LD_LIBRARY_PATH"):
        env[var] = LIBDIR + (os.pathsep + env[var] if env.get(var) else "")
    # The PyGObject overrides, from the source tree.
    overrides = os.path.join(SOURCE, "bindings", "python")
    env["PYTHONPATH"] = overrides + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["G_DEBUG"] = "fatal-criticals"
    return env


class GettingStartedTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def check(self, lang, argv, expected):
        r = subprocess.run(argv, cwd=DATA, env=run_env(), capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, f"{lang}: {r.stderr}")
        self.assertEqual(r.stderr, "", lang)
        self.assertEqual(r.stdout, expected, lang)

    def test_every_language_has_a_checked_snippet(self):
        self.assertEqual(sorted(lang for lang, _, _ in snippets()), ["c", "js", "python", "python"])

    def test_c(self):
        for lang, code, expected in snippets():
            if lang != "c":
                continue
            src = os.path.join(self.tmp.name, "example.c")
            exe = os.path.join(self.tmp.name, "example")
            with open(src, "w", encoding="utf-8") as f:
                f.write(code)
            # As the guide says, through pkg-config: the build tree's
            # libcareplan-1-uninstalled.pc.
            env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(BUILD, "meson-uninstalled"))
            flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libcareplan-1"], env=env,
                                   capture_output=True, text=True, check=True).stdout
            cc = shlex.split(os.environ.get("CC", "cc"))
            r = subprocess.run(cc + ["-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter",
                                     "-o", exe, src] + shlex.split(flags),
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.check(lang, [exe], expected)

    def test_python(self):
        for lang, code, expected in snippets():
            if lang == "python":
                self.check(lang, ["/usr/bin/python3", "-c", code], expected)

    @unittest.skipUnless(shutil.which("gjs"), "gjs is not installed")
    def test_js(self):
        for lang, code, expected in snippets():
            if lang != "js":
                continue
            path = os.path.join(self.tmp.name, "example.js")
            with open(path, "w", encoding="utf-8") as f:
                f.write(code)
            self.check(lang, ["gjs", "-m", path], expected)


if __name__ == "__main__":
    unittest.main(verbosity=2)
