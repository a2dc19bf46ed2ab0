# SPDX-License-Identifier: LGPL-2.1-or-later
"""`careplan check --ssd` from a real PostgreSQL server, against the CSV route.

The test starts its own server (initdb and pg_ctl from CAREPLAN_PG_BIN, by
default /usr/lib/postgresql/15/bin) in a temporary directory, on a free
port, listening on a Unix socket only; run as root, the server runs as
`nobody` (PostgreSQL refuses to run as root). It loads the SQL that
tools/careplan-generate writes (ssd-postgresql.sql) for 2,000 invented
children, checks that the PostgreSQL route gives every child the
obligations the CSV route and the JSON Lines twin give, that `--write-table`
writes them back into the database (idempotently, and atomically: a writer
killed before its COMMIT leaves the previous rows), and stops the server at
the end. Without the server binaries, runuser (as
root) or a libcareplan built with libpq, it is skipped, saying why.

Run with /usr/bin/python3.
"""

import csv
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ["CAREPLAN"]
GENERATOR = os.environ["CAREPLAN_GENERATE"]
PG_BIN = os.environ.get("CAREPLAN_PG_BIN", "/usr/lib/postgresql/15/bin")
PROFILE = os.environ["CAREPLAN_ENGLAND_PROFILE"]
AS_AT = "2026-03-31"
CHILDREN = 2000
TABLE = "careplan_obligations"
# As in test_ssd_cli.py: the duties the SSD route judges, and the case facts
# the SSD has no field for (they change only the visits).
SSD_DUTIES = {"review", "visit", "health-assessment", "dental-check", "care-plan"}
NOT_IN_SSD = {"visits-reduction-agreed", "visits-reduction-decided"}


