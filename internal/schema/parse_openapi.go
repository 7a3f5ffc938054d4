package schema

import (
	"encoding/json"

	"github.com/graphgen/graphgen/internal/par"
)

// openapiComponents is what graphgen reads of an OpenAPI document's
// components: the schemas, the bodies that may hold a schema inline, and
// the sections that carry no model, which are only counted.
type openapiComponents struct {
	Schemas       map[string]json.RawMessage `json:"schemas"`
	Responses     map[string]*bodyObject     `json:"responses"`
	RequestBodies map[string]*bodyObject     `json:"requestBodies"`
	// Counted as skipped.
	Parameters      map[string]json.RawMessage `json:"parameters"`
	Headers         map[string]json.RawMessage `json:"headers"`
	Examples        map[string]json.RawMessage `json:"examples"`
	SecuritySchemes map[string]json.RawMessage `json:"securitySchemes"`
	Links           map[string]json.RawMessage `json:"links"`
	Callbacks       map[string]json.RawMessage `json:"callbacks"`
}

// parseOpenAPI returns the schemas under components/schemas, in name order,
// then the inline object schemas of the document's bodies (see bodies.go).
// What carries no model is counted in skipped.
func parseOpenAPI(doc Document, top map[string]*docValue, p *problems, skipped skipCounts) []rawSchema {
	var components openapiComponents
	if raw, ok := top["components"]; ok {
		if err := raw.decode(&components); err != nil {
			p.add(Origin{File: doc.File, Pointer: "/components"}, "invalid", "components: %v", err)
			return nil
		}
	}
	countSkipped(&components, skipped)
	out := parseComponentSchemas(doc, components.Schemas, p)
	paths, ok := readPaths(doc, top["paths"], p)
	if !ok {
		return out
	}
	b := newBodyReader(doc.File, &components, paths, p, skipped)
	return append(out, b.read()...)
}

// readPaths decodes, once and in parallel, what bodies.go reads of every
// operation: path -> method -> operation. An operation that is not valid is
// reported and left out.
func readPaths(doc Document, v *docValue, p *problems) (map[string]map[string]*operationObject, bool) {
	if v == nil || string(v.json) == "null" {
		return nil, true
	}
	items, err := v.object()
	if err != nil {
		p.add(Origin{File: doc.File, Pointer: "/paths"}, "invalid", "paths: %v", err)
		return nil, false
	}
	type operation struct {
		path, method string
		raw          *docValue
		op           *operationObject
		err          error
	}
	var ops []operation
	for _, path := range sortedKeys(items) {
		methodValues, err := items[path].object()
		if err != nil {
			p.add(Origin{File: doc.File, Pointer: "/paths"}, "invalid", "paths: %v", err)
			return nil, false
		}
		for _, method := range methods {
			if raw, ok := methodValues[method]; ok {
				ops = append(ops, operation{path: path, method: method, raw: raw})
			}
		}
	}
	par.For(len(ops), func(i int) {
		ops[i].op = new(operationObject)
		ops[i].err = ops[i].raw.decode(ops[i].op)
	})
	paths := make(map[string]map[string]*operationObject, len(items))
	for _, path := range sortedKeys(items) {
		paths[path] = map[string]*operationObject{}
	}
	for _, o := range ops {
		if o.err != nil {
			p.add(Origin{File: doc.File, Pointer: pointerJoin("/paths", o.path, o.method)}, "invalid", "not a valid operation: %v", o.err)
			continue
		}
		paths[o.path][o.method] = o.op
	}
	return paths, true
}

// countSkipped counts the component sections that carry no model.
func countSkipped(c *openapiComponents, skipped skipCounts) {
	skipped.add("parameters", len(c.Parameters))
	skipped.add("headers", len(c.Headers))
	skipped.add("examples", len(c.Examples))
	skipped.add("security schemes", len(c.SecuritySchemes))
	skipped.add("links", len(c.Links))
	skipped.add("callbacks", len(c.Callbacks))
}

// parseComponentSchemas parses components/schemas, in name order.
func parseComponentSchemas(doc Document, schemas map[string]json.RawMessage, p *problems) []rawSchema {
	names := sortedKeys(schemas)
	parsed := make([]rawSchema, len(names))
	found := make([]problems, len(names))
	par.For(len(names), func(i int) {
		at := Origin{File: doc.File, Pointer: pointerJoin("/components/schemas", names[i])}
		parsed[i] = rawSchema{Name: names[i], Schema: parseSchema(schemas[names[i]], at, &found[i]), Origin: at}
	})
	var out []rawSchema
	for i := range parsed {
		p.merge(&found[i])
		if parsed[i].Schema != nil {
			out = append(out, parsed[i])
		}
	}
	return out
}

// skipCounts counts, by kind, what an input holds that carries no model.
type skipCounts map[string]int

func (s skipCounts) add(kind string, n int) {
	if n > 0 {
		s[kind] += n
	}
}

// list returns the counts sorted by kind.
func (s skipCounts) list() []Skipped {
	out := make([]Skipped, 0, len(s))
	for _, kind := range sortedKeys(s) {
		out = append(out, Skipped{What: kind, Count: s[kind]})
	}
	return out
}
