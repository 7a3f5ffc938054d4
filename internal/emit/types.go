package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/graphgen/graphgen/internal/schema"
)

// ident renders an IR identifier, qualified when it has an import path.
func ident(id schema.Ident) *jen.Statement {
	if id.ImportPath != "" {
		return jen.Qual(id.ImportPath, id.Name)
	}
	return jen.Id(id.Name)
}

// goType renders the Go type of a value: string, DateTime, *CloudPC,
// AnyEntity, []CloudPC, []Opt[string], json.RawMessage.
func goType(t *schema.Type) *jen.Statement {
	switch t.Kind {
	case schema.KindStruct:
		return jen.Op("*").Add(ident(t.Name))
	case schema.KindArray:
		return jen.Index().Add(elemType(t))
	}
	return ident(t.Name)
}

// elemType is the element type of an array: structs are held by value, and
// items that may be null are held in an Opt.
func elemType(t *schema.Type) *jen.Statement {
	if t.ElemNullable {
		return jen.Id("Opt").Index(goType(t.Elem))
	}
	if t.Elem.Kind == schema.KindStruct {
		return ident(t.Elem.Name)
	}
	return goType(t.Elem)
}

// optType is the type of a field: Opt[T].
func optType(t *schema.Type) *jen.Statement {
	return jen.Id("Opt").Index(goType(t))
}

// scalarHelper names the support helper that reads or writes one scalar:
// prefix "read" or "write" plus a suffix per kind, instantiated with the Go
// type where the helper is generic: readStringAs[DateTime], writeBoolAs.
func scalarHelper(prefix string, t *schema.Type) *jen.Statement {
	switch t.Kind {
	case schema.KindString, schema.KindFormatted, schema.KindEnum:
		return jen.Id(prefix + "StringAs").Index(ident(t.Name))
	case schema.KindBool:
		return jen.Id(prefix + "BoolAs")
	case schema.KindInt:
		return jen.Id(prefix + "IntAs").Index(ident(t.Name))
	case schema.KindUint:
		return jen.Id(prefix + "UintAs").Index(ident(t.Name))
	case schema.KindFloat:
		if t.Bits == 32 {
			return jen.Id(prefix + "Float32As").Index(ident(t.Name))
		}
		return jen.Id(prefix + "Float64As").Index(ident(t.Name))
	case schema.KindDecimal:
		return jen.Id(prefix + "DecimalAs")
	}
	return jen.Id(prefix + "RawAs")
}

// reader returns a func(r *jsonReader) T expression that reads one value.
//
//	readStringAs[string]
//	readModel[CloudPC]
//	decodeAnyEntity
//	func(r *jsonReader) []CloudPC { return readSlice(r, readModelValue[CloudPC]) }
func reader(t *schema.Type) jen.Code {
	switch t.Kind {
	case schema.KindStruct:
		return jen.Id("readModel").Index(ident(t.Name))
	case schema.KindInterface:
		return jen.Id(decodeAnyName(t.Struct))
	case schema.KindArray:
		return jen.Func().Params(jen.Id("r").Op("*").Id("jsonReader")).Add(goType(t)).Block(
			jen.Return(jen.Id("readSlice").Call(jen.Id("r"), itemReader(t))),
		)
	}
	return scalarHelper("read", t)
}

// itemReader reads one array item.
func itemReader(t *schema.Type) jen.Code {
	if t.ElemNullable {
		return jen.Id("readNullable").Call(reader(t.Elem))
	}
	if t.Elem.Kind == schema.KindStruct {
		return jen.Id("readModelValue").Index(ident(t.Elem.Name))
	}
	return reader(t.Elem)
}

// writer returns a func(w *jsonWriter, v T) expression that writes one value.
func writer(t *schema.Type) jen.Code {
	switch t.Kind {
	case schema.KindStruct:
		return jen.Id("writeModel").Index(goType(t))
	case schema.KindInterface:
		return jen.Id(encodeAnyName(t.Struct))
	case schema.KindArray:
		return arrayWriter(t)
	}
	return scalarHelper("write", t)
}

// arrayWriter writes a slice; slices of structs are written by reference.
func arrayWriter(t *schema.Type) jen.Code {
	params := jen.Params(jen.Id("w").Op("*").Id("jsonWriter"), jen.Id("items").Add(goType(t)))
	if t.Elem.Kind == schema.KindStruct && !t.ElemNullable {
		return jen.Func().Add(params).Block(jen.Id("writeSliceRef").Call(
			jen.Id("w"), jen.Id("items"), jen.Id("writeModelRef").Index(ident(t.Elem.Name))))
	}
	write := writer(t.Elem)
	if t.ElemNullable {
		write = jen.Id("writeNullable").Call(write)
	}
	return jen.Func().Add(params).Block(jen.Id("writeSlice").Call(jen.Id("w"), jen.Id("items"), write))
}
