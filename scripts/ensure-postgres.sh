#!/usr/bin/env bash
# Make sure the PostgreSQL server for the test run answers; start the local cluster if it
# does not. Exit 0 when reachable. When CI is set, an unreachable server is an error.
set -u
url="${1:-postgres://postgres@127.0.0.1:5432/test}"

reachable() { pg_isready -q -d "$url" 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1; then
  # Without the client tools, ask the server directly from Python.
  reachable() { .venv/bin/python -c "import psycopg,sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$url" 2>/dev/null; }
fi

if ! reachable && command -v pg_ctlcluster >/dev/null 2>&1; then
  for version in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
  done
  for _ in 1 2 3 4 5 6 7 8 9 10; do reachable && break; sleep 1; done
fi

if reachable; then
  exit 0
fi
if [ -n "${CI:-}" ]; then
  echo "ERROR: PostgreSQL at $url cannot be reached, and CI is set." >&2
  exit 2
fi
exit 1
