// Package rtvalidate validates JSON payloads against lowered schemas at run
// time, without generating code, with the same rules, order and messages as
// the generated Validate methods (shared test vectors keep them in step).
package rtvalidate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/graphgen/graphgen/internal/schema"
	"github.com/graphgen/graphgen/internal/support"
)

// Violation is one broken rule, as a generated ValidationError reports it.
type Violation struct {
	Path    string // JSON Pointer
	Rule    string
	Message string
}

func (v Violation) String() string { return v.Path + ": " + v.Message }

// Validator checks payloads against one package's schemas.
type Validator struct {
	pkgName  string // the generated package's name, which messages about enums show
	byName   map[string]*schema.Struct
	patterns map[string]*regexp.Regexp
	cases    map[*schema.Struct]map[string]*schema.Struct // dispatch tables by Dispatch.Key
}

// New returns a Validator for pkg, whose messages name enum types as the
// generated package pkgName does ("graph.CloudPcProvisioningType").
func New(pkg *schema.Package, pkgName string) *Validator {
	v := &Validator{pkgName: pkgName, byName: map[string]*schema.Struct{}, patterns: map[string]*regexp.Regexp{},
		cases: map[*schema.Struct]map[string]*schema.Struct{}}
	for _, s := range pkg.Structs {
		v.byName[s.SchemaName] = s
		if s.Poly != nil {
			table := make(map[string]*schema.Struct, len(s.Poly.Cases))
			for _, c := range s.Poly.Cases {
				table[c.Key] = c.Struct
			}
			v.cases[s] = table
		}
	}
	for _, p := range pkg.Patterns {
		v.patterns[p.Name] = regexp.MustCompile(p.Expr) // lowering already compiled it
	}
	return v
}

