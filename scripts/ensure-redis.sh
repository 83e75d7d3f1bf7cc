#!/usr/bin/env bash
# Make sure the Redis server for the queue tests answers; start a local one (no disk
# persistence) if it does not. Exit 0 when reachable. Under CI an unreachable server is
# an error; elsewhere the queue test skips with a loud message.
set -u
host="${1:-127.0.0.1}"
port="${2:-6379}"

reachable() { redis-cli -h "$host" -p "$port" ping 2>/dev/null | grep -q PONG; }
if ! command -v redis-cli >/dev/null 2>&1; then
  reachable() { .venv/bin/python -c "import redis,sys; redis.Redis(host=sys.argv[1], port=int(sys.argv[2]), socket_connect_timeout=2).ping()" "$host" "$port" 2>/dev/null; }
fi

if ! reachable && command -v redis-server >/dev/null 2>&1; then
  mkdir -p /tmp/dagsorden-redis
  redis-server --daemonize yes --bind "$host" --port "$port" --save "" --appendonly no \
    --dir /tmp/dagsorden-redis --logfile /tmp/dagsorden-redis/redis.log >/dev/null 2>&1 || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do reachable && break; sleep 0.5; done
fi

if reachable; then
  exit 0
fi
if [ -n "${CI:-}" ]; then
  echo "ERROR: Redis at $host:$port cannot be reached, and CI is set." >&2
  exit 2
fi
echo "Redis at $host:$port is not reachable: the queue test with a real worker will skip." >&2
exit 1
