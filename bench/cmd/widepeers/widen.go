package main

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/graphgen/graphgen/internal/schema"
)

// A wideStruct is one struct of the output: a schema of the closure with
// its properties flattened, its bases' first (as oapi-codegen flattens
// allOf), and for a union base its subtypes' properties after its own.
type wideStruct struct {
	Name     string   // the IR's Go name, e.g. "DirectoryObject"
	Schema   string   // e.g. "microsoft.graph.directoryObject"
	Subtypes []string // the subtypes merged in, e.g. "microsoft.graph.group"; nil for most
	Fields   []wideField
}

// A wideField is one property of a wideStruct.
type wideField struct {
	Name     string         // the IR's Go name, e.g. "AadDeviceID"
	JSONName string         // e.g. "aadDeviceId"
	Type     goType         // e.g. *string
	Conflict bool           // typed differently by two members of a union, so json.RawMessage
	ref      *schema.Struct // the struct Type names (through arrays), which the closure follows; nil for none
}

// widen lowers the closure of cfg.types in pkg, following property and
// array item types (those of merged subtypes too), to structs sorted by Go
// name.
func widen(pkg *schema.Package, cfg config) ([]*wideStruct, error) {
	bySchema := map[string]*schema.Struct{}
	for _, s := range pkg.Structs {
		bySchema[s.SchemaName] = s
	}
	unions, err := resolveUnions(bySchema, cfg.unions)
	if err != nil {
		return nil, err
	}
	queue, err := lookupAll(bySchema, cfg.types)
	if err != nil {
		return nil, err
	}
	seen := map[*schema.Struct]bool{}
	var out []*wideStruct
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if seen[s] {
			continue
		}
		seen[s] = true
		ws, err := widenStruct(s, unions[s])
		if err != nil {
			return nil, err
		}
		out = append(out, ws)
		for _, f := range ws.Fields {
			if f.ref != nil && !seen[f.ref] {
				queue = append(queue, f.ref)
			}
		}
	}
	slices.SortFunc(out, func(a, b *wideStruct) int { return cmp.Compare(a.Name, b.Name) })
	return out, nil
}

// resolveUnions finds each union's structs and checks that every subtype
// derives from its base.
func resolveUnions(bySchema map[string]*schema.Struct, us []union) (map[*schema.Struct][]*schema.Struct, error) {
	out := map[*schema.Struct][]*schema.Struct{}
	for _, u := range us {
		base, err := lookup(bySchema, u.base)
		if err != nil {
			return nil, err
		}
		if out[base] != nil {
			return nil, fmt.Errorf("-union %s given twice", u.base)
		}
		subs, err := lookupAll(bySchema, u.subtypes)
		if err != nil {
			return nil, err
		}
		for _, sub := range subs {
			if !derives(sub, base) {
				return nil, fmt.Errorf("-union %s: %s does not derive from it", u.base, sub.SchemaName)
			}
		}
		out[base] = subs
	}
	return out, nil
}

func lookupAll(bySchema map[string]*schema.Struct, names []string) ([]*schema.Struct, error) {
	var out []*schema.Struct
	for _, name := range names {
		s, err := lookup(bySchema, name)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func lookup(bySchema map[string]*schema.Struct, name string) (*schema.Struct, error) {
	if s := bySchema[name]; s != nil {
		return s, nil
	}
	return nil, fmt.Errorf("no object schema %q in the input", name)
}

// derives reports whether sub has base among its bases.
func derives(sub, base *schema.Struct) bool {
	for s := sub.Base; s != nil; s = s.Base {
		if s == base {
			return true
		}
	}
	return false
}

// widenStruct is s with every property of its chain and, after them, those
// of subtypes that s lacks. A JSON name typed differently by two of them
// becomes json.RawMessage; two JSON names with one Go name are an error.
func widenStruct(s *schema.Struct, subtypes []*schema.Struct) (*wideStruct, error) {
	ws := &wideStruct{Name: s.Name.Name, Schema: s.SchemaName}
	m := merger{ws: ws, byJSON: map[string]int{}, byGo: map[string]string{}}
	for _, f := range chainFields(s) {
		if err := m.add(f); err != nil {
			return nil, fmt.Errorf("%s: %w", s.SchemaName, err)
		}
	}
	for _, sub := range subtypes {
		ws.Subtypes = append(ws.Subtypes, sub.SchemaName)
		for _, f := range chainFields(sub) {
			if err := m.add(f); err != nil {
				return nil, fmt.Errorf("%s with %s: %w", s.SchemaName, sub.SchemaName, err)
			}
		}
	}
	return ws, nil
}

// chainFields are the properties of s and its bases, the root's first.
func chainFields(s *schema.Struct) []*schema.Field {
	if s == nil {
		return nil
	}
	return append(chainFields(s.Base), s.Fields...)
}

// A merger adds properties to a wideStruct, once per JSON name.
type merger struct {
	ws     *wideStruct
	byJSON map[string]int    // JSON name → index in ws.Fields
	byGo   map[string]string // Go name → JSON name
}

func (m merger) add(f *schema.Field) error {
	t, ref := fieldType(f.Type)
	if i, ok := m.byJSON[f.JSONName]; ok {
		if have := &m.ws.Fields[i]; have.Type != t {
			have.Type, have.Conflict, have.ref = rawMessage, true, nil
		}
		return nil
	}
	if other, ok := m.byGo[f.Name]; ok {
		return fmt.Errorf("properties %q and %q are both Go field %s", other, f.JSONName, f.Name)
	}
	m.byJSON[f.JSONName], m.byGo[f.Name] = len(m.ws.Fields), f.JSONName
	m.ws.Fields = append(m.ws.Fields, wideField{Name: f.Name, JSONName: f.JSONName, Type: t, ref: ref})
	return nil
}
