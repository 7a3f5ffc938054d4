package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// scalarFile holds a type for a schema that is neither an object nor a
// string enum.
//
//	// ODataCountResponse is the Graph schema ODataCountResponse: int32.
//	type ODataCountResponse int32
func scalarFile(sc *schema.Scalar, opts Options) *jen.File {
	f := newFile(opts)
	lead := fmt.Sprintf("%s is the Graph schema %s: %s.", sc.Name.Name, sc.SchemaName, sc.Type.String())
	f.Add(comment(docComment(lead, sc.Doc, sc.Deprecation)))
	f.Type().Add(ident(sc.Name)).Add(goType(sc.Type))
	return f
}

// errorMethod makes OData's error body a Go error.
//
//	// Error returns "code: message" of the error Graph returned.
//	func (v *ODataError) Error() string {
//		if e := v.ErrorProperty.Val; e != nil {
//			return errorText(e.Code.Val, e.Message.Val)
//		}
//		return errorText("", "")
//	}
func errorMethod(s *schema.Struct) jen.Code {
	e := s.Error
	return comment("Error returns \"code: message\" of the error Graph returned, so that a *"+s.Name.Name+
		" is an error (errors.As finds it).").Line().
		Func().Params(recv(s)).Id("Error").Params().String().Block(
		jen.If(jen.Id("e").Op(":=").Id("v").Dot(e.Field.Name).Dot("Val"), jen.Id("e").Op("!=").Nil()).Block(
			jen.Return(jen.Id(supErrorText).Call(jen.Id("e").Dot(e.Code.Name).Dot("Val"), jen.Id("e").Dot(e.Message.Name).Dot("Val"))),
		),
		jen.Return(jen.Id(supErrorText).Call(jen.Lit(""), jen.Lit(""))),
	)
}
