package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

// Document is one input file: a JSON Schema file of one schema, or an
// OpenAPI 3.x document (JSON or YAML) whose components/schemas are read.
type Document struct {
	File string // path shown in errors, e.g. "schemas/microsoft.graph.cloudPC.json"
	Data []byte
}

// ReadInput reads the input at name in fsys: every *.json file of a
// directory (in name order), or the one file. display is prefixed to file
// names in errors.
func ReadInput(fsys fs.FS, name, display string) ([]Document, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", display, err)
	}
	if !info.IsDir() {
		data, err := fs.ReadFile(fsys, name)
		return []Document{{File: display, Data: data}}, err
	}
	entries, err := fs.ReadDir(fsys, name)
	if err != nil {
		return nil, err
	}
	var docs []Document
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".json" {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(name, e.Name()))
		if err != nil {
			return nil, err
		}
		docs = append(docs, Document{File: path.Join(display, e.Name()), Data: data})
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no .json schema files", display)
	}
	return docs, nil
}

// rawSchema is one named schema as kin-openapi parsed it, before lowering.
type rawSchema struct {
	Name   string // e.g. "microsoft.graph.cloudPC"
	Schema *openapi3.Schema
	Origin Origin // the file and the pointer of the schema within it
	GoName string // the Go name an inline body is given; "" for a named schema, whose name gives it
	Body   *Body  // non-nil for an inline body of operations
}

const componentsPrefix = "#/components/schemas/"

// parseDocument returns the named schemas of one document, counting in
// skipped what carries no model, and where its problems are located.
func parseDocument(doc Document, p *problems, skipped skipCounts) ([]rawSchema, *source) {
	top, src, err := readDocument(doc)
	var ce *csdlErrors
	if errors.As(err, &ce) {
		p.list = append(p.list, ce.list...)
		return nil, src
	}
	if err != nil {
		p.list = append(p.list, syntaxError(doc, err))
		return nil, src
	}
	return parseTop(doc, top, p, skipped), src
}

// readDocument reads a document by its form, recognised by its content:
// CSDL $metadata as the OpenAPI document converted from it would be
// (csdl_read.go), JSON as it is, a YAML OpenAPI document through its
// outline (read_yaml.go), other YAML converted whole. Each gives the same
// docValue tree.
func readDocument(doc Document) (*docValue, *source, error) {
	src := &source{data: doc.Data}
	if isXML(doc.Data) {
		return readCSDLDocument(doc, src)
	}
	if isJSON(doc.Data) {
		if !json.Valid(doc.Data) {
			var v any
			return nil, src, json.Unmarshal(doc.Data, &v)
		}
		return &docValue{json: doc.Data}, src, nil
	}
	top, outline, err := readYAMLOpenAPI(doc.Data)
	if err == nil {
		src.outline = outline
		return top, src, nil
	}
	data, err := yamlToJSON(doc.Data)
	return &docValue{json: data}, src, err
}

// parseTop returns the named schemas of one document: an OpenAPI
// document's, or the one schema of a per-schema file.
func parseTop(doc Document, v *docValue, p *problems, skipped skipCounts) []rawSchema {
	root := Origin{File: doc.File}
	top, err := v.object()
	if err != nil {
		p.add(root, "invalid", "a schema document must be a JSON object: %v", err)
		return nil
	}
	if _, ok := top["openapi"]; ok {
		return parseOpenAPI(doc, top, p, skipped)
	}
	name := schemaFileName(doc.File, top)
	s := parseSchema(v.text(), root, p)
	if s == nil {
		return nil
	}
	return []rawSchema{{Name: name, Schema: s, Origin: root}}
}

// parseSchema lets kin-openapi parse one schema object. When it fails, the
// error points at the innermost subschema that does not parse, since
// kin-openapi's message names the keyword but not where it is.
func parseSchema(data []byte, at Origin, p *problems) *openapi3.Schema {
	s := new(openapi3.Schema)
	if err := s.UnmarshalJSON(data); err != nil {
		at.Pointer = pointerJoin(at.Pointer, invalidSubschema(data)...)
		p.add(at, "invalid", "not a valid schema: %v", err)
		return nil
	}
	return s
}

