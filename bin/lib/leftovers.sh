# Sourced by bin/test: finds what a test run left running. Defines functions only.
#
# Every process the run starts is tracked in a cgroup of its own, which its children inherit even when
# they are re-parented to init (an nginx or agent of an HQ killed with -9): a named cgroup v1 hierarchy
# that nothing else uses where the kernel allows one, else a cgroup in the cgroup2 tree. Each process
# also inherits QUARRY_TEST_RUN=<id> in its environment, which finds processes moved to other cgroups
# (on cgroup v2, the agent's own). Docker containers and network namespaces made during the run are
# compared with those there before it. quarry_leftovers_check names whatever is left, stops it (by PID,
# by container id, by namespace name: only what this run made), and fails. On a machine where other
# Quarry work makes containers or namespaces during the run, QUARRY_TEST_SHARED_MACHINE=1 only lists
# new containers and namespaces (they may not be the run's); processes are always the run's own.

QUARRY_TEST_RUN=""
QUARRY_TRACK_CGROUP=""
QUARRY_TRACK_MOUNT=""
QUARRY_CONTAINERS_BEFORE=""
QUARRY_NETNS_BEFORE=""

# Prepares tracking; prints nothing. Call once, before the test run starts.
quarry_leftovers_start() {
  QUARRY_TEST_RUN="bin-test-$$-$(date +%s)"
  if [ "$(id -u)" -eq 0 ]; then
    local mount=/run/quarry-test-cgroup
    mkdir -p "$mount"
    if mountpoint -q "$mount" || mount -t cgroup -o none,name=quarrytest cgroup "$mount" 2>/dev/null; then
      QUARRY_TRACK_MOUNT=$mount
    elif [ -f /sys/fs/cgroup/unified/cgroup.procs ]; then
      QUARRY_TRACK_MOUNT=/sys/fs/cgroup/unified
    elif [ -f /sys/fs/cgroup/cgroup.procs ] && [ -f /sys/fs/cgroup/cgroup.controllers ]; then
      QUARRY_TRACK_MOUNT=/sys/fs/cgroup
    fi
    if [ -n "$QUARRY_TRACK_MOUNT" ] && mkdir "$QUARRY_TRACK_MOUNT/$QUARRY_TEST_RUN" 2>/dev/null; then
      QUARRY_TRACK_CGROUP=$QUARRY_TRACK_MOUNT/$QUARRY_TEST_RUN
    fi
  fi
  QUARRY_CONTAINERS_BEFORE=$(quarry_containers)
  QUARRY_NETNS_BEFORE=$(quarry_network_namespaces)
}

# Runs a command inside the tracked cgroup (when there is one) and returns its status.
quarry_leftovers_run() {
  (
    if [ -n "$QUARRY_TRACK_CGROUP" ]; then
      echo "$BASHPID" > "$QUARRY_TRACK_CGROUP/cgroup.procs"
    fi
    export QUARRY_TEST_RUN
    exec "$@"
  )
}

quarry_containers() {
  if quarry_docker_answers; then
    docker ps -aq --no-trunc 2>/dev/null | sort
  fi
}

quarry_network_namespaces() {
  ip netns list 2>/dev/null | awk '{print $1}' | sort
}

# The PIDs of processes the run started that are still alive, one a line.
quarry_leftover_pids() {
  {
    if [ -n "$QUARRY_TRACK_CGROUP" ]; then
      find "$QUARRY_TRACK_CGROUP" -name cgroup.procs -exec cat {} + 2>/dev/null
    fi
    grep -l -s -z -x -F "QUARRY_TEST_RUN=$QUARRY_TEST_RUN" /proc/[0-9]*/environ 2>/dev/null \
      | sed -n 's|^/proc/\([0-9]*\)/environ$|\1|p'
  } | sort -un
}

quarry_describe_pid() {
  local pid=$1 command
  command=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | cut -c1-160)
  printf '  pid %s: %s\n' "$pid" "${command:-(ended)}"
}

# Waits up to 15 s for the run's processes to end; then names, stops and fails on what is left.
quarry_leftovers_check() {
  local waited=0 pids containers namespaces failed=0
  pids=$(quarry_leftover_pids)
  while [ -n "$pids" ] && [ $waited -lt 30 ]; do
    sleep 0.5
    waited=$((waited + 1))
    pids=$(quarry_leftover_pids)
  done
  if [ -n "$pids" ]; then
    failed=1
    quarry_say "quarry: the tests left these processes running (a test must stop what it starts, also what a JVM it killed started):"
    for pid in $pids; do quarry_describe_pid "$pid" >&2; done
    for pid in $pids; do kill -9 "$pid" 2>/dev/null || true; done
  fi
  containers=$(comm -13 <(printf '%s\n' "$QUARRY_CONTAINERS_BEFORE") <(quarry_containers) | sed '/^$/d')
  if [ -n "$containers" ]; then
    quarry_say "quarry: the tests left these Docker containers:"
    for id in $containers; do
      quarry_say "  $(docker inspect --format '{{.Name}} ({{.Config.Image}}, {{.State.Status}})' "$id" 2>/dev/null || echo "$id")"
      [ "${QUARRY_TEST_SHARED_MACHINE:-}" = 1 ] || docker rm -f "$id" >/dev/null 2>&1 || true
    done
    [ "${QUARRY_TEST_SHARED_MACHINE:-}" = 1 ] || failed=1
  fi
  namespaces=$(comm -13 <(printf '%s\n' "$QUARRY_NETNS_BEFORE") <(quarry_network_namespaces) | sed '/^$/d')
  if [ -n "$namespaces" ]; then
    quarry_say "quarry: the tests left these network namespaces:"
    for name in $namespaces; do
      quarry_say "  $name"
      [ "${QUARRY_TEST_SHARED_MACHINE:-}" = 1 ] || ip netns delete "$name" 2>/dev/null || true
    done
    [ "${QUARRY_TEST_SHARED_MACHINE:-}" = 1 ] || failed=1
  fi
  if [ -n "$QUARRY_TRACK_CGROUP" ]; then
    rmdir "$QUARRY_TRACK_CGROUP" 2>/dev/null || true
  fi
  return $failed
}
