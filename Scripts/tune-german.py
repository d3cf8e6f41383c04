#!/usr/bin/env python3
"""Chooses the two German bias shifts (toward positive / negative) of the lexicon-only model.

Rerun:  python3 Scripts/tune-german.py     (needs ../shared)

A text without sentiment evidence stays neutral, as at run time.
Uses ONLY the tuning half of the GermEval 2017 dev set (CC BY-NC 4.0, development use): a grid search over two
numbers that maximises macro-averaged recall + 0.1 x accuracy. Nothing else is learned from German data; the held-out half stays
untouched for reporting (Scripts/eval-sentiment). Writes Sources/Insight/Resources/tuning.tsv.
"""
import os, sys
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from insightlib import *

sh = shared_dir()
if not sh:
    print("skip: ../shared not found"); sys.exit(0)
binary = switchboard_binary()
rows = [r for r in read_tsv(os.path.join(sh, "devsets/sentiment-de-dev.tsv"), 0, 2) if not held_out(r[1])]
feats = run_lines(binary, ["--features"], [t for _, t in rows])
X = np.array([[float(v) for v in l.split("\t")[2].split(" ")] for l in feats])
W = {}
for line in open(os.path.join(ROOT, "Sources/Insight/Resources/weights-en.tsv"), encoding="utf-8"):
    p = line.rstrip("\n").split("\t")
    if p[0].startswith("@lex.") and len(p) == 3:
        W[p[0][5:]] = (float(p[1]), float(p[2]))
wp = np.array([W[f"d{i}"][0] for i in range(X.shape[1])]); wn = np.array([W[f"d{i}"][1] for i in range(X.shape[1])])
zp = X @ wp + W["bias"][0]; zn = X @ wn + W["bias"][1]
gold = [g for g, _ in rows]
best = None
# A text without any sentiment evidence stays neutral (as Analyzer.classify does).
evidence = X[:, :4].sum(1) > 0
for sp in np.arange(-3, 2.01, 0.25):
    for sn in np.arange(-3, 2.01, 0.25):
        Z = np.column_stack([zn + sn, np.zeros(len(rows)), zp + sp])
        Z[~evidence] = [0, 1, 0]
        pred = [LABELS[i] for i in Z.argmax(1)]
        mr, acc = macro_recall(gold, pred, LABELS)
        # Macro recall first; a tenth of accuracy as tie-breaker against predicting polarity everywhere.
        obj = mr + 0.1 * acc
        if best is None or obj > best[0] + 1e-9:
            best = (obj, mr, acc, sp, sn)
_, mr, acc, sp, sn = best
with open(os.path.join(ROOT, "Sources/Insight/Resources/tuning.tsv"), "w") as f:
    f.write("# German bias shifts for the lexicon-only model, chosen by Scripts/tune-german.py on the tuning half\n")
    f.write(f"# of the GermEval 2017 dev set (tuning-half macro recall {mr:.3f}, accuracy {acc:.3f}).\n")
    f.write(f"@de.shift.pos\t{sp:.2f}\n@de.shift.neg\t{sn:.2f}\n")
print(f"German shifts: pos {sp:.2f}, neg {sn:.2f}; tuning half macro recall {mr:.3f}, accuracy {acc:.3f}")
