#!/usr/bin/env bash
# run.sh (make bench): generate the full Graph v1.0 set into bench/graph and
# the plain-struct peers' full-width structs into bench/wide (cmd/widepeers),
# check that the peers agree (go test, then again with GOEXPERIMENT=jsonv2),
# run the benchmarks, run the encoding/json/v2 peers in a second pass built
# with GOEXPERIMENT=jsonv2, measure build costs, and print the ratio table.
# Raw outputs go to bench/out/ (not committed): bench.txt, bench-jsonv2.txt,
# buildcost.txt, table.md; `go run ./cmd/benchtable out/*.txt` rebuilds the
# table from them.
#
# The jsonv2 pass runs only the jsonv2 peer (on the trimmed and the wide
# structs) and jsontextvalid: under the experiment encoding/json is rebuilt on
# v2, so its other results would not be the ordinary build's. Its first run
# compiles msgraph-sdk-go and bench/graph once more (the experiment is part of
# every package's build key): a few minutes, cached afterwards.
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
echo "== generate bench/wide (the full-width peer structs, cmd/widepeers)" >&2
go run ./cmd/widepeers -in ../../shared/graph/v1.0/schemas -out wide

echo "== go test ./... (the peers agree; graphgen round-trips)" >&2
go test ./...
if GOEXPERIMENT=jsonv2 go version >/dev/null 2>&1; then
	jsonv2=1
	echo "== GOEXPERIMENT=jsonv2 go test . (encoding/json/v2 agrees too)" >&2
	GOEXPERIMENT=jsonv2 go test .
else
	jsonv2=
	echo "== this Go has no GOEXPERIMENT=jsonv2: no encoding/json/v2 peers" >&2
fi

echo "== benchmarks (-count ${COUNT:-5})" >&2
go test -run XXX -bench . -benchmem -count "${COUNT:-5}" -benchtime "${BENCHTIME:-1s}" | tee out/bench.txt
if [ -n "$jsonv2" ]; then
	echo "== benchmarks, GOEXPERIMENT=jsonv2: the encoding/json/v2 peers" >&2
	# Two patterns, since a -bench pattern matches one name per level: the
	# trimmed structs (<payload>/jsonv2) and the wide ones (<payload>/wide/jsonv2).
	{
		GOEXPERIMENT=jsonv2 go test -run XXX -bench '^Benchmark(Decode|Encode)$/./^(jsonv2|jsontextvalid)$' -benchmem \
			-count "${COUNT:-5}" -benchtime "${BENCHTIME:-1s}"
		GOEXPERIMENT=jsonv2 go test -run XXX -bench '^Benchmark(Decode|Encode)$/./^wide$/^jsonv2$' -benchmem \
			-count "${COUNT:-5}" -benchtime "${BENCHTIME:-1s}"
	} | tee out/bench-jsonv2.txt
else
	: >out/bench-jsonv2.txt
fi

if [ -z "${SKIP_BUILDCOST:-}" ]; then
	echo "== build costs" >&2
	bash buildcost.sh | tee out/buildcost.txt
else
	: >out/buildcost.txt
fi

echo "== table" >&2
go run ./cmd/benchtable out/bench.txt out/bench-jsonv2.txt out/buildcost.txt | tee out/table.md
