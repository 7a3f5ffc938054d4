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

// newStructs returns the address of the first of n new zero structs of
// d's type, laid out as an array. One struct is newStruct's: MakeSlice
// allocates a slice header besides the array.
func newStructs(d *structDesc, n int) unsafe.Pointer {
	if n == 1 {
		return newStruct(d)
	}
	return reflect.MakeSlice(reflect.SliceOf(d.elemType()), n, n).UnsafePointer()
}

// resetModel sets the struct v points to to its zero value.
func resetModel(v model) {
	reflect.ValueOf(v).Elem().SetZero()
}