// Validate checks data as the schema named typeName (dispatching on
// @odata.type for a type with subtypes, like UnmarshalByName). A payload
// that the generated decoder would reject is an error.
func (v *Validator) Validate(typeName string, data []byte) ([]Violation, error) {
	s := v.byName[typeName]
	if s == nil {
		return nil, fmt.Errorf("no object schema named %q", typeName)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	w := &walker{v: v}
	obj, err := asObject(doc, "")
	if err != nil {
		return nil, err
	}
	w.object(v.concrete(s, obj), nil, obj, nil)
	return w.out, w.err
}

// walker collects violations; err is the first payload the generated
// decoder would have rejected.
type walker struct {
	v   *Validator
	out []Violation
	err error
}

func (w *walker) report(path []string, rule, format string, args ...any) {
	w.out = append(w.out, Violation{Path: pointer(path), Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func (w *walker) fail(path []string, format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf("%s: %s", pointerOrRoot(pointer(path)), fmt.Sprintf(format, args...))
	}
}

// object checks the base's fields, then each struct's own, like the
// generated validate methods. s is the object's type, slot the base of the
// polymorphic property that holds it (nil for none).
func (w *walker) object(s, slot *schema.Struct, obj map[string]any, path []string) {
	var chain []*schema.Struct
	for t := s; t != nil; t = t.Base {
		chain = append([]*schema.Struct{t}, chain...)
	}
	for _, t := range chain {
		for _, f := range t.Fields {
			if f.Discriminator {
				w.discriminator(s, slot, f, obj, path)
			}
			w.field(f, obj, path)
		}
	}
}

// discriminator reports an @odata.type that does not name s, as the
// generated checkDiscriminator does.
func (w *walker) discriminator(s, slot *schema.Struct, f *schema.Field, obj map[string]any, path []string) {
	name, ok := obj[f.JSONName].(string)
	if !ok || sameType(name, s.SchemaName) || s.ODataType != "" && sameType(name, s.ODataType) {
		return
	}
	at := append(append([]string(nil), path...), f.JSONName)
	if slot != nil && w.v.caseFor(slot, name) == nil {
		w.report(at, "discriminator", "%q is not a known type derived from %s: its own properties are not checked", name, slot.SchemaName)
		return
	}
	w.report(at, "discriminator", "%q names another type than %s: only the properties of %s are checked", name, s.SchemaName, s.SchemaName)
}

// sameType matches @odata.type values the way generated code does: without
// "#", ignoring ASCII case.
func sameType(a, b string) bool {
	return strings.EqualFold(strings.TrimPrefix(a, "#"), strings.TrimPrefix(b, "#"))
}

func (w *walker) field(f *schema.Field, obj map[string]any, path []string) {
	val, present := obj[f.JSONName]
	at := append(append([]string(nil), path...), f.JSONName)
	if f.Required && !present {
		w.report(at, "required", "required property %q is missing", f.JSONName)
	}
	if present && val == nil && !f.Nullable {
		w.report(at, "nullable", "property %q is not nullable", f.JSONName)
	}
	if !present || val == nil {
		return
	}
	w.value(f.Type, val, at, f.Rules)
}

// value checks one present, non-null value: its kind, then its rules.
func (w *walker) value(t *schema.Type, val any, at []string, rules schema.Rules) {
	switch t.Kind {
	case schema.KindString, schema.KindEnum, schema.KindFormatted:
		s, ok := val.(string)
		if !ok {
			w.fail(at, "expected string, found %s", kindOf(val))
			return
		}
		w.text(t, s, at)
		w.stringRules(s, at, rules)
	case schema.KindBool:
		if _, ok := val.(bool); !ok {
			w.fail(at, "expected boolean, found %s", kindOf(val))
		}
	case schema.KindInt, schema.KindUint, schema.KindFloat, schema.KindDecimal:
		w.number(t, val, at, rules)
	case schema.KindStruct:
		w.nested(t, val, at)
	case schema.KindArray:
		w.array(t, val, at, rules)
	}
}

// text checks enum membership and formats.
func (w *walker) text(t *schema.Type, s string, at []string) {
	switch t.Kind {
	case schema.KindEnum:
		if len(t.Enum.Members) > 0 && !isMember(t.Enum, s) {
			w.report(at, "enum", "%q is not a member of %s.%s", s, w.v.pkgName, t.Name.Name)
		}
	case schema.KindFormatted:
		if !formatValid(t.Format.Name, s) {
			w.report(at, "format", "%q is not a valid %s", s, t.Format.Name)
		}
	}
}

func (w *walker) stringRules(s string, at []string, r schema.Rules) {
	n := utf8.RuneCountInString(s)
	if r.MinLength >= 0 && n < r.MinLength {
		w.report(at, "minLength", "length %d is less than %d", n, r.MinLength)
	}
	if r.MaxLength >= 0 && n > r.MaxLength {
		w.report(at, "maxLength", "length %d is greater than %d", n, r.MaxLength)
	}
	if r.Pattern != nil && !w.v.patterns[r.Pattern.Name].MatchString(s) {
		w.report(at, "pattern", "%q does not match %s", s, r.Pattern.Expr)
	}
}

func (w *walker) number(t *schema.Type, val any, at []string, r schema.Rules) {
	if s, isString := val.(string); isString && quotable(t) && isNumberText(s) {
		val = json.Number(s) // IEEE754Compatible=true: "size": "9007199254740993"
	}
	n, ok := val.(json.Number)
	if !ok {
		if s, isString := val.(string); isString && t.Kind == schema.KindFloat && (s == "INF" || s == "-INF" || s == "NaN") {
			return
		}
		w.fail(at, "expected number, found %s", kindOf(val))
		return
	}
	if t.Kind == schema.KindDecimal {
		if !support.Decimal(n).Valid() {
			w.report(at, "format", "%q is not a valid decimal", string(n))
		}
		return
	}
	value, ok := new(big.Rat).SetString(string(n))
	if !ok {
		w.fail(at, "invalid number %s", n)
		return
	}
	if (t.Kind == schema.KindInt || t.Kind == schema.KindUint) && !fitsInteger(t, value) {
		w.fail(at, "number %s does not fit %s", n, t.Name.Name)
		return
	}
	shown := show(t, value)
	if r.Minimum != nil && value.Cmp(rat(r.Minimum.Literal)) < 0 {
		w.report(at, "minimum", "%s is less than the minimum %s", shown, show(t, rat(r.Minimum.Literal)))
	}
	if r.Maximum != nil && value.Cmp(rat(r.Maximum.Literal)) > 0 {
		w.report(at, "maximum", "%s is greater than the maximum %s", shown, show(t, rat(r.Maximum.Literal)))
	}
}

// nested checks an object value, dispatching a polymorphic one on its
// @odata.type and reporting one that names no known derived type.
func (w *walker) nested(t *schema.Type, val any, at []string) {
	obj, err := asObject(val, pointer(at))
	if err != nil {
		w.fail(at, "%v", err)
		return
	}
	if t.Struct.Poly != nil {
		w.object(w.v.concrete(t.Struct, obj), t.Struct, obj, at)
		return
	}
	w.object(t.Struct, nil, obj, at)
}

func (w *walker) array(t *schema.Type, val any, at []string, r schema.Rules) {
	items, ok := val.([]any)
	if !ok {
		w.fail(at, "expected array, found %s", kindOf(val))
		return
	}
	for i, item := range items {
		itemAt := append(append([]string(nil), at...), strconv.Itoa(i))
		if item == nil {
			w.nullItem(t, itemAt)
			continue
		}
		itemRules := schema.Rules{MinLength: -1, MaxLength: -1, MinItems: -1, MaxItems: -1}
		if r.Item != nil {
			itemRules = *r.Item
		}
		w.value(t.Elem, item, itemAt, itemRules)
	}
	if r.MinItems >= 0 && len(items) < r.MinItems {
		w.report(at, "minItems", "%d items is fewer than %d", len(items), r.MinItems)
	}
	if r.MaxItems >= 0 && len(items) > r.MaxItems {
		w.report(at, "maxItems", "%d items is more than %d", len(items), r.MaxItems)
	}
}

// nullItem checks a null item of an array: allowed when the items are
// nullable or raw; an object that is not nullable decodes (as a nil
// pointer) and is reported; any other kind does not decode.
func (w *walker) nullItem(t *schema.Type, at []string) {
	switch {
	case t.ElemNullable || t.Elem.Kind == schema.KindRaw:
	case t.Elem.Kind == schema.KindStruct:
		w.report(at, "nullable", "items of %q are not nullable", at[len(at)-2])
	default:
		w.fail(at, "expected %s, found null", t.Elem.String())
	}
}

// quotable reports whether Graph may write values of t as JSON strings
// (IEEE754Compatible=true): Edm.Int64 and Edm.Decimal.
func quotable(t *schema.Type) bool {
	return t.Kind == schema.KindDecimal || t.Kind == schema.KindInt && t.Bits == 64
}

// isNumberText reports whether s is exactly a JSON number, as the generated
// decoder requires of a quoted one.
func isNumberText(s string) bool {
	return s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') && strings.TrimSpace(s) == s && json.Valid([]byte(s))
}

// concrete is the type an object's @odata.type names among s's subtypes,
// or s itself.
func (v *Validator) concrete(s *schema.Struct, obj map[string]any) *schema.Struct {
	if s.Poly == nil {
		return s
	}
	if name, ok := obj[s.Poly.Property].(string); ok {
		if c := v.caseFor(s, name); c != nil {
			return c
		}
	}
	return s
}

// caseFor looks an @odata.type up in s's dispatch table, matching it the
// way generated code does: without "#", ignoring case.
func (v *Validator) caseFor(s *schema.Struct, odataType string) *schema.Struct {
	return v.cases[s][strings.ToLower(strings.TrimPrefix(odataType, "#"))]
}

// isMember mirrors the generated IsKnown: a member, or for a flags enum a
// comma-separated set of members.
func isMember(e *schema.Enum, s string) bool {
	if hasMember(e, s) {
		return true
	}
	if !e.Flags || !strings.Contains(s, ",") {
		return false
	}
	for _, flag := range strings.Split(s, ",") {
		if !hasMember(e, strings.TrimSpace(flag)) {
			return false
		}
	}
	return true
}

func hasMember(e *schema.Enum, s string) bool {
	for _, m := range e.Members {
		if m.Value == s {
			return true
		}
	}
	return false
}

func formatValid(format, s string) bool {
	switch format {
	case "date-time":
		return support.DateTime(s).Valid()
	case "date":
		return support.Date(s).Valid()
	case "time":
		return support.TimeOfDay(s).Valid()
	case "duration":
		return support.Duration(s).Valid()
	case "uuid":
		return support.UUID(s).Valid()
	case "base64url":
		return support.Base64URL(s).Valid()
	}
	return true
}

func asObject(v any, at string) (map[string]any, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: expected object, found %s", pointerOrRoot(at), kindOf(v))
	}
	return obj, nil
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

// fitsInteger reports whether r is an integer in range for t's Go type.
func fitsInteger(t *schema.Type, r *big.Rat) bool {
	if !r.IsInt() {
		return false
	}
	n := r.Num()
	if t.Kind == schema.KindUint {
		return n.Sign() >= 0 && n.BitLen() <= t.Bits
	}
	limit := new(big.Int).Lsh(big.NewInt(1), uint(t.Bits-1))
	return n.Cmp(new(big.Int).Neg(limit)) >= 0 && n.Cmp(limit) < 0
}

func rat(literal string) *big.Rat {
	r, _ := new(big.Rat).SetString(literal)
	return r
}

// show prints a number the way %v prints the generated field's Go type.
func show(t *schema.Type, r *big.Rat) string {
	f, _ := r.Float64()
	switch t.Kind {
	case schema.KindInt, schema.KindUint:
		return r.FloatString(0)
	}
	if t.Bits == 32 {
		return fmt.Sprint(float32(f))
	}
	return fmt.Sprint(f)
}

func pointer(path []string) string {
	var b strings.Builder
	for _, p := range path {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(p))
	}
	return b.String()
}

func pointerOrRoot(p string) string {
	if p == "" {
		return "/"
	}
	return p
}
