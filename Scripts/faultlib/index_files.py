"""The index beside logs that change under it: `compact` SIGKILLed at random moments while a search holds the index
open (the logs rewritten, or not, under it), a log edited by hand in the middle, an index written by a newer
version. After each: the next search finds exactly what the logs hold (rebuilt where it had to be, with the
visible "rebuilding the index" line), no acknowledged record is lost, `doctor --fix` is clean."""

import glob
import json
import os
import sqlite3
import time

from .common import RNG, check, doctor_clean, init_data_dir, kill9, mention_line, rmtree, sb, spawn, \
    stored_ids, write_mentions


def listed(d, what):
    r = sb(["mentions", "list", "--json", "--limit", "0"], d)
    check(r.returncode == 0, f"{what}: search failed: {r.stderr}")
    return [json.loads(l) for l in r.stdout.splitlines() if l.strip()], r.stderr


def same_as_logs(d, acked, what):
    rows, err = listed(d, what)
    ids = [m["id"] for m in rows]
    check(len(ids) == len(set(ids)), f"{what}: a mention listed twice")
    check(set(ids) == set(stored_ids(d)), f"{what}: the index and the logs disagree on the mentions")
    missing = acked - set(ids)
    check(not missing, f"{what}: {len(missing)} acknowledged mentions not found, e.g. {sorted(missing)[:3]}")
    doctor_clean(d)
    return err


def index_files(kills):
    root, d = init_data_dir("indexfiles")
    stats = {"kills": 0, "finished": 0, "rebuilt": 0}
    try:
        src = os.path.join(root, "m.jsonl")
        acked = set(write_mentions(src, "ixf", 1500))
        check(sb(["ingest", src], d).returncode == 0, "ingest failed")
        same_as_logs(d, acked, "after ingest")
        t0 = time.monotonic()
        check(sb(["compact"], d).returncode == 0, "compact failed")
        span = (time.monotonic() - t0) * 1.2
        n = 1500
        for round_no in range(1, kills + 1):
            # Duplicates for compaction to drop, and new mentions it must keep.
            batch = os.path.join(root, f"b{round_no}.jsonl")
            with open(batch, "w") as f:
                for i in list(range(n, n + 100)) + list(range(n - 50, n)):
                    f.write(mention_line("ixf", i) + "\n")
            check(sb(["ingest", batch], d).returncode == 0, "ingest failed")
            acked |= {f"ixf-{i}" for i in range(n, n + 100)}
            n += 100
            reader = spawn(["mentions", "list", "--query", "acme", "--limit", "5"], d)  # the index open meanwhile
            p = spawn(["compact"], d)
            time.sleep(RNG.uniform(0.0, span))
            if p.poll() is None:
                stats["kills"] += 1
            else:
                stats["finished"] += 1
            kill9(p)
            reader.wait()
            err = same_as_logs(d, acked, f"compact round {round_no}")
            if "rebuilding the index" in err:
                stats["rebuilt"] += 1

        # A log edited by hand in the middle (same length, so only the sampled bytes tell): found, rebuilt.
        logs = sorted(glob.glob(os.path.join(d, "log", "**", "mentions*.jsonl"), recursive=True))
        check(logs, "no mentions log")
        with open(logs[0], "rb") as f:
            data = f.read()
        at = data.find("über".encode(), len(data) // 2)
        check(at > 0, "nothing to edit in the middle of the log")
        with open(logs[0], "r+b") as f:
            f.seek(at)
            f.write("ÜBER".encode())
        rows, err = listed(d, "after a hand edit")
        check("rebuilding the index" in err and "changed" in err, f"a hand-edited log was not noticed: {err!r}")
        check(any("ÜBER" in m["text"] for m in rows), "the index does not show the edited text")
        same_as_logs(d, acked, "after a hand edit")

        # An index written by a newer version: rebuilt, not trusted.
        db = sqlite3.connect(os.path.join(d, "index", "history.sqlite"))
        db.execute("UPDATE meta SET v = '99' WHERE k = 'schema'")
        db.execute("DELETE FROM mention WHERE rowid % 2 = 0")  # what a newer layout might hold: not these rows
        db.commit()
        db.close()
        rows, err = listed(d, "after a newer index")
        check("written by a newer version" in err, f"a newer index was trusted: {err!r}")
        same_as_logs(d, acked, "after a newer index")
    finally:
        rmtree(root)
    return (f"{stats['kills']} compactions killed with the index open ({stats['finished']} finished first, "
            f"{stats['rebuilt']} searches rebuilt it), a log edited in the middle and a newer-version index rebuilt; "
            f"after each the index matched the logs, no acknowledged record lost")
