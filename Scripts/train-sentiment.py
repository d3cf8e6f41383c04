#!/usr/bin/env python3
"""Trains the English sentiment weights shipped in Sources/Insight/Resources/weights-en.tsv.

Rerun:  python3 Scripts/train-sentiment.py          (needs ../shared, or SHARED=/path/to/shared)

Data: SemEval 2013-2016 Task 4A English tweets (../shared/training/en/semeval2013_2016_taskA_en), minus every
tweet that is in the TweetEval validation split (our English dev set). Labels CC BY 3.0; the learned weights
ship with attribution (Resources/LICENSES.md); the tweet text itself is never written anywhere.

Features come from the Swift analyser itself (`switchboard analyze --features`), so training and run time
share one tokenizer and one set of rules: per text the tokens (words, `!word` inside a negation scope,
emoji `e:HEX`, emoticons, <url>, <mention>) and 8 dense rule features (lexicon sums after negation,
intensifiers, contrast, caps and elongation; emoji; exclamation; question; irony; length).

Two multinomial logistic regressions (neutral is the reference class, class-balanced loss, L2):
  en.*  tokens + dense features   -> used for English
  lex.* dense features only       -> used for German and other languages (lexicons + rules, no German labels)
The L2 strength is chosen on a 10% validation split of the training tweets (not on the dev sets).
"""
import os, sys, random
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from insightlib import *

sh = shared_dir()
if not sh:
    print("skip: ../shared not found"); sys.exit(0)
OUT = os.path.join(ROOT, "Sources", "Insight", "Resources", "weights-en.tsv")

