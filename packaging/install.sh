#!/usr/bin/env bash
# Installs Hearth on a machine without Docker (or beside it) as a systemd service, from an unpacked
# hearth-<version>.tar.gz:   sudo ./packaging/install.sh [--prefix /opt/hearth] [--no-start]
#   the application     → <prefix> (the one before is kept as <prefix>.previous, for going back)
#   settings            → /etc/hearth/hearth.yml and /etc/hearth/hearth.env (secrets), kept when present
#   data                → /var/lib/hearth (user hearth), start-up cache → /var/cache/hearth
#   the unit            → /etc/systemd/system/hearth.service; `hearth` on PATH → /usr/local/bin/hearth
# Upgrading is running it again from the newer archive; back up /var/lib/hearth first (docs/operations.md).
# --root DIR stages everything under DIR instead of / (no user is created, nothing is started): for
# packagers, and for the test that checks the staged unit with systemd-analyze verify.
set -euo pipefail
dist="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
prefix=/opt/hearth
root=""
start=true
while (($#)); do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --root) root="$(readlink -f "$2")"; start=false; shift 2 ;;
    --no-start) start=false; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (try --help)" >&2; exit 64 ;;
  esac
done

if [[ ! -f "$dist/app/quarkus-run.jar" ]]; then
  echo "install.sh: run it from an unpacked hearth-<version>.tar.gz (no app/ beside $dist/bin); build one with mvn package" >&2
  exit 1
fi
if [[ -z "$root" && "$(id -u)" -ne 0 ]]; then
  echo "install.sh: run it as root (sudo), or stage with --root DIR" >&2
  exit 1
fi
. "$dist/bin/lib/java.sh"
require_java_runtime   # exits with what to install when there is no Java 21+

user=hearth
data=/var/lib/hearth
etc=/etc/hearth
say() { echo "install.sh: $*"; }

if [[ -z "$root" ]]; then
  if ! id "$user" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$data" --no-create-home --shell /usr/sbin/nologin "$user"
    say "created the system user $user"
  fi
else
  say "staging under $root: no user is created (the unit runs as '$user')"
fi

# The application: copied next to the old one, then swapped, so a failed copy leaves the old one running.
target="$root$prefix"
mkdir -p "$(dirname "$target")"
rm -rf "$target.new"
mkdir -p "$target.new"
cp -R "$dist/app" "$dist/bin" "$dist/docs" "$dist/packaging" "$target.new/"
[[ -f "$dist/README.md" ]] && cp "$dist/README.md" "$target.new/"
chmod -R u=rwX,go=rX "$target.new"
if [[ -d "$target" ]]; then
  rm -rf "$target.previous"
  mv "$target" "$target.previous"
  say "kept the installed version as $prefix.previous"
fi
mv "$target.new" "$target"
say "installed $(basename "$dist") in $prefix"

# Settings and data: created once, never overwritten.
mkdir -p "$root$etc" "$root$data"
if [[ ! -f "$root$etc/hearth.yml" ]]; then
  cat >"$root$etc/hearth.yml" <<'YML'
# Hearth's settings: every key and its default is in /opt/hearth/docs/configuration.md.
# Secrets go in /etc/hearth/hearth.env as NAME=value and are written here as "${NAME}".
server:
  host: 0.0.0.0
  port: 4327
YML
  say "wrote $etc/hearth.yml"
fi
if [[ ! -f "$root$etc/hearth.env" ]]; then
  printf '# Secrets for hearth.yml, one NAME=value a line (e.g. QBIT_PASSWORD=...); read by systemd only.\n' >"$root$etc/hearth.env"
fi
chmod 0750 "$root$etc" "$root$data"
chmod 0640 "$root$etc/hearth.yml" "$root$etc/hearth.env"
if [[ -z "$root" ]]; then
  chown root:"$user" "$etc" "$etc/hearth.yml" "$etc/hearth.env"
  chown "$user":"$user" "$data"
fi

# The unit, with the prefix it was installed under; no docker group, no Docker socket to join.
unit_dir="$root/etc/systemd/system"
mkdir -p "$unit_dir"
sed "s|/opt/hearth|$prefix|g" "$dist/packaging/systemd/hearth.service" >"$unit_dir/hearth.service"
chmod 0644 "$unit_dir/hearth.service"
if ! getent group docker >/dev/null 2>&1; then
  mkdir -p "$unit_dir/hearth.service.d"
  printf '# No docker group on this machine: Hearth runs without the Docker socket.\n[Service]\nSupplementaryGroups=\n' \
    >"$unit_dir/hearth.service.d/no-docker.conf"
  say "no docker group here: Hearth runs without Docker (containers are not managed)"
fi
mkdir -p "$root/usr/local/bin"
ln -sfn "$prefix/bin/hearth" "$root/usr/local/bin/hearth"

if [[ "$start" == true ]]; then
  systemctl daemon-reload
  systemctl enable hearth.service >/dev/null
  systemctl restart hearth.service
  say "started: systemctl status hearth; journalctl -u hearth (the first start prints the admin credentials there)"
  say "check the machine: sudo -u $user HEARTH_CONFIG=$etc/hearth.yml HEARTH_DATA_DIR=$data hearth doctor"
else
  say "not started; when ready: sudo systemctl daemon-reload && sudo systemctl enable --now hearth"
fi
