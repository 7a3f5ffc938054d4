package support

import (
	"encoding/json"
	"strings"
)

// The helpers below are what generated decoders and encoders call for one
// property: they map the three states of an Opt to JSON and back.

// unmarshalWith decodes data as one JSON value with decode, requiring that
// nothing but whitespace follows it.
func unmarshalWith(data []byte, decode func(r *jsonReader)) error {
	r := newJSONReader(data, 0)
	decode(r)
	return r.finish()
}

// marshalWith encodes one value with encode.
func marshalWith(encode func(w *jsonWriter)) ([]byte, error) {
	w := newJSONWriter(make([]byte, 0, 256))
	encode(w)
	return w.bytes(), nil
}

func readOpt[T any](r *jsonReader, o *Opt[T], read func(r *jsonReader) T) {
	if r.readNull() {
		o.SetNull()
		return
	}
	*o = Some(read(r))
}

// readSlice reads a JSON array; [] gives an empty, non-nil slice.
func readSlice[T any](r *jsonReader, read func(r *jsonReader) T) []T {
	if !r.beginArray() {
		return nil
	}
	items := []T{}
	for r.nextItem() {
		items = append(items, read(r))
	}
	return items
}

// readNullable reads an array item that may be null.
func readNullable[T any](read func(r *jsonReader) T) func(r *jsonReader) Opt[T] {
	return func(r *jsonReader) Opt[T] {
		var o Opt[T]
		readOpt(r, &o, read)
		return o
	}
}

func readStringAs[T ~string](r *jsonReader) T { return T(r.readString()) }

func readBoolAs(r *jsonReader) bool { return r.readBool() }

func readIntAs[T ~int8 | ~int16 | ~int32 | ~int64](r *jsonReader) T {
	v := r.readInt(64)
	if int64(T(v)) != v {
		r.failf("number %d overflows %T", v, T(0))
		return 0
	}
	return T(v)
}

func readUintAs[T ~uint8 | ~uint16 | ~uint32 | ~uint64](r *jsonReader) T {
	v := r.readUint(64)
	if uint64(T(v)) != v {
		r.failf("number %d overflows %T", v, T(0))
		return 0
	}
	return T(v)
}

func readFloat32As[T ~float32](r *jsonReader) T { return T(r.readFloat(32)) }

func readFloat64As[T ~float64](r *jsonReader) T { return T(r.readFloat(64)) }

func readDecimalAs(r *jsonReader) Decimal { return Decimal(r.readNumberText()) }

func readRawAs(r *jsonReader) json.RawMessage { return r.readRaw() }

func writeOpt[T any](w *jsonWriter, name string, o Opt[T], write func(w *jsonWriter, v T)) {
	switch o.state {
	case optNull:
		w.key(name)
		w.writeNull()
	case optValue:
		w.key(name)
		write(w, o.value)
	}
}

func writeSlice[T any](w *jsonWriter, items []T, write func(w *jsonWriter, v T)) {
	w.beginArray()
	for _, v := range items {
		write(w, v)
	}
	w.endArray()
}

// writeNullable writes an array item that may be null.
func writeNullable[T any](write func(w *jsonWriter, v T)) func(w *jsonWriter, o Opt[T]) {
	return func(w *jsonWriter, o Opt[T]) {
		if v, ok := o.Lookup(); ok {
			write(w, v)
			return
		}
		w.writeNull()
	}
}

func writeStringAs[T ~string](w *jsonWriter, v T) { w.writeString(string(v)) }

func writeBoolAs(w *jsonWriter, v bool) { w.writeBool(v) }

func writeIntAs[T ~int8 | ~int16 | ~int32 | ~int64](w *jsonWriter, v T) { w.writeInt(int64(v)) }

func writeUintAs[T ~uint8 | ~uint16 | ~uint32 | ~uint64](w *jsonWriter, v T) { w.writeUint(uint64(v)) }

func writeFloat32As[T ~float32](w *jsonWriter, v T) { w.writeFloat(float64(v), 32) }

func writeFloat64As[T ~float64](w *jsonWriter, v T) { w.writeFloat(float64(v), 64) }

func writeDecimalAs(w *jsonWriter, v Decimal) { w.writeNumberText(string(v)) }

func writeRawAs(w *jsonWriter, v json.RawMessage) { w.writeRaw(v) }

// jsonEncoder, jsonDecoder and jsonValidatable are the unexported methods
// every generated struct has.
type jsonEncoder interface{ encodeJSON(w *jsonWriter) }

type jsonDecoder interface{ decodeJSON(r *jsonReader) }

type jsonValidatable interface{ validate(c *validator) }

