"""SIGKILL at random moments of ingest, triage, publishing and compaction. After every round (1–3 kills): `doctor` is clean
(see common.doctor_clean), every acknowledged record is in the log, nothing is stored twice, and no post
reached the loopback server twice."""

import json
import os
import subprocess
import threading
import time

from .common import (LIBFAKETIME, RNG, Failure, Skipped, actions_by_id, faketime, add_mastodon_source, check, doctor_clean, init_data_dir, kill9,
                     mention_line, read_log, rmtree, sb, spawn, stored_ids, write_mentions)
from .mastodon import LoopbackMastodon


class Progress:
    """Reads `ingest --progress` output: the last "stored N" is what the process acknowledged."""

    def __init__(self, proc):
        self.proc, self.acked = proc, 0
        self.thread = threading.Thread(target=self.read, daemon=True)
        self.thread.start()

    def read(self):
        for line in self.proc.stdout:
            if line.startswith("stored "):
                self.acked = int(line.split()[1])


def ingest(kills):
    """Several `ingest` processes at once over large files with overlapping ids; random ones are killed at a
    random moment. Acknowledged: the first N lines of a file after "stored N" (or all, after exit 0)."""
    stats = {"kills": 0, "torn": 0, "acked": 0, "rounds": 0, "aimed": 0}
    per_dir = 6
    root = d = None
    acked_ids = set()
    try:
        rnd = 0
        while stats["kills"] < kills:
            if rnd % per_dir == 0:
                if root:
                    rmtree(root)
                root, d = init_data_dir("ingest")
                acked_ids = set()
            rnd += 1
            stats["rounds"] += 1
            files = []
            for p in range(RNG.randint(2, 3)):
                path = os.path.join(root, f"r{rnd}-{p}.jsonl")
                ids = write_mentions(path, f"r{rnd}p{p}", 1200)
                # Overlap with the other processes of this round and with the previous round.
                with open(path, "a") as f:
                    for i in range(0, 200, 2):
                        f.write(mention_line(f"r{rnd}shared", i) + "\n")
                        f.write(mention_line(f"r{rnd - 1}p0", i) + "\n")
                ids += [x for i in range(0, 200, 2) for x in (f"r{rnd}shared-{i}", f"r{rnd - 1}p0-{i}")]
                files.append((path, ids))
            procs = []
            aimed = rnd % 3 == 0 or os.environ.get("FAULTS_AIM_ALL")
            if aimed:
                # Aimed at a write: one process stores a 6,000-mention file in a single 2.6 MB write(2) and is killed
                # the moment the log grows without ending on a newline (mid-write), while the others keep appending
                # small batches to the same log with the store already open.
                path = os.path.join(root, f"r{rnd}-big.jsonl")
                files.append((path, write_mentions(path, f"r{rnd}big", 6000)))
            for i, (path, ids) in enumerate(files):
                big = aimed and i == len(files) - 1
                batch = 100000 if big else (10 if aimed else RNG.choice([50, 100, 250, 700]))
                p = spawn(["ingest", "--progress", "--batch-size", str(batch), path], d)
                procs.append((p, Progress(p), ids))
            if aimed:
                big = procs[-1][0]
                if kill_mid_write(big, os.path.join(d, "log")):
                    stats["aimed"] += 1
                    stats["kills"] += 1
                victims = [procs[-1]] + RNG.sample(procs[:-1], RNG.randint(0, 1))
            else:
                time.sleep(RNG.uniform(0.05, 1.0))
                victims = RNG.sample(procs, RNG.randint(min(2, len(procs)), len(procs)))
            for p, _, _ in victims:
                if p.poll() is None:
                    stats["kills"] += 1
                kill9(p)
            for p, prog, ids in procs:
                p.wait()
                prog.thread.join(5)
                n = len(ids) if p.returncode == 0 else prog.acked
                if p.returncode not in (0, -9):
                    raise Failure(f"ingest exited {p.returncode}: {p.stderr.read()[-300:]}")
                acked_ids.update(ids[:n])
            torn_now = doctor_clean(d)
            stored = stored_ids(d)
            missing = acked_ids - set(stored)
            check(not missing, f"round {rnd}: {len(missing)} acknowledged mentions lost, e.g. {sorted(missing)[:3]}")
            check(len(stored) == len(set(stored)), f"round {rnd}: a mention stored twice")
            stats["acked"] = max(stats["acked"], len(acked_ids))
            stats["torn_dir"] = torn_now
            if rnd % per_dir == 0 or stats["kills"] >= kills:
                stats["torn"] += torn_now
    finally:
        if root:
            rmtree(root)
    return f"{stats['kills']} kills in {stats['rounds']} rounds of 2–4 concurrent ingests ({stats['aimed']} aimed into a " \
           f"2.6 MB write); {stats['torn']} torn last records set aside; every acknowledged mention present, none twice"


