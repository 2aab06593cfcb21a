# shellcheck shell=bash
# Shared by deploy/local/bench and deploy/local/faults, which source this file. It builds the tool when its jar is
# missing, starts the local stack of the run directory when it is not running and runs the tool against it. Afterwards
# it stops the stack only when it started it, so that the stack is left as it was found.
#
# The caller sets DEFAULT_RUN_DIR, DEFAULT_PORT_OFFSET and TOOL_COMMAND (bench or faults), then calls run_with_stack "$@".

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
BENCH_JAR="$BENCH_ROOT/deploy/bench/target/bench.jar"

run_with_stack() {
    export HELPLINE_REPO_ROOT="$BENCH_ROOT"
    export HELPLINE_RUN_DIR="${HELPLINE_RUN_DIR:-$DEFAULT_RUN_DIR}"
    if [[ "$HELPLINE_RUN_DIR" != /* ]]; then
        HELPLINE_RUN_DIR="$PWD/$HELPLINE_RUN_DIR"
    fi
    # A run directory remembers its port offset in stack.env; only a new one gets the default offset.
    if [[ -z "${HELPLINE_PORT_OFFSET:-}" && ! -f "$HELPLINE_RUN_DIR/stack.env" ]]; then
        export HELPLINE_PORT_OFFSET="$DEFAULT_PORT_OFFSET"
    fi
    mkdir -p "$HELPLINE_RUN_DIR"
    # Keeps the run directory out of git when it lies inside the clone.
    [[ -f "$HELPLINE_RUN_DIR/.gitignore" ]] || printf '*\n' >"$HELPLINE_RUN_DIR/.gitignore"

    if [[ ! -f "$BENCH_JAR" ]]; then
        echo "Building the benchmark tool (first use) ..." >&2
        (cd "$BENCH_ROOT" && ./mvnw -B -q -pl deploy/bench -am package -DskipTests)
    fi

    local status_output running started=false
    status_output="$("$BENCH_ROOT/deploy/local/status" 2>/dev/null || true)"
    running="$(grep -c 'running' <<<"$status_output" || true)"
    if ! "$BENCH_ROOT/deploy/local/status" >/dev/null 2>&1; then
        if [[ "$running" == 0 ]]; then
            started=true
            echo "Starting the local stack in $HELPLINE_RUN_DIR (it is stopped again at the end) ..."
        else
            echo "Starting the missing components of the local stack in $HELPLINE_RUN_DIR (left running at the end) ..."
        fi
        if [[ "$started" == true ]]; then
            trap 'stop_started_stack' EXIT
        fi
        "$BENCH_ROOT/deploy/local/up"
    else
        echo "Using the running local stack in $HELPLINE_RUN_DIR (left running at the end)"
    fi

    local exit_code=0
    java -Djava.awt.headless=true -jar "$BENCH_JAR" "$TOOL_COMMAND" "$@" || exit_code=$?
    return "$exit_code"
}

stop_started_stack() {
    echo "Stopping the local stack that this run started ..."
    "$BENCH_ROOT/deploy/local/down" || echo "WARNING: deploy/local/down failed; run it again" >&2
}
