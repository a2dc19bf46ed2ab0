# SPDX-License-Identifier: LGPL-2.1-or-later
"""The careplan tool keeps files private, never prints a child's identifier and
never hangs on a failing disk. Run with /usr/bin/python3."""

import hashlib
import hmac
import json
import os
import re
import stat
import subprocess
import tempfile
import unittest

TOOL = os.environ["CAREPLAN"]
EXAMPLES = os.environ["CAREPLAN_EXAMPLES"]
EIO_SHIM = os.environ.get("CAREPLAN_EIO_SHIM")
CASELOAD = os.path.join(EXAMPLES, "data", "caseload.jsonl")
CASE = os.path.join(EXAMPLES, "data", "case-every-type.json")
AUTHORITY = os.path.join(EXAMPLES, "data", "authority-caseload.jsonl")
SECRET = "SECRET-ID-123"


def run(*args, env=None, timeout=60):
    return subprocess.run([TOOL, *args], capture_output=True, text=True, env=env, timeout=timeout)


def mode(path):
    return stat.S_IMODE(os.lstat(path).st_mode)


def unfold(text):
    # (Python's text mode has already made CR LF a LF.)
    return text.replace("\r\n", "\n").replace("\n ", "").split("\n")


def unfolded_uids(text):
    return [line[4:] for line in unfold(text) if line.startswith("UID:")]


class OutputFileTest(unittest.TestCase):
    def test_output_keeps_the_mode_of_the_file_it_replaces(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "report.txt")
            with open(out, "w") as f:
                f.write("old\n")
            os.chmod(out, 0o600)
            r = run("check", "--on", "2026-11-22", "--output", out, CASELOAD)
            self.assertIn(r.returncode, (0, 1), r.stderr)
            self.assertEqual(mode(out), 0o600)
            with open(out) as f:
                self.assertIn("cases under england", f.read())

    def test_a_new_output_is_readable_by_its_owner_only(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "report.csv")
            r = run("check", "--on", "2026-11-22", "--format", "csv", "--output", out, CASELOAD)
            self.assertIn(r.returncode, (0, 1), r.stderr)
            self.assertEqual(mode(out), 0o600)

    def test_output_through_a_symbolic_link_keeps_the_link(self):
        with tempfile.TemporaryDirectory() as d:
            link = os.path.join(d, "latest.txt")
            os.symlink("report-2026-11-22.txt", link)
            r = run("check", "--on", "2026-11-22", "--output", link, CASELOAD)
            self.assertIn(r.returncode, (0, 1), r.stderr)
            self.assertTrue(os.path.islink(link))
            self.assertTrue(os.path.isfile(os.path.join(d, "report-2026-11-22.txt")))

    def test_output_that_is_an_input_is_refused(self):
        with tempfile.TemporaryDirectory() as d:
            caseload = os.path.join(d, "caseload.jsonl")
            with open(CASELOAD) as f:
                original = f.read()
            with open(caseload, "w") as f:
                f.write(original)
            other = os.path.join(d, "other-name.jsonl")
            os.symlink(caseload, other)
            for target in (caseload, other):
                r = run("check", "--on", "2026-11-22", "--output", target, caseload)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn("is also an input", r.stderr)
                with open(caseload) as f:
                    self.assertEqual(f.read(), original)


