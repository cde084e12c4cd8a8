"""A small inventory service on port 8080, backed by an in-memory SQLite database.

It needs the distribution's Python and its native modules (_sqlite3 links libsqlite3.so.0 from
the libsqlite3-0 package). It writes nothing to disk, so it runs with a read-only root file system.
"""
import json
import sqlite3
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

db = sqlite3.connect(":memory:", check_same_thread=False)
db.execute("CREATE TABLE items (name TEXT PRIMARY KEY, count INTEGER)")
db.executemany("INSERT INTO items VALUES (?, ?)", [("bolts", 120), ("nuts", 340)])


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/healthz":
            body = {"status": "ok"}
        else:
            rows = db.execute("SELECT name, count FROM items ORDER BY name").fetchall()
            body = {"sqlite": sqlite3.sqlite_version, "items": dict(rows)}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
