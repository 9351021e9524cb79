#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine (Debian's slurm-wlm and munge, run as root,
# no systemd, no cgroups), runs a sweep as a Slurm job array of shards, merges the shards,
# checks that the result equals the same sweep run in one process, and stops the daemons.
#
#   sudo scripts/slurm/local-cluster.sh [sweep.json] [shards]   # defaults: scenarios/sweeps/smoke.json 3
#
# Everything (configuration, munge key, state, logs, outputs) lives in one temporary folder:
# /etc/slurm and /etc/munge are not touched. Exit 0: identical; 1: they differ or a step failed;
# 77: this machine cannot run it (not root, or slurm-wlm/munge missing).
set -euo pipefail
cd "$(dirname "$0")/../.."

sweep_file=${1:-scenarios/sweeps/smoke.json}
shards=${2:-3}
for tool in munged slurmctld slurmd sbatch sinfo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "local-cluster: $tool not found (apt-get install -y slurm-wlm munge)" >&2; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "local-cluster: must run as root (the daemons run as root here)" >&2; exit 77; }

work=$(mktemp -d /tmp/polycentric-slurm.XXXXXX)
host=$(hostname -s)
export SLURM_CONF=$work/slurm.conf
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log"
chmod 700 "$work/munge"

# A daemon is gone when its process is, or is only a zombie waiting for a parent to reap it.
running() {
  [ -r "/proc/$1/status" ] && ! grep -q '^State:.*Z' "/proc/$1/status"
}

stop_daemons() {
  local pidfile pid
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 50); do running "$pid" || break; sleep 0.2; done
  done
  if [ "${KEEP_SLURM_WORK:-0}" = 1 ]; then echo "local-cluster: kept $work"; else rm -rf "$work"; fi
}
trap stop_daemons EXIT

echo "local-cluster: starting munged and Slurm (node $host) in $work"
head -c 1024 /dev/urandom >"$work/munge/munge.key"
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/munged.seed"

memory_mib=$(awk '/MemTotal/ { print int($2 / 1024 * 0.8) }' /proc/meminfo)
cat >"$SLURM_CONF" <<CONF
ClusterName=polycentric
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ReturnToService=2
NodeName=$host CPUs=$(nproc) RealMemory=$memory_mib State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld
slurmd
for _ in $(seq 1 60); do
  [ "$(sinfo -h -o %t 2>/dev/null | head -n 1)" = idle ] && break
  sleep 0.5
done
[ "$(sinfo -h -o %t | head -n 1)" = idle ] || { echo "local-cluster: the node did not come up" >&2; tail -n 20 "$work/log/"*.log >&2; exit 1; }

echo "local-cluster: one process: polycentric sweep $sweep_file"
node bin/polycentric.js sweep "$sweep_file" --out "$work/single" >"$work/log/single.log"

echo "local-cluster: job array of $shards shards"
# sbatch --wait polls only every few seconds; squeue every half second returns as soon as the array is done.
job=$(sbatch --parsable --array="0-$((shards - 1))" --output="$work/log/slurm-%A_%a.out" \
  scripts/slurm/sweep.sbatch "$sweep_file" "$work/shards")
echo "local-cluster: submitted job array $job"
for _ in $(seq 1 1200); do
  [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
  sleep 0.5
done
[ -z "$(squeue -h -j "$job")" ] || { echo "local-cluster: job array $job did not finish in 10 minutes" >&2; exit 1; }
for index in $(seq 0 $((shards - 1))); do
  grep -q '"state": "complete"' "$work/shards/shard-$index/manifest.json" 2>/dev/null ||
    { echo "local-cluster: shard $index did not complete" >&2; tail -n 20 "$work/log/"slurm-*.out >&2; exit 1; }
done
node bin/polycentric.js merge "$work"/shards/shard-* --out "$work/merged"

# Everything but the timings (manifests) and the order runs finished in (journal) must match byte for byte.
if diff -r -x manifest.json -x journal.ndjson "$work/single" "$work/merged"; then
  runs=$(($(wc -l <"$work/merged/runs.csv") - 1))
  echo "local-cluster: identical — $runs runs, $shards Slurm array tasks merged = one process"
else
  echo "local-cluster: the merged job array differs from the one-process sweep" >&2
  exit 1
fi
