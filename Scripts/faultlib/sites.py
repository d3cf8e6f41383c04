"""A team across servers under SIGKILL (issue 19): replies written at Hamburg for Berlin's Mastodon account reach
the loopback server through Berlin, the source's home site, after syncs through a `file://` bare repository. Both
sites' `sync` and Berlin's `listen` (which syncs and sends) are killed at random moments; at the end Berlin's
listener with the clock 5 minutes ahead (leases of killed senders expired) sends what is left. Then every reply is
on the server exactly once, and after a last sync both sites know it was sent."""

import glob
import json
import os
import subprocess
import time

from .common import (LIBFAKETIME, RNG, Skipped, add_mastodon_source, check, edit_team, faketime, kill9,
                     mention_line, rmtree, sb, spawn, tempdir)
from .mastodon import LoopbackMastodon


def records(d, kind):
    """Every parseable record of a site's data directory (flat logs and every site's monthly segments)."""
    out = []
    files = glob.glob(os.path.join(d, "log", f"{kind}-*.jsonl")) + \
        glob.glob(os.path.join(d, "log", "*", f"*.{kind}.jsonl"))
    for f in sorted(files):
        with open(f, "rb") as fh:
            for line in fh:
                try:
                    out.append(json.loads(line))
                except ValueError:
                    pass
    return out


def doctor_ok(d, site):
    r = sb(["doctor", "--fix", "--json"], d)
    findings = [json.loads(l) for l in r.stdout.splitlines() if l.strip()]
    problems = [f for f in findings if f["level"] == "problem"]
    check(r.returncode == 0 and not problems, f"{site}: doctor not clean (exit {r.returncode}): "
          f"{problems or r.stderr.strip()}")


def sent_mentions(d):
    return {r["mention"] for r in records(d, "actions") if r.get("type") == "outbox_sent"}


def sync_until_quiet(sites, tries=20):
    """Syncs every site until a sync at each finds nothing new (git processes of killed syncs may still run:
    their locks make a sync fail, and the next try goes through)."""
    for _ in range(tries):
        outs = [sb(["sync"], d, timeout=120) for d in sites]
        if all(o.returncode == 0 and "nothing came in; nothing went out" in o.stdout for o in outs):
            return
        time.sleep(0.5)
    raise AssertionError("the sites did not settle: " + "; ".join((o.stdout + o.stderr).strip() for o in outs))


def sync_reply(kills):
    if not os.path.exists(LIBFAKETIME):
        raise Skipped(f"no {LIBFAKETIME} to run the final sender 5 minutes ahead: apt-get install faketime")
    server = LoopbackMastodon()
    root = tempdir("sites")
    berlin, hamburg = os.path.join(root, "berlin"), os.path.join(root, "hamburg")
    bare = os.path.join(root, "team.git")
    stats = {"kills": 0, "rounds": 0}
    try:
        subprocess.run(["git", "init", "-q", "--bare", bare], check=True)
        remote = "file://" + bare
        r = sb(["init", "--site", "berlin", "--remote", remote, "--brand", "Acme Cloud"], berlin)
        check(r.returncode == 0, f"init failed: {r.stderr}")
        add_mastodon_source(berlin, server.base_url, enabled=False)

        def homed(team):
            team["sources"][0]["home"] = "berlin"
            team["team"].append({"user": "tom", "name": "Tom", "role": "agent"})
            team["sync"]["interval"] = "5s"
        edit_team(berlin, homed)
        src = os.path.join(root, "m.jsonl")
        with open(src, "w") as f:
            for i in range(200):
                f.write(mention_line("site", i, reply_uri=str(800000 + i)) + "\n")
        check(sb(["ingest", src], berlin).returncode == 0, "ingest failed")
        check(sb(["sync"], berlin).returncode == 0, "first sync failed")
        r = sb(["init", "--join", remote, "--site", "hamburg"], hamburg)
        check(r.returncode == 0, f"join failed: {r.stderr}")
        keys = [json.loads(l)["key"] for l in
                sb(["mentions", "list", "--json", "--limit", "1000"], hamburg).stdout.splitlines()]
        replies = {}
        n = 0
        while stats["kills"] < kills:
            stats["rounds"] += 1
            n += 1
            key = keys.pop()
            text = f"Antwort {n}: wir kümmern uns – Grüße aus Hamburg"
            r = sb(["reply", key, "--text", text, "--yes", "--no-delay"], hamburg, user="tom")
            check(r.returncode == 0 and "Queued: berlin sends it after the next sync" in r.stdout,
                  f"reply at hamburg: {r.stdout} {r.stderr}")
            replies[key] = text
            procs = [("hamburg sync", spawn(["sync"], hamburg, user="tom"))]
            victim = RNG.choice(["sync", "listen", "sync+listen"])
            if "sync" in victim.split("+"):
                procs.append(("berlin sync", spawn(["sync"], berlin)))
            if "listen" in victim:
                procs.append(("berlin listen", spawn(["listen", "--log", os.path.join(root, "listen.log")], berlin)))
            time.sleep(RNG.uniform(0.05, 2.5))
            for _, p in procs:
                if p.poll() is None:
                    stats["kills"] += 1
                kill9(p)
            check(not server.duplicates(), f"posted twice: {server.duplicates()[:3]}")
        # Drain: git processes of killed syncs end; then Berlin's listener, 5 minutes ahead, sends what is left.
        time.sleep(2)
        sync_until_quiet([hamburg, berlin])
        log = os.path.join(root, "drain.log")
        p = spawn(["listen", "--log", log], berlin, env=faketime("+5m"))
        deadline = time.time() + 90
        while time.time() < deadline and not set(replies) <= sent_mentions(berlin):
            time.sleep(1)
        p.terminate()
        p.wait(30)
        sync_until_quiet([berlin, hamburg, berlin])
        for d, site in [(berlin, "berlin"), (hamburg, "hamburg")]:
            doctor_ok(d, site)
            missing = set(replies) - sent_mentions(d)
            check(not missing, f"{site}: {len(missing)} replies never recorded as sent")
        check(not server.duplicates(), f"posted twice: {server.duplicates()[:3]}")
        posts, by_key = server.snapshot()
        texts = {t for _, t, _ in posts}
        for t in replies.values():
            check(any(t in x for x in texts), f"never posted: {t!r}")
        statuses = len(set(by_key.values()))
        check(statuses == len(replies), f"{statuses} statuses for {len(replies)} replies")
    finally:
        server.stop()
        rmtree(root)
    return (f"{stats['kills']} kills in {stats['rounds']} rounds (sync at both sites, Berlin's listen); "
            f"{len(replies)} replies written at Hamburg → {statuses} statuses from {len(posts)} POSTs by Berlin; "
            "none posted twice, both sites know each was sent")
