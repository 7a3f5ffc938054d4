package support

import (
	"reflect"
	"unsafe"
)

// The shared decoder allocates structs through reflect, from the type of a
// table's zero pointer, so that no generated code is needed per type.

// elemType is the struct type a table describes.
func (d *structDesc) elemType() reflect.Type { return reflect.TypeOf(d.zero).Elem() }

// newStruct returns the address of a new zero struct of d's type.
func newStruct(d *structDesc) unsafe.Pointer {
	return reflect.New(d.elemType()).UnsafePointer()
}

// newModel returns a new zero struct of d's type and its address.
func newModel(d *structDesc) (unsafe.Pointer, model) {
	v := reflect.New(d.elemType())
	return v.UnsafePointer(), v.Interface().(model)
}

// appendStruct appends a zero struct of d's type to the slice at p and
// returns its address. Slices the decoder builds start empty and only grow,
// so the memory past their length is zero.
func appendStruct(p unsafe.Pointer, d *structDesc) unsafe.Pointer {
	h := (*sliceHeader)(p)
	if h.len == h.cap {
		s := reflect.NewAt(reflect.SliceOf(d.elemType()), p).Elem()
		s.Grow(1)
	}
	h.len++
	return unsafe.Add(h.data, uintptr(h.len-1)*d.size)
}

// presize gives the empty slice of d's type at p room for n items, so that
// appending them does not copy the large structs Graph types tend to be.
func presize(p unsafe.Pointer, d *structDesc, n int) {
	s := reflect.NewAt(reflect.SliceOf(d.elemType()), p).Elem()
	s.Set(reflect.MakeSlice(s.Type(), 0, n))
}

// resetModel sets the struct v points to to its zero value.
func resetModel(v model) {
	reflect.ValueOf(v).Elem().SetZero()
}
