#!/bin/sh
# Procdeck agent installer, rendered by the Procdeck server at @SERVER@/agent/install.sh.
#
#   curl -fsSL @SERVER@/agent/install.sh | sh -s -- --token <enrolment token>
#
# Downloads the agent @VERSION@ from that server, checks its SHA-256, installs it under --prefix,
# enrols it with the token, then writes and starts a systemd unit (as root), or with --foreground runs
# it in this terminal. Running it again upgrades in place (the state folder and enrolment are kept).
set -eu

SERVER='@SERVER@'
VERSION='@VERSION@'
# file kind platform sha256, one artefact a line
ARTEFACTS='@ARTEFACTS@'

PREFIX=/opt/procdeck-agent
STATE_DIR=
TOKEN=
FOREGROUND=0
PRINT_UNIT=0
AGENT_IP=
CLOUD_ID=0
KIND=
UNIT_NAME=procdeck-agent.service
UNIT_DIR=${PROCDECK_UNIT_DIR:-/etc/systemd/system}

say() { printf 'procdeck-agent: %s\n' "$*"; }
die() { printf 'procdeck-agent: error: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<USAGE
Procdeck agent installer (agent $VERSION from $SERVER)

  curl -fsSL $SERVER/agent/install.sh | sh -s -- --token <enrolment token> [options]

  --token T        one-time enrolment token from the console's Hosts page (not needed to upgrade)
  --prefix DIR     where the agent is installed (default /opt/procdeck-agent)
  --state-dir DIR  the agent's state folder (default /var/lib/procdeck-agent; --foreground: PREFIX/state)
  --foreground     run the agent in this terminal instead of installing a systemd service
  --ip IP          the address the host is known by (default: its first non-loopback IPv4)
  --cloud-id N     the host's cloud area (default 0)
  --kind sea|mjs   single executable (default) or the .mjs for hosts with Node >= 20
  --server URL     another Procdeck server (default $SERVER)
  --print-unit     print the systemd unit this would write, and stop
USAGE
}

need_value() { [ $# -ge 2 ] || die "$1 needs a value (see --help)"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --token) need_value "$@"; TOKEN=$2; shift 2 ;;
    --prefix) need_value "$@"; PREFIX=$2; shift 2 ;;
    --state-dir) need_value "$@"; STATE_DIR=$2; shift 2 ;;
    --ip) need_value "$@"; AGENT_IP=$2; shift 2 ;;
    --cloud-id) need_value "$@"; CLOUD_ID=$2; shift 2 ;;
    --kind) need_value "$@"; KIND=$2; shift 2 ;;
    --server) need_value "$@"; SERVER=${2%/}; shift 2 ;;
    --foreground) FOREGROUND=1; shift ;;
    --print-unit) PRINT_UNIT=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done

