# SPDX-License-Identifier: LGPL-2.1-or-later
"""careplan report's page, rendered in headless Chromium (Debian's
`chromium` package): it loads with no console message (no script, no
blocked request), its charts are SVG, and a screenshot is taken. Exits 77
(skipped) when chromium is not installed. Run with /usr/bin/python3."""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ["CAREPLAN"]
GENERATE = os.environ["CAREPLAN_GENERATE"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,2000"]


class RenderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        subprocess.run(["/usr/bin/python3", GENERATE, "--children", "60", "--seed", "7",
                        "--as-at", "2026-03-31", "--case-records", d], check=True, capture_output=True)
        cls.page = os.path.join(d, "report.html")
        r = subprocess.run([TOOL, "report", "--format", "html", "--on", "2026-03-31", "--output",
                            cls.page, os.path.join(d, "caseload.jsonl")], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def chromium(self, *args):
        with tempfile.TemporaryDirectory() as profile:
            return subprocess.run([CHROMIUM, *FLAGS, "--user-data-dir=" + profile, *args,
                                   "file://" + self.page],
                                  capture_output=True, text=True, timeout=240)

    def test_screenshot_without_console_messages(self):
        shot = os.path.join(self.tmp.name, "report.png")
        r = self.chromium("--enable-logging=stderr", "--v=0", "--screenshot=" + shot)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        # Chromium logs each console message as "...:INFO:CONSOLE:1] ..." (older
        # versions "CONSOLE(1)"); a blocked request is one too.
        console = [line for line in r.stderr.splitlines()
                   if re.search(r":CONSOLE[:(]", line) or "Refused to" in line]
        self.assertEqual(console, [], "console messages: %s" % console)
        with open(shot, "rb") as f:
            head = f.read(24)
        self.assertEqual(head[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(struct.unpack(">II", head[16:24]), (1280, 2000))
        self.assertGreater(os.path.getsize(shot), 20000)   # not a blank page

    def test_dom_has_the_charts(self):
        r = self.chromium("--dump-dom")
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        dom = r.stdout
        self.assertIn("<h1>Care planning: caseload report</h1>", dom)
        self.assertGreaterEqual(len(re.findall(r"<svg\b", dom)), 3)
        self.assertGreater(len(re.findall(r"<rect\b[^>]*class=\"overdue\"", dom)), 0)
        self.assertGreater(len(re.findall(r"<polyline\b", dom)), 0)
        self.assertIn("The rules and their citations", dom)


if __name__ == "__main__":
    if CHROMIUM is None:
        print("SKIP: chromium is not installed (apt-get install chromium)")
        sys.exit(77)
    unittest.main()
