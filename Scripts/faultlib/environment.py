"""Faults of the machine around the data directory: a full disk (during append and during compaction), a
read-only data directory (an unprivileged user; a read-only bind mount), two listeners started at once, and
the clock jumping forward and back."""

import errno
import hashlib
import json
import os
import pwd
import shutil
import subprocess
import time
from contextlib import contextmanager

from .common import (BIN, LIBFAKETIME, Failure, Skipped, add_mastodon_source, check, doctor_clean, faketime, init_data_dir, kill9, read_log,
                     rmtree, sb, spawn, stored_ids, tempdir, write_mentions)
from .mastodon import LoopbackMastodon


# --- helpers --------------------------------------------------------------------------------------------

def snapshot(d):
    """Every file under d with its size and SHA-256: "nothing half-written" means this did not change."""
    out = {}
    for base, _, files in os.walk(d):
        for f in files:
            p = os.path.join(base, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, d)] = hashlib.sha256(fh.read()).hexdigest()
    return out


def mount_tmpfs(path, size):
    os.makedirs(path, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", path], capture_output=True, text=True)
    if r.returncode != 0:
        raise Skipped(f"cannot mount a tmpfs here ({r.stderr.strip() or 'not root'}); run as root")


def umount(path):
    subprocess.run(["umount", path], capture_output=True)


@contextmanager
def small_disk(name, size):
    """A data directory made with `init` on a tmpfs of `size`: yields (scratch dir off the tmpfs, mount point, data
    directory); unmounted and removed afterwards."""
    root = tempdir(name)
    mnt = os.path.join(root, "mnt")
    mount_tmpfs(mnt, size)
    try:
        d = os.path.join(mnt, "data")
        check(sb(["init"], d).returncode == 0, "init failed")
        yield root, mnt, d
    finally:
        umount(mnt)
        rmtree(root)


def fill(path, leave=0, name="filler"):
    """Fills the file system holding `path` with a filler file, then gives `leave` bytes back."""
    filler = os.path.join(path, name)
    # Unbuffered: a buffered file keeps what did not fit and raises ENOSPC again when it is closed (which made this
    # fill fail or pass depending on where the disk ran out).
    with open(filler, "wb", buffering=0) as f:
        chunk = b"\0" * 65536
        try:
            while True:
                f.write(chunk)
        except OSError as e:
            if e.errno != errno.ENOSPC:
                raise
    # Byte-exact fill: the last partial chunk may not have gone in.
    try:
        with open(filler, "ab", buffering=0) as f:
            while True:
                f.write(b"\0" * 512)
    except OSError:
        pass
    if leave:
        size = os.path.getsize(filler)
        os.truncate(filler, max(0, size - leave))
    return filler


def ends_with_newlines(d):
    for f in os.listdir(os.path.join(d, "log")):
        if f.endswith(".jsonl"):
            with open(os.path.join(d, "log", f), "rb") as fh:
                data = fh.read()
            check(not data or data.endswith(b"\n"), f"log/{f} ends in the middle of a record")


def mention_keys(d):
    return [json.loads(l)["key"] for l in sb(["mentions", "list", "--json", "--limit", "0"], d).stdout.splitlines()]


# --- full disk ------------------------------------------------------------------------------------------

def full_disk_append():
    """A 4 MB tmpfs holding the data directory fills up while `ingest` appends batches and while a note is
    recorded: the command exits 1 naming the file and "No space left on device"; every batch it acknowledged
    is stored, nothing else is touched, no half record stays at the end of a log; after space is freed the
    same commands work and the rest of the file goes in exactly once."""
    with small_disk("fulldisk", "4m") as (root, mnt, d):
        first = os.path.join(root, "first.jsonl")
        ids0 = write_mentions(first, "fd0", 800)
        check(sb(["ingest", first], d).returncode == 0, "first ingest failed")
        key = mention_keys(d)[0]
        check(sb(["note", key, "before the disk filled up"], d).returncode == 0, "note failed")
        filler = fill(mnt, leave=120_000)
        big = os.path.join(root, "big.jsonl")
        ids = write_mentions(big, "fd1", 3000)
        r = sb(["ingest", "--progress", "--batch-size", "100", big], d)
        check(r.returncode == 1, f"ingest on a full disk exited {r.returncode}")
        check("No space left on device" in r.stderr and "log/mentions-" in r.stderr, f"unclear error: {r.stderr.strip()}")
        acked = max([int(l.split()[1]) for l in r.stdout.splitlines() if l.startswith("stored ")] or [0])
        check(acked > 0, "no batch fitted before the disk was full (the scenario wants some)")
        ends_with_newlines(d)
        filler2 = fill(mnt, name="filler2")   # what the failed batch had written was given back: fill that too
        # A small record may still fit in the last block the actions log already has: note until the disk refuses.
        acked_notes = ["before the disk filled up"]
        for i in range(200):
            text = f"while the disk is full {i}"
            n = sb(["note", key, text], d)
            if n.returncode != 0:
                break
            acked_notes.append(text)
        check(n.returncode == 1 and "No space left on device" in n.stderr and "log/actions-" in n.stderr,
              f"note on a full disk: exit {n.returncode}: {n.stderr.strip()}")
        before = snapshot(d)
        q = sb(["queue", "add", "Full disk post", "--account", "inbox", "--now", "--yes"], d)
        check(q.returncode == 1 and "No space left on device" in q.stderr, f"queue add on a full disk: exit {q.returncode}: {q.stderr.strip()}")
        check(snapshot(d) == before, "a failed write changed the data directory")
        doctor_clean(d)
        stored = stored_ids(d)
        check(set(ids0 + ids[:acked]) <= set(stored), "an acknowledged mention was lost on the full disk")
        check(len(stored) == len(set(stored)), "a mention stored twice")
        os.unlink(filler)
        os.unlink(filler2)
        check(sb(["note", key, "after space was freed"], d).returncode == 0, "note after freeing space failed")
        r2 = sb(["ingest", big], d)
        check(r2.returncode == 0, f"ingest after freeing space failed: {r2.stderr}")
        stored = stored_ids(d)
        check(sorted(stored) == sorted(ids0 + ids), "after freeing space the store does not hold every mention once")
        notes = [x["text"] for x in read_log(d, "actions")[0] if x["type"] == "note"]
        check(notes == acked_notes + ["after space was freed"], f"notes: {notes}")
        doctor_clean(d)
        return (f"ENOSPC after {acked} of 3000 mentions: exit 1 naming the file; {len(acked_notes) - 1} more notes fitted, then "
                f"note and queue add were refused the same way; "
                f"nothing touched; all 3800 stored once after space was freed")


def full_disk_compaction():
    """`compact` needs room for a new copy of each log: on a full tmpfs it exits 1 with a clear error, removes its
    temp file, and leaves every log as it was; with room again it compacts and folds the analyses."""
    with small_disk("fullcompact", "10m") as (root, mnt, d):  # the logs, their compacted copy and the search index
        src = os.path.join(root, "m.jsonl")
        write_mentions(src, "fc", 4000)
        check(sb(["ingest", src], d).returncode == 0, "ingest failed")

        def flip(team):
            team["crisis_terms"] = ["outage"]
        from .common import edit_team
        edit_team(d, flip)
        check(sb(["reanalyze"], d).returncode == 0, "reanalyze failed")
        listing = sb(["mentions", "list", "--json", "--limit", "0"], d).stdout
        filler = fill(mnt, leave=200_000)
        before = snapshot(d)
        r = sb(["compact"], d)
        check(r.returncode == 1, f"compact on a full disk exited {r.returncode}")
        check("No space left on device" in r.stderr, f"unclear error: {r.stderr.strip()}")
        check(snapshot(d) == before, "a failed compaction changed the data directory")
        doctor_clean(d)
        check(sb(["mentions", "list", "--json", "--limit", "0"], d).stdout == listing, "the state changed")
        os.unlink(filler)
        r = sb(["compact"], d)
        check(r.returncode == 0, f"compact after freeing space failed: {r.stderr}")
        check(not [f for f in os.listdir(os.path.join(d, "log")) if f.startswith("analysis-")], "analyses not folded")
        check(sb(["mentions", "list", "--json", "--limit", "0"], d).stdout == listing, "compaction changed the state")
        doctor_clean(d)
        return "compact on a full disk: exit 1, \"No space left on device\", every file byte-identical; compacts once space is back"


def full_disk_reindex():
    """`reindex` writes the new index into a build file and copies it into the index: it needs about twice the
    index's size free. On a full tmpfs it exits 1 saying so, leaves the logs byte-identical and the old index
    answering as before, and removes its build file; with room again it rebuilds."""
    with small_disk("fullreindex", "24m") as (root, mnt, d):
        src = os.path.join(root, "m.jsonl")
        write_mentions(src, "fr", 6000)
        check(sb(["ingest", src], d).returncode == 0, "ingest failed")
        check(sb(["reindex"], d).returncode == 0, "the first reindex failed")
        listing = sb(["mentions", "list", "--json", "--limit", "0"], d).stdout
        logs = {k: v for k, v in snapshot(d).items() if k.startswith("log/")}
        index_dir = os.path.join(d, "index")
        index_size = sum(os.path.getsize(os.path.join(index_dir, f)) for f in os.listdir(index_dir))
        filler = fill(mnt, leave=index_size // 2)
        r = sb(["reindex"], d)
        check(r.returncode == 1, f"reindex on a full disk exited {r.returncode}")
        check("no space left on device for the index" in r.stderr and "MB free" in r.stderr,
              f"unclear error: {r.stderr.strip()}")
        check(not [f for f in os.listdir(index_dir) if f.startswith("history.build")], "the build file was left")
        check({k: v for k, v in snapshot(d).items() if k.startswith("log/")} == logs, "a failed reindex changed a log")
        check(sb(["mentions", "list", "--json", "--limit", "0"], d).stdout == listing, "the old index answers otherwise")
        os.unlink(filler)
        r = sb(["reindex"], d)
        check(r.returncode == 0, f"reindex after freeing space failed: {r.stderr}")
        check(sb(["mentions", "list", "--json", "--limit", "0"], d).stdout == listing, "the rebuild changed the state")
        doctor_clean(d)
        return (f"reindex on a full disk (index {index_size // 1_000_000} MB, half of it free): exit 1 saying how much "
                "it needs, logs byte-identical, the old index answering, no build file; rebuilds once space is back")


# --- read-only data directory -----------------------------------------------------------------------------

def private_binary(root):
    """A copy of the binary and its resource bundles that any user can run (the build tree may sit in /root)."""
    bindir = os.path.join(root, "bin")
    os.makedirs(bindir)
    shutil.copy2(BIN, bindir)
    src = os.path.dirname(BIN)
    for b in os.listdir(src):
        if b.endswith(".resources"):
            shutil.copytree(os.path.join(src, b), os.path.join(bindir, b))
    for base, dirs, files in os.walk(bindir):
        os.chmod(base, 0o755)
    return os.path.join(bindir, "switchboard")


def read_only_checks(d, run, label, more):
    """Writes fail with a clear error and change nothing; reads still work."""
    before = snapshot(d)
    key = None
    r = run(["mentions", "list", "--json", "--limit", "0"])
    check(r.returncode == 0, f"{label}: reading a read-only data directory failed: {r.stderr.strip()}")
    key = json.loads(r.stdout.splitlines()[0])["key"]
    results = {}
    for name, args in [("note", ["note", key, "should not be stored"]), ("status", ["status", key, "open"]),
                       ("ingest", ["ingest", more]), ("compact", ["compact"]),
                       ("queue add", ["queue", "add", "x", "--account", "inbox", "--now", "--yes"])]:
        r = run(args)
        results[name] = r
        check(r.returncode == 1, f"{label}: {name} exited {r.returncode}: {r.stderr.strip()}")
        msg = r.stderr.strip()
        check(msg.startswith("switchboard: cannot ") and ("Permission denied" in msg or "Read-only file system" in msg),
              f"{label}: {name}: unclear error: {msg}")
    r = run(["doctor"])
    check(r.returncode == 1 and "not writable for you" in r.stdout, f"{label}: doctor should say so: {r.stdout.strip()}")
    check(snapshot(d) == before, f"{label}: the data directory changed")
    return results["note"].stderr.strip()


def read_only_user():
    """The data directory belongs to root (0755/0644); user `nobody` may read it but not write it."""
    if os.geteuid() != 0:
        raise Skipped("needs root to run commands as another user")
    root = tempdir("rouser")
    try:
        os.chmod(root, 0o755)
        d = os.path.join(root, "data")
        check(sb(["init"], d).returncode == 0, "init failed")
        src = os.path.join(root, "m.jsonl")
        write_mentions(src, "ro", 50)
        check(sb(["ingest", src], d).returncode == 0, "ingest failed")
        for base, dirs, files in os.walk(d):
            os.chmod(base, 0o700 if base.endswith("secrets") else 0o755)
            for f in files:
                os.chmod(os.path.join(base, f), 0o600 if "secrets" in base else 0o644)
        binary = private_binary(root)
        home = os.path.join(root, "home")
        os.makedirs(home, mode=0o777)
        os.chmod(home, 0o777)

        def run(args):
            env = {"HOME": home, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
            return subprocess.run(["runuser", "-u", "nobody", "--", "env", "-i"] + [f"{k}={v}" for k, v in env.items()] +
                                  [binary] + args + ["--data-dir", d], capture_output=True, text=True, timeout=60)
        more = os.path.join(root, "more.jsonl")
        write_mentions(more, "ro-more", 5)
        os.chmod(more, 0o644)
        msg = read_only_checks(d, run, "nobody", more)
        # init into a directory nobody may write
        r = run(["init"])
        check(r.returncode == 1, f"init over an existing directory should fail: {r.returncode}")
        doctor_clean(d)
        return f"reads work; writes exit 1 and change nothing (\"{msg}\")"
    finally:
        rmtree(root)


def read_only_mount():
    """The data directory seen through a read-only bind mount (as root, who ignores mode bits)."""
    root = tempdir("romount")
    ro = os.path.join(root, "ro")
    try:
        d = os.path.join(root, "data")
        check(sb(["init"], d).returncode == 0, "init failed")
        src = os.path.join(root, "m.jsonl")
        write_mentions(src, "rom", 50)
        check(sb(["ingest", src], d).returncode == 0, "ingest failed")
        os.makedirs(ro)
        r = subprocess.run(["mount", "--bind", d, ro], capture_output=True, text=True)
        if r.returncode != 0:
            raise Skipped(f"cannot bind-mount here: {r.stderr.strip()}")
        r = subprocess.run(["mount", "-o", "remount,ro,bind", ro], capture_output=True, text=True)
        if r.returncode != 0:
            raise Skipped(f"cannot remount read-only here: {r.stderr.strip()}")
        more = os.path.join(root, "more.jsonl")
        write_mentions(more, "rom-more", 5)
        msg = read_only_checks(ro, lambda args: sb(args, ro), "read-only mount", more)
        return f"reads work; writes exit 1 and change nothing (\"{msg}\")"
    finally:
        umount(ro)
        rmtree(root)


# --- two listeners ------------------------------------------------------------------------------------------

def two_listeners(rounds=3):
    """Two `listen` started in the same instant, three times: one runs, the other exits 1 naming the process
    that holds the lock; `listen --once` meanwhile is refused the same way; SIGTERM ends the winner with 0."""
    root, d = init_data_dir("listeners")
    try:
        for i in range(rounds):
            a = spawn(["listen", "--log", os.path.join(root, f"a{i}.log")], d, stdout=subprocess.DEVNULL)
            b = spawn(["listen", "--log", os.path.join(root, f"b{i}.log")], d, stdout=subprocess.DEVNULL)
            deadline = time.time() + 20
            while time.time() < deadline and a.poll() is None and b.poll() is None:
                time.sleep(0.05)
            loser, winner = (a, b) if a.poll() is not None else (b, a)
            check(loser.poll() is not None, f"round {i}: both listeners still run after 20 s")
            time.sleep(0.3)
            check(winner.poll() is None, f"round {i}: neither listener runs (exit {a.poll()}, {b.poll()})")
            err = loser.stderr.read()
            check(loser.returncode == 1, f"round {i}: the second listener exited {loser.returncode}")
            who = f"process {winner.pid} of {pwd.getpwuid(os.geteuid()).pw_name}"
            check(f"another listener is running on {d} ({who}, it holds state/listener.lock)" in err,
                  f"round {i}: the message does not name the holder: {err.strip()}")
            once = sb(["listen", "--once"], d)
            check(once.returncode == 1 and who in once.stderr, f"round {i}: listen --once: {once.stderr.strip()}")
            winner.terminate()
            check(winner.wait(20) == 0, f"round {i}: SIGTERM: exit {winner.returncode}")
        doctor_clean(d)
        return f"{rounds} rounds: one listener ran, the other said \"{err.strip().removeprefix('switchboard: ')}\""
    finally:
        rmtree(root)


# --- the clock --------------------------------------------------------------------------------------------

def clock_jumps():
    """Through libfaketime the clock jumps 40 days ahead (a new month), back to now, a day back and 3 hours
    around, while mentions are ingested (some again), notes and statuses recorded, and a scheduled post is due:
    every mention and action is stored once, the last status set is the status shown, and the post reaches the
    loopback server once — also when a publisher was killed after posting and its lease ran under another clock."""
    if not os.path.exists(LIBFAKETIME):
        raise Skipped(f"no {LIBFAKETIME}: apt-get install faketime")
    server = LoopbackMastodon(delay=(0.0, 0.0))
    root, d = init_data_dir("clock")
    try:
        add_mastodon_source(d, server.base_url, enabled=False)
        offsets = ["+0", "+40d", "+0", "-1d", "+3h", "-3h", "+40d", "+0"]
        all_ids, notes, last_status = [], [], None
        src = os.path.join(root, "m.jsonl")
        write_mentions(src, "clkbase", 50)
        check(sb(["ingest", src], d).returncode == 0, "ingest failed")
        key = mention_keys(d)[0]
        statuses = ["open", "waiting", "escalated", "open", "waiting", "new", "escalated", "waiting"]
        for i, off in enumerate(offsets):
            env = faketime(off)
            f = os.path.join(root, f"m{i}.jsonl")
            ids = write_mentions(f, f"clk{i}", 60)
            with open(f, "a") as fh:   # the previous step's first 20 again
                prev = os.path.join(root, f"m{i - 1}.jsonl") if i else src
                fh.writelines(open(prev).readlines()[:20])
            all_ids += ids
            r = sb(["ingest", f], d, env=env)
            check(r.returncode == 0 and r.stdout.startswith("60 new, 20 duplicate"), f"clock {off}: ingest: {r.stdout.strip()} {r.stderr.strip()}")
            text = f"note at clock {off} (step {i})"
            check(sb(["note", key, text], d, env=env).returncode == 0, "note failed")
            notes.append(text)
            check(sb(["status", key, statuses[i]], d, env=env).returncode == 0, "status failed")
            last_status = statuses[i]
        stored = stored_ids(d)
        check(len(stored) == len(set(stored)), "a mention stored twice across the clock jumps")
        check(set(all_ids) <= set(stored), "a mention lost across the clock jumps")
        show = json.loads(sb(["mentions", "show", key, "--json"], d).stdout)
        check(show["state"]["status"] == last_status,
              f"the status shown is {show['state']['status']}, the last one set was {last_status}")
        check([n["text"] for n in show["state"]["notes"]] == notes, f"notes out of order or lost: {show['state']['notes']}")
        recs, _ = read_log(d, "actions")
        check(len({r['id'] for r in recs}) == len(recs), "an action recorded twice")
        logs = sorted(f for f in os.listdir(os.path.join(d, "log")) if f.startswith("actions-"))

        # A scheduled post and the clock.
        at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 120))
        r = sb(["queue", "add", "Scheduled in two minutes", "--account", "masto", "--at", at, "--yes"], d, user="lea")
        check(r.returncode == 0, f"queue add: {r.stderr}")
        item = r.stdout.strip().splitlines()[-1].split(":")[0]
        for off in ["+0", "+5m", "-1h", "+5m", "+40d", "-1d", "+0"]:
            r = sb(["publish-due", "--json"], d, env=faketime(off))
            check(r.returncode == 0, f"publish-due at {off}: {r.stderr}")
        posts, by_key = server.snapshot()
        check(len(posts) == 1 and by_key.get(f"{item}-masto"), f"the scheduled post reached the server {len(posts)} times")
        # A publisher killed after posting, at +1d: the claim's lease (2 min at +1d) holds back publishers at the
        # real time; one at +1d+10m takes over with the same key, and the server sees the same post again.
        server.delay = (1.5, 1.5)
        r = sb(["queue", "add", "Killed after posting", "--account", "masto", "--now", "--yes"], d, user="lea", env=faketime("+1d"))
        item2 = r.stdout.strip().splitlines()[-1].split(":")[0]
        p = spawn(["publish-due"], d, env=faketime("+1d"))
        deadline = time.time() + 20
        while time.time() < deadline and len(server.snapshot()[0]) < 2:
            time.sleep(0.02)
        kill9(p)
        server.delay = (0.0, 0.0)
        check(len(server.snapshot()[0]) == 2, "the publisher never posted")
        for off in ["+0", "+1d"]:
            sb(["publish-due"], d, env=faketime(off))
        check(len(server.snapshot()[0]) == 2, "a claim under a lease was posted again")
        r = sb(["publish-due", "--json"], d, env=faketime("+87000"))
        check('"published"' in r.stdout, f"the takeover did not publish: {r.stdout} {r.stderr}")
        posts, by_key = server.snapshot()
        check(len(set(by_key.values())) == 2, f"{len(set(by_key.values()))} statuses for 2 items")
        recs, _ = read_log(d, "actions")
        published = [r for r in recs if r["type"] == "queue_published"]
        check(sorted(r["queue"] for r in published) == sorted([item, item2]), f"published records: {published}")
        doctor_clean(d)
        return (f"clock at {', '.join(offsets)}: 480 mentions once each, {len(notes)} notes in order, last status shown "
                f"({'/'.join(logs)}); scheduled post sent once over 7 clocks; a takeover after a kill re-sent the same key: 2 statuses for 2 items")
    finally:
        server.stop()
        rmtree(root)
