package schema

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outlineCases are documents whose block structure is hard to follow; each
// is read through the outline or given up on, as outline says, and compared
// with the whole conversion by checkOutline.
var outlineCases = []struct {
	doc     string
	outline bool // read through the outline, not converted whole
}{
	{"openapi: 3.0.4\npaths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        '200':\n          description: ok\n", true},
	// A quoted scalar continued left of its key, which libyaml accepts.
	{"openapi: 3.0.4\ninfo:\n  description: \"x\ncomponents: y\"\ncomponents:\n  schemas:\n    a: {type: string}\n", false},
	{"openapi: 3.0.4\ninfo: [1,\n2]\ncomponents:\n  schemas:\n    a: {type: string}\n", false},
	// Block scalars whose content looks like keys and quotes.
	{"openapi: 3.0.4\ninfo:\n  description: |\n    components: \"x\n    paths:\n\n  title: t\ncomponents:\n  schemas:\n    a:\n      description: >-\n        b: 'c\n      type: string\n", true},
	{"openapi: 3.0.4\ncomponents:\n  schemas:\n    a:\n      description: |+\n        kept\n\n\n    b:\n      type: string\n", true},
	// Plain scalars over several lines, comments, a sequence at its key's indentation.
	{"openapi: 3.0.4 # version\ncomponents:\n  # a comment\n  schemas:\n    a:\n      description: one\n        two \"three\n      enum:\n      - x\n      - y\n    b:\n      type: string\n", true},
	// Explicit keys, quoted keys, keys that are not strings in YAML.
	{"openapi: 3.0.4\npaths:\n  ? /a/b\n  : get:\n      operationId: x\n      responses:\n        200:\n          description: ok\n  '/c(''d'')':\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              properties:\n                x: {type: string}\n  \"/e\\u0041\":\n    get: {}\n", true},
	{"openapi: 3.0.4\ncomponents:\n  schemas:\n    1.0:\n      type: string\n    true:\n      type: string\n    2001-12-14: {type: string}\n", true},
	// Anchors and aliases across values, duplicate and merge keys.
	{"openapi: 3.0.4\ncomponents:\n  schemas:\n    a: &s\n      type: string\n    b: *s\n", false},
	{"openapi: 3.0.4\ncomponents:\n  schemas:\n    a: {type: string}\n    a: {type: integer}\n", false},
	{"openapi: 3.0.4\ncomponents:\n  schemas:\n    base: &b {type: string}\n    x:\n      <<: *b\n", false},
	// Document markers, directives, tabs, CRLF.
	{"---\nopenapi: 3.0.4\ncomponents:\n  schemas:\n    a: {type: string}\n", true},
	{"%YAML 1.2\n---\nopenapi: 3.0.4\n", false},
	{"openapi: 3.0.4\ncomponents:\n  schemas:\n    a: {type: string}\n---\nopenapi: 3.1.0\n", false},
	{"openapi: 3.0.4\ncomponents:\n\tschemas: {}\n", false},
	{"openapi: 3.0.4\r\ncomponents:\r\n  schemas:\r\n    a:\r\n      type: string\r\n", true},
	// Flow collections over lines, with quotes and comments inside.
	{"openapi: 3.0.4\ncomponents:\n  schemas:\n    a: {type: string,\n      enum: ['x]', \"y}\", # c\n      z]}\n    b: {type: string}\n", true},
	// Found by FuzzOutline: a block scalar's indentation indicator counts
	// from its key's column; a tagged key; line breaks YAML has besides "\n".
	{"openapi: \ncomponents:\n schemas: >1#000000000000\n  00000", true},
	{"openapi: \npaths:\n !0000 000:\n      00000000000: 0\n0000000: 00", true},
	{"openapi:\ncomponents:\r0:", false},
	{"openapi:\n  8: a\n  0000008: b\n", false}, // two keys YAML reads as 8
	{"openapi: 3.0.4\ninfo:\n  title: a\u2028components: {}\n", false},
	{"openapi:\ncomponents\t:\n  schemas:\t\n    a:\t{type: string}\n    b: \t'x'\n", true},
	// Sequences of scalars and of mappings, nested, in every style simpleJSON
	// writes or leaves to yaml.v3.
	{`openapi: 3.0.4
components:
  schemas:
    a:
      allOf:
        - $ref: '#/x'
        - type: object
          properties:
            n:
              type: integer
              nullable: true
              maximum: 2147483647
      enum:
      - x
      - 'y'''
      - "z"
      - 10
      - ~
      - 1.5
      - -3
      - 007
      - True
      - "tab\there"
      -
        k: v
      - - nested
      - []
      - "café"
`, true},
	{"openapi: 3.0.4\ncomponents:\n  schemas:\n    b:\n      description: \"\x01\"\n", false},
	// Not OpenAPI, or not a mapping.
	{"type: object\nproperties:\n  a: {type: string}\n", false},
	{"- openapi\n", false},
	{"openapi: 3.0.4\ncomponents:\n  schemas:\n    a: [unclosed\n", false},
}

