/**
 * Small programs the presets are built with: each serves `/healthz` on port 8080 and uses only
 * its language's standard library (the build stages cannot reach PyPI or the Go proxy here).
 */

/** A Python web server with a local module, and an empty requirements file. */
export const PYTHON_APP: Readonly<Record<string, string>> = {
  "requirements.txt": "# standard library only\n",
  "greeting.py": "def greeting():\n    return b'hello from python\\n'\n",
  "main.py": [
    "from http.server import BaseHTTPRequestHandler, HTTPServer",
    "from greeting import greeting",
    "",
    "class Handler(BaseHTTPRequestHandler):",
    "    def do_GET(self):",
    "        body = b'ok\\n' if self.path == '/healthz' else greeting()",
    "        self.send_response(200)",
    "        self.end_headers()",
    "        self.wfile.write(body)",
    "",
    "HTTPServer(('0.0.0.0', 8080), Handler).serve_forever()",
    "",
  ].join("\n"),
};

/** A Go web server whose `-healthcheck` flag checks the running server and exits 0 or 1. */
export const GO_APP: Readonly<Record<string, string>> = {
  "go.mod": "module example.com/app\n\ngo 1.19\n",
  "main.go": [
    "package main",
    "",
    "import (",
    '\t"flag"',
    '\t"net/http"',
    '\t"os"',
    '\t"time"',
    ")",
    "",
    "func main() {",
    '\tcheck := flag.Bool("healthcheck", false, "check the running server and exit")',
    "\tflag.Parse()",
    "\tif *check {",
    "\t\tclient := http.Client{Timeout: 2 * time.Second}",
    '\t\tresp, err := client.Get("http://127.0.0.1:8080/healthz")',
    "\t\tif err != nil || resp.StatusCode != http.StatusOK {",
    "\t\t\tos.Exit(1)",
    "\t\t}",
    "\t\tos.Exit(0)",
    "\t}",
    '\thttp.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\\n")) })',
    '\thttp.ListenAndServe(":8080", nil)',
    "}",
    "",
  ].join("\n"),
};

/** A Node.js web server with a package.json and a lock file without dependencies. */
export const NODE_APP: Readonly<Record<string, string>> = {
  "package.json": JSON.stringify({ name: "app", version: "1.0.0", private: true }, null, 2),
  "package-lock.json": JSON.stringify(
    {
      name: "app",
      version: "1.0.0",
      lockfileVersion: 3,
      requires: true,
      packages: { "": { name: "app", version: "1.0.0" } },
    },
    null,
    2,
  ),
  "index.js": [
    "const http = require('http');",
    "http.createServer((req, res) => res.end(req.url === '/healthz' ? 'ok\\n' : 'hello from node\\n')).listen(8080);",
    "",
  ].join("\n"),
};

/** A `.dockerignore` keeping secrets and VCS data out of the context. */
export const DOCKERIGNORE = ".git\n.env*\n*.key\nid_rsa*\nid_ed25519*\nserver.key\n";
