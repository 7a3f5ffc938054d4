#!/usr/bin/env bash
# callgrind.sh BENCH.TEST PATTERN: instructions per operation of one benchmark,
# counted by valgrind's callgrind, which repeats to the instruction where
# timings on this 2-core machine move by 20%: the difference between runs of
# 30 and 10 iterations, over 20 (so set-up costs cancel). GC off and one P, so
# that the count is the code's own; asynchronous preemption off, whose signals
# callgrind does not survive. PATTERN names one benchmark, e.g.
# 'Encode/message/graphgen$'. Build BENCH.TEST with `go test -c` here.
#
#   bash callgrind.sh ./bench.test 'Encode/cloudPCs/graphgen$'
set -euo pipefail
bin=$1 pattern=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
count() {
	GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 GOGC=off valgrind --tool=callgrind --callgrind-out-file="$out" \
		"$bin" -test.run XXX -test.bench "$pattern" -test.benchtime "${1}x" >/dev/null 2>&1
	callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}'
}
a=$(count 10)
b=$(count 30)
echo "$pattern $(((b - a) / 20)) instructions/op"
