package support

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOptStates(t *testing.T) {
	var absent Opt[string]
	assert.Equal(t, Absent, absent.State)
	v := Some("x")
	assert.Equal(t, Present, v.State)
	assert.Equal(t, "x", v.Val)
	v.State = Null
	assert.Equal(t, Null, v.State)
}

// kinds is a hand-written stand-in for a generated struct: one property of
// every kind, plain and in arrays, nullable items included.
type kinds struct {
	S    Opt[string]
	D    Opt[string] // decimal
	B    Opt[bool]
	I8   Opt[int8]
	I16  Opt[int16]
	I32  Opt[int32]
	I64  Opt[int64]
	U8   Opt[uint8]
	F32  Opt[float32]
	F64  Opt[float64]
	Raw  Opt[json.RawMessage]
	Sub  Opt[*kinds]
	SS   Opt[[]string]
	SO   Opt[[]Opt[string]]
	BO   Opt[[]Opt[bool]]
	I32S Opt[[]int32]
	I64O Opt[[]Opt[int64]]
	Subs Opt[[]*kinds]
	SubO Opt[[]*kinds] // nullable items
	RawS Opt[[]json.RawMessage]

	Extra Properties
}

func (v *kinds) model() (unsafe.Pointer, *structDesc) { return unsafe.Pointer(v), &kindsDesc }

var testPattern = regexp.MustCompile(`^a+$`)

var kindsDesc = structDesc{
	fields: []fieldDesc{
		{name: "s", offset: unsafe.Offsetof(kinds{}.S), kind: kindString, more: &fieldMore{rules: &ruleDesc{minLength: 2, maxLength: -1, minItems: -1, maxItems: -1, pattern: &testPattern, patternExpr: "^a+$"}}},
		{name: "d", offset: unsafe.Offsetof(kinds{}.D), kind: kindDecimal, format: formatDecimal},
		{name: "b", offset: unsafe.Offsetof(kinds{}.B), kind: kindBool, flags: fieldNotNull},
		{name: "i8", offset: unsafe.Offsetof(kinds{}.I8), kind: kindInt8},
		{name: "i16", offset: unsafe.Offsetof(kinds{}.I16), kind: kindInt16},
		{name: "i32", offset: unsafe.Offsetof(kinds{}.I32), kind: kindInt32, more: &fieldMore{rules: &ruleDesc{max: 3, bounds: hasMaximum, minLength: -1, maxLength: -1, minItems: -1, maxItems: -1}}},
		{name: "i64", offset: unsafe.Offsetof(kinds{}.I64), kind: kindInt64},
		{name: "u8", offset: unsafe.Offsetof(kinds{}.U8), kind: kindUint8},
		{name: "f32", offset: unsafe.Offsetof(kinds{}.F32), kind: kindFloat32},
		{name: "f64", offset: unsafe.Offsetof(kinds{}.F64), kind: kindFloat64},
		{name: "raw", offset: unsafe.Offsetof(kinds{}.Raw), kind: kindRaw},
		{name: "sub", offset: unsafe.Offsetof(kinds{}.Sub), kind: kindStruct, ref: (*kinds)(nil)},
		{name: "ss", offset: unsafe.Offsetof(kinds{}.SS), kind: kindString, flags: fieldArray, format: formatDate},
		{name: "so", offset: unsafe.Offsetof(kinds{}.SO), kind: kindString, flags: fieldArray | fieldNullableItems},
		{name: "bo", offset: unsafe.Offsetof(kinds{}.BO), kind: kindBool, flags: fieldArray | fieldNullableItems},
		{name: "i32s", offset: unsafe.Offsetof(kinds{}.I32S), kind: kindInt32, flags: fieldArray, more: &fieldMore{rules: &ruleDesc{minLength: -1, maxLength: -1, minItems: -1, maxItems: 1}}},
		{name: "i64o", offset: unsafe.Offsetof(kinds{}.I64O), kind: kindInt64, flags: fieldArray | fieldNullableItems},
		{name: "subs", offset: unsafe.Offsetof(kinds{}.Subs), kind: kindStruct, ref: (*kinds)(nil), flags: fieldArray},
		{name: "subo", offset: unsafe.Offsetof(kinds{}.SubO), kind: kindStruct, ref: (*kinds)(nil), flags: fieldArray | fieldNullableItems},
		{name: "raws", offset: unsafe.Offsetof(kinds{}.RawS), kind: kindRaw, flags: fieldArray, more: &fieldMore{rules: &ruleDesc{minLength: -1, maxLength: -1, minItems: 3, maxItems: -1}}},
	},
	extra: unsafe.Offsetof(kinds{}.Extra),
	size:  unsafe.Sizeof(kinds{}),
	zero:  (*kinds)(nil),
}

