package support

import (
	"bytes"
	"encoding/json"
	"math"
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
		w := newJSONWriter(nil)
		w.writeString(s)
		assert.Equal(t, stdJSON(t, s), string(w.bytes()), "string %q", s)
		w = newJSONWriter(nil)
		w.beginObject()
		w.key(s)
		w.writeNull()
		w.endObject()
		assert.Equal(t, stdJSON(t, map[string]any{s: nil}), string(w.bytes()), "key %q", s)
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
		w := newJSONWriter(nil)
		w.writeFloat(f, 64)
		assert.Equal(t, stdJSON(t, f), string(w.bytes()), "float64 %v", f)
		f32 := float32(f)
		if math.IsInf(float64(f32), 0) {
			continue
		}
		w = newJSONWriter(nil)
		w.writeFloat(float64(f32), 32)
		assert.Equal(t, stdJSON(t, f32), string(w.bytes()), "float32 %v", f32)
	}
	w := newJSONWriter(nil)
	w.beginArray()
	w.writeFloat(math.NaN(), 64)
	w.writeFloat(math.Inf(1), 64)
	w.writeFloat(math.Inf(-1), 32)
	w.endArray()
	assert.Equal(t, `["NaN","INF","-INF"]`, string(w.bytes()))

	// Special values read back.
	r := newJSONReader(w.bytes(), 0)
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
	w := newJSONWriter([]byte("prefix:"))
	w.beginObject()
	w.key("a")
	w.writeInt(-5, false)
	w.key("b")
	w.beginArray()
	w.writeUint(math.MaxUint64)
	w.writeBool(true)
	w.writeBool(false)
	w.writeNull()
	w.beginObject()
	w.endObject()
	w.beginArray()
	w.endArray()
	w.writeRaw([]byte(`{"raw":[1]}`))
	w.writeNumberText("1.50", false)
	w.writeString("s")
	w.endArray()
	w.key("c")
	w.beginObject()
	w.key("d")
	w.writeFloat(0.5, 64)
	w.endObject()
	w.key("e")
	w.writeInt(math.MinInt64, false)
	w.endObject()
	want := `{"a":-5,"b":[18446744073709551615,true,false,null,{},[],{"raw":[1]},1.50,"s"],"c":{"d":0.5},"e":-9223372036854775808}`
	assert.Equal(t, "prefix:"+want, string(w.bytes()))
	assert.True(t, json.Valid([]byte(want)))

	w = newJSONWriter(nil)
	w.beginArray()
	w.beginArray()
	w.endArray()
	w.beginObject()
	w.endObject()
	w.endArray()
	assert.Equal(t, `[[],{}]`, string(w.bytes()))
}

func TestJSONWriterNoAllocs(t *testing.T) {
	buf := make([]byte, 0, 1024)
	allocs := testing.AllocsPerRun(100, func() {
		w := jsonWriter{buf: buf[:0]}
		w.beginObject()
		w.key("displayName")
		w.writeString("Adele Vance <adele@contoso.com>\n")
		w.key("n")
		w.writeInt(42, false)
		w.key("f")
		w.writeFloat(1.25, 64)
		w.endObject()
	})
	assert.Equal(t, 0.0, allocs)
}
