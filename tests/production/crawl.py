"""Crawl a running server as the public and as every demo account: any 5xx fails.

Run by scripts/production_check.sh against gunicorn with the shipped settings (DEBUG off, the page
cache on, manifest static files); kept out of the pytest suite (it needs a server, not a test
database). Only the standard library, so it runs with any Python:

    python tests/production/crawl.py --base http://127.0.0.1:8123 --accounts demo-accounts.txt \
        --html-dir test-artifacts/html/production

From `/` (and the staff home for staff) it follows every same-origin link in the HTML, XML and JSON
it receives, asking each address with GET and then HEAD (HEAD must answer as GET does, without a
body), skipping sign-out and anything that is not a plain link. An address that is not HTML (a PDF,
a download, a feed, the API) is asked once, by the first role to reach it; the admin's filter
combinations, Django's own history and password pages, and objects beyond the first three of each
model are skipped. As the public it asks every page
twice: a page the cache missed the first time must be a cache hit the second time. It checks
that pages link only to hashed (manifest) static files, that each static file answers, and that
GOV.UK Frontend's JavaScript is fetched under one address only. It saves every HTML page it gets
for the W3C checker. It fails listing every problem.
"""

import argparse
import hashlib
import html
import http.client
import re
import sys
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

MAX_URLS_PER_ROLE = 1500
# Django's admin: ours are the ModelAdmins, so every list, add, change and delete page of every object,
# but not every filter combination, nor Django's own history and password pages. Its HTML is Django's
# (with Django's own W3C errors), so it is not saved for the checker.
ADMIN = "/admin/"
ADMIN_SKIPPED = re.compile(r"/admin/.*(\?|/history/$|/password/$)")
# Not HTML (PDFs, downloads, feeds, API): the same bytes whoever asks, so asked once, by the first
# role that reaches the address (a PDF preview takes seconds to render). PDFs are claimed before
# they are asked, so that two roles crawling at once do not both render one.
PDF = re.compile(r".*/pdf/$")
PARALLEL_ROLES = 3  # signed-in accounts crawled at once
# The admin's pages for a few objects of each model, not for every object (they are the same code).
ADMIN_OBJECT = re.compile(r"^/admin/(\w+)/(\w+)/([^/]+)/")
ADMIN_OBJECTS_PER_MODEL = 3
SKIPPED_PREFIXES = ("/sign-out/", "/admin/logout/")
HASHED = re.compile(r"\.[0-9a-f]{12}\.[a-z0-9]+$")
ACCOUNT_LINE = re.compile(r"^\s{2}(\S+)\s{2,}")
PASSWORD_LINE = re.compile(r"^Demo accounts \(password: (.+)\)$")
JS_IMPORT = re.compile(r"""(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\s*\(?\s*["']([^"']+)["']""")


TIMINGS = []  # (seconds, method, path) of every request, to show the slowest


class Session:
    """One visitor: a cookie jar and a connection to the server, no redirects followed."""

    def __init__(self, base):
        self.base = base
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.cookies = {}
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.monotonic()
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        TIMINGS.append((time.monotonic() - started, method, path))
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return response, data

    def sign_in(self, username, password):
        response, data = self.request("GET", "/sign-in/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', data)
        assert response.status == 200 and token, f"the sign-in page answered {response.status}"
        form = urlencode({"csrfmiddlewaretoken": token.group(1).decode(), "username": username, "password": password})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.base, "Referer": self.base + "/"}
        response, _ = self.request("POST", "/sign-in/", form.encode(), headers)
        if response.status != 302:
            raise SystemExit(f"{username} could not sign in: {response.status}")


