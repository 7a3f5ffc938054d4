package support

// This file is also copied into every generated package the tests build
// (see internal/behaviour and internal/fullset), where registry is the
// package's own, listing every struct: it proves that each table says what the Go types are, which
// the shared codec's unsafe reads and writes rely on.

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestTableLayouts(t *testing.T) {
	for _, e := range registry {
		if err := checkLayout(tableOf(e.zero), e.poly); err != nil {
			t.Errorf("registry %q: %v", e.name, err)
		}
	}
}

// checkLayout compares a table with the struct type it describes; poly is
// the type's dispatch table, nil when it has no subtypes.
func checkLayout(d *structDesc, poly *polyDesc) error {
	t := d.elemType()
	if t.Size() != d.size {
		return fmt.Errorf("%s: size %d, table says %d", t, t.Size(), d.size)
	}
	if d.base != nil {
		if f := t.Field(0); !f.Anonymous || f.Offset != 0 || f.Type != d.base.elemType() {
			return fmt.Errorf("%s: the first field is not the base %s", t, d.base.elemType())
		}
	} else if f, ok := t.FieldByName("Extra"); !ok || f.Offset != d.extra || f.Type != reflect.TypeOf(Properties(nil)) {
		return fmt.Errorf("%s: Extra is not at offset %d", t, d.extra)
	} else if err := checkTagLayout(t, d, poly); err != nil {
		return err
	}
	for i := range d.fields {
		if err := checkFieldLayout(t, &d.fields[i]); err != nil {
			return fmt.Errorf("%s.%s: %v", t, d.fields[i].name, err)
		}
	}
	return nil
}

func checkFieldLayout(t reflect.Type, f *fieldDesc) error {
	var sf *reflect.StructField
	for i := 0; i < t.NumField(); i++ {
		if x := t.Field(i); x.Offset == f.offset && !x.Anonymous {
			sf = &x
		}
	}
	if sf == nil {
		return fmt.Errorf("no field at offset %d", f.offset)
	}
	v, err := optValue(sf.Type)
	if err != nil {
		return err
	}
	if f.flags&fieldArray == 0 {
		return checkValueLayout(v, f)
	}
	if v.Kind() != reflect.Slice {
		return fmt.Errorf("%s is not a slice", v)
	}
	item := v.Elem()
	if f.optItems() {
		if item, err = optValue(item); err != nil {
			return err
		}
	}
	return checkValueLayout(item, f)
}

// optValue is T of Opt[T], checking Opt's layout.
func optValue(t reflect.Type) (reflect.Type, error) {
	if !strings.HasPrefix(t.Name(), "Opt[") || t.NumField() != 3 || t.Field(0).Name != "Val" ||
		t.Field(1).Type != reflect.TypeOf(State(0)) || t.Field(1).Offset != t.Field(0).Type.Size() ||
		t.Field(2).Type.Kind() != reflect.Bool || t.Field(2).Offset != t.Field(1).Offset+1 {
		return nil, fmt.Errorf("%s is not an Opt", t)
	}
	return t.Field(0).Type, nil
}

var kindKinds = map[kind]reflect.Kind{
	kindString: reflect.String, kindDecimal: reflect.String, kindBool: reflect.Bool,
	kindInt8: reflect.Int8, kindInt16: reflect.Int16, kindInt32: reflect.Int32, kindInt64: reflect.Int64,
	kindUint8: reflect.Uint8, kindUint16: reflect.Uint16, kindUint32: reflect.Uint32, kindUint64: reflect.Uint64,
	kindFloat32: reflect.Float32, kindFloat64: reflect.Float64,
	kindRaw: reflect.Slice, kindStruct: reflect.Pointer,
}

// checkTagLayout checks that a root has its typeTag at d.tag exactly when
// the hierarchy has subtypes (a dispatch table naming another type).
func checkTagLayout(t reflect.Type, d *structDesc, poly *polyDesc) error {
	f, ok := t.FieldByName("tag")
	switch {
	case ok && (f.Offset != d.tag || f.Type != reflect.TypeOf(typeTag{})):
		return fmt.Errorf("%s: tag is not a typeTag at offset %d", t, d.tag)
	case !ok && d.tag != 0:
		return fmt.Errorf("%s: no tag, table says offset %d", t, d.tag)
	case ok != (poly != nil):
		return fmt.Errorf("%s: a tag without subtypes, or subtypes without a tag", t)
	}
	return nil
}

// checkValueLayout compares a value's Go type with the field's kind.
func checkValueLayout(v reflect.Type, f *fieldDesc) error {
	if v.Kind() != kindKinds[f.kind] {
		return fmt.Errorf("%s is a %s, table says kind %d", v, v.Kind(), f.kind)
	}
	if (f.enumOf() != nil || f.format != formatNone) && v.Kind() != reflect.String {
		return fmt.Errorf("%s has an enum or format", v)
	}
	switch f.kind {
	case kindRaw:
		if v.Elem().Kind() != reflect.Uint8 {
			return fmt.Errorf("%s is not raw JSON", v)
		}
	case kindStruct:
		if want := f.structOf().elemType(); v.Elem() != want {
			return fmt.Errorf("%s, table says *%s", v, want)
		}
		if f.polyOf() != nil && tableOf(f.polyOf().base) != f.structOf() {
			return fmt.Errorf("the dispatch table is %s's, not %s's", tableOf(f.polyOf().base).name, f.structOf().name)
		}
	}
	return nil
}
