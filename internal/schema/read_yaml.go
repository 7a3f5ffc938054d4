package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/graphgen/graphgen/internal/par"
	"gopkg.in/yaml.v3"
)

// An OpenAPI document in YAML is read through its outline (outline.go):
// the mappings readSpec names are cut into docValue members, what graphgen
// reads below them is converted to JSON, each value on its own and in
// parallel, and the rest is left out. parseOpenAPI then reads the same tree
// as converting the whole document would give, less what no reader looks
// at. A document the outline cannot follow is converted whole.

// readSpec says what graphgen reads of a mapping: members by key (any
// applies to every key not named), and for each value whether it is read
// whole (leaf), cut further (members or any), or only counted (null).
type readSpec struct {
	members map[string]*readSpec
	any     *readSpec
	leaf    bool
	null    bool
}

var (
	leafSpec  = &readSpec{leaf: true}
	countSpec = &readSpec{any: &readSpec{null: true}}
	// operationSpec is what bodies.go reads of an operation.
	operationSpec = &readSpec{members: map[string]*readSpec{
		"operationId": leafSpec, "summary": leafSpec, "description": leafSpec,
		"requestBody": leafSpec, "responses": leafSpec,
	}}
	// openapiSpec is what parse_openapi.go and bodies.go read of a document.
	openapiSpec = &readSpec{members: map[string]*readSpec{
		"openapi": leafSpec,
		"components": {members: map[string]*readSpec{
			"schemas":       {any: leafSpec},
			"responses":     {any: leafSpec},
			"requestBodies": {any: leafSpec},
			// Counted as skipped.
			"parameters": countSpec, "headers": countSpec, "examples": countSpec,
			"securitySchemes": countSpec, "links": countSpec, "callbacks": countSpec,
		}},
		"paths": {any: &readSpec{members: methodSpecs()}},
	}}
)

func methodSpecs() map[string]*readSpec {
	m := map[string]*readSpec{}
	for _, method := range methods {
		m[method] = operationSpec
	}
	return m
}

// yamlOutline is a YAML document read through its outline: the cut entries,
// kept to locate problems without parsing the whole document again. The
// entries of a value shorter than keepOutlineBytes are not kept (an
// operation's, a path's): locating in it parses it, which costs little.
type yamlOutline struct {
	doc []byte
	top []yEntry
}

const keepOutlineBytes = 64 << 10

// errNoOutline says that a document is to be converted whole.
var errNoOutline = errors.New("the outline cannot follow this document")

// readYAMLOpenAPI returns what graphgen reads of a YAML OpenAPI document,
// and its outline; errNoOutline when the document is not one the outline
// can follow (or not an OpenAPI document).
func readYAMLOpenAPI(data []byte) (*docValue, *yamlOutline, error) {
	o := &outliner{doc: data}
	from, ok := documentStart(data)
	if !ok || !o.lex(from) {
		return nil, nil, errNoOutline
	}
	first := o.table.firstFresh(0, o.table.lines())
	if first == o.table.lines() {
		return nil, nil, errNoOutline
	}
	top, ok := o.mapping(first, int(o.table.indent[first]), o.table.lines())
	if !ok || !hasKey(top, "openapi") {
		return nil, nil, errNoOutline
	}
	r := &yamlReader{o: o}
	root := r.cut(top, openapiSpec)
	r.convert()
	if r.err != nil {
		return nil, nil, errNoOutline
	}
	return root, &yamlOutline{doc: data, top: top}, nil
}

// documentStart skips a byte order mark and a leading "---" line; false
// for a document with directives.
func documentStart(data []byte) (int, bool) {
	pos := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		pos = 3
	}
	for pos < len(data) {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data) - pos
		}
		line := bytes.TrimRight(data[pos:pos+end], " \r")
		switch {
		case len(line) == 0 || line[0] == '#':
		case string(line) == "---":
			return pos + end + 1, true
		case line[0] == '%' || line[0] == '\t':
			return 0, false
		default:
			return pos, true
		}
		pos += end + 1
	}
	return pos, true
}

func hasKey(entries []yEntry, key string) bool {
	for _, e := range entries {
		if e.key == key {
			return true
		}
	}
	return false
}

// yamlReader cuts a document by a readSpec, then converts its leaves.
type yamlReader struct {
	o      *outliner
	leaves []*yLeaf
	err    error
}

// yLeaf is a value the outline leaves to be converted to JSON whole.
type yLeaf struct {
	entry yEntry
	value *docValue
}

// cut returns the members of a cut mapping that spec reads: cut further
// where spec says and the outline can, else leaves to convert.
func (r *yamlReader) cut(entries []yEntry, spec *readSpec) *docValue {
	v := &docValue{members: map[string]*docValue{}}
	for i := range entries {
		e := &entries[i]
		s := spec.members[e.key]
		if s == nil {
			s = spec.any
		}
		if s == nil {
			continue
		}
		if s.null {
			v.members[e.key] = &docValue{json: json.RawMessage("null")}
			continue
		}
		if !s.leaf && (!e.val.inline || e.val.compact) && e.val.end > e.val.start {
			sub, ok := r.o.cutValue(e.val)
			if ok && len(sub) > 0 {
				v.members[e.key] = r.cut(sub, s)
				if e.val.end-e.val.start > keepOutlineBytes {
					e.sub = sub
				}
				continue
			}
		}
		leaf := &yLeaf{entry: *e, value: &docValue{}}
		r.leaves = append(r.leaves, leaf)
		v.members[e.key] = leaf.value
	}
	return v
}

