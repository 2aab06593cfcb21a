# shellcheck shell=bash disable=SC2034
# (SC2034: the variables set here are read by the scripts that source this file.)
# Shared settings and functions of the local stack scripts (up, down, status, sms-send).
# The scripts source this file; it is not meant to run on its own.

STACK_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$STACK_SCRIPT_DIR/../.." && pwd)"

# Start order. The scripts stop components in the reverse order.
COMPONENTS=(postgres kafka keycloak smsc helpline referral notification)
SERVICES=(helpline referral notification)

# Ports at HELPLINE_PORT_OFFSET=0; the offset is added to each of them.
BASE_PORT_HELPLINE=8080
BASE_PORT_REFERRAL=8082
BASE_PORT_NOTIFICATION=8083
BASE_PORT_KEYCLOAK=8180
BASE_PORT_KEYCLOAK_MANAGEMENT=9000
BASE_PORT_KAFKA=9092
BASE_PORT_KAFKA_CONTROLLER=9093
BASE_PORT_POSTGRES=55432
BASE_PORT_SMPP=2775
BASE_PORT_SMSC_CONTROL=2776

# Minimum free disk space for a first start: the unpacked Keycloak (about 175 MB), its H2 database, Kafka's logs
# and PostgreSQL's cluster.
FIRST_START_DISK_MB=400
LATER_START_DISK_MB=100

