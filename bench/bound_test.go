package bench

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/bench/graph"
)

// TestDefaultBoundStopsHostilePages decodes, with no option set, a 1 MB
// users page of empty objects ({"value":[{},{},…]}), which would need about
// 1.1 GB of User structs: it fails with a *DecodeError at the value that
// goes over the default bound, having allocated at most about twice the
// bound. A negative MaxValueBytes lifts the bound, and the same page then
// decodes.
func TestDefaultBoundStopsHostilePages(t *testing.T) {
	in := []byte(`{"value":[` + strings.Repeat(`{},`, 1<<20/3) + `{}]}`)
	bound := graph.DefaultMaxValueBytes(len(in))
	var stats [2]runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&stats[0])
	var page graph.UserCollectionResponse
	err := page.UnmarshalJSON(in)
	runtime.ReadMemStats(&stats[1])
	var de *graph.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("want a *DecodeError, got %v", err)
	}
	if !strings.HasPrefix(de.Pointer, "/value/") || !strings.Contains(de.Error(), "MaxValueBytes") {
		t.Errorf("the error names the value that goes over: %v", de)
	}
	allocated := stats[1].TotalAlloc - stats[0].TotalAlloc
	t.Logf("input %d bytes, bound %d bytes, allocated %d bytes: %v", len(in), bound, allocated, de)
	if allocated > uint64(2*bound) {
		t.Errorf("allocated %d bytes, more than twice the bound (%d)", allocated, bound)
	}
	page = graph.UserCollectionResponse{}
	if err := graph.UnmarshalWith(in, &page, graph.DecodeOptions{MaxValueBytes: -1}); err != nil {
		t.Fatalf("without a bound the page decodes: %v", err)
	}
	if n := len(page.Value.Val); n != 1<<20/3+1 {
		t.Errorf("%d users", n)
	}
}
