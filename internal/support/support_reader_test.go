package support

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// walkAny reads any value with the typed reader methods and builds what
// encoding/json unmarshals into an any.
func walkAny(r *jsonReader) any {
	switch r.peekKind() {
	case '{':
		m := map[string]any{}
		if r.beginObject() {
			for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
				key := string(k)
				m[key] = walkAny(r)
			}
		}
		return m
	case '[':
		a := []any{}
		if r.beginArray() {
			for r.nextItem() {
				a = append(a, walkAny(r))
			}
		}
		return a
	case '"':
		return r.readString()
	case 't', 'f':
		return r.readBool()
	case '0':
		return r.readFloat(64)
	case 'n':
		if r.readNull() {
			return nil
		}
	}
	r.readRaw() // fails with the right message
	return nil
}

func walkJSON(data []byte) (any, error) {
	r := newJSONReader(data, 0)
	v := walkAny(r)
	return v, r.finish()
}

func requireDecodeError(t *testing.T, err error) *DecodeError {
	t.Helper()
	var de *DecodeError
	require.True(t, errors.As(err, &de), "want *DecodeError, got %v", err)
	return de
}

func TestJSONReaderWalkMatchesEncodingJSON(t *testing.T) {
	docs := []string{
		`null`, `true`, `false`, `0`, `-0`, `1.5e3`, `-12.25E-2`, `""`, `"x"`, `[]`, `{}`,
		` { "a" : [ 1 , 2.5 , "s" , null , true , false , { } , [ ] ] , "b" : { "c" : "d" } } `,
		"\t\r\n[1,\n2]\n",
		`{"a":1,"a":2}`,
		`{"\u0061\u00e9\ud83d\ude00":"\ud800\u0041\udc00\"\\\/\b\f\n\r\t"}`,
		"\"\xff\xfe\xc3\"",
		`"é日本😀"`,
		`{"value":[{"id":"0b1f3c1e-4ad6-4a8c-9d5e-2f6b8c1d7a90","businessPhones":[],"n":123456789012345678901234567890}]}`,
	}
	for _, doc := range docs {
		t.Run(doc, func(t *testing.T) {
			var want any
			require.NoError(t, json.Unmarshal([]byte(doc), &want))
			got, err := walkJSON([]byte(doc))
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

func TestJSONReaderObjectLoop(t *testing.T) {
	r := newJSONReader([]byte(`{"id":"1","n":-42,"ok":true,"tags":["a","b"],"sub":{"x":null},"skip":{"deep":[1,{"q":2}]},"f":2.5}`), 0)
	require.True(t, r.beginObject())
	var keys []string
	for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
		keys = append(keys, string(k))
		switch string(k) {
		case "id":
			assert.Equal(t, "1", r.readString())
		case "n":
			assert.Equal(t, int64(-42), r.readInt(8))
		case "ok":
			assert.True(t, r.readBool())
		case "tags":
			var tags []string
			require.True(t, r.beginArray())
			for r.nextItem() {
				tags = append(tags, r.readString())
			}
			assert.Equal(t, []string{"a", "b"}, tags)
		case "sub":
			require.True(t, r.beginObject())
			k, ok := r.nextKey()
			require.True(t, ok)
			assert.Equal(t, "x", string(k))
			assert.True(t, r.readNull())
			_, ok = r.nextKey()
			assert.False(t, ok)
		case "skip":
			assert.Equal(t, `{"deep":[1,{"q":2}]}`, string(r.readRaw()))
		case "f":
			assert.Equal(t, 2.5, r.readFloat(64))
		}
	}
	assert.Equal(t, []string{"id", "n", "ok", "tags", "sub", "skip", "f"}, keys)
	assert.Equal(t, 0, r.depth)
	require.NoError(t, r.finish())
}

func TestJSONReaderKeysUnescaped(t *testing.T) {
	r := newJSONReader([]byte(`{"a\u0062":1, "c\/d" :2,"é":3,"\ud83d\ude00":4,"`+"\xff"+`":5}`), 0)
	require.True(t, r.beginObject())
	var keys []string
	for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
		keys = append(keys, string(k))
		r.readInt(64)
	}
	require.NoError(t, r.finish())
	assert.Equal(t, []string{"ab", "c/d", "é", "😀", "\uFFFD"}, keys)
}

func TestJSONReaderStrings(t *testing.T) {
	cases := []string{
		`"plain ascii text that is longer than eight bytes"`,
		`"\"\\\/\b\f\n\r\t"`,
		`"\u00e9\u00E9\u65e5"`,
		`"\ud83d\ude00"`,
		`"\ud800"`,
		`"\udc00x"`,
		`"\ud800\u0041"`,
		`"\ud800\ud800\udc00"`,
		`"\udc00\ud800"`,
		`"\ud800\\"`,
		"\"a\xffb\xc3\xa9\xe2\x82\"",
		"\"\xed\xa0\x80\"", // a surrogate encoded in UTF-8 is invalid
		`"\u2028\u2029"`,
		`"\u0000"`,
	}
	for _, c := range cases {
		t.Run(c, func(t *testing.T) {
			var want string
			require.NoError(t, json.Unmarshal([]byte(c), &want))
			r := newJSONReader([]byte(c), 0)
			got := r.readString()
			require.NoError(t, r.finish())
			assert.Equal(t, want, got)
		})
	}
}

func TestJSONReaderNumbers(t *testing.T) {
	ints := []struct {
		in   string
		bits int
		want int64
		err  string
	}{
		{"0", 8, 0, ""},
		{"-0", 8, 0, ""},
		{"127", 8, 127, ""},
		{"-128", 8, -128, ""},
		{"128", 8, 0, "number 128 overflows int8"},
		{"-129", 8, 0, "number -129 overflows int8"},
		{"32767", 16, 32767, ""},
		{"3000000000", 32, 0, "number 3000000000 overflows int32"},
		{"-2147483648", 32, -2147483648, ""},
		{"9223372036854775807", 64, math.MaxInt64, ""},
		{"-9223372036854775808", 64, math.MinInt64, ""},
		{"9223372036854775808", 64, 0, "number 9223372036854775808 overflows int64"},
		{"123456789012345678901234567890", 64, 0, "overflows int64"},
		{"1.0", 64, 1, ""},
		{"1e2", 64, 100, ""},
		{"1E+2", 64, 100, ""},
		{"1.50e1", 64, 15, ""},
		{"100e-2", 64, 1, ""},
		{"-2.000", 64, -2, ""},
		{"0.0e999999999999", 64, 0, ""},
		{"0e-5", 64, 0, ""},
		{"1.5", 64, 0, "number 1.5 is not an integer"},
		{"12e-1", 64, 0, "is not an integer"},
		{"1e-999999999999", 64, 0, "is not an integer"},
		{"1e999999999999", 64, 0, "overflows int64"},
		{"9.223372036854775807e18", 64, math.MaxInt64, ""},
		{"-9223372036854775808.000", 64, math.MinInt64, ""},
		{`"1"`, 64, 0, "expected number, found string"},
		{"1x", 64, 0, "invalid character 'x' after top-level value"},
	}
	for _, c := range ints {
		t.Run("int/"+c.in, func(t *testing.T) {
			r := newJSONReader([]byte(c.in), 0)
			got := r.readInt(c.bits)
			err := r.finish()
			if c.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
	uints := []struct {
		in   string
		bits int
		want uint64
		err  string
	}{
		{"255", 8, 255, ""},
		{"256", 8, 0, "number 256 overflows uint8"},
		{"-1", 8, 0, "number -1 overflows uint8"},
		{"-0.0", 8, 0, ""},
		{"65535", 16, 65535, ""},
		{"4294967295", 32, math.MaxUint32, ""},
		{"4294967296", 32, 0, "overflows uint32"},
		{"18446744073709551615", 64, math.MaxUint64, ""},
		{"18446744073709551616", 64, 0, "overflows uint64"},
		{"1.8446744073709551615e19", 64, math.MaxUint64, ""},
		{"2.5", 64, 0, "number 2.5 is not an integer"},
	}
	for _, c := range uints {
		t.Run("uint/"+c.in, func(t *testing.T) {
			r := newJSONReader([]byte(c.in), 0)
			got := r.readUint(c.bits)
			err := r.finish()
			if c.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
	floats := []struct {
		in   string
		bits int
		want float64
		err  string
	}{
		{"1.5", 64, 1.5, ""},
		{"-0.1e-2", 64, -0.001, ""},
		{"1e308", 64, 1e308, ""},
		{"1e400", 64, 0, "number 1e400 overflows float64"},
		{"1e39", 32, 0, "overflows float32"},
		{"0.1", 32, float64(float32(0.1)), ""},
		{`"INF"`, 64, math.Inf(1), ""},
		{`"-INF"`, 32, math.Inf(-1), ""},
		{`"inf"`, 64, 0, "found string"},
		{`"I\u004eF"`, 64, 0, "found string"},
		{"true", 64, 0, "expected number, found boolean"},
		{"", 64, 0, "unexpected end of input"},
	}
	for _, c := range floats {
		t.Run("float/"+c.in, func(t *testing.T) {
			r := newJSONReader([]byte(c.in), 0)
			got := r.readFloat(c.bits)
			err := r.finish()
			if c.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
	r := newJSONReader([]byte(` "NaN" `), 0)
	assert.True(t, math.IsNaN(r.readFloat(64)))
	require.NoError(t, r.finish())

	r = newJSONReader([]byte(` -12.50e+3 `), 0)
	assert.Equal(t, "-12.50e+3", r.readNumberText())
	require.NoError(t, r.finish())
}

func TestJSONReaderErrors(t *testing.T) {
	readRaw := func(r *jsonReader) { r.readRaw() }
	walk := func(r *jsonReader) { walkAny(r) }
	cases := []struct {
		name    string
		in      string
		read    func(r *jsonReader)
		msg     string
		offset  int64
		pointer string
	}{
		{"bad literal deep", `{"a":[1,{"b":tru}]}`, readRaw, "invalid character '}' in literal true (expecting 'e')", 16, "/a/1/b"},
		{"bad literal walk", `{"a":[1,{"b":tru}]}`, walk, "invalid character '}' in literal true (expecting 'e')", 16, "/a/1/b"},
		{"wrong type", `{"value":[{"id":"1"},{"createdDateTime":5}]}`, func(r *jsonReader) {
			r.beginObject()
			for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
				if string(k) != "value" {
					r.readRaw()
					continue
				}
				r.beginArray()
				for r.nextItem() {
					r.beginObject()
					for _, ok := r.nextKey(); ok; _, ok = r.nextKey() {
						r.readString()
					}
				}
			}
		}, "expected string, found number", 40, "/value/1/createdDateTime"},
		{"expected object", `[1]`, func(r *jsonReader) { r.beginObject() }, "expected object, found array", 0, ""},
		{"expected array", ` "s"`, func(r *jsonReader) { r.beginArray() }, "expected array, found string", 1, ""},
		{"expected bool", `null`, func(r *jsonReader) { r.readBool() }, "expected boolean, found null", 0, ""},
		{"expected string", `{"a": {}}`, func(r *jsonReader) {
			r.beginObject()
			r.nextKey()
			r.readString()
		}, "expected string, found object", 6, "/a"},
		{"trailing data", `{} x`, walk, "invalid character 'x' after top-level value", 3, ""},
		{"two values", `1 2`, walk, "invalid character '2' after top-level value", 2, ""},
		{"empty", ``, walk, "unexpected end of input", 0, ""},
		{"only space", " \n", walk, "unexpected end of input", 2, ""},
		{"trailing comma object", `{"a":1,}`, walk, "expected string key, found '}'", 7, ""},
		{"trailing comma object raw", `{"a":1,}`, readRaw, "expected string key, found '}'", 7, ""},
		{"trailing comma array", `[1,]`, walk, "expected value after ',', found ']'", 3, "/1"},
		{"trailing comma array raw", `[1,]`, readRaw, "invalid character ']' looking for beginning of value", 3, "/1"},
		{"missing colon", `{"a" 1}`, walk, "expected ':' after object key, found number", 5, ""},
		{"missing colon raw", `{"a" 1}`, readRaw, "expected ':' after object key, found number", 5, ""},
		{"non-string key", `{1:2}`, walk, "expected string key, found number", 1, ""},
		{"non-string key raw", `{1:2}`, readRaw, "expected string key or '}', found number", 1, ""},
		{"missing comma", `[1 2]`, walk, "expected ',' or ']' after array element, found number", 3, ""},
		{"missing comma raw", `{"a":1 "b":2}`, readRaw, "expected ',' or '}' after object member, found string", 7, ""},
		{"mismatched close", `[1}`, readRaw, "expected ',' or ']' after array element, found '}'", 2, "/0"},
		{"unclosed object", `{"a":1`, walk, "unexpected end of input", 6, "/a"},
		{"unclosed array raw", `[[1]`, readRaw, "unexpected end of input", 4, ""},
		{"unterminated string", `{"a":"abc`, walk, "unexpected end of input", 9, "/a"},
		{"bad escape", `["ok","a\x"]`, walk, "invalid character 'x' in string escape", 9, "/1"},
		{"bad escape in key", `{"k\q":1}`, walk, "invalid character 'q' in string escape", 4, ""},
		{"bad hex", `{"a":"\u12G4"}`, readRaw, `invalid character 'G' in \u hexadecimal escape`, 10, "/a"},
		{"control char", "[\"a\nb\"]", walk, "invalid control character U+000A in string", 3, "/0"},
		{"bad number minus", `[-]`, walk, "invalid character ']' in numeric literal", 2, "/0"},
		{"bad number dot", `{"n":1.}`, walk, "invalid character '}' in numeric literal", 7, "/n"},
		{"bad number exp", `1e+`, walk, "unexpected end of input", 3, ""},
		{"leading zero", `01`, walk, "invalid character '1' after top-level value", 1, ""},
		{"leading plus", `+1`, walk, "invalid character '+' looking for beginning of value", 0, ""},
		{"leading dot", `.5`, readRaw, "invalid character '.' looking for beginning of value", 0, ""},
		{"vertical tab", "[\v1]", readRaw, `invalid character '\v' looking for beginning of value`, 1, "/0"},
		{"nbsp", "\u00a01", readRaw, `invalid character '\xc2' looking for beginning of value`, 0, ""},
		{"overflow after read", `{"n":300}`, func(r *jsonReader) {
			r.beginObject()
			r.nextKey()
			if r.readInt(64) > 255 {
				r.failf("number too big")
			}
		}, "number too big", 8, "/n"},
		{"slash and tilde in pointer", `{"a/b":{"c~d":[true,nul]}}`, readRaw, "unexpected end of input", 0, ""},
	}
	cases[len(cases)-1].msg = "invalid character ']' in literal null (expecting 'l')"
	cases[len(cases)-1].offset = 23
	cases[len(cases)-1].pointer = "/a~1b/c~0d/1"
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newJSONReader([]byte(c.in), 0)
			c.read(r)
			err := r.finish()
			de := requireDecodeError(t, err)
			assert.Equal(t, c.msg, de.Msg)
			assert.Equal(t, c.offset, de.Offset)
			assert.Equal(t, c.pointer, de.Pointer)
			assert.True(t, r.failed())
			// Sticky: everything after the failure is inert.
			assert.Equal(t, "", r.readString())
			assert.False(t, r.beginObject())
			assert.False(t, r.nextItem())
			_, ok := r.nextKey()
			assert.False(t, ok)
			assert.Nil(t, r.readRaw())
			assert.Equal(t, byte(0), r.peekKind())
			assert.Same(t, de, requireDecodeError(t, r.finish()))
		})
	}
}

func TestDecodeErrorMessage(t *testing.T) {
	e := &DecodeError{Pointer: "/value/3/createdDateTime", Offset: 123, Msg: "expected string, found number"}
	assert.Equal(t, "json: /value/3/createdDateTime (offset 123): expected string, found number", e.Error())
	e = &DecodeError{Offset: 0, Msg: "unexpected end of input"}
	assert.Equal(t, "json: offset 0: unexpected end of input", e.Error())
}

func TestJSONReaderFirstErrorWins(t *testing.T) {
	r := newJSONReader([]byte(`[1,2]`), 0)
	r.pos = 1
	r.failf("first %d", 1)
	r.pos = 3
	r.failf("second")
	de := requireDecodeError(t, r.finish())
	assert.Equal(t, "first 1", de.Msg)
	assert.Equal(t, int64(1), de.Offset)
	assert.Equal(t, "/0", de.Pointer)
}

func TestJSONReaderDepth(t *testing.T) {
	deep := strings.Repeat("[", 1_000_000)
	r := newJSONReader([]byte(deep), 0)
	assert.Nil(t, r.readRaw())
	de := requireDecodeError(t, r.finish())
	assert.Equal(t, "nesting depth exceeds 10000", de.Msg)
	assert.Equal(t, int64(10000), de.Offset)
	assert.Equal(t, strings.Repeat("/0", 10000), de.Pointer)

	deepObj := strings.Repeat(`{"a":`, 200_000)
	r = newJSONReader([]byte(deepObj), 0)
	assert.Nil(t, r.readRaw())
	de = requireDecodeError(t, r.finish())
	assert.Equal(t, "nesting depth exceeds 10000", de.Msg)

	// Exactly at the limit is fine.
	ok := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	r = newJSONReader([]byte(ok), 0)
	assert.Equal(t, ok, string(r.readRaw()))
	require.NoError(t, r.finish())
	assert.True(t, json.Valid([]byte(ok)))
	assert.False(t, json.Valid([]byte("["+ok+"]")))

	// The limit counts containers opened by the typed methods too.
	r = newJSONReader([]byte(`{"a":{"b":[[1]]}}`), 3)
	r.beginObject()
	r.nextKey()
	r.beginObject()
	r.nextKey()
	assert.Nil(t, r.readRaw())
	de = requireDecodeError(t, r.finish())
	assert.Equal(t, "nesting depth exceeds 3", de.Msg)
	assert.Equal(t, int64(11), de.Offset)
	assert.Equal(t, "/a/b/0", de.Pointer)

	r = newJSONReader([]byte(`[[[]]]`), 2)
	r.beginArray()
	r.nextItem()
	r.beginArray()
	r.nextItem()
	assert.False(t, r.beginArray())
	de = requireDecodeError(t, r.finish())
	assert.Equal(t, "nesting depth exceeds 2", de.Msg)
	assert.Equal(t, "/0/0", de.Pointer)
}

func TestJSONReaderReadNullAndPeek(t *testing.T) {
	r := newJSONReader([]byte(` nullx`), 0)
	assert.True(t, r.readNull())
	assert.Equal(t, 5, r.pos)

	r = newJSONReader([]byte(` "null"`), 0)
	assert.False(t, r.readNull())
	assert.Equal(t, "null", r.readString())

	r = newJSONReader([]byte(`nul`), 0)
	assert.False(t, r.readNull())
	assert.False(t, r.failed())

	for in, want := range map[string]byte{
		`{}`: '{', ` []`: '[', `"s"`: '"', `null`: 'n', `true`: 't', `false`: 'f',
		`-1`: '0', `0`: '0', `9`: '0', ``: 0, `  `: 0, `x`: 0, `}`: 0,
	} {
		r := newJSONReader([]byte(in), 0)
		assert.Equal(t, want, r.peekKind(), "input %q", in)
		assert.False(t, r.failed())
	}
}

func TestJSONReaderMarkReset(t *testing.T) {
	doc := []byte(`[{"x":1,"@odata.type":"#microsoft.graph.user","name":"a"}]`)
	r := newJSONReader(doc, 0)
	require.True(t, r.beginArray())
	require.True(t, r.nextItem())
	m := r.mark()
	require.True(t, r.beginObject())
	var typ string
	for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
		if string(k) == "@odata.type" {
			typ = r.readString()
			continue
		}
		r.readRaw()
	}
	assert.Equal(t, "#microsoft.graph.user", typ)
	r.reset(m)
	assert.Equal(t, 1, r.depth)
	require.True(t, r.beginObject())
	names := map[string]string{}
	for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
		key := string(k)
		names[key] = string(r.readRaw())
	}
	assert.Equal(t, map[string]string{"x": "1", "@odata.type": `"#microsoft.graph.user"`, "name": `"a"`}, names)
	assert.False(t, r.nextItem())
	require.NoError(t, r.finish())
}

func TestJSONReaderPeekFirstKeyString(t *testing.T) {
	cases := []struct {
		in   string
		want string
		ok   bool
	}{
		{`{"@odata.type":"#microsoft.graph.user","id":"1"}`, "#microsoft.graph.user", true},
		{` { "@odata.type" : "#x" } `, "#x", true},
		{`{"\u0040odata.type":"#a\u0062"}`, "#ab", true},
		{`{"id":"1","@odata.type":"#x"}`, "", false},
		{`{"@odata.type":null}`, "", false},
		{`{"@odata.type":1}`, "", false},
		{`{"@odata.typ":"#x"}`, "", false},
		{`{"@odata.type" "#x"}`, "", false},
		{`{"@odata.type":"#x`, "", false},
		{`{"@odata.type`, "", false},
		{`{}`, "", false},
		{`[]`, "", false},
		{`"@odata.type"`, "", false},
		{``, "", false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			r := newJSONReader([]byte(c.in), 0)
			got, ok := r.peekFirstKeyString("@odata.type")
			assert.Equal(t, c.ok, ok)
			assert.Equal(t, c.want, string(got))
			assert.Equal(t, 0, r.pos)
			assert.False(t, r.failed())
		})
	}
}

func TestPointerAt(t *testing.T) {
	doc := `{"a":[10,{"b":"x","c/~":[true]}],"d":{}}`
	cases := []struct {
		offset int
		want   string
	}{
		{0, ""},
		{1, ""},              // the key "a"
		{5, "/a"},            // '['
		{6, "/a/0"},          // 10
		{8, "/a/0"},          // end of 10
		{9, "/a/1"},          // '{'
		{14, "/a/1/b"},       // "x"
		{15, "/a/1/b"},       // inside "x"
		{17, "/a/1"},         // ','
		{18, "/a/1"},         // key "c/~"
		{24, "/a/1/c~1~0"},   // '['
		{25, "/a/1/c~1~0/0"}, // true
		{29, "/a/1/c~1~0/0"}, // end of true
		{30, "/a/1"},         // '}'
		{36, ""},             // ':'
		{37, "/d"},           // '{'
		{len(doc), ""},       // end
		{len(doc) + 10, ""},  // past the end
		{-1, ""},             // before the start
	}
	for _, c := range cases {
		assert.Equal(t, c.want, pointerAt([]byte(doc), c.offset), "offset %d", c.offset)
	}
	// Malformed data after the offset is tolerated.
	assert.Equal(t, "/k/2", pointerAt([]byte(`{"k":[1,2,"x`), 12))
	assert.Equal(t, "/k", pointerAt([]byte(`{"k":}}}]]"`), 5))
	assert.Equal(t, "/\uFFFD/0", pointerAt([]byte("{\"\xff\":[}"), 6))
}

func TestJSONReaderNoAllocs(t *testing.T) {
	doc := []byte(`{"id":"abc","n":12,"f":1.5,"b":true,"x":null,"arr":[1,2,3],"o":{"k":"v\n"},"é":"z\u00e9"}`)
	allocs := testing.AllocsPerRun(100, func() {
		r := jsonReader{data: doc, maxDepth: jsonDefaultMaxDepth}
		r.beginObject()
		for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
			switch string(k) {
			case "n":
				r.readInt(64)
			case "f":
				r.readFloat(64)
			case "b":
				r.readBool()
			default:
				r.skipValue()
			}
		}
		if r.finish() != nil {
			panic("unexpected error")
		}
	})
	assert.Equal(t, 0.0, allocs)
}

func TestJSONReaderKeySurvivesValueReads(t *testing.T) {
	r := newJSONReader([]byte(`{"k\u0065y":"v\u0061lue","n":[1]}`), 0)
	require.True(t, r.beginObject())
	k, ok := r.nextKey()
	require.True(t, ok)
	assert.Equal(t, "value", r.readString())
	assert.Equal(t, "key", string(k))
	k, ok = r.nextKey()
	require.True(t, ok)
	assert.Equal(t, "[1]", string(r.readRaw()))
	assert.Equal(t, "n", string(k))
	_, ok = r.nextKey()
	assert.False(t, ok)
	require.NoError(t, r.finish())
}

// TestJSONReaderLongStrings: strings longer than a quarter arena block
// (an HTML message body) are unescaped into their own allocation, with the
// same result as encoding/json, escapes and invalid UTF-8 included, and
// without growing a buffer by doubling.
func TestJSONReaderLongStrings(t *testing.T) {
	for _, body := range []string{
		strings.Repeat(`<p class=\"x\">caf\u00e9 \ud83d\ude00\n</p>`, 2000),
		strings.Repeat("plain text ", 3000),
		strings.Repeat("bad \xff utf-8 ", 3000),
	} {
		in := []byte(`{"body":"` + body + `","next":"a\u0041"}`)
		var want map[string]string
		require.NoError(t, json.Unmarshal(in, &want))
		r := newJSONReader(in, 0)
		got := map[string]string{}
		require.True(t, r.beginObject())
		for key, ok := r.nextKey(); ok; key, ok = r.nextKey() {
			got[string(key)] = r.readString()
		}
		require.NoError(t, r.finish())
		assert.Equal(t, want, got)
	}
	in := []byte(`"` + strings.Repeat(`\"`, 40000) + `"`)
	allocs := testing.AllocsPerRun(10, func() {
		r := newJSONReader(in, 0)
		_ = r.readString()
	})
	assert.LessOrEqual(t, allocs, 3.0, "the reader, and one allocation for the string")
}

// TestNextKeyGuess: a key whose text is exactly the guess is a hit; a key
// that only starts like it, or says it with escapes, is scanned as usual.
func TestNextKeyGuess(t *testing.T) {
	for _, c := range []struct {
		in, want, key string
		hit           bool
	}{
		{`{"displayName":1}`, "displayName", "displayName", true},
		{`{ "displayName" : 1}`, "displayName", "displayName", true},
		{`{"displayNames":1}`, "displayName", "displayNames", false},
		{`{"display":1}`, "displayName", "display", false},
		{`{"dis\u0070layName":1}`, "displayName", "displayName", false},
		{`{"displayName\"":1}`, "displayName", `displayName"`, false},
		{`{"id":1}`, "", "id", false},
	} {
		r := newJSONReader([]byte(c.in), 0)
		require.True(t, r.beginObject())
		key, hit, ok := r.nextKeyGuess(c.want)
		require.True(t, ok, c.in)
		assert.Equal(t, c.key, string(key), c.in)
		assert.Equal(t, c.hit, hit, c.in)
		assert.Equal(t, int64(1), r.readInt(64), c.in)
		_, _, ok = r.nextKeyGuess(c.want)
		assert.False(t, ok, c.in)
		require.NoError(t, r.finish(), c.in)
	}
	r := newJSONReader([]byte(`{"displayName"`), 0)
	require.True(t, r.beginObject())
	_, _, ok := r.nextKeyGuess("displayName")
	assert.False(t, ok)
	assert.Error(t, r.finish(), "a hit still needs its colon")
	assert.True(t, plainName("displayName@odata.type"))
	for _, name := range []string{`a"b`, `a\b`, "a\nb", "café"} {
		assert.False(t, plainName(name), name)
	}
}

// TestScanPlainEveryPosition: scanPlain finds the first stop byte wherever
// it is, in strings of every length around the word size, from every
// start.
func TestScanPlainEveryPosition(t *testing.T) {
	for n := 0; n <= 20; n++ {
		for _, stop := range []byte{'"', '\\', 0x00, 0x1f, 0x80, 0xff} {
			for at := -1; at < n; at++ {
				b := bytes.Repeat([]byte("a"), n)
				if at >= 0 {
					b[at] = stop
				}
				for i := 0; i <= n; i++ {
					want := n
					if at >= i {
						want = at
					}
					require.Equal(t, want, scanPlain(b, i), "len %d, stop %#x at %d, from %d", n, stop, at, i)
					require.Equal(t, want, scanPlain(string(b), i), "len %d, stop %#x at %d, from %d", n, stop, at, i)
				}
			}
		}
	}
}

// TestUnescapeEveryPosition puts each kind of escape, and invalid UTF-8, at
// every position of plain text around the word size, after text already in
// the destination, and compares the result with encoding/json's.
func TestUnescapeEveryPosition(t *testing.T) {
	escapes := []string{`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u00e9`, `\u2013`,
		`\ud83d\ude00`, `\ud83d`, `\ude00x`, "é", "日", "\xff", "\xed\xa0\x80", `\ud83d\u0041`}
	for n := 0; n <= 20; n++ {
		for _, esc := range escapes {
			for at := 0; at <= n; at++ {
				for _, twice := range []bool{false, true} {
					s := strings.Repeat("a", at) + esc + strings.Repeat("b", n-at)
					if twice {
						s += esc + "c"
					}
					var want string
					require.NoError(t, json.Unmarshal([]byte(`"`+s+`"`), &want), s)
					for _, prefix := range []string{"", "xyz"} {
						got := jsonUnescape([]byte(prefix), []byte(s))
						require.Equal(t, prefix+want, string(got), "%q after %q", s, prefix)
					}
				}
			}
		}
	}
}
