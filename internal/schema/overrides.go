package schema

import (
	"go/token"
	"strings"
)

// checkOverrides reports naming overrides that name no schema or property,
// or that are not exported Go identifiers, so that a typo in a config file
// is an error instead of a silent no-op.
func checkOverrides(raws []rawSchema, opts Options, p *problems) {
	byName := indexByName(raws)
	at := Origin{File: "options"}
	for _, schemaName := range sortedKeys(opts.TypeNames) {
		if byName[schemaName] == nil {
			p.add(at, "invalid", "names.types: no schema named %q", schemaName)
		}
		checkIdentifier(opts.TypeNames[schemaName], "names.types."+schemaName, p)
	}
	for _, key := range sortedKeys(opts.FieldNames) {
		schemaName, prop, ok := strings.Cut(key, "/")
		r := byName[schemaName]
		if !ok || r == nil || !declares(r, prop) {
			p.add(at, "invalid", "names.properties: %q is not SCHEMA/PROPERTY of a schema in the input", key)
		}
		checkIdentifier(opts.FieldNames[key], "names.properties."+key, p)
	}
}

func declares(r *rawSchema, prop string) bool {
	for _, part := range ownParts(r) {
		if _, ok := part.schema.Properties[prop]; ok {
			return true
		}
	}
	return false
}

func checkIdentifier(name, where string, p *problems) {
	if !token.IsIdentifier(name) || !token.IsExported(name) {
		p.add(Origin{File: "options"}, "invalid", "%s: %q is not an exported Go identifier", where, name)
	}
}
