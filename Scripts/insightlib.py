"""Shared helpers for the Insight scripts: find ../shared, build and run `switchboard analyze`."""
import hashlib, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = ["negative", "neutral", "positive"]


def shared_dir():
    d = os.environ.get("SHARED") or os.path.join(ROOT, "..", "shared")
    return d if os.path.isdir(d) else None


def switchboard_binary():
    """Builds switchboard in release mode (once) and returns its path; SWITCHBOARD_BIN overrides."""
    if os.environ.get("SWITCHBOARD_BIN"):
        return os.environ["SWITCHBOARD_BIN"]
    subprocess.run(["swift", "build", "-c", "release", "--product", "switchboard"], cwd=ROOT, check=True,
                   stdout=sys.stderr)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "switchboard")


def clean(text):
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


def run_lines(binary, args, texts):
    """Feeds one text per line to `switchboard analyze ARGS` and returns its output lines."""
    data = "\n".join(clean(t) for t in texts) + "\n"
    out = subprocess.run([binary, "analyze", "--data-dir", "/nonexistent-switchboard-dir"] + args, input=data,
                         capture_output=True, text=True, check=True).stdout
    lines = out.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    assert len(lines) == len(texts), (len(lines), len(texts))
    return lines


def held_out(text):
    """Deterministic split of a dev set: True for the held-out half (never used to choose anything)."""
    return hashlib.md5(text.encode("utf-8")).digest()[0] % 2 == 1


def read_tsv(path, label_col, text_col, header=True, label_map=None):
    rows = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if header and i == 0:
                continue
            p = line.rstrip("\n").split("\t")
            if len(p) <= max(label_col, text_col):
                continue
            lab = p[label_col].strip().lower()
            if label_map:
                lab = label_map.get(lab, lab)
            if lab not in LABELS:
                continue
            rows.append((lab, p[text_col]))
    return rows


def macro_recall(gold, pred, labels=None):
    labels = labels or sorted(set(gold))
    rec = []
    for l in labels:
        n = sum(1 for g in gold if g == l)
        if n:
            rec.append(sum(1 for g, p in zip(gold, pred) if g == l and p == l) / n)
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / max(1, len(gold))
    return sum(rec) / max(1, len(rec)), acc


INTENT_CODES = "qcphbsx"
INTENT_NAMES = ["question", "complaint", "praise", "help_request", "purchase_interest", "spam", "crisis"]
SENT_CODES = {"neg": "negative", "neu": "neutral", "pos": "positive"}


def ours_held_out(text):
    """Our own messages: True for the evaluation part (about one in five), never trained on."""
    return hashlib.md5(text.encode("utf-8")).digest()[0] < 52


def read_ours(held_out=None, with_file=False):
    """Our labelled messages (Scripts/data, or $OURS_DATA): (lang, sentiment, intent names, text[, file name]);
    held_out=True/False/None."""
    d = os.environ.get("OURS_DATA") or os.path.join(ROOT, "Scripts", "data")
    rows = []
    for name in sorted(os.listdir(d)):
        if not name.endswith(".txt"):
            continue
        lang = name[:2]
        with open(os.path.join(d, name), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if " | " not in line:
                    continue
                head, text = line.split(" | ", 1)
                sent, codes = head.split(" ")
                intents = [] if codes == "-" else [INTENT_NAMES[INTENT_CODES.index(c)] for c in codes.split(",")]
                if held_out is not None and ours_held_out(text) != held_out:
                    continue
                row = (lang, SENT_CODES[sent], intents, text)
                rows.append(row + (name,) if with_file else row)
    return rows


def prf(gold, pred):
    """Precision, recall and F1 of two boolean lists."""
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)