info() { printf '%s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

common_options_help() {
    cat <<'EOF'
Options shared by all local stack scripts:
  --run-dir DIR        directory for data, logs, pid files and generated secrets
                       (default: deploy/local/.run; environment: HELPLINE_RUN_DIR)
  --port-offset N      number added to every port of the stack, so that a second stack can run beside
                       the first (default: 0; environment: HELPLINE_PORT_OFFSET)
  -h, --help           print this help
EOF
}

# Reads --run-dir and --port-offset into HELPLINE_RUN_DIR and HELPLINE_PORT_OFFSET and puts every other argument
# into ARGS. Sets PORT_OFFSET_GIVEN when the caller chose an offset explicitly.
parse_common_options() {
    ARGS=()
    PORT_OFFSET_GIVEN=false
    if [[ -n "${HELPLINE_PORT_OFFSET:-}" ]]; then
        PORT_OFFSET_GIVEN=true
    fi
    while (($# > 0)); do
        case "$1" in
        --run-dir)
            (($# >= 2)) || die "--run-dir needs a directory, e.g. --run-dir /tmp/helpline-run"
            HELPLINE_RUN_DIR="$2"
            shift 2
            ;;
        --run-dir=*)
            HELPLINE_RUN_DIR="${1#*=}"
            shift
            ;;
        --port-offset)
            (($# >= 2)) || die "--port-offset needs a number, e.g. --port-offset 300"
            HELPLINE_PORT_OFFSET="$2"
            PORT_OFFSET_GIVEN=true
            shift 2
            ;;
        --port-offset=*)
            HELPLINE_PORT_OFFSET="${1#*=}"
            PORT_OFFSET_GIVEN=true
            shift
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        --)
            shift
            ARGS+=("$@")
            break
            ;;
        *)
            ARGS+=("$1")
            shift
            ;;
        esac
    done
}

# Sets RUN_DIR (absolute) and every path below it.
resolve_run_dir() {
    local dir="${HELPLINE_RUN_DIR:-$REPO_ROOT/deploy/local/.run}"
    [[ -n "$dir" ]] || die "HELPLINE_RUN_DIR is empty: set it to a directory, or unset it for deploy/local/.run"
    if [[ "$dir" != /* ]]; then
        dir="$PWD/$dir"
    fi
    if [[ "$dir" != / ]]; then
        dir="${dir%/}"
    fi
    case "$dir" in
    "" | / | /bin | /boot | /dev | /etc | /home | /lib | /proc | /root | /sys | /tmp | /usr | /var | "$HOME")
        die "The run directory '$dir' is not a safe place for the stack's data: choose a directory of its own"
        ;;
    esac

    RUN_DIR="$dir"
    LOG_DIR="$RUN_DIR/logs"
    PID_DIR="$RUN_DIR/pids"
    SECRETS_FILE="$RUN_DIR/secrets.env"
    STACK_ENV_FILE="$RUN_DIR/stack.env"
    RUN_DIR_MARKER="$RUN_DIR/.helpline-run-dir"
    PG_DIR="$RUN_DIR/postgres"
    PG_DATA="$PG_DIR/data"
    KAFKA_DIR="$RUN_DIR/kafka"
    KEYCLOAK_DIR="$RUN_DIR/keycloak"

    KEYCLOAK_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$REPO_ROOT/pom.xml" | head -n 1)"
    [[ -n "$KEYCLOAK_VERSION" ]] || die "No <keycloak.version> property found in $REPO_ROOT/pom.xml"
    KEYCLOAK_HOME="$KEYCLOAK_DIR/keycloak-$KEYCLOAK_VERSION"
    SMSC_DIR="$RUN_DIR/smsc"
    SMSC_JAR="$REPO_ROOT/deploy/smsc-simulator/target/smsc-simulator.jar"
    KAFKA_LIB="$REPO_ROOT/deploy/kafka/target/lib"
    KEYCLOAK_ZIP="$REPO_ROOT/deploy/keycloak/target/keycloak-quarkus-dist.zip"
}

# Reads the port offset recorded by the last `up` in this run directory, if any, into RECORDED_PORT_OFFSET.
read_recorded_offset() {
    RECORDED_PORT_OFFSET=""
    if [[ -f "$STACK_ENV_FILE" ]]; then
        RECORDED_PORT_OFFSET="$(sed -n 's/^HELPLINE_PORT_OFFSET=//p' "$STACK_ENV_FILE" | head -n 1)"
    fi
}

# Sets PORT_OFFSET and the PORT_* variables.
compute_ports() {
    local offset="$1"
    [[ "$offset" =~ ^[0-9]+$ ]] || die "Invalid port offset '$offset': use a whole number such as 0 or 300"
    offset=$((10#$offset))
    ((BASE_PORT_POSTGRES + offset <= 65535)) ||
        die "Port offset $offset is too large: PostgreSQL's port $((BASE_PORT_POSTGRES + offset)) exceeds 65535"
    PORT_OFFSET="$offset"
    PORT_HELPLINE=$((BASE_PORT_HELPLINE + offset))
    PORT_REFERRAL=$((BASE_PORT_REFERRAL + offset))
    PORT_NOTIFICATION=$((BASE_PORT_NOTIFICATION + offset))
    PORT_KEYCLOAK=$((BASE_PORT_KEYCLOAK + offset))
    PORT_KEYCLOAK_MANAGEMENT=$((BASE_PORT_KEYCLOAK_MANAGEMENT + offset))
    PORT_KAFKA=$((BASE_PORT_KAFKA + offset))
    PORT_KAFKA_CONTROLLER=$((BASE_PORT_KAFKA_CONTROLLER + offset))
    PORT_POSTGRES=$((BASE_PORT_POSTGRES + offset))
    PORT_SMPP=$((BASE_PORT_SMPP + offset))
    PORT_SMSC_CONTROL=$((BASE_PORT_SMSC_CONTROL + offset))
    KEYCLOAK_URL="http://127.0.0.1:$PORT_KEYCLOAK"
    OIDC_URL="$KEYCLOAK_URL/realms/helpline"
}

# Resolves the run directory and the ports for down, status and sms-send: the offset recorded by `up` wins, because
# those scripts must reach the stack that actually runs there.
resolve_existing_stack() {
    resolve_run_dir
    read_recorded_offset
    local requested="${HELPLINE_PORT_OFFSET:-0}"
    if [[ -n "$RECORDED_PORT_OFFSET" ]]; then
        if [[ "$PORT_OFFSET_GIVEN" == true && "$requested" != "$RECORDED_PORT_OFFSET" ]]; then
            warn "The stack in $RUN_DIR was started with port offset $RECORDED_PORT_OFFSET; using that, not $requested"
        fi
        compute_ports "$RECORDED_PORT_OFFSET"
    else
        compute_ports "$requested"
    fi
}

component_title() {
    case "$1" in
    postgres) echo "PostgreSQL" ;;
    kafka) echo "Kafka" ;;
    keycloak) echo "Keycloak" ;;
    smsc) echo "SMSC simulator" ;;
    helpline) echo "helpline-service" ;;
    referral) echo "referral-service" ;;
    notification) echo "notification-service" ;;
    *) die "Unknown component '$1'" ;;
    esac
}

# Every TCP port that the component listens on, main port first.
component_ports() {
    case "$1" in
    postgres) echo "$PORT_POSTGRES" ;;
    kafka) echo "$PORT_KAFKA $PORT_KAFKA_CONTROLLER" ;;
    keycloak) echo "$PORT_KEYCLOAK $PORT_KEYCLOAK_MANAGEMENT" ;;
    smsc) echo "$PORT_SMPP $PORT_SMSC_CONTROL" ;;
    helpline) echo "$PORT_HELPLINE" ;;
    referral) echo "$PORT_REFERRAL" ;;
    notification) echo "$PORT_NOTIFICATION" ;;
    esac
}

component_log() { echo "$LOG_DIR/$1.log"; }
component_pid_file() { echo "$PID_DIR/$1.pid"; }

# Text that the command line of the component's process contains when this run directory started it. It guards
# against a stale pid file whose PID the system has since given to an unrelated process.
component_marker() {
    case "$1" in
    postgres) echo "$PG_DATA" ;;
    kafka) echo "$KAFKA_DIR/server.properties" ;;
    keycloak) echo "$KEYCLOAK_HOME" ;;
    smsc) echo "$SMSC_DIR/messages.jsonl" ;;
    *) echo "-Dhelpline.run-dir=$RUN_DIR" ;;
    esac
}

process_command_line() {
    local pid="$1"
    if [[ -r "/proc/$pid/cmdline" ]]; then
        tr '\0' ' ' <"/proc/$pid/cmdline"
    else
        ps -o args= -p "$pid" 2>/dev/null || true
    fi
}

# Prints the PID of the running component, or nothing when it does not run.
component_pid() {
    local name="$1" pid_file pid
    pid_file="$(component_pid_file "$name")"
    if [[ "$name" == postgres && -f "$PG_DATA/postmaster.pid" ]]; then
        pid_file="$PG_DATA/postmaster.pid"
    fi
    [[ -f "$pid_file" ]] || return 0
    pid="$(head -n 1 "$pid_file" 2>/dev/null | tr -d '[:space:]')"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    if [[ "$(process_command_line "$pid")" == *"$(component_marker "$name")"* ]]; then
        echo "$pid"
    fi
}

# True when the PID recorded for the component still runs, whatever its command line.
recorded_pid_alive() {
    local pid_file pid
    pid_file="$(component_pid_file "$1")"
    [[ -f "$pid_file" ]] || return 1
    pid="$(head -n 1 "$pid_file" 2>/dev/null | tr -d '[:space:]')"
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Describes the process listening on PORT (any address), when ss can tell.
port_owner() {
    local port="$1"
    if command -v ss >/dev/null 2>&1; then
        ss -Hltnp "sport = :$port" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1
    fi
}

# True when anything listens on PORT, on any address.
port_listening() {
    local port="$1"
    if command -v ss >/dev/null 2>&1; then
        [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
    else
        port_open "$port"
    fi
}

http_ok() {
    curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
}

# Checks the component's health endpoint, or its ports where it has none.
component_ready() {
    case "$1" in
    postgres)
        if command -v pg_isready >/dev/null 2>&1; then
            pg_isready -q -h 127.0.0.1 -p "$PORT_POSTGRES" -t 3
        else
            port_open "$PORT_POSTGRES"
        fi
        ;;
    kafka) port_open "$PORT_KAFKA" && port_open "$PORT_KAFKA_CONTROLLER" ;;
    keycloak) http_ok "http://127.0.0.1:$PORT_KEYCLOAK_MANAGEMENT/health/ready" ;;
    smsc) http_ok "http://127.0.0.1:$PORT_SMSC_CONTROL/health" ;;
    helpline) http_ok "http://127.0.0.1:$PORT_HELPLINE/q/health/ready" ;;
    referral) http_ok "http://127.0.0.1:$PORT_REFERRAL/q/health/ready" ;;
    notification) http_ok "http://127.0.0.1:$PORT_NOTIFICATION/q/health/ready" ;;
    esac
}

# Runs a command in its own session, detached from the terminal, with its output appended to LOG, and records its
# PID. The PID is the process group of everything the command starts, which lets `down` stop the whole group. The
# command runs in the run directory, or in START_DIR when that is set.
start_detached() {
    local name="$1" log="$2"
    shift 2
    mkdir -p "$PID_DIR" "$LOG_DIR"
    (
        cd "${START_DIR:-$RUN_DIR}" || exit 1
        setsid nohup "$@" >>"$log" 2>&1 </dev/null &
        echo "$!" >"$(component_pid_file "$name")"
    )
}

# Waits up to TIMEOUT seconds until the component is ready. On failure prints the end of its log and exits.
wait_until_ready() {
    local name="$1" timeout_seconds="$2" title log started
    title="$(component_title "$name")"
    log="$(component_log "$name")"
    started=$SECONDS
    while ! component_ready "$name"; do
        # Right after the fork, the recorded PID may still be a copy of this shell that has not yet run the
        # component's command line. So only a PID that has gone counts as an exit.
        if [[ -z "$(component_pid "$name")" ]] && ! recorded_pid_alive "$name"; then
            print_log_tail "$log"
            die "$title exited during start-up; its log is $log"
        fi
        if ((SECONDS - started >= timeout_seconds)); then
            print_log_tail "$log"
            die "$title did not become ready within ${timeout_seconds} s; its log is $log"
        fi
        sleep 1
    done
    info "  $title ready after $((SECONDS - started)) s"
}

print_log_tail() {
    local log="$1"
    if [[ -f "$log" ]]; then
        printf -- '--- last lines of %s ---\n' "$log" >&2
        tail -n 25 "$log" >&2
        printf -- '---\n' >&2
    fi
}

# Sends SIGTERM to the process group of PID, waits up to TIMEOUT seconds, then sends SIGKILL.
stop_process_group() {
    local title="$1" pid="$2" timeout_seconds="$3" started
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    started=$SECONDS
    while kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS - started >= timeout_seconds)); then
            warn "$title (pid $pid) did not stop within ${timeout_seconds} s after SIGTERM; sending SIGKILL"
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
            sleep 1
            break
        fi
        sleep 0.5
    done
}

# The PostgreSQL server runs as the postgres user when the scripts run as root, because initdb and postgres
# refuse to run as root.
as_postgres_user() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Prints the directory of the PostgreSQL server binaries: the ones that created the existing cluster, else
# HELPLINE_POSTGRES_BIN when set, else those on PATH, else Debian's newest /usr/lib/postgresql/*/bin, else the
# embedded binaries that an earlier `up` unpacked into the run directory. HELPLINE_POSTGRES_BIN=embedded selects
# the embedded binaries even when the machine has others.
find_postgres_bin() {
    local pg_ctl_path dir
    if [[ -f "$PG_DIR/server-bin-dir" ]]; then
        dir="$(cat "$PG_DIR/server-bin-dir")"
        if [[ -x "$dir/pg_ctl" ]]; then
            echo "$dir"
            return
        fi
    fi
    if [[ "${HELPLINE_POSTGRES_BIN:-}" == embedded ]]; then
        if [[ -x "$PG_DIR/embedded/bin/pg_ctl" ]]; then
            echo "$PG_DIR/embedded/bin"
        fi
        return
    elif [[ -n "${HELPLINE_POSTGRES_BIN:-}" ]]; then
        echo "$HELPLINE_POSTGRES_BIN"
        return
    fi
    if pg_ctl_path="$(command -v pg_ctl 2>/dev/null)"; then
        dir="$(dirname "$(readlink -f "$pg_ctl_path")")"
        if [[ -x "$dir/initdb" && -x "$dir/postgres" ]]; then
            echo "$dir"
            return
        fi
    fi
    for dir in $(compgen -G '/usr/lib/postgresql/*/bin' | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
            echo "$dir"
            return
        fi
    done
    if [[ -x "$PG_DIR/embedded/bin/pg_ctl" ]]; then
        echo "$PG_DIR/embedded/bin"
    fi
}

# Loads the generated secrets into the environment of this script without exporting them.
load_secrets() {
    [[ -f "$SECRETS_FILE" ]] || die "No secrets in $SECRETS_FILE: run deploy/local/up first"
    local line key
    while IFS= read -r line; do
        key="${line%%=*}"
        [[ "$line" == *=* && "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
        printf -v "$key" '%s' "${line#*=}"
    done <"$SECRETS_FILE"
}