case "$PREFIX" in /*) ;; *) PREFIX=$(pwd)/$PREFIX ;; esac
if [ -z "$STATE_DIR" ]; then
  if [ "$FOREGROUND" = 1 ]; then STATE_DIR=$PREFIX/state; else STATE_DIR=/var/lib/procdeck-agent; fi
fi
case "$STATE_DIR" in /*) ;; *) STATE_DIR=$(pwd)/$STATE_DIR ;; esac
case "$CLOUD_ID" in ''|*[!0-9]*) die "--cloud-id must be a whole number" ;; esac

# ---- which artefact
os=$(uname -s)
arch=$(uname -m)
case "$os" in Linux) os=linux ;; Darwin) os=darwin ;; *) os=$(printf '%s' "$os" | tr 'A-Z' 'a-z') ;; esac
case "$arch" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; esac
PLATFORM=$os-$arch

has_node20() {
  command -v node >/dev/null 2>&1 && node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null
}
artefact_line() { printf '%s\n' "$ARTEFACTS" | awk -v kind="$1" -v platform="$2" '$2 == kind && ($3 == platform || $3 == "any") { print; exit }'; }

if [ -z "$KIND" ]; then
  if [ -n "$(artefact_line sea "$PLATFORM")" ]; then KIND=sea
  elif has_node20; then KIND=mjs
  else die "unsupported platform $PLATFORM: this server has a single executable only for $(printf '%s\n' "$ARTEFACTS" | awk '$2 == "sea" { printf "%s ", $3 }')and the .mjs needs Node >= 20 on the host"
  fi
fi
case "$KIND" in
  sea) LINE=$(artefact_line sea "$PLATFORM"); [ -n "$LINE" ] || die "unsupported platform $PLATFORM: no single executable for it on this server" ;;
  mjs) LINE=$(artefact_line mjs any); has_node20 || die "--kind mjs needs Node >= 20 on this host" ;;
  *) die "--kind must be sea or mjs" ;;
esac
FILE=$(printf '%s' "$LINE" | awk '{ print $1 }')
EXPECTED_SHA=$(printf '%s' "$LINE" | awk '{ print $4 }')

if [ "$KIND" = sea ]; then BIN=$PREFIX/bin/procdeck-agent; else BIN=$PREFIX/bin/procdeck-agent.mjs; fi
AGENT_ARGS="--server $SERVER --state-dir $STATE_DIR --cloud-id $CLOUD_ID"
[ -n "$AGENT_IP" ] && AGENT_ARGS="$AGENT_ARGS --ip $AGENT_IP"

render_unit() {
  if [ "$KIND" = sea ]; then exec_start="$BIN $AGENT_ARGS"; else exec_start="$(command -v node) $BIN $AGENT_ARGS"; fi
  cat <<UNIT
# Written by the Procdeck agent installer ($SERVER/agent/install.sh); running it again rewrites this file.
[Unit]
Description=Procdeck host agent
Documentation=$SERVER/agent/install.sh
Wants=network-online.target
After=network-online.target
# keep trying: an agent that cannot reach the console is restarted, never given up on
StartLimitIntervalSec=0

[Service]
Type=simple
ExecStart=$exec_start
# root: the agent starts each process as the user its catalogue entry names
User=root
Environment=PROCDECK_AGENT_SUPERVISED=systemd
# exit 75 after a self-upgrade, or any crash: started again; 2 (usage, refused enrolment) and
# 3 (revoked by the console) are final
Restart=always
RestartSec=5
RestartPreventExitStatus=2 3
# only the agent is stopped or restarted: the processes it manages keep running
KillMode=process
StateDirectory=procdeck-agent
StateDirectoryMode=0700
StandardOutput=journal
StandardError=journal
SyslogIdentifier=procdeck-agent
UMask=0022
LimitNOFILE=65536
# hardening that leaves what managed processes need (they inherit the sandbox): no ProtectSystem,
# PrivateTmp or NoNewPrivileges, which would change what those processes can see and do
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectClock=yes
LockPersonality=yes

[Install]
WantedBy=multi-user.target
UNIT
}

if [ "$PRINT_UNIT" = 1 ]; then render_unit; exit 0; fi

# ---- refuse early, before anything is downloaded or written
if command -v curl >/dev/null 2>&1; then fetch() { curl -fsSL -o "$2" "$1"; }
elif command -v wget >/dev/null 2>&1; then fetch() { wget -q -O "$2" "$1"; }
else die "neither curl nor wget is installed"
fi
if command -v sha256sum >/dev/null 2>&1; then sha256_of() { sha256sum "$1" | awk '{ print $1 }'; }
elif command -v shasum >/dev/null 2>&1; then sha256_of() { shasum -a 256 "$1" | awk '{ print $1 }'; }
elif command -v openssl >/dev/null 2>&1; then sha256_of() { openssl dgst -sha256 -r "$1" | awk '{ print $1 }'; }
else die "no sha256sum, shasum or openssl to check the download with"
fi
if [ "$FOREGROUND" = 0 ]; then
  [ "$(id -u)" = 0 ] || die "installing the systemd service needs root (run it with sudo), or pass --foreground"
  { command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; } || die "systemd is not running on this host: pass --foreground and run the agent under your own supervisor"
fi
IS_ENROLLED=0
[ -f "$STATE_DIR/state.json" ] && grep -q '"agentToken"' "$STATE_DIR/state.json" && IS_ENROLLED=1
[ -n "$TOKEN" ] || [ "$IS_ENROLLED" = 1 ] || die "--token is required: this host is not enrolled yet (issue a token on the console's Hosts page)"

# ---- download and check, outside the prefix: a bad download installs nothing
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
say "downloading $FILE ($VERSION) from $SERVER"
fetch "$SERVER/agent/$FILE" "$WORK/$FILE" || die "could not download $SERVER/agent/$FILE"
ACTUAL_SHA=$(sha256_of "$WORK/$FILE")
[ "$ACTUAL_SHA" = "$EXPECTED_SHA" ] || die "checksum mismatch for $FILE: expected $EXPECTED_SHA, got $ACTUAL_SHA; nothing was installed"
say "checksum ok (sha256 $ACTUAL_SHA)"

# ---- install: a rename over the old file, so a running agent keeps its own copy until it restarts
mkdir -p "$PREFIX/bin"
cp "$WORK/$FILE" "$PREFIX/bin/.procdeck-agent.new.$$"
chmod 0755 "$PREFIX/bin/.procdeck-agent.new.$$"
if [ -f "$BIN" ]; then ACTION=upgraded; else ACTION=installed; fi
mv -f "$PREFIX/bin/.procdeck-agent.new.$$" "$BIN"
say "$ACTION $BIN"

run_agent() {
  if [ "$KIND" = sea ]; then "$BIN" "$@"; else node "$BIN" "$@"; fi
}
# shellcheck disable=SC2086 # AGENT_ARGS holds separate arguments
if [ -n "$TOKEN" ]; then
  run_agent $AGENT_ARGS --token "$TOKEN" --enroll-only || die "enrolment failed (see above); the agent is installed at $BIN"
else
  say "already enrolled (state in $STATE_DIR)"
fi
say "enrolled with $SERVER (state in $STATE_DIR)"

if [ "$FOREGROUND" = 1 ]; then
  say "running in the foreground: $BIN $AGENT_ARGS"
  # shellcheck disable=SC2086
  if [ "$KIND" = sea ]; then exec "$BIN" $AGENT_ARGS; else exec node "$BIN" $AGENT_ARGS; fi
fi

mkdir -p "$UNIT_DIR"
render_unit > "$UNIT_DIR/.$UNIT_NAME.new"
mv -f "$UNIT_DIR/.$UNIT_NAME.new" "$UNIT_DIR/$UNIT_NAME"
say "wrote $UNIT_DIR/$UNIT_NAME"
systemctl daemon-reload
systemctl enable "$UNIT_NAME" >/dev/null 2>&1 || die "systemctl enable $UNIT_NAME failed"
systemctl restart "$UNIT_NAME" || die "systemctl restart $UNIT_NAME failed (see: journalctl -u $UNIT_NAME)"
sleep 1
systemctl is-active --quiet "$UNIT_NAME" || die "$UNIT_NAME did not stay up (see: journalctl -u $UNIT_NAME)"
say "started $UNIT_NAME (logs: journalctl -u $UNIT_NAME -f)"
