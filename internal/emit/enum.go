package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// enumFile holds an enum type, its members and IsKnown.
func (t *tables) enumFile(e *schema.Enum, opts Options) *jen.File {
	f := newFile(opts)
	f.Add(enumDecl(e))
	if len(e.Members) > 0 {
		f.Add(enumConsts(e))
	}
	f.Add(t.membersVar(e))
	f.Add(isKnownMethod(e))
	if e.Flags {
		f.Add(flagsMethods(e))
	}
	return f
}

// enumDecl declares the string type; any string is a value, so values newer
// than the schema survive a round trip.
//
//	// CloudPcDeviceImageStatus is the Graph enum microsoft.graph.cloudPcDeviceImageStatus. …
//	type CloudPcDeviceImageStatus string
func enumDecl(e *schema.Enum) jen.Code {
	lead := fmt.Sprintf("%s is the Graph enum %s.", e.Name.Name, e.SchemaName)
	if e.Flags {
		lead = fmt.Sprintf("%s is the Graph flags enum %s: a comma-separated set of members, such as %q.",
			e.Name.Name, e.SchemaName, flagsExample(e))
	}
	note := "Any string decodes and encodes unchanged, so members newer than the schema are kept; IsKnown tells the members the schema lists from newer ones."
	if len(e.Members) == 0 {
		note = "The schema lists no members: any string is a value, none is known, and Validate accepts all."
	}
	if e.Flags {
		note += " Has tests for one flag, Flags lists them, and FlagsOf builds a set."
	}
	doc := docComment(lead, e.Doc, e.Deprecation) + "\n\n" + docText(note)
	return comment(doc).Line().Type().Add(ident(e.Name)).String()
}

func flagsExample(e *schema.Enum) string {
	if len(e.Members) < 2 {
		return "a,b"
	}
	return e.Members[0].Value + "," + e.Members[1].Value
}

// enumConsts lists the members.
//
//	const (
//		// CloudPcDeviceImageStatusPending is "pending": The image upload is in progress.
//		CloudPcDeviceImageStatusPending CloudPcDeviceImageStatus = "pending"
//	)
func enumConsts(e *schema.Enum) jen.Code {
	var defs []jen.Code
	for _, m := range e.Members {
		defs = append(defs, comment(memberDoc(m)), jen.Id(m.Name).Add(ident(e.Name)).Op("=").Lit(m.Value))
	}
	return jen.Const().Defs(defs...)
}

func memberDoc(m *schema.EnumMember) string {
	lead := fmt.Sprintf("%s is %q.", m.Name, m.Value)
	doc := docComment(lead, m.Doc, nil)
	switch {
	case m.IsSentinel:
		doc += "\n\n" + docText("It is Graph's evolvable-enum sentinel: members listed after it are sent only to clients that ask for them.")
	case m.OptInOnly:
		doc += "\n\n" + docText("Graph sends it only when the request has the header Prefer: include-unknown-enum-members; otherwise it sends unknownFutureValue instead.")
	}
	return doc
}

// membersVar lists the members, sorted, for IsKnown and Validate.
//
//	var membersOfCloudPcDeviceImageStatus = enumDesc{name: "graph.CloudPcDeviceImageStatus", members: []string{"failed", "pending", "ready"}}
func (t *tables) membersVar(e *schema.Enum) jen.Code {
	values := e.Values
	d := jen.Dict{jen.Id("name"): jen.Lit(t.pkg + "." + e.Name.Name)}
	if len(values) > 0 {
		d[jen.Id("members")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, v := range values {
				g.Line().Lit(v)
			}
			g.Line()
		})
	}
	if e.Flags {
		d[jen.Id("flags")] = jen.True()
	}
	return jen.Var().Id(membersName(e)).Op("=").Id(supEnumDesc).Values(d)
}

// isKnownMethod tells members from values the schema does not list; a flags
// value is known when each of its comma-separated flags is.
//
//	func (v CloudPcDeviceImageStatus) IsKnown() bool { return membersOfCloudPcDeviceImageStatus.known(string(v)) }
func isKnownMethod(e *schema.Enum) jen.Code {
	return comment("IsKnown reports whether v is a member the schema lists.").Line().
		Func().Params(jen.Id("v").Add(ident(e.Name))).Id("IsKnown").Params().Bool().Block(
		jen.Return(jen.Id(membersName(e)).Dot("known").Call(jen.String().Parens(jen.Id("v")))),
	)
}

// flagsMethods are the set operations of a flags enum.
//
//	func (v Modes) Has(flag Modes) bool { return flagsHas(string(v), string(flag)) }
//	func (v Modes) Flags() []Modes      { return flagsSplit[Modes](string(v)) }
func flagsMethods(e *schema.Enum) jen.Code {
	recv := jen.Id("v").Add(ident(e.Name))
	return comment("Has reports whether the set v contains flag.").Line().
		Func().Params(recv.Clone()).Id("Has").Params(jen.Id("flag").Add(ident(e.Name))).Bool().Block(
		jen.Return(jen.Id(supFlagsHas).Call(jen.String().Parens(jen.Id("v")), jen.String().Parens(jen.Id("flag")))),
	).Line().Line().
		Add(comment("Flags returns the flags of the set v in the order they are written, unknown ones included.")).Line().
		Func().Params(recv).Id("Flags").Params().Index().Add(ident(e.Name)).Block(
		jen.Return(jen.Id(supFlagsSplit).Index(ident(e.Name)).Call(jen.String().Parens(jen.Id("v")))),
	)
}
