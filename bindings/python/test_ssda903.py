# SPDX-License-Identifier: LGPL-2.1-or-later
"""The SSDA903 importer against its JSON twin, through PyGObject.

A generated return (tools/careplan-generate) is read twice: as the JSON
Lines caseload and as the 903 CSV tables. Every child must come out the
same, and so must every obligation under every shipped profile.

Run with Debian's /usr/bin/python3 (the pyenv python3 has no PyGObject).
"""

import os
import subprocess
import sys
import tempfile
import unittest

import gi

gi.require_version("Careplan", "1.0")
gi.require_version("GLib", "2.0")
from gi.repository import Careplan, GLib  # noqa: E402

D = Careplan.date_parse_iso
GENERATOR = os.environ.get("CAREPLAN_GENERATE", "tools/careplan-generate")
AS_AT = "2026-03-31"


def obligations(case, policy, calendar):
    ev = Careplan.Evaluator.new(case, policy, calendar)
    ev.set_date(D(AS_AT))
    ev.refresh()
    return [(o.props.key, o.props.subject,
             Careplan.date_format_iso(o.get_due()) if o.get_due() else None,
             o.props.status, o.props.explanation) for o in ev.get_obligations()]


class Ssda903RoundTrip(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        subprocess.run([sys.executable, GENERATOR, "--children", "400", "--seed", "11",
                        "--as-at", AS_AT, cls.dir.name], check=True)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_the_return_gives_the_same_cases_and_obligations_as_its_json_twin(self):
        twins = list(Careplan.caseload_load_file(os.path.join(self.dir.name, "caseload.jsonl")))
        reader = Careplan.Ssda903Reader.new_for_directory(os.path.join(self.dir.name, "ssda903"))
        self.assertEqual(reader.get_n_children(), 400)
        imported = []
        while True:
            case = reader.next()
            if case is None:
                break
            imported.append(case)
        self.assertEqual(len(imported), len(twins))

        calendar = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)
        profiles = [Careplan.Policy.new_builtin(n) for n in Careplan.Policy.list_builtin()]
        ceased = moves = reviews = 0
        for i, (a, b) in enumerate(zip(imported, twins)):
            self.assertTrue(a.equal(b), "child %d differs:\n%s\n%s" % (
                i + 1, a.to_json_string(False), b.to_json_string(False)))
            for policy in profiles:
                self.assertEqual(obligations(a, policy, calendar), obligations(b, policy, calendar))
            ceased += a.get_child().get_ceased_on() is not None
            moves += a.get_placements().get_n_items() - 1
            reviews += a.get_reviews().get_n_items()
        # The generated data has the variety the comparison needs.
        self.assertGreater(ceased, 40)
        self.assertGreater(moves, 100)
        self.assertGreater(reviews, 400)

    def test_the_generator_is_deterministic(self):
        with tempfile.TemporaryDirectory() as other:
            subprocess.run([sys.executable, GENERATOR, "--children", "400", "--seed", "11",
                            "--as-at", AS_AT, other], check=True)
            for name in ("caseload.jsonl", "ssda903/header.csv", "ssda903/episodes.csv", "ssda903/reviews.csv"):
                with open(os.path.join(self.dir.name, name), "rb") as f1, open(os.path.join(other, name), "rb") as f2:
                    self.assertEqual(f1.read(), f2.read(), name)

    def test_a_bad_row_is_reported_with_its_line_and_the_rest_still_read(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "header.csv"), "w") as f:
                f.write("CHILD,SEX,DOB\nA1,1,01/02/2015\nA2,2,30/02/2015\nA3,1,2014-06-01\n")
            with open(os.path.join(d, "EPISODES.CSV"), "w") as f:
                f.write("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE\n"
                        "A1,01/03/2026,S,C2,N1,U9,PR1,,,\n"
                        "A2,01/03/2026,S,C2,N1,U4,PR1,,,\n"
                        "A3,02/03/2026,S,V2,N1,U4,PR4,,,\n")
            reader = Careplan.Ssda903Reader.new_for_directory(d)
            results = []
            while True:
                try:
                    case = reader.next()
                except GLib.Error as e:
                    results.append((e.code, e.message))
                    continue
                if case is None:
                    break
                results.append(case.get_placements().get_item(0).props.kind)
            self.assertEqual(results[0][0], Careplan.Error.UNKNOWN_CODE)
            self.assertTrue(results[0][1].startswith("episodes.csv:2:6: PLACE: “U9” is not a known code"), results[0][1])
            self.assertEqual(results[1], (Careplan.Error.INVALID_DATE,
                                          "header.csv:3:3: DOB: “30/02/2015” is not a date (dd/mm/yyyy or yyyy-mm-dd)"))
            self.assertEqual(results[2], Careplan.PlacementType.FOSTER_AGENCY)
            for r in results[:2]:
                self.assertNotIn("A1", r[1])
                self.assertNotIn("A2", r[1])


