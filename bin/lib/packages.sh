# Sourced by bin/test: the Debian packages its tests need, from the one list in bin/lib/test-packages. Missing ones
# are installed when this user may (root, or sudo without a password); otherwise bin/test stops at once and names
# the one line to run.

# The names in a list file (comments and blank lines left out), in the list's order.
test_packages() {
  local line
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%%#*}"
    line="${line//[[:space:]]/}"
    [[ -n "$line" ]] && echo "$line"
  done < "$1"
}

# The names in the list file that dpkg does not have installed, in the list's order. One dpkg-query for all of them.
missing_test_packages() {
  local wanted installed p
  mapfile -t wanted < <(test_packages "$1")
  ((${#wanted[@]})) || return 0
  # dpkg-query fails (status 1) when a name is unknown to it, and still reports the others: that failure is an answer
  installed=$(dpkg-query -W -f='${Package}\t${Status}\n' "${wanted[@]}" 2>/dev/null | awk -F '\t' '$2 == "install ok installed" { print $1 }' || true)
  for p in "${wanted[@]}"; do
    grep -qxF -- "$p" <<< "$installed" || echo "$p"
  done
}

# Installs what the list file ($1) names and dpkg lacks, or exits 1 with the line to run.
require_test_packages() {
  local list="$1" missing how out
  if ! command -v dpkg-query > /dev/null 2>&1; then
    echo "bin/test: no dpkg here, so the packages the tests need are not checked; they are listed in $list" >&2
    return 0
  fi
  mapfile -t missing < <(missing_test_packages "$list")
  ((${#missing[@]})) || return 0
  local line="sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  if [[ "$(id -u)" == 0 ]]; then
    how=(env DEBIAN_FRONTEND=noninteractive)
  elif command -v sudo > /dev/null 2>&1 && sudo -n true > /dev/null 2>&1; then
    how=(sudo -n env DEBIAN_FRONTEND=noninteractive)
  else
    echo "bin/test: the tests need Debian packages that are not installed: ${missing[*]}" >&2
    echo "Install them (this needs root), then run bin/test again:" >&2
    echo "  $line" >&2
    exit 1
  fi
  echo "bin/test: installing the Debian packages the tests need: ${missing[*]}" >&2
  out=$(mktemp)
  if ! { "${how[@]}" apt-get update -qq && "${how[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } > "$out" 2>&1; then
    tail -n 20 "$out" >&2
    rm -f "$out"
    echo "bin/test: installing them failed (above); once this line works, run bin/test again:" >&2
    echo "  $line" >&2
    exit 1
  fi
  rm -f "$out"
  mapfile -t missing < <(missing_test_packages "$list")
  if ((${#missing[@]})); then
    echo "bin/test: apt-get finished, yet these are still not installed: ${missing[*]}" >&2
    echo "  $line" >&2
    exit 1
  fi
}
