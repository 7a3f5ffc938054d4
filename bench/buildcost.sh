#!/usr/bin/env bash
# buildcost.sh measures what graphgen's output costs to produce, compile and
# link, next to msgraph-sdk-go's models, and prints one machine-readable line
# per measurement:
#
#   buildcost <name> key=value ...
#
# (cmd/benchtable reads them). Every measurement runs in a fresh directory
# under one temporary work dir; compiles use a fresh GOCACHE each. Times are
# wall clock and peak RSS from GNU time (/usr/bin/time -f '%e %M'); for
# `go build` the peak RSS is that of the largest child, the compiler.
#
#   generate-schemas, generate-openapi  graphgen binary on ../shared/graph/v1.0
#                                       (schemas/ and openapi.yaml), median of RUNS
#   generate-standin, -standin-nopaths  the same on the stand-in for the full published
#                                       document (cmd/standin: 10,400 paths) and on it
#                                       without paths (the same schemas)
#   generate-module, -modules, -subset  one published module document (BackupRestore), the
#                                       three in ../shared together, the stand-in with
#                                       -types microsoft.graph.user
#   compile-graphgen-cold               go build of the generated package, empty GOCACHE
#                                       (the standard library is compiled too)
#   compile-graphgen-pkg                the same with its dependencies (std) built
#                                       first: the package alone
#   compile-models-cold, -pkg           the same for github.com/microsoftgraph/msgraph-sdk-go/models
#   binary-graphgen, binary-kiota       size of cmd/userdemo-graphgen and cmd/userdemo-kiota,
#                                       default flags, then -ldflags='-s -w' (…-stripped)
#
# Usage: bash bench/buildcost.sh   (takes several minutes and ~7 GB)
#   RUNS=3                         generation runs per input form
#   STEPS='generate compile binary' which parts to run (binary needs compile's caches;
#                                   without compile it builds them)
set -euo pipefail
cd "$(dirname "$0")"
bench=$PWD
root=$(cd .. && pwd)
shared=${GRAPHGEN_SHARED:-$root/../shared/graph/v1.0}
runs=${RUNS:-3}
steps=" ${STEPS:-generate compile binary} "
has() { [[ $steps == *" $1 "* ]]; }
models=github.com/microsoftgraph/msgraph-sdk-go/models

[ -d "$shared/schemas" ] || { echo "buildcost: $shared/schemas not found (set GRAPHGEN_SHARED)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "buildcost: GNU time (/usr/bin/time) is needed" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/graphgen-buildcost.XXXXXX")
cleanup() { chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# measure CMD... runs CMD under GNU time and prints "WALL_S RSS_KB".
measure() {
	if ! /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>&1; then
		echo "buildcost: failed: $*" >&2
		tail -30 "$work/out" >&2
		exit 1
	fi
	tail -1 "$work/time"
}

# median prints the middle of its numeric arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
mb() { awk -v kb="$1" 'BEGIN {printf "%.0f", kb/1024}'; }

echo "buildcost machine cores=$(nproc) gomaxprocs=${GOMAXPROCS:-unset} go=$(go env GOVERSION) goflags='$(go env GOFLAGS)' build_p=${GOMAXPROCS:-$(nproc)} loadavg=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,) note='go build defaults: -p=GOMAXPROCS, compiler backend -c<=GOMAXPROCS'"

# a. Generation: the graphgen binary, timed on both input forms, and on the
# stand-in for Microsoft's full published document (cmd/standin) next to the
# same document without paths. The runs of all forms are interleaved, so that
# the machine's swings fall on each form alike.
(cd "$root" && go build -o "$work/graphgen" ./cmd/graphgen)
forms="schemas openapi standin-nopaths standin module modules subset"
has generate || { forms=schemas; runs=1; }
published=$(dirname "$shared")/published
declare -A walls rsss
if has generate; then
	go run ./cmd/standin -shared "$(dirname "$shared")" "$work/standin" >&2
fi
for i in $(seq "$runs"); do
	for form in $forms; do
		case $form in
		schemas) in=(-in "$shared/schemas") ;;
		openapi) in=(-in "$shared/openapi.yaml") ;;
		module) in=(-in "$published/BackupRestore.yml") ;;
		modules) in=(-in "$published/BackupRestore.yml" -in "$published/CrossDeviceExperiences.yml" -in "$published/Devices.ServiceAnnouncement.yml") ;;
		subset) in=(-in "$work/standin/standin.yaml" -types microsoft.graph.user) ;;
		*) in=(-in "$work/standin/$form.yaml") ;;
		esac
		out=$work/gen-$form-$i
		read -r wall rss < <(measure "$work/graphgen" generate "${in[@]}" -out "$out" -package graph -allow-missing-refs)
		walls[$form]+="$wall " rsss[$form]+="$rss "
		# Outputs are kept until the end: on this machine's ext4 (mounted with discard)
		# deleting 4,000 files just before a run makes that run's file creation several
		# times slower, which would be measured as generation time.
	done