def kill_mid_write(p, logdir, timeout=20):
    """SIGKILLs `p` as soon as a mentions log has grown by more than 64 KB since the last look and does not end
    with a newline: a large write(2) in progress. Returns True when it caught one."""
    def state():
        out = {}
        for f in os.listdir(logdir):
            if f.startswith("mentions-") and f.endswith(".jsonl"):
                out[f] = os.path.getsize(os.path.join(logdir, f))
        return out
    last = state()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and p.poll() is None:
        now = state()
        for f, size in now.items():
            if size - last.get(f, 0) > 65536:
                with open(os.path.join(logdir, f), "rb") as fh:
                    fh.seek(size - 1)
                    if fh.read(1) != b"\n":
                        p.kill()
                        return True
        last = now
        time.sleep(0.0002)   # a 2 MB write takes longer than this; the cores are needed by the writers
    return False


TRIAGE_VERBS = ["status", "assign", "tag", "note", "claim"]


def triage_command(verb, key, n):
    if verb == "status":
        return ["status", key, RNG.choice(["open", "waiting", "new", "escalated"]), "--json"]
    if verb == "assign":
        return ["assign", key, RNG.choice(["anna", "ben", "-"]), "--json"]
    if verb == "tag":
        return ["tag", key, f"t{n}", "--json"]
    if verb == "note":
        return ["note", key, f"note {n}: called back, waiting", "--json"]
    return ["claim", key, "--force", "--json"]


def triage(kills):
    """Three loops of status/assign/tag/note/claim on shared mentions, each command as its own person; at a
    random moment the command running in one or more loops is killed. Acknowledged: a command that exited 0
    (its event id printed, or for claim: a claim by that person on that mention)."""
    root, d = init_data_dir("triage")
    stats = {"kills": 0, "acked": 0, "rounds": 0}
    try:
        src = os.path.join(root, "m.jsonl")
        write_mentions(src, "tri", 200)
        check(sb(["ingest", src], d).returncode == 0, "ingest failed")
        keys = [json.loads(l)["key"] for l in sb(["mentions", "list", "--json", "--limit", "1000"], d).stdout.splitlines()]
        check(len(keys) == 200, f"expected 200 mentions, got {len(keys)}")
        acked = []   # (event id or None, actor, type, key)
        counter = [0]
        lock = threading.Lock()
        while stats["kills"] < kills:
            stats["rounds"] += 1
            running = {}
            stop = threading.Event()

            def loop(w):
                while not stop.is_set():
                    with lock:
                        counter[0] += 1
                        n = counter[0]
                    verb, key = RNG.choice(TRIAGE_VERBS), RNG.choice(keys)
                    actor = f"u{n}"
                    p = spawn(triage_command(verb, key[:6], n), d, user=actor)
                    running[w] = p
                    out, err = p.communicate()
                    if p.returncode == 0:
                        ev = json.loads(out.splitlines()[0]) if verb != "claim" else None
                        with lock:
                            acked.append((ev["id"] if ev else None, actor, verb, key))
                    elif p.returncode != -9:
                        with lock:
                            acked.append(("FAILED", actor, verb, err.strip()))

            threads = [threading.Thread(target=loop, args=(w,)) for w in range(3)]
            for t in threads:
                t.start()
            time.sleep(RNG.uniform(0.1, 0.8))
            for w in RNG.sample(range(3), RNG.randint(1, 3)):
                p = running.get(w)
                if p and p.poll() is None:
                    kill9(p)
                    stats["kills"] += 1
            stop.set()
            for t in threads:
                t.join()
            failed = [a for a in acked if a[0] == "FAILED"]
            check(not failed, f"a triage command failed: {failed[:2]}")
            doctor_clean(d)
            by_id, recs, bad = actions_by_id(d)
            check(not bad, f"unparseable action lines: {bad[:3]}")
            check(len(by_id) == len(recs), "an action recorded twice")
            claims = {(r["actor"], r["mention"]) for r in recs if r["type"] == "claim"}
            for eid, actor, verb, key in acked:
                if verb == "claim":
                    check((actor, key) in claims, f"acknowledged claim by {actor} on {key} lost")
                else:
                    check(eid in by_id and by_id[eid]["actor"] == actor, f"acknowledged {verb} {eid} by {actor} lost")
            stats["acked"] = len(acked)
    finally:
        rmtree(root)
    return f"{stats['kills']} kills in {stats['rounds']} rounds of 3 concurrent command loops; " \
           f"{stats['acked']} acknowledged actions all in the log, none twice"