func TestTableCodecRoundTripsEveryKind(t *testing.T) {
	in := `{"x@odata.type":"#a","s":"ab","d":1.50,"b":null,"i8":-128,"i16":300,"i32":7,"i64":-9007199254740993,` +
		`"u8":255,"f32":1.5,"f64":-2.25e-8,"raw":{"a":[1,null]},"sub":{"s":"aa","subs":[{"i8":1}]},` +
		`"ss":["2024-01-02","x"],"so":["a",null],"bo":[null,true],"i32s":[1,2],"i64o":[null,5],` +
		`"subs":[{"s":"a"},{}],"subo":[null,{"b":false}],"raws":[1,"two"],"later":[true]}`
	var v kinds
	require.NoError(t, unmarshalModel([]byte(in), &v))
	assert.Equal(t, Some("ab"), v.S)
	assert.Equal(t, Null, v.B.State)
	assert.Equal(t, int64(-9007199254740993), v.I64.Val)
	assert.Equal(t, []Opt[string]{Some("a"), {State: Null}}, v.SO.Val)
	assert.Equal(t, []Opt[int64]{{State: Null}, Some[int64](5)}, v.I64O.Val)
	require.Len(t, v.Subs.Val, 2)
	assert.Equal(t, Some("a"), v.Subs.Val[0].S)
	assert.Equal(t, Some(int8(1)), v.Sub.Val.Subs.Val[0].I8)
	assert.Nil(t, v.SubO.Val[0])
	assert.Equal(t, Some(false), v.SubO.Val[1].B)

	out, err := marshalModel(&v)
	require.NoError(t, err)
	want := `{"x@odata.type":"#a","s":"ab","d":1.50,"b":null,"i8":-128,"i16":300,"i32":7,"i64":-9007199254740993,` +
		`"u8":255,"f32":1.5,"f64":-2.25e-8,"raw":{"a":[1,null]},"sub":{"s":"aa","subs":[{"i8":1}]},` +
		`"ss":["2024-01-02","x"],"so":["a",null],"bo":[null,true],"i32s":[1,2],"i64o":[null,5],` +
		`"subs":[{"s":"a"},{}],"subo":[null,{"b":false}],"raws":[1,"two"],"later":[true]}`
	assert.JSONEq(t, want, string(out))

	err = validateModel(&v)
	var verrs ValidationErrors
	require.True(t, errors.As(err, &verrs))
	var got []string
	for _, e := range verrs {
		got = append(got, e.Path+" "+e.Rule)
	}
	assert.Equal(t, []string{
		"/s pattern", "/b nullable", "/i32 maximum", "/ss/1 format",
		"/i32s maxItems", "/subs/0/s minLength", "/raws minItems",
	}, got)
}

