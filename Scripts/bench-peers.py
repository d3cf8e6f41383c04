#!/usr/bin/env python3
"""Peer tools on the same input as switchboard-bench's scale run (called by it; see Scripts/bench).

    bench-peers.py MANIFEST.json

The manifest (written by switchboard-bench) lists the feed files and the English texts our own analysis
and feed parser were timed on. Measured the same way as ours: input read into memory and the analyser
built before the clock starts (interpreter start-up and imports excluded), one warm-up pass, then whole
passes on this one thread for at least `seconds`; wall clock and this thread's CPU time (time.thread_time).
Prints one JSON object: {"python": ..., "feedparser": {...} | absent, "vader": {...} | absent, "notes": [...]}.
"""
import io
import json
import sys
import time


def measure(count, seconds, one_pass):
    one_pass()  # warm-up
    t0, c0 = time.perf_counter(), time.thread_time()
    passes = 0
    while True:
        one_pass()
        passes += 1
        if time.perf_counter() - t0 >= seconds:
            break
    wall, cpu = time.perf_counter() - t0, time.thread_time() - c0
    return {"per_s": passes * count / wall, "per_cpu_s": passes * count / cpu, "items": count, "passes": passes}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        m = json.load(f)
    seconds = float(m.get("seconds", 2))
    out = {"python": sys.version.split()[0], "notes": []}

    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        try:
            from importlib.metadata import version
            v = version("vaderSentiment")
        except Exception:
            v = "?"
        analyzer = SentimentIntensityAnalyzer()
        texts = m["texts"]
        sink = [0.0]

        def vader_pass():
            s = 0.0
            for t in texts:
                s += analyzer.polarity_scores(t)["compound"]
            sink[0] += s

        if texts:
            out["vader"] = dict(measure(len(texts), seconds, vader_pass), version=v)
    except ImportError as e:
        out["notes"].append(f"vaderSentiment not installed: {e}")

    try:
        import feedparser
        files = []
        for p in m["feeds"]:
            with open(p, "rb") as f:
                files.append(f.read())

        def feed_pass():
            for d in files:
                feedparser.parse(io.BytesIO(d))  # a stream: no attempt to open the bytes as a path

        if files:
            out["feedparser"] = dict(measure(len(files), seconds, feed_pass), version=feedparser.__version__)
    except ImportError as e:
        out["notes"].append(f"feedparser not installed: {e}")

    print(json.dumps(out))


if __name__ == "__main__":
    main()
