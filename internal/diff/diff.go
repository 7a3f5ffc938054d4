// Package diff tells what a schema update changes for Go users of the
// generated package: types, properties and enum members added, removed,
// retyped or moved, each marked breaking or additive. It compares two
// lowered IRs, so it sees exactly the Go names and types graphgen would
// generate, and a breaking change names the Go identifiers it breaks the
// way golang.org/x/exp/cmd/apidiff does ("CloudPC.ImageDisplayName",
// "(*CloudPCCollectionResponse).Items"), which the stability test over
// Graph's releases holds the two to.
package diff

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/graphgen/graphgen/internal/schema"
)

// Change is one difference between two schema sets.
type Change struct {
	Kind     string `json:"kind"`             // e.g. "removed-property"
	Breaking bool   `json:"breaking"`         // code using the old package may not compile or may behave differently
	Schema   string `json:"schema"`           // e.g. "microsoft.graph.cloudPC"
	Member   string `json:"member,omitempty"` // property or enum member, e.g. "aadDeviceId"
	Old      string `json:"old,omitempty"`    // the Go declaration before, e.g. "AadDeviceID Opt[string]"
	New      string `json:"new,omitempty"`    // and after
	// API lists, for a breaking change, the Go identifiers whose users may
	// no longer compile, as apidiff names them: "CloudPC", "CloudPC.AadDeviceID",
	// "(*CloudPCCollectionResponse).Items", "CloudPcProvisioningTypeShared".
	API []string `json:"api,omitempty"`
}

func (c Change) String() string {
	level := "additive"
	if c.Breaking {
		level = "breaking"
	}
	what := c.Schema
	if c.Member != "" {
		what += "/" + c.Member
	}
	s := fmt.Sprintf("%-8s %s %s", level, c.Kind, what)
	switch {
	case c.Old != "" && c.New != "":
		s += fmt.Sprintf(": %s -> %s", c.Old, c.New)
	case c.Old != "":
		s += ": " + c.Old
	case c.New != "":
		s += ": " + c.New
	}
	return s
}

// Compare lists the changes from old to new, breaking ones first, then by
// schema and member.
func Compare(old, new *schema.Package) []Change {
	var changes []Change
	changes = append(changes, compareStructs(old, new)...)
	changes = append(changes, compareEnums(old, new)...)
	slices.SortStableFunc(changes, func(a, b Change) int {
		return cmp.Or(-cmpBool(a.Breaking, b.Breaking), cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Member, b.Member), cmp.Compare(a.Kind, b.Kind))
	})
	return changes
}

