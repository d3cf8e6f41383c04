#!/usr/bin/env python3
# Replays the SQL of a catch-up of N new mentions (LogApplier's statements, values of the newest rows, new keys) on a
# COPY of an index (it writes to it), and maps the commit's WAL frames to tables with dbstat (`?`: pages freed or
# added by the commit). --nofts leaves out the full-text insert (the full-text tail). docs/performance.md, phase 9.
# usage: Scripts/index-catchup-sql.py COPY/index/history.sqlite [N] [--nofts] [--pre SQL]...
import sys, sqlite3, time, random, struct, collections, os
db = sys.argv[1]; n = int(sys.argv[2]) if len(sys.argv) > 2 and not sys.argv[2].startswith('--') else 100
pre = [sys.argv[i+1] for i, a in enumerate(sys.argv) if a == '--pre']
nofts = '--nofts' in sys.argv
c = sqlite3.connect(db, isolation_level=None)
c.execute('PRAGMA synchronous=NORMAL'); c.execute('PRAGMA wal_autocheckpoint=0')
c.execute('PRAGMA wal_checkpoint(TRUNCATE)')
for p in pre: c.execute(p)
def walsize():
    try: return os.path.getsize(db + '-wal')
    except OSError: return 0
src = c.execute('SELECT platform, source, created, handle, handle_lc, handle_local, author_name, own_lang, lang, sentiment, score, intents, hay, root_ref, reply_ref FROM mention WHERE present=1 ORDER BY rowid DESC LIMIT ?', (n,)).fetchall()
parts = c.execute('SELECT handle, platform, created, followers, flags, voice, terms FROM report_part ORDER BY rowid DESC LIMIT ?', (n,)).fetchall()
w0 = walsize()
t0 = time.perf_counter(); cpu0 = time.process_time()
c.execute('BEGIN IMMEDIATE')
base = time.time()
for i, r in enumerate(src):
    key = 'bluesky:sim%016x' % random.getrandbits(64)
    r = list(r); r[2] = base + i * 0.001
    c.execute('INSERT OR IGNORE INTO mention(key, present, file, off, len, platform, source_other, created, handle, handle_lower, handle_local, author_name, own_lang, lang, sentiment, score, intents, hay, root_ref, reply_ref) VALUES (?,1,1,0,100,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', [key] + r)
    rid = c.execute('select last_insert_rowid()').fetchone()[0]
    p = parts[i % len(parts)]
    c.execute('INSERT OR REPLACE INTO report_part(rowid, handle, platform, created, followers, flags, voice, terms) VALUES (?,?,?,?,?,?,?,?)', [rid] + list(p))
    if not nofts: c.execute('INSERT INTO mention_fts(rowid, hay) VALUES (?, ?)', (rid, r[12]))
c.execute("UPDATE logfile SET off = off WHERE id = 1")
c.execute('COMMIT')
t1 = time.perf_counter(); cpu1 = time.process_time()
# frames
wal = open(db + '-wal', 'rb').read()
psz = struct.unpack('>I', wal[8:12])[0]; salt = wal[16:24]; fs = 24 + psz
off = 32 + max(0, (w0 - 32 + fs - 1) // fs) * fs if w0 else 32
pages = []
while off + fs <= len(wal):
    h = wal[off:off+24]
    if h[8:16] != salt: break
    pages.append(struct.unpack('>I', h[0:4])[0]); off += fs
m = dict(c.execute('select pageno, name from dbstat'))
cnt = collections.Counter(m.get(p, '?') for p in pages)
print(f'{n} rows: {1000*(t1-t0):.1f} ms wall, {1000*(cpu1-cpu0):.1f} ms CPU, {len(pages)} frames', dict(cnt.most_common()))
