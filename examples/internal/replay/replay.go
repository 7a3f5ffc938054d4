// Package replay serves real Graph payloads to the examples' tests: the
// recorded responses and documentation examples in ../shared, read in
// place.
package replay

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// dir finds ../shared/graph/v1.0/examples beside the repository: skipped
// on a clone without it, a failure in CI (GRAPHGEN_REQUIRE_SHARED).
func dir(t testing.TB) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, "shared", "graph", "v1.0", "examples")
		if _, err := os.Stat(candidate); err == nil {
			return candidate
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if os.Getenv("GRAPHGEN_REQUIRE_SHARED") != "" {
		t.Fatalf("shared/graph/v1.0/examples is not beside the repository")
	}
	t.Skip("skipping: shared/graph/v1.0/examples is not beside the repository (clone graphgen next to shared/)")
	return ""
}

// Payload returns the payload of the record with the given id in corpus
// ("recorded-visible.jsonl" or "docs-2021-visible.jsonl").
func Payload(t testing.TB, corpus, id string) json.RawMessage {
	t.Helper()
	f, err := os.Open(filepath.Join(dir(t), corpus))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r struct {
			ID      string          `json:"id"`
			Payload json.RawMessage `json:"payload"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.ID == id {
			return r.Payload
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Fatalf("no record %q in %s", id, corpus)
	return nil
}

// Object decodes a payload as a JSON object, to edit it (a nextLink that
// points at the test server, a property expanded from another payload).
func Object(t testing.TB, payload json.RawMessage) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(payload, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// JSON encodes v.
func JSON(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
