package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// validateMethod is the public entry point.
//
//	func (v *CloudPC) Validate() error {
//		var c validator
//		v.validate(&c)
//		return c.result()
//	}
func validateMethod(s *schema.Struct) jen.Code {
	return comment("Validate checks v, and every value nested in it, against the schema and\n"+
		"returns nil or ValidationErrors listing every violation with its JSON Pointer.").Line().
		Func().Params(recv(s)).Id("Validate").Params().Error().Block(
		jen.Var().Id("c").Id("validator"),
		jen.Id("v").Dot("validate").Call(jen.Op("&").Id("c")),
		jen.Return(jen.Id("c").Dot("result").Call()),
	)
}

// validateIntoMethod checks the base, then each own field.
//
//	func (v *CloudPC) validate(c *validator) {
//		if v == nil { return }
//		v.Entity.validate(c)
//		checkNotNull(c, "lastModifiedDateTime", v.LastModifiedDateTime)
//		checkFormat(c, "lastModifiedDateTime", v.LastModifiedDateTime, "date-time")
//	}
func validateIntoMethod(s *schema.Struct) jen.Code {
	body := []jen.Code{jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return())}
	if s.Base != nil {
		body = append(body, jen.Id("v").Dot(s.Base.Name.Name).Dot("validate").Call(jen.Id("c")))
	}
	for _, fd := range s.Fields {
		body = append(body, fieldChecks(fd)...)
	}
	return comment("validate appends the violations in v to c.").Line().
		Func().Params(recv(s)).Id("validate").Params(jen.Id("c").Op("*").Id("validator")).Block(body...)
}

// fieldChecks are the checks of one field that can fail.
func fieldChecks(fd *schema.Field) []jen.Code {
	field := jen.Id("v").Dot(fd.Name)
	call := func(helper string, extra ...jen.Code) jen.Code {
		args := append([]jen.Code{jen.Id("c"), jen.Lit(fd.JSONName), field.Clone()}, extra...)
		return jen.Id(helper).Call(args...)
	}
	var checks []jen.Code
	if fd.Discriminator {
		checks = append(checks, call("checkDiscriminator"))
	}
	if fd.Required {
		checks = append(checks, call("checkRequired"))
	}
	if !fd.Nullable {
		checks = append(checks, call("checkNotNull"))
	}
	switch t := fd.Type; t.Kind {
	case schema.KindEnum:
		if len(t.Enum.Members) > 0 {
			checks = append(checks, call("checkEnum"))
		}
	case schema.KindFormatted:
		checks = append(checks, call("checkFormat", jen.Lit(t.Format)))
	case schema.KindDecimal:
		checks = append(checks, call("checkFormat", jen.Lit("decimal")))
	case schema.KindStruct:
		checks = append(checks, call("checkModel"))
	case schema.KindInterface:
		checks = append(checks, call("checkAny", jen.Id(validateAnyName(t.Struct))))
	case schema.KindArray:
		if check := itemCheck(t, fd.Rules.Item); check != nil {
			checks = append(checks, call("checkItems", check))
		}
	}
	return append(checks, ruleChecks(fd.Rules, call)...)
}

// ruleChecks are the checks of explicit schema rules on a property.
func ruleChecks(r schema.Rules, call func(string, ...jen.Code) jen.Code) []jen.Code {
	var checks []jen.Code
	if r.Minimum != nil || r.Maximum != nil {
		checks = append(checks, call("checkRange", rangeArgs(r)...))
	}
	if r.MinLength >= 0 || r.MaxLength >= 0 {
		checks = append(checks, call("checkLength", jen.Lit(r.MinLength), jen.Lit(r.MaxLength)))
	}
	if r.MinItems >= 0 || r.MaxItems >= 0 {
		checks = append(checks, call("checkItemCount", jen.Lit(r.MinItems), jen.Lit(r.MaxItems)))
	}
	if r.Pattern != nil {
		checks = append(checks, call("checkPattern", jen.Id(r.Pattern.Name).Dot("MatchString"), jen.Lit(r.Pattern.Expr)))
	}
	return checks
}

