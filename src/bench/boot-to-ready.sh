#!/usr/bin/env bash
# Boot-to-ready time and resident memory of the RUN artifact beside an empty Payara Micro,
# alternating runs in one session so both see the same machine.
#
#   mvn -B -ntp -DskipTests clean package && src/bench/boot-to-ready.sh [runs]
#
# "Ready" is the first HTTP answer from /health/ready: 200 for DirectorLine (migrations applied,
# database answering, demo data present); any answer for the empty server, which has no
# application to wait for. RSS is read from /proc at that moment. DirectorLine restarts on an
# existing data directory (the everyday case); its first start on an empty one (key generation,
# demo data) is measured once at the beginning and reported apart.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
jvm=(-Xmx512m)
app_jar=target/directorline-microbundle.jar
empty_jar=target/payara/payara-micro.jar
work=$(mktemp -d)
trap 'pkill -f "boot-bench-$$" 2>/dev/null || true; rm -rf "$work"' EXIT

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }

# measure NAME EXPECT_200 -- command...   prints "ms rss_kb"
measure() {
  local expect=$1; shift
  local p; p=$(port)
  local start; start=$(date +%s%N)
  "$@" --port "$p" > "$work/last.log" 2>&1 &
  local pid=$!
  local code=000
  while kill -0 "$pid" 2>/dev/null; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/health/ready" || true)
    if { [ "$expect" = 200 ] && [ "$code" = 200 ]; } || { [ "$expect" = any ] && [ "$code" != 000 ]; }; then
      break
    fi
    sleep 0.05
  done
  local end; end=$(date +%s%N)
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# A minimal Jakarta EE application for reference: one JAX-RS resource, one CDI bean, one
# readiness check. It shows what Payara Micro costs to deploy any application at all.
mkdir -p "$work/minimal/src/m" "$work/minimal/war/WEB-INF/classes"
cat > "$work/minimal/src/m/App.java" <<'JAVA'
package m;
@jakarta.ws.rs.ApplicationPath("api") @jakarta.enterprise.context.ApplicationScoped
public class App extends jakarta.ws.rs.core.Application {}
JAVA
cat > "$work/minimal/src/m/Hello.java" <<'JAVA'
package m;
@jakarta.ws.rs.Path("hello") @jakarta.enterprise.context.RequestScoped
public class Hello { @jakarta.ws.rs.GET public String hi() { return "hi"; } }
JAVA
cat > "$work/minimal/src/m/Ready.java" <<'JAVA'
package m;
@org.eclipse.microprofile.health.Readiness @jakarta.enterprise.context.ApplicationScoped
public class Ready implements org.eclipse.microprofile.health.HealthCheck {
  public org.eclipse.microprofile.health.HealthCheckResponse call() {
    return org.eclipse.microprofile.health.HealthCheckResponse.up("minimal");
  }
}
JAVA
javac -d "$work/minimal/war/WEB-INF/classes" -cp "$empty_jar" "$work/minimal/src/m/"*.java 2>/dev/null \
  || javac -d "$work/minimal/war/WEB-INF/classes" \
       -cp "$(find ~/.m2/repository/jakarta/platform/jakarta.jakartaee-api/10.0.0 -name '*.jar' | head -1):$(find ~/.m2/repository/org/eclipse/microprofile/health -name 'microprofile-health-api*.jar' | head -1)" \
       "$work/minimal/src/m/"*.java
(cd "$work/minimal/war" && jar cf ../minimal.war .)

mkdir -p "$work/app"
first=$(cd "$work/app" && measure 200 java "${jvm[@]}" -Dboot-bench-$$ -jar "$OLDPWD/$app_jar")
: > "$work/empty.txt"; : > "$work/app.txt"; : > "$work/minimal.txt"
for i in $(seq 1 "$runs"); do
  measure any java "${jvm[@]}" -Dboot-bench-$$ -jar "$empty_jar" --nohazelcast >> "$work/empty.txt"
  measure 200 java "${jvm[@]}" -Dboot-bench-$$ -jar "$empty_jar" --nohazelcast --deploy "$work/minimal/minimal.war" >> "$work/minimal.txt"
  (cd "$work/app" && measure 200 java "${jvm[@]}" -Dboot-bench-$$ -jar "$OLDPWD/$app_jar") >> "$work/app.txt"
done

empty_ms=$(cut -d' ' -f1 "$work/empty.txt" | median); empty_rss=$(cut -d' ' -f2 "$work/empty.txt" | median)
min_ms=$(cut -d' ' -f1 "$work/minimal.txt" | median); min_rss=$(cut -d' ' -f2 "$work/minimal.txt" | median)
app_ms=$(cut -d' ' -f1 "$work/app.txt" | median); app_rss=$(cut -d' ' -f2 "$work/app.txt" | median)
echo "runs: $runs each, JVM options: ${jvm[*]}, $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "empty Payara Micro      boot-to-ready median ${empty_ms} ms  RSS median $((empty_rss / 1024)) MiB  (all: $(cut -d' ' -f1 "$work/empty.txt" | tr '\n' ' '))"
echo "minimal Jakarta EE app  boot-to-ready median ${min_ms} ms  RSS median $((min_rss / 1024)) MiB  (all: $(cut -d' ' -f1 "$work/minimal.txt" | tr '\n' ' '))"
echo "DirectorLine (restart)  boot-to-ready median ${app_ms} ms  RSS median $((app_rss / 1024)) MiB  (all: $(cut -d' ' -f1 "$work/app.txt" | tr '\n' ' '))"
echo "DirectorLine first start on an empty data directory: $(echo "$first" | cut -d' ' -f1) ms, RSS $(( $(echo "$first" | cut -d' ' -f2) / 1024 )) MiB"
echo "ratios to the empty server: minimal app $(python3 -c "print(round($min_ms/$empty_ms, 2))"), DirectorLine $(python3 -c "print(round($app_ms/$empty_ms, 2))")"