def run(*args):
    return subprocess.run([TOOL, *args], capture_output=True, text=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def why_not():
    """Why the test cannot run here, or None."""
    if not os.path.exists(os.path.join(PG_BIN, "initdb")):
        return "no PostgreSQL server binaries in %s (apt-get install postgresql)" % PG_BIN
    r = run("check", "--ssd", "host=/nonexistent dbname=none")
    if "built without PostgreSQL" in r.stderr:
        return "libcareplan was built without libpq (apt-get install libpq-dev, then reconfigure)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser, and PostgreSQL will not run as root"
    return None


class PostgresqlRouteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        reason = why_not()
        if reason:
            raise unittest.SkipTest(reason)
        cls.dir = tempfile.mkdtemp(prefix="careplan-pg-")
        cls.data = os.path.join(cls.dir, "data")
        cls.port = free_port()
        cls.as_user = []
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            os.chown(cls.dir, nobody.pw_uid, nobody.pw_gid)
            cls.as_user = ["runuser", "-u", "nobody", "--"]
        os.chmod(cls.dir, 0o755)
        cls.server = False
        try:
            cls.pg("initdb", "-D", cls.data, "-A", "trust", "-U", "careplan", "-E", "UTF8", "--locale=C",
                   "--no-sync")
            cls.pg("pg_ctl", "-D", cls.data, "-l", os.path.join(cls.dir, "server.log"), "-w", "-o",
                   "-p %d -k %s -c listen_addresses='' -c fsync=off" % (cls.port, cls.dir), "start")
            cls.server = True
            cls.out = os.path.join(cls.dir, "generated")
            subprocess.run([sys.executable, GENERATOR, "--children", str(CHILDREN), "--seed", "15", "--as-at", AS_AT,
                            "--case-records", cls.out], check=True)
            cls.psql("-f", os.path.join(cls.out, "ssd-postgresql.sql"))
        except Exception:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "server", False):
            cls.pg("pg_ctl", "-D", cls.data, "-m", "fast", "-w", "stop")
            cls.server = False
        if getattr(cls, "dir", None):
            shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def pg(cls, program, *args):
        subprocess.run(cls.as_user + [os.path.join(PG_BIN, program), *args], check=True,
                       stdout=subprocess.DEVNULL, cwd="/")

    @classmethod
    def psql(cls, *args):
        subprocess.run([os.path.join(PG_BIN, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", cls.dir,
                        "-p", str(cls.port), "-U", "careplan", "-d", "postgres", *args], check=True,
                       stdout=subprocess.DEVNULL)

    def query(self, sql, dbname="postgres"):
        r = subprocess.run([os.path.join(PG_BIN, "psql"), "-X", "-q", "-A", "-t", "-F", "\t", "-v",
                            "ON_ERROR_STOP=1", "-h", self.dir, "-p", str(self.port), "-U", "careplan", "-d", dbname,
                            "-c", sql], check=True, capture_output=True, text=True)
        return [line.split("\t") for line in r.stdout.splitlines()]

    def conninfo(self, dbname="postgres"):
        return "host=%s port=%d user=careplan dbname=%s" % (self.dir, self.port, dbname)

    def check(self, source, *args):
        r = run("check", "--all", "--format", "json", "--on", AS_AT, *args, source)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertEqual(r.stderr, "")
        return json.loads(r.stdout)["cases"]

    def test_postgresql_gives_what_the_csv_files_give(self):
        from_db = self.check(self.conninfo(), "--ssd")
        from_csv = self.check(os.path.join(self.out, "ssd"), "--ssd")
        self.assertEqual(len(from_db), CHILDREN)
        self.assertEqual(len(from_csv), CHILDREN)
        for i, (db, csv) in enumerate(zip(from_db, from_csv)):
            self.assertEqual(db["source"], "postgresql:ssd_person:%d" % (i + 2))
            self.assertEqual(sorted(json.dumps(o, sort_keys=True) for o in db["obligations"]),
                             sorted(json.dumps(o, sort_keys=True) for o in csv["obligations"]), "child %d" % (i + 1))
        self.assertGreater(sum(len(c["obligations"]) for c in from_db), 20000)

    def test_the_database_counts_what_the_csv_files_count(self):
        # Counted when first asked (a query of its own): before reading,
        # and with the cursors part way.
        try:
            import gi
            gi.require_version("Careplan", "1.0")
            from gi.repository import Careplan
        except (ImportError, ValueError) as e:
            self.skipTest("no PyGObject or no Careplan typelib: %s" % e)
        from_csv = Careplan.SsdReader.new_for_directory(os.path.join(self.out, "ssd"))
        self.assertEqual(from_csv.get_n_children(), CHILDREN)
        before = Careplan.SsdReader.new_for_connection(self.conninfo())
        self.assertEqual(before.get_n_children(), CHILDREN)
        during = Careplan.SsdReader.new_for_connection(self.conninfo())
        for _ in range(3):
            self.assertIsNotNone(during.next())
        self.assertEqual(during.get_n_children(), CHILDREN)
        self.assertEqual(during.get_n_children(), CHILDREN)
        n = 3
        while during.next() is not None:
            n += 1
        self.assertEqual(n, CHILDREN)

    def test_any_number_of_threads_gives_the_same(self):
        # The children are read on one thread and evaluated on N.
        one = run("check", "--all", "--format", "json", "--on", AS_AT, "-j", "1", "--ssd", self.conninfo())
        self.assertIn(one.returncode, (0, 1), one.stderr)
        for jobs in ("2", "5"):
            r = run("check", "--all", "--format", "json", "--on", AS_AT, "-j", jobs, "--ssd", self.conninfo())
            self.assertEqual((r.returncode, r.stdout, r.stderr), (one.returncode, one.stdout, one.stderr), jobs)

    def test_an_extract_with_other_columns_reads_the_same(self):
        # As an authority's SSD holds them: more columns than the reader
        # wants (of types it could not read as dates or codes, one named
        # to need quoting), wanted ones named in capitals and in another
        # order. Only the wanted columns are fetched; the rest change nothing.
        self.fresh_database("wider")
        self.psql("-d", "wider",
                  "-c", "ALTER TABLE ssd_person ADD COLUMN pers_forename text DEFAULT 'Forename',"
                        " ADD COLUMN pers_upn bytea DEFAULT '\\x00ff', ADD COLUMN \"Pers Notes\"\"\" jsonb"
                        " DEFAULT '{\"a\": [1, 2]}'",
                  "-c", "ALTER TABLE ssd_person RENAME COLUMN pers_dob TO \"PERS_DOB\"",
                  "-c", "ALTER TABLE ssd_cla_visits ADD COLUMN clav_casenote_id integer DEFAULT 7,"
                        " ADD COLUMN clav_notes text DEFAULT repeat('x', 2000)",
                  "-c", "ALTER TABLE ssd_cla_episodes RENAME COLUMN clae_person_id TO \"CLAE_PERSON_ID\"",
                  "-c", "ALTER TABLE ssd_care_leavers ADD COLUMN clea_care_leaver_activity text DEFAULT 'F1'")
        wider = run("check", "--all", "--format", "json", "--on", AS_AT, "--ssd", self.conninfo("wider"))
        plain = run("check", "--all", "--format", "json", "--on", AS_AT, "--ssd", self.conninfo())
        self.assertIn(plain.returncode, (0, 1), plain.stderr)
        self.assertEqual((wider.returncode, wider.stdout, wider.stderr),
                         (plain.returncode, plain.stdout, plain.stderr))
        self.assertNotIn("Forename", wider.stdout)

    def test_a_role_allowed_few_connections_reads_the_same(self):
        # Each table is read on a connection of its own where one can be
        # had, and on the main connection where not: a role allowed only
        # one connection reads every table there, one allowed four reads
        # three on their own; the output is the same.
        many = run("check", "--all", "--format", "json", "--on", AS_AT, "-j", "2", "--ssd", self.conninfo())
        self.assertIn(many.returncode, (0, 1), many.stderr)
        for limit in (1, 4):
            role = "reader%d" % limit
            self.psql("-c", "DROP ROLE IF EXISTS %s" % role, "-c", "CREATE ROLE %s LOGIN CONNECTION LIMIT %d"
                      % (role, limit), "-c", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO %s" % role)
            r = run("check", "--all", "--format", "json", "--on", AS_AT, "-j", "2", "--ssd",
                    self.conninfo().replace("user=careplan", "user=" + role))
            self.assertEqual((r.returncode, r.stdout, r.stderr), (many.returncode, many.stdout, many.stderr),
                             limit)

    def test_postgresql_gives_what_the_json_twins_give(self):
        # What test_ssd_cli.py checks for the CSV route, on every child.
        jl = os.path.join(self.out, "caseload.jsonl")
        twins = self.check(jl)
        from_db = self.check(self.conninfo(), "--ssd")
        with open(jl) as f:
            docs = [json.loads(line) for line in f]
        with open(PROFILE) as f:
            duty = {r["key"]: r.get("duty") for r in json.load(f)["rules"]}
        self.assertEqual(len(twins), CHILDREN)
        compared = 0
        for i, (twin, case, doc) in enumerate(zip(twins, from_db, docs)):
            unknowable = (any(p.get("intended_until_18") or p["kind"] == "connected-person-temporary"
                              for p in doc["placements"]) or
                          any(a["duty"] in NOT_IN_SSD for a in doc.get("activities", [])))

            def wanted(o):
                return duty[o["key"]] in SSD_DUTIES and not (unknowable and duty[o["key"]] == "visit")

            expected = sorted(json.dumps(o, sort_keys=True) for o in twin["obligations"] if wanted(o))
            got = sorted(json.dumps(o, sort_keys=True) for o in case["obligations"] if wanted(o))
            self.assertEqual(got, expected, "child %d" % (i + 1))
            compared += len(expected)
        self.assertGreater(compared, 20000)

    # --write-table ----------------------------------------------------------

    def write(self, *args, env=None, dbname="postgres"):
        return subprocess.run([TOOL, "check", "--all", "--format", "json", "--ssd", self.conninfo(dbname),
                               "--write-table", TABLE, *args], capture_output=True, text=True, env=env)

    def rows(self, as_at=AS_AT, dbname="postgres"):
        return self.query("SELECT record_id, ordinal, key, subject, due, met_on, status, rule_id, citation FROM %s "
                          "WHERE as_at = '%s' AND profile = 'england' ORDER BY record_id, ordinal"
                          % (TABLE, as_at), dbname)

    def fresh_database(self, name):
        self.psql("-c", "DROP DATABASE IF EXISTS %s" % name)
        self.psql("-c", "CREATE DATABASE %s" % name)
        self.psql("-d", name, "-f", os.path.join(self.out, "ssd-postgresql.sql"))

    def test_write_table_writes_every_obligation_once(self):
        self.fresh_database("written")
        r = self.write("--on", AS_AT, dbname="written")
        self.assertIn(r.returncode, (0, 1), r.stderr)
        cases = json.loads(r.stdout)["cases"]
        total = sum(len(c["obligations"]) for c in cases)
        self.assertEqual(r.stderr, "%d obligations written to %s\n" % (total, TABLE))
        rows = self.rows(dbname="written")
        self.assertEqual(len(rows), total)

        # Child by child (the children come in the order of their ids), the
        # same obligations as the JSON output.
        ids = [row[0] for row in self.query("SELECT DISTINCT record_id FROM %s ORDER BY 1" % TABLE, "written")]
        self.assertEqual(len(ids), CHILDREN)
        by_child = {}
        for row in rows:
            by_child.setdefault(row[0], []).append(tuple(row[2:]))
        for i, (case, record) in enumerate(zip(cases, ids)):
            expected = sorted((o["key"], o["subject"], o["due"] or "", o["met_on"] or "", o["status"],
                               o["rule_id"], o["citation"]) for o in case["obligations"])
            self.assertEqual(sorted(by_child[record]), expected, "child %d" % (i + 1))
        self.assertEqual([int(row[1]) for row in rows[:3]], [1, 2, 3])

        # Run again, on one thread: the same rows, not twice as many.
        r = self.write("--on", AS_AT, "-j", "1", dbname="written")
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertEqual(self.rows(dbname="written"), rows)

        # Another date adds its own rows and leaves these.
        r = self.write("--on", "2026-04-30", dbname="written")
        self.assertIn(r.returncode, (0, 1), r.stderr)
        later = self.rows("2026-04-30", dbname="written")
        self.assertGreater(len(later), CHILDREN)
        self.assertEqual(self.rows(dbname="written"), rows)
        self.assertEqual(self.query("SELECT count(*) FROM %s" % TABLE, "written"), [[str(len(rows) + len(later))]])
        # Each obligation of a run once, found by its run through the index;
        # no primary key (docs/ssd.md: it made the COPY after the DELETE slow).
        self.assertEqual(self.query("SELECT count(*) FROM (SELECT FROM %s_rows GROUP BY as_at, profile, record_id, "
                                    "ordinal HAVING count(*) > 1) d" % TABLE, "written"), [["0"]])
        self.assertEqual(self.query(
            "SELECT i.indisprimary, i.indisunique, pg_get_indexdef(i.indexrelid) ~ '\\(as_at\\)$' "
            "FROM pg_index i WHERE i.indrelid = '%s_rows'::regclass" % TABLE, "written"), [["f", "f", "t"]])

        # The layout: TABLE is a view of the narrow rows and of each rule's
        # citation, held once a profile; the view's columns are those of the
        # one wide table earlier versions wrote.
        self.assertEqual(self.query("SELECT relkind FROM pg_class WHERE oid = '%s'::regclass" % TABLE, "written"),
                         [["v"]])
        self.assertEqual(self.query(
            "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) "
            "FROM pg_attribute WHERE attrelid = '%s'::regclass AND attnum > 0" % TABLE, "written"),
            [["as_at date, profile text, record_id text, ordinal integer, key text, subject text, due date, "
              "met_on date, status text, rule_id text, citation text"]])
        rules = self.query("SELECT profile, rule_id FROM %s_rules ORDER BY 1, 2" % TABLE, "written")
        self.assertEqual(rules, self.query("SELECT DISTINCT profile, rule_id FROM %s_rows ORDER BY 1, 2" % TABLE,
                                           "written"))
        self.assertNotIn("citation", [row[0] for row in self.query(
            "SELECT attname FROM pg_attribute WHERE attrelid = '%s_rows'::regclass" % TABLE, "written")])

    def test_an_index_that_begins_with_the_date_is_not_doubled(self):
        # Earlier versions indexed (as_at, profile); an authority may have
        # its own. Either serves the DELETE and the dashboards: no second one.
        self.fresh_database("indexed")
        self.psql("-d", "indexed", "-c",
                  "CREATE TABLE %s_rows (as_at date NOT NULL, profile text NOT NULL, record_id text NOT NULL, "
                  "ordinal integer NOT NULL, key text NOT NULL, subject text NOT NULL, due date, met_on date, "
                  "status text NOT NULL, rule_id text NOT NULL); "
                  "CREATE INDEX earlier ON %s_rows (as_at, profile); "
                  "CREATE INDEX other ON %s_rows (record_id, as_at)" % (TABLE, TABLE, TABLE))
        for _ in range(2):
            r = self.write("--on", AS_AT, dbname="indexed")
            self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertEqual(self.query("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                                    "WHERE i.indrelid = '%s_rows'::regclass ORDER BY 1" % TABLE, "indexed"),
                         [["earlier"], ["other"]])
        self.assertGreater(len(self.rows(dbname="indexed")), CHILDREN)

    def test_an_earlier_wide_table_is_refused_and_left_as_it_was(self):
        self.fresh_database("wide")
        self.psql("-d", "wide", "-c",
                  "CREATE TABLE %s (as_at date NOT NULL, profile text NOT NULL, record_id text NOT NULL, "
                  "ordinal integer NOT NULL, key text NOT NULL, subject text NOT NULL, due date, met_on date, "
                  "status text NOT NULL, rule_id text NOT NULL, citation text NOT NULL, "
                  "PRIMARY KEY (as_at, profile, record_id, ordinal))" % TABLE)
        self.psql("-d", "wide", "-c", "INSERT INTO %s VALUES ('%s', 'england', '1', 1, 'k', 's', NULL, NULL, "
                  "'overdue', 'review.first', 'c')" % (TABLE, AS_AT))
        r = self.write("--on", AS_AT, dbname="wide")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("postgresql: %s: already a table, not the view careplan writes" % TABLE, r.stderr)
        self.assertIn("; the table is as it was", r.stderr)
        self.assertEqual(len(self.rows(dbname="wide")), 1)
        self.assertEqual(self.query("SELECT to_regclass('%s_rows') IS NULL" % TABLE, "wide"), [["t"]])

    def test_a_writer_killed_before_its_commit_leaves_the_previous_rows(self):
        self.fresh_database("killed")
        r = self.write("--on", AS_AT, dbname="killed")
        self.assertIn(r.returncode, (0, 1), r.stderr)
        # Mark last night's rows, so that a commit of the new ones would show.
        self.query("UPDATE %s_rules SET citation = 'last night'" % TABLE, "killed")
        before = self.rows(dbname="killed")

        env = dict(os.environ, CAREPLAN_TEST_PAUSE_BEFORE_COMMIT="120")
        p = subprocess.Popen([TOOL, "check", "--all", "--format", "json", "--on", AS_AT, "--ssd",
                              self.conninfo("killed"), "--write-table", TABLE], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, env=env)
        try:
            self.assertEqual(p.stderr.readline(), "careplan check: --write-table: ready to commit\n")
            # The new rows are in, uncommitted: another session still sees the old ones.
            self.assertEqual(self.rows(dbname="killed"), before)
        finally:
            p.send_signal(signal.SIGKILL)
            p.wait()
            p.stderr.close()
        self.assertEqual(p.returncode, -signal.SIGKILL)
        self.assertEqual(self.rows(dbname="killed"), before)
        self.assertTrue(all(row[8] == "last night" for row in before))

        # The server rolled the killed run back and released its lock: the
        # next run replaces the rows.
        r = self.write("--on", AS_AT, dbname="killed")
        self.assertIn(r.returncode, (0, 1), r.stderr)
        after = self.rows(dbname="killed")
        self.assertEqual(len(after), len(before))
        self.assertFalse(any(row[8] == "last night" for row in after))

    def test_a_failed_write_leaves_the_table_as_it_was(self):
        # A table of that name with other columns: the COPY fails, nothing changes.
        self.psql("-c", "CREATE TABLE IF NOT EXISTS not_ours (as_at date, profile text, note text)")
        self.psql("-c", "INSERT INTO not_ours VALUES ('%s', 'england', 'kept')" % AS_AT)
        r = subprocess.run([TOOL, "check", "--on", AS_AT, "--ssd", self.conninfo(), "--write-table", "not_ours"],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("postgresql: not_ours: ", r.stderr)
        self.assertIn("; the table is as it was", r.stderr)
        self.assertEqual(self.query("SELECT as_at, profile, note FROM not_ours"), [[AS_AT, "england", "kept"]])

    def test_a_bad_table_name_is_refused(self):
        for name in ("careplan_obligations; DROP TABLE ssd_person", "1table", "a.b.c", "x" * 64, "",
                     'quoted"name'):
            r = subprocess.run(
                [TOOL, "check", "--ssd", self.conninfo(), "--write-table", name], capture_output=True, text=True)
            self.assertEqual(r.returncode, 2, name)
            self.assertIn("is not a table name", r.stderr)
        self.assertEqual(self.query("SELECT count(*) FROM ssd_person"), [[str(CHILDREN)]])

    def test_write_table_needs_one_postgresql_source(self):
        r = run("check", "--ssd", os.path.join(self.out, "ssd"), "--write-table", TABLE)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--write-table needs one --ssd source, a PostgreSQL database", r.stderr)
        r = run("check", "--ssd", self.conninfo(), "--ssd", self.conninfo(), "--write-table", TABLE)
        self.assertEqual(r.returncode, 2)
        r = run("check", "--ssd", self.conninfo(), "--write-table", TABLE, "--pseudonymise", "/nonexistent")
        self.assertEqual(r.returncode, 2)
        self.assertIn("it does not take --pseudonymise", r.stderr)

    def test_write_table_refuses_a_password_too(self):
        r = run("check", "--ssd", self.conninfo() + " password=secret", "--write-table", TABLE)
        self.assertEqual(r.returncode, 3)
        self.assertIn("holds a password; give it in ~/.pgpass or PGPASSWORD instead", r.stderr)
        self.assertNotIn("secret", r.stderr)

    def test_a_uri_works_too(self):
        uri = "postgresql://careplan@/postgres?host=%s&port=%d" % (self.dir, self.port)
        self.assertEqual(len(self.check(uri, "--ssd")), CHILDREN)

    def test_a_password_in_the_connection_string_is_refused(self):
        r = run("check", "--ssd", self.conninfo() + " password=secret")
        self.assertEqual(r.returncode, 3)
        self.assertIn("holds a password; give it in ~/.pgpass or PGPASSWORD instead", r.stderr)
        self.assertNotIn("secret", r.stderr)

    def test_a_bad_row_names_table_row_and_column_not_the_child(self):
        self.psql("-c", "CREATE DATABASE bad")
        dump = os.path.join(self.out, "ssd-postgresql.sql")
        subprocess.run([os.path.join(PG_BIN, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.dir, "-p",
                        str(self.port), "-U", "careplan", "-d", "bad", "-f", dump], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([os.path.join(PG_BIN, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.dir, "-p",
                        str(self.port), "-U", "careplan", "-d", "bad", "-c",
                        "UPDATE ssd_cla_placement SET clap_cla_placement_type = 'Q9' "
                        "WHERE clap_cla_placement_id = 'PL0000002-1'"], check=True, stdout=subprocess.DEVNULL)
        # A bad visit far down the table: its line is its place in the
        # table ordered by child and visit id (the header is line 1), however
        # many batches the cursor fetched before it.
        visits = sorted((p.strip().encode(), v.encode(), v) for p, v in self.query(
            "SELECT clav_person_id, clav_cla_visit_id FROM ssd_cla_visits", "bad"))
        bad_visit = next(v for p, _, v in visits if p == b"G0001500")
        line = 2 + [v for _, _, v in visits].index(bad_visit)
        self.assertGreater(line, 10000)
        subprocess.run([os.path.join(PG_BIN, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.dir, "-p",
                        str(self.port), "-U", "careplan", "-d", "bad", "-c",
                        "UPDATE ssd_cla_visits SET clav_cla_visit_seen = 'maybe' "
                        "WHERE clav_cla_visit_id = '%s'" % bad_visit], check=True, stdout=subprocess.DEVNULL)
        r = run("check", "--on", AS_AT, "--format", "json", "--ssd", self.conninfo("bad"))
        self.assertEqual(r.returncode, 3)
        self.assertIn("postgresql:ssd_cla_placement:", r.stderr)
        self.assertIn(": clap_cla_placement_type: “Q9” is not in the SSD placement type codes", r.stderr)
        self.assertIn("postgresql:ssd_cla_visits:%d:5: clav_cla_visit_seen: “maybe” is not in" % line, r.stderr)
        self.assertNotIn("G0000002", r.stderr)
        self.assertNotIn("G0001500", r.stderr)
        self.assertEqual(len(json.loads(r.stdout)["cases"]), CHILDREN - 2)

    # Awkward extracts ---------------------------------------------------------

    def awkward_extract(self):
        """The first children's rows of every table, with what a real extract
        holds now and then: a child's person row twice, episodes of people
        without a person row (one sorting before every child, one between,
        one after), a person never looked after (with a visit), a key with
        white space around it, a visit with no person, keys that a
        language's collation orders otherwise than byte by byte. Each file
        is sorted by its key and row id, so that its lines are the rows'
        numbers on the server too; two children have a bad row in a table
        whose rows the client numbers as they come."""
        src = os.path.join(self.out, "ssd")
        dst = os.path.join(self.dir, "awkward")
        os.makedirs(dst, exist_ok=True)
        wanted = {"G%07d" % i for i in range(1, 21)}
        tables = {}
        for name in sorted(os.listdir(src)):
            with open(os.path.join(src, name), newline="") as f:
                rows = list(csv.reader(f))
            tables[name[:-4]] = (rows[0], rows[1:])
        clas = {r[2] for r in tables["ssd_cla_episodes"][1] if r[1] in wanted}
        for table, (header, rows) in tables.items():
            key = 1 if table in ("ssd_cla_episodes", "ssd_cla_visits") else 0
            if table in ("ssd_cla_reviews",):
                key = 1
            if table == "ssd_cla_placement":
                key = header.index("clap_cla_id")
            elif table == "ssd_cla_reviews":
                key = header.index("clar_cla_id")
            else:
                key = [i for i, h in enumerate(header) if h.endswith("person_id")][0]
            keep = clas if table in ("ssd_cla_placement", "ssd_cla_reviews") else wanted
            rows = [r for r in rows if r[key] in keep]
            if table == "ssd_person":
                rows.append(list(next(r for r in rows if r[0] == "G0000003")))
                rows = [r for r in rows if r[0] != "G0000007"]
                rows.append(["G0000000", "1", "2012-01-01", ""])
            elif table == "ssd_cla_episodes":
                for ghost in ("0-GHOST", "G0000011a", "a-ghost"):
                    first = list(rows[0])
                    first[0], first[1] = "EP-" + ghost, ghost
                    rows.append(first)
            elif table == "ssd_cla_visits":
                rows[3][key] = " %s " % rows[3][key]
                extra = list(rows[0])
                extra[0], extra[key] = "V-NOBODY", ""
                rows.append(extra)
                extra = list(rows[1])
                extra[0], extra[key] = "V-NOT-LOOKED-AFTER", "G0000000"
                rows.append(extra)
                # A bad row of a table the client numbers as the rows come.
                next(r for r in rows if r[key] == "G0000005")[header.index("clav_cla_visit_seen")] = "maybe"
            elif table == "ssd_cla_health":
                next(r for r in rows if r[key] == "G0000009")[header.index("clah_health_check_status")] = "Done"
            # A row without a key last: loaded, its key is NULL, which the
            # server orders after every other.
            rows.sort(key=lambda r: (r[key].strip() == "", r[key].strip().encode(),
                                     r[0] if table != "ssd_person" else ""))
            with open(os.path.join(dst, table + ".csv"), "w", newline="") as f:
                csv.writer(f, lineterminator="\n").writerows([header] + rows)
            tables[table] = (header, rows)
        return dst, tables

    def test_an_awkward_extract_reads_as_its_csv_files_do(self):
        dst, tables = self.awkward_extract()
        self.psql("-c", "DROP DATABASE IF EXISTS awkward")
        # A language's collation where the server has one: the reader orders
        # by bytes whatever the database's own order.
        try:
            self.psql("-c", "CREATE DATABASE awkward TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-GB'")
        except subprocess.CalledProcessError:
            self.psql("-c", "CREATE DATABASE awkward")
        self.psql("-d", "awkward", "-f", os.path.join(self.out, "ssd-postgresql.sql"))
        for table, (header, rows) in tables.items():
            self.psql("-d", "awkward", "-c", "TRUNCATE %s" % table, "-c",
                      "\\copy %s (%s) FROM '%s' CSV HEADER" % (table, ", ".join(header),
                                                               os.path.join(dst, table + ".csv")))
        from_db = run("check", "--all", "--format", "json", "--on", AS_AT, "--ssd", self.conninfo("awkward"))
        from_csv = run("check", "--all", "--format", "json", "--on", AS_AT, "--ssd", dst)
        self.assertEqual(from_csv.returncode, 3, from_csv.stderr)
        self.assertEqual(from_db.returncode, from_csv.returncode, from_db.stderr)
        db_cases = json.loads(from_db.stdout)["cases"]
        csv_cases = json.loads(from_csv.stdout)["cases"]
        self.assertEqual(len(db_cases), 17)
        self.assertEqual([c["source"].replace("postgresql:ssd_person", "ssd_person.csv") for c in db_cases],
                         [c["source"].replace(dst + os.sep, "") for c in csv_cases])
        for db, csv_case in zip(db_cases, csv_cases):
            self.assertEqual(db["obligations"], csv_case["obligations"], csv_case["source"])
        # The same bad rows, in the same order, by the same lines.
        said = re.sub(r"postgresql:(ssd_[a-z_]+):", r"\1.csv:", from_db.stderr)
        said = re.sub(r"\b(ssd_[a-z_]+)\b(?![.:])", r"\1.csv", said)
        self.maxDiff = None
        csv_said = from_csv.stderr.replace(dst + os.sep, "")
        self.assertEqual(said, csv_said)
        self.assertIn("ssd_person.csv:6:1: pers_person_id: the child appears twice (also line 5)", csv_said)
        self.assertIn("(1 row in ssd_cla_episodes.csv)", csv_said)
        self.assertRegex(csv_said, r"ssd_cla_visits\.csv:\d+:5: clav_cla_visit_seen: “maybe” is not in")
        self.assertRegex(csv_said, r"ssd_cla_health\.csv:\d+:5: clah_health_check_status: “Done” is not in")
        self.assertEqual(csv_said.count("no row in ssd_person"), 4, csv_said)
        for ghost in ("GHOST", "ghost", "G0000007", "G0000011a"):
            self.assertNotIn(ghost, from_db.stderr)

    def test_a_database_without_the_tables(self):
        self.psql("-c", "CREATE DATABASE empty")
        r = run("check", "--ssd", self.conninfo("empty"))
        self.assertEqual(r.returncode, 3)
        self.assertIn("postgresql: no table ssd_person", r.stderr)


if __name__ == "__main__":
    unittest.main()