// readModel reads an object into a new *T.
func readModel[T any, P interface {
	*T
	jsonDecoder
}](r *jsonReader) *T {
	v := new(T)
	P(v).decodeJSON(r)
	return v
}

// readModelValue reads an object into a T, for slices of structs.
func readModelValue[T any, P interface {
	*T
	jsonDecoder
}](r *jsonReader) T {
	var v T
	P(&v).decodeJSON(r)
	return v
}

// writeModel writes a struct pointer or an interface value; nil is null.
func writeModel[T jsonEncoder](w *jsonWriter, v T) {
	if any(v) == nil {
		w.writeNull()
		return
	}
	v.encodeJSON(w)
}

// writeModelRef writes one element of a slice of structs.
func writeModelRef[T any, P interface {
	*T
	jsonEncoder
}](w *jsonWriter, v *T) {
	P(v).encodeJSON(w)
}

// writeSliceRef writes a slice of structs without copying its elements.
func writeSliceRef[T any](w *jsonWriter, items []T, write func(w *jsonWriter, v *T)) {
	w.beginArray()
	for i := range items {
		write(w, &items[i])
	}
	w.endArray()
}

// unmarshalModel decodes data into v; JSON null leaves v unchanged, as
// encoding/json does.
func unmarshalModel(data []byte, v jsonDecoder) error {
	return UnmarshalWith(data, v, DecodeOptions{})
}

// flagsKnown reports whether every flag of a comma-separated flags value is
// known. A value without a comma is a single flag, which known alone decides,
// so flagsKnown reports false for it.
func flagsKnown(v string, known func(flag string) bool) bool {
	if !strings.Contains(v, ",") {
		return false
	}
	for _, flag := range strings.Split(v, ",") {
		if !known(strings.TrimSpace(flag)) {
			return false
		}
	}
	return true
}

// Page is one page of a Graph collection, as GET on a collection returns
// it: every generated collection response (CloudPCCollectionResponse, …) is
// a Page of its item type. Follow NextLink until it is "" to read them all.
type Page[T any] interface {
	Items() []T
	// NextLink is the URL of the next page, "" on the last one.
	NextLink() string
}

// FlagsOf joins flags into one value of a flags enum: FlagsOf(ModeA, ModeB)
// is "modeA,modeB".
func FlagsOf[T ~string](flags ...T) T {
	parts := make([]string, len(flags))
	for i, f := range flags {
		parts[i] = string(f)
	}
	return T(strings.Join(parts, ","))
}

// flagsSplit returns the flags of a comma-separated value, in order.
func flagsSplit[T ~string](v string) []T {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	parts := strings.Split(v, ",")
	out := make([]T, len(parts))
	for i, p := range parts {
		out[i] = T(strings.TrimSpace(p))
	}
	return out
}

// flagsHas reports whether a comma-separated value contains flag.
func flagsHas(v, flag string) bool {
	if strings.TrimSpace(v) == "" {
		return false
	}
	for _, f := range strings.Split(v, ",") {
		if strings.TrimSpace(f) == flag {
			return true
		}
	}
	return false
}

// writeDiscriminator writes a root's @odata.type: its value, or, when it is
// absent and the object is a subtype written where its base is expected,
// the subtype's own value, so that Graph can tell the concrete type.
func writeDiscriminator(w *jsonWriter, name string, o Opt[string]) {
	implied := w.impliedType
	w.impliedType = ""
	if o.state == optAbsent && implied != "" {
		w.key(name)
		w.writeString(implied)
		return
	}
	writeOpt(w, name, o, writeStringAs[string])
}

// jsonTypeKey turns an @odata.type value into the key dispatch tables match:
// without the leading "#", ASCII lower-cased, appended to buf so that a
// caller's stack buffer avoids allocating.
func jsonTypeKey(buf []byte, t string) []byte {
	if len(t) > 0 && t[0] == '#' {
		t = t[1:]
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// DecodeOptions tunes UnmarshalWith. The zero value is what UnmarshalJSON
// uses.
type DecodeOptions struct {
	// MaxDepth bounds the nesting of objects and arrays in the input;
	// deeper input is a *DecodeError. 0 means the default, 10,000.
	MaxDepth int
}

// UnmarshalWith decodes data into v, a pointer to any generated struct,
// like v.UnmarshalJSON(data) but with opts.
func UnmarshalWith(data []byte, v interface{ decodeJSON(r *jsonReader) }, opts DecodeOptions) error {
	r := newJSONReader(data, opts.MaxDepth)
	if !r.readNull() {
		v.decodeJSON(r)
	}
	return r.finish()
}
