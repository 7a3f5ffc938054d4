package support

import (
	"slices"
	"strings"
	"unsafe"
)

// decodeStruct reads one JSON object into the struct at p described by d,
// in a single pass: each member goes to its field, found by name among d's
// and its bases'; members no table declares go to the root's Extra.
func decodeStruct(r *jsonReader, p unsafe.Pointer, d *structDesc) {
	decodeItem(r, p, d, nil)
}

// decodeItem is decodeStruct for the values below the root, which share
// guesses by type.
func decodeItem(r *jsonReader, p unsafe.Pointer, d *structDesc, guesses *fieldGuesses) {
	if !r.beginObject() {
		return
	}
	for i := 0; ; i++ {
		guess := guesses.at(i)
		want := ""
		if guess != nil {
			want = guess.name
		}
		key, hit, ok := r.nextKeyGuess(want)
		if !ok {
			return
		}
		if !hit {
			guess = guesses.learn(d, i, key)
		}
		decodeMember(r, p, d, key, guess)
	}
}

// fieldGuesses remembers, for the values of one type below the root, the
// field each member position went to in the previous value. Graph writes
// the members of a type in the same order wherever it appears, so a
// member's name is mostly matched against one guess, before its text is
// even scanned (see nextKeyGuess). A nil *fieldGuesses guesses nothing and
// only looks up.
type fieldGuesses []*fieldDesc

// at returns the guess for the i-th member, or nil.
func (g *fieldGuesses) at(i int) *fieldDesc {
	if g == nil || i >= len(*g) {
		return nil
	}
	return (*g)[i]
}

// learn returns the field of d for the i-th member, named key, or nil, and
// makes it the guess for that position when its name is plain.
func (g *fieldGuesses) learn(d *structDesc, i int, key []byte) *fieldDesc {
	f := d.lookup(key)
	if g == nil {
		return f
	}
	guess := f
	if f != nil && !plainName(f.name) {
		guess = nil
	}
	if i < len(*g) {
		(*g)[i] = guess
	} else {
		*g = append(*g, guess)
	}
	return f
}

// valueType is what one decode keeps for each struct type it reads below
// the root: the field guesses its values share and the block they are
// allocated from.
type valueType struct {
	d       *structDesc
	guesses fieldGuesses
	block   itemBlock
}

// valueTypes bounds the struct types one decode keeps; values of further
// types are allocated on their own and guess nothing.
const valueTypes = 32

// valueTypeOf returns the reader's entry for values of type d, shared by
// all of them wherever they are in the input; nil once valueTypes types
// have one.
func (r *jsonReader) valueTypeOf(d *structDesc) *valueType {
	for i := range r.types {
		if r.types[i].d == d {
			return &r.types[i]
		}
	}
	if r.types == nil {
		r.types = make([]valueType, 0, valueTypes)
	}
	if len(r.types) == cap(r.types) {
		return nil
	}
	r.types = append(r.types, valueType{d: d})
	return &r.types[len(r.types)-1]
}

// newValue returns a new zero struct of type d and the guesses for its
// members (nil for none). A value below the root (shared) comes from its
// type's block; the root is allocated on its own and guesses nothing, and
// so is a value over MaxValueBytes, which has failed the reader: nothing
// more is decoded into it.
func (r *jsonReader) newValue(d *structDesc, shared bool) (unsafe.Pointer, *fieldGuesses) {
	var t *valueType
	if r.reserveValue(d) && shared {
		t = r.valueTypeOf(d)
	}
	if t == nil {
		return newStruct(d), nil
	}
	return t.block.next(r, d), &t.guesses
}

// reserveValue counts a new struct of type d against MaxValueBytes, and
// fails the reader when it would go over.
func (r *jsonReader) reserveValue(d *structDesc) bool {
	if r.maxValueBytes <= 0 {
		return true
	}
	if r.valueBytes+int(d.size) > r.maxValueBytes {
		r.failf("the decoded values would take more than %d bytes (DecodeOptions.MaxValueBytes; the default allows %d bytes per input byte)", r.maxValueBytes, DefaultValueBytesPerInputByte)
		return false
	}
	r.valueBytes += int(d.size)
	return true
}

