// Package bench compares graphgen's generated package (the full Graph v1.0
// set, generated into ./graph) with msgraph-sdk-go's kiota models and with
// the fast Go JSON libraries (encoding/json, sonic, goccy/go-json,
// segmentio/encoding, json-iterator and, with GOEXPERIMENT=jsonv2,
// encoding/json/v2) into plain structs, trimmed ones (package plain) and
// full-width ones generated from the schemas (package wide, written by
// cmd/widepeers), on the same bytes: synthetic pages and real recorded ones;
// benchmarks Benchmark{Decode,Encode}/<payload>/<peer>,
// Benchmark{Decode,Encode}/<payload>/wide/<peer> and
// BenchmarkValidate/<payload>/graphgen, and the tests that keep them honest.
// cmd/benchtable turns the benchmark output and buildcost.sh's lines into
// one table of ratios. See README.md.
package bench
