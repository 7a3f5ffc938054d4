package schema

import (
	"math"
	"regexp"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
)

// numberType describes the Go type of a numeric format and its natural range.
type numberType struct {
	kind     Kind
	name     string
	bits     int
	min, max float64
}

var numberTypes = map[string]numberType{
	"int8":    {KindInt, "int8", 8, math.MinInt8, math.MaxInt8},
	"int16":   {KindInt, "int16", 16, math.MinInt16, math.MaxInt16},
	"int32":   {KindInt, "int32", 32, math.MinInt32, math.MaxInt32},
	"int64":   {KindInt, "int64", 64, math.MinInt64, math.MaxInt64},
	"uint8":   {KindUint, "uint8", 8, 0, math.MaxUint8},
	"float":   {KindFloat, "float32", 32, math.Inf(-1), math.Inf(1)},
	"double":  {KindFloat, "float64", 64, math.Inf(-1), math.Inf(1)},
	"decimal": {KindDecimal, "Decimal", 0, math.Inf(-1), math.Inf(1)},
}

func noRules() Rules { return Rules{MinLength: -1, MaxLength: -1, MinItems: -1, MaxItems: -1} }

// lowerType returns the Go type of a property or item schema, whether it
// admits null, and the validation rules it carries.
func (l *lowerer) lowerType(ref *openapi3.SchemaRef, at Origin) (*Type, bool, Rules) {
	if ref == nil {
		l.p.add(at, "invalid", "a schema must be an object, not null")
		return rawType(), true, noRules()
	}
	if ref.Ref != "" {
		return l.namedType(ref.Ref, at), false, noRules()
	}
	s := ref.Value
	switch {
	case s == nil:
		return rawType(), true, noRules()
	case len(s.AnyOf) > 0:
		return l.anyOfType(s, at)
	case len(s.OneOf) > 0:
		return l.oneOfType(s, at)
	case len(s.AllOf) == 1:
		t, nullable, rules := l.lowerType(s.AllOf[0], Origin{at.File, pointerJoin(at.Pointer, "allOf", "0")})
		return t, nullable || s.Nullable, rules
	}
	t, rules := l.plainType(s, at)
	return t, s.Nullable || t.Kind == KindRaw, rules
}

// namedType is the type of a $ref: a generated enum, struct or interface.
func (l *lowerer) namedType(ref string, at Origin) *Type {
	target := l.resolveRef(ref, at)
	if target == nil {
		return rawType()
	}
	if e := l.enums[target.Name]; e != nil {
		return &Type{Kind: KindEnum, Name: e.Name, Enum: e}
	}
	if sc := l.scalars[target.Name]; sc != nil {
		t, _, _ := l.lowerType(&openapi3.SchemaRef{Value: target.Schema}, target.Origin)
		return t // the underlying type: a scalar schema names no model of its own
	}
	s := l.structs[target.Name]
	if s == nil {
		return rawType()
	}
	return &Type{Kind: KindStruct, Name: s.Name, Struct: s} // with or without subtypes: see Type.Kind
}

// anyOfType handles Graph's nullable reference:
// anyOf: [{$ref: X}, {type: object, nullable: true}].
func (l *lowerer) anyOfType(s *openapi3.Schema, at Origin) (*Type, bool, Rules) {
	var target *openapi3.SchemaRef
	var targetAt Origin
	nullable := s.Nullable
	for i, part := range s.AnyOf {
		switch {
		case part == nil:
			continue
		case part.Ref != "" && target == nil:
			target, targetAt = part, Origin{at.File, pointerJoin(at.Pointer, "anyOf", strconv.Itoa(i))}
		case part.Ref == "" && part.Value != nil && part.Value.Nullable && len(part.Value.Properties) == 0:
			nullable = true
		default:
			l.p.add(Origin{at.File, pointerJoin(at.Pointer, "anyOf")}, "unsupported",
				"anyOf is supported only as [{$ref}, {type: object, nullable: true}]")
			return rawType(), true, noRules()
		}
	}
	if target == nil {
		return rawType(), true, noRules()
	}
	t, _, rules := l.lowerType(target, targetAt)
	return t, nullable, rules
}

// oneOfType handles Graph's ReferenceNumeric union:
// oneOf: [{type: number, format: double}, {type: string}, {$ref: ReferenceNumeric}],
// a float that also reads and writes "INF", "-INF" and "NaN".
func (l *lowerer) oneOfType(s *openapi3.Schema, at Origin) (*Type, bool, Rules) {
	var number *openapi3.Schema
	nullable := s.Nullable
	for _, part := range s.OneOf {
		if part == nil || part.Value == nil {
			continue
		}
		nullable = nullable || part.Value.Nullable
		if part.Value.Type.Is("number") {
			number = part.Value
		}
	}
	if number == nil {
		l.p.add(Origin{at.File, pointerJoin(at.Pointer, "oneOf")}, "unsupported",
			"oneOf is supported only as the number-or-ReferenceNumeric union")
		return rawType(), true, noRules()
	}
	nt, ok := numberTypes[number.Format]
	if !ok || nt.kind != KindFloat {
		nt = numberTypes["double"]
	}
	return &Type{Kind: KindFloat, Name: Ident{Name: nt.name}, Bits: nt.bits}, nullable, noRules()
}

