package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// unmarshalMethod is the json.Unmarshaler entry point.
//
//	func (v *CloudPC) UnmarshalJSON(data []byte) error {
//		*v = CloudPC{}
//		return unmarshalModel(data, v)
//	}
func unmarshalMethod(s *schema.Struct) jen.Code {
	return comment("UnmarshalJSON replaces v with the JSON object in data, keeping every member:\n"+
		"undeclared ones go to Extra, unknown enum values are kept as they are.").Line().
		Func().Params(recv(s)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Op("*").Id("v").Op("=").Add(ident(s.Name)).Values(),
		jen.Return(jen.Id("unmarshalModel").Call(jen.Id("data"), jen.Id("v"))),
	)
}

// decodeMethod reads one object, member by member, in a single pass.
//
//	func (v *CloudPC) decodeJSON(r *jsonReader) {
//		if !r.beginObject() { return }
//		for key, ok := r.nextKey(); ok; key, ok = r.nextKey() {
//			v.decodeField(r, key)
//		}
//	}
func decodeMethod(s *schema.Struct) jen.Code {
	return comment("decodeJSON reads one JSON object into v.").Line().
		Func().Params(recv(s)).Id("decodeJSON").Params(jen.Id("r").Op("*").Id("jsonReader")).Block(
		jen.If(jen.Op("!").Id("r").Dot("beginObject").Call()).Block(jen.Return()),
		jen.For(
			jen.List(jen.Id("key"), jen.Id("ok")).Op(":=").Id("r").Dot("nextKey").Call(),
			jen.Id("ok"),
			jen.List(jen.Id("key"), jen.Id("ok")).Op("=").Id("r").Dot("nextKey").Call(),
		).Block(jen.Id("v").Dot("decodeField").Call(jen.Id("r"), jen.Id("key"))),
	)
}

// decodeFieldMethod dispatches one member to its field; members it does not
// know go to the base, and from the root to Extra.
//
//	func (v *CloudPC) decodeField(r *jsonReader, key []byte) {
//		switch string(key) {
//		case "aadDeviceId":
//			readOpt(r, &v.AadDeviceID, readStringAs[string])
//		default:
//			v.Entity.decodeField(r, key)
//		}
//	}
func decodeFieldMethod(s *schema.Struct) jen.Code {
	var cases []jen.Code
	for _, fd := range s.Fields {
		cases = append(cases, jen.Case(jen.Lit(fd.JSONName)).Block(
			jen.Id("readOpt").Call(jen.Id("r"), jen.Op("&").Id("v").Dot(fd.Name), reader(fd.Type)),
		))
	}
	cases = append(cases, jen.Default().Block(decodeUnknown(s)))
	return comment("decodeField reads the value of the member named key into v.").Line().
		Func().Params(recv(s)).Id("decodeField").
		Params(jen.Id("r").Op("*").Id("jsonReader"), jen.Id("key").Index().Byte()).Block(
		jen.Switch(jen.String().Parens(jen.Id("key"))).Block(cases...),
	)
}

// decodeUnknown hands a member to the base, or keeps it in the root's Extra.
func decodeUnknown(s *schema.Struct) jen.Code {
	if s.Base != nil {
		return jen.Id("v").Dot(s.Base.Name.Name).Dot("decodeField").Call(jen.Id("r"), jen.Id("key"))
	}
	return jen.Id("v").Dot("Extra").Op("=").Append(jen.Id("v").Dot("Extra"), jen.Id("Property").Values(jen.Dict{
		jen.Id("Name"):  jen.String().Parens(jen.Id("key")),
		jen.Id("Value"): jen.Id("r").Dot("readRaw").Call(),
	}))
}
