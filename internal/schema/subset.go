package schema

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// selectSubset returns the schemas Options.Types asks for and their
// closure: every schema they reference through allOf, properties, items,
// anyOf and oneOf (discriminator mappings excepted), and with
// Options.Subtypes every schema derived from one already selected, until
// nothing more is added. Without Types it returns raws.
func selectSubset(raws []rawSchema, opts Options, p *problems) []rawSchema {
	if len(opts.Types) == 0 {
		return raws
	}
	s := subsetter{byName: indexByName(raws), want: map[string]bool{}}
	for _, name := range opts.Types {
		if s.byName[name] == nil {
			p.add(Origin{File: "options"}, "unknown-type", "types: no schema named %q in the input", name)
			continue
		}
		s.add(name)
	}
	s.drain()
	for opts.Subtypes && s.addSubtypes(raws) {
		s.drain()
	}
	var out []rawSchema
	for _, r := range raws {
		if s.want[r.Name] {
			out = append(out, r)
		}
	}
	return out
}

// subsetter grows a set of schema names to its closure.
type subsetter struct {
	byName map[string]*rawSchema
	want   map[string]bool
	queue  []string
}

func (s *subsetter) add(name string) {
	if !s.want[name] && s.byName[name] != nil {
		s.want[name] = true
		s.queue = append(s.queue, name)
	}
}

// drain adds everything the queued schemas reference.
func (s *subsetter) drain() {
	for len(s.queue) > 0 {
		name := s.queue[0]
		s.queue = s.queue[1:]
		walkRefs(s.byName[name].Schema, s.add)
	}
}

// addSubtypes adds every schema whose allOf base is selected, reporting
// whether it added any.
func (s *subsetter) addSubtypes(raws []rawSchema) bool {
	added := false
	for _, r := range raws {
		if s.want[r.Name] {
			continue
		}
		for _, part := range r.Schema.AllOf {
			if part == nil {
				continue
			}
			if name, ok := strings.CutPrefix(part.Ref, componentsPrefix); ok && s.want[name] {
				s.add(r.Name)
				added = true
				break
			}
		}
	}
	return added
}

// walkRefs calls visit with the name of every schema s references.
func walkRefs(s *openapi3.Schema, visit func(name string)) {
	walk := func(ref *openapi3.SchemaRef) {
		if ref == nil {
			return
		}
		if name, ok := strings.CutPrefix(ref.Ref, componentsPrefix); ok {
			visit(name)
			return
		}
		if ref.Value != nil {
			walkRefs(ref.Value, visit)
		}
	}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
		for _, ref := range group {
			walk(ref)
		}
	}
	walk(s.Items)
	for _, name := range sortedKeys(s.Properties) {
		walk(s.Properties[name])
	}
}
