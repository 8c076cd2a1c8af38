# Shared by bin/test and bin/quarry: finding a JDK, installing Debian packages, starting dockerd.
# Source it; it defines functions only.

quarry_say() { printf '%s\n' "$*" >&2; }
quarry_die() { printf '%s\n' "$*" >&2; exit 1; }

# Prints the feature version of the JDK at $1 (21, 25, ...), or nothing when it is not a JDK.
quarry_jdk_version() {
  local home=$1
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  "$home/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

# Exports JAVA_HOME as a JDK 21 or newer: JAVA_HOME when it is one, else the newest under /usr/lib/jvm.
quarry_find_java() {
  local version best="" best_version=0 home
  if [ -n "${JAVA_HOME:-}" ]; then
    version=$(quarry_jdk_version "$JAVA_HOME")
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for home in /usr/lib/jvm/*; do
    [ -d "$home" ] && [ ! -L "$home" ] || continue
    version=$(quarry_jdk_version "$home")
    if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best=$home
      best_version=$version
    fi
  done
  [ -n "$best" ] || return 1
  export JAVA_HOME=$best
}

quarry_require_java() {
  quarry_find_java && return 0
  quarry_die "quarry: no JDK 21 or newer found (looked at JAVA_HOME=${JAVA_HOME:-unset} and /usr/lib/jvm/*).
Install one (Debian 13: apt-get install openjdk-21-jdk-headless; Debian 12: a Temurin 21+ package) and set JAVA_HOME to it."
}

quarry_package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Installs the named Debian packages that are missing; as root only, else says what to run.
quarry_ensure_packages() {
  local missing=() package
  for package in "$@"; do
    quarry_package_installed "$package" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    quarry_die "quarry: missing Debian packages: ${missing[*]}
Install them as root: sudo apt-get install -y ${missing[*]}"
  fi
  quarry_say "quarry: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 || quarry_die "quarry: apt-get update failed; check the Debian mirrors in /etc/apt/sources.list*"
  apt-get install -y -q -o Dpkg::Options::=--force-confold "${missing[@]}" >&2 \
    || quarry_die "quarry: apt-get install ${missing[*]} failed; run it by hand to see why"
}

# Starts dockerd when no daemon answers, waits until it does, and stops it on exit (by PID).
QUARRY_DOCKERD_PID=""
quarry_docker_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

quarry_ensure_docker() {
  quarry_docker_answers && return 0
  [ "$(id -u)" -eq 0 ] || quarry_die "quarry: no Docker daemon answers and only root can start one.
Start it (sudo dockerd --storage-driver=vfs --bridge=none --iptables=false) or run bin/test as root."
  local log=${TMPDIR:-/tmp}/quarry-dockerd.log
  quarry_say "quarry: starting dockerd (log: $log)"
  dockerd --storage-driver=vfs --bridge=none --iptables=false >"$log" 2>&1 &
  QUARRY_DOCKERD_PID=$!
  trap quarry_stop_docker EXIT
  trap 'exit 130' INT TERM
  local waited=0
  until quarry_docker_answers; do
    if ! kill -0 "$QUARRY_DOCKERD_PID" 2>/dev/null; then
      tail -n 20 "$log" >&2
      quarry_die "quarry: dockerd exited while starting; its last lines are above (full log: $log)"
    fi
    [ $waited -lt 120 ] || quarry_die "quarry: dockerd did not answer within 60 s (log: $log)"
    sleep 0.5
    waited=$((waited + 1))
  done
}

quarry_stop_docker() {
  [ -n "$QUARRY_DOCKERD_PID" ] || return 0
  kill "$QUARRY_DOCKERD_PID" 2>/dev/null || return 0
  local waited=0
  while kill -0 "$QUARRY_DOCKERD_PID" 2>/dev/null && [ $waited -lt 40 ]; do
    sleep 0.5
    waited=$((waited + 1))
  done
  kill -9 "$QUARRY_DOCKERD_PID" 2>/dev/null || true
  QUARRY_DOCKERD_PID=""
}
