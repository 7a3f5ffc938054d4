// The memory layout the shared code relies on, and the accessors that
// read and write through it: every address the decoder, encoder and
// validator compute (a field, a State, Extra, the type tag, an item) comes
// from this file. What stays inline is the cast of a value's address to
// its kind's Go type, once per kind in their kind switches. The layouts are checked
// against reflection on every generated package (TestTableLayouts), and
// the tests run under -race, which enables checkptr.

package support

import "unsafe"

// sliceHeader is the memory layout of every Go slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// iface is the memory layout of every interface value with methods.
type iface struct{ tab, data unsafe.Pointer }

// emptyArray backs empty, non-nil slices built here.
var emptyArray [0]uint64

// setEmptySlice makes the slice at p empty and non-nil ([] decodes so).
func setEmptySlice(p unsafe.Pointer) {
	*(*sliceHeader)(p) = sliceHeader{data: unsafe.Pointer(&emptyArray)}
}

// valueSize is the size of a property's value, which is where the State of
// its Opt lives.
func (f *fieldDesc) valueSize() uintptr {
	if f.flags&fieldArray != 0 {
		return unsafe.Sizeof(sliceHeader{})
	}
	return kindLayout[f.kind].size
}

// arrayView is the slice of an array property, laid out for walking it.
type arrayView struct {
	data         unsafe.Pointer
	len          int
	size, stride uintptr // of an item's value, and between items
	nullable     bool    // items are Opt
}

// arrayItems returns the slice of the array property f at p. Items of
// structs are pointers, nil for a null item, whether or not the schema
// makes them nullable: nullability never changes their Go type.
func arrayItems(p unsafe.Pointer, f *fieldDesc) arrayView {
	s := *(*sliceHeader)(p)
	a := arrayView{data: s.data, len: s.len, size: kindLayout[f.kind].size, nullable: f.optItems()}
	a.stride = a.size
	if a.nullable {
		a.stride = optStride(f.kind, a.size)
	}
	return a
}

// optItems reports whether the items of the array f are Opt: nullable
// items of any kind but structs.
func (f *fieldDesc) optItems() bool {
	return f.flags&fieldNullableItems != 0 && f.kind != kindStruct
}

// quotedItem reports whether the nullable item at item arrived as a string.
func (a arrayView) quotedItem(item unsafe.Pointer) bool {
	return a.nullable && *(*bool)(unsafe.Add(item, a.size+1))
}

// at returns the address of item i's value and whether it holds one: a
// nullable item may be null, and so may an item of structs (nil).
func (a arrayView) at(i int, f *fieldDesc) (unsafe.Pointer, bool) {
	item := unsafe.Add(a.data, uintptr(i)*a.stride)
	if a.nullable {
		return item, *(*State)(unsafe.Add(item, a.size)) == Present
	}
	return item, f.kind != kindStruct || *(*unsafe.Pointer)(item) != nil
}

// optStride is the size of an Opt holding a value of kind k (whose size is
// size): the value, the State and quoted bytes, and padding to the value's
// alignment.
func optStride(k kind, size uintptr) uintptr {
	align := kindLayout[k].align
	return (size + 2 + align - 1) &^ (align - 1)
}

// kindLayout is the size and alignment of each kind's Go type. It has 256
// entries so that indexing it with a kind needs no bounds check.
var kindLayout = [256]struct{ size, align uintptr }{
	kindString:  {unsafe.Sizeof(""), unsafe.Alignof("")},
	kindDecimal: {unsafe.Sizeof(""), unsafe.Alignof("")},
	kindBool:    {1, 1},
	kindInt8:    {1, 1},
	kindInt16:   {2, 2},
	kindInt32:   {4, 4},
	kindInt64:   {8, unsafe.Alignof(int64(0))},
	kindUint8:   {1, 1},
	kindUint16:  {2, 2},
	kindUint32:  {4, 4},
	kindUint64:  {8, unsafe.Alignof(uint64(0))},
	kindFloat32: {4, 4},
	kindFloat64: {8, unsafe.Alignof(float64(0))},
	kindRaw:     {unsafe.Sizeof(sliceHeader{}), unsafe.Alignof(sliceHeader{})},
	kindStruct:  {unsafe.Sizeof(unsafe.Pointer(nil)), unsafe.Alignof(unsafe.Pointer(nil))},
}

// stateAt is the State of the Opt of f at p.
func (f *fieldDesc) stateAt(p unsafe.Pointer) *State {
	return (*State)(unsafe.Add(p, f.valueSize()))
}

// quotedAt is the quoted flag of the Opt of f at p.
func (f *fieldDesc) quotedAt(p unsafe.Pointer) *bool {
	return (*bool)(unsafe.Add(p, f.valueSize()+1))
}

// quotable reports whether values of f may arrive as JSON strings
// (IEEE754Compatible=true): Edm.Int64 and Edm.Decimal.
func (f *fieldDesc) quotable() bool { return f.kind == kindInt64 || f.kind == kindDecimal }

// fieldAt is the address of f's Opt in the struct at p.
func fieldAt(p unsafe.Pointer, f *fieldDesc) unsafe.Pointer { return unsafe.Add(p, f.offset) }

// stateAtOffset is the State at offset off of the struct at p (an
// encodePlan holds the offsets of its fields' States).
func stateAtOffset(p unsafe.Pointer, off uintptr) State { return *(*State)(unsafe.Add(p, off)) }

// stringBefore is the string of the Opt[string] (or string-backed Opt)
// whose State is at offset off of the struct at p.
func stringBefore(p unsafe.Pointer, off uintptr) *string {
	return (*string)(unsafe.Add(p, off-unsafe.Sizeof("")))
}

// discriminatorAt is the root's @odata.type, the Opt[string] at offset
// off of the struct at p.
func discriminatorAt(p unsafe.Pointer, off uintptr) *Opt[string] {
	return (*Opt[string])(unsafe.Add(p, off))
}

// extraAt is the Extra of the struct at p, whose root is root.
func extraAt(p unsafe.Pointer, root *structDesc) *Properties {
	return (*Properties)(unsafe.Add(p, root.extra))
}

// tagAt is the type tag of the struct at p, whose root (with subtypes) is
// root.
func tagAt(p unsafe.Pointer, root *structDesc) *typeTag {
	return (*typeTag)(unsafe.Add(p, root.tag))
}

// itemAt is the address of item i of an array of structs of the given
// size starting at block.
func itemAt(block unsafe.Pointer, i int, size uintptr) unsafe.Pointer {
	return unsafe.Add(block, uintptr(i)*size)
}

// heldAt is the struct a kindStruct value at p points to: a *S, read as
// an address.
func heldAt(p unsafe.Pointer) unsafe.Pointer { return *(*unsafe.Pointer)(p) }

// modelAt is the struct at p, of type d, as a model: d's nil pointer with
// p in its data word, which costs no allocation.
func modelAt(p unsafe.Pointer, d *structDesc) model {
	m := d.zero
	(*iface)(unsafe.Pointer(&m)).data = p
	return m
}

// bytesString is b as a string without a copy; the caller never writes b
// again (decoded strings live in blocks that are only ever appended to).
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
