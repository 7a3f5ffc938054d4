package schema

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// lowerer turns parsed schemas into the IR. It is used once per Load.
type lowerer struct {
	opts     Options
	p        *problems
	raws     []rawSchema           // the schemas to generate, sorted by name
	byName   map[string]*rawSchema // every schema of the input, for resolving references
	structs  map[string]*Struct    // by schema name
	enums    map[string]*Enum      // by schema name
	scalars  map[string]*Scalar    // by schema name
	patterns map[string]*Pattern
	names    *nameSet          // package-level Go identifiers
	folded   map[string]string // lower-cased Go name -> the schema that has it
	files    map[string]string // lower-cased file name -> the schema written to it
}

func newLowerer(all, raws []rawSchema, opts Options, p *problems) *lowerer {
	l := &lowerer{
		opts:     opts,
		p:        p,
		raws:     raws,
		byName:   indexByName(all),
		structs:  map[string]*Struct{},
		enums:    map[string]*Enum{},
		scalars:  map[string]*Scalar{},
		patterns: map[string]*Pattern{},
		names:    newNameSet(ReservedNames()...),
		folded:   map[string]string{},
		files:    map[string]string{},
	}
	return l
}

func indexByName(raws []rawSchema) map[string]*rawSchema {
	m := make(map[string]*rawSchema, len(raws))
	for i := range raws {
		m[raws[i].Name] = &raws[i]
	}
	return m
}

// lower runs the passes in order: declare every type and its name, link
// bases, find polymorphic bases, then lower enums and fields, which may refer
// to any type.
func (l *lowerer) lower() *Package {
	for _, r := range declarationOrder(l.raws) {
		l.declare(r)
	}
	for _, r := range l.raws {
		if s := l.structs[r.Name]; s != nil {
			s.Base = l.baseOf(r)
		}
	}
	l.breakCycles()
	pkg := &Package{}
	for _, r := range l.raws {
		if s := l.structs[r.Name]; s != nil {
			pkg.Structs = append(pkg.Structs, s)
		}
		if e := l.enums[r.Name]; e != nil {
			pkg.Enums = append(pkg.Enums, e)
		}
		if sc := l.scalars[r.Name]; sc != nil {
			pkg.Scalars = append(pkg.Scalars, sc)
		}
	}
	l.assignODataTypes(pkg.Structs)
	l.assignPoly(pkg.Structs)
	for _, e := range pkg.Enums {
		l.lowerEnum(e, l.byName[e.SchemaName])
	}
	for _, s := range pkg.Structs {
		s.Fields = l.lowerFields(s, l.byName[s.SchemaName])
	}
	for _, s := range pkg.Structs {
		s.Error = errorText(s)
	}
	for _, sc := range pkg.Scalars {
		sc.Type, _, _ = l.lowerType(&openapi3.SchemaRef{Value: l.byName[sc.SchemaName].Schema}, sc.Origin)
	}
	linkDiscriminators(pkg.Structs)
	assignPages(pkg.Structs)
	sortByName(pkg)
	for _, pat := range l.patterns {
		pkg.Patterns = append(pkg.Patterns, pat)
	}
	slices.SortFunc(pkg.Patterns, func(a, b *Pattern) int { return cmp.Compare(a.Name, b.Name) })
	pkg.Registry = registryOf(pkg.Structs)
	for _, e := range pkg.Enums {
		e.Values = sortedValues(e)
	}
	return pkg
}

// registryOf lists every struct by its schema name and, where it differs,
// its @odata.type, sorted by name (a name listed twice keeps its first
// struct, in Go-name order, first).
func registryOf(structs []*Struct) []RegistryName {
	var names []RegistryName
	for _, s := range structs {
		names = append(names, RegistryName{s.SchemaName, s})
		if s.ODataType != "" && s.ODataType != s.SchemaName {
			names = append(names, RegistryName{s.ODataType, s})
		}
	}
	slices.SortStableFunc(names, func(a, b RegistryName) int { return cmp.Compare(a.Name, b.Name) })
	return names
}