def links(base, url, content_type, data):
    """Same-origin addresses in a response: HTML attributes, XML <loc>, JSON strings, redirects."""
    text = data.decode("utf-8", "replace")
    if "json" in content_type:
        found = re.findall(r'"(https?://[^"\s]+|/[^"\s]*)"', text)
    elif "html" in content_type or "xml" in content_type:
        found = [html.unescape(h) for h in re.findall(r'(?:href|src)="([^"]+)"', text)]
        found += re.findall(r"<loc>([^<]+)</loc>", text)
    elif content_type.startswith("text/plain"):
        found = re.findall(r"(https?://\S+)", text)
    else:
        found = []
    origin = urlsplit(base).netloc
    out = []
    for link in found:
        if "{" in link:  # a URL template (OpenAPI), not an address
            continue
        parts = urlsplit(urljoin(base + url, link))
        if parts.scheme not in ("http", "https") or parts.netloc != origin:
            continue
        out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


class Crawl:
    def __init__(self, base, html_dir):
        self.base = base
        self.html_dir = html_dir
        self.problems = []
        self.static = {}  # static URL -> first page that linked it
        self.pages = 0
        self.requests = 0
        self.cache_hits = 0
        self.asked_once = set()
        self.lock = threading.Lock()

    def problem(self, text):
        self.problems.append(text)
        print("  PROBLEM:", text, flush=True)

    def role(self, role, session, starts):
        seen, queue, admin_objects = set(), deque(starts), {}
        while queue and len(seen) < MAX_URLS_PER_ROLE:
            url = queue.popleft()
            if url in seen or url.startswith(SKIPPED_PREFIXES) or ADMIN_SKIPPED.match(url):
                continue
            seen.add(url)
            with self.lock:
                if url in self.asked_once:
                    continue
                if PDF.match(url):
                    self.asked_once.add(url)
            if (match := ADMIN_OBJECT.match(url)) and match.group(3) not in {"add", "autocomplete"}:
                objects = admin_objects.setdefault(match.group(1, 2), set())
                if match.group(3) not in objects and len(objects) >= ADMIN_OBJECTS_PER_MODEL:
                    continue
                objects.add(match.group(3))
            if url.startswith("/static/"):
                self.static.setdefault(url, f"{role} {url}")
                continue
            response, data = session.request("GET", url)
            self.requests += 1
            status, content_type = response.status, response.getheader("Content-Type", "")
            if status >= 500:
                self.problem(f"{role}: GET {url} answered {status}")
                continue
            head, head_body = session.request("HEAD", url)
            self.requests += 1
            if head.status != status:
                self.problem(f"{role}: HEAD {url} answered {head.status}, GET {status}")
            elif head.getheader("Content-Type", "") != content_type:
                head_type = head.getheader("Content-Type")
                self.problem(f"{role}: HEAD {url} has Content-Type {head_type!r}, GET {content_type!r}")
            if head_body:
                self.problem(f"{role}: HEAD {url} has a body")
            if role == "visitor" and status == 200:
                self.second_visit(session, url, response, data)
            if 300 <= status < 400 and response.getheader("Location"):
                queue.extend(links(self.base, url, "text/html", f'href="{response.getheader("Location")}"'.encode()))
            if "text/html" not in content_type:
                with self.lock:
                    self.asked_once.add(url)
            if status != 200:
                continue
            if "text/html" in content_type:
                self.pages += 1
                if not url.startswith(ADMIN):
                    self.save_html(role, url, data)
            queue.extend(link for link in links(self.base, url, content_type, data) if link not in seen)
        if queue:
            print(f"  {role}: stopped at {MAX_URLS_PER_ROLE} addresses", flush=True)
        return seen

    def second_visit(self, session, url, first, data):
        """A public page the cache missed is a hit the second time, with the same body."""
        if first.getheader("X-Page-Cache") != "miss":
            return
        again, again_data = session.request("GET", url)
        self.requests += 1
        if again.status != 200 or again.getheader("X-Page-Cache") != "hit":
            cache = again.getheader("X-Page-Cache")
            self.problem(f"visitor: the second GET {url} answered {again.status}, cache {cache}")
            return
        self.cache_hits += 1
        nonce = re.compile(rb'nonce="[^"]+"')
        if nonce.sub(b"", again_data) != nonce.sub(b"", data):
            self.problem(f"visitor: the cached {url} differs from the page rendered")

    def save_html(self, role, url, data):
        if not self.html_dir:
            return
        name = hashlib.sha256(data).hexdigest()[:16]  # the same page for several roles is checked once
        slug = re.sub(r"[^A-Za-z0-9]+", "-", url).strip("-")[:80] or "home"
        path = self.html_dir / f"{slug}.{name}.html"
        path.write_bytes(data)

    def check_static(self):
        """Every static file linked is a hashed name from the manifest and answers; the JavaScript
        modules import hashed names too, so GOV.UK Frontend is fetched at one address."""
        session = Session(self.base)
        queue, seen = deque(self.static), set()
        frontend = set()
        while queue:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            path = urlsplit(url).path
            if not HASHED.search(path):
                self.problem(f"static file {url} is not a hashed manifest name ({self.static.get(url, 'imported')})")
            if "govuk-frontend" in path and path.endswith(".js"):
                frontend.add(path)
            response, data = session.request("GET", url)
            if response.status != 200:
                self.problem(f"static file {url} answered {response.status}")
                continue
            if path.endswith(".js") and b"import" in data:
                for match in JS_IMPORT.finditer(data.decode("utf-8", "replace")):
                    target = match.group(1) or match.group(2)
                    if target.startswith("."):
                        queue.append(urlsplit(urljoin(self.base + url, target)).path)
        if len(frontend) != 1:
            self.problem(f"GOV.UK Frontend's JavaScript is fetched from {len(frontend)} addresses: {sorted(frontend)}")
        return seen