// decodeMember reads the value of the member named key into its field f,
// or into the root's Extra when f is nil.
func decodeMember(r *jsonReader, p unsafe.Pointer, d *structDesc, key []byte, f *fieldDesc) {
	if f != nil {
		decodeField(r, fieldAt(p, f), f)
		return
	}
	extra := extraAt(p, d.root())
	if *extra == nil {
		*extra = make(Properties, 0, 4)
	}
	*extra = append(*extra, Property{Name: r.copyString(key), Value: r.readRaw()})
}

// decodeField reads one property into the Opt at p.
func decodeField(r *jsonReader, p unsafe.Pointer, f *fieldDesc) {
	if r.readNull() {
		*f.stateAt(p) = Null
		return
	}
	var quoted bool
	if f.flags&fieldArray != 0 {
		quoted = decodeArray(r, p, f)
	} else {
		quoted = decodeValue(r, p, f)
	}
	*f.stateAt(p) = Present
	*f.quotedAt(p) = quoted
}

// decodeValue reads one value of f's kind into p. It reports whether the
// value was an Edm.Int64 or Edm.Decimal written as a string.
func decodeValue(r *jsonReader, p unsafe.Pointer, f *fieldDesc) (quoted bool) {
	if f.quotable() && r.peekKind() == '"' {
		return decodeQuoted(r, p, f)
	}
	switch f.kind {
	case kindString:
		*(*string)(p) = r.readString()
	case kindDecimal:
		*(*string)(p) = r.readNumberText()
	case kindBool:
		*(*bool)(p) = r.readBool()
	case kindInt8:
		*(*int8)(p) = int8(readInt(r, 8))
	case kindInt16:
		*(*int16)(p) = int16(readInt(r, 16))
	case kindInt32:
		*(*int32)(p) = int32(readInt(r, 32))
	case kindInt64:
		*(*int64)(p) = readInt(r, 64)
	case kindUint8:
		*(*uint8)(p) = uint8(readUint(r, 8))
	case kindUint16:
		*(*uint16)(p) = uint16(readUint(r, 16))
	case kindUint32:
		*(*uint32)(p) = uint32(readUint(r, 32))
	case kindUint64:
		*(*uint64)(p) = readUint(r, 64)
	case kindFloat32:
		*(*float32)(p) = float32(r.readFloat(32))
	case kindFloat64:
		*(*float64)(p) = r.readFloat(64)
	case kindRaw:
		*(*[]byte)(p) = r.readRaw()
	case kindStruct:
		*(*unsafe.Pointer)(p) = decodeHeld(r, f.structOf(), f.polyOf(), true)
	}
	return false
}

// decodeQuoted reads an Edm.Int64 or Edm.Decimal written as a JSON string
// holding exactly a number ("9007199254740993"), as Graph writes them with
// IEEE754Compatible=true.
func decodeQuoted(r *jsonReader, p unsafe.Pointer, f *fieldDesc) bool {
	start := r.pos
	end, flags, code := scanString(r.data, start)
	if code != scanOK {
		r.failScan(end, code)
		return false
	}
	if flags&strEscape != 0 || end-start < 3 || r.data[start+1] != '-' && !isDigit(r.data[start+1]) {
		r.failAt(start, "expected a number or a string holding only a number")
		return false
	}
	r.pos = start + 1
	if f.kind == kindInt64 {
		*(*int64)(p) = readInt(r, 64)
	} else {
		*(*string)(p) = r.readNumberText()
	}
	if r.err == nil && r.pos != end-1 {
		r.failAt(start, "expected a number or a string holding only a number")
	}
	r.pos = end
	return true
}

// readInt reads an integer that must fit in bits.
func readInt(r *jsonReader, bits int) int64 {
	v := r.readInt(64)
	if bits < 64 && (v < -1<<(bits-1) || v >= 1<<(bits-1)) {
		r.failf("number %d overflows int%d", v, bits)
		return 0
	}
	return v
}