rows = []
with open(os.path.join(sh, "training/en/semeval2013_2016_taskA_en/semeval2013_2016_A_clean.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        p = line.rstrip("\n").split("\t")
        if len(p) < 5 or p[4].strip() == "1" or p[1] not in LABELS:
            continue
        rows.append((p[1], p[2]))
print(f"training tweets: {len(rows)}", file=sys.stderr)
random.Random(7).shuffle(rows)

binary = switchboard_binary()
# No weights while extracting features: they do not depend on them, but keep the run independent of a stale file.
feats = run_lines(binary, ["--features"], [t for _, t in rows])
y = np.array([LABELS.index(l) for l, _ in rows])
tok_lists, dense = [], []
for line in feats:
    lang, toks, d = line.split("\t")[:3]
    tok_lists.append(toks.split(" ") if toks else [])
    dense.append([float(x) for x in d.split(" ")])
dense = np.array(dense, dtype=np.float64)
D = dense.shape[1]

n = len(rows)
nval = n // 10
tr_idx, va_idx = np.arange(nval, n), np.arange(0, nval)

from collections import Counter
cnt = Counter(t for i in tr_idx for t in set(tok_lists[i]))
vocab = {t: j for j, t in enumerate(sorted(t for t, c in cnt.items() if c >= 3))}
V = len(vocab)
print(f"vocabulary: {V}", file=sys.stderr)

def sparse(idx):
    r, c = [], []
    for k, i in enumerate(idx):
        for t in tok_lists[i]:
            j = vocab.get(t)
            if j is not None:
                r.append(k); c.append(j)
    return np.array(r, dtype=np.int64), np.array(c, dtype=np.int64)

def train(idx, use_tokens, l2, epochs=400, lr=0.05):
    rr, cc = sparse(idx) if use_tokens else (np.zeros(0, np.int64), np.zeros(0, np.int64))
    X = dense[idx]; Y = y[idx]; N = len(idx)
    cw = N / (3 * np.bincount(Y, minlength=3))  # class-balanced
    sw = cw[Y]
    Wt = np.zeros((V, 2)); Wd = np.zeros((D, 2)); b = np.zeros(2)
    m = [np.zeros_like(a) for a in (Wt, Wd, b)]; v = [np.zeros_like(a) for a in (Wt, Wd, b)]
    onehot = np.zeros((N, 3)); onehot[np.arange(N), Y] = 1
    for ep in range(1, epochs + 1):
        z = X @ Wd + b
        if use_tokens:
            z[:, 0] += np.bincount(rr, weights=Wt[cc, 0], minlength=N)
            z[:, 1] += np.bincount(rr, weights=Wt[cc, 1], minlength=N)
        Z = np.column_stack([z[:, 0], z[:, 1], np.zeros(N)])  # pos, neg, neutral
        Z -= Z.max(1, keepdims=True)
        P = np.exp(Z); P /= P.sum(1, keepdims=True)
        # class order in P: pos, neg, neu ; labels: 0 neg, 1 neu, 2 pos
        T = np.column_stack([onehot[:, 2], onehot[:, 0]])
        G = (P[:, :2] - T) * sw[:, None] / N  # dL/dz for pos, neg
        gWd = X.T @ G + l2 * Wd / N * 0  # dense weights unregularised (few, well-determined)
        gb = G.sum(0)
        grads = [None, gWd, gb]
        if use_tokens:
            gWt = np.zeros((V, 2))
            gWt[:, 0] = np.bincount(cc, weights=G[rr, 0], minlength=V)
            gWt[:, 1] = np.bincount(cc, weights=G[rr, 1], minlength=V)
            gWt += l2 * Wt / N
            grads[0] = gWt
        for k, (a, g) in enumerate(zip((Wt, Wd, b), grads)):
            if g is None:
                continue
            m[k] = 0.9 * m[k] + 0.1 * g; v[k] = 0.999 * v[k] + 0.001 * g * g
            a -= lr * (m[k] / (1 - 0.9 ** ep)) / (np.sqrt(v[k] / (1 - 0.999 ** ep)) + 1e-8)
    return Wt, Wd, b

def predict(idx, model, use_tokens):
    Wt, Wd, b = model
    z = dense[idx] @ Wd + b
    if use_tokens:
        rr, cc = sparse(idx)
        z[:, 0] += np.bincount(rr, weights=Wt[cc, 0], minlength=len(idx))
        z[:, 1] += np.bincount(rr, weights=Wt[cc, 1], minlength=len(idx))
    Z = np.column_stack([z[:, 1], np.zeros(len(idx)), z[:, 0]])  # neg, neu, pos
    return Z.argmax(1)

def score(idx, pred):
    gold = [LABELS[i] for i in y[idx]]
    return macro_recall(gold, [LABELS[i] for i in pred], LABELS)

lex = train(tr_idx, False, 0.0)
print("lex-only validation macro recall / acc: %.3f / %.3f" % score(va_idx, predict(va_idx, lex, False)), file=sys.stderr)
best = None
for l2 in [3.0, 10.0, 30.0]:
    mdl = train(tr_idx, True, l2)
    s = score(va_idx, predict(va_idx, mdl, True))
    print(f"l2={l2}: validation macro recall / acc: {s[0]:.3f} / {s[1]:.3f}", file=sys.stderr)
    if best is None or s[0] > best[0]:
        best = (s[0], l2)
l2 = best[1]
all_idx = np.arange(n)
en = train(all_idx, True, l2)
lex = train(all_idx, False, 0.0)
inv = {j: t for t, j in vocab.items()}
with open(OUT, "w", encoding="utf-8") as f:
    f.write("# Learned by Scripts/train-sentiment.py from SemEval 2013-2016 Task 4A English tweet labels (CC BY 3.0).\n")
    f.write(f"# token<TAB>weight toward positive<TAB>weight toward negative (neutral = 0). L2={l2}.\n")
    f.write("@version\tinsight-1\n")
    for name, (Wt, Wd, b) in (("en", en), ("lex", lex)):
        f.write(f"@{name}.bias\t{b[0]:.4f}\t{b[1]:.4f}\n")
        for i in range(D):
            f.write(f"@{name}.d{i}\t{Wd[i, 0]:.4f}\t{Wd[i, 1]:.4f}\n")
    Wt = en[0]
    kept = 0
    for j in range(V):
        if abs(Wt[j, 0]) >= 0.02 or abs(Wt[j, 1]) >= 0.02:
            f.write(f"{inv[j]}\t{Wt[j, 0]:.3f}\t{Wt[j, 1]:.3f}\n"); kept += 1
print(f"wrote {OUT}: {kept} tokens, l2={l2}", file=sys.stderr)
