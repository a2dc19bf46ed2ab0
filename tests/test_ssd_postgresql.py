# SPDX-License-Identifier: LGPL-2.1-or-later
"""`careplan check --ssd` from a real PostgreSQL server, against the CSV route.

The test starts its own server (initdb and pg_ctl from CAREPLAN_PG_BIN, by
default /usr/lib/postgresql/15/bin) in a temporary directory, on a free
port, listening on a Unix socket only; run as root, the server runs as
`nobody` (PostgreSQL refuses to run as root). It loads the SQL that
tools/careplan-generate writes (ssd-postgresql.sql), checks that the
PostgreSQL route gives every child the obligations the CSV route gives,
and stops the server at the end. Without the server binaries, runuser (as
root) or a libcareplan built with libpq, it is skipped, saying why.

Run with /usr/bin/python3.
"""

import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ["CAREPLAN"]
GENERATOR = os.environ["CAREPLAN_GENERATE"]
PG_BIN = os.environ.get("CAREPLAN_PG_BIN", "/usr/lib/postgresql/15/bin")
AS_AT = "2026-03-31"


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
            subprocess.run([sys.executable, GENERATOR, "--children", "300", "--seed", "15", "--as-at", AS_AT,
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

    def conninfo(self, dbname="postgres"):
        return "host=%s port=%d user=careplan dbname=%s" % (self.dir, self.port, dbname)

    def check(self, source):
        r = run("check", "--all", "--format", "json", "--on", AS_AT, "--ssd", source)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertEqual(r.stderr, "")
        return json.loads(r.stdout)["cases"]

    def test_postgresql_gives_what_the_csv_files_give(self):
        from_db = self.check(self.conninfo())
        from_csv = self.check(os.path.join(self.out, "ssd"))
        self.assertEqual(len(from_db), 300)
        self.assertEqual(len(from_csv), 300)
        for i, (db, csv) in enumerate(zip(from_db, from_csv)):
            self.assertEqual(db["source"], "postgresql:ssd_person:%d" % (i + 2))
            self.assertEqual(sorted(json.dumps(o, sort_keys=True) for o in db["obligations"]),
                             sorted(json.dumps(o, sort_keys=True) for o in csv["obligations"]), "child %d" % (i + 1))
        self.assertGreater(sum(len(c["obligations"]) for c in from_db), 3000)

    def test_a_uri_works_too(self):
        uri = "postgresql://careplan@/postgres?host=%s&port=%d" % (self.dir, self.port)
        self.assertEqual(len(self.check(uri)), 300)

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
        r = run("check", "--on", AS_AT, "--format", "json", "--ssd", self.conninfo("bad"))
        self.assertEqual(r.returncode, 3)
        self.assertIn("postgresql:ssd_cla_placement:", r.stderr)
        self.assertIn(": clap_cla_placement_type: “Q9” is not in the SSD placement type codes", r.stderr)
        self.assertNotIn("G0000002", r.stderr)
        self.assertEqual(len(json.loads(r.stdout)["cases"]), 299)

    def test_a_database_without_the_tables(self):
        self.psql("-c", "CREATE DATABASE empty")
        r = run("check", "--ssd", self.conninfo("empty"))
        self.assertEqual(r.returncode, 3)
        self.assertIn("postgresql: no table ssd_person", r.stderr)


if __name__ == "__main__":
    unittest.main()
