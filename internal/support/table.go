package support

import (
	"regexp"
	"slices"
	"sync/atomic"
	"unsafe"
)

// Generated packages describe each struct with a table (structDesc) that
// the shared decoder, encoder and validator in this package read, the way
// protobuf-go keeps generated code small: per struct there is data, not
// code, apart from a handful of one-line functions. Offsets in the tables
// come from unsafe.Offsetof in the generated code, so the compiler computes
// them; the kind of each field is the generator's promise about its Go type,
// which TestTableLayouts checks with reflection on every generated package
// the tests build.
//
// A table names another struct through a model holding a nil pointer of its
// type ((*User)(nil)), whose model method returns the struct's table: Go
// forbids package-level variables that refer to each other in a cycle, as
// Graph's types do, and this reference is not one. It also lets the linker
// keep only the tables (and types) a program can reach from the types it
// uses: no table lists every type, except the registry, which only New,
// UnmarshalByName and Unmarshal use.

// kind is how one value is held in memory and read from and written to JSON.
type kind uint8

const (
	kindString  kind = iota + 1 // string-backed: string, enum and format types
	kindDecimal                 // Decimal: string-backed, written as a JSON number
	kindBool
	kindInt8
	kindInt16
	kindInt32
	kindInt64
	kindUint8
	kindUint16
	kindUint32
	kindUint64
	kindFloat32
	kindFloat64
	kindRaw    // json.RawMessage
	kindStruct // *S, in a property and in an array; S's subtypes are held as *S too (see held.go)
)

// fieldFlags are facts about a field beyond its kind.
type fieldFlags uint8

const (
	fieldRequired      fieldFlags = 1 << iota // Validate reports it absent
	fieldNotNull                              // Validate reports it null
	fieldDiscriminator                        // the root's @odata.type
	fieldArray                                // an array of kind
	fieldNullableItems                        // an array whose items may be null: Opt items, or nil for structs
)

// format is a text format a string-backed value is checked against.
type format uint8

const (
	formatNone format = iota
	formatDateTime
	formatDate
	formatTimeOfDay
	formatDuration
	formatUUID
	formatBase64URL
	formatDecimal
)

// formatNames are the schema's names of the formats, for messages.
var formatNames = [...]string{
	formatDateTime:  "date-time",
	formatDate:      "date",
	formatTimeOfDay: "time",
	formatDuration:  "duration",
	formatUUID:      "uuid",
	formatBase64URL: "base64url",
	formatDecimal:   "decimal",
}

// fieldDesc describes one property: an Opt[T] at offset in its struct.
// What few fields have (an enum, rules, a dispatch table) is behind more,
// which keeps the table of a wide type small: the full Graph set has about
// 25,000 fields.
type fieldDesc struct {
	name   string // the JSON member name
	offset uintptr
	ref    model      // kindStruct: the struct's nil pointer, whose model method gives its table
	more   *fieldMore // nil for none
	kind   kind       // of the value, or of the items of an array
	flags  fieldFlags
	format format
}

// fieldMore holds the facts of a field that most fields lack.
type fieldMore struct {
	poly  *polyDesc // kindStruct: the dispatch table of a struct with subtypes
	enum  *enumDesc // enum values: the members Validate accepts
	rules *ruleDesc // rules on the value (or the array)
	items *ruleDesc // rules on each array item
}

// polyOf, enumOf, rulesOf and itemsOf return f's facts, nil when f has none.
func (f *fieldDesc) polyOf() *polyDesc {
	if f.more == nil {
		return nil
	}
	return f.more.poly
}

func (f *fieldDesc) enumOf() *enumDesc {
	if f.more == nil {
		return nil
	}
	return f.more.enum
}

func (f *fieldDesc) rulesOf() *ruleDesc {
	if f.more == nil {
		return nil
	}
	return f.more.rules
}

func (f *fieldDesc) itemsOf() *ruleDesc {
	if f.more == nil {
		return nil
	}
	return f.more.items
}