// sortedValues are e's member values, sorted.
func sortedValues(e *Enum) []string {
	values := make([]string, len(e.Members))
	for i, m := range e.Members {
		values[i] = m.Value
	}
	slices.Sort(values)
	return values
}

func sortByName(pkg *Package) {
	slices.SortFunc(pkg.Structs, func(a, b *Struct) int { return cmp.Compare(a.Name.Name, b.Name.Name) })
	slices.SortFunc(pkg.Enums, func(a, b *Enum) int { return cmp.Compare(a.Name.Name, b.Name.Name) })
	slices.SortFunc(pkg.Scalars, func(a, b *Scalar) int { return cmp.Compare(a.Name.Name, b.Name.Name) })
}

// declare classifies one schema as a struct or an enum and names it.
func (l *lowerer) declare(r *rawSchema) {
	s := r.Schema
	switch {
	case len(s.Enum) > 0 || (s.Type.Is("string") && len(s.Properties) == 0 && len(s.AllOf) == 0):
		name := l.typeName(r)
		l.enums[r.Name] = &Enum{
			Name:       Ident{Name: name},
			File:       l.fileName(r, name),
			SchemaName: r.Name,
			Doc:        s.Description,
			Origin:     r.Origin,
		}
	case s.Type.Is("object") || len(s.Properties) > 0 || len(s.AllOf) > 0 || s.Discriminator != nil:
		name := l.typeName(r)
		l.structs[r.Name] = &Struct{
			Name:        Ident{Name: name},
			File:        l.fileName(r, name),
			SchemaName:  r.Name,
			Doc:         structDoc(s),
			Deprecation: deprecationOf(s),
			Body:        r.Body,
			Origin:      r.Origin,
		}
	default:
		name := l.typeName(r)
		l.scalars[r.Name] = &Scalar{
			Name:        Ident{Name: name},
			File:        l.fileName(r, name),
			SchemaName:  r.Name,
			Doc:         s.Description,
			Deprecation: deprecationOf(s),
			Origin:      r.Origin,
		}
	}
}

// typeName claims the Go name of a schema. When two schemas would share a
// name, also when they differ only in case, the one declared first (see
// declarationOrder) keeps it and the other gets a number: SecurityAlert2.
// Each such renaming is reported as a warning.
func (l *lowerer) typeName(r *rawSchema) string {
	want := cmp.Or(r.GoName, typeGoName(r.Name))
	if name, ok := l.opts.TypeNames[r.Name]; ok {
		want = name
	}
	name := l.names.claim(want, "")
	if name != want {
		owner := "taken by the support code"
		if other := l.folded[strings.ToLower(want)]; other != "" {
			owner = other + "'s"
		}
		l.p.warn(r.Origin, "name-clash", "schema %q is named %s because %s is %s", r.Name, name, want, owner)
	}
	l.folded[strings.ToLower(name)] = r.Name
	return name
}

// fileName claims the file of a type, ignoring case as file systems may.
// Go names never share a file name (they are claimed ignoring case, and the
// file name only adds underscores), but overrides may contain underscores:
// CloudPc and Cloud_Pc would both be cloud_pc_gen.go, which is an error
// naming both schemas.
func (l *lowerer) fileName(r *rawSchema, goName string) string {
	file := typeFileName(goName)
	key := strings.ToLower(file)
	if other, ok := l.files[key]; ok {
		l.p.add(r.Origin, "name-clash", "schemas %q and %q would both be written to %s: give one of them another Go name (names.types)", other, r.Name, file)
		return file
	}
	l.files[key] = r.Name
	return file
}

