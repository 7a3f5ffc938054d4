package support

import (
	"fmt"
	"unsafe"
)

// A value of a type with subtypes is held where its schema type is
// expected as a pointer to that type: a *Group in an Opt[[]*DirectoryObject]
// is the address of the Group's embedded DirectoryObject, which is the
// Group's own address, since a base is always embedded first. The root of
// the hierarchy has a hidden typeTag that names the concrete type, so that
// the codec and Concrete find the whole value again. Holding every struct by
// a pointer to its declared type is what keeps a property's Go type the same
// when a later schema gives its type a first subtype.

// typeTag is the hidden field of a root with subtypes. It holds the value
// whose root it is, as its concrete type, when that is a subtype; it counts
// only while it points at the value that holds it, so a copy of the base
// part of a subtype (which points elsewhere) is just a value of the base.
// A model, not a bare type, so that reflect.DeepEqual compares two decoded
// values as equal.
type typeTag struct{ m model }

// held returns the concrete type of the struct at p, which is held as a
// d: the type its root's tag names, when the tag is this value's own and
// names a type derived from d, and d otherwise.
func held(p unsafe.Pointer, d *structDesc) *structDesc {
	root := d.root()
	if root.tag == 0 {
		return d
	}
	m := tagAt(p, root).m
	if m == nil {
		return d
	}
	q, c := m.model()
	if q != p || !c.derivesFrom(d) {
		return d
	}
	return c
}

// derivesFrom reports whether d is base or a type derived from it.
func (d *structDesc) derivesFrom(base *structDesc) bool {
	for t := d; t != nil; t = t.base {
		if t == base {
			return true
		}
	}
	return false
}

// setTag records, in the root of the struct at p, that it is a c.
func setTag(p unsafe.Pointer, c *structDesc) {
	if root := c.root(); root.tag != 0 {
		tagAt(p, root).m = modelAt(p, c)
	}
}

// concreteOf is Concrete: v as the type it holds.
func concreteOf(v model) model {
	if v == nil {
		return nil
	}
	p, d := v.model()
	if p == nil {
		return v
	}
	if c := held(p, d); c != d {
		return modelAt(p, c)
	}
	return v
}

// asBase is As: the address of v, tagged as its concrete type, to be held
// as base's type; it panics when v's type does not derive from it.
func asBase(v, base model) unsafe.Pointer {
	if v == nil {
		return nil
	}
	p, d := v.model()
	_, b := base.model()
	if p == nil {
		return nil
	}
	c := held(p, d)
	if !c.derivesFrom(b) {
		panic(fmt.Sprintf("As: %s is not derived from %s", c.name, b.name))
	}
	if c != b {
		setTag(p, c)
	}
	return p
}

// itemBlock hands out new structs of one type from shared blocks, so that
// the values of a type cost a few allocations in a decode instead of one
// each: the items of every array of the type and its values nested on
// their own (the roleDefinitions page has 110 rolePermissions arrays of one
// item each; a users page has a memberOf group after group). A value keeps
// its whole block alive, as a string keeps its arena block.
//
// Blocks grow geometrically from one struct, so that a value on its own
// costs no more than its own allocation, and a block is never larger than
// the values that the rest of the input can still hold at the input read
// per value so far: for the value array of a page, which runs almost to the
// end of the input, the last block is just big enough. (Counting the items
// first read the whole page once more: a tenth of decoding a users page.)
type itemBlock struct {
	block unsafe.Pointer // the current block, of n structs
	used  int            // structs of it handed out
	n     int
	start int // where the first value of the type began in the input
	items int // values handed out in all
}

// itemBlockMax bounds one block, and so the structs allocated but not
// used.
const itemBlockMax = 256

// next returns a new zero struct of type d.
func (b *itemBlock) next(r *jsonReader, d *structDesc) unsafe.Pointer {
	if b.items == 0 {
		b.start = r.pos
	}
	if b.used == b.n {
		b.n = b.nextSize(r, d)
		b.block, b.used = newStructs(d, b.n), 0
	}
	b.used++
	b.items++
	return itemAt(b.block, b.used-1, d.size)
}

// nextSize is the size of the next block of structs of type d: twice the
// last (1 at first), at most itemBlockMax, at most the values the rest of
// the input holds at the input read per value so far, and at most what
// MaxValueBytes leaves (the value being made already counted).
func (b *itemBlock) nextSize(r *jsonReader, d *structDesc) int {
	n := min(max(2*b.n, 1), itemBlockMax)
	if read := r.pos - b.start; b.items > 0 && read > 0 {
		avg := max(read/b.items, 1)
		n = min(n, (len(r.data)-r.pos)/avg+1)
	}
	if r.maxValueBytes > 0 {
		n = min(n, (r.maxValueBytes-r.valueBytes)/max(int(d.size), 1)+1)
	}
	return n
}