// structDesc describes one generated struct.
type structDesc struct {
	base   *structDesc // the embedded base at offset 0; nil for a root
	fields []fieldDesc // own properties in declaration order
	// extra is the offset of the root's Extra (roots only).
	extra uintptr
	// tag is the offset of the root's typeTag, which a root with subtypes
	// has (see held.go); 0 otherwise (roots only).
	tag uintptr
	// size is the size of the struct, the stride of a slice of it.
	size uintptr
	// name is the schema name, e.g. "microsoft.graph.user".
	name string
	// odataType is the discriminator value of the type ("#microsoft.graph.user"),
	// written for a subtype that is held where its base is expected.
	odataType string
	// zero is a nil *S: its dynamic type is how the shared code allocates
	// values of S (see alloc.go).
	zero model
	// index is the fieldIndex of the fields of d and its bases, built on
	// first use (see lookup).
	index atomic.Pointer[fieldIndex]
	// plan is the encodePlan of d's own fields, built on first use.
	plan atomic.Pointer[encodePlan]
}

// root is the root of d's inheritance chain, which holds Extra.
func (d *structDesc) root() *structDesc {
	for d.base != nil {
		d = d.base
	}
	return d
}

// isType reports whether the @odata.type value t names d itself (with or
// without "#", in any case).
func (d *structDesc) isType(t string) bool {
	return sameTypeKey(t, d.name) || d.odataType != "" && sameTypeKey(t, d.odataType)
}

// encodePlan is what the encoder needs of a struct's own fields, laid out
// for its loop: most properties of a Graph object are absent, so the loop
// mostly reads states.
type encodePlan struct {
	states []uintptr  // offset of each field's State
	keys   []string   // each field's name as JSON, with its colon: "\"displayName\":"
	ops    []encodeOp // how each field is written
}

// encodeOp is how the encoder writes one field of a plan.
type encodeOp uint8

const (
	// opValue: through encodeField.
	opValue encodeOp = iota
	// opString: a string-backed value (not an array): key and string are
	// written with one reservation, the string found from its State's
	// offset.
	opString
	// opSkip: the root's discriminator, which encodeFields writes first.
	opSkip
)

// encodePlan returns d's plan, built once and published like index.
func (d *structDesc) encodePlan() *encodePlan {
	if plan := d.plan.Load(); plan != nil {
		return plan
	}
	n := len(d.fields)
	plan := &encodePlan{states: make([]uintptr, n), keys: make([]string, n), ops: make([]encodeOp, n)}
	// The keys are cut from one string that ends with 7 bytes to spare, so
	// that appendKeyString may copy each in words.
	var text []byte
	ends := make([]int, n+1)
	for i := range d.fields {
		text = append(jsonAppendString(text, d.fields[i].name), ':')
		ends[i+1] = len(text)
	}
	keys := string(append(text, "       "...))
	for i := range d.fields {
		f := &d.fields[i]
		plan.states[i] = f.offset + f.valueSize()
		plan.keys[i] = keys[ends[i]:ends[i+1]]
		switch {
		case f.flags&fieldDiscriminator != 0:
			plan.ops[i] = opSkip
		case f.kind == kindString && f.flags&fieldArray == 0:
			plan.ops[i] = opString
		default:
			plan.ops[i] = opValue
		}
	}
	d.plan.Store(plan)
	return plan
}

// model is what every generated struct pointer has: its address and table.
type model interface {
	model() (unsafe.Pointer, *structDesc)
}

// structOf returns the table of the struct a kindStruct field holds.
func (f *fieldDesc) structOf() *structDesc { return tableOf(f.ref) }

// tableOf returns the table of the struct type whose nil pointer m holds.
func tableOf(m model) *structDesc {
	_, d := m.model()
	return d
}

// polyDesc is the dispatch table of a type with subtypes. Fields typed
// with the type refer to it, not the type's own table, so that a program
// links the subtypes only where it may meet them.
type polyDesc struct {
	base     model    // the base's nil pointer
	name     string   // the base's schema name, for messages
	property string   // the discriminator property, "@odata.type"
	field    uintptr  // offset of the base's discriminator Opt[string]
	keys     []string // dispatch keys (lower-case, without "#"), sorted
	cases    []model  // each key's type, as its nil pointer
}