// declarationOrder ranks schemas for claiming Go names: the microsoft.graph
// namespace before sub-namespaces (fewer dots first), then by name. The
// order depends only on the names, never on the order of input files.
func declarationOrder(raws []rawSchema) []*rawSchema {
	out := make([]*rawSchema, len(raws))
	for i := range raws {
		out[i] = &raws[i]
	}
	slices.SortStableFunc(out, func(a, b *rawSchema) int {
		return cmp.Or(cmp.Compare(strings.Count(a.Name, "."), strings.Count(b.Name, ".")), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// structDoc returns the description of an object schema, or of its own
// inline allOf part.
func structDoc(s *openapi3.Schema) string {
	if s.Description != "" {
		return s.Description
	}
	for _, part := range s.AllOf {
		if part != nil && part.Ref == "" && part.Value != nil && part.Value.Description != "" {
			return part.Value.Description
		}
	}
	return ""
}

// baseOf returns the struct that r's allOf $ref names.
func (l *lowerer) baseOf(r rawSchema) *Struct {
	var base *Struct
	for i, part := range r.Schema.AllOf {
		if part == nil || part.Ref == "" {
			continue
		}
		at := Origin{File: r.Origin.File, Pointer: pointerJoin(r.Origin.Pointer, "allOf", strconv.Itoa(i))}
		target := l.resolveRef(part.Ref, at)
		switch {
		case target == nil:
		case l.structs[target.Name] == nil:
			l.p.add(at, "unsupported", "allOf refers to %q, which is not an object schema", target.Name)
		case base != nil:
			l.p.add(at, "unsupported", "allOf with more than one $ref (multiple inheritance) is not supported")
		default:
			base = l.structs[target.Name]
		}
	}
	return base
}

// resolveRef returns the schema a $ref names, reporting a dangling or
// unsupported reference at the place that holds it.
func (l *lowerer) resolveRef(ref string, at Origin) *rawSchema {
	name, ok := strings.CutPrefix(ref, componentsPrefix)
	if !ok {
		l.p.add(at, "unsupported", "$ref %q: only references to #/components/schemas/NAME are supported", ref)
		return nil
	}
	target := l.byName[name]
	switch {
	case target != nil:
	case l.opts.AllowMissingRefs:
		l.p.warn(at, "dangling-ref", "$ref to missing schema %q; its values are kept as raw JSON", name)
	default:
		l.p.add(at, "dangling-ref", "$ref to missing schema %q", name)
	}
	return target
}

// breakCycles reports every allOf inheritance cycle once and cuts the edge
// that closes it, so later passes can walk base chains safely.
func (l *lowerer) breakCycles() {
	for _, r := range l.raws {
		var chain []*Struct
		for t := l.structs[r.Name]; t != nil; t = t.Base {
			if i := slices.Index(chain, t); i >= 0 {
				last := chain[len(chain)-1]
				names := make([]string, 0, len(chain)-i+1)
				for _, c := range append(chain[i:], t) {
					names = append(names, c.SchemaName)
				}
				l.p.add(baseRefOrigin(l.byName[last.SchemaName]), "allof-cycle", "allOf inheritance cycle: %s", strings.Join(names, " -> "))
				last.Base = nil
				break
			}
			chain = append(chain, t)
		}
	}
}

// deprecationOf reads "deprecated" and Graph's x-ms-deprecation.
func deprecationOf(s *openapi3.Schema) *Deprecation {
	ext, _ := s.Extensions["x-ms-deprecation"].(map[string]any)
	if !s.Deprecated && ext == nil {
		return nil
	}
	d := &Deprecation{}
	d.Message, _ = ext["description"].(string)
	d.RemovalDate, _ = ext["removalDate"].(string)
	return d
}

// openapiSchema is kin-openapi's schema type, named once for brevity.
type openapiSchema = openapi3.Schema

// baseRefOrigin points at the allOf $ref that names a schema's base.
func baseRefOrigin(r *rawSchema) Origin {
	for i, part := range r.Schema.AllOf {
		if part != nil && part.Ref != "" {
			return Origin{File: r.Origin.File, Pointer: pointerJoin(r.Origin.Pointer, "allOf", strconv.Itoa(i))}
		}
	}
	return r.Origin
}