def publishing(kills):
    """Queue items and replies posted to a loopback Mastodon by `publish-due`, `reply` and `listen`, killed at
    random moments; at the end a listener with the clock 5 minutes ahead (leases of killed senders expired)
    sends whatever is left. Then: every item and reply is on the server exactly once, every acknowledged
    publication is in the log, and the log's post ids are the server's."""
    if not os.path.exists(LIBFAKETIME):
        raise Skipped(f"no {LIBFAKETIME} to run the final sender 5 minutes ahead: apt-get install faketime")
    server = LoopbackMastodon()
    root, d = init_data_dir("publish")
    stats = {"kills": 0, "rounds": 0, "items": 0, "replies": 0}
    try:
        add_mastodon_source(d, server.base_url, enabled=False)
        src = os.path.join(root, "m.jsonl")
        with open(src, "w") as f:
            for i in range(400):
                f.write(mention_line("pub", i, reply_uri=str(700000 + i)) + "\n")
        check(sb(["ingest", src], d).returncode == 0, "ingest failed")
        keys = [json.loads(l)["key"] for l in sb(["mentions", "list", "--json", "--limit", "1000"], d).stdout.splitlines()]
        items, replies = {}, {}       # id -> text
        acked_items, acked_replies = set(), set()
        n = 0
        t_start = time.monotonic()
        while stats["kills"] < kills:
            stats["rounds"] += 1
            for _ in range(2):
                n += 1
                text = f"Queue post {n}: our spring release is out"
                r = sb(["queue", "add", text, "--account", "masto", "--now", "--yes"], d, user="lea")
                check(r.returncode == 0, f"queue add failed: {r.stderr}")
                items[r.stdout.strip().splitlines()[-1].split(":")[0]] = text
            n += 1
            key = keys.pop()
            rtext = f"Reply {n}: we are on it"
            victim = RNG.choice(["publish-due", "reply", "listen", "reply+publish-due"])
            procs = []
            if "reply" in victim:
                procs.append(("reply", spawn(["reply", key, "--text", rtext, "--yes", "--no-delay"], d)))
                replies[key] = rtext
            if "publish-due" in victim:
                procs.append(("publish-due", spawn(["publish-due", "--json"], d)))
            if victim == "listen":
                procs.append(("listen", spawn(["listen", "--log", os.path.join(root, "listen.log")], d)))
            time.sleep(RNG.uniform(0.02, 0.4) if victim != "listen" else RNG.uniform(0.2, 1.5))
            for name, p in procs:
                if p.poll() is None:
                    stats["kills"] += 1
                kill9(p)
                out = p.stdout.read()
                if p.returncode == 0 and name == "publish-due":
                    for line in out.splitlines():
                        res = json.loads(line)
                        if res["outcome"] == "published":
                            acked_items.add(res["id"])
                if p.returncode == 0 and name == "reply":
                    check("Sent: https://social.example/@acme/" in out, f"reply exited 0 without sending: {out}")
                    acked_replies.add(key)
            doctor_clean(d)
            check(not server.duplicates(), f"posted twice: {server.duplicates()[:3]}")
            check_published(d, acked_items, acked_replies, server, final=False)
        stats["rounds_s"] = time.monotonic() - t_start
        # Drain: leases of killed senders (120 s) have run out five minutes later.
        log = os.path.join(root, "drain.log")
        p = spawn(["listen", "--log", log], d, env=faketime("+5m"))
        deadline = time.time() + 60
        while time.time() < deadline:
            time.sleep(1)
            if all_done(d, items, replies):
                break
        p.terminate()
        p.wait(30)
        stats["drain_s"] = time.monotonic() - t_start - stats["rounds_s"]
        doctor_clean(d)
        check(all_done(d, items, replies), "after draining, some items or replies were never published")
        check(not server.duplicates(), f"posted twice: {server.duplicates()[:3]}")
        check_published(d, set(items), acked_replies, server, final=True)
        posts, by_key = server.snapshot()
        stats["items"], stats["replies"] = len(items), len(replies)
        stats["posts"], stats["statuses"] = len(posts), len(set(by_key.values()))
    finally:
        server.stop()
        rmtree(root)
    return (f"{stats['kills']} kills in {stats['rounds']} rounds (publish-due, reply, listen); {stats['items']} queue items "
            f"and {stats['replies']} replies → {stats['statuses']} statuses from {stats['posts']} POSTs "
            f"(repeats carried the same Idempotency-Key); none posted twice; drained in {stats['drain_s']:.0f} s")


