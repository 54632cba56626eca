#!/bin/bash
# A throwaway Dovecot IMAP server for the training court's mail tests.
#
#   imap-test-server.sh start FOLDER PORT   serve imap://127.0.0.1:PORT, user clerk@example.test / s3cret
#   imap-test-server.sh kick FOLDER         drop every client connection (tests reconnecting)
#   imap-test-server.sh stop FOLDER         stop it; FOLDER stays for the caller to remove
#
# Everything (config, sockets, logs, mail at FOLDER/mail/<user>/Maildir) lives in FOLDER, so parallel
# runs on different ports never meet. Needs root, because Dovecot drops privileges itself, and Debian's
# dovecot-imapd package. Mail belongs to nobody (65534): Dovecot will not run mail processes as root.
set -euo pipefail

command=${1:?start, kick or stop}
folder=$(realpath -m "${2:?folder}")
user=clerk@example.test
password=s3cret
config="$folder/dovecot.conf"

write_config() {
  local port=$1
  cat >"$config" <<CONFIG
instance_name = ecf-desk-imap-test-$port
base_dir = $folder/run
state_dir = $folder/state
log_path = $folder/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_uid = 65534
mail_gid = 65534
first_valid_uid = 65534
mail_location = maildir:$folder/mail/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $folder/users
}
userdb {
  driver = static
  args = home=$folder/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
CONFIG
}

case "$command" in
start)
  port=${3:?port}
  mkdir -p "$folder/run" "$folder/state" "$folder/mail/$user/Maildir/new" "$folder/mail/$user/Maildir/cur" "$folder/mail/$user/Maildir/tmp"
  # mktemp -d makes 0700; Dovecot's auth and mail processes run as other users and must get in.
  chmod 755 "$folder"
  printf '%s:{PLAIN}%s::::::\n' "$user" "$password" >"$folder/users"
  write_config "$port"
  chown -R 65534:65534 "$folder/mail"
  # Dovecot daemonizes; its stdio must not hold the caller's pipes open.
  /usr/sbin/dovecot -c "$config" </dev/null >>"$folder/dovecot.log" 2>&1
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "dovecot listening on 127.0.0.1:$port (pid $(cat "$folder/run/master.pid"))"
      exit 0
    fi
    sleep 0.1
  done
  echo "dovecot did not start on 127.0.0.1:$port:" >&2
  cat "$folder/dovecot.log" >&2 || true
  exit 1
  ;;
kick)
  # 68 (EX_NOUSER) only means nobody was connected.
  status=0
  doveadm -c "$config" kick "$user" >/dev/null || status=$?
  [ "$status" -eq 0 ] || [ "$status" -eq 68 ]
  ;;
stop)
  [ -f "$folder/run/master.pid" ] || exit 0
  pid=$(cat "$folder/run/master.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || exit 0
    sleep 0.1
  done
  echo "dovecot (pid $pid) did not stop" >&2
  exit 1
  ;;
*)
  echo "unknown command: $command (start, kick or stop)" >&2
  exit 2
  ;;
esac
