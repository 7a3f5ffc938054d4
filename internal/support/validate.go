package support

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// ValidationError is one schema rule that a value breaks.
type ValidationError struct {
	Path    string // JSON Pointer of the value, e.g. "/value/3/lastModifiedDateTime"
	Rule    string // the broken rule: required, nullable, enum, format, pattern, minimum, maximum, minLength, maxLength, minItems, maxItems
	Value   any    // the offending value (nil for required and nullable)
	Message string // what is wrong, e.g. `"2021-13-01T00:00:00Z" is not a valid date-time`
}

// Error returns the path and the message.
func (e *ValidationError) Error() string {
	path := e.Path
	if path == "" {
		path = "/"
	}
	return path + ": " + e.Message
}

// ValidationErrors is every violation found in one Validate call, in the
// order of the value's properties. Use errors.As to get it (or one
// *ValidationError) from the error Validate returns.
type ValidationErrors []*ValidationError

// Error joins every violation with "; ".
func (es ValidationErrors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.As and errors.Is see each violation.
func (es ValidationErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// validator walks a value and collects violations. The current JSON Pointer
// is kept as a stack of segments and only turned into text for a violation.
type validator struct {
	path []validatorSegment
	errs ValidationErrors
	// value is the struct being validated, for its root's discriminator
	// check.
	value valueFrame
}

// valueFrame is the type of the struct being validated and, when it is held
// in a polymorphic property, that property's base.
type valueFrame struct {
	d    *structDesc
	slot *polyDesc // nil outside polymorphic properties
}

type validatorSegment struct {
	name  string
	index int // used when name is not a property: isIndex
	isIdx bool
}

func (c *validator) enter(name string) {
	c.path = append(c.path, validatorSegment{name: name})
}

func (c *validator) enterIndex(i int) {
	c.path = append(c.path, validatorSegment{index: i, isIdx: true})
}

func (c *validator) leave() { c.path = c.path[:len(c.path)-1] }

func (c *validator) pointer() string {
	var b strings.Builder
	for _, s := range c.path {
		b.WriteByte('/')
		if s.isIdx {
			b.WriteString(strconv.Itoa(s.index))
			continue
		}
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(s.name))
	}
	return b.String()
}

// report records a violation at the current path.
func (c *validator) report(rule string, value any, format string, args ...any) {
	c.errs = append(c.errs, &ValidationError{
		Path:    c.pointer(),
		Rule:    rule,
		Value:   value,
		Message: fmt.Sprintf(format, args...),
	})
}

// reportAt records a violation at the named property of the current object.
func (c *validator) reportAt(name, rule string, value any, format string, args ...any) {
	c.enter(name)
	c.report(rule, value, format, args...)
	c.leave()
}

// result returns nil or the collected ValidationErrors.
func (c *validator) result() error {
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// validateModel is Validate: it checks v and every value nested in it.
func validateModel(v model) error {
	var c validator
	if p, d := v.model(); p != nil {
		c.validateStruct(p, held(p, d), nil)
	}
	return c.result()
}

// validateHeld checks the struct at p, held as a *d, as its concrete type;
// poly is d's dispatch table, nil when d has no subtypes.
func (c *validator) validateHeld(p unsafe.Pointer, d *structDesc, poly *polyDesc) {
	if p != nil {
		c.validateStruct(p, held(p, d), poly)
	}
}

// validateStruct checks the struct at p, of type d, held in a property
// whose polymorphic base is slot (nil for none).
func (c *validator) validateStruct(p unsafe.Pointer, d *structDesc, slot *polyDesc) {
	if p == nil {
		return
	}
	outer := c.value
	c.value = valueFrame{d: d, slot: slot}
	c.validateFields(p, d)
	c.value = outer
}

// validateFields checks d's fields of the struct at p: its bases' first,
// then its own, each in declaration order.
func (c *validator) validateFields(p unsafe.Pointer, d *structDesc) {
	if d.base != nil {
		c.validateFields(p, d.base)
	}
	for i := range d.fields {
		c.validateField(fieldAt(p, &d.fields[i]), &d.fields[i])
	}
}

// validateField checks one property: discriminator, required, nullable,
// then its value (or items) and its rules.
func (c *validator) validateField(p unsafe.Pointer, f *fieldDesc) {
	state := *f.stateAt(p)
	if f.flags&fieldDiscriminator != 0 {
		c.checkDiscriminator(f.name, (*Opt[string])(p))
	}
	if f.flags&fieldRequired != 0 && state == Absent {
		c.reportAt(f.name, "required", nil, "required property %q is missing", f.name)
	}
	if f.flags&fieldNotNull != 0 && state == Null {
		c.reportAt(f.name, "nullable", nil, "property %q is not nullable", f.name)
	}
	if state != Present {
		return
	}
	c.enter(f.name)
	if f.flags&fieldArray != 0 {
		c.validateItems(p, f)
		if rules := f.rulesOf(); rules != nil {
			c.checkItemCount(len(*(*[]struct{})(p)), rules)
		}
	} else {
		c.validateValue(p, f)
		if rules := f.rulesOf(); rules != nil {
			c.checkRules(p, f.kind, rules)
		}
	}
	c.leave()
}

// validateValue checks one value of f's kind at p, at the current path.
func (c *validator) validateValue(p unsafe.Pointer, f *fieldDesc) {
	switch f.kind {
	case kindString, kindDecimal:
		v := *(*string)(p)
		if enum := f.enumOf(); enum != nil && !enum.known(v) {
			c.report("enum", v, "%q is not a member of %s", v, enum.name)
		}
		if f.format != formatNone && !formatValid(f.format, v) {
			c.report("format", v, "%q is not a valid %s", v, formatNames[f.format])
		}
	case kindStruct:
		c.validateHeld(heldAt(p), f.structOf(), f.polyOf())
	}
}

// validateItems checks every item of the slice at p.
func (c *validator) validateItems(p unsafe.Pointer, f *fieldDesc) {
	items := f.itemsOf()
	if items == nil && f.enumOf() == nil && f.format == formatNone && f.kind != kindStruct {
		return
	}
	arr := arrayItems(p, f)
	for i := 0; i < arr.len; i++ {
		item, ok := arr.at(i, f)
		if !ok && f.flags&fieldNullableItems != 0 {
			continue
		}
		c.enterIndex(i)
		if !ok {
			c.report("nullable", nil, "items of %q are not nullable", f.name)
		} else {
			c.validateValue(item, f)
		}
		if items != nil {
			c.checkRules(item, f.kind, items)
		}
		c.leave()
	}
}

// formatValid reports whether v is valid text of format.
func formatValid(f format, v string) bool {
	switch f {
	case formatDateTime:
		return DateTime(v).Valid()
	case formatDate:
		return Date(v).Valid()
	case formatTimeOfDay:
		return TimeOfDay(v).Valid()
	case formatDuration:
		return Duration(v).Valid()
	case formatUUID:
		return UUID(v).Valid()
	case formatBase64URL:
		return Base64URL(v).Valid()
	case formatDecimal:
		return Decimal(v).Valid()
	}
	return true
}

// rangeBounds says which bounds of a range check are set.
type rangeBounds uint8

const (
	hasMinimum rangeBounds = 1 << iota
	hasMaximum
)

// checkRules checks explicit rules on the value of kind k at p: range,
// length and pattern.
func (c *validator) checkRules(p unsafe.Pointer, k kind, r *ruleDesc) {
	if r.bounds != 0 {
		if v, n, ok := numberAt(p, k); ok {
			if r.bounds&hasMinimum != 0 && n < r.min {
				c.report("minimum", v, "%v is less than the minimum %v", v, boundOf(k, r.min))
			}
			if r.bounds&hasMaximum != 0 && n > r.max {
				c.report("maximum", v, "%v is greater than the maximum %v", v, boundOf(k, r.max))
			}
		}
	}
	if k != kindString && k != kindDecimal {
		return
	}
	v := *(*string)(p)
	if r.minLength >= 0 || r.maxLength >= 0 {
		n := utf8.RuneCountInString(v)
		if r.minLength >= 0 && n < r.minLength {
			c.report("minLength", v, "length %d is less than %d", n, r.minLength)
		}
		if r.maxLength >= 0 && n > r.maxLength {
			c.report("maxLength", v, "length %d is greater than %d", n, r.maxLength)
		}
	}
	if r.pattern != nil && !(*r.pattern).MatchString(v) {
		c.report("pattern", v, "%q does not match %s", v, r.patternExpr)
	}
}

// checkItemCount reports an array whose length is outside the rules'.
func (c *validator) checkItemCount(n int, r *ruleDesc) {
	if r.minItems >= 0 && n < r.minItems {
		c.report("minItems", n, "%d items is fewer than %d", n, r.minItems)
	}
	if r.maxItems >= 0 && n > r.maxItems {
		c.report("maxItems", n, "%d items is more than %d", n, r.maxItems)
	}
}

// numberAt returns the number of kind k at p as its Go type and as float64.
func numberAt(p unsafe.Pointer, k kind) (any, float64, bool) {
	switch k {
	case kindInt8:
		return *(*int8)(p), float64(*(*int8)(p)), true
	case kindInt16:
		return *(*int16)(p), float64(*(*int16)(p)), true
	case kindInt32:
		return *(*int32)(p), float64(*(*int32)(p)), true
	case kindInt64:
		return *(*int64)(p), float64(*(*int64)(p)), true
	case kindUint8:
		return *(*uint8)(p), float64(*(*uint8)(p)), true
	case kindUint16:
		return *(*uint16)(p), float64(*(*uint16)(p)), true
	case kindUint32:
		return *(*uint32)(p), float64(*(*uint32)(p)), true
	case kindUint64:
		return *(*uint64)(p), float64(*(*uint64)(p)), true
	case kindFloat32:
		return *(*float32)(p), float64(*(*float32)(p)), true
	case kindFloat64:
		return *(*float64)(p), *(*float64)(p), true
	}
	return nil, 0, false
}

// boundOf is a bound as a value of kind k, for messages.
func boundOf(k kind, b float64) any {
	switch k {
	case kindFloat32:
		return float32(b)
	case kindFloat64:
		return b
	case kindUint8, kindUint16, kindUint32, kindUint64:
		return uint64(b)
	}
	return int64(b)
}

// checkDiscriminator reports an @odata.type that does not name the type of
// the value: in a polymorphic property, one that names no generated type
// derived from the property's type (a subtype newer than the schema, kept
// as the base); anywhere, one that names another type (a group where a user
// is expected). Only the properties of the value's Go type are checked.
func (c *validator) checkDiscriminator(name string, o *Opt[string]) {
	d, slot := c.value.d, c.value.slot
	switch {
	case o.State != Present || d.isType(o.Val):
	case slot != nil && slot.lookup(o.Val) == nil:
		c.reportAt(name, "discriminator", o.Val, "%q is not a known type derived from %s: its own properties are not checked", o.Val, slot.name)
	default:
		c.reportAt(name, "discriminator", o.Val, "%q names another type than %s: only the properties of %s are checked", o.Val, d.name, d.name)
	}
}