class CalendarUidTest(unittest.TestCase):
    def ics(self, key):
        r = run("check", "--on", "2026-11-22", "--policy", "stoke-on-trent", "--format", "ics",
                "--uid-key", key, AUTHORITY, env=dict(os.environ, SOURCE_DATE_EPOCH="1767225600"))
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return r.stdout

    def test_uids_are_keyed_stable_and_not_the_plain_hash(self):
        with tempfile.TemporaryDirectory() as d:
            key = os.path.join(d, "keys", "uid.key")
            first = self.ics(key)
            self.assertEqual(mode(key), 0o600)
            self.assertEqual(self.ics(key), first, "the same key gives the same UIDs")
            other = os.path.join(d, "other.key")
            second = self.ics(other)
        uids, others = unfolded_uids(first), unfolded_uids(second)
        self.assertGreater(len(uids), 10)
        self.assertEqual(len(uids), len(others))
        self.assertFalse(set(uids) & set(others), "another key gives other UIDs")
        for uid in uids:
            self.assertRegex(uid, r"^[0-9a-f]{32}@careplan$")
        # Not the unkeyed hash of (id, key, subject) the UIDs used to be, which
        # anyone could work out for every identifier. The title names the
        # child's record id (docs/calendar.md); the UID never does.
        lines = unfold(first)
        summaries = [line[8:].replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
                     for line in lines if line.startswith("SUMMARY:")]
        self.assertEqual(len(summaries), len(uids))
        for uid, summary in zip(uids, summaries):
            m = re.match(r"^[a-z-]+: (.*) \((\S+)\), child (\S+)$", summary)
            self.assertIsNotNone(m, summary)
            subject, key, child = m.group(1), m.group(2), m.group(3)
            plain = hashlib.sha256(f"{child}\x1f{key}\x1f{subject}".encode()).hexdigest()[:32]
            self.assertNotEqual(uid, plain + "@careplan")
            self.assertNotIn(child, uid)

    def test_a_short_key_is_refused(self):
        with tempfile.TemporaryDirectory() as d:
            key = os.path.join(d, "uid.key")
            with open(key, "w") as f:
                f.write("short\n")
            r = run("check", "--on", "2026-11-22", "--format", "ics", "--uid-key", key, CASELOAD)
            self.assertEqual(r.returncode, 2)
            self.assertIn("--uid-key", r.stderr)

    def test_the_default_key_lives_in_the_user_configuration(self):
        with tempfile.TemporaryDirectory() as d:
            env = dict(os.environ, XDG_CONFIG_HOME=d)
            r = run("check", "--on", "2026-11-22", "--format", "ics", CASELOAD, env=env)
            self.assertIn(r.returncode, (0, 1), r.stderr)
            key = os.path.join(d, "careplan", "calendar-uid.key")
            self.assertEqual(mode(key), 0o600)
            self.assertEqual(mode(os.path.dirname(key)), 0o700)
            again = run("check", "--on", "2026-11-22", "--format", "ics", CASELOAD, env=env)
            self.assertEqual(unfolded_uids(again.stdout), unfolded_uids(r.stdout))


@unittest.skipUnless(EIO_SHIM, "no read-failing shim built")
class ReadErrorTest(unittest.TestCase):
    def test_a_caseload_that_cannot_be_read_stops_with_one_message(self):
        env = dict(os.environ, LD_PRELOAD=EIO_SHIM)
        # The sanitizer stage's runtime must come first otherwise.
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "verify_asan_link_order=0"]))
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "caseload.eio.jsonl")
            with open(CASELOAD) as f, open(bad, "w") as g:
                g.write(f.read())
            for command in (["validate"], ["check", "--on", "2026-11-22"], ["summary", "--on", "2026-11-22"]):
                r = run(*command, bad, env=env, timeout=30)
                self.assertEqual(r.returncode, 3, f"{command}: {r.stderr}")
                errors = [line for line in r.stderr.splitlines() if "Input/output error" in line]
                self.assertEqual(len(errors), 1, f"{command}: {r.stderr[:2000]}")
                self.assertIn("caseload.eio.jsonl", errors[0])
            # A file that can be read, beside it, still is.
            r = run("validate", CASELOAD, bad, env=env, timeout=30)
            self.assertEqual(r.returncode, 3)
            self.assertTrue(r.stdout.startswith("4 valid"), r.stdout)


