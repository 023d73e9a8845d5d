#!/usr/bin/env bash
# Makes the root file system of a base image from this machine's own files, for a Docker that can reach no
# registry: "runtime" stands in for debian:bookworm-slim (glibc, bash, coreutils, grep, sed, find, tar),
# "build" for maven:3-eclipse-temurin-25 (that, plus a JDK at /opt/java/openjdk and Maven).
#   local-base-image.sh runtime|build <rootfs dir> <jdk dir>
set -euo pipefail
kind="$1"; rootfs="$2"; jdk="$3"
mkdir -p "$rootfs"/usr/{bin,sbin,lib,lib64} "$rootfs"/{etc,tmp,root,var/lib,usr/local/bin,opt}
chmod 1777 "$rootfs/tmp"
for d in bin sbin lib lib64; do ln -sfn "usr/$d" "$rootfs/$d"; done

programs=(bash dash cat chmod chown cp cut dirname basename du env expr false head id ln ls mkdir mktemp mv paste
          readlink rm seq sleep sort tail touch tr true uname grep sed find tar gzip)
# The JDK images carry binutils: jlink --strip-debug runs objcopy.
[[ "$kind" == build ]] && programs+=(objcopy)
libs=()
copy() {   # copies a file to the same path in the rootfs (/lib/... lands in /usr/lib/... through the links)
  local src="$1" rel="${1#/}"
  case "$rel" in bin/*|sbin/*|lib/*|lib64/*) rel="usr/$rel" ;; esac
  mkdir -p "$rootfs/$(dirname "$rel")"
  cp -L "$src" "$rootfs/$rel"
}
for p in "${programs[@]}"; do
  path="$(type -P "$p")"
  copy "$path"
  libs+=("$path")
done
ln -sfn dash "$rootfs/usr/bin/sh"
# The shared libraries of those programs and of every library of the JDK (a jlinked runtime uses some of them).
while IFS= read -r so; do libs+=("$so"); done < <(find "$jdk/lib" -name '*.so')
for f in "${libs[@]}"; do
  ldd "$f" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) .*/\1/p'
done | sort -u | while IFS= read -r lib; do copy "$lib"; done

printf 'root:x:0:0:root:/root:/bin/bash\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n' >"$rootfs/etc/hosts"

if [[ "$kind" == build ]]; then
  mkdir -p "$rootfs/opt/java"
  cp -a -L "$jdk" "$rootfs/opt/java/openjdk"   # -L: a Debian-installed JDK links its cacerts into /etc
  cp -rL /usr/share/maven "$rootfs/usr/share/maven" 2>/dev/null || { mkdir -p "$rootfs/usr/share"; cp -rL /usr/share/maven "$rootfs/usr/share/maven"; }
  ln -sfn ../share/maven/bin/mvn "$rootfs/usr/bin/mvn"
fi