// rangeArgs are the min, max and bounds arguments of checkRange.
func rangeArgs(r schema.Rules) []jen.Code {
	min, max := jen.Lit(0), jen.Lit(0)
	var bounds []jen.Code
	if r.Minimum != nil {
		min = jen.Op(r.Minimum.Literal)
		bounds = append(bounds, jen.Id("hasMinimum"))
	}
	if r.Maximum != nil {
		max = jen.Op(r.Maximum.Literal)
		bounds = append(bounds, jen.Id("hasMaximum"))
	}
	if len(bounds) == 2 {
		return []jen.Code{min, max, jen.Id("hasMinimum").Op("|").Id("hasMaximum")}
	}
	return []jen.Code{min, max, bounds[0]}
}

// itemCheck is a func(c *validator, item *T) that checks one array item,
// or nil when nothing about an item can fail.
//
//	func(c *validator, item *Opt[DateTime]) {
//		if x, ok := item.Lookup(); ok { checkFormatValue(c, x, "date-time") }
//	}
func itemCheck(t *schema.Type, rules *schema.Rules) jen.Code {
	x := jen.Op("*").Id("item")
	if t.ElemNullable {
		x = jen.Id("x")
	}
	checks := valueChecks(t.Elem, x, !t.ElemNullable)
	if rules != nil {
		checks = append(checks, valueRuleChecks(*rules, x)...)
	}
	if len(checks) == 0 {
		return nil
	}
	if t.ElemNullable {
		checks = []jen.Code{jen.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Id("item").Dot("Lookup").Call(), jen.Id("ok")).Block(checks...)}
	}
	return jen.Func().Params(jen.Id("c").Op("*").Id("validator"), jen.Id("item").Op("*").Add(elemType(t))).Block(checks...)
}

// valueChecks check one value x of type t; byRef says x is a dereferenced
// slice element, so a struct is validated in place.
func valueChecks(t *schema.Type, x *jen.Statement, byRef bool) []jen.Code {
	switch t.Kind {
	case schema.KindEnum:
		if len(t.Enum.Members) > 0 {
			return []jen.Code{jen.Id("checkEnumValue").Call(jen.Id("c"), x.Clone())}
		}
	case schema.KindFormatted:
		return []jen.Code{jen.Id("checkFormatValue").Call(jen.Id("c"), x.Clone(), jen.Lit(t.Format))}
	case schema.KindDecimal:
		return []jen.Code{jen.Id("checkFormatValue").Call(jen.Id("c"), x.Clone(), jen.Lit("decimal"))}
	case schema.KindStruct:
		if byRef {
			return []jen.Code{jen.Id("item").Dot("validate").Call(jen.Id("c"))}
		}
		return []jen.Code{jen.Add(x.Clone()).Dot("validate").Call(jen.Id("c"))}
	case schema.KindInterface:
		return []jen.Code{jen.Id(validateAnyName(t.Struct)).Call(jen.Id("c"), x.Clone())}
	}
	return nil
}

// valueRuleChecks check explicit rules on one value x.
func valueRuleChecks(r schema.Rules, x *jen.Statement) []jen.Code {
	var checks []jen.Code
	if r.Minimum != nil || r.Maximum != nil {
		checks = append(checks, jen.Id("checkRangeValue").Call(append([]jen.Code{jen.Id("c"), x.Clone()}, rangeArgs(r)...)...))
	}
	if r.MinLength >= 0 || r.MaxLength >= 0 {
		checks = append(checks, jen.Id("checkLengthValue").Call(jen.Id("c"), x.Clone(), jen.Lit(r.MinLength), jen.Lit(r.MaxLength)))
	}
	if r.Pattern != nil {
		checks = append(checks, jen.Id("checkPatternValue").Call(jen.Id("c"), x.Clone(), jen.Id(r.Pattern.Name).Dot("MatchString"), jen.Lit(r.Pattern.Expr)))
	}
	return checks
}
