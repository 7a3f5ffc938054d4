package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// The codec is table-driven: per struct the generator writes a structDesc
// (see internal/support/table.go) that the shared decoder, encoder and
// validator read, and a handful of one-line functions. Per-field code
// would compile to about 130,000 functions for the Graph v1.0 set. Tables
// name other structs by a nil pointer of their type ((*User)(nil)), never
// by a list of all tables, so that a program links only what it can reach.

// tables prints the tables of a package's structs and enums.
type tables struct {
	pkg string // the package name, for enum names in messages
}

func newTables(opts Options) *tables {
	return &tables{pkg: opts.PackageName}
}

// Names of the unexported declarations per type. Generated exported names
// start with an upper-case letter, and the support code has no identifiers
// with these prefixes.
func descName(s *schema.Struct) string  { return "descOf" + s.Name.Name }
func polyName(s *schema.Struct) string  { return "polyOf" + s.Name.Name }
func membersName(e *schema.Enum) string { return "membersOf" + e.Name.Name }

// structDescVar is the struct's table.
//
//	var descOfCloudPC = structDesc{
//		base: &descOfEntity,
//		fields: []fieldDesc{
//			{name: "aadDeviceId", offset: unsafe.Offsetof(CloudPC{}.AadDeviceID), kind: kindString},
//		},
//		name:      "microsoft.graph.cloudPC",
//		size:      unsafe.Sizeof(CloudPC{}),
//		odataType: "#microsoft.graph.cloudPC",
//		zero:      (*CloudPC)(nil),
//	}
func (t *tables) structDescVar(s *schema.Struct) jen.Code {
	var fields []jen.Code
	for _, fd := range s.Fields {
		fields = append(fields, jen.Line().Add(t.fieldDesc(s, fd)))
	}
	if len(fields) > 0 {
		fields = append(fields, jen.Line())
	}
	d := jen.Dict{
		jen.Id("name"): jen.Lit(s.SchemaName),
		jen.Id("size"): jen.Qual("unsafe", "Sizeof").Call(ident(s.Name).Values()),
		jen.Id("zero"): jen.Parens(jen.Op("*").Add(ident(s.Name))).Parens(jen.Nil()),
	}
	if len(fields) > 0 {
		d[jen.Id("fields")] = jen.Index().Id("fieldDesc").Values(fields...)
	}
	if s.Base != nil {
		d[jen.Id("base")] = jen.Op("&").Id(descName(s.Base))
	} else {
		d[jen.Id("extra")] = jen.Qual("unsafe", "Offsetof").Call(ident(s.Name).Values().Dot("Extra"))
	}
	if s.Tagged() {
		d[jen.Id("tag")] = jen.Qual("unsafe", "Offsetof").Call(ident(s.Name).Values().Dot("tag"))
	}
	if v := impliedType(s); v != "" {
		d[jen.Id("odataType")] = jen.Lit(v)
	}
	return jen.Var().Id(descName(s)).Op("=").Id(supStructDesc).Values(d)
}

// impliedType is the discriminator value written for s when it is held
// where a base is expected and has no @odata.type of its own: its value in
// the dispatch table of its nearest polymorphic ancestor (or itself).
func impliedType(s *schema.Struct) string {
	for b := s; b != nil; b = b.Base {
		if b.Poly == nil {
			continue
		}
		for _, c := range b.Poly.Cases {
			if c.Struct == s {
				return c.Value
			}
		}
	}
	return ""
}

// fieldDesc describes one property.
//
//	{name: "provisioningType", offset: unsafe.Offsetof(CloudPC{}.ProvisioningType), kind: kindString,
//		more: &fieldMore{enum: &membersOfCloudPcProvisioningType}}
func (t *tables) fieldDesc(s *schema.Struct, fd *schema.Field) jen.Code {
	d, more := &pairs{}, &pairs{}
	d.add("name", jen.Lit(fd.JSONName))
	d.add("offset", jen.Qual("unsafe", "Offsetof").Call(ident(s.Name).Values().Dot(fd.Name)))
	var flags []string
	if fd.Required {
		flags = append(flags, supFieldRequired)
	}
	if !fd.Nullable {
		flags = append(flags, supFieldNotNull)
	}
	if fd.Discriminator {
		flags = append(flags, supFieldDiscriminator)
	}
	value := fd.Type
	if value.Kind == schema.KindArray {
		flags = append(flags, supFieldArray)
		if value.ElemNullable {
			flags = append(flags, supFieldNullableItems)
		}
		value = value.Elem
	}
	t.valueDesc(d, more, value)
	if len(flags) > 0 {
		d.add("flags", jen.Op(strings.Join(flags, " | ")))
	}
	if hasRules(fd.Rules) {
		more.add("rules", ruleDesc(fd.Rules))
	}
	if fd.Type.Kind == schema.KindArray && fd.Rules.Item != nil {
		more.add("items", ruleDesc(*fd.Rules.Item))
	}
	if len(more.list) > 0 {
		d.add("more", jen.Op("&").Id("fieldMore").Values(more.list...))
	}
	return jen.Values(d.list...)
}

// pairs are the key: value elements of a one-line composite literal, in
// the order added.
type pairs struct{ list []jen.Code }

func (p *pairs) add(key string, value jen.Code) {
	p.list = append(p.list, jen.Id(key).Op(":").Add(value))
}

// valueDesc adds what describes a value of type v: kind, format and struct
// to d, an enum or dispatch table to more.
func (t *tables) valueDesc(d, more *pairs, v *schema.Type) {
	d.add("kind", jen.Id(valueKind(v)))
	if v.Format != nil {
		d.add("format", jen.Id(v.Format.Const))
	}
	switch v.Kind {
	case schema.KindEnum:
		if len(v.Enum.Members) > 0 {
			more.add("enum", jen.Op("&").Id(membersName(v.Enum)))
		}
	case schema.KindStruct:
		d.add("ref", nilPointer(v.Struct))
		if v.Struct.Poly != nil {
			more.add("poly", jen.Op("&").Id(polyName(v.Struct)))
		}
	}
}