done
for form in $forms; do
	extra=
	if [ $form = openapi ]; then
		if diff -r -q "$work/gen-schemas-1" "$work/gen-openapi-1" >/dev/null; then extra=" identical=true"; else extra=" identical=false"; fi
	fi
	if [ $form = standin ]; then
		extra=" size_mb=$(awk -v b="$(stat -c %s "$work/standin/standin.yaml")" 'BEGIN {printf "%.1f", b/1e6}') paths=$(grep -c '^  [/?'"'"'"]' "$work/standin/standin.yaml")"
	fi
	extra+=" files=$(find "$work/gen-$form-1" -name '*.go' | wc -l)"
	has generate || continue
	# shellcheck disable=SC2086
	echo "buildcost generate-$form wall_s=$(median ${walls[$form]}) best_wall_s=$(printf '%s\n' ${walls[$form]} | sort -g | head -1) rss_mb=$(mb "$(median ${rsss[$form]})") runs_wall_s=$(echo ${walls[$form]} | tr ' ' ,)$extra"
done

# One temporary module laid out like bench/ (same go.mod and go.sum), holding
# the package just generated from schemas/ and the two demo programs.
mod=$work/mod
mkdir -p "$mod/cmd"
cp "$bench/go.mod" "$bench/go.sum" "$mod/"
# go.mod's replace of graphgen (for cmd/widepeers) is relative to bench/: point it at the checkout.
(cd "$mod" && go mod edit -replace "github.com/graphgen/graphgen=$root")
cp -r "$bench/payloads" "$mod/payloads"
cp -r "$bench/cmd/userdemo-graphgen" "$bench/cmd/userdemo-kiota" "$mod/cmd/"
mv "$work/gen-schemas-1" "$mod/graph"
# srcsize DIR: number and total size (MB, 10^6 bytes) of the package's non-test Go files.
srcsize() { find "$1" -maxdepth 1 -name '*.go' ! -name '*_test.go' -printf '%s\n' | awk '{n++; s+=$1} END {printf "files=%d size_mb=%.1f", n, s/1e6}'; }
echo "buildcost source-graphgen $(srcsize "$mod/graph")"
modelsdir=$(cd "$mod" && go list -f '{{.Dir}}' "$models")
echo "buildcost source-models $(srcsize "$modelsdir") version=$(cd "$mod" && go list -m -f '{{.Version}}' github.com/microsoftgraph/msgraph-sdk-go)"

# b. Compile: cold (fresh GOCACHE) and package-only (fresh GOCACHE with the
# package's dependencies built first).
compile() { # NAME PKG
	local name=$1 pkg=$2 wall rss
	read -r wall rss < <(cd "$mod" && export GOCACHE=$work/cache-$name-cold && measure go build "$pkg")
	echo "buildcost compile-$name-cold wall_s=$wall rss_mb=$(mb "$rss")"
	local self deps
	self=$(cd "$mod" && go list "$pkg")
	deps=$(cd "$mod" && go list -deps "$pkg" | grep -vxF "$self")
	# shellcheck disable=SC2086
	(cd "$mod" && export GOCACHE=$work/cache-$name-pkg && go build $deps)
	read -r wall rss < <(cd "$mod" && export GOCACHE=$work/cache-$name-pkg && measure go build "$pkg")
	echo "buildcost compile-$name-pkg wall_s=$wall rss_mb=$(mb "$rss") deps=$(echo "$deps" | wc -l)"
	rm -rf "$work/cache-$name-cold"
}
if has compile; then
	compile graphgen ./graph
	compile models "$models"
fi

# c. Binary size of the two demo programs. The package-only caches already
# hold each one's big package.
binary() { # NAME CACHE
	local name=$1 cache=$2 out=$work/userdemo-$1
	(cd "$mod" && GOCACHE=$cache go build -o "$out" "./cmd/userdemo-$name")
	echo "buildcost binary-$name size_bytes=$(stat -c %s "$out") size_mb=$(awk -v b="$(stat -c %s "$out")" 'BEGIN {printf "%.1f", b/1048576}') flags=default"
	(cd "$mod" && GOCACHE=$cache go build -ldflags='-s -w' -o "$out-stripped" "./cmd/userdemo-$name")
	echo "buildcost binary-$name-stripped size_bytes=$(stat -c %s "$out-stripped") size_mb=$(awk -v b="$(stat -c %s "$out-stripped")" 'BEGIN {printf "%.1f", b/1048576}') flags='-ldflags=-s -w'"
	"$out" >/dev/null
}
if has binary; then
	binary graphgen "$work/cache-graphgen-pkg"
	binary kiota "$work/cache-models-pkg"
fi
