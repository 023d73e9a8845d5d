# Sourced by bin/hearth and bin/test: finds a JDK 21 or newer (a Java runtime is enough to run a built
# distribution) and Maven, or says what to install.
# Order: JAVA_HOME, the java on PATH, then the usual install places (newest first).

# The JDK's release file says its version without starting a JVM (which costs ~0.1 s of start-up each time);
# asking java itself is the fallback for a JDK without one.
java_major() {
  local major=""
  [[ -r "$1/release" ]] && major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n1)
  [[ -n "$major" ]] || major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1)
  echo "$major"
}

# $1 = runtime: a Java runtime without javac will do (running a distribution builds nothing).
find_jdk() {
  local need_javac=true
  [[ "${1:-}" == runtime ]] && need_javac=false
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local dir
  for dir in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/java/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* 2>/dev/null | sort -rV); do
    candidates+=("$dir")
  done
  for dir in "${candidates[@]}"; do
    if [[ -x "$dir/bin/java" ]] && { [[ "$need_javac" == false ]] || [[ -x "$dir/bin/javac" ]]; }; then
      local major
      major=$(java_major "$dir")
      if [[ -n "$major" && "$major" -ge 21 ]]; then
        echo "$dir"
        return 0
      fi
    fi
  done
  return 1
}

require_jdk() {
  local jdk
  if ! jdk=$(find_jdk); then
    cat >&2 <<'MSG'
hearth: no JDK 21 or newer found (looked at JAVA_HOME, the java on PATH, /usr/lib/jvm, /opt, ~/.sdkman).
Install one and run again, for example:
  Debian 13 / Ubuntu 24.04:  sudo apt-get install openjdk-21-jdk-headless
  Debian 12:                 install Temurin 21 or 25 (https://adoptium.net/installation/linux/)
or point JAVA_HOME at an existing JDK 21+.
MSG
    exit 1
  fi
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
}

require_java_runtime() {
  local java
  if ! java=$(find_jdk runtime); then
    cat >&2 <<'MSG'
hearth: no Java 21 or newer found (looked at JAVA_HOME, the java on PATH, /usr/lib/jvm, /opt, ~/.sdkman).
Install a Java runtime and run again, for example:
  Debian 13 / Ubuntu 24.04:  sudo apt-get install openjdk-21-jre-headless
  Debian 12:                 install Temurin 21 or 25 (https://adoptium.net/installation/linux/)
or point JAVA_HOME at an existing Java 21+.
MSG
    exit 1
  fi
  export JAVA_HOME="$java"
  export PATH="$JAVA_HOME/bin:$PATH"
}

require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "hearth: Maven is needed to build Hearth: sudo apt-get install maven" >&2
    exit 1
  fi
}
