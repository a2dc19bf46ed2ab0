# SPDX-License-Identifier: LGPL-2.1-or-later
"""The format documents name every code the readers accept and every key
the shipped profiles use: docs/case-format.md each nick of the enumerations
a case holds, docs/policy-format.md each member of each built-in profile.
Run with /usr/bin/python3 (PyGObject)."""

import glob
import json
import os
import unittest

import gi

gi.require_version("Careplan", "1.0")
from gi.repository import Careplan  # noqa: E402

ROOT = os.path.dirname(os.path.abspath(os.environ["CAREPLAN_EXAMPLES"]))
DOCS = os.path.join(ROOT, "docs")
POLICIES = os.path.join(ROOT, "libcareplan", "policies")

# The enumerations a case document holds codes of.
CASE_CODES = ["LegalStatusKind", "PlacementType", "PlacementArea", "CarePlanState", "SubPlanKind",
              "PermanencePathway", "ReviewKind", "ChildParticipation", "RecommendationStatus",
              "Role", "EventKind", "Duty"]
# Duties that are the engine's own, never recorded in a case.
ENGINE_DUTIES = {"care-plan", "placement-plan", "review", "adjourned-review", "review-meeting",
                 "dispute-stage", "recommendation", "recommendation-notified",
                 "recommendation-concerns", "recommendation-agreed", "dispute-registered",
                 "permanence-milestone", "permanence-plan"}


def read(name):
    with open(os.path.join(DOCS, name), encoding="utf-8") as f:
        return f.read()


class DocumentedCodes(unittest.TestCase):
    def test_case_format_names_every_code(self):
        doc = read("case-format.md")
        for name in CASE_CODES:
            enum = getattr(Careplan, name)
            for v in enum.__enum_values__.values():
                if name == "Duty" and v.value_nick in ENGINE_DUTIES:
                    continue
                with self.subTest(enum=name, code=v.value_nick):
                    self.assertIn("`%s`" % v.value_nick, doc)

    def test_policy_format_names_every_key_of_the_shipped_profiles(self):
        doc = read("policy-format.md")
        paths = glob.glob(os.path.join(POLICIES, "*.json"))
        self.assertGreaterEqual(len(paths), 6)
        for path in paths:
            with open(path, encoding="utf-8") as f:
                profile = json.load(f)
            keys = set(profile)
            for rule in profile["rules"]:
                keys |= set(rule)
            for key in sorted(keys):
                with self.subTest(profile=os.path.basename(path), key=key):
                    self.assertIn("`%s`" % key, doc)


if __name__ == "__main__":
    unittest.main()
