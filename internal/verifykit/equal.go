package verifykit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// Equal compares two JSON documents as values: objects by member (in any
// order), numbers by the value they denote (1.0 = 1 = 1e0), and strings
// exactly or, for date-times and ISO 8601 durations, by the instant or
// length they denote. It returns where the first difference is.
func Equal(a, b []byte) (bool, string) {
	va, err := decodeValue(a)
	if err != nil {
		return false, "original: " + err.Error()
	}
	vb, err := decodeValue(b)
	if err != nil {
		return false, "encoded: " + err.Error()
	}
	if diff := difference("", va, vb); diff != "" {
		return false, diff
	}
	return true, ""
}

func decodeValue(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// difference returns "" or the first place where a and b differ.
func difference(path string, a, b any) string {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok {
			return mismatch(path, a, b)
		}
		return objectDifference(path, a, bm)
	case []any:
		bs, ok := b.([]any)
		if !ok || len(a) != len(bs) {
			return mismatch(path, a, b)
		}
		for i := range a {
			if d := difference(path+"/"+strconv.Itoa(i), a[i], bs[i]); d != "" {
				return d
			}
		}
		return ""
	case json.Number:
		if bn, ok := b.(json.Number); ok && sameNumber(a, bn) {
			return ""
		}
	case string:
		if bs, ok := b.(string); ok && sameString(a, bs) {
			return ""
		}
	default:
		if a == b {
			return ""
		}
	}
	return mismatch(path, a, b)
}

func objectDifference(path string, a, b map[string]any) string {
	for k, av := range a {
		bv, ok := b[k]
		if !ok {
			return fmt.Sprintf("%s: member %q is missing after the round trip", pointerOrRoot(path), k)
		}
		if d := difference(path+"/"+escapeToken(k), av, bv); d != "" {
			return d
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			return fmt.Sprintf("%s: member %q appeared in the round trip", pointerOrRoot(path), k)
		}
	}
	return ""
}

func mismatch(path string, a, b any) string {
	return fmt.Sprintf("%s: %s became %s", pointerOrRoot(path), brief(a), brief(b))
}

func brief(v any) string {
	data, _ := json.Marshal(v)
	if len(data) > 80 {
		return string(data[:77]) + "..."
	}
	return string(data)
}

func pointerOrRoot(path string) string {
	if path == "" {
		return "/"
	}
	return path
}

func escapeToken(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func sameNumber(a, b json.Number) bool {
	if a == b {
		return true
	}
	ra, okA := new(big.Rat).SetString(string(a))
	rb, okB := new(big.Rat).SetString(string(b))
	return okA && okB && ra.Cmp(rb) == 0
}

// sameString compares strings exactly, or as date-times or durations.
func sameString(a, b string) bool {
	if a == b {
		return true
	}
	if ta, err := time.Parse(time.RFC3339Nano, trimFraction(a)); err == nil {
		tb, err := time.Parse(time.RFC3339Nano, trimFraction(b))
		return err == nil && ta.Equal(tb)
	}
	if da, ok := isoDuration(a); ok {
		db, ok := isoDuration(b)
		return ok && da.Cmp(db) == 0
	}
	return false
}

// trimFraction cuts fractions of seconds to the nine digits time.Parse reads.
func trimFraction(s string) string {
	dot := strings.IndexByte(s, '.')
	if dot < 0 {
		return s
	}
	end := dot + 1
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end-dot-1 <= 9 {
		return s
	}
	return s[:dot+10] + s[end:]
}

// isoDuration reads [-]P[nD][T[nH][nM][n[.f]S]] as a length in seconds.
func isoDuration(s string) (*big.Rat, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return nil, false
	}
	total := new(big.Rat)
	inTime := false
	num := ""
	for _, c := range s[1:] {
		unit := map[rune]int64{'D': 86400, 'H': 3600, 'M': 60, 'S': 1}
		switch {
		case c == 'T':
			inTime = true
		case c >= '0' && c <= '9' || c == '.':
			num += string(c)
		case unit[c] != 0 && num != "" && (inTime || c == 'D'):
			n, ok := new(big.Rat).SetString(num)
			if !ok {
				return nil, false
			}
			total.Add(total, n.Mul(n, big.NewRat(unit[c], 1)))
			num = ""
		default:
			return nil, false
		}
	}
	if num != "" {
		return nil, false
	}
	if neg {
		total.Neg(total)
	}
	return total, true
}
