#!/usr/bin/env python3
"""Macro-averaged recall and accuracy of `switchboard analyze --json` per language on ../shared.

Run:  Scripts/eval-sentiment            (the shared sets are skipped cleanly when ../shared is absent)

Each line of figures is followed by its confusion (gold class → predicted counts).

Also reports, on the evaluation part of OUR OWN messages (Scripts/data, never trained on: insightlib.ours_held_out),
sentiment macro recall per language and precision / recall / F1 per intent.

Dev sets are split deterministically (md5 of the text) into a tuning half and a held-out half; only the German
tuning half was used to choose the two German bias shifts (Scripts/tune-german.py), nothing else was tuned on the
dev sets. mozetic2016 (EN, DE; positive/negative only) and million_posts (DE) are extra held-out checks; they
were never used for anything else.
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from insightlib import *

sh = shared_dir()
binary = switchboard_binary()


def confusion(gold, pred):
    """Gold class → predicted counts, e.g. "neutral→ neg 360 neu 310 pos 163": where the mistakes go."""
    parts = []
    for g in LABELS:
        if g in gold:
            c = [sum(1 for x, y in zip(gold, pred) if x == g and y == p) for p in LABELS]
            parts.append(f"{g}→ neg {c[0]} neu {c[1]} pos {c[2]}")
    return "; ".join(parts)


# Kinds of our messages the judged sets resemble (Scripts/data/README.md): group chat for questions, customer tweets
# at brands for complaints.
KINDS = [("group chat", {"en-13.txt", "en-17.txt", "de-43.txt", "en-18.txt", "de-44.txt", "en-19.txt", "de-45.txt",
                         "en-20.txt", "de-46.txt", "de-47.txt", "en-21.txt", "de-48.txt", "en-22.txt", "de-49.txt", "en-23.txt", "de-50.txt", "en-24.txt", "de-51.txt"},
          ["question"]),
         ("group chat, session 17's", {"en-13.txt", "en-17.txt", "de-43.txt"}, ["question"]),
         ("group chat, session 19's", {"en-21.txt", "de-48.txt", "en-22.txt", "de-49.txt", "en-23.txt", "de-50.txt", "en-24.txt", "de-51.txt"}, ["question"]),
         ("customer tweets", {"en-12.txt", "en-16.txt", "de-40.txt"}, ["complaint", "question"]),
         ("comments and DMs to brands", {"en-25.txt", "de-52.txt"}, ["question"]),
         ("chat rooms with ordinary punctuation", {"en-26.txt", "de-53.txt"}, ["question"])]


def evaluate_ours():
    rows = read_ours(held_out=True, with_file=True)
    out = [json.loads(l) for l in run_lines(binary, ["--json"], [r[3] for r in rows])]
    for lang in ("en", "de"):
        idx = [i for i, r in enumerate(rows) if r[0] == lang]
        mr, acc = macro_recall([rows[i][1] for i in idx], [out[i]["sentiment"] for i in idx], LABELS)
        print(f"{'ours ' + lang + ' (held out)':34s} {'sentiment':14s} n={len(idx):6d}  macro-recall {mr:.3f}  accuracy {acc:.3f}")
        print(f"{'':34s} {'':14s} {confusion([rows[i][1] for i in idx], [out[i]['sentiment'] for i in idx])}")
    print(f"{'ours en+de (held out)':34s} intent              n   precision  recall    F1")
    for name in INTENT_NAMES:
        gold = [name in r[2] for r in rows]
        pred = [name in o["intents"] for o in out]
        pr, rc, f1 = prf(gold, pred)
        print(f"{'':34s} {name:18s} {sum(gold):4d}   {pr:.3f}     {rc:.3f}   {f1:.3f}")
    for kind, files, names in KINDS:
        idx = [i for i, r in enumerate(rows) if r[4] in files]
        for name in names:
            gold = [name in rows[i][2] for i in idx]
            pr, rc, f1 = prf(gold, [name in out[i]["intents"] for i in idx])
            mark = prf(gold, ["?" in rows[i][3] for i in idx])[2] if name == "question" else None
            extra = f"   (\"?\" alone {mark:.3f})" if mark is not None else ""
            print(f"{'ours, ' + kind + ' (held out)':34s} {name:18s} {sum(gold):4d}   {pr:.3f}     {rc:.3f}   {f1:.3f}{extra}")


evaluate_ours()
if not sh:
    print("skip: ../shared not found (set SHARED=/path/to/shared)"); sys.exit(0)

def evaluate(name, rows, split=True):
    texts = [t for _, t in rows]
    out = run_lines(binary, ["--json"], texts)
    pred = [json.loads(l)["sentiment"] for l in out]
    langs = [json.loads(l)["lang"] for l in out]
    gold = [g for g, _ in rows]
    labels = sorted(set(gold))
    parts = [("all", range(len(rows)))]
    if split:
        parts = [("tuning half", [i for i, t in enumerate(texts) if not held_out(t)]),
                 ("held-out half", [i for i, t in enumerate(texts) if held_out(t)])] + parts
    for pname, idx in parts:
        idx = list(idx)
        mr, acc = macro_recall([gold[i] for i in idx], [pred[i] for i in idx], labels)
        print(f"{name:34s} {pname:14s} n={len(idx):6d}  macro-recall {mr:.3f}  accuracy {acc:.3f}")
        print(f"{'':34s} {'':14s} {confusion([gold[i] for i in idx], [pred[i] for i in idx])}")
    share = {l: langs.count(l) / len(langs) for l in set(langs)}
    print(f"{'':34s} detected languages: " + ", ".join(f"{k} {v:.1%}" for k, v in sorted(share.items())))

dev = os.path.join(sh, "devsets")
evaluate("en dev (TweetEval val)", read_tsv(os.path.join(dev, "sentiment-en-dev.tsv"), 0, 1))
evaluate("de dev (GermEval 2017 dev)", read_tsv(os.path.join(dev, "sentiment-de-dev.tsv"), 0, 2))
tr = os.path.join(sh, "training")
p = os.path.join(tr, "en/mozetic2016_en/mozetic2016_eng_clean.tsv")
if os.path.exists(p): evaluate("en mozetic2016 (pos/neg)", read_tsv(p, 1, 2), split=False)
p = os.path.join(tr, "de/mozetic2016_de/mozetic2016_deu_clean.tsv")
if os.path.exists(p): evaluate("de mozetic2016 (pos/neg)", read_tsv(p, 1, 2), split=False)
p = os.path.join(tr, "de/million_posts_sentiment_de/million_posts_sentiment.tsv")
if os.path.exists(p): evaluate("de million_posts (3 classes)", read_tsv(p, 1, 4), split=False)