func readUint(r *jsonReader, bits int) uint64 {
	v := r.readUint(64)
	if bits < 64 && v >= 1<<bits {
		r.failf("number %d overflows uint%d", v, bits)
		return 0
	}
	return v
}

// decodeArray reads a JSON array into the slice at p; [] gives an empty,
// non-nil slice. It reports whether an item was a quoted number.
func decodeArray(r *jsonReader, p unsafe.Pointer, f *fieldDesc) bool {
	if !r.beginArray() {
		return false
	}
	setEmptySlice(p)
	if f.kind == kindStruct {
		decodeStructItems(r, (*[]unsafe.Pointer)(p), f.structOf(), f.polyOf())
		return false
	}
	return decodeItems(r, p, f)
}

// decodeStructItems reads the items of an array of structs held as d,
// dispatched with poly (nil when d has no subtypes); a null item is a nil
// pointer. Items come from their type's block (see itemBlock).
func decodeStructItems(r *jsonReader, s *[]unsafe.Pointer, d *structDesc, poly *polyDesc) {
	mark := len(r.ptrs)
	for r.nextItem() {
		var item unsafe.Pointer
		if !r.readNull() {
			item = decodeHeld(r, d, poly, true)
		}
		r.ptrs = append(r.ptrs, item)
	}
	popItems(&r.ptrs, mark, s, &r.ptrChunk)
}

// popItems moves the items an array pushed on one of the reader's stacks
// (everything above mark) into dst, cut from chunk at their number (see
// takeSlice): the items of every array are gathered on a stack the whole
// decode shares, instead of growing each slice by doubling (which, for the
// 1,738 short strings of a roleDefinitions page, was 9% of decoding it).
// Arrays of structs nest, so each takes only the part above its own mark.
func popItems[T any](stack *[]T, mark int, dst *[]T, chunk *[]T) {
	if len(*stack) > mark {
		*dst = takeSlice(chunk, (*stack)[mark:])
	}
	*stack = (*stack)[:mark]
}

// sliceChunkMax bounds, in bytes, the chunks that the short slices of one
// decode are cut from.
const sliceChunkMax = 16 << 10

// takeSlice copies items to the end of the current chunk and returns them
// there, so that the many short arrays of a page (a user's businessPhones,
// a group's proxyAddresses) cost one allocation per chunk instead of one
// each. As with the string arena (copyBytes), the slice's capacity ends
// where its items do, so appending to it copies, and a slice keeps its
// whole chunk alive. Chunks double from 16 items; a slice over a quarter
// of the largest chunk gets its own allocation.
func takeSlice[T any](chunk *[]T, items []T) []T {
	n := len(items)
	most := sliceChunkMax / int(unsafe.Sizeof(items[0]))
	if n > most/4 {
		return append(make([]T, 0, n), items...)
	}
	if cap(*chunk)-len(*chunk) < n {
		*chunk = make([]T, 0, min(max(2*cap(*chunk), 16), most))
	}
	start := len(*chunk)
	*chunk = append(*chunk, items...)
	return (*chunk)[start:len(*chunk):len(*chunk)]
}

// decodeHeld reads one object held as a *d and returns its address: for a
// type with subtypes (poly is its dispatch table), a value of the type its
// discriminator names, tagged as such (see held.go). shared is false for
// the root of a decode, which is allocated on its own (see newValue).
func decodeHeld(r *jsonReader, d *structDesc, poly *polyDesc, shared bool) unsafe.Pointer {
	if poly == nil {
		v, guesses := r.newValue(d, shared)
		decodeItem(r, v, d, guesses)
		return v
	}
	v, c := decodePoly(r, poly, shared)
	if c != d {
		setTag(v, c)
	}
	return v
}

