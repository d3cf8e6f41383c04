"""Shared pieces of the fault harness: running the real binary, reading a data directory's logs the way a
person with `jq` would, checking `doctor`, and keeping the score."""

import glob
import json
import os
import random
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("SWITCHBOARD_BIN", os.path.join(ROOT, ".build", "debug", "switchboard"))
RNG = random.Random(int(os.environ.get("FAULTS_SEED", "0")) or None)


class Failure(Exception):
    """A broken promise: the scenario fails with this message."""


class Skipped(Exception):
    """The machine cannot stage this fault (no mount permission, not root, no libfaketime): reported, not counted."""


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def base_env(user="anna", extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FAKETIME") and k != "LD_PRELOAD"}
    env["SWITCHBOARD_USER"] = user
    env["LANG"] = "C.UTF-8"
    env.pop("SWITCHBOARD_HOME", None)
    if extra:
        env.update(extra)
    return env


def sb(args, data=None, user="anna", stdin=None, env=None, timeout=60, prefix=None):
    """Runs the binary to completion; returns CompletedProcess with text output."""
    cmd = (prefix or []) + [BIN] + list(args) + (["--data-dir", data] if data else [])
    feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    for _ in range(3):
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=base_env(user, env), **feed)
        # libfaketime 0.9.10 sometimes fails to set up its (deliberately missing, see `faketime`) shared memory and
        # exits while loading, before the program ran ("In ft_shm_init(), sem_open failed and recreation attempts
        # failed"; about one `clock-jumps` run in three here, never the binary's doing): the harness's tool, so run
        # it again. A retry after the program did run would show in the checks (a second ingest finds duplicates).
        if r.returncode == 0 or "libfaketime: In ft_shm_init()" not in r.stderr:
            return r
    return r


SPAWNED = []


def spawn(args, data=None, user="anna", env=None, prefix=None, stdout=subprocess.PIPE):
    cmd = (prefix or []) + [BIN] + list(args) + (["--data-dir", data] if data else [])
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                         env=base_env(user, env), text=True)
    SPAWNED.append(p)
    return p


def reap_all():
    """Ends every process this harness started and that still runs (by its own pid, nothing else)."""
    for p in SPAWNED:
        if p.poll() is None:
            p.kill()
            p.wait()


LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1"


def faketime(offset):
    """Environment that runs the binary with its wall clock moved by `offset` ("+5m", "-1d", "+40d") through
    libfaketime preloaded directly (the `faketime` wrapper forks, so signals would not reach the binary).
    The monotonic clock is left alone: timeouts and sleeps behave. Without FAKETIME_SHARED (which the wrapper
    sets) libfaketime 0.9.10 hides the program's arguments from the Swift runtime; a name that does not exist
    makes it skip its shared memory and keeps the arguments."""
    return {"LD_PRELOAD": LIBFAKETIME, "FAKETIME": offset, "FAKETIME_DONT_FAKE_MONOTONIC": "1", "FAKETIME_NO_CACHE": "1",
            "FAKETIME_SHARED": "/sb_faults_none /sb_faults_none"}


def tempdir(tag):
    return tempfile.mkdtemp(prefix=f"sb-faults-{tag}-")


def init_data_dir(tag, brand="Acme Cloud"):
    root = tempdir(tag)
    d = os.path.join(root, "data")
    r = sb(["init", "--brand", brand], d)
    check(r.returncode == 0, f"init failed: {r.stderr}")
    return root, d


def edit_team(d, change):
    path = os.path.join(d, "team.json")
    with open(path) as f:
        team = json.load(f)
    change(team)
    with open(path, "w") as f:
        json.dump(team, f, indent=2)


def add_mastodon_source(d, base_url, enabled=True):
    def change(team):
        team["sources"] = [{"id": "masto", "type": "mastodon", "instance": base_url,
                            "token_file": "secrets/masto.token", "enabled": enabled}]
        team["team"] = [{"user": "lea", "name": "Lea", "role": "lead"}, {"user": "anna", "name": "Anna", "role": "agent"}]
    edit_team(d, change)
    os.makedirs(os.path.join(d, "secrets"), mode=0o700, exist_ok=True)
    tok = os.path.join(d, "secrets", "masto.token")
    with open(tok, "w") as f:
        f.write("token-faults\n")
    os.chmod(tok, 0o600)


