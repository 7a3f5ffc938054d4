package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// unmarshalAnyFunc is the exported polymorphic decoder.
//
//	func UnmarshalAnyEntity(data []byte) (AnyEntity, error) {
//		var v AnyEntity
//		err := unmarshalWith(data, func(r *jsonReader) {
//			if !r.readNull() { v = decodeAnyEntity(r) }
//		})
//		return v, err
//	}
func unmarshalAnyFunc(s *schema.Struct) jen.Code {
	p := s.Poly
	doc := fmt.Sprintf("%s decodes a JSON object whose schema type is %s into the concrete "+
		"type its %q names, in one pass. A missing or unknown %s gives a *%s with every member "+
		"kept; JSON null gives nil.", p.Unmarshal.Name, s.SchemaName, p.Property, p.Property, s.Name.Name)
	return comment(docText(doc)).Line().
		Func().Add(ident(p.Unmarshal)).Params(jen.Id("data").Index().Byte()).Params(ident(p.Interface), jen.Error()).Block(
		jen.Var().Id("v").Add(ident(p.Interface)),
		jen.Id("err").Op(":=").Id("unmarshalWith").Call(jen.Id("data"),
			jen.Func().Params(jen.Id("r").Op("*").Id("jsonReader")).Block(
				jen.If(jen.Op("!").Id("r").Dot("readNull").Call()).Block(
					jen.Id("v").Op("=").Id(decodeAnyName(s)).Call(jen.Id("r")),
				),
			)),
		jen.Return(jen.Id("v"), jen.Id("err")),
	)
}

// decodeAnyFunc reads one object of a polymorphic static type. When the
// discriminator is the first member (as Graph writes it) or absent, the
// object is read once; when a later member names a subtype, the object is
// read again as that subtype.
//
//	func decodeAnyEntity(r *jsonReader) AnyEntity {
//		start := r.mark()
//		if t, ok := r.peekFirstKeyString("@odata.type"); ok {
//			if v := newAnyEntity(t); v != nil { v.decodeJSON(r); return v }
//		}
//		v := new(Entity)
//		v.decodeJSON(r)
//		if t, ok := v.ODataType.Lookup(); ok && !r.failed() {
//			if sub := newAnyEntity(t); sub != nil {
//				if _, same := sub.(*Entity); !same { r.reset(start); sub.decodeJSON(r); return sub }
//			}
//		}
//		return v
//	}
func decodeAnyFunc(s *schema.Struct) jen.Code {
	p := s.Poly
	newAny := jen.Id(newAnyName(s))
	return comment(decodeAnyName(s)+" reads one object whose schema type is "+s.Name.Name+".").Line().
		Func().Id(decodeAnyName(s)).Params(jen.Id("r").Op("*").Id("jsonReader")).Add(ident(p.Interface)).Block(
		jen.Id("start").Op(":=").Id("r").Dot("mark").Call(),
		jen.If(jen.List(jen.Id("t"), jen.Id("ok")).Op(":=").Id("r").Dot("peekFirstKeyString").Call(jen.Lit(p.Property)), jen.Id("ok")).Block(
			jen.If(jen.Id("v").Op(":=").Add(newAny.Clone()).Call(jen.Id("t")), jen.Id("v").Op("!=").Nil()).Block(
				jen.Id("v").Dot("decodeJSON").Call(jen.Id("r")),
				jen.Return(jen.Id("v")),
			),
		),
		jen.Id("v").Op(":=").New(ident(s.Name)),
		jen.Id("v").Dot("decodeJSON").Call(jen.Id("r")),
		jen.If(jen.List(jen.Id("t"), jen.Id("ok")).Op(":=").Id("v").Dot(p.Field.Name).Dot("Lookup").Call(),
			jen.Id("ok").Op("&&").Op("!").Id("r").Dot("failed").Call()).Block(
			jen.If(jen.Id("sub").Op(":=").Add(newAny.Clone()).Call(jen.Id("t")), jen.Id("sub").Op("!=").Nil()).Block(
				jen.If(jen.List(jen.Id("_"), jen.Id("same")).Op(":=").Id("sub").Assert(jen.Op("*").Add(ident(s.Name))), jen.Op("!").Id("same")).Block(
					jen.Id("r").Dot("reset").Call(jen.Id("start")),
					jen.Id("sub").Dot("decodeJSON").Call(jen.Id("r")),
					jen.Return(jen.Id("sub")),
				),
			),
		),
		jen.Return(jen.Id("v")),
	)
}

