"""The image's HEALTHCHECK: there is no shell and no curl, so Python asks the server itself."""
import sys
import urllib.request

try:
    with urllib.request.urlopen("http://127.0.0.1:8080/healthz", timeout=2) as response:
        sys.exit(0 if response.status == 200 else 1)
except OSError:
    sys.exit(1)
