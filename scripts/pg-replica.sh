#!/usr/bin/env bash
# A real PostgreSQL streaming replica of the local server, for the replica tests.
#
#   scripts/pg-replica.sh start   # base backup into a temp dir, hot standby on REPLICA_PORT
#   scripts/pg-replica.sh stop    # stop it, remove its files and its replication slot
#
# Exit status of start: 0 running, 1 not possible here (the caller skips, loudly),
# 2 not possible and CI is set (the caller fails). What start does to the primary, each
# step only when needed, so running it again changes nothing:
#   - checks wal_level (replica or logical) and max_wal_senders > 0; it never restarts
#     the primary to change them;
#   - adds "host replication all 127.0.0.1/32 trust" to the primary's pg_hba.conf and
#     reloads the configuration, when no such rule exists;
#   - creates the physical replication slot dagsorden_replica_PORT (dropped by stop), so
#     the primary keeps the WAL the standby still needs.
set -u
action="${1:-}"
PRIMARY_URL="${PRIMARY_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
REPLICA_PORT="${REPLICA_PORT:-25432}"
REPLICA_DIR="${REPLICA_DIR:-${TMPDIR:-/tmp}/dagsorden-replica-$REPLICA_PORT}"
SLOT="dagsorden_replica_$REPLICA_PORT"
HBA_LINE="host replication all 127.0.0.1/32 trust"

say() { echo "pg-replica: $*" >&2; }
give_up() {
  say "$* (the streaming-replica tests cannot run)"
  if [ -n "${CI:-}" ]; then exit 2; fi
  exit 1
}
sql() { psql "$PRIMARY_URL" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }

# postgres refuses to run as root: run the standby's programs as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bindir() {
  local major
  major=$(sql "SELECT current_setting('server_version_num')::int / 10000") || return 1
  if [ -x "/usr/lib/postgresql/$major/bin/pg_ctl" ]; then
    echo "/usr/lib/postgresql/$major/bin"
  elif command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  else
    return 1
  fi
}

stop_replica() {
  local bin
  if [ -f "$REPLICA_DIR/data/postmaster.pid" ] && bin=$(bindir); then
    as_owner "$bin/pg_ctl" -D "$REPLICA_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$REPLICA_DIR"
  sql "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
       WHERE slot_name = '$SLOT' AND NOT active" >/dev/null 2>&1 || true
}

allow_local_replication() {
  local hba
  if [ "$(sql "SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database)
        AND auth_method = 'trust' AND address = '127.0.0.1'")" != "0" ]; then
    return 0
  fi
  hba=$(sql "SHOW hba_file") || return 1
  if ! grep -qxF "$HBA_LINE" "$hba" 2>/dev/null; then
    [ -w "$hba" ] || { say "cannot write $hba to allow local replication"; return 1; }
    say "allowing local replication in $hba"
    printf '\n# Dagsorden replica tests (scripts/pg-replica.sh)\n%s\n' "$HBA_LINE" >>"$hba"
  fi
  sql "SELECT pg_reload_conf()" >/dev/null
}

standby_config() {
  # The standby must allow at least as much as the primary for these, or it will not start.
  local name
  cat <<EOF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$REPLICA_DIR'
hot_standby = on
hot_standby_feedback = on
fsync = off
shared_buffers = 64MB
logging_collector = off
EOF
  for name in max_connections max_worker_processes max_wal_senders \
    max_prepared_transactions max_locks_per_transaction; do
    echo "$name = $(sql "SHOW $name")"
  done
}

start_replica() {
  local bin
  command -v psql >/dev/null 2>&1 || give_up "psql is not installed"
  sql "SELECT 1" >/dev/null 2>&1 || give_up "the primary at $PRIMARY_URL does not answer"
  bin=$(bindir) || give_up "no PostgreSQL server programs (pg_basebackup, pg_ctl) found"
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    give_up "running as root without a postgres user to run the standby"
  fi
  case "$(sql "SHOW wal_level")" in
    replica | logical) ;;
    *) give_up "the primary's wal_level is minimal; set wal_level = replica and restart it" ;;
  esac
  [ "$(sql "SHOW max_wal_senders")" -gt 0 ] || give_up "the primary's max_wal_senders is 0"
  allow_local_replication || give_up "local replication connections are not allowed"

  stop_replica # leftovers of an earlier run
  mkdir -p "$REPLICA_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$REPLICA_DIR"
  chmod 700 "$REPLICA_DIR"
  if ! as_owner "$bin/pg_basebackup" -d "$PRIMARY_URL" -D "$REPLICA_DIR/data" \
    --checkpoint=fast --wal-method=stream --write-recovery-conf --create-slot --slot="$SLOT" \
    >"$REPLICA_DIR/basebackup.log" 2>&1; then
    cat "$REPLICA_DIR/basebackup.log" >&2
    stop_replica
    give_up "pg_basebackup failed"
  fi
  standby_config | as_owner tee "$REPLICA_DIR/data/postgresql.conf" >/dev/null
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' |
    as_owner tee "$REPLICA_DIR/data/pg_hba.conf" >/dev/null
  as_owner touch "$REPLICA_DIR/data/pg_ident.conf"
  as_owner "$bin/pg_ctl" -D "$REPLICA_DIR/data" -l "$REPLICA_DIR/server.log" -W start >/dev/null
  # A hot standby opens for reading once it has replayed a complete snapshot of the
  # primary's running transactions; a transaction with many savepoints open on the
  # primary (another test run's) delays that until it ends.
  for _ in $(seq 1 "${REPLICA_START_SECONDS:-180}"); do
    psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -XAtqc "SELECT 1" \
      >/dev/null 2>&1 && break
    sleep 1
  done
  if ! psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -XAtqc "SELECT 1" \
    >/dev/null 2>&1; then
    tail -20 "$REPLICA_DIR/server.log" >&2
    say "transactions open on the primary for over a minute (they can hold the standby back):"
    sql "SELECT pid, datname, now() - xact_start FROM pg_stat_activity
         WHERE xact_start < now() - interval '1 minute'" >&2
    stop_replica
    give_up "the standby did not open for reading"
  fi
  for _ in $(seq 1 60); do
    if [ "$(sql "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'
          AND application_name <> 'pg_basebackup'")" != "0" ]; then
      say "hot standby streaming on 127.0.0.1:$REPLICA_PORT ($REPLICA_DIR)"
      return 0
    fi
    sleep 0.5
  done
  stop_replica
  give_up "the standby did not start streaming within 30 s"
}

case "$action" in
  start) start_replica ;;
  stop) stop_replica ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 64
    ;;
esac
