package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// marshalMethod is the json.Marshaler entry point.
//
//	func (v *CloudPC) MarshalJSON() ([]byte, error) { return marshalWith(v.encodeJSON) }
func marshalMethod(s *schema.Struct) jen.Code {
	return comment("MarshalJSON writes v as one JSON object: present properties (null ones as\n"+
		"null) and then Extra. A nil *"+s.Name.Name+" is null.").Line().
		Func().Params(recv(s)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("marshalWith").Call(jen.Id("v").Dot("encodeJSON"))),
	)
}

// encodeMethod writes the whole object.
//
//	func (v *CloudPC) encodeJSON(w *jsonWriter) {
//		if v == nil { w.writeNull(); return }
//		w.beginObject()
//		v.encodeFields(w)
//		writeProperties(w, v.Extra, false)
//		w.endObject()
//	}
func encodeMethod(s *schema.Struct) jen.Code {
	return comment("encodeJSON writes v as one JSON object.").Line().
		Func().Params(recv(s)).Id("encodeJSON").Params(jen.Id("w").Op("*").Id("jsonWriter")).Block(
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Id("w").Dot("writeNull").Call(), jen.Return()),
		jen.Id("w").Dot("beginObject").Call(),
		jen.Id("v").Dot("encodeFields").Call(jen.Id("w")),
		jen.Id("writeProperties").Call(jen.Id("w"), jen.Id("v").Dot("Extra"), jen.False()),
		jen.Id("w").Dot("endObject").Call(),
	)
}

// encodeFieldsMethod writes the base's members, then v's own. A root
// writes its discriminator and the annotations in Extra first, the way
// OData puts control information before properties.
//
//	func (v *CloudPC) encodeFields(w *jsonWriter) {
//		v.Entity.encodeFields(w)
//		writeOpt(w, "aadDeviceId", v.AadDeviceID, writeStringAs[string])
//	}
func encodeFieldsMethod(s *schema.Struct) jen.Code {
	var body []jen.Code
	if s.Base != nil {
		body = append(body, jen.Id("v").Dot(s.Base.Name.Name).Dot("encodeFields").Call(jen.Id("w")))
	}
	for _, fd := range s.Fields {
		if fd.Discriminator {
			body = append(body, jen.Id("writeDiscriminator").Call(jen.Id("w"), jen.Lit(fd.JSONName), jen.Id("v").Dot(fd.Name)))
		}
	}
	if s.Base == nil {
		body = append(body, jen.Id("writeProperties").Call(jen.Id("w"), jen.Id("v").Dot("Extra"), jen.True()))
	}
	for _, fd := range s.Fields {
		if !fd.Discriminator {
			body = append(body, writeField(fd))
		}
	}
	return comment("encodeFields writes the members of v that its schema declares.").Line().
		Func().Params(recv(s)).Id("encodeFields").Params(jen.Id("w").Op("*").Id("jsonWriter")).Block(body...)
}

func writeField(fd *schema.Field) jen.Code {
	return jen.Id("writeOpt").Call(jen.Id("w"), jen.Lit(fd.JSONName), jen.Id("v").Dot(fd.Name), writer(fd.Type))
}