// plainType lowers a schema with a single type keyword.
func (l *lowerer) plainType(s *openapi3.Schema, at Origin) (*Type, Rules) {
	rules := noRules()
	switch {
	case s.Type.Is("string"):
		return l.stringType(s, at, &rules), rules
	case s.Type.Is("integer"), s.Type.Is("number"):
		return numericType(s, &rules), rules
	case s.Type.Is("boolean"):
		return &Type{Kind: KindBool, Name: Ident{Name: "bool"}}, rules
	case s.Type.Is("array"):
		return l.arrayType(s, at, &rules), rules
	case len(s.Properties) > 0:
		l.p.add(at, "unsupported", "inline object schemas with properties are not supported; declare the object under components/schemas")
	}
	return rawType(), rules
}

func (l *lowerer) stringType(s *openapi3.Schema, at Origin, rules *Rules) *Type {
	if s.MinLength > 0 {
		rules.MinLength = int(s.MinLength)
	}
	if s.MaxLength != nil {
		rules.MaxLength = int(*s.MaxLength)
	}
	format := formatNamed(s.Format)
	if s.Pattern != "" && (format == nil || s.Pattern != format.Pattern) {
		rules.Pattern = l.pattern(s.Pattern, Origin{at.File, pointerJoin(at.Pointer, "pattern")})
	}
	if format != nil {
		return &Type{Kind: KindFormatted, Name: Ident{Name: format.GoType}, Format: format}
	}
	return &Type{Kind: KindString, Name: Ident{Name: "string"}}
}

func numericType(s *openapi3.Schema, rules *Rules) *Type {
	nt, ok := numberTypes[s.Format]
	switch {
	case !ok && s.Type.Is("integer"):
		nt = numberTypes["int64"]
	case !ok:
		nt = numberTypes["double"]
	}
	if s.Min != nil && *s.Min > nt.min && nt.kind != KindDecimal {
		rules.Minimum = &Bound{Literal: boundLiteral(*s.Min, nt, math.Ceil)}
	}
	if s.Max != nil && *s.Max < nt.max && nt.kind != KindDecimal {
		rules.Maximum = &Bound{Literal: boundLiteral(*s.Max, nt, math.Floor)}
	}
	t := &Type{Kind: nt.kind, Name: Ident{Name: nt.name}, Bits: nt.bits}
	if nt.kind == KindDecimal {
		t.Format = DecimalFormat
	}
	return t
}

// boundLiteral writes a bound as a Go literal of the field's type; integer
// types round a fractional bound inwards.
func boundLiteral(v float64, nt numberType, round func(float64) float64) string {
	if nt.kind == KindFloat {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(round(v), 'f', 0, 64)
}

func (l *lowerer) arrayType(s *openapi3.Schema, at Origin, rules *Rules) *Type {
	if s.MinItems > 0 {
		rules.MinItems = int(s.MinItems)
	}
	if s.MaxItems != nil {
		rules.MaxItems = int(*s.MaxItems)
	}
	if s.Items == nil {
		return &Type{Kind: KindArray, Elem: rawType(), ElemNullable: true}
	}
	itemsAt := Origin{at.File, pointerJoin(at.Pointer, "items")}
	elem, nullable, itemRules := l.lowerType(s.Items, itemsAt)
	if elem.Kind == KindArray {
		l.p.warn(itemsAt, "nested-array", "arrays of arrays are not generated; the items are kept as raw JSON")
		return &Type{Kind: KindArray, Elem: rawType()}
	}
	if itemRules != noRules() {
		rules.Item = &itemRules
	}
	return &Type{Kind: KindArray, Elem: elem, ElemNullable: nullable && elem.Kind != KindRaw}
}

// pattern returns the shared Pattern for expr; Go's regexp (RE2) must accept it.
func (l *lowerer) pattern(expr string, at Origin) *Pattern {
	if p := l.patterns[expr]; p != nil {
		return p
	}
	if _, err := regexp.Compile(expr); err != nil {
		l.p.add(at, "unsupported", "pattern %q is not supported by Go's regexp: %v", expr, err)
		return nil
	}
	p := &Pattern{Name: "pattern" + strconv.Itoa(len(l.patterns)+1), Expr: expr}
	l.patterns[expr] = p
	return p
}

func rawType() *Type {
	return &Type{Kind: KindRaw, Name: Ident{Name: "RawMessage", ImportPath: "encoding/json"}}
}