// cutValue cuts a value that may be a block mapping.
func (o *outliner) cutValue(sp ySpan) ([]yEntry, bool) {
	if sp.compact {
		return o.mapping(sp.first, sp.col-1, sp.endLine)
	}
	first := o.table.firstFresh(sp.first, sp.endLine)
	if first == sp.endLine {
		return nil, true
	}
	return o.mapping(first, int(o.table.indent[first]), sp.endLine)
}

// convert turns every leaf into JSON, in parallel.
func (r *yamlReader) convert() {
	errs := make([]error, len(r.leaves))
	par.For(len(r.leaves), func(i int) {
		r.leaves[i].value.json, errs[i] = r.o.valueJSON(&r.leaves[i].entry)
	})
	r.err = errors.Join(errs...)
}

// valueJSON converts an entry's value to JSON as the whole document's
// conversion would (yamlToJSON), single-line strings directly.
func (o *outliner) valueJSON(e *yEntry) ([]byte, error) {
	if e.val.end <= e.val.start {
		return []byte("null"), nil
	}
	if b, ok := o.simpleJSON(nil, e); ok {
		return b, nil
	}
	node, err := o.valueNode(e)
	if err != nil {
		return nil, err
	}
	var v any
	if err := node.Decode(&v); err != nil {
		return nil, err
	}
	return marshalYAMLValue(v)
}

// valueNode parses an entry's value. The entry is parsed whole, its key
// line included, so that the value is read in its own context: a block
// scalar's indentation indicator counts from the key's column.
func (o *outliner) valueNode(e *yEntry) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(o.entryText(e), &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode || len(doc.Content[0].Content) != 2 {
		return nil, errNoOutline
	}
	return doc.Content[0].Content[1], nil
}

// entryText is the text of an entry from the start of its line; an entry
// that starts inside its line (the first of an explicit key's value, ": a:
// 1") gets spaces in place of what is before it.
func (o *outliner) entryText(e *yEntry) []byte {
	keyAt := e.start + e.col - 1
	if len(bytes.Trim(o.doc[e.start:keyAt], " ")) == 0 {
		return o.doc[e.start:e.val.end]
	}
	return append(bytes.Repeat([]byte{' '}, e.col-1), o.doc[keyAt:e.val.end]...)
}

// simpleString returns a one-line inline value that is certainly a string:
// a plain scalar that plainIsString accepts and that holds no ": " or " #",
// or a single-quoted scalar.
func (o *outliner) simpleString(sp ySpan) (string, bool) {
	text := o.doc[sp.start:sp.end]
	if !sp.inline || bytes.IndexByte(text, '\n') >= 0 || bytes.IndexByte(text, '\t') >= 0 {
		return "", false
	}
	text = bytes.TrimRight(text, " \r")
	if len(text) == 0 {
		return "", false
	}
	if text[0] == '\'' {
		q, closed := o.scanQuoted(sp.start, sp.start+len(text))
		if !closed || q != sp.start+len(text) {
			return "", false
		}
		s := strings.ReplaceAll(string(text[1:len(text)-1]), "''", "'")
		return s, yamlPrintable(s)
	}
	if !plainIsString(text) || bytes.Contains(text, []byte(": ")) || bytes.Contains(text, []byte(" #")) || text[len(text)-1] == ':' || !yamlPrintable(string(text)) {
		return "", false
	}
	return string(text), true
}

// yamlKeyString reads a key that may not be a plain string as the whole
// conversion does: yaml.v3 then fmt.Sprint.
func yamlKeyString(raw []byte) (string, bool) {
	var m map[any]any
	if yaml.Unmarshal(append(append([]byte{}, raw...), ": x"...), &m) != nil || len(m) != 1 {
		return "", false
	}
	for k := range m {
		if s, ok := k.(string); ok {
			return s, true
		}
		return fmt.Sprint(k), true
	}
	return "", false
}

// locate returns the line and column of the value at pointer, as locateIn
// on the whole parsed document would, parsing only the value it is in.
func (y *yamlOutline) locate(pointer string) (line, col int) {
	tokens := splitPointer(pointer)
	entries := y.top
	if len(entries) == 0 {
		return 0, 0
	}
	line, col = entries[0].keyLine, entries[0].col
	o := &outliner{doc: y.doc}
	for i, t := range tokens {
		e := findEntry(entries, t)
		if e == nil {
			return line, col
		}
		if len(e.sub) > 0 {
			entries = e.sub
			line, col = entries[0].keyLine, entries[0].col
			continue
		}
		node, err := o.valueNode(e)
		if err != nil || node.Kind == yaml.ScalarNode {
			return e.keyLine, e.keyCol
		}
		l, c := locateIn(node, pointerJoin("", tokens[i+1:]...))
		return l + e.keyLine - 1, c
	}
	return line, col
}

// findEntry finds an entry by its text, as locateIn does.
func findEntry(entries []yEntry, text string) *yEntry {
	for i := range entries {
		if entries[i].text == text {
			return &entries[i]
		}
	}
	return nil
}
