package schema

import (
	"cmp"
	"context"
	"slices"

	"github.com/graphgen/graphgen/internal/par"
)

// Options controls Load; nothing is read from globals.
type Options struct {
	// AllowMissingRefs turns each reference to a schema that is not in the
	// input into a raw JSON value (json.RawMessage), reported as a warning,
	// instead of an error. Graph v1.0 has three such references.
	AllowMissingRefs bool
	// Types, when not empty, limits the package to these schemas (by name,
	// e.g. "microsoft.graph.user") and their closure: bases, property and
	// item types, and with Subtypes every schema derived from one of them.
	Types []string
	// Subtypes adds, to a Types subset, the schemas derived from its members,
	// so that polymorphic values decode to their concrete types.
	Subtypes bool
	// TypeNames overrides the Go name of schemas: "microsoft.graph.cloudPC":
	// "CloudPc". Only read by lookup, so map order never matters.
	TypeNames map[string]string
	// FieldNames overrides the Go name of properties, keyed by schema and
	// property: "microsoft.graph.cloudPC/aadDeviceId": "EntraDeviceID".
	FieldNames map[string]string
}

// Load parses docs and lowers every schema in them to a Package. All
// problems of the run are returned together as Errors.
func Load(ctx context.Context, docs []Document, opts Options) (*Package, error) {
	var p problems
	raws, skipped, sources, merged := collect(docs, &p)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	checkOverrides(raws, opts, &p)
	pkg := newLowerer(raws, selectSubset(raws, opts, &p), opts, &p).lower()
	if err := p.result(sources); err != nil {
		return nil, err
	}
	pkg.Warnings = p.warningList(sources)
	pkg.InputHash = inputHash(raws, opts)
	pkg.Options = opts
	pkg.Skipped = skipped
	pkg.Merged = merged
	return pkg, nil
}

// collect parses every document and returns their schemas sorted by name
// (a definition repeated with the same content once, see merge.go), what
// the documents hold that carries no model, each document as problems are
// located in it, and how many definitions were merged.
func collect(docs []Document, p *problems) ([]rawSchema, []Skipped, map[string]*source, int) {
	parsed := make([][]rawSchema, len(docs))
	found := make([]problems, len(docs))
	skips := make([]skipCounts, len(docs))
	srcs := make([]*source, len(docs))
	par.For(len(docs), func(i int) {
		skips[i] = skipCounts{}
		parsed[i], srcs[i] = parseDocument(docs[i], &found[i], skips[i])
	})
	sources := make(map[string]*source, len(docs))
	for i, d := range docs {
		sources[d.File] = srcs[i]
	}
	var raws []rawSchema
	skipped := skipCounts{}
	for i := range docs {
		raws = append(raws, parsed[i]...)
		p.merge(&found[i])
		for kind, n := range skips[i] {
			skipped.add(kind, n)
		}
	}
	slices.SortStableFunc(raws, func(a, b rawSchema) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Origin.File, b.Origin.File))
	})
	out, merged := mergeDefinitions(raws, sources, p)
	return out, skipped.list(), sources, merged
}