// Breaking reports whether any change is breaking.
func Breaking(changes []Change) bool {
	return slices.ContainsFunc(changes, func(c Change) bool { return c.Breaking })
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func compareStructs(old, new *schema.Package) []Change {
	var out []Change
	newByName := index(new.Structs, func(s *schema.Struct) string { return s.SchemaName })
	for _, o := range old.Structs {
		n := newByName[o.SchemaName]
		if n == nil {
			out = append(out, Change{Kind: "removed-type", Breaking: true, Schema: o.SchemaName, Old: o.Name.Name, API: []string{o.Name.Name}})
			continue
		}
		out = append(out, compareStruct(o, n)...)
	}
	oldByName := index(old.Structs, func(s *schema.Struct) string { return s.SchemaName })
	for _, n := range new.Structs {
		if oldByName[n.SchemaName] == nil {
			out = append(out, Change{Kind: "added-type", Schema: n.SchemaName, New: n.Name.Name})
		}
	}
	return out
}

// compareStruct compares names, bases and every property, inherited ones
// included. The Go identifiers each breaking change breaks come from the Go
// structure graphgen generates, read as apidiff reads a struct (see
// brokenFields): a property that moves between a type and its base, or a
// base that changes, breaks a composite literal (Room{PlaceID: …} names
// only the fields a struct declares itself) but no selector that still
// resolves through embedding.
func compareStruct(o, n *schema.Struct) []Change {
	if o.Name.Name != n.Name.Name {
		// Every identifier of the type is gone; its members are not compared.
		return []Change{{Kind: "renamed-type", Breaking: true, Schema: o.SchemaName, Old: o.Name.Name, New: n.Name.Name, API: []string{o.Name.Name}}}
	}
	broken := brokenFields(o, n)
	claim := func(name string) []string {
		if !broken[name] {
			return nil
		}
		delete(broken, name)
		return []string{o.Name.Name + "." + name}
	}
	out := compareProperties(o, n, claim)
	if bases(o) != bases(n) {
		c := Change{Kind: "changed-base", Schema: o.SchemaName, Old: bases(o), New: bases(n)}
		for _, name := range sortedKeys(broken) {
			c.API = append(c.API, claim(name)...)
		}
		c.Breaking = len(c.API) > 0
		out = append(out, c)
	}
	if o.Page != nil && n.Page == nil && allFields(n)[o.Page.Items.JSONName].field != nil && allFields(n)[o.Page.NextLink.JSONName].field != nil {
		out = append(out, Change{Kind: "not-a-page", Breaking: true, Schema: o.SchemaName, API: []string{"(*" + o.Name.Name + ").Items", "(*" + o.Name.Name + ").NextLink"}})
	}
	return out
}

// compareProperties compares every property, inherited ones included;
// claim takes the broken identifier of a Go field, if it is broken.
func compareProperties(o, n *schema.Struct, claim func(string) []string) []Change {
	var out []Change
	oldFields, newFields := allFields(o), allFields(n)
	for _, name := range sortedKeys(oldFields) {
		of, nf := oldFields[name], newFields[name]
		switch {
		case nf.field == nil:
			out = append(out, Change{Kind: "removed-property", Breaking: true, Schema: o.SchemaName, Member: name, Old: declaration(of.field), API: pageAPI(o, of.field, claim(of.field.Name))})
		case declaration(of.field) != declaration(nf.field):
			out = append(out, Change{Kind: "changed-property", Breaking: true, Schema: o.SchemaName, Member: name, Old: declaration(of.field), New: declaration(nf.field), API: pageAPI(o, of.field, claim(of.field.Name))})
		case of.owner != nf.owner:
			// Breaking where a literal of this type named the field: it
			// left the type itself (not when it moves between bases, or
			// into the type).
			api := claim(of.field.Name)
			out = append(out, Change{Kind: "moved-property", Breaking: len(api) > 0, Schema: o.SchemaName, Member: name, Old: of.owner, New: nf.owner, API: api})
		case of.field.Nullable != nf.field.Nullable || of.field.Required != nf.field.Required:
			out = append(out, Change{Kind: "changed-rules", Schema: o.SchemaName, Member: name, Old: rules(of.field), New: rules(nf.field)})
		}
	}
	for _, name := range sortedKeys(newFields) {
		if oldFields[name].field == nil {
			out = append(out, Change{Kind: "added-property", Schema: o.SchemaName, Member: name, New: declaration(newFields[name].field)})
		}
	}
	return out
}

// brokenFields returns the exported fields of a struct that apidiff calls
// broken between o and n: those that a keyed composite literal may name
// (its own fields: the embedded base, one per own property, Extra on a
// root) and those a selector may reach (its own and, through the chain of
// embedded bases, theirs, a nearer one shadowing a farther one), that are
// gone or changed type. Graph's single inheritance leaves no ambiguous
// selectors.
func brokenFields(o, n *schema.Struct) map[string]bool {
	broken := map[string]bool{}
	for _, sets := range [][2]map[string]string{{ownGoFields(o), ownGoFields(n)}, {selectableGoFields(o), selectableGoFields(n)}} {
		for name, typ := range sets[0] {
			if now, ok := sets[1][name]; !ok || now != typ {
				broken[name] = true
			}
		}
	}
	return broken
}

// ownGoFields maps the exported fields a struct declares to their Go types.
func ownGoFields(s *schema.Struct) map[string]string {
	m := map[string]string{}
	if s.Base != nil {
		m[s.Base.Name.Name] = "embedded " + s.Base.Name.Name
	}
	for _, f := range s.Fields {
		m[f.Name] = "Opt[" + f.Type.String() + "]"
	}
	if s.Base == nil {
		m["Extra"] = "Properties"
	}
	return m
}

// selectableGoFields maps the exported fields a selector reaches on a
// struct to their Go types.
func selectableGoFields(s *schema.Struct) map[string]string {
	m := map[string]string{}
	for t := s; t != nil; t = t.Base {
		for name, typ := range ownGoFields(t) {
			if _, shadowed := m[name]; !shadowed {
				m[name] = typ
			}
		}
	}
	return m
}

// bases names a struct's chain of bases, nearest first: "bases
// microsoft.graph.place, microsoft.graph.entity", or "no base".
func bases(s *schema.Struct) string {
	var names []string
	for t := s.Base; t != nil; t = t.Base {
		names = append(names, t.SchemaName)
	}
	if len(names) == 0 {
		return "no base"
	}
	return "bases " + strings.Join(names, ", ")
}

// pageAPI adds to api the page methods that a change to f breaks: Items
// returns the items field's value, and both go when either field does.
func pageAPI(s *schema.Struct, f *schema.Field, api []string) []string {
	switch {
	case s.Page == nil:
	case f == s.Page.Items:
		api = append(api, "(*"+s.Name.Name+").Items")
	case f == s.Page.NextLink:
		api = append(api, "(*"+s.Name.Name+").NextLink")
	}
	return api
}

func compareEnums(old, new *schema.Package) []Change {
	var out []Change
	newByName := index(new.Enums, func(e *schema.Enum) string { return e.SchemaName })
	oldByName := index(old.Enums, func(e *schema.Enum) string { return e.SchemaName })
	for _, o := range old.Enums {
		n := newByName[o.SchemaName]
		if n == nil {
			out = append(out, Change{Kind: "removed-type", Breaking: true, Schema: o.SchemaName, Old: o.Name.Name, API: enumAPI(o)})
			continue
		}
		if o.Name.Name != n.Name.Name {
			out = append(out, Change{Kind: "renamed-type", Breaking: true, Schema: o.SchemaName, Old: o.Name.Name, New: n.Name.Name, API: enumAPI(o)})
			continue
		}
		out = append(out, compareMembers(o, n)...)
	}
	for _, n := range new.Enums {
		if oldByName[n.SchemaName] == nil {
			out = append(out, Change{Kind: "added-type", Schema: n.SchemaName, New: n.Name.Name})
		}
	}
	return out
}

// compareMembers: a removed member removes a constant (breaking); an added
// one is additive, since enum types accept any string anyway.
func compareMembers(o, n *schema.Enum) []Change {
	var out []Change
	oldMembers := index(o.Members, func(m *schema.EnumMember) string { return m.Value })
	newMembers := index(n.Members, func(m *schema.EnumMember) string { return m.Value })
	for _, m := range o.Members {
		switch nm := newMembers[m.Value]; {
		case nm == nil:
			out = append(out, Change{Kind: "removed-member", Breaking: true, Schema: o.SchemaName, Member: m.Value, Old: m.Name, API: []string{m.Name}})
		case nm.Name != m.Name:
			out = append(out, Change{Kind: "renamed-member", Breaking: true, Schema: o.SchemaName, Member: m.Value, Old: m.Name, New: nm.Name, API: []string{m.Name}})
		}
	}
	for _, m := range n.Members {
		if oldMembers[m.Value] == nil {
			out = append(out, Change{Kind: "added-member", Schema: n.SchemaName, Member: m.Value, New: m.Name})
		}
	}
	return out
}

// enumAPI is an enum type and its constants.
func enumAPI(e *schema.Enum) []string {
	api := []string{e.Name.Name}
	for _, m := range e.Members {
		api = append(api, m.Name)
	}
	return api
}

// ownedField is a field of a struct or of one of its bases, with the
// schema that declares it.
type ownedField struct {
	field *schema.Field
	owner string // e.g. "microsoft.graph.place"
}

// allFields maps JSON names to fields, inherited ones included.
func allFields(s *schema.Struct) map[string]ownedField {
	out := map[string]ownedField{}
	for t := s; t != nil; t = t.Base {
		for _, f := range t.Fields {
			if _, ok := out[f.JSONName]; !ok {
				out[f.JSONName] = ownedField{f, t.SchemaName}
			}
		}
	}
	return out
}

// declaration is a field as Go users see it: "AadDeviceID Opt[string]".
func declaration(f *schema.Field) string {
	return f.Name + " Opt[" + f.Type.String() + "]"
}

func rules(f *schema.Field) string {
	return fmt.Sprintf("nullable=%v required=%v", f.Nullable, f.Required)
}

func index[T any](list []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(list))
	for _, v := range list {
		m[key(v)] = v
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