// decodeItems reads the items of an array into a slice whose element (or,
// for nullable items, Opt's value) has the memory layout of the kind's Go
// type. Slices of structs are decodeStructItems'. The
// element types stand for the kinds' Go types by size and pointer layout
// (uint32 for float32, …): the items are only ever written through p.
func decodeItems(r *jsonReader, p unsafe.Pointer, f *fieldDesc) bool {
	switch f.kind {
	case kindBool, kindInt8, kindUint8:
		return appendItems[uint8](r, p, f)
	case kindInt16, kindUint16:
		return appendItems[uint16](r, p, f)
	case kindInt32, kindUint32, kindFloat32:
		return appendItems[uint32](r, p, f)
	case kindInt64, kindUint64, kindFloat64:
		return appendItems[uint64](r, p, f)
	case kindString, kindDecimal:
		if f.flags&fieldNullableItems == 0 {
			return appendStrings(r, (*[]string)(p), f)
		}
		return appendItems[string](r, p, f)
	case kindRaw:
		return appendItems[[]byte](r, p, f)
	}
	return false
}

// appendStrings is appendItems for strings that are not nullable, the
// most common array of Graph objects: its items gather on the reader's
// string stack (see popItems).
func appendStrings(r *jsonReader, s *[]string, f *fieldDesc) (quoted bool) {
	mark := len(r.strs)
	for r.nextItem() {
		var v string
		quoted = decodeValue(r, unsafe.Pointer(&v), f) || quoted
		r.strs = append(r.strs, v)
	}
	popItems(&r.strs, mark, s, &r.strChunk)
	return quoted
}

// appendItems reads items of f's kind into a []T, or a []Opt[T] when they
// are nullable, where T has the size and pointer layout of the kind's Go
// type. It reports whether an item was a quoted number; nullable items
// also keep that each.
func appendItems[T any](r *jsonReader, p unsafe.Pointer, f *fieldDesc) (quoted bool) {
	if f.flags&fieldNullableItems == 0 {
		s := (*[]T)(p)
		for r.nextItem() {
			var v T
			quoted = decodeValue(r, unsafe.Pointer(&v), f) || quoted
			*s = append(*s, v)
		}
		return quoted
	}
	s := (*[]Opt[T])(p)
	for r.nextItem() {
		var v Opt[T]
		if r.readNull() {
			v.State = Null
		} else {
			v.quoted = decodeValue(r, unsafe.Pointer(&v.Val), f)
			v.State = Present
			quoted = quoted || v.quoted
		}
		*s = append(*s, v)
	}
	return quoted
}

// decodePoly reads one object whose static type is a polymorphic base and
// returns its address and concrete type. When the discriminator is the
// first member (as Graph writes it) or absent, the object is read once;
// when a later member names a subtype, the object is read again as that
// subtype.
func decodePoly(r *jsonReader, poly *polyDesc, shared bool) (unsafe.Pointer, *structDesc) {
	start := r.mark()
	if t, ok := r.peekFirstKeyString(poly.property); ok {
		if d := poly.lookupBytes(t); d != nil {
			v, guesses := r.newValue(d, shared)
			decodeItem(r, v, d, guesses)
			return v, d
		}
	}
	base := tableOf(poly.base)
	v, guesses := r.newValue(base, shared)
	decodeItem(r, v, base, guesses)
	if o := discriminatorAt(v, poly.field); o.State == Present && !r.failed() {
		if d := poly.lookup(o.Val); d != nil && d != base {
			r.reset(start)
			v, guesses = r.newValue(d, shared)
			decodeItem(r, v, d, guesses)
			return v, d
		}
	}
	return v, base
}

// DecodeOptions tunes UnmarshalWith. The zero value is what UnmarshalJSON
// uses.
type DecodeOptions struct {
	// MaxDepth bounds the nesting of objects and arrays in the input;
	// deeper input is a *DecodeError. 0 means the default, 10,000.
	MaxDepth int
	// MaxValueBytes bounds the memory of the structs a decode creates, each
	// counted at its Go size (a User is 3,352 bytes); a payload that needs
	// more is a *DecodeError at the value that goes over. 0 means the
	// default, DefaultMaxValueBytes(len(data)); a negative value, no bound.
	// The default lets no input ask for more than 128 bytes of structs per
	// byte (a users page of empty objects, [{},{},…], would need about
	// 1,100), so that a payload from anyone (a change notification posted
	// to a webhook) cannot make a small request cost gigabytes, while every
	// real Graph payload decodes well inside it. Strings and slices take at
	// most a few times the input.
	MaxValueBytes int
}

