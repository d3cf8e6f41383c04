"""A loopback Mastodon for the publishing faults: it records every POST /api/v1/statuses and, like Mastodon,
answers a repeated Idempotency-Key with the status it already created. It never talks to anything but
127.0.0.1. A small random delay before answering widens the window between "the network accepted the post"
and "the sender recorded it", which is where a kill hurts most."""

import json
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LoopbackMastodon:
    def __init__(self, delay=(0.0, 0.15)):
        self.lock = threading.Lock()
        self.posts = []          # every POST: (idempotency key, status text, status id)
        self.by_key = {}         # idempotency key -> status id (the first creation)
        self.next_id = 500000
        self.delay = delay
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def reply(self, code, body):
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except OSError:
                    pass  # the sender was killed while we answered

            def do_GET(self):
                # Polling is off in these scenarios; answer anything read-only with an empty list.
                self.reply(200, [])

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n)
                if self.path.split("?")[0] != "/api/v1/statuses":
                    self.reply(404, {"error": "not found"})
                    return
                key = self.headers.get("Idempotency-Key") or ""
                try:
                    text = json.loads(body).get("status", "")
                except ValueError:
                    text = ""
                with outer.lock:
                    sid = outer.by_key.get(key)
                    if sid is None or not key:
                        outer.next_id += 1
                        sid = str(outer.next_id)
                        outer.by_key[key] = sid
                    outer.posts.append((key, text, sid))
                lo, hi = outer.delay
                time.sleep(random.uniform(lo, hi))
                self.reply(200, {"id": sid, "uri": f"https://social.example/users/acme/statuses/{sid}",
                                 "url": f"https://social.example/@acme/{sid}", "content": "<p>ok</p>",
                                 "created_at": "2026-11-27T10:00:00.000Z", "visibility": "public",
                                 "account": {"id": "1", "username": "acme", "acct": "acme", "display_name": "Acme",
                                             "url": "https://social.example/@acme"}})

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # a sender killed mid-request resets the connection: expected here

        self.server = Server(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def snapshot(self):
        with self.lock:
            return list(self.posts), dict(self.by_key)

    def duplicates(self):
        """Posts that reached the server twice as two statuses: the same text under two keys, or one key
        that created two statuses (impossible by construction, checked anyway)."""
        posts, by_key = self.snapshot()
        status_of_text = {}
        dup = []
        for key, text, sid in posts:
            if sid != by_key.get(key):
                dup.append(f"key {key} created two statuses")
            prev = status_of_text.setdefault(text, sid)
            if prev != sid:
                dup.append(f"text {text[:40]!r} posted as {prev} and {sid}")
        return dup
