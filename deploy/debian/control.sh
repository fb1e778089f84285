#!/usr/bin/env bash
# Prints the DEBIAN/control file of the forceplan package staged under ROOT (`make deb`).
#   bash deploy/debian/control.sh ROOT VERSION ARCH
set -euo pipefail
root=${1:?usage: control.sh ROOT VERSION ARCH}
version=${2:?version}
arch=${3:?architecture}
here=$(dirname "$0")
depends=$(bash "$here/depends.sh" "$root/usr/bin/forceplan")
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat <<CONTROL
Package: forceplan
Version: $version
Architecture: $arch
Maintainer: forceplan maintainers <forceplan@localhost>
Installed-Size: $size
Depends: $depends
Section: science
Priority: optional
Description: coalition force planning as mixed-integer programs (GLPK, CBC)
 forceplan turns what nations pledge to a coalition and the political limits around
 it into mixed-integer programs solved by GLPK (and CBC), and presents option sets:
 a few clearly different force configurations with their coverage, cost, footprint
 and the constraints that bind. Batch sweeps (forceplan bench) shard over Slurm
 array jobs and Kubernetes Indexed Jobs.
 .
 The Swift runtime is linked into the binary; the shipped scenarios, sweeps, docs
 and cluster recipes are under /usr/share/forceplan.
CONTROL
