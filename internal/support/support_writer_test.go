package support

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stdJSON encodes v with encoding/json without HTML escaping.
func stdJSON(t testing.TB, v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

func TestJSONWriterStrings(t *testing.T) {
	cases := []string{
		"", "plain", "a longer plain ascii string to exercise the fast path",
		`quote " backslash \ slash /`,
		"\b\f\n\r\t\x00\x01\x1f\x7f",
		"<html> & 'apos'",
		"é日本😀",
		"\u2028 line \u2029 para",
		"bad \xff utf8 \xc3 \xed\xa0\x80 end",
		"\xe2\x82",
		"12345678\"12345678\\",
	}
	for _, s := range cases {
		assert.Equal(t, stdJSON(t, s), string(jsonAppendString(nil, s)), "string %q", s)
		b := append(appendNull(appendKey([]byte("{"), s)), '}')
		assert.Equal(t, stdJSON(t, map[string]any{s: nil}), string(b), "key %q", s)
	}
}

func TestJSONWriterFloats(t *testing.T) {
	values := []float64{
		0, math.Copysign(0, -1), 1, -1, 0.1, 1.5, 100, 1e6, 1e20, 1e21, 1.5e21, 123456789,
		1e-6, 9.99e-7, 1e-7, 5e-324, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.Pi, 1.0 / 3, 2.5e-9, 1e-10, 12345678901234567890, 0.000001234,
		float64(math.MaxFloat32), float64(float32(0.1)), float64(float32(1e-7)), float64(float32(3.4e21)),
	}
	for _, f := range values {
		assert.Equal(t, stdJSON(t, f), string(appendFloat(nil, f, 64)), "float64 %v", f)
		f32 := float32(f)
		if math.IsInf(float64(f32), 0) {
			continue
		}
		assert.Equal(t, stdJSON(t, f32), string(appendFloat(nil, float64(f32), 32)), "float32 %v", f32)
	}
	b := []byte("[")
	b = appendFloat(b, math.NaN(), 64)
	b = appendFloat(appendSep(b), math.Inf(1), 64)
	b = appendFloat(appendSep(b), math.Inf(-1), 32)
	b = append(b, ']')
	assert.Equal(t, `["NaN","INF","-INF"]`, string(b))

	// Special values read back.
	r := newJSONReader(b, 0)
	require.True(t, r.beginArray())
	var got []float64
	for r.nextItem() {
		got = append(got, r.readFloat(64))
	}
	require.NoError(t, r.finish())
	require.Len(t, got, 3)
	assert.True(t, math.IsNaN(got[0]))
	assert.Equal(t, math.Inf(1), got[1])
	assert.Equal(t, math.Inf(-1), got[2])
}

func TestJSONWriterStructure(t *testing.T) {
	// Separators come from appendSep alone: none after '{' or '[', one
	// after any value.
	b := append([]byte("prefix:"), '{')
	b = appendInt(appendKey(b, "a"), -5, false)
	b = append(appendKey(b, "b"), '[')
	b = strconv.AppendUint(appendSep(b), math.MaxUint64, 10)
	b = strconv.AppendBool(appendSep(b), true)
	b = strconv.AppendBool(appendSep(b), false)
	b = appendNull(appendSep(b))
	b = append(appendSep(b), '{', '}')
	b = append(appendSep(b), '[', ']')
	b = append(appendSep(b), `{"raw":[1]}`...)
	b = appendNumberText(appendSep(b), "1.50", false)
	b = appendNumberText(appendSep(b), "7", true)
	b = jsonAppendString(appendSep(b), "s")
	b = append(b, ']')
	b = append(appendKey(b, "c"), '{')
	b = appendFloat(appendKey(b, "d"), 0.5, 64)
	b = append(b, '}')
	b = appendInt(appendKey(b, "e"), math.MinInt64, false)
	b = appendInt(appendQuotedKey(b, `"f":`), 9007199254740993, true)
	b = append(b, '}')
	want := `{"a":-5,"b":[18446744073709551615,true,false,null,{},[],{"raw":[1]},1.50,"7","s"],"c":{"d":0.5},"e":-9223372036854775808,"f":"9007199254740993"}`
	assert.Equal(t, "prefix:"+want, string(b))
	assert.True(t, json.Valid([]byte(want)))

	b = append(appendSep(nil), '[')
	b = append(appendSep(b), '[', ']')
	b = append(appendSep(b), '{', '}')
	b = append(b, ']')
	assert.Equal(t, `[[],{}]`, string(b))
}

func TestJSONWriterNoAllocs(t *testing.T) {
	buf := make([]byte, 0, 1024)
	allocs := testing.AllocsPerRun(100, func() {
		b := append(buf[:0], '{')
		b = jsonAppendString(appendKey(b, "displayName"), "Adele Vance <adele@contoso.com>\n")
		b = appendInt(appendKey(b, "n"), 42, false)
		b = appendFloat(appendKey(b, "f"), 1.25, 64)
		buf = append(b, '}')
	})
	assert.Equal(t, 0.0, allocs)
}

// TestJSONWriterStringsEveryPosition: escaping is right wherever the
// first byte to escape falls relative to the eight-byte words copied
// before it, and bytes already in the buffer stay.
func TestJSONWriterStringsEveryPosition(t *testing.T) {
	for n := 0; n <= 20; n++ {
		for _, special := range []string{`"`, `\`, "\n", "\x01", "é", "\xff", "\u2028"} {
			for at := -1; at < n; at++ {
				s := strings.Repeat("a", n)
				if at >= 0 {
					s = s[:at] + special + s[at+1:]
				}
				got := jsonAppendString([]byte("prefix"), s)
				require.Equal(t, "prefix"+stdJSON(t, s), string(got), "%q", s)
			}
		}
	}
}

// TestJSONWriterStringsGrow: a string whose escapes are several times its
// length, written into buffers with no room, little room and plenty, comes
// out whole, and never disturbs what the buffer held before it.
func TestJSONWriterStringsGrow(t *testing.T) {
	dense := []string{
		strings.Repeat("\x01", 100),
		strings.Repeat("\"\\\n", 37) + "tail",
		strings.Repeat("\xff", 33),
		strings.Repeat("\u2028a", 20),
		strings.Repeat("abcdefg\x02", 16),
		// Several of writeEscaped's segments, escapes on their edges.
		strings.Repeat("\x01", 2500),
		"\n" + strings.Repeat("a", 1022) + "\"\"\"" + strings.Repeat("b", 1021) + "\\",
		strings.Repeat("\xff", 1500),
		strings.Repeat("\u2028", 700) + "\t",
		strings.Repeat("<p style=\"x\">\r\n\t", 300),
	}
	for _, s := range dense {
		for _, room := range []int{0, 1, 7, 8, 9, 64, 1024} {
			buf := make([]byte, 3, 3+room)
			copy(buf, "pre")
			got := jsonAppendString(buf, s)
			require.Equal(t, "pre"+stdJSON(t, s), string(got), "%q with room %d", s, room)
		}
	}
}

// TestEncodePlanKeys: a plan's keys are the fields' names quoted with
// their colons, escapes included, and appendKeyString writes each (copied
// in words from the padded text they are cut from) with its string.
func TestEncodePlanKeys(t *testing.T) {
	names := []string{"id", "a\"b", "displayName", "x", "\u2028", "onPremisesExtensionAttributes", ""}
	d := &structDesc{}
	for i, name := range names {
		d.fields = append(d.fields, fieldDesc{name: name, offset: uintptr(32 * i), kind: kindString})
	}
	plan := d.encodePlan()
	for i, name := range names {
		require.Equal(t, stdJSON(t, name)+":", plan.keys[i], "key of %q", name)
		for _, prefix := range []string{"{", `{"k":1`} {
			got := appendKeyString([]byte(prefix), plan.keys[i], "v\n")
			sep := ""
			if prefix != "{" {
				sep = ","
			}
			require.Equal(t, prefix+sep+stdJSON(t, name)+`:"v\n"`, string(got))
		}
	}
}
