package schema

import (
	"slices"
	"strings"
)

// The schemas of CSDL's types and properties (docs/csdl.md §2–6).

const (
	termDescription = "Org.OData.Core.V1.Description"
	termComputed    = "Org.OData.Core.V1.Computed"
)

// dateTimePattern is the converter's pattern for Edm.DateTimeOffset.
const dateTimePattern = `^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$`

// edmSchemas are the schemas of the Edm primitives but the floating-point
// ones, before nullable.
var edmSchemas = map[string]map[string]any{
	"String":         {"type": "string"},
	"Boolean":        {"type": "boolean"},
	"Int16":          {"maximum": 32767, "minimum": -32768, "type": "number", "format": "int16"},
	"Int32":          {"maximum": 2147483647, "minimum": -2147483648, "type": "number", "format": "int32"},
	"Int64":          {"type": "number", "format": "int64"},
	"Byte":           {"type": "number", "format": "uint8"},
	"SByte":          {"maximum": 127, "minimum": -128, "type": "number", "format": "int8"},
	"Decimal":        {"type": "number", "format": "decimal"},
	"DateTimeOffset": {"pattern": dateTimePattern, "type": "string", "format": "date-time"},
	"Date":           {"pattern": `^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$`, "type": "string", "format": "date"},
	"TimeOfDay":      {"pattern": `^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?$`, "type": "string", "format": "time"},
	"Duration":       {"pattern": `^-?P([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+([.][0-9]+)?S)?)?$`, "type": "string", "format": "duration"},
	"Guid":           {"pattern": `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`, "type": "string", "format": "uuid"},
	"Binary":         {"type": "string", "format": "base64url"},
	"Stream":         {"type": "string", "format": "base64url"},
}

// primitive is the schema of an Edm primitive; false for a name that is
// none.
func primitive(edm string, nullable bool) (map[string]any, bool) {
	name := strings.TrimPrefix(edm, "Edm.")
	switch name {
	case "Double", "Single":
		format := map[string]string{"Double": "double", "Single": "float"}[name]
		return map[string]any{"oneOf": []any{
			map[string]any{"type": "number", "format": format, "nullable": true},
			map[string]any{"type": "string", "nullable": true},
			ref("ReferenceNumeric"),
		}}, true
	case "Untyped":
		return map[string]any{}, true
	}
	base, ok := edmSchemas[name]
	if !ok {
		return nil, false
	}
	out := make(map[string]any, len(base)+1)
	for k, v := range base {
		out[k] = v
	}
	if nullable {
		out["nullable"] = true
	}
	return out, true
}

// annotation finds the annotation of a term, on the element itself or in
// an <Annotations> block targeting it.
func (c *csdlConverter) annotation(target string, inline []*csdlAnnotation, term string) *csdlAnnotation {
	for _, a := range inline {
		if a.Term == term {
			return a
		}
	}
	for _, a := range c.targets[target] {
		if a.Term == term {
			return a
		}
	}
	return nil
}

// description is a Core.Description annotation's text, "" without one.
func (c *csdlConverter) description(target string, inline []*csdlAnnotation) string {
	if a := c.annotation(target, inline, termDescription); a != nil {
		s, _ := a.at.attr("String")
		return s
	}
	return ""
}

// descendants lists every type derived from full, depth first in document
// order.
func (c *csdlConverter) descendants(full string) []string {
	var out []string
	for _, d := range c.derived[full] {
		out = append(out, d)
		out = append(out, c.descendants(d)...)
	}
	return out
}

// structured is the schema of an entity or complex type; for a derived
// type, inner is its own part inside allOf.
func (c *csdlConverter) structured(n *csdlNamed, inner bool) map[string]any {
	t := n.typ
	derived := c.descendants(n.full)
	if t.BaseType != "" && !inner {
		out := map[string]any{"title": n.full, "allOf": []any{ref(c.resolveName(t.BaseType)), c.structured(n, true)}}
		if len(derived) == 0 {
			out["x-ms-discriminator-value"] = "#" + n.full
		}
		return out
	}
	props := map[string]any{}
	for _, navigation := range []bool{false, true} {
		for _, p := range t.Properties {
			if p.Navigation == navigation {
				props[p.Name] = c.propertySchema(n, p)
			}
		}
	}
	odataType := map[string]any{"type": "string"}
	if t.BaseType != "" && c.defaultODataType(c.resolveName(t.BaseType)) {
		odataType["default"] = "#" + n.full
	}
	props["@odata.type"] = odataType
	out := map[string]any{"title": t.Name, "required": []any{"@odata.type"}, "type": "object", "properties": props}
	if d := c.description(n.full, t.Annotation); d != "" {
		out["description"] = d
	}
	if len(derived) > 0 {
		mapping := map[string]any{}
		for _, d := range derived {
			mapping["#"+d] = componentsPrefix + d
		}
		out["discriminator"] = map[string]any{"propertyName": "@odata.type", "mapping": mapping}
	}
	return out
}

// defaultODataType reports whether a type derived from base gives its
// @odata.type a default (docs/csdl.md §2.4): base is abstract and not an
// entity, or referenced.
func (c *csdlConverter) defaultODataType(base string) bool {
	b := c.types[base]
	if b == nil || b.typ == nil {
		return false
	}
	return b.typ.Abstract && !isEntityName(base) || c.referenced(base, 0)
}

func isEntityName(full string) bool {
	return strings.EqualFold(full[strings.LastIndexByte(full, '.')+1:], "entity")
}

