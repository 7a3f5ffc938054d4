package support

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOptStates(t *testing.T) {
	var absent Opt[string]
	assert.True(t, absent.IsAbsent())
	assert.False(t, absent.IsNull())
	_, ok := absent.Lookup()
	assert.False(t, ok)

	null := Null[string]()
	assert.True(t, null.IsNull())
	assert.False(t, null.IsAbsent())

	v := Some("x")
	got, ok := v.Lookup()
	assert.True(t, ok)
	assert.Equal(t, "x", got)
	assert.Equal(t, "x", v.Get())
	v.SetNull()
	assert.True(t, v.IsNull())
	assert.Equal(t, "", v.Get())
}

func TestOptReadWriteKeepsThreeStates(t *testing.T) {
	for _, in := range []string{`{}`, `{"a":null}`, `{"a":"x"}`} {
		r := newJSONReader([]byte(in), 0)
		var o Opt[string]
		require.True(t, r.beginObject())
		for key, ok := r.nextKey(); ok; key, ok = r.nextKey() {
			require.Equal(t, "a", string(key))
			readOpt(r, &o, readStringAs[string])
		}
		require.NoError(t, r.finish())
		w := newJSONWriter(nil)
		w.beginObject()
		writeOpt(w, "a", o, writeStringAs[string])
		w.endObject()
		assert.Equal(t, in, string(w.bytes()))
	}
}

func TestProperties(t *testing.T) {
	var p Properties
	p.Set("@odata.context", json.RawMessage(`"ctx"`))
	p.Set("x", json.RawMessage(`1`))
	p.Set("@odata.context", json.RawMessage(`"ctx2"`))
	v, ok := p.Get("@odata.context")
	require.True(t, ok)
	assert.Equal(t, `"ctx2"`, string(v))
	assert.Len(t, p, 2, "Set replaces")

	w := newJSONWriter(nil)
	w.beginObject()
	writeProperties(w, p, false)
	writeProperties(w, p, true)
	w.endObject()
	assert.Equal(t, `{"x":1,"@odata.context":"ctx2"}`, string(w.bytes()))

	p.Delete("x")
	_, ok = p.Get("x")
	assert.False(t, ok)
	assert.Len(t, p, 1)
}

func TestValidatorPathsAndErrors(t *testing.T) {
	var c validator
	c.enter("value")
	c.enterIndex(3)
	c.reportAt("a/b~c", "format", "v", "bad %s", "value")
	c.leave()
	c.leave()
	checkRange(&c, "n", Some(int32(5)), 0, 3, hasMinimum|hasMaximum)
	checkLength(&c, "s", Some("abcd"), 5, -1)
	checkItemCount(&c, "items", Some([]int{1, 2}), -1, 1)
	checkRequired(&c, "req", Opt[bool]{})
	checkNotNull(&c, "nn", Null[bool]())

	err := c.result()
	var verrs ValidationErrors
	require.True(t, errors.As(err, &verrs))
	type got struct{ Path, Rule string }
	var list []got
	for _, v := range verrs {
		list = append(list, got{v.Path, v.Rule})
	}
	assert.Equal(t, []got{
		{"/value/3/a~1b~0c", "format"},
		{"/n", "maximum"},
		{"/s", "minLength"},
		{"/items", "maxItems"},
		{"/req", "required"},
		{"/nn", "nullable"},
	}, list)
	var one *ValidationError
	require.True(t, errors.As(err, &one))
	assert.Equal(t, "/value/3/a~1b~0c: bad value", one.Error())
	var empty validator
	assert.NoError(t, empty.result())
}

func TestFlagsKnown(t *testing.T) {
	known := func(f string) bool { return f == "a" || f == "b" }
	assert.True(t, flagsKnown("a,b", known))
	assert.True(t, flagsKnown("a, b", known))
	assert.False(t, flagsKnown("a,c", known))
	assert.False(t, flagsKnown("a", known), "a single flag is decided by the enum's own switch")
}