class IdentifierTest(unittest.TestCase):
    def assertClean(self, r):
        self.assertNotIn(SECRET, r.stderr)
        self.assertNotIn(SECRET, r.stdout)
        self.assertIsNone(re.search(r"[\x00-\x08\x0b-\x1f\x7f]", r.stderr), repr(r.stderr))

    def assertOnlyAsRecordId(self, r):
        """The id is in the report, as the case's record id and nowhere
        else; never on standard error."""
        self.assertNotIn(SECRET, r.stderr)
        self.assertIsNone(re.search(r"[\x00-\x08\x0b-\x1f\x7f]", r.stderr), repr(r.stderr))
        for line in r.stdout.splitlines():
            if SECRET in line:
                self.assertTrue(line.endswith(":%s  record %s" % (line.split(":")[-1].split()[0], SECRET)), line)

    def test_the_identifier_in_a_date_is_not_printed(self):
        with open(CASE) as f:
            case = json.load(f)
        case["child"]["id"] = SECRET
        case["child"]["birth_date"] = SECRET
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "case.json")
            with open(path, "w") as f:
                json.dump(case, f)
            jsonl = os.path.join(d, "caseload.jsonl")
            with open(jsonl, "w") as f:
                f.write(json.dumps(case) + "\n")
            for args in (["validate", path], ["validate", jsonl], ["check", path], ["summary", jsonl]):
                r = run(*args)
                self.assertEqual(r.returncode, 3, r.stderr)
                self.assertIn("birth_date", r.stderr)
                self.assertClean(r)

    def test_the_identifier_in_every_field_is_not_printed(self):
        with open(CASE) as f:
            case = json.load(f)

        def leaves(node, path):
            if isinstance(node, dict):
                for k, v in node.items():
                    yield from leaves(v, path + [k])
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    yield from leaves(v, path + [i])
            else:
                yield path

        lines = []
        for path in leaves(case, []):
            if path == ["child", "id"]:
                continue
            variant = json.loads(json.dumps(case))
            variant["child"]["id"] = SECRET
            node = variant
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = SECRET
            lines.append(json.dumps(variant))
        self.assertGreater(len(lines), 50)
        with tempfile.TemporaryDirectory() as d:
            jsonl = os.path.join(d, "caseload.jsonl")
            with open(jsonl, "w") as f:
                f.write("\n".join(lines) + "\n")
            for args in (["validate", jsonl], ["check", "--on", "2026-11-22", jsonl],
                         ["summary", "--on", "2026-11-22", jsonl]):
                r = run(*args)
                self.assertEqual(r.returncode, 3, r.stderr)
                self.assertGreater(r.stderr.count("\n"), 20)
                if args[0] == "check":
                    # The cases that could be read are headed by their record id.
                    self.assertIn("  record " + SECRET + "\n", r.stdout)
                    self.assertOnlyAsRecordId(r)
                else:
                    self.assertClean(r)
            r = run("check", "--on", "2026-11-22", "-f", "json", jsonl)
            doc = json.loads(r.stdout)
            self.assertEqual({c.pop("record_id") for c in doc["cases"]}, {SECRET})
            self.assertNotIn(SECRET, json.dumps(doc, ensure_ascii=False))
            self.assertNotIn(SECRET, r.stderr)
            self.assertGreater(doc["totals"]["unreadable_cases"], 20)
            self.assertEqual(doc["totals"]["unreadable_cases"], r.stderr.count("\n"))

    def test_a_forged_log_line_is_escaped(self):
        with open(CASE) as f:
            case = json.load(f)
        case["placements"][0]["kind"] = "x\r\ncase.json: all fine\x1b[2J"
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "case.json")
            with open(path, "w") as f:
                json.dump(case, f)
            r = run("validate", path)
        self.assertEqual(r.returncode, 3)
        self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
        self.assertIn("\\r\\ncase.json: all fine\\x1b[2J", r.stderr)
        self.assertClean(r)

    def test_a_shifted_903_row_does_not_print_the_identifier(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "header.csv"), "w") as f:
                f.write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + SECRET + ",1,14/05/2012,WBRI,,,\n")
            with open(os.path.join(d, "episodes.csv"), "w") as f:
                f.write("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
                        "PL_POST,URN\n" + SECRET + "," + SECRET + ",04/01/2026,S,C2,N1,U6,PR4,,,,,\n")
            for command in ("check", "summary"):
                r = run(command, "--on", "2026-11-22", "--ssda903", d)
                self.assertEqual(r.returncode, 3, r.stderr)
                self.assertIn("episodes.csv:2:2: DECOM: the value (not shown", r.stderr)
                self.assertClean(r)

    def test_a_latin1_byte_loses_one_row(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "header.csv"), "wb") as f:
                f.write(b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                        b"C1,1,14/05/2012,WBRI,,,\nC2,1,14/05/2012,WBRI,,M\xe9re,\n")
            with open(os.path.join(d, "episodes.csv"), "w") as f:
                f.write("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
                        "PL_POST,URN\nC1,04/01/2026,S,C2,N1,U6,PR4,,,,,,\nC2,04/01/2026,S,C2,N1,U6,PR4,,,,,,\n")
            r = run("check", "--on", "2026-11-22", "--ssda903", d)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("header.csv:3:6: not UTF-8 text (byte 0xE9)", r.stderr)
        self.assertIn("1 cases under england", r.stdout)


