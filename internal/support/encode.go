package support

import (
	"strconv"
	"sync"
	"unsafe"
)

// encoder is what every encoding function is given besides the output:
// the options of one MarshalWith call.
type encoder struct {
	// ieee754 writes Edm.Int64 and Edm.Decimal values as JSON strings
	// (EncodeOptions.IEEE754Compatible).
	ieee754 bool
}

// encodeStruct appends the struct at p as one JSON object: the members its
// tables declare (a root's discriminator and annotations first, then base
// before derived), then the rest of Extra. A nil p is null. implied is the
// @odata.type to write when the object has none: a subtype's own, when it
// is written where its base is expected.
func encodeStruct(b []byte, e encoder, p unsafe.Pointer, d *structDesc, implied string) []byte {
	if p == nil {
		return appendNull(b)
	}
	b = append(b, '{')
	b, root := encodeFields(b, e, p, d, implied)
	b = appendProperties(b, *extraAt(p, root), false)
	return append(b, '}')
}

// encodeFields appends the declared members of d and its bases and returns
// the root's table.
func encodeFields(b []byte, e encoder, p unsafe.Pointer, d *structDesc, implied string) ([]byte, *structDesc) {
	root := d
	if d.base != nil {
		b, root = encodeFields(b, e, p, d.base, implied)
	} else {
		for i := range d.fields {
			if f := &d.fields[i]; f.flags&fieldDiscriminator != 0 {
				b = appendDiscriminator(b, f.name, discriminatorAt(p, f.offset), implied)
			}
		}
		b = appendProperties(b, *extraAt(p, d), true)
	}
	plan := d.encodePlan()
	for i, off := range plan.states {
		s := stateAtOffset(p, off)
		if s == Absent {
			continue
		}
		switch plan.ops[i] {
		case opSkip:
			continue
		case opString:
			if s == Present {
				b = appendKeyString(b, plan.keys[i], *stringBefore(p, off))
				continue
			}
		}
		f := &d.fields[i]
		b = appendQuotedKey(b, plan.keys[i])
		b = encodeField(b, e, fieldAt(p, f), f, s)
	}
	return b, root
}

// appendDiscriminator appends a root's @odata.type: its value, or, when it
// is absent, the implied one of a subtype written where its base is
// expected, so that Graph can tell the concrete type.
func appendDiscriminator(b []byte, name string, o *Opt[string], implied string) []byte {
	switch {
	case o.State == Absent && implied != "":
		return jsonAppendString(appendKey(b, name), implied)
	case o.State == Null:
		return appendNull(appendKey(b, name))
	case o.State == Present:
		return jsonAppendString(appendKey(b, name), o.Val)
	}
	return b
}

// encodeField appends the value of one property that is null or present.
func encodeField(b []byte, e encoder, p unsafe.Pointer, f *fieldDesc, state State) []byte {
	if state == Null {
		return appendNull(b)
	}
	quoted := f.quotable() && (e.ieee754 || *f.quotedAt(p))
	if f.flags&fieldArray != 0 {
		return encodeArray(b, e, p, f, quoted)
	}
	return encodeValue(b, e, p, f, quoted)
}

// encodeValue appends the value of f's kind at p; quoted writes an
// Edm.Int64 or Edm.Decimal as a JSON string.
func encodeValue(b []byte, e encoder, p unsafe.Pointer, f *fieldDesc, quoted bool) []byte {
	switch f.kind {
	case kindString:
		return jsonAppendString(b, *(*string)(p))
	case kindDecimal:
		return appendNumberText(b, *(*string)(p), quoted)
	case kindBool:
		return strconv.AppendBool(b, *(*bool)(p))
	case kindInt8:
		return strconv.AppendInt(b, int64(*(*int8)(p)), 10)
	case kindInt16:
		return strconv.AppendInt(b, int64(*(*int16)(p)), 10)
	case kindInt32:
		return strconv.AppendInt(b, int64(*(*int32)(p)), 10)
	case kindInt64:
		return appendInt(b, *(*int64)(p), quoted)
	case kindUint8:
		return strconv.AppendUint(b, uint64(*(*uint8)(p)), 10)
	case kindUint16:
		return strconv.AppendUint(b, uint64(*(*uint16)(p)), 10)
	case kindUint32:
		return strconv.AppendUint(b, uint64(*(*uint32)(p)), 10)
	case kindUint64:
		return strconv.AppendUint(b, *(*uint64)(p), 10)
	case kindFloat32:
		return appendFloat(b, float64(*(*float32)(p)), 32)
	case kindFloat64:
		return appendFloat(b, *(*float64)(p), 64)
	case kindRaw:
		return appendRaw(b, *(*[]byte)(p))
	case kindStruct:
		return encodeHeld(b, e, heldAt(p), f.structOf())
	}
	return b
}

// appendRaw appends a raw JSON value, which the caller guarantees valid,
// and null for an empty one (a json.RawMessage set to nil), so that the
// output stays JSON.
func appendRaw(b, raw []byte) []byte {
	if len(raw) == 0 {
		return appendNull(b)
	}
	return append(b, raw...)
}

// encodeHeld appends the struct at p, held as a *d, as its concrete type;
// a subtype without its own @odata.type gets its discriminator value
// written for it. A nil p is null.
func encodeHeld(b []byte, e encoder, p unsafe.Pointer, d *structDesc) []byte {
	if p == nil {
		return appendNull(b)
	}
	if c := held(p, d); c != d {
		return encodeStruct(b, e, p, c, c.odataType)
	}
	return encodeStruct(b, e, p, d, "")
}

// encodeArray appends the slice at p; quoted writes Edm.Int64 and
// Edm.Decimal items as JSON strings (nullable items also when they arrived
// as strings).
func encodeArray(b []byte, e encoder, p unsafe.Pointer, f *fieldDesc, quoted bool) []byte {
	arr := arrayItems(p, f)
	b = append(b, '[')
	for i := 0; i < arr.len; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		item, ok := arr.at(i, f)
		switch {
		case !ok:
			b = appendNull(b)
		case arr.nullable && f.quotable():
			b = encodeValue(b, e, item, f, e.ieee754 || arr.quotedItem(item))
		default:
			b = encodeValue(b, e, item, f, quoted)
		}
	}
	return append(b, ']')
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
func marshalWith(v model, opts EncodeOptions) ([]byte, error) {
	p, d := v.model()
	if p != nil {
		d = held(p, d)
	}
	buf := bufferPool.Get().(*[]byte)
	b := encodeStruct((*buf)[:0], encoder{ieee754: opts.IEEE754Compatible}, p, d, "")
	out := append([]byte(nil), b...)
	if cap(b) <= bufferPoolMax {
		*buf = b
		bufferPool.Put(buf)
	}
	return out, nil
}

// bufferPoolMax is the largest buffer kept for reuse.
const bufferPoolMax = 16 << 20

var bufferPool = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}
