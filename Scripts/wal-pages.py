#!/usr/bin/env python3
"""Which B-trees the frames of an index's write-ahead log (since its last restart) belong to.

Usage: Scripts/wal-pages.py index/history.sqlite [index/history.sqlite-wal]
Each frame's page number is mapped to its table or index through SQLite's dbstat; a page not in the
database file yet shows as "?free/new". Used to see which B-trees a catch-up writes (docs/performance.md)."""
import struct, sys, sqlite3, collections
db = sys.argv[1]; wal = sys.argv[2] if len(sys.argv) > 2 else db + "-wal"
data = open(wal, 'rb').read()
magic, ver, psz, ckpt, salt1, salt2, c1, c2 = struct.unpack('>IIIIIIII', data[:32])
frames = []
off = 32
while off + 24 + psz <= len(data):
    pg, commit, s1, s2, k1, k2 = struct.unpack('>IIIIII', data[off:off+24])
    if (s1, s2) != (salt1, salt2): break
    frames.append(pg)
    off += 24 + psz
con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
owner = {}
for name, pageno in con.execute("select name, pageno from dbstat"):
    owner[pageno] = name
cnt = collections.Counter(owner.get(p, '?free/new') for p in frames)
print(f"{len(frames)} frames, {len(set(frames))} distinct pages")
for n, c in cnt.most_common(25): print(f"{c:7d}  {n}")