// TestOutlineAgreesWithWholeConversion checks the outline on the cases above.
func TestOutlineAgreesWithWholeConversion(t *testing.T) {
	for i, c := range outlineCases {
		_, _, err := readYAMLOpenAPI([]byte(c.doc))
		assert.Equal(t, c.outline, err == nil, "case %d: %q", i, c.doc)
		checkOutline(t, []byte(c.doc))
	}
	data, err := readYAMLOpenAPIOK(outlineCases[6].doc)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"/a/b"`, "an explicit key is read")
	assert.Contains(t, string(data), `"/c('d')"`)
}

func readYAMLOpenAPIOK(doc string) ([]byte, error) {
	top, _, err := readYAMLOpenAPI([]byte(doc))
	if err != nil {
		return nil, err
	}
	return top.text(), nil
}

// FuzzOutline checks the outline against the whole conversion on arbitrary
// documents: when the outline reads one, its JSON is what the whole
// conversion gives of the parts graphgen reads, and every problem is located
// where the whole parsed document would locate it.
func FuzzOutline(f *testing.F) {
	for _, c := range outlineCases {
		f.Add([]byte(c.doc))
	}
	files, _ := filepath.Glob("../../../shared/graph/published/*.yml")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data[:min(len(data), 6000)])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkOutline(t, data)
	})
}

// checkOutline compares readYAMLOpenAPI with yamlToJSON on one document.
func checkOutline(t *testing.T, doc []byte) {
	t.Helper()
	got, outline, err := readYAMLOpenAPI(doc)
	if err != nil {
		return // converted whole, as before
	}
	whole, werr := yamlToJSON(doc)
	if werr != nil {
		// An error in a part graphgen does not read goes unnoticed; every
		// part it reads parsed.
		return
	}
	var g, w any
	require.NoError(t, json.Unmarshal(got.text(), &g), "%q", doc)
	require.NoError(t, json.Unmarshal(whole, &w))
	// A value the outline could not cut is converted whole: it may hold
	// more than graphgen reads, which no reader looks at.
	require.Equal(t, pruneBySpec(w, openapiSpec), pruneBySpec(g, openapiSpec), "%q", doc)
	node := parseNode(doc)
	for _, ptr := range pointersOf(g, "") {
		wl, wc := locateIn(node, ptr)
		ol, oc := outline.locate(ptr)
		require.Equal(t, [2]int{wl, wc}, [2]int{ol, oc}, "%s in %q", ptr, doc)
	}
}

// pruneBySpec keeps of a converted document what spec reads.
func pruneBySpec(v any, spec *readSpec) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := map[string]any{}
	for k, val := range m {
		s := spec.members[k]
		if s == nil {
			s = spec.any
		}
		switch {
		case s == nil:
		case s.null:
			out[k] = nil
		case s.leaf:
			out[k] = val
		default:
			out[k] = pruneBySpec(val, s)
		}
	}
	return out
}

// pointersOf lists the JSON Pointers of every value in v, sorted.
func pointersOf(v any, at string) []string {
	out := []string{at}
	switch v := v.(type) {
	case map[string]any:
		for k, item := range v {
			out = append(out, pointersOf(item, pointerJoin(at, k))...)
		}
	case []any:
		for i, item := range v {
			out = append(out, pointersOf(item, pointerJoin(at, itoa(i)))...)
		}
	}
	sort.Strings(out)
	return out
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// TestOutlineOnRealDocuments reads every YAML document in ../shared through
// the outline and the whole conversion: the same packages, the same
// positions of their warnings, and no document given up on.
func TestOutlineOnRealDocuments(t *testing.T) {
	dir := sharedGraph(t)
	var files []string
	for _, pattern := range []string{"published/*.yml", "v1.0/openapi.yaml", "releases/v1.0-2025-06-03.yaml"} {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		_, outline, err := readYAMLOpenAPI(data)
		require.NoError(t, err, "%s is read through its outline", file)
		checkOutlineLoad(t, file, data, outline)
	}
}

// checkOutlineLoad loads a document through its outline and whole, and
// compares the packages and located warnings.
func checkOutlineLoad(t *testing.T, file string, data []byte, outline *yamlOutline) {
	t.Helper()
	opts := Options{AllowMissingRefs: true}
	doc := Document{File: file, Data: data}
	viaOutline, err := Load(context.Background(), []Document{doc}, opts)
	require.NoError(t, err)
	whole, err := yamlToJSON(data)
	require.NoError(t, err)
	viaWhole, err := Load(context.Background(), []Document{{File: file, Data: whole}}, opts)
	require.NoError(t, err)
	wholeNode := parseNode(data)
	for _, w := range viaOutline.Warnings {
		line, col := locateIn(wholeNode, w.Origin.Pointer)
		assert.Equal(t, [2]int{line, col}, [2]int{w.Line, w.Column}, "%s", w)
	}
	for _, s := range viaOutline.Structs[:min(len(viaOutline.Structs), 300)] {
		line, col := locateIn(wholeNode, s.Origin.Pointer)
		ol, oc := outline.locate(s.Origin.Pointer)
		require.Equal(t, [2]int{line, col}, [2]int{ol, oc}, "%s %s", file, s.Origin.Pointer)
	}
	viaOutline.Warnings, viaWhole.Warnings = nil, nil
	assert.Equal(t, viaWhole, viaOutline, "%s: the same package", file)
}

// sharedGraph is ../shared/graph, read in place: skipped on a clone without
// it, a failure in CI (GRAPHGEN_REQUIRE_SHARED).
func sharedGraph(t *testing.T) string {
	dir := filepath.Join("..", "..", "..", "shared", "graph")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("GRAPHGEN_REQUIRE_SHARED") != "" {
			t.Fatalf("%s is missing: %v", dir, err)
		}
		t.Skipf("skipping: %s is missing (clone graphgen next to shared/)", dir)
	}
	return dir
}
