package support

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
)

// realExamples is Graph's docs corpus beside the repository; fuzz targets
// seed from it when it is there (on a clone without ../shared they use
// their built-in seeds only).
const realExamples = "../../../shared/graph/v1.0/examples/docs-2021-visible.jsonl"

// addRealPayloads seeds f with every payload of the corpus, as bytes.
func addRealPayloads(f *testing.F) {
	forEachRealPayload(func(payload json.RawMessage) { f.Add([]byte(payload)) })
}

// addRealStrings seeds f with the corpus's string values that keep pass
// (e.g. those that look like a date-time), at most limit of them.
func addRealStrings(f *testing.F, limit int, keep func(string) bool) {
	seen := map[string]bool{}
	forEachRealPayload(func(payload json.RawMessage) {
		var v any
		if json.Unmarshal(payload, &v) != nil {
			return
		}
		walkStrings(v, func(s string) {
			if len(seen) < limit && !seen[s] && keep(s) {
				seen[s] = true
				f.Add(s)
			}
		})
	})
}

func forEachRealPayload(visit func(json.RawMessage)) {
	file, err := os.Open(realExamples)
	if err != nil {
		return
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var rec struct {
			Payload json.RawMessage `json:"payload"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) == nil && len(rec.Payload) > 0 {
			visit(rec.Payload)
		}
	}
}

func walkStrings(v any, visit func(string)) {
	switch v := v.(type) {
	case string:
		visit(v)
	case []any:
		for _, x := range v {
			walkStrings(x, visit)
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys) // the same seeds every run
		for _, k := range keys {
			walkStrings(v[k], visit)
		}
	}
}

// startsWithDigit keeps strings shaped like dates, times and numbers.
func startsWithDigit(s string) bool {
	return s != "" && (s[0] >= '0' && s[0] <= '9' || s[0] == '-' || s[0] == 'P')
}

func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"0", "-1", "1.5", "1e2", "1.0", "3000000000", "-9223372036854775808", "18446744073709551615", "1e400", `"NaN"`, `"-INF"`, "01", "-", "2.", "1E+2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, bits := range []int{8, 16, 32, 64} {
			r := newJSONReader([]byte(s), 0)
			_ = r.readInt(bits)
			r = newJSONReader([]byte(s), 0)
			_ = r.readUint(bits)
		}
		r := newJSONReader([]byte(s), 0)
		f64 := r.readFloat(64)
		if r.finish() == nil {
			out := appendFloat(nil, f64, 64)
			back := newJSONReader(out, 0)
			again := back.readFloat(64)
			if back.finish() != nil || !(again == f64 || again != again && f64 != f64) {
				t.Fatalf("%q -> %s -> %v", s, out, again)
			}
		}
		r = newJSONReader([]byte(s), 0)
		text := r.readNumberText()
		if r.finish() == nil && text != strings.Trim(s, " \t\r\n") {
			t.Fatalf("number text %q read as %q", s, text)
		}
	})
}

func FuzzFlags(f *testing.F) {
	for _, s := range []string{"", "a", "a,b", "a, b", ",", "a,,b", " a ,b "} {
		f.Add(s, "b")
	}
	f.Fuzz(func(t *testing.T, v, flag string) {
		flags := flagsSplit[string](v)
		if flagsHas(v, flag) != containsString(flags, flag) {
			t.Fatalf("flagsHas(%q, %q) disagrees with flagsSplit %q", v, flag, flags)
		}
		joined := FlagsOf(flags...)
		if again := flagsSplit[string](joined); len(again) != len(flags) && v != "" {
			t.Fatalf("%q -> %q -> %q", v, joined, again)
		}
		_ = flagsKnown(v, func(f string) bool { return f == flag })
	})
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
