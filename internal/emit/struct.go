package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// structFile holds everything generated for one object schema.
func (t *tables) structFile(s *schema.Struct, opts Options) *jen.File {
	f := newFile(opts)
	f.Add(structDecl(s))
	f.Add(assertions(s))
	if s.Poly != nil {
		f.Add(t.polyDecl(s))
	}
	if s.Page != nil {
		f.Add(pageMethods(s))
	}
	if s.Error != nil {
		f.Add(errorMethod(s))
	}
	f.Add(t.structDescVar(s))
	f.Add(modelMethods(s))
	return f
}

// structDecl declares the struct: the embedded base, one Opt per own
// property, and on a root the undeclared members.
//
//	// CloudPC is the Graph type microsoft.graph.cloudPC. …
//	type CloudPC struct {
//		Entity
//		// AadDeviceID is "aadDeviceId". The Microsoft Entra device ID …
//		AadDeviceID Opt[string]
//	}
func structDecl(s *schema.Struct) jen.Code {
	var fields []jen.Code
	if s.Base != nil {
		fields = append(fields, ident(s.Base.Name), jen.Line())
	}
	for _, fd := range s.Fields {
		fields = append(fields, comment(fieldDoc(fd)), jen.Id(fd.Name).Add(optType(fd.Type)))
	}
	if s.Base == nil {
		fields = append(fields,
			comment("Extra holds the members the schema does not declare, in the order they\n"+
				"appeared: OData annotations (\"@odata.context\", \"manager@odata.bind\"), instance\n"+
				"annotations and properties newer than the schema. They are written back on encode."),
			jen.Id("Extra").Id(supProperties))
	}
	if s.Tagged() {
		fields = append(fields,
			comment("tag names the concrete type of a subtype held as "+s.Name.Name+" (see As and Concrete)."),
			jen.Id("tag").Id(supTypeTag))
	}
	return comment(docComment(structLead(s), s.Doc, s.Deprecation)).Line().
		Type().Add(ident(s.Name)).Struct(fields...)
}

// structLead is the first sentence of a struct's doc: the schema it is, or
// for an inline body the operations whose body it is.
func structLead(s *schema.Struct) string {
	if s.Body == nil {
		return fmt.Sprintf("%s is the Graph type %s.", s.Name.Name, s.SchemaName)
	}
	what := "request body"
	if s.Body.Response {
		what = "response body"
	}
	ops := s.Body.Operations
	more := ""
	if len(ops) > 3 {
		ops, more = ops[:3], fmt.Sprintf(" and %d more", len(s.Body.Operations)-3)
	}
	return fmt.Sprintf("%s is the %s of %s%s (schema name %s).", s.Name.Name, what, strings.Join(ops, ", "), more, s.SchemaName)
}

func fieldDoc(fd *schema.Field) string {
	lead := fmt.Sprintf("%s is %q.", fd.Name, fd.JSONName)
	if fd.Discriminator {
		lead += " It names the concrete type of a polymorphic value, e.g. \"#microsoft.graph.user\"; decoding fills it in when the payload has it."
	}
	if fd.Navigation {
		lead += fmt.Sprintf(" Navigation property: present only when requested with $expand; bind it in requests with %q.", fd.JSONName+"@odata.bind")
	}
	if fd.ReadOnly {
		lead += " Read-only: Graph ignores it in requests."
	}
	return docComment(lead, fd.Doc, fd.Deprecation)
}

// assertions make the compiler check the interfaces every struct has.
//
//	var (
//		_ json.Marshaler   = (*CloudPC)(nil)
//		_ json.Unmarshaler = (*CloudPC)(nil)
//		_ Model            = (*CloudPC)(nil)
//	)
func assertions(s *schema.Struct) jen.Code {
	nilPtr := jen.Parens(jen.Op("*").Add(ident(s.Name))).Parens(jen.Nil())
	defs := []jen.Code{
		jen.Id("_").Qual("encoding/json", "Marshaler").Op("=").Add(nilPtr.Clone()),
		jen.Id("_").Qual("encoding/json", "Unmarshaler").Op("=").Add(nilPtr.Clone()),
		jen.Id("_").Id("Model").Op("=").Add(nilPtr.Clone()),
	}
	if s.Error != nil {
		defs = append(defs, jen.Id("_").Error().Op("=").Add(nilPtr.Clone()))
	}
	return jen.Var().Defs(defs...)
}

// recv is the receiver of every method: (v *CloudPC).
func recv(s *schema.Struct) jen.Code {
	return jen.Id("v").Op("*").Add(ident(s.Name))
}

// pageMethods make a collection response a Page of its items.
//
//	func (v *CloudPCCollectionResponse) Items() []*CloudPC { return v.Value.Val }
//	func (v *CloudPCCollectionResponse) NextLink() string { return v.ODataNextLink.Val }
func pageMethods(s *schema.Struct) jen.Code {
	p := s.Page
	return comment("Items returns the items of this page.").Line().
		Func().Params(recv(s)).Id("Items").Params().Add(goType(p.Items.Type)).Block(
		jen.Return(jen.Id("v").Dot(p.Items.Name).Dot("Val")),
	).Line().Line().
		Add(comment("NextLink returns the URL of the next page, or \"\" on the last page.")).Line().
		Func().Params(recv(s)).Id("NextLink").Params().String().Block(
		jen.Return(jen.Id("v").Dot(p.NextLink.Name).Dot("Val")),
	)
}
