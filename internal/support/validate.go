package support

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
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
	// slotKnown and slotBase describe the polymorphic property being
	// validated, for the root's checkDiscriminator; set just before the
	// value is validated, consumed by it.
	slotKnown func(odataType string) bool
	slotBase  string
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

func checkRequired[T any](c *validator, name string, o Opt[T]) {
	if o.IsAbsent() {
		c.reportAt(name, "required", nil, "required property %q is missing", name)
	}
}

func checkNotNull[T any](c *validator, name string, o Opt[T]) {
	if o.IsNull() {
		c.reportAt(name, "nullable", nil, "property %q is not nullable", name)
	}
}

// checkEnumValue reports a value that is not a member of its enum.
func checkEnumValue[T interface {
	~string
	IsKnown() bool
}](c *validator, v T) {
	if !v.IsKnown() {
		c.report("enum", string(v), "%q is not a member of %T", string(v), v)
	}
}

func checkEnum[T interface {
	~string
	IsKnown() bool
}](c *validator, name string, o Opt[T]) {
	if v, ok := o.Lookup(); ok && !v.IsKnown() {
		c.enter(name)
		checkEnumValue(c, v)
		c.leave()
	}
}

// checkFormatValue reports a value whose text breaks its format.
func checkFormatValue[T interface {
	~string
	Valid() bool
}](c *validator, v T, format string) {
	if !v.Valid() {
		c.report("format", string(v), "%q is not a valid %s", string(v), format)
	}
}

func checkFormat[T interface {
	~string
	Valid() bool
}](c *validator, name string, o Opt[T], format string) {
	if v, ok := o.Lookup(); ok && !v.Valid() {
		c.enter(name)
		checkFormatValue(c, v, format)
		c.leave()
	}
}

// checkPatternValue reports a string that does not match expr.
func checkPatternValue[T ~string](c *validator, v T, match func(string) bool, expr string) {
	if !match(string(v)) {
		c.report("pattern", string(v), "%q does not match %s", string(v), expr)
	}
}

func checkPattern[T ~string](c *validator, name string, o Opt[T], match func(string) bool, expr string) {
	if v, ok := o.Lookup(); ok && !match(string(v)) {
		c.enter(name)
		checkPatternValue(c, v, match, expr)
		c.leave()
	}
}

type checkNumber interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64
}

// rangeBounds says which bounds of a range check are set.
type rangeBounds uint8

const (
	hasMinimum rangeBounds = 1 << iota
	hasMaximum
)

// checkRangeValue reports a number outside [min, max]; bounds says which
// of the two are set.
func checkRangeValue[T checkNumber](c *validator, v T, min, max T, bounds rangeBounds) {
	if bounds&hasMinimum != 0 && v < min {
		c.report("minimum", v, "%v is less than the minimum %v", v, min)
	}
	if bounds&hasMaximum != 0 && v > max {
		c.report("maximum", v, "%v is greater than the maximum %v", v, max)
	}
}

func checkRange[T checkNumber](c *validator, name string, o Opt[T], min, max T, bounds rangeBounds) {
	if v, ok := o.Lookup(); ok && (bounds&hasMinimum != 0 && v < min || bounds&hasMaximum != 0 && v > max) {
		c.enter(name)
		checkRangeValue(c, v, min, max, bounds)
		c.leave()
	}
}

// checkLengthValue reports a string whose length in characters is outside
// [min, max]; a negative bound is open.
func checkLengthValue[T ~string](c *validator, v T, min, max int) {
	n := utf8.RuneCountInString(string(v))
	if min >= 0 && n < min {
		c.report("minLength", string(v), "length %d is less than %d", n, min)
	}
	if max >= 0 && n > max {
		c.report("maxLength", string(v), "length %d is greater than %d", n, max)
	}
}

func checkLength[T ~string](c *validator, name string, o Opt[T], min, max int) {
	if v, ok := o.Lookup(); ok {
		c.enter(name)
		checkLengthValue(c, v, min, max)
		c.leave()
	}
}

// checkItemCount reports an array whose length is outside [min, max]; a
// negative bound is open.
func checkItemCount[T any](c *validator, name string, o Opt[[]T], min, max int) {
	v, ok := o.Lookup()
	if !ok {
		return
	}
	if min >= 0 && len(v) < min {
		c.reportAt(name, "minItems", len(v), "%d items is fewer than %d", len(v), min)
	}
	if max >= 0 && len(v) > max {
		c.reportAt(name, "maxItems", len(v), "%d items is more than %d", len(v), max)
	}
}

// checkModel validates a nested struct or polymorphic value.
func checkModel[T jsonValidatable](c *validator, name string, o Opt[T]) {
	if v, ok := o.Lookup(); ok && any(v) != nil {
		c.enter(name)
		v.validate(c)
		c.leave()
	}
}

// checkItems runs check on every item of an array property.
func checkItems[T any](c *validator, name string, o Opt[[]T], check func(c *validator, v *T)) {
	items, ok := o.Lookup()
	if !ok {
		return
	}
	c.enter(name)
	for i := range items {
		c.enterIndex(i)
		check(c, &items[i])
		c.leave()
	}
	c.leave()
}

// checkAny validates a polymorphic property with its interface's checker.
func checkAny[T any](c *validator, name string, o Opt[T], check func(c *validator, v T)) {
	if v, ok := o.Lookup(); ok {
		c.enter(name)
		check(c, v)
		c.leave()
	}
}

// checkDiscriminator reports, for a value held in a polymorphic property,
// an @odata.type that names no generated type derived from the property's
// type: such a value is kept, but only its base properties are checked.
func checkDiscriminator(c *validator, name string, o Opt[string]) {
	known, base := c.slotKnown, c.slotBase
	c.slotKnown = nil
	if t, ok := o.Lookup(); ok && known != nil && !known(t) {
		c.reportAt(name, "discriminator", t, "%q is not a known type derived from %s: its own properties are not checked", t, base)
	}
}
