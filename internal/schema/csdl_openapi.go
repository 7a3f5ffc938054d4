package schema

import (
	"fmt"
	"slices"
	"strings"
)

// CSDL to OpenAPI: the component schemas Microsoft's converter writes for a
// CSDL document, by the rules in docs/csdl.md, so that a CSDL document and
// the OpenAPI document converted from it are read into the same raw
// schemas. Each schema is a Go value (maps, slices, strings, numbers)
// ready to be written as JSON.

// csdlNamed is a type of the document by its full name.
type csdlNamed struct {
	full   string // "microsoft.graph.user"
	schema *csdlSchema
	typ    *csdlType // nil for an enum
	enum   *csdlEnum
}

// csdlConverter holds what the rules look up across the document.
type csdlConverter struct {
	doc     *csdlDocument
	types   map[string]*csdlNamed
	order   []*csdlNamed        // every type in document order
	aliases map[string]string   // alias -> namespace
	derived map[string][]string // full name -> the types that derive from it directly, in document order
	targets map[string][]*csdlAnnotation
	refs    map[string]bool // referenced's answers: every type derived from a base asks again
	p       *problems
	file    string
}

func newCSDLConverter(doc *csdlDocument, file string, p *problems) *csdlConverter {
	c := &csdlConverter{doc: doc, types: map[string]*csdlNamed{}, aliases: map[string]string{},
		derived: map[string][]string{}, targets: map[string][]*csdlAnnotation{}, refs: map[string]bool{}, p: p, file: file}
	for _, s := range doc.Schemas {
		if s.Alias != "" {
			c.aliases[s.Alias] = s.Namespace
		}
	}
	for _, s := range doc.Schemas {
		for _, e := range s.EnumTypes {
			c.add(&csdlNamed{full: s.Namespace + "." + e.Name, schema: s, enum: e})
		}
		for _, t := range s.Types {
			c.add(&csdlNamed{full: s.Namespace + "." + t.Name, schema: s, typ: t})
		}
		for _, a := range s.Annotations {
			target := c.resolveName(a.Target)
			c.targets[target] = append(c.targets[target], a.Annotation...)
		}
	}
	slices.SortStableFunc(c.order, func(a, b *csdlNamed) int { return nodeOrder(a.node(), b.node()) })
	for _, n := range c.order {
		if n.typ != nil && n.typ.BaseType != "" {
			base := c.resolveName(n.typ.BaseType)
			c.derived[base] = append(c.derived[base], n.full)
		}
	}
	return c
}

func (n *csdlNamed) node() *xmlNode {
	if n.typ != nil {
		return n.typ.at
	}
	return n.enum.at
}

// nodeOrder orders elements as they appear in the document.
func nodeOrder(a, b *xmlNode) int {
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Col - b.Col
}

func (c *csdlConverter) add(n *csdlNamed) {
	if _, dup := c.types[n.full]; dup {
		c.errorAt(n.node(), "the type %s is declared twice", n.full)
		return
	}
	c.types[n.full] = n
	c.order = append(c.order, n)
}

// errorAt reports a problem at an element of the document.
func (c *csdlConverter) errorAt(at *xmlNode, format string, args ...any) {
	c.p.list = append(c.p.list, &Error{Origin: Origin{File: c.file}, Line: at.Line, Column: at.Col, Kind: "invalid", Msg: fmt.Sprintf(format, args...)})
}

// resolve splits a type reference into whether it is a collection and the
// full name, with the alias replaced: "Collection(graph.user)" is true,
// "microsoft.graph.user".
func (c *csdlConverter) resolve(ref string) (bool, string) {
	inner, coll := strings.CutPrefix(ref, "Collection(")
	if coll {
		inner = strings.TrimSuffix(inner, ")")
	}
	return coll, c.resolveName(inner)
}

// resolveName replaces an alias in a qualified name (or a target path).
func (c *csdlConverter) resolveName(name string) string {
	if strings.HasPrefix(name, "Edm.") {
		return name
	}
	head, rest, _ := strings.Cut(name, "/")
	ns, short := "", head
	if i := strings.LastIndexByte(head, '.'); i >= 0 {
		ns, short = head[:i], head[i+1:]
	}
	if full, ok := c.aliases[ns]; ok {
		ns = full
	}
	out := short
	if ns != "" {
		out = ns + "." + short
	}
	if rest != "" {
		out += "/" + rest
	}
	return out
}