// The default bound of a decode's structs (DecodeOptions.MaxValueBytes):
// DefaultValueBytesPerInputByte bytes per byte of input, and at least
// DefaultMinValueBytes. Real Graph payloads need at most about 80 bytes
// per byte (a 42-byte user: 3,352 bytes), and 12 for any of more than 2 KB
// (the docs examples and the recorded payloads in graphgen's tests); a
// page of users with $select=id would need about 67 (a 3,352-byte User
// for each item of about 50 bytes).
const (
	DefaultValueBytesPerInputByte = 128
	DefaultMinValueBytes          = 4 << 20
)

// DefaultMaxValueBytes is the bound a decode of n bytes of input has when
// DecodeOptions.MaxValueBytes is 0.
func DefaultMaxValueBytes(n int) int {
	if n > (1<<62)/DefaultValueBytesPerInputByte {
		return 1 << 62
	}
	return max(n*DefaultValueBytesPerInputByte, DefaultMinValueBytes)
}

// UnmarshalWith decodes data into v, a pointer to any generated struct,
// like v.UnmarshalJSON(data) but with opts. JSON null leaves v unchanged,
// as encoding/json does.
func UnmarshalWith(data []byte, v model, opts DecodeOptions) error {
	r := newJSONReader(data, opts.MaxDepth)
	switch {
	case opts.MaxValueBytes > 0:
		r.maxValueBytes = opts.MaxValueBytes
	case opts.MaxValueBytes < 0:
		r.maxValueBytes = 0
	}
	if !r.readNull() {
		p, d := v.model()
		decodeStruct(r, p, d)
	}
	return r.finish()
}

// unmarshalModel is UnmarshalJSON: it replaces v with data decoded.
func unmarshalModel(data []byte, v model) error {
	resetModel(v)
	return UnmarshalWith(data, v, DecodeOptions{})
}

// unmarshalAs is Unmarshal: data decoded as a value held as base's type,
// for a type with subtypes as the type its discriminator names (found in
// the registry); JSON null gives nil.
func unmarshalAs(data []byte, base model) (unsafe.Pointer, error) {
	d := tableOf(base)
	var poly *polyDesc
	if e := registryEntryOf(d.name); e != nil {
		poly = e.poly
	}
	r := newJSONReader(data, 0)
	var v unsafe.Pointer
	if !r.readNull() {
		v = decodeHeld(r, d, poly, false)
	}
	return v, r.finish()
}

// registryEntry is one name of the registry, which New, UnmarshalByName
// and Unmarshal use: a schema name or @odata.type, its type's nil pointer,
// and for a type with subtypes its dispatch table.
type registryEntry struct {
	name string
	zero model
	poly *polyDesc
}

// registryEntryOf returns the registry's entry for the given schema name
// or @odata.type, or nil.
func registryEntryOf(name string) *registryEntry {
	i, ok := slices.BinarySearchFunc(registry, name, func(e registryEntry, name string) int { return strings.Compare(e.name, name) })
	if !ok {
		return nil
	}
	return &registry[i]
}

// newByName is New: a new value of the named type, or nil.
func newByName(name string) model {
	e := registryEntryOf(name)
	if e == nil {
		return nil
	}
	_, m := newModel(tableOf(e.zero))
	return m
}

// unmarshalByName is UnmarshalByName: data decoded as the named type, or
// for a polymorphic base as the type its discriminator names.
func unmarshalByName(name string, data []byte) (model, error) {
	e := registryEntryOf(name)
	switch {
	case e == nil:
		return nil, nil
	case e.poly != nil:
		var m model
		r := newJSONReader(data, 0)
		if !r.readNull() {
			m = modelAt(decodePoly(r, e.poly, false))
		}
		return m, r.finish()
	}
	_, m := newModel(tableOf(e.zero))
	return m, unmarshalModel(data, m)
}
