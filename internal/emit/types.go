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
// []*CloudPC, []Opt[string], json.RawMessage.
func goType(t *schema.Type) *jen.Statement {
	switch t.Kind {
	case schema.KindStruct:
		return jen.Op("*").Add(ident(t.Name))
	case schema.KindArray:
		return jen.Index().Add(elemType(t))
	}
	return ident(t.Name)
}

// elemType is the element type of an array: structs by pointer (nil for a
// null item), other items that may be null in an Opt.
func elemType(t *schema.Type) *jen.Statement {
	if t.OptItems() {
		return jen.Id(supOpt).Index(goType(t.Elem))
	}
	return goType(t.Elem)
}

// optType is the type of a field: Opt[T].
func optType(t *schema.Type) *jen.Statement {
	return jen.Id(supOpt).Index(goType(t))
}