class PseudonymTest(unittest.TestCase):
    """--pseudonymise KEYFILE: the record id becomes a keyed hash; warnings
    and errors carry neither."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        d = self.dir.name
        with open(CASE) as f:
            case = json.load(f)
        case["child"]["id"] = SECRET
        bad = json.loads(json.dumps(case))
        bad["child"]["birth_date"] = "not a date"
        self.caseload = os.path.join(d, "caseload.jsonl")
        with open(self.caseload, "w") as f:
            f.write(json.dumps(case) + "\n" + json.dumps(bad) + "\n")
        self.key = b"0123456789abcdef-a key of 32 b\n"
        self.keyfile = self.write("key", self.key)

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def pseudonym(self, key):
        return hmac.new(key, SECRET.encode(), hashlib.sha256).hexdigest()[:16]

    def test_the_report_has_the_id_and_standard_error_never(self):
        for fmt in ("text", "json", "csv"):
            r = run("check", "--on", "2026-11-22", "-f", fmt, self.caseload)
            self.assertEqual(r.returncode, 3, r.stderr)
            self.assertIn(SECRET, r.stdout, fmt)
            self.assertIn("caseload.jsonl: line 2", r.stderr)
            self.assertNotIn(SECRET, r.stderr, fmt)
        r = run("check", "--on", "2026-11-22", self.caseload)
        self.assertIn("  record %s\n" % SECRET, r.stdout)
        self.assertTrue(r.stdout.endswith("; 1 case could not be read\n"), r.stdout)

    def test_pseudonyms_are_keyed_stable_and_hide_the_id(self):
        want = self.pseudonym(self.key)
        outputs = []
        for fmt in ("text", "json", "csv"):
            r = run("check", "--on", "2026-11-22", "-f", fmt, "--pseudonymise", self.keyfile, self.caseload)
            self.assertEqual(r.returncode, 3, r.stderr)
            self.assertIn(want, r.stdout, fmt)
            self.assertNotIn(SECRET, r.stdout + r.stderr, fmt)
            outputs.append(r.stdout)
        doc = json.loads(outputs[1])
        self.assertEqual([c["record_id"] for c in doc["cases"]], [want])
        # Stable for one key; another key gives another pseudonym.
        again = run("check", "--on", "2026-11-22", "-f", "json", "--pseudonymise", self.keyfile, self.caseload)
        self.assertEqual(again.stdout, outputs[1])
        other = self.write("other", b"another key, 16+ bytes")
        r = run("check", "--on", "2026-11-22", "-f", "json", "--pseudonymise", other, self.caseload)
        self.assertEqual(json.loads(r.stdout)["cases"][0]["record_id"], self.pseudonym(b"another key, 16+ bytes"))
        self.assertNotEqual(self.pseudonym(b"another key, 16+ bytes"), want)
        # The HTML report, and summary (which names no case), likewise.
        html = os.path.join(self.dir.name, "report.html")
        r = run("report", "--on", "2026-11-22", "--pseudonymise", self.keyfile, "-o", html, self.caseload)
        self.assertEqual(r.returncode, 3, r.stderr)
        with open(html) as f:
            page = f.read()
        self.assertIn("<code>%s</code>" % want, page)
        self.assertNotIn(SECRET, page + r.stderr)
        r = run("report", "--on", "2026-11-22", "-o", html, self.caseload)
        with open(html) as f:
            self.assertIn("<code>%s</code>" % SECRET, f.read())
        self.assertNotIn(SECRET, r.stderr)
        r = run("summary", "--on", "2026-11-22", "--pseudonymise", self.keyfile, self.caseload)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertNotIn(SECRET, r.stdout + r.stderr)

    def test_a_record_id_cannot_forge_a_line_of_the_text(self):
        with open(CASE) as f:
            case = json.load(f)
        case["child"]["id"] = "C1\r\ncase.json: nothing overdue\x1b[2J"
        path = self.write("forged.jsonl", (json.dumps(case) + "\n").encode())
        r = run("check", "--on", "2026-11-22", path)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("  record C1\\r\\ncase.json: nothing overdue\\x1b[2J\n", r.stdout)
        self.assertIsNone(re.search(r"[\x00-\x08\x0b-\x1f\x7f]", r.stdout.replace("\r\n", "\n")))
        # JSON and CSV carry it as it is, in their own quoting.
        doc = json.loads(run("check", "--on", "2026-11-22", "-f", "json", path).stdout)
        self.assertEqual(doc["cases"][0]["record_id"], case["child"]["id"])

    def test_a_missing_empty_or_short_key_is_refused(self):
        missing = os.path.join(self.dir.name, "absent")
        for key in (missing, self.write("empty", b""), self.write("short", b"fifteen bytes!!")):
            for command in (["check"], ["summary"], ["report", "-o", os.path.join(self.dir.name, "r.html")]):
                r = run(*command, "--on", "2026-11-22", "--pseudonymise", key, self.caseload)
                self.assertEqual(r.returncode, 2, (command, key, r.stderr))
                self.assertIn("--pseudonymise: ", r.stderr)
                self.assertIn(key, r.stderr)
                self.assertEqual(r.stdout, "")
                self.assertNotIn(SECRET, r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir.name, "r.html")))
        # Sixteen bytes are enough.
        r = run("check", "--on", "2026-11-22", "--pseudonymise", self.write("k16", b"sixteen bytes!!!"),
                self.caseload)
        self.assertEqual(r.returncode, 3, r.stderr)


class AuditTest(unittest.TestCase):
    def test_validate_reports_a_state_the_history_does_not_support(self):
        with open(CASE) as f:
            case = json.load(f)
        case["child"]["id"] = SECRET
        case["history"] = [h for h in case["history"] if h["action"] != "care-plan.authorise"]
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "case.json")
            with open(path, "w") as f:
                json.dump(case, f)
            jsonl = os.path.join(d, "caseload.jsonl")
            with open(jsonl, "w") as f:
                f.write(json.dumps(case) + "\n")
            r = run("validate", path, jsonl)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout, "2 valid, 0 invalid, 2 with findings\n")
        self.assertIn(f"{path}: finding: care_plan.state: the plan is ratified", r.stderr)
        self.assertIn(f"{jsonl}:1: finding: care_plan.state:", r.stderr)
        self.assertNotIn(SECRET, r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
