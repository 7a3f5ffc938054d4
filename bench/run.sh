#!/usr/bin/env bash
# run.sh (make bench): generate the full Graph v1.0 set into bench/graph, check
# that the peers agree (go test), run the benchmarks, measure build costs, and
# print the ratio table. Raw outputs go to bench/out/ (not committed):
# bench.txt, buildcost.txt, table.md; `go run ./cmd/benchtable out/*.txt`
# rebuilds the table from them.
#
#   COUNT=5           benchmark runs (-count); the table uses medians
#   BENCHTIME=1s      -benchtime
#   SKIP_BUILDCOST=1  skip buildcost.sh (several minutes, ~7 GB)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out

echo "== generate bench/graph from ../shared/graph/v1.0/schemas" >&2
go run ./cmd/graphgen generate -in ../shared/graph/v1.0/schemas -out bench/graph -package graph -allow-missing-refs

cd bench
echo "== go test ./... (the peers agree; graphgen round-trips)" >&2
go test ./...

echo "== benchmarks (-count ${COUNT:-5})" >&2
go test -run XXX -bench . -benchmem -count "${COUNT:-5}" -benchtime "${BENCHTIME:-1s}" | tee out/bench.txt

if [ -z "${SKIP_BUILDCOST:-}" ]; then
	echo "== build costs" >&2
	bash buildcost.sh | tee out/buildcost.txt
else
	: >out/buildcost.txt
fi

echo "== table" >&2
go run ./cmd/benchtable out/bench.txt out/buildcost.txt | tee out/table.md
