#!/usr/bin/env python3
"""Builds the compact lexicon files in Sources/Insight/Resources/ from the public lexicons in ../shared.

Rerun:  python3 Scripts/build-lexicons.py [--shared ../shared]
Output (all derived, see Sources/Insight/Resources/LICENSES.md):
  lexicon-en.tsv   word<TAB>score (-1..1)   VADER (MIT) > AFINN-165 (Apache-2.0) > Bing Liu (CC BY 4.0)
  lexicon-de.tsv   word<TAB>score (-1..1)   Zurich German Polarity Lexicon (Apache-2.0) > textblob-de (Apache-2.0) > AFINN-de (Apache-2.0)
  phrases-en.tsv / phrases-de.tsv   "w1 w2"<TAB>score   two-word entries of AFINN-165 / Zurich / textblob-de
  emoji.tsv        codepoint(hex)<TAB>score   Emoji Sentiment Ranking v1.0 (CC BY-SA 4.0)
Our own hand-written rule lists live in custom-en.tsv / custom-de.tsv (not generated here).
"""
import argparse, os, re, sys, xml.etree.ElementTree as ET

ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.environ.get("SHARED") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "Sources", "Insight", "Resources"))
a = ap.parse_args()
L = os.path.join(a.shared, "lexicons")
if not os.path.isdir(L):
    print(f"skip: {L} not found (needs ../shared)"); sys.exit(0)

def norm(w):
    return w.strip().lower()

def write(name, d):
    with open(os.path.join(a.out, name), "w", encoding="utf-8") as f:
        for k in sorted(d):
            f.write(f"{k}\t{d[k]:.3f}\n")
    print(f"{name}: {len(d)} entries")

# ---- English
en, en_ph = {}, {}
for line in open(os.path.join(L, "en/vader_en/vader_lexicon.txt"), encoding="utf-8"):
    p = line.rstrip("\n").split("\t")
    if len(p) < 2 or " " in p[0]: continue
    en[norm(p[0])] = max(-1.0, min(1.0, float(p[1]) / 4.0))
for line in open(os.path.join(L, "en/afinn_en/AFINN-en-165.txt"), encoding="utf-8"):
    w, s = line.rstrip("\n").rsplit("\t", 1)
    w = norm(w); v = max(-1.0, min(1.0, float(s) / 5.0))
    ws = w.split()
    if len(ws) == 2: en_ph.setdefault(" ".join(ws), v)
    elif len(ws) == 1: en.setdefault(w, v)
for fn, sign in (("positive-words.txt", 1), ("negative-words.txt", -1)):
    for line in open(os.path.join(L, "en/bingliu_opinion_lexicon_en", fn), encoding="latin-1"):
        line = line.strip()
        if not line or line.startswith(";"): continue
        en.setdefault(norm(line), 0.4 * sign)

# ---- German
de, de_ph = {}, {}
for line in open(os.path.join(L, "de/zurich_german_polarity_lexicon_de/german_polarity_lexicon_v1.1.txt"), encoding="utf-8"):
    if line.startswith("%"): continue
    p = line.split()
    if len(p) < 2: continue
    m = re.match(r"(POS|NEG)=([0-9]+(?:\.[0-9]+)?)", p[1])
    if not m: continue
    v = float(m.group(2)) * 0.7 * (1 if m.group(1) == "POS" else -1)
    if v == 0: continue
    w = norm(p[0])
    if "_" in w:
        ws = w.split("_")
        if len(ws) == 2: de_ph.setdefault(" ".join(ws), v)
        continue
    de.setdefault(w, v)
for wel in ET.parse(os.path.join(L, "de/textblob_de_sentiment/de-sentiment.xml")).getroot().iter("word"):
    w = norm(wel.get("form", "")); pol = float(wel.get("polarity", "0"))
    if not w or pol == 0: continue
    v = max(-1.0, min(1.0, pol * 0.7))
    if "_" in w:
        ws = w.split("_")
        if len(ws) == 2: de_ph.setdefault(" ".join(ws), v)
        continue
    de.setdefault(w, v)
for line in open(os.path.join(L, "de/afinn_de_pr14/AFINN-de-165.txt"), encoding="utf-8"):
    p = line.rstrip("\n").rsplit("\t", 1)
    if len(p) != 2: continue
    w = norm(p[0]); v = max(-1.0, min(1.0, float(p[1]) / 5.0))
    ws = w.split()
    if len(ws) == 1: de.setdefault(w, v)
    elif len(ws) == 2: de_ph.setdefault(" ".join(ws), v)

# ---- Emoji (Emoji Sentiment Ranking: score = (pos - neg) / (occurrences + 3), only emoji seen >= 5 times)
emo = {}
import csv
with open(os.path.join(L, "en/emoji_sentiment_ranking/Emoji_Sentiment_Data_v1.0.csv"), encoding="utf-8") as f:
    for row in csv.DictReader(f):
        occ = int(row["Occurrences"])
        if occ < 5: continue
        cp = int(row["Unicode codepoint"], 16)
        s = (int(row["Positive"]) - int(row["Negative"])) / (occ + 3)
        emo[f"{cp:x}"] = s

for d in (en, de, en_ph, de_ph):
    for k in [k for k in d if "\t" in k or not k]: del d[k]
write("lexicon-en.tsv", en); write("phrases-en.tsv", en_ph)
write("lexicon-de.tsv", de); write("phrases-de.tsv", de_ph)
write("emoji.tsv", emo)