def all_done(d, items, replies):
    recs, _ = read_log(d, "actions")
    published = {r["queue"] for r in recs if r["type"] == "queue_published"}
    sent = {r["mention"] for r in recs if r["type"] == "outbox_sent"}
    queued = {r["mention"] for r in recs if r["type"] == "outbox_queued"}
    return set(items) <= published and queued <= sent


def check_published(d, acked_items, acked_replies, server, final):
    recs, bad = read_log(d, "actions")
    check(not bad, f"unparseable action lines: {bad[:3]}")
    posts, by_key = server.snapshot()
    published = {}
    for r in recs:
        if r["type"] == "queue_published":
            key = f"{r['queue']}-{r['account']}"
            check(by_key.get(key) == r.get("post_id"), f"log says {r['queue']} is post {r.get('post_id')}, server has {by_key.get(key)}")
            prev = published.setdefault(r["queue"], r.get("post_id"))
            check(prev == r.get("post_id"), f"{r['queue']} recorded as two different posts")
    for i in acked_items:
        check(i in published, f"acknowledged publication of {i} not in the log")
    sent = {}
    queued = {r["outbox"]: r for r in recs if r["type"] == "outbox_queued"}
    for r in recs:
        if r["type"] == "outbox_sent":
            q = queued.get(r["outbox"])
            check(q is not None, f"outbox_sent {r['outbox']} without outbox_queued")
            check(by_key.get(q["idempotency_key"]) == r.get("post_id"), f"reply {r['outbox']}: log post {r.get('post_id')} vs server {by_key.get(q['idempotency_key'])}")
            prev = sent.setdefault(r["mention"], r.get("post_id"))
            check(prev == r.get("post_id"), f"reply to {r['mention']} recorded as two different posts")
    for k in acked_replies:
        check(k in sent, f"acknowledged reply to {k} not in the log: " + json.dumps([r for r in recs if r.get("mention") == k]))
    mentions_with_replies = [q["mention"] for q in queued.values()]
    check(len(mentions_with_replies) == len(set(mentions_with_replies)), "two outbox entries for one mention")