def accounts(path):
    lines = Path(path).read_text().splitlines()
    password = next(m.group(1) for line in lines if (m := PASSWORD_LINE.match(line)))
    start = next(i for i, line in enumerate(lines) if PASSWORD_LINE.match(line))
    names = [m.group(1) for line in lines[start + 1 :] if (m := ACCOUNT_LINE.match(line))]
    return names, password


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the server, e.g. http://127.0.0.1:8123")
    parser.add_argument("--accounts", required=True, help="load_demo's output (the accounts and password)")
    parser.add_argument("--html-dir", type=Path, help="save every HTML page here, for the W3C checker")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    if args.html_dir:
        args.html_dir.mkdir(parents=True, exist_ok=True)
    names, password = accounts(args.accounts)
    assert names, "no demo accounts in " + args.accounts
    crawl = Crawl(base, args.html_dir)
    started = time.monotonic()
    public_starts = ["/", "/robots.txt", "/sitemap.xml", "/api/", "/api/v1/"]
    seen = crawl.role("visitor", Session(base), public_starts)
    print(f"visitor: {len(seen)} addresses", flush=True)

    def staff(name):
        session = Session(base)
        session.sign_in(name, password)
        seen = crawl.role(name, session, ["/", "/your-work/"])
        print(f"{name}: {len(seen)} addresses", flush=True)

    # A few accounts at a time: the server has several workers, and most of a request is waiting.
    with ThreadPoolExecutor(PARALLEL_ROLES) as pool:
        list(pool.map(staff, names))
    static = crawl.check_static()
    elapsed = time.monotonic() - started
    print(
        f"Crawled as the public and {len(names)} accounts: {crawl.requests} requests, {crawl.pages} HTML pages, "
        f"{crawl.cache_hits} page-cache hits on second visits, {len(static)} static files, {elapsed:.0f} s"
    )
    print("Slowest requests:")
    for seconds, method, path in sorted(TIMINGS, reverse=True)[:12]:
        print(f"  {seconds:6.2f} s  {method} {path}")
    if crawl.cache_hits == 0:
        crawl.problem("no public page was served from the page cache on its second visit")
    if crawl.problems:
        print(f"\n{len(crawl.problems)} problem(s):")
        print("\n".join(f"  {p}" for p in crawl.problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
