"""SIGKILL during the index's catch-up (a search after other processes wrote), during `reindex`, and during `ingest`
(which appends, then brings the index up to date: a kill between the two leaves the index behind). After every
kill: `doctor --fix` is clean (it brings the index up to date and compares counts and sampled states with the
logs), a search through the index finds exactly what the logs hold, and no acknowledged record is lost."""

import json
import os
import time

from .common import RNG, check, doctor_clean, init_data_dir, kill9, mention_line, read_log, rmtree, sb, spawn, \
    stored_ids, write_mentions


def index(kills):
    root, d = init_data_dir("index")
    stats = {"kills": 0, "catch-up": 0, "reindex": 0, "ingest": 0, "finished": 0, "rebuilt": 0}
    try:
        src = os.path.join(root, "m.jsonl")
        acked_ids = set(write_mentions(src, "idx", 2000))
        check(sb(["ingest", src], d).returncode == 0, "ingest failed")
        tagged = set()
        # How long a whole rebuild takes here: kills land anywhere from its start to a little after its end.
        t0 = time.monotonic()
        r = sb(["reindex"], d)
        check(r.returncode == 0, f"reindex failed: {r.stderr}")
        span = (time.monotonic() - t0) * 1.2
        n = 2000
        spans = {"reindex": span}
        round_no = 0
        while stats["kills"] < kills:
            round_no += 1
            p_ingest = None
            if round_no % 3 == 0:
                # An ingest killed anywhere: while it appends, between a batch and the index, or while it catches up.
                batch = os.path.join(root, f"b{round_no}.jsonl")
                ids = write_mentions(batch, "idx", 300, start=n)
                n += 300
                kind = "ingest"
                if kind not in spans:
                    t0 = time.monotonic()
                    check(sb(["ingest", batch], d).returncode == 0, "ingest failed")
                    spans[kind] = (time.monotonic() - t0) * 1.2
                    acked_ids |= set(ids)
                    continue
                p = p_ingest = spawn(["ingest", "--progress", "--batch-size", "50", batch], d)
            elif round_no % 3 == 1:
                # Others write (new mentions and tags); a search catches the index up and is killed on the way.
                batch = os.path.join(root, f"b{round_no}.jsonl")
                with open(batch, "w") as f:
                    for i in range(n, n + 300):
                        f.write(mention_line("idx", i) + "\n")
                check(sb(["ingest", batch], d).returncode == 0, "ingest failed")
                acked_ids |= {f"idx-{i}" for i in range(n, n + 300)}
                n += 300
                key = read_log(d, "mentions")[0][-1]["key"]  # from the log: a search now would catch the index up
                if sb(["tag", key, "faulted"], d).returncode == 0:
                    tagged.add(key)
                kind = "catch-up"
                if kind not in spans:
                    # How long a catch-up of such a batch takes here (this one runs to its end).
                    t0 = time.monotonic()
                    sb(["mentions", "list", "--query", "acme", "--limit", "5"], d)
                    spans[kind] = (time.monotonic() - t0) * 1.2
                    continue
                p = spawn(["mentions", "list", "--query", "acme tag:faulted", "--limit", "5"], d)
            else:
                p = spawn(["reindex"], d)
                kind = "reindex"
            time.sleep(RNG.uniform(0.0, spans[kind]))
            if p.poll() is None:
                stats["kills"] += 1
                stats[kind] += 1
            else:
                stats["finished"] += 1
            kill9(p)
            if p_ingest is not None:
                # What ingest said was stored ("stored N" after each durable batch) must be found.
                stored = [int(l.split()[1]) for l in p.stdout.read().splitlines() if l.startswith("stored ")]
                acked_ids |= set(ids[:max(stored, default=0)])
            # The next search finds exactly what the logs hold (caught up, or rebuilt after a torn rebuild).
            r = sb(["mentions", "list", "--json", "--limit", "0"], d)
            check(r.returncode == 0, f"round {round_no}: search failed after a kill: {r.stderr}")
            if "rebuilding the index" in r.stderr:
                stats["rebuilt"] += 1
            listed = [json.loads(l) for l in r.stdout.splitlines() if l.strip()]
            ids = [m["id"] for m in listed]
            check(len(ids) == len(set(ids)), f"round {round_no}: a mention listed twice")
            check(set(ids) == set(stored_ids(d)), f"round {round_no}: the index and the logs disagree on the mentions")
            missing = acked_ids - set(ids)
            check(not missing, f"round {round_no}: {len(missing)} acknowledged mentions not found, e.g. {sorted(missing)[:3]}")
            found = {m["key"] for m in listed if "faulted" in (m.get("state") or {}).get("tags", [])}
            check(found == tagged, f"round {round_no}: tags in the index {len(found)}, acknowledged {len(tagged)}")
            doctor_clean(d)
    finally:
        rmtree(root)
    return (f"{stats['kills']} kills ({stats['catch-up']} during catch-up, {stats['reindex']} during reindex, "
            f"{stats['ingest']} during ingest; "
            f"{stats['finished']} finished first); after each the index matched the logs, no acknowledged record lost")