// lookup returns the type whose discriminator value is t (with or without
// "#", in any case), or nil.
func (p *polyDesc) lookup(t string) *structDesc {
	var buf [128]byte
	return p.find(jsonTypeKey(buf[:0], t))
}

// lookupBytes is lookup for a value still in the input.
func (p *polyDesc) lookupBytes(t []byte) *structDesc {
	var buf [128]byte
	return p.find(jsonTypeKey(buf[:0], t))
}

// find returns the type of a dispatch key, or nil.
func (p *polyDesc) find(key []byte) *structDesc {
	// Written out rather than slices.BinarySearch(p.keys, string(key)):
	// string(key) costs nothing inside a comparison, while passing it to a
	// function copies the key (to the heap when it is over 32 bytes).
	lo, hi := 0, len(p.keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if p.keys[m] < string(key) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(p.keys) && p.keys[lo] == string(key) {
		return tableOf(p.cases[lo])
	}
	return nil
}

// enumDesc lists an enum's members, sorted, for IsKnown and Validate.
type enumDesc struct {
	name    string // the Go type, package-qualified, for messages
	members []string
	flags   bool // a comma-separated set of members
}

// known reports whether v is a member, or for a flags enum a set of them.
func (e *enumDesc) known(v string) bool {
	if e.member(v) {
		return true
	}
	return e.flags && flagsKnown(v, e.member)
}

func (e *enumDesc) member(v string) bool {
	_, ok := slices.BinarySearch(e.members, v)
	return ok
}

// ruleDesc holds a property's explicit schema rules.
type ruleDesc struct {
	min, max           float64
	bounds             rangeBounds
	minLength          int // -1 when open
	maxLength          int
	minItems, maxItems int
	pattern            **regexp.Regexp // nil when none
	patternExpr        string
}

// lookup returns the field named key of d or of its bases, or nil. A
// struct with more than a few fields in all gets an index, built on first
// use and published atomically (two decoders may both build it; either is
// right).
func (d *structDesc) lookup(key []byte) *fieldDesc {
	if d.base == nil && len(d.fields) <= 8 {
		for i := range d.fields {
			if d.fields[i].name == string(key) {
				return &d.fields[i]
			}
		}
		return nil
	}
	x := d.index.Load()
	if x == nil {
		x = d.buildIndex()
	}
	return x.find(key)
}

// fieldIndex is an open-addressing hash table of the fields of a struct
// and its bases. Hashing a few bytes and the length of a member name and
// comparing one or two candidates is cheaper than a map[string] lookup,
// which hashes the whole name; member lookup is a tenth of decoding a
// users page.
type fieldIndex struct {
	slots []*fieldDesc // a power of two of them; nil is empty
}

// fieldHash mixes the length and four bytes of a member name.
func fieldHash[T string | []byte](key T) uint32 {
	n := len(key)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9e3779b1 ^ uint32(key[0])<<24 ^ uint32(key[n-1])<<16 ^ uint32(key[n/2])<<8 ^ uint32(key[n/3])
	h ^= h >> 15
	h *= 0x2c1b3c6d
	return h ^ h>>12
}

// find returns the field named key, or nil.
func (x *fieldIndex) find(key []byte) *fieldDesc {
	mask := uint32(len(x.slots) - 1)
	for i := fieldHash(key) & mask; ; i = (i + 1) & mask {
		f := x.slots[i]
		if f == nil || f.name == string(key) {
			return f
		}
	}
}

// buildIndex builds and publishes d's index; a derived type's own field
// hides a base's of the same name.
func (d *structDesc) buildIndex() *fieldIndex {
	n := 0
	for s := d; s != nil; s = s.base {
		n += len(s.fields)
	}
	size := 1
	for size < 2*n {
		size *= 2
	}
	x := &fieldIndex{slots: make([]*fieldDesc, size)}
	mask := uint32(size - 1)
	for s := d; s != nil; s = s.base {
		for k := range s.fields {
			f := &s.fields[k]
			i := fieldHash(f.name) & mask
			for x.slots[i] != nil && x.slots[i].name != f.name {
				i = (i + 1) & mask
			}
			if x.slots[i] == nil {
				x.slots[i] = f
			}
		}
	}
	d.index.Store(x)
	return x
}