class Ssda903ReturnFacts(unittest.TestCase):
    """What the reader says about the return, as the CLI uses it (docs/ssda903.md)."""

    def write(self, d, episodes, reviews=True):
        with open(os.path.join(d, "header.csv"), "w") as f:
            f.write("CHILD,DOB\nA1,2012-05-14\n")
        with open(os.path.join(d, "episodes.csv"), "w") as f:
            f.write("CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE\n" + episodes)
        if reviews:
            with open(os.path.join(d, "reviews.csv"), "w") as f:
                f.write("CHILD,REVIEW,REVIEW_CODE\n")

    def test_lenient_period_end_and_reviews(self):
        with tempfile.TemporaryDirectory() as d:
            self.write(d, "A1,2017-01-04,S,C2,U6,PR4,,X1,\n", reviews=False)
            reader = Careplan.Ssda903Reader.new_for_directory(d)
            self.assertFalse(reader.get_has_reviews())
            self.assertEqual(reader.get_n_returns(), 1)
            self.assertEqual(Careplan.date_format_iso(reader.dup_period_end()), "2017-03-31")
            with self.assertRaises(GLib.Error):
                reader.next()
            reader = Careplan.Ssda903Reader.new_for_directory(d)
            reader.props.lenient = True
            case = reader.next()
            self.assertIsNotNone(case)
            self.assertEqual(reader.get_n_lenient(), 1)
            self.assertEqual(Careplan.date_format_iso(reader.dup_child_period_end()), "2017-03-31")


if __name__ == "__main__":
    unittest.main(verbosity=2)


class SsdOnThreads(unittest.TestCase):
    """A Standard Safeguarding Dataset extract evaluated through
    CaseloadEvaluator.foreach_in_ssd: read on the calling thread, evaluated
    on the others, delivered in the reader's order (docs/ssd.md)."""

    def test_the_same_results_on_any_number_of_threads(self):
        with tempfile.TemporaryDirectory() as d:
            subprocess.run([sys.executable, GENERATOR, "--children", "120", "--seed", "4", "--as-at", AS_AT,
                            "--case-records", d], check=True)
            ssd = os.path.join(d, "ssd")
            calendar = Careplan.Calendar.new(Careplan.Region.ENGLAND_AND_WALES)
            ce = Careplan.CaseloadEvaluator.new(Careplan.Policy.new_builtin("england"), calendar,
                                                Careplan.date_parse_iso(AS_AT))
            seen = []
            for n in (1, 3):
                ce.set_n_threads(n)
                got = []

                def each(result):
                    self.assertTrue(result.is_readable())
                    obligations = result.get_evaluator().get_obligations()
                    got.append((result.get_location(), result.get_case().props.child.props.id,
                                [(o.props.key, Careplan.date_format_iso(o.props.due) if o.props.due else None,
                                  int(o.props.status)) for o in obligations]))
                    return True

                self.assertTrue(ce.foreach_in_ssd(Careplan.SsdReader.new_for_directory(ssd), each))
                seen.append(got)
            self.assertEqual(len(seen[0]), 120)
            self.assertEqual(seen[0][0][0], "ssd_person.csv:2")
            self.assertEqual(seen[0][-1][0], "ssd_person.csv:121")
            self.assertEqual(seen[0], seen[1])
            # The same as reading the children one by one.
            reader = Careplan.SsdReader.new_for_directory(ssd)
            for location, child, _ in seen[0]:
                case = reader.next()
                self.assertEqual((reader.get_location(), case.props.child.props.id), (location, child))