func hasRules(r schema.Rules) bool {
	return r.Minimum != nil || r.Maximum != nil || r.MinLength >= 0 || r.MaxLength >= 0 ||
		r.MinItems >= 0 || r.MaxItems >= 0 || r.Pattern != nil
}

// ruleDesc writes explicit rules.
//
//	&ruleDesc{min: 0, max: 100, bounds: hasMinimum | hasMaximum, minLength: -1, maxLength: -1, minItems: -1, maxItems: -1}
func ruleDesc(r schema.Rules) jen.Code {
	d := &pairs{}
	var bounds []string
	if r.Minimum != nil {
		d.add("min", jen.Op(r.Minimum.Literal))
		bounds = append(bounds, supHasMinimum)
	}
	if r.Maximum != nil {
		d.add("max", jen.Op(r.Maximum.Literal))
		bounds = append(bounds, supHasMaximum)
	}
	if len(bounds) > 0 {
		d.add("bounds", jen.Op(strings.Join(bounds, " | ")))
	}
	d.add("minLength", jen.Lit(r.MinLength))
	d.add("maxLength", jen.Lit(r.MaxLength))
	d.add("minItems", jen.Lit(r.MinItems))
	d.add("maxItems", jen.Lit(r.MaxItems))
	if r.Pattern != nil {
		d.add("pattern", jen.Op("&").Id(r.Pattern.Name))
		d.add("patternExpr", jen.Lit(r.Pattern.Expr))
	}
	return jen.Op("&").Id(supRuleDesc).Values(d.list...)
}

// modelMethods are the entry points: the table accessor and the
// json.Marshaler, json.Unmarshaler and Validate methods.
//
//	func (v *CloudPC) model() (unsafe.Pointer, *structDesc) { return unsafe.Pointer(v), &descOfCloudPC }
//	func (v *CloudPC) UnmarshalJSON(data []byte) error { return unmarshalModel(data, v) }
//	func (v *CloudPC) MarshalJSON() ([]byte, error) { return marshalModel(v) }
//	func (v *CloudPC) Validate() error { return validateModel(v) }
func modelMethods(s *schema.Struct) jen.Code {
	ptr := jen.Qual("unsafe", "Pointer")
	return comment("model returns v's address and table.").Line().
		Func().Params(recv(s)).Id(supModel).Params().Params(ptr.Clone(), jen.Op("*").Id(supStructDesc)).Block(
		jen.Return(ptr.Clone().Call(jen.Id("v")), jen.Op("&").Id(descName(s))),
	).Line().Line().
		Add(comment("UnmarshalJSON replaces v with the JSON object in data, keeping every member:\n"+
			"undeclared ones go to Extra, unknown enum values are kept as they are.")).Line().
		Func().Params(recv(s)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id(supUnmarshalModel).Call(jen.Id("data"), jen.Id("v"))),
	).Line().Line().
		Add(comment("MarshalJSON writes v as one JSON object: present properties (null ones as\n"+
			"null) and then Extra. A nil *"+s.Name.Name+" is null.")).Line().
		Func().Params(recv(s)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id(supMarshalModel).Call(jen.Id("v"))),
	).Line().Line().
		Add(comment("Validate checks v, and every value nested in it, against the schema and\n" +
			"returns nil or ValidationErrors listing every violation with its JSON Pointer.")).Line().
		Func().Params(recv(s)).Id("Validate").Params().Error().Block(
		jen.Return(jen.Id(supValidateModel).Call(jen.Id("v"))),
	)
}

// polyDecl is the dispatch table of a type with subtypes; its cases come
// sorted by key from the IR.
//
//	var polyOfEntity = polyDesc{base: (*Entity)(nil), name: "microsoft.graph.entity", property: "@odata.type",
//		field: unsafe.Offsetof(Entity{}.ODataType), keys: []string{"microsoft.graph.cloudpc"}, cases: []model{(*CloudPC)(nil)}}
func (t *tables) polyDecl(s *schema.Struct) jen.Code {
	p := s.Poly
	keys := jen.Index().String().ValuesFunc(func(g *jen.Group) {
		for _, c := range p.Cases {
			g.Line().Lit(c.Key)
		}
		g.Line()
	})
	idx := jen.Index().Id(supModel).ValuesFunc(func(g *jen.Group) {
		for _, c := range p.Cases {
			g.Line().Add(nilPointer(c.Struct))
		}
		g.Line()
	})
	desc := jen.Var().Id(polyName(s)).Op("=").Id(supPolyDesc).Values(jen.Dict{
		jen.Id("base"):     nilPointer(s),
		jen.Id("name"):     jen.Lit(s.SchemaName),
		jen.Id("property"): jen.Lit(p.Property),
		jen.Id("field"):    jen.Qual("unsafe", "Offsetof").Call(ident(s.Name).Values().Dot(p.Field.Name)),
		jen.Id("keys"):     keys,
		jen.Id("cases"):    idx,
	})
	return comment(polyName(s) + " is the dispatch table of " + s.Name.Name + "'s subtypes: \"@odata.type\" keys (lower-case, without \"#\") and their types.").Line().
		Add(desc)
}

// nilPointer is a struct's nil pointer, (*CloudPC)(nil): how a table names
// another struct (see tables).
func nilPointer(s *schema.Struct) jen.Code {
	return jen.Parens(jen.Op("*").Add(ident(s.Name))).Parens(jen.Nil())
}