// newAnyFunc is the dispatch table.
//
//	func newAnyEntity(t string) AnyEntity {
//		var buf [128]byte
//		switch string(jsonTypeKey(buf[:0], t)) {
//		case "microsoft.graph.cloudpc":
//			return new(CloudPC)
//		}
//		return nil
//	}
func newAnyFunc(s *schema.Struct) jen.Code {
	var cases []jen.Code
	for _, c := range s.Poly.Cases {
		cases = append(cases, jen.Case(jen.Lit(c.Key)).Block(jen.Return(jen.New(ident(c.Struct.Name)))))
	}
	doc := fmt.Sprintf("%s returns a new value of the type whose %s is t (with or without "+
		"the leading \"#\", in any case), or nil when no generated type has it.", newAnyName(s), s.Poly.Property)
	return comment(docText(doc)).Line().
		Func().Id(newAnyName(s)).Params(jen.Id("t").String()).Add(ident(s.Poly.Interface)).Block(
		jen.Var().Id("buf").Index(jen.Lit(128)).Byte(),
		jen.Switch(jen.String().Parens(jen.Id("jsonTypeKey").Call(jen.Id("buf").Index(jen.Empty(), jen.Lit(0)), jen.Id("t")))).Block(cases...),
		jen.Return(jen.Nil()),
	)
}

// encodeAnyFunc writes a value held as the interface. A subtype gets its
// discriminator value written for it when its own @odata.type is absent
// (the root's writeDiscriminator decides); the type switch never
// dereferences v, so a nil pointer in the interface is written as null.
//
//	func encodeAnyEntity(w *jsonWriter, v AnyEntity) {
//		if v == nil { w.writeNull(); return }
//		w.impliedType = odataTypeOfAnyEntity(v)
//		v.encodeJSON(w)
//		w.impliedType = ""
//	}
func encodeAnyFunc(s *schema.Struct) jen.Code {
	return comment(encodeAnyName(s)+" writes a value held as "+s.Poly.Interface.Name+".").Line().
		Func().Id(encodeAnyName(s)).Params(jen.Id("w").Op("*").Id("jsonWriter"), jen.Id("v").Add(ident(s.Poly.Interface))).Block(
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Id("w").Dot("writeNull").Call(), jen.Return()),
		jen.Id("w").Dot("impliedType").Op("=").Id(odataTypeOfName(s)).Call(jen.Id("v")),
		jen.Id("v").Dot("encodeJSON").Call(jen.Id("w")),
		jen.Id("w").Dot("impliedType").Op("=").Lit(""),
	)
}

// odataTypeOfFunc is the dispatch table read backwards: the discriminator
// value of a subtype, "" for the base itself.
//
//	func odataTypeOfAnyEntity(v AnyEntity) string {
//		switch v.(type) {
//		case *CloudPC:
//			return "#microsoft.graph.cloudPC"
//		}
//		return ""
//	}
func odataTypeOfFunc(s *schema.Struct) jen.Code {
	var cases []jen.Code
	for _, c := range s.Poly.Cases {
		if c.Struct != s {
			cases = append(cases, jen.Case(jen.Op("*").Add(ident(c.Struct.Name))).Block(jen.Return(jen.Lit(c.Value))))
		}
	}
	return comment(odataTypeOfName(s)+" returns the discriminator value of v's concrete type, \"\" for *"+s.Name.Name+".").Line().
		Func().Id(odataTypeOfName(s)).Params(jen.Id("v").Add(ident(s.Poly.Interface))).String().Block(
		jen.Switch(jen.Id("v").Assert(jen.Type())).Block(cases...),
		jen.Return(jen.Lit("")),
	)
}

// validateAnyFunc validates a value held as the interface. It tells the
// value's root which discriminator values the property accepts, without
// touching the value itself (a nil pointer in the interface is fine).
//
//	func validateAnyEntity(c *validator, v AnyEntity) {
//		if v == nil { return }
//		c.slotKnown, c.slotBase = func(t string) bool { return newAnyEntity(t) != nil }, "microsoft.graph.entity"
//		v.validate(c)
//		c.slotKnown = nil
//	}
func validateAnyFunc(s *schema.Struct) jen.Code {
	known := jen.Func().Params(jen.Id("t").String()).Bool().Block(
		jen.Return(jen.Id(newAnyName(s)).Call(jen.Id("t")).Op("!=").Nil()))
	return comment(validateAnyName(s)+" validates a value held as "+s.Poly.Interface.Name+".").Line().
		Func().Id(validateAnyName(s)).Params(jen.Id("c").Op("*").Id("validator"), jen.Id("v").Add(ident(s.Poly.Interface))).Block(
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return()),
		jen.List(jen.Id("c").Dot("slotKnown"), jen.Id("c").Dot("slotBase")).Op("=").List(known, jen.Lit(s.SchemaName)),
		jen.Id("v").Dot("validate").Call(jen.Id("c")),
		jen.Id("c").Dot("slotKnown").Op("=").Nil(),
	)
}

func decodeAnyName(s *schema.Struct) string { return "decode" + s.Poly.Interface.Name }

func encodeAnyName(s *schema.Struct) string { return "encode" + s.Poly.Interface.Name }

func odataTypeOfName(s *schema.Struct) string { return "odataTypeOf" + s.Poly.Interface.Name }

func validateAnyName(s *schema.Struct) string { return "validate" + s.Poly.Interface.Name }

func newAnyName(s *schema.Struct) string { return "new" + s.Poly.Interface.Name }