def compaction(kills):
    """`compact` killed at random moments while other processes append notes and mentions; later analyses
    (`reanalyze`) are folded in by the compactions that finish. Nothing acknowledged is lost, no mention is
    stored twice, the analyses survive."""
    root, d = init_data_dir("compact")
    stats = {"kills": 0, "rounds": 0, "completed": 0, "aimed": 0}
    logdir = os.path.join(d, "log")
    try:
        src = os.path.join(root, "m.jsonl")
        acked_ids = set(write_mentions(src, "cmp", 3000))
        check(sb(["ingest", src], d).returncode == 0, "ingest failed")
        keys = [json.loads(l)["key"] for l in sb(["mentions", "list", "--json", "--limit", "100"], d).stdout.splitlines()]
        # How long a whole compaction takes here: kills land anywhere from its start to a little after its end.
        t0 = time.monotonic()
        check(sb(["compact"], d).returncode == 0, "compact failed")
        span = (time.monotonic() - t0) * 1.2
        acked_events = set()
        n = 0
        while stats["kills"] < kills:
            stats["rounds"] += 1
            if stats["rounds"] % 10 == 1:
                # Make the analysis change (crisis terms), so `reanalyze` writes records for compaction to fold.
                def flip(team):
                    team["crisis_terms"] = ["down"] if "outage" in team["crisis_terms"] else ["outage", "down", "Ausfall"]
                from .common import edit_team
                edit_team(d, flip)
                check(sb(["reanalyze"], d).returncode == 0, "reanalyze failed")
            stop = threading.Event()
            lock = threading.Lock()

            def writer():
                nonlocal n
                while not stop.is_set():
                    with lock:
                        n += 1
                        m = n
                    if m % 4 == 0:
                        line = mention_line("cmpw", m)
                        r = sb(["ingest", "-"], d, stdin=line + "\n")
                        if r.returncode == 0:
                            with lock:
                                acked_ids.add(f"cmpw-{m}")
                    else:
                        r = sb(["note", RNG.choice(keys)[:6], f"note {m}", "--json"], d, user=f"w{m}")
                        if r.returncode == 0:
                            with lock:
                                acked_events.add(json.loads(r.stdout.splitlines()[0])["id"])
                    if r.returncode != 0:
                        raise Failure(f"writer failed during compaction: {r.stderr}")

            errors = []

            def guarded():
                try:
                    writer()
                except Failure as e:
                    errors.append(str(e))

            t = threading.Thread(target=guarded)
            t.start()
            p = spawn(["compact"], d)
            if stats["rounds"] % 2:
                time.sleep(RNG.uniform(0.0, span))
            else:
                # The other half aims at the writes: killed the moment a temp file shows up beside the logs (or late).
                deadline = time.monotonic() + span
                while time.monotonic() < deadline and p.poll() is None:
                    if any(".tmp-" in f for f in os.listdir(logdir)):
                        time.sleep(RNG.uniform(0.0, 0.004))
                        stats["aimed"] += 1
                        break
                    time.sleep(0.001)
            if p.poll() is None:
                stats["kills"] += 1
            else:
                stats["completed"] += 1
            kill9(p)
            stop.set()
            t.join()
            check(not errors, errors[0] if errors else "")
            doctor_clean(d)
            stored = stored_ids(d)
            check(len(stored) == len(set(stored)), f"round {stats['rounds']}: a mention stored twice")
            missing = acked_ids - set(stored)
            check(not missing, f"round {stats['rounds']}: {len(missing)} acknowledged mentions lost, e.g. {sorted(missing)[:3]}")
            by_id, recs, _ = actions_by_id(d)
            lost = acked_events - set(by_id)
            check(not lost, f"round {stats['rounds']}: {len(lost)} acknowledged notes lost")
        # A compaction that runs to the end folds every analysis: no analysis log is left, and the state is the same.
        before = sb(["mentions", "list", "--json", "--limit", "100000"], d).stdout
        r = sb(["compact"], d)
        check(r.returncode == 0, f"final compact failed: {r.stderr}")
        after = sb(["mentions", "list", "--json", "--limit", "100000"], d).stdout
        check(before == after, "a completed compaction changed what `mentions list` shows")
        check(not [f for f in os.listdir(os.path.join(d, "log")) if f.startswith("analysis-")], "analysis log left after compaction")
        doctor_clean(d)
        stats["mentions"] = len(set(stored_ids(d)))
    finally:
        rmtree(root)
    return (f"{stats['kills']} kills in {stats['rounds']} compactions ({stats['completed']} finished first, {stats['aimed']} killed "
            f"while writing a temp file) with concurrent writers; {stats['mentions']} mentions, every acknowledged record kept, "
            f"none twice, analyses folded")
