#!/usr/bin/env bash
# Boot-to-ready with Payara Micro's fixed root directory and an AppCDS archive (issue 16, target 6),
# beside the same without, and beside an empty Payara Micro both ways; alternating, one session.
#
#   mvn -B -ntp -DskipTests clean package && src/bench/boot-appcds.sh [runs]
#
# Payara Micro unpacks its runtime to a new temporary directory at every start, which defeats a
# class-data archive. `--rootdir D --outputlauncher` unpacks it once into D and writes a launcher
# jar whose manifest class path names the runtime jars there, so the JVM's application class
# loader loads them from fixed paths, and `-XX:ArchiveClassesAtExit` (a training start, stopped
# once ready) records them for `-XX:SharedArchiveFile`. The launcher does not carry the RUN jar's
# deployment: it is given the WAR, the boot commands and the system properties the RUN jar sets.
# Ready = the first 200 from /health/ready (DirectorLine, restarting on an existing embedded
# database) or any answer (the empty server). RSS from /proc at that moment.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
bundle=$PWD/target/directorline-microbundle.jar
empty=$PWD/target/payara/payara-micro.jar
work=$(mktemp -d)
trap 'pkill -f "appcds-bench-$$" 2>/dev/null || true; rm -rf "$work"' EXIT
tag=-Dappcds-bench-$$

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }

measure() { # EXPECT command... -> "ms rss_kb"
  local expect=$1; shift
  local p; p=$(port)
  local start; start=$(date +%s%N)
  "$@" --port "$p" > "$work/last.log" 2>&1 &
  local pid=$! code=000
  while kill -0 "$pid" 2>/dev/null; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/health/ready" || true)
    if { [ "$expect" = 200 ] && [ "$code" = 200 ]; } || { [ "$expect" = any ] && [ "$code" != 000 ]; }; then break; fi
    sleep 0.05
  done
  local end; end=$(date +%s%N)
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# The fixed root directories and launchers.
java -jar "$empty" --rootdir "$work/empty-root" --outputlauncher > /dev/null 2>&1
(cd "$work" && java -jar "$bundle" --rootdir "$work/app-root" --outputlauncher > /dev/null 2>&1)
unzip -o -q -j "$bundle" MICRO-INF/deploy/ROOT.war MICRO-INF/pre-boot-commands.txt -d "$work/app-root"
props=()
while IFS='=' read -r key value; do
  case "$key" in payaramicro.*|directorline.*|jakarta.json.provider) props+=("-D$key=$value");; esac
done < <(unzip -p "$bundle" MICRO-INF/payara-boot.properties | grep -v '^#')
app=(-jar "$work/app-root/launch-micro.jar" --deploy "$work/app-root/ROOT.war"
     --prebootcommandfile "$work/app-root/pre-boot-commands.txt")
mkdir -p "$work/data"
cd "$work/data"
# First start (keys, demo data), then the training starts that write the archives.
measure 200 java -Xmx512m "$tag" -jar "$bundle" > /dev/null
measure any java -Xmx512m "$tag" -XX:ArchiveClassesAtExit="$work/empty.jsa" -jar "$work/empty-root/launch-micro.jar" --nohazelcast > /dev/null
measure 200 java -Xmx512m "$tag" "${props[@]}" -XX:ArchiveClassesAtExit="$work/app.jsa" "${app[@]}" > /dev/null
sleep 5
for name in empty empty-cds bundle launcher launcher-cds; do : > "$work/$name.txt"; done
for i in $(seq 1 "$runs"); do
  measure any java -Xmx512m "$tag" -jar "$empty" --nohazelcast >> "$work/empty.txt"
  measure any java -Xmx512m "$tag" -XX:SharedArchiveFile="$work/empty.jsa" -jar "$work/empty-root/launch-micro.jar" --nohazelcast >> "$work/empty-cds.txt"
  measure 200 java -Xmx512m "$tag" -jar "$bundle" >> "$work/bundle.txt"
  measure 200 java -Xmx512m "$tag" "${props[@]}" "${app[@]}" >> "$work/launcher.txt"
  measure 200 java -Xmx512m "$tag" "${props[@]}" -XX:SharedArchiveFile="$work/app.jsa" "${app[@]}" >> "$work/launcher-cds.txt"
done
base=$(cut -d' ' -f1 "$work/empty.txt" | median)
printf '%-34s %10s %10s %8s\n' server "ready(ms)" "RSS(MiB)" "x empty"
for name in empty empty-cds bundle launcher launcher-cds; do
  ms=$(cut -d' ' -f1 "$work/$name.txt" | median)
  rss=$(cut -d' ' -f2 "$work/$name.txt" | median)
  printf '%-34s %10s %10s %8s\n' "$name" "$ms" "$((rss / 1024))" "$(awk -v a="$ms" -v b="$base" 'BEGIN {printf "%.2f", a / b}')"
done
echo "archives: empty $(du -m "$work/empty.jsa" | cut -f1) MiB, app $(du -m "$work/app.jsa" | cut -f1) MiB"
