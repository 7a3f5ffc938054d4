package schema

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// ownPart is one object part of a struct's schema: the schema itself or an
// inline allOf member, with the pointer to it.
type ownPart struct {
	schema  *openapi3.Schema
	pointer string
}

// ownParts returns the parts of r that declare r's own properties.
func ownParts(r *rawSchema) []ownPart {
	parts := []ownPart{{r.Schema, r.Origin.Pointer}}
	for i, p := range r.Schema.AllOf {
		if p != nil && p.Ref == "" && p.Value != nil {
			parts = append(parts, ownPart{p.Value, pointerJoin(r.Origin.Pointer, "allOf", strconv.Itoa(i))})
		}
	}
	return parts
}

// lowerFields lowers a struct's own properties, sorted by JSON name. A
// property an ancestor already declares (Graph repeats @odata.type in every
// subtype) stays with the ancestor.
func (l *lowerer) lowerFields(s *Struct, r *rawSchema) []*Field {
	inherited := l.inheritedProperties(s)
	goNames := newNameSet(l.reservedFieldNames(s)...)
	var fields []*Field
	for _, part := range ownParts(r) {
		for _, name := range sortedKeys(part.schema.Properties) {
			if inherited[name] || slices.ContainsFunc(fields, func(f *Field) bool { return f.JSONName == name }) {
				continue
			}
			at := Origin{File: r.Origin.File, Pointer: pointerJoin(part.pointer, "properties", name)}
			f := l.lowerField(name, part.schema.Properties[name], at)
			f.Required = slices.Contains(part.schema.Required, name) && name != odataTypeProperty
			f.Discriminator = name == odataTypeProperty && s.Base == nil
			want, ok := l.opts.FieldNames[r.Name+"/"+name]
			if !ok {
				want = goName(name)
			}
			f.Name = goNames.claim(want, "Property")
			fields = append(fields, f)
		}
	}
	slices.SortStableFunc(fields, func(a, b *Field) int { return strings.Compare(a.JSONName, b.JSONName) })
	return fields
}

// lowerField lowers one property schema.
func (l *lowerer) lowerField(name string, ref *openapi3.SchemaRef, at Origin) *Field {
	t, nullable, rules := l.lowerType(ref, at)
	f := &Field{JSONName: name, Type: t, Nullable: nullable, Rules: rules, Origin: at}
	if ref != nil && ref.Value != nil {
		f.Doc = ref.Value.Description
		f.ReadOnly = ref.Value.ReadOnly
		f.Navigation, _ = ref.Value.Extensions["x-ms-navigationProperty"].(bool)
		f.Deprecation = deprecationOf(ref.Value)
	}
	return f
}

// inheritedProperties is the set of JSON names s's ancestors declare.
func (l *lowerer) inheritedProperties(s *Struct) map[string]bool {
	out := map[string]bool{}
	for b := s.Base; b != nil; b = b.Base {
		for _, part := range ownParts(l.byName[b.SchemaName]) {
			for name := range part.schema.Properties {
				out[name] = true
			}
		}
	}
	return out
}

// reservedFieldNames are the names a field of s must not take: the methods
// every struct has, the undeclared-properties field, and the embedded
// ancestors with their accessors and fields.
func (l *lowerer) reservedFieldNames(s *Struct) []string {
	names := []string{"Validate", "MarshalJSON", "UnmarshalJSON", "Extra"}
	if s.SchemaName == odataErrorSchema {
		names = append(names, "Error")
	}
	for b := s.Base; b != nil; b = b.Base {
		names = append(names, b.Name.Name, "As"+b.Name.Name)
		for _, part := range ownParts(l.byName[b.SchemaName]) {
			for name := range part.schema.Properties {
				names = append(names, goName(name))
			}
		}
	}
	return append(names, "As"+s.Name.Name)
}

// assignPages marks collection responses: structs with a "value" array
// whose chain declares "@odata.nextLink". A struct whose chain already has a
// field named Items or NextLink keeps its fields and gets no page methods.
func assignPages(structs []*Struct) {
	for _, s := range structs {
		var items, next *Field
		names := map[string]bool{}
		for t := s; t != nil; t = t.Base {
			for _, f := range t.Fields {
				names[f.Name] = true
				switch {
				case t == s && f.JSONName == "value" && f.Type.Kind == KindArray:
					items = f
				case f.JSONName == "@odata.nextLink" && f.Type.Kind == KindString:
					next = f
				}
			}
		}
		if items != nil && next != nil && !names["Items"] && !names["NextLink"] {
			s.Page = &Page{Items: items, NextLink: next}
		}
	}
}

// odataErrorSchema is OData's error body, {"error": {"code", "message", …}}.
const odataErrorSchema = "microsoft.graph.ODataErrors.ODataError"

// errorText makes OData's error body a Go error, when its "error" member is
// an object with string "code" and "message" members.
func errorText(s *Struct) *ErrorText {
	if s.SchemaName != odataErrorSchema {
		return nil
	}
	field := fieldNamed(s.Fields, "error")
	if field == nil || field.Type.Kind != KindStruct {
		return nil
	}
	code, message := fieldNamed(field.Type.Struct.Fields, "code"), fieldNamed(field.Type.Struct.Fields, "message")
	if code == nil || message == nil || code.Type.Kind != KindString || message.Type.Kind != KindString {
		return nil
	}
	return &ErrorText{Field: field, Code: code, Message: message}
}

func fieldNamed(fields []*Field, jsonName string) *Field {
	for _, f := range fields {
		if f.JSONName == jsonName {
			return f
		}
	}
	return nil
}