// referenced is the converter's IsBaseTypeReferencedAsTypeInModel: a
// single-valued property or action parameter has the type base, or one of
// its bases.
func (c *csdlConverter) referenced(base string, depth int) bool {
	if isEntityName(base) || depth > len(c.order) {
		return false
	}
	if r, ok := c.refs[base]; ok {
		return r
	}
	r := c.referencedAsType(base, depth)
	c.refs[base] = r
	return r
}

func (c *csdlConverter) referencedAsType(base string, depth int) bool {
	for _, n := range c.order {
		if n.typ == nil || strings.EqualFold(n.typ.Name, "entity") {
			continue
		}
		for _, p := range n.typ.Properties {
			if coll, full := c.resolve(p.Type); !coll && full == base {
				return true
			}
		}
	}
	for _, s := range c.doc.Schemas {
		for _, op := range s.Operations {
			if !op.Action {
				continue
			}
			for _, p := range op.Parameters {
				if coll, full := c.resolve(p.Type); !coll && full == base {
					return true
				}
			}
		}
	}
	if b := c.types[base]; b != nil && b.typ != nil && b.typ.BaseType != "" {
		return c.referenced(c.resolveName(b.typ.BaseType), depth+1)
	}
	return false
}

// propertySchema is the schema of one property (docs/csdl.md §3–4).
func (c *csdlConverter) propertySchema(owner *csdlNamed, p *csdlProperty) map[string]any {
	coll, full := c.resolve(p.Type)
	var s map[string]any
	if strings.HasPrefix(full, "Edm.") {
		var ok bool
		if s, ok = primitive(full, p.Nullable); !ok {
			c.errorAt(p.at, "%s.%s: unknown type %s", owner.full, p.Name, p.Type)
			s = map[string]any{}
		}
	} else {
		target := c.types[full]
		name := full
		if full == c.innerErrorName() {
			name = c.errorsPrefix() + "InnerError"
		}
		switch {
		case target == nil:
			c.errorAt(p.at, "%s.%s: the type %s names nothing in the document", owner.full, p.Name, p.Type)
			s = ref(name)
		case coll && target.enum == nil, !p.Nullable:
			s = ref(name)
		default:
			s = map[string]any{"anyOf": []any{ref(name), map[string]any{"type": "object", "nullable": true}}}
		}
	}
	if coll {
		s = map[string]any{"type": "array", "items": s}
	}
	if _, bare := s["$ref"]; bare {
		return s // a bare reference gets nothing beside it
	}
	target := owner.full + "/" + p.Name
	if d := c.description(target, p.Annotation); d != "" {
		s["description"] = d
	}
	if !p.Navigation {
		if a := c.annotation(target, p.Annotation, termComputed); a != nil {
			if v, ok := a.at.attr("Bool"); !ok || v == "true" {
				s["readOnly"] = true
			}
		}
	}
	if p.Navigation {
		s["x-ms-navigationProperty"] = true
	}
	return s
}

// enumSchema is the schema of an enum type (docs/csdl.md §5).
func (c *csdlConverter) enumSchema(n *csdlNamed) map[string]any {
	e := n.enum
	out := map[string]any{"title": e.Name, "type": "string"}
	if len(e.Members) > 0 {
		var members []any
		for _, m := range e.Members {
			members = append(members, m.Name)
		}
		out["enum"] = members
	}
	if d := c.description(n.full, e.Annotation); d != "" {
		out["description"] = d
	}
	if e.IsFlags {
		out["x-ms-enum-flags"] = map[string]any{"isFlags": true}
	}
	var values []any
	for _, m := range e.Members {
		if d := c.description(n.full+"/"+m.Name, m.Annotation); d != "" {
			values = append(values, map[string]any{"value": m.Name, "description": d, "name": m.Name})
		}
	}
	if len(values) > 0 {
		out["x-ms-enum"] = map[string]any{"name": e.Name, "modelAsString": false, "values": values}
	}
	return out
}

// collectionTypes are the types that get a …CollectionResponse (docs/csdl.md
// §7.1): the entity types of entity sets and of collection-valued
// navigation properties with every type derived from them, and the complex
// types of collection-valued structural properties.
func (c *csdlConverter) collectionTypes() (entities, complexes []string) {
	seen := map[string]bool{}
	addEntity := func(full string) {
		if !seen[full] && c.types[full] != nil && c.types[full].typ != nil {
			seen[full] = true
			entities = append(entities, full)
		}
	}
	for _, s := range c.doc.Schemas {
		if s.Container == nil {
			continue
		}
		for _, set := range s.Container.EntitySets {
			if !set.Singleton {
				addEntity(c.resolveName(set.Type))
			}
		}
	}
	for _, n := range c.order {
		if n.typ == nil {
			continue
		}
		for _, p := range n.typ.Properties {
			if coll, full := c.resolve(p.Type); coll && p.Navigation {
				addEntity(full)
			}
		}
	}
	for _, e := range slices.Clone(entities) {
		for _, d := range c.descendants(e) {
			addEntity(d)
		}
	}
	seenComplex := map[string]bool{}
	for _, n := range c.order {
		if n.typ == nil {
			continue
		}
		for _, p := range n.typ.Properties {
			coll, full := c.resolve(p.Type)
			if t := c.types[full]; coll && !p.Navigation && t != nil && t.typ != nil && !t.typ.Entity && !seenComplex[full] {
				seenComplex[full] = true
				complexes = append(complexes, full)
			}
		}
	}
	return entities, complexes
}