# --- Mentions in the import format -----------------------------------------------------------------

def mention_line(prefix, i, reply_uri=None):
    o = {"platform": "mastodon", "id": f"{prefix}-{i}", "text": f"Post {i} über „Acme Cloud“ — is it down? 🎉 {prefix}",
         "created_at": f"2026-11-{10 + i % 15:02d}T10:{i % 60:02d}:00Z",
         "author": {"handle": f"user{i % 97}@example.social", "name": f"User {i % 97}", "followers": i * 7 % 5000},
         "lang": "en"}
    if reply_uri:
        o["source"] = "masto"
        o["reply"] = {"uri": reply_uri, "visibility": "public"}
    return json.dumps(o, ensure_ascii=False)


def write_mentions(path, prefix, n, start=0):
    with open(path, "w") as f:
        for i in range(start, start + n):
            f.write(mention_line(prefix, i) + "\n")
    return [f"{prefix}-{i}" for i in range(start, start + n)]


# --- Reading a data directory as files -------------------------------------------------------------

def read_log(d, kind):
    """Every parseable record of log/KIND-*.jsonl, in file order; and the lines that did not parse."""
    records, bad = [], []
    for f in sorted(glob.glob(os.path.join(d, "log", f"{kind}-*.jsonl"))):
        with open(f, "rb") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except ValueError:
                    bad.append(f"{os.path.basename(f)}:{n}")
    return records, bad


def stored_ids(d):
    recs, _ = read_log(d, "mentions")
    return [r["id"] for r in recs]


def corrupt_lines(d):
    out = []
    for f in sorted(glob.glob(os.path.join(d, "log", "*.corrupt"))):
        with open(f, "rb") as fh:
            out += [line for line in fh.read().split(b"\n") if line.strip()]
    return out


COUNTS = {"temp files removed": 0, "doctor runs": 0}


def doctor_clean(d, env=None, prefix=None):
    """"Clean" means: exit 0 and no problem; the only repairs and notes allowed are a torn last record (an append
    cut short by the kill) set aside into FILE.corrupt, the .corrupt files holding such records, and the temp file
    of a compaction killed before its rename; every set-aside line must be an incomplete record (never a whole one);
    no temp file is left beside the logs. `doctor` only reads, so the repairs are `doctor --fix`'s ("fixed" lines;
    the next process to open the store would make the same ones).
    Returns the number of torn records set aside so far."""
    COUNTS["doctor runs"] += 1
    r = sb(["doctor", "--fix", "--json"], d, env=env, prefix=prefix)
    findings = [json.loads(l) for l in r.stdout.splitlines() if l.strip()]
    problems = [f for f in findings if f["level"] == "problem"]
    check(r.returncode == 0 and not problems, f"doctor not clean (exit {r.returncode}): {problems or r.stderr.strip()}")
    for f in findings:
        temp = ("temporary file left by an interrupted compaction was removed" in f["message"]) or \
            (f["level"] == "fixed" and f["message"] == "removed" and ".jsonl.tmp-" in f["place"])
        ok = ("incomplete last record" in f["message"] and "was moved to" in f["message"]) or temp or \
             (f["place"].endswith(".corrupt") and "set aside" in f["message"])
        check(ok, f"doctor: unexpected note {f}")
        if temp:
            COUNTS["temp files removed"] += 1
    torn = corrupt_lines(d)
    for line in torn:
        try:
            json.loads(line)
        except ValueError:
            continue
        raise Failure(f"a complete record was set aside as corrupt: {line[:120]!r}")
    leftovers = [p for p in os.listdir(os.path.join(d, "log")) if ".tmp-" in p]
    check(not leftovers, f"temp files left in log/: {leftovers}")
    return len(torn)


def actions_by_id(d):
    recs, bad = read_log(d, "actions")
    return {r["id"]: r for r in recs}, recs, bad


def kill9(p):
    try:
        p.kill()
    except ProcessLookupError:
        pass
    p.wait()


def rmtree(path):
    shutil.rmtree(path, ignore_errors=True)


class Timer:
    def __enter__(self):
        self.t0 = time.monotonic()
        return self

    def __exit__(self, *a):
        self.seconds = time.monotonic() - self.t0
