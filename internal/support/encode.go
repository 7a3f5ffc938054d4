package support

import (
	"sync"
	"unsafe"
)

// encodeStruct writes the struct at p as one JSON object: the members its
// tables declare (a root's discriminator and annotations first, then base
// before derived), then the rest of Extra. A nil p is null.
func encodeStruct(w *jsonWriter, p unsafe.Pointer, d *structDesc) {
	if p == nil {
		w.writeNull()
		return
	}
	w.beginObject()
	root := encodeFields(w, p, d)
	writeProperties(w, *(*Properties)(unsafe.Add(p, root.extra)), false)
	w.endObject()
}

// encodeFields writes the declared members of d and its bases and returns
// the root's table.
func encodeFields(w *jsonWriter, p unsafe.Pointer, d *structDesc) *structDesc {
	root := d
	if d.base != nil {
		root = encodeFields(w, p, d.base)
	} else {
		for i := range d.fields {
			if f := &d.fields[i]; f.flags&fieldDiscriminator != 0 {
				writeDiscriminator(w, f.name, (*Opt[string])(unsafe.Add(p, f.offset)))
			}
		}
		writeProperties(w, *(*Properties)(unsafe.Add(p, d.extra)), true)
	}
	plan := d.encodePlan()
	for i, state := range plan.states {
		if *(*State)(unsafe.Add(p, state)) == Absent {
			continue
		}
		if f := &d.fields[i]; f.flags&fieldDiscriminator == 0 {
			encodeField(w, unsafe.Add(p, f.offset), f, plan.keys[i], *(*State)(unsafe.Add(p, state)))
		}
	}
	return root
}

// writeDiscriminator writes a root's @odata.type: its value, or, when it is
// absent and the object is a subtype written where its base is expected,
// the subtype's own value, so that Graph can tell the concrete type.
func writeDiscriminator(w *jsonWriter, name string, o *Opt[string]) {
	implied := w.impliedType
	w.impliedType = ""
	switch {
	case o.State == Absent && implied != "":
		w.key(name)
		w.writeString(implied)
	case o.State == Null:
		w.key(name)
		w.writeNull()
	case o.State == Present:
		w.key(name)
		w.writeString(o.Val)
	}
}

// encodeField writes one property in the given state, unless it is absent;
// key is its quoted name.
func encodeField(w *jsonWriter, p unsafe.Pointer, f *fieldDesc, key string, state State) {
	switch state {
	case Null:
		w.quotedKey(key)
		w.writeNull()
	case Present:
		w.quotedKey(key)
		quoted := f.quotable() && (w.ieee754 || *f.quotedAt(p))
		if f.flags&fieldArray != 0 {
			encodeArray(w, p, f, quoted)
		} else {
			encodeValue(w, p, f, quoted)
		}
	}
}

// encodeValue writes the value of f's kind at p; quoted writes an Edm.Int64
// or Edm.Decimal as a JSON string.
func encodeValue(w *jsonWriter, p unsafe.Pointer, f *fieldDesc, quoted bool) {
	switch f.kind {
	case kindString:
		w.writeString(*(*string)(p))
	case kindDecimal:
		w.writeNumberText(*(*string)(p), quoted)
	case kindBool:
		w.writeBool(*(*bool)(p))
	case kindInt8:
		w.writeInt(int64(*(*int8)(p)), false)
	case kindInt16:
		w.writeInt(int64(*(*int16)(p)), false)
	case kindInt32:
		w.writeInt(int64(*(*int32)(p)), false)
	case kindInt64:
		w.writeInt(*(*int64)(p), quoted)
	case kindUint8:
		w.writeUint(uint64(*(*uint8)(p)))
	case kindUint16:
		w.writeUint(uint64(*(*uint16)(p)))
	case kindUint32:
		w.writeUint(uint64(*(*uint32)(p)))
	case kindUint64:
		w.writeUint(*(*uint64)(p))
	case kindFloat32:
		w.writeFloat(float64(*(*float32)(p)), 32)
	case kindFloat64:
		w.writeFloat(*(*float64)(p), 64)
	case kindRaw:
		w.writeRaw(*(*[]byte)(p))
	case kindStruct:
		encodeHeld(w, *(*unsafe.Pointer)(p), f.structOf())
	}
}

// encodeHeld writes the struct at p, held as a *d, as its concrete type;
// a subtype without its own @odata.type gets its discriminator value
// written for it. A nil p is null.
func encodeHeld(w *jsonWriter, p unsafe.Pointer, d *structDesc) {
	if p == nil {
		w.writeNull()
		return
	}
	if c := held(p, d); c != d {
		w.impliedType = c.odataType
		d = c
	}
	encodeStruct(w, p, d)
	w.impliedType = ""
}

// encodeArray writes the slice at p; quoted writes Edm.Int64 and
// Edm.Decimal items as JSON strings (nullable items also when they arrived
// as strings).
func encodeArray(w *jsonWriter, p unsafe.Pointer, f *fieldDesc, quoted bool) {
	arr := arrayItems(p, f)
	w.beginArray()
	for i := 0; i < arr.len; i++ {
		item, ok := arr.at(i, f)
		switch {
		case !ok:
			w.writeNull()
		case arr.nullable && f.quotable():
			encodeValue(w, item, f, w.ieee754 || arr.quotedItem(item))
		default:
			encodeValue(w, item, f, quoted)
		}
	}
	w.endArray()
}

// EncodeOptions tunes MarshalWith. The zero value is what MarshalJSON uses.
type EncodeOptions struct {
	// IEEE754Compatible writes every Edm.Int64 and Edm.Decimal value as a
	// JSON string ("size": "9007199254740993"), as Graph expects in a
	// request whose Content-Type has IEEE754Compatible=true. Without it,
	// values that arrived as strings are written as strings, the others
	// as numbers.
	IEEE754Compatible bool
}

// MarshalWith encodes v, a pointer to any generated struct, like
// v.MarshalJSON() but with opts.
func MarshalWith(v model, opts EncodeOptions) ([]byte, error) {
	return marshalWith(v, opts)
}

// marshalModel is MarshalJSON: it writes v; a nil pointer is null.
func marshalModel(v model) ([]byte, error) {
	return marshalWith(v, EncodeOptions{})
}

// marshalWith writes v into a pooled buffer and returns a copy, so that a
// large value costs one allocation instead of a series of buffer growths.
// The writer itself lives on the stack: appending through a heap-allocated
// writer costs a GC write barrier per append while a collection runs.
func marshalWith(v model, opts EncodeOptions) ([]byte, error) {
	p, d := v.model()
	if p != nil {
		d = held(p, d)
	}
	buf := bufferPool.Get().(*[]byte)
	w := jsonWriter{buf: (*buf)[:0], ieee754: opts.IEEE754Compatible}
	encodeStruct(&w, p, d)
	out := append([]byte(nil), w.buf...)
	if cap(w.buf) <= bufferPoolMax {
		*buf = w.buf
		bufferPool.Put(buf)
	}
	return out, nil
}

// bufferPoolMax is the largest buffer kept for reuse.
const bufferPoolMax = 16 << 20

var bufferPool = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}
