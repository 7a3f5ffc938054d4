package schema

import (
	"cmp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

const odataTypeProperty = "@odata.type"

// assignODataTypes sets each struct's own discriminator value: Graph's
// x-ms-discriminator-value, else the default of its own @odata.type
// property, else the key of a discriminator mapping entry that names it,
// else, for a microsoft.graph schema, "#" and its name: OData's type name,
// which Graph writes for abstract bases such as identitySet too.
func (l *lowerer) assignODataTypes(structs []*Struct) {
	fromMappings := l.mappingValues()
	for _, s := range structs {
		r := l.byName[s.SchemaName]
		switch {
		case s.Body != nil: // an inline body has no @odata.type
		case extString(r.Schema, "x-ms-discriminator-value") != "":
			s.ODataType = extString(r.Schema, "x-ms-discriminator-value")
		case ownODataTypeDefault(r.Schema) != "":
			s.ODataType = ownODataTypeDefault(r.Schema)
		case fromMappings[s] != "":
			s.ODataType = fromMappings[s]
		case strings.HasPrefix(s.SchemaName, graphNamespace):
			s.ODataType = "#" + s.SchemaName
		}
	}
	l.checkODataTypesUnique(structs)
}

// checkODataTypesUnique reports two types sharing a discriminator value,
// which dispatch could not tell apart.
func (l *lowerer) checkODataTypesUnique(structs []*Struct) {
	owner := map[string]*Struct{}
	for _, s := range structs {
		if other := owner[s.ODataType]; other != nil {
			l.p.add(s.Origin, "name-clash", "discriminator value %q is also the value of %q", s.ODataType, other.SchemaName)
		} else if s.ODataType != "" {
			owner[s.ODataType] = s
		}
	}
}

// mappingValues returns, for every struct some discriminator mapping names,
// the smallest key naming it; dangling mapping targets are reported.
func (l *lowerer) mappingValues() map[*Struct]string {
	out := map[*Struct]string{}
	for _, r := range l.raws {
		d, pointer := discriminatorOf(&r)
		if d == nil {
			continue
		}
		at := Origin{File: r.Origin.File, Pointer: pointerJoin(pointer, "discriminator", "mapping")}
		for _, key := range sortedKeys(d.Mapping) {
			target := l.resolveRef(d.Mapping[key].Ref, Origin{File: at.File, Pointer: pointerJoin(at.Pointer, key)})
			if target == nil || l.structs[target.Name] == nil {
				continue
			}
			if s := l.structs[target.Name]; out[s] == "" {
				out[s] = key
			}
		}
	}
	return out
}

// assignPoly gives every struct that has descendants its dispatch table. Cases list every descendant (and the base itself) that has
// a discriminator value, so one lookup finds a grandchild too.
func (l *lowerer) assignPoly(structs []*Struct) {
	descendants := map[*Struct][]*Struct{}
	for _, s := range structs {
		for b := s.Base; b != nil; b = b.Base {
			descendants[b] = append(descendants[b], s)
		}
	}
	for _, s := range structs {
		cases := dispatchCases(s, descendants[s])
		if !slices.ContainsFunc(cases, func(c *Dispatch) bool { return c.Struct != s }) {
			continue // no subtype can be told apart: s stays a plain struct
		}
		s.Poly = &Poly{Property: l.discriminatorProperty(s), Cases: cases}
	}
}

// discriminatorProperty is the JSON name the nearest declared discriminator
// uses, @odata.type when none is declared.
func (l *lowerer) discriminatorProperty(s *Struct) string {
	for t := s; t != nil; t = t.Base {
		if d, _ := discriminatorOf(l.byName[t.SchemaName]); d != nil && d.PropertyName != "" {
			return d.PropertyName
		}
	}
	return odataTypeProperty
}

func dispatchCases(base *Struct, subs []*Struct) []*Dispatch {
	var cases []*Dispatch
	for _, s := range append([]*Struct{base}, subs...) {
		if s.ODataType != "" {
			cases = append(cases, &Dispatch{Value: s.ODataType, Key: strings.ToLower(strings.TrimPrefix(s.ODataType, "#")), Struct: s})
		}
	}
	slices.SortStableFunc(cases, func(a, b *Dispatch) int { return cmp.Compare(a.Key, b.Key) })
	return slices.CompactFunc(cases, func(a, b *Dispatch) bool { return a.Key == b.Key })
}

// ownODataTypeDefault is the default of the @odata.type property a schema
// declares itself (Graph writes "#microsoft.graph.windowsWebApp" there).
func ownODataTypeDefault(s *openapi3.Schema) string {
	for _, part := range append(openapi3.SchemaRefs{{Value: s}}, s.AllOf...) {
		if part == nil || part.Ref != "" || part.Value == nil {
			continue
		}
		if p := part.Value.Properties[odataTypeProperty]; p != nil && p.Value != nil {
			if v, ok := p.Value.Default.(string); ok {
				return v
			}
		}
	}
	return ""
}

func extString(s *openapi3.Schema, key string) string {
	v, _ := s.Extensions[key].(string)
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// linkDiscriminators points every Poly at the discriminator field of its
// root, adding the field to the root when the schema does not declare it.
func linkDiscriminators(structs []*Struct) {
	for _, s := range structs {
		if s.Poly == nil {
			continue
		}
		root := s.Root()
		i := slices.IndexFunc(root.Fields, func(f *Field) bool { return f.JSONName == s.Poly.Property })
		if i < 0 {
			root.Fields = append([]*Field{{
				Name:     goName(s.Poly.Property),
				JSONName: s.Poly.Property,
				Type:     &Type{Kind: KindString, Name: Ident{Name: "string"}},
				Rules:    noRules(),
				Origin:   root.Origin,
			}}, root.Fields...)
			i = 0
		}
		root.Fields[i].Discriminator = true
		s.Poly.Field = root.Fields[i]
	}
}

// discriminatorOf returns the discriminator a schema declares, on itself or
// (as Graph does below the root) on its own inline allOf part, and the
// pointer of the schema object that holds it.
func discriminatorOf(r *rawSchema) (*openapi3.Discriminator, string) {
	for _, part := range ownParts(r) {
		if part.schema.Discriminator != nil {
			return part.schema.Discriminator, part.pointer
		}
	}
	return nil, ""
}