// schemas returns every component schema the converter writes, by name.
func (c *csdlConverter) schemas() map[string]any {
	out := map[string]any{}
	inner := c.innerErrorName()
	for _, n := range c.order {
		switch {
		case n.enum != nil:
			out[n.full] = c.enumSchema(n)
		case n.full == inner:
			out[c.errorsPrefix()+"InnerError"] = c.structured(n, false)
		default:
			out[n.full] = c.structured(n, false)
		}
	}
	entities, complexes := c.collectionTypes()
	for _, e := range entities {
		out[e+"CollectionResponse"] = collectionResponse("Collection of "+c.types[e].typ.Name, e)
	}
	for _, x := range complexes {
		out[x+"CollectionResponse"] = collectionResponse("Collection of "+x, x)
	}
	for name, s := range c.fixedSchemas() {
		out[name] = s
	}
	return out
}

func ref(name string) map[string]any { return map[string]any{"$ref": componentsPrefix + name} }

func collectionResponse(title, item string) map[string]any {
	return map[string]any{"title": title, "type": "object", "allOf": []any{
		ref("BaseCollectionPaginationCountResponse"),
		map[string]any{"type": "object", "properties": map[string]any{"value": map[string]any{"type": "array", "items": ref(item)}}},
	}}
}

// rootNamespace is the declared namespace with the fewest dots.
func (c *csdlConverter) rootNamespace() string {
	root := ""
	for _, s := range c.doc.Schemas {
		if root == "" || strings.Count(s.Namespace, ".") < strings.Count(root, ".") {
			root = s.Namespace
		}
	}
	return root
}

func (c *csdlConverter) errorsPrefix() string { return c.rootNamespace() + ".ODataErrors." }

// innerErrorName is the complex type that becomes ODataErrors.InnerError.
func (c *csdlConverter) innerErrorName() string {
	name := c.rootNamespace() + ".InnerError"
	if n := c.types[name]; n != nil && n.typ != nil && !n.typ.Entity {
		return name
	}
	return ""
}

// fixedSchemas are the schemas the converter writes whatever the document.
func (c *csdlConverter) fixedSchemas() map[string]any {
	e := c.errorsPrefix()
	str := func() map[string]any { return map[string]any{"type": "string"} }
	nullableStr := func() map[string]any { return map[string]any{"type": "string", "nullable": true} }
	out := map[string]any{
		"BaseCollectionPaginationCountResponse": map[string]any{"title": "Base collection pagination and count responses", "type": "object",
			"properties": map[string]any{
				"@odata.count":    map[string]any{"type": "integer", "format": "int64", "nullable": true},
				"@odata.nextLink": nullableStr(),
			}},
		"ReferenceNumeric": map[string]any{"title": "ReferenceNumeric", "enum": []any{"-INF", "INF", "NaN"}, "type": "string", "nullable": true},
		e + "ODataError": map[string]any{"title": e + "ODataError", "required": []any{"error"}, "type": "object",
			"properties": map[string]any{"error": ref(e + "MainError")}},
		e + "MainError": map[string]any{"title": e + "MainError", "required": []any{"code", "message"}, "type": "object",
			"properties": map[string]any{
				"code":       str(),
				"message":    map[string]any{"type": "string", "x-ms-primary-error-message": true},
				"target":     nullableStr(),
				"details":    map[string]any{"type": "array", "items": ref(e + "ErrorDetails")},
				"innerError": ref(e + "InnerError"),
			}},
		e + "ErrorDetails": map[string]any{"title": e + "ErrorDetails", "required": []any{"code", "message"}, "type": "object",
			"properties": map[string]any{"code": str(), "message": str(), "target": nullableStr()}},
	}
	if c.innerErrorName() == "" {
		// No InnerError type (the national clouds' documents): the
		// converter's fallback.
		out[e+"InnerError"] = map[string]any{"type": "object", "description": "The structure of this object is service-specific"}
	}
	return out
}

// check reports the bases that name nothing or a type of another kind, and
// inheritance cycles; the schemas are written only without them.
func (c *csdlConverter) check() bool {
	ok := true
	for _, n := range c.order {
		if n.typ == nil || n.typ.BaseType == "" {
			continue
		}
		base := c.types[c.resolveName(n.typ.BaseType)]
		switch {
		case base == nil:
			c.errorAt(n.typ.at, "%s: the base type %s names nothing in the document", n.full, n.typ.BaseType)
			ok = false
		case base.typ == nil || base.typ.Entity != n.typ.Entity:
			c.errorAt(n.typ.at, "%s: the base type %s is not a type of the same kind", n.full, n.typ.BaseType)
			ok = false
		}
	}
	for _, n := range c.order {
		seen := map[string]bool{}
		for t := n; t != nil && t.typ != nil && t.typ.BaseType != ""; t = c.types[c.resolveName(t.typ.BaseType)] {
			if seen[t.full] {
				c.errorAt(n.node(), "%s: its base types form a cycle", n.full)
				return false
			}
			seen[t.full] = true
		}
	}
	return ok && len(c.p.list) == 0
}