// invalidSubschema returns the path to the innermost subschema of data
// (under properties, items, allOf, anyOf or oneOf) that kin-openapi cannot
// parse; nil when it is data itself.
func invalidSubschema(data []byte) []string {
	var obj map[string]json.RawMessage
	if json.Unmarshal(data, &obj) != nil {
		return nil
	}
	var children [][]string
	var props map[string]json.RawMessage
	if json.Unmarshal(obj["properties"], &props) == nil {
		for _, name := range sortedKeys(props) {
			children = append(children, []string{"properties", name})
		}
	}
	children = append(children, []string{"items"})
	for _, key := range []string{"allOf", "anyOf", "oneOf"} {
		var list []json.RawMessage
		_ = json.Unmarshal(obj[key], &list)
		for i := range list {
			children = append(children, []string{key, strconv.Itoa(i)})
		}
	}
	for _, path := range children {
		child := subValue(obj, path)
		if child == nil || new(openapi3.Schema).UnmarshalJSON(child) == nil {
			continue
		}
		return append(path, invalidSubschema(child)...)
	}
	return nil
}

// subValue returns obj[path[0]] then its member or item path[1].
func subValue(obj map[string]json.RawMessage, path []string) json.RawMessage {
	v := obj[path[0]]
	if len(path) == 1 || v == nil {
		return v
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(v, &m) == nil {
		return m[path[1]]
	}
	var list []json.RawMessage
	if i, err := strconv.Atoi(path[1]); err == nil && json.Unmarshal(v, &list) == nil && i < len(list) {
		return list[i]
	}
	return nil
}

// schemaFileName names a per-schema file's schema by its $id
// ("#/components/schemas/NAME"), or else by the file name without ".json".
func schemaFileName(file string, top map[string]*docValue) string {
	var id string
	if raw, ok := top["$id"]; ok && raw.decode(&id) == nil && strings.HasPrefix(id, componentsPrefix) {
		return strings.TrimPrefix(id, componentsPrefix)
	}
	return strings.TrimSuffix(path.Base(file), ".json")
}

// isJSON reports whether a document is JSON rather than YAML: it starts
// with an object or an array.
func isJSON(data []byte) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	return len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[')
}

// yamlToJSON converts a whole YAML document to JSON.
func yamlToJSON(data []byte) ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return marshalYAMLValue(v)
}

// marshalYAMLValue writes a decoded YAML value as JSON.
func marshalYAMLValue(v any) ([]byte, error) {
	v, err := stringKeys(v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// stringKeys turns YAML mappings with keys that are not strings (the
// response code 200:, a version 1.0:) into JSON objects, keys as fmt
// prints them; two keys that print alike (8 and 0000008.0) are an error,
// not a member lost at random.
func stringKeys(v any) (any, error) {
	var err error
	switch v := v.(type) {
	case map[string]any:
		for k, item := range v {
			if v[k], err = stringKeys(item); err != nil {
				return nil, err
			}
		}
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, item := range v {
			key := fmt.Sprint(k)
			if _, dup := m[key]; dup {
				return nil, fmt.Errorf("a mapping has two keys that both read as %q", key)
			}
			if m[key], err = stringKeys(item); err != nil {
				return nil, err
			}
		}
		return m, nil
	case []any:
		for i, item := range v {
			if v[i], err = stringKeys(item); err != nil {
				return nil, err
			}
		}
	}
	return v, nil
}

// syntaxError turns a JSON or YAML parse error into an Error with a position.
func syntaxError(doc Document, err error) *Error {
	e := &Error{Origin: Origin{File: doc.File}, Kind: "syntax", Msg: "malformed input: " + err.Error()}
	var xe *xmlError
	if errors.As(err, &xe) {
		e.Line, e.Column, e.Msg = xe.Line, xe.Col, xe.Msg
		return e
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		e.Line, e.Column = lineCol(doc.Data, int(se.Offset)-1)
		e.Msg = "malformed JSON: " + se.Error()
	}
	var ye *yaml.TypeError
	if errors.As(err, &ye) {
		e.Msg = "malformed YAML: " + strings.Join(ye.Errors, "; ")
	}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = "malformed YAML: " + m[2]
	}
	return e
}

// yamlLine matches the position yaml.v3 puts in its syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// lineCol converts a byte offset to a 1-based line and column.
func lineCol(data []byte, offset int) (int, int) {
	offset = min(max(offset, 0), len(data))
	before := data[:offset]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := offset - bytes.LastIndexByte(before, '\n')
	return line, col
}
