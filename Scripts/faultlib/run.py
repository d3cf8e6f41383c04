"""Runs the fault scenarios and prints one line per scenario and a final `faults: N passed, M failed`.

    Scripts/faults [--kills 200] [--only NAME[,NAME…]] [--list]

Kills are split evenly over ingest, triage, publishing and compaction. FAULTS_SEED=n repeats a run's
random choices (timings still differ)."""

import argparse
import sys
import time
import traceback

from . import environment, index, index_files, kills, sites
from .common import COUNTS, Failure, Skipped, reap_all


def scenarios(total_kills):
    k = max(1, total_kills // 4)
    return [
        ("kill-ingest", lambda: kills.ingest(k)),
        ("kill-triage", lambda: kills.triage(k)),
        ("kill-publishing", lambda: kills.publishing(k)),
        ("kill-compaction", lambda: kills.compaction(total_kills - 3 * k)),
        ("kill-index", lambda: index.index(max(4, total_kills // 20))),
        ("index-files", lambda: index_files.index_files(max(4, total_kills // 20))),
        ("kill-sync-reply", lambda: sites.sync_reply(max(6, total_kills // 10))),
        ("full-disk-append", environment.full_disk_append),
        ("full-disk-compaction", environment.full_disk_compaction),
        ("full-disk-reindex", environment.full_disk_reindex),
        ("read-only-user", environment.read_only_user),
        ("read-only-mount", environment.read_only_mount),
        ("two-listeners", environment.two_listeners),
        ("clock-jumps", environment.clock_jumps),
    ]


def main():
    ap = argparse.ArgumentParser(prog="Scripts/faults", description="Switchboard fault scenarios")
    ap.add_argument("--kills", type=int, default=200, help="SIGKILLs in all (split over 4 scenarios)")
    ap.add_argument("--only", default="", help="comma-separated scenario names (prefixes match)")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    todo = scenarios(args.kills)
    if args.list:
        print("\n".join(n for n, _ in todo))
        return 0
    if args.only:
        wanted = args.only.split(",")
        todo = [(n, f) for n, f in todo if any(n.startswith(w) for w in wanted)]
    passed = failed = skipped = 0
    t0 = time.monotonic()
    for name, run in todo:
        start = time.monotonic()
        try:
            summary = run()
            passed += 1
            status = "PASS"
        except Skipped as e:
            skipped += 1
            status, summary = "SKIP", str(e)
        except Failure as e:
            failed += 1
            status, summary = "FAIL", str(e)
        except Exception as e:  # a harness error is a failure too, with its trace
            failed += 1
            status, summary = "FAIL", f"{type(e).__name__}: {e}\n{traceback.format_exc()}"
        reap_all()
        print(f"{status} {name} ({time.monotonic() - start:.1f} s): {summary}", flush=True)
    extra = f", {skipped} skipped" if skipped else ""
    print(f"total {time.monotonic() - t0:.0f} s; doctor ran {COUNTS['doctor runs']} times; "
          f"{COUNTS['temp files removed']} temp files of killed compactions removed")
    print(f"faults: {passed} passed, {failed} failed{extra}")
    return 1 if failed else 0


def cli():
    """main(), and on any way out (Ctrl-C too) the end of every process this run started."""
    try:
        return main()
    finally:
        reap_all()


if __name__ == "__main__":
    sys.exit(cli())
