package main

import (
	"os"
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	f, err := os.Open("testdata/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := newResults()
	if err := r.parse(f); err != nil {
		t.Fatal(err)
	}

	// Medians across runs, the -2 suffix dropped.
	for _, c := range []struct {
		name, unit string
		want       float64
	}{
		{"BenchmarkDecode/cloudPCs/graphgen", "MB/s", 250},
		{"BenchmarkDecode/cloudPCs/graphgen", "allocs/op", 22116},
		{"BenchmarkDecode/cloudPCs/kiota", "MB/s", 20},
		{"BenchmarkDecode/cloudPCs/jsonvalid", "allocs/op", 0},
		{"BenchmarkDecode/cloudPCs/wide/sonic", "MB/s", 300},
	} {
		if got, ok := r.metric(c.name, c.unit); !ok || got != c.want {
			t.Errorf("%s %s = %v, %v; want %v", c.name, c.unit, got, ok, c.want)
		}
	}
	if got := r.cost["machine"]["goflags"]; got != "-buildvcs=false" {
		t.Errorf("quoted field: %q", got)
	}

	var b strings.Builder
	render(&b, r)
	out := b.String()
	for _, want := range []string{
		"medians of 3 benchmark runs; cpu: Test CPU; 2 cores, GOMAXPROCS unset, go1.26.8",
		"| decode cloudPCs page (1,000 items) | 250 MB/s | 100 MB/s (encoding/json) | 2.50× | ≥ 3× | **miss** |",
		"| decode cloudPCs page (1,000 items) | 250 MB/s | 20 MB/s (kiota) | 12.50× | ≥ 10× | pass |",
		"| decode cloudPCs page (1,000 items) | 250 MB/s | 275 MB/s (json.Valid) | 0.91× | report | — |",
		"| decode allocs cloudPCs | 22,116 allocs | 30,222 allocs (encoding/json) | 0.73× | ≤ 1/2 | **miss** |",
		"| encode cloudPCs | 300 MB/s | 401 MB/s (encoding/json) | 0.75× | ≥ 1.5× | **miss** |",
		"| encode cloudPCs | 300 MB/s | — (kiota) | — | report | n/a |",
		"| Validate cloudPCs | 6,981 MB/s | 250 MB/s (graphgen decode) | 27.92× | report | — |",
		"| decode users page (100, $expand=memberOf) | — | — (encoding/json) | — | ≥ 3× | n/a |",
		"| generate all v1.0 from schemas/: wall | 3.3 s | — | — | ≤ 3 s | **miss** |",
		"| generate all v1.0 from schemas/: peak RSS | 125 MB | — | — | ≤ 400 MB | pass |",
		"| generate from openapi.yaml vs schemas/: wall | 4.4 s | 3.3 s (from schemas/) | 1.33× | ≤ 1.5× | pass |",
		"| compile full package, cold cache: wall | 104.0 s | 90.0 s (msgraph models) | 1.16× | ≤ 1/4 | **miss** |",
		"| compile full package alone: wall | — | — (msgraph models) | — | ≤ 1/4 | n/a |",
		"| binary: decode+validate a users page | 4.8 MB | 28.6 MB (kiota twin) | 1/6.0 | ≤ 1/4 | pass |",
		"| generate all v1.0 from openapi.yaml: wall | 4.4 s | — | — | ≤ 4.5 s (1.5 × 3 s) | pass |",
		"Peers read: decode encoding/json, encoding/json/v2, goccy/go-json, kiota, sonic; encode encoding/json, goccy/go-json, sonic; " +
			"on full-width structs, decode encoding/json/v2, goccy/go-json, sonic; encode goccy/go-json, sonic.",
		// Against the fastest peer of the run on full-width structs (the
		// target), on trimmed ones (reported), and the jsontext scan.
		"| decode cloudPCs page (1,000 items), full-width structs | 250 MB/s | 300 MB/s (fastest: sonic) | 0.83× | ≥ 1× | **miss** |",
		"| decode cloudPCs page (1,000 items), trimmed structs | 250 MB/s | 400 MB/s (fastest: sonic) | 0.62× | report (peers' best case) | — |",
		"| decode cloudPCs page (1,000 items) | 250 MB/s | 600 MB/s (jsontext scan) | 0.42× | ≥ 0.5× | **miss** |",
		"| decode allocs cloudPCs, full-width structs | 22,116 allocs | 12,000 allocs (fewest: sonic) | 1.84× | ≤ 1× | **miss** |",
		"| decode allocs cloudPCs, trimmed structs | 22,116 allocs | 10,000 allocs (fewest: sonic) | 2.21× | ≤ 1× | **miss** |",
		"| encode cloudPCs, full-width structs | 300 MB/s | 250 MB/s (fastest: sonic) | 1.20× | ≥ 1× | pass |",
		"| encode cloudPCs, trimmed structs | 300 MB/s | 900 MB/s (fastest: sonic) | 0.33× | report (peers' best case) | — |",
		"| decode servicePrincipals page (recorded, 100 items), full-width structs | 300 MB/s | 200 MB/s (fastest: encoding/json/v2) | 1.50× | ≥ 1× | pass |",
		"| decode servicePrincipals page (recorded, 100 items), trimmed structs | 300 MB/s | 250 MB/s (fastest: sonic) | 1.20× | report (peers' best case) | — |",
		"| decode servicePrincipals page (recorded, 100 items) | 300 MB/s | 500 MB/s (jsontext scan) | 0.60× | ≥ 0.5× | pass |",
		"| decode allocs servicePrincipals, full-width structs | 5,000 allocs | 7,000 allocs (fewest: encoding/json/v2) | 0.71× | ≤ 1× | pass |",
		"| decode allocs servicePrincipals, trimmed structs | 5,000 allocs | 6,000 allocs (fewest: sonic) | 0.83× | ≤ 1× | pass |",
		"| encode servicePrincipals, full-width structs | 500 MB/s | 400 MB/s (fastest: goccy/go-json) | 1.25× | ≥ 1× | pass |",
		"| encode servicePrincipals, trimmed structs | 500 MB/s | 450 MB/s (fastest: goccy/go-json) | 1.11× | report (peers' best case) | — |",
		// No peer read for the payload: n/a, not a miss.
		"| decode users page (100, $expand=memberOf), full-width structs | — | — (fastest peer) | — | ≥ 1× | n/a |",
		"| encode message, trimmed structs | — | — (fastest peer) | — | report (peers' best case) | n/a |",
		"| generate the full-document stand-in (10,400 paths): wall | 5.0 s | 4.0 s (its schemas alone) | 1.25× | ≤ 1.5× | pass |",
		"| generate the full-document stand-in (10,400 paths): peak RSS | 300 MB | 140 MB (its schemas alone) | 2.14× | ≤ 2× | **miss** |",
		"\n13 pass, 11 miss\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// header, separator and 64 rows: per payload 7 against the best peers
	// (decode, allocations and encode on full-width and on trimmed structs,
	// and the jsontext scan), 8 more of issue 5's for the two synthetic
	// pages, 13 build costs
	if n := strings.Count(out, "\n|"); n != 2+5*7+2*8+13 {
		t.Errorf("%d table lines:\n%s", n, out)
	}
	if t.Failed() {
		t.Log(out)
	}
}