func TestTableDecodeErrors(t *testing.T) {
	for in, msg := range map[string]string{
		`{"i8":128}`:             "overflows int8",
		`{"u8":-1}`:              "",
		`{"subs":[{"i16":1e9}]}`: "",
		`{"s":1}`:                "expected string",
	} {
		var v kinds
		err := unmarshalModel([]byte(in), &v)
		require.Error(t, err, in)
		assert.Contains(t, err.Error(), msg, in)
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

	b := appendProperties([]byte("{"), p, false)
	b = append(appendProperties(b, p, true), '}')
	assert.Equal(t, `{"x":1,"@odata.context":"ctx2"}`, string(b))
	empty := Properties{{Name: "y"}}
	assert.Equal(t, `{"y":null}`, string(append(appendProperties([]byte("{"), empty, false), '}')), "an empty value is null")

	p.Delete("x")
	_, ok = p.Get("x")
	assert.False(t, ok)
	assert.Len(t, p, 1)
}

func TestValidatorPaths(t *testing.T) {
	var c validator
	c.enter("value")
	c.enterIndex(3)
	c.reportAt("a/b~c", "format", "v", "bad %s", "value")
	c.leave()
	c.leave()
	err := c.result()
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
	e := enumDesc{members: []string{"a", "b"}, flags: true}
	assert.True(t, e.known("b"))
	assert.True(t, e.known("a,b"))
	assert.False(t, e.known("B"))
}

func TestCheckLayoutFindsWrongTables(t *testing.T) {
	require.NoError(t, checkLayout(&kindsDesc, nil))
	for i := range kindsDesc.fields {
		bad := cloneDesc(&kindsDesc)
		bad.fields[i].kind = (bad.fields[i].kind+1)%kindStruct + 1
		assert.Error(t, checkLayout(bad, nil), "field %s", bad.fields[i].name)
	}
	bad := cloneDesc(&kindsDesc)
	bad.size--
	assert.Error(t, checkLayout(bad, nil))
}

// cloneDesc is a copy of d's description with its own fields, without the
// lazily built index and plan (which a table must not share).
func cloneDesc(d *structDesc) *structDesc {
	return &structDesc{base: d.base, fields: slices.Clone(d.fields), extra: d.extra, tag: d.tag, size: d.size, name: d.name, odataType: d.odataType, zero: d.zero}
}

func TestLookupFindsEveryFieldOnce(t *testing.T) {
	base := &structDesc{}
	for i := range 40 {
		base.fields = append(base.fields, fieldDesc{name: fmt.Sprintf("baseProp%d", i)})
	}
	base.fields = append(base.fields, fieldDesc{name: "shared"}, fieldDesc{name: ""}, fieldDesc{name: "x"})
	derived := &structDesc{base: base, fields: []fieldDesc{{name: "shared"}, {name: "ownProp"}}}
	for i := range base.fields {
		f := &base.fields[i]
		if f.name == "shared" {
			continue
		}
		assert.Same(t, f, derived.lookup([]byte(f.name)), f.name)
		assert.Same(t, f, base.lookup([]byte(f.name)), f.name)
	}
	assert.Same(t, &derived.fields[0], derived.lookup([]byte("shared")), "a derived field hides its base's")
	assert.Same(t, &derived.fields[1], derived.lookup([]byte("ownProp")))
	for _, name := range []string{"ownprop", "baseProp40", "baseProp", "y", "sharedd"} {
		assert.Nil(t, derived.lookup([]byte(name)), name)
	}
	assert.Nil(t, base.lookup([]byte("ownProp")))
}

// TestItemBlocksFitThePage: the items of a page's value array, which runs
// to the end of the input, come from geometrically growing blocks whose
// last one the rest of the input bounds, so that few go unused; an array
// followed by much more input grows only geometrically.
func TestItemBlocksFitThePage(t *testing.T) {
	item := `{"s":"a value of some length","i32":1}`
	for _, n := range []int{1, 3, 4, 5, 31, 100, 1000} {
		items := make([]string, n)
		for i := range items {
			items[i] = item
		}
		in := []byte(`{"value":[` + strings.Join(items, ",") + `],"@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=X"}`)
		slots := blockSlots(t, in, len(`{"value":[`), len(item)+1, n)
		assert.GreaterOrEqual(t, slots, n)
		assert.LessOrEqual(t, slots, n+3, "%d items: blocks of %d items in all", n, slots)
	}
	in := []byte(`[` + strings.Repeat(item+",", 9) + item + `]` + strings.Repeat(" ", 1<<20))
	assert.Equal(t, 1+2+4+8, blockSlots(t, in, 1, len(item)+1, 10), "geometric growth when much input follows")
}

// TestItemBlocksAcrossArrays: the values of one type share their blocks
// across arrays and nesting, so that a hundred arrays of one item each (a
// roleDefinitions page's rolePermissions) do not cost a hundred blocks.
func TestItemBlocksAcrossArrays(t *testing.T) {
	in := []byte(`{"subs":[` + strings.Repeat(`{"subs":[{"s":"x"}]},`, 99) + `{"subs":[{"s":"x"}]}]}`)
	var v kinds
	allocs := testing.AllocsPerRun(10, func() {
		v = kinds{}
		require.NoError(t, UnmarshalWith(in, &v, DecodeOptions{}))
	})
	require.Len(t, v.Subs.Val, 100)
	assert.Equal(t, Some("x"), v.Subs.Val[99].Subs.Val[0].S)
	// The reader, its stacks, the chunks the 101 slices are cut from and
	// the blocks: 30 here. A block and a slice of its own for each array
	// was 323 (58255ea).
	assert.Less(t, allocs, 60.0, "allocations")
}

// blockSlots hands out n items of an array whose items begin at start and
// are stride bytes apart, as the decoder does, and returns how many
// items the blocks held in all.
func blockSlots(t *testing.T, in []byte, start, stride, n int) int {
	r := newJSONReader(in, 0)
	var b itemBlock
	slots := 0
	for i := range n {
		r.pos = start + i*stride
		before := b.block
		require.NotNil(t, b.next(r, &kindsDesc))
		if b.block != before {
			slots += b.n
		}
	}
	return slots
}

// TestItemsWithGuesses: the items of an array decode the same whether
// their members come in the order guessed, in another order, with an
// escaped name or with an unknown member in between.
func TestItemsWithGuesses(t *testing.T) {
	in := `{"subs":[{"s":"aa","i8":1},{"s":"ab","i8":2},{"i8":3,"\u0073":"ac"},{"s":"ad","x":0,"i8":4},{"s":"ae","i8":5}]}`
	var v kinds
	require.NoError(t, UnmarshalWith([]byte(in), &v, DecodeOptions{}))
	require.Len(t, v.Subs.Val, 5)
	for i, want := range []string{"aa", "ab", "ac", "ad", "ae"} {
		item := v.Subs.Val[i]
		assert.Equal(t, Some(want), item.S, i)
		assert.Equal(t, Some(int8(i+1)), item.I8, i)
	}
	assert.Equal(t, Properties{{Name: "x", Value: json.RawMessage("0")}}, v.Subs.Val[3].Extra)
}

// TestNestedArraysGatherOnStacks: arrays of structs nested in arrays of
// structs, and arrays of strings inside them, each get exactly their own
// items, in slices allocated at their length.
func TestNestedArraysGatherOnStacks(t *testing.T) {
	in := `{"subs":[{"ss":["a","b"],"subs":[{"ss":["c"]},{"ss":[]},null]},{"ss":["d","e","f"]}],"ss":["g"]}`
	var v kinds
	require.NoError(t, UnmarshalWith([]byte(in), &v, DecodeOptions{}))
	assert.Equal(t, []string{"g"}, v.SS.Val)
	require.Len(t, v.Subs.Val, 2)
	outer := v.Subs.Val[0]
	assert.Equal(t, []string{"a", "b"}, outer.SS.Val)
	require.Len(t, outer.Subs.Val, 3)
	assert.Equal(t, []string{"c"}, outer.Subs.Val[0].SS.Val)
	assert.Equal(t, []string{}, outer.Subs.Val[1].SS.Val, "[] is empty, not nil")
	assert.Nil(t, outer.Subs.Val[2])
	assert.Equal(t, []string{"d", "e", "f"}, v.Subs.Val[1].SS.Val)
	assert.Equal(t, len(v.Subs.Val), cap(v.Subs.Val))
	assert.Equal(t, len(outer.SS.Val), cap(outer.SS.Val))
}

// TestSlicesShareChunks: the short slices of a decode are cut one after
// the other from shared chunks, each with its capacity at its length, so
// that appending to one copies it and leaves the next as it was; a long
// one has its own allocation.
func TestSlicesShareChunks(t *testing.T) {
	long := `"x"` + strings.Repeat(`,"x"`, sliceChunkMax/16)
	in := `{"subs":[{"ss":["a","b"]},{"ss":["c"]},{"ss":[` + long + `]}]}`
	var v kinds
	require.NoError(t, UnmarshalWith([]byte(in), &v, DecodeOptions{}))
	first, second, third := v.Subs.Val[0].SS.Val, v.Subs.Val[1].SS.Val, v.Subs.Val[2].SS.Val
	require.Equal(t, []string{"a", "b"}, first)
	require.Equal(t, []string{"c"}, second)
	assert.Equal(t, len(first), cap(first))
	assert.Equal(t, unsafe.Pointer(unsafe.SliceData(second)), unsafe.Add(unsafe.Pointer(unsafe.SliceData(first)), 2*unsafe.Sizeof("")), "one chunk")
	grown := append(first, "z")
	assert.Equal(t, []string{"a", "b", "z"}, grown)
	assert.Equal(t, []string{"c"}, second, "appending copied")
	assert.Len(t, third, sliceChunkMax/16+1)
	assert.Equal(t, len(third), cap(third))
	assert.Len(t, v.Subs.Val, 3)
	assert.Equal(t, 3, cap(v.Subs.Val))
}

// TestMaxValueBytes: a payload whose structs would take more than
// MaxValueBytes fails at the value that goes over, having allocated about
// the bound and no more; by default the bound is DefaultMaxValueBytes of
// the input, and a negative MaxValueBytes lifts it.
func TestMaxValueBytes(t *testing.T) {
	size := int(kindsDesc.size)
	items := 2*DefaultMinValueBytes/size + 1 // more than the default's floor can hold
	in := []byte(`{"subs":[` + strings.Repeat(`{},`, items-1) + `{}]}`)
	require.Greater(t, items*size, DefaultMaxValueBytes(len(in)), "the payload needs more than the default bound")
	var v kinds
	err := UnmarshalWith(in, &v, DecodeOptions{})
	var de *DecodeError
	require.ErrorAs(t, err, &de, "the default bound")
	assert.Error(t, unmarshalModel(in, &v), "UnmarshalJSON has the default bound")
	require.NoError(t, UnmarshalWith(in, &v, DecodeOptions{MaxValueBytes: -1}), "no bound")
	require.Len(t, v.Subs.Val, items)

	limit := 100 * size
	var stats [2]runtime.MemStats
	runtime.ReadMemStats(&stats[0])
	v = kinds{}
	err = UnmarshalWith(in, &v, DecodeOptions{MaxValueBytes: limit})
	runtime.ReadMemStats(&stats[1])
	require.ErrorAs(t, err, &de)
	assert.Contains(t, de.Error(), "MaxValueBytes")
	assert.Equal(t, "/subs/100", de.Pointer, "the first value over the bound")
	allocated := int(stats[1].TotalAlloc - stats[0].TotalAlloc)
	assert.Less(t, allocated, 2*limit+64<<10, "allocated about the bound")

	two := []byte(`{"subs":[{},{}]}`)
	require.NoError(t, UnmarshalWith(two, &v, DecodeOptions{MaxValueBytes: 2 * size}), "exactly at the bound")
	require.Error(t, UnmarshalWith(two, &v, DecodeOptions{MaxValueBytes: 2*size - 1}), "one byte under")
}
