package schema

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// Bodies: Microsoft's published documents declare the request bodies of
// actions ({"messageIds": [...]}) and the results of actions and functions
// ({"value": true}) inline, under paths. Each inline object schema of a
// request body or a success response becomes a type, named after the
// operation (see docs/names.md):
//
//	POST /admin/serviceAnnouncement/messages/microsoft.graph.archive
//	  request body -> ServiceUpdateMessageCollectionArchiveRequest
//	  response     -> ServiceUpdateMessageCollectionArchiveResponse
//
// The binding (serviceUpdateMessage, collection-bound) is the type of the
// path the action is appended to, read from that path's GET response; the
// action is the last segment without its namespace. The same name reached
// from several paths (the same action bound to the same type) is one type
// when the schemas are identical.

// bodyObject is an OpenAPI request body or response.
type bodyObject struct {
	Ref     string `json:"$ref"`
	Content map[string]struct {
		Schema json.RawMessage `json:"schema"`
	} `json:"content"`
}

// operationObject is what graphgen reads of an operation.
type operationObject struct {
	OperationID string                 `json:"operationId"`
	Summary     string                 `json:"summary"`
	Description string                 `json:"description"`
	RequestBody *bodyObject            `json:"requestBody"`
	Responses   map[string]*bodyObject `json:"responses"`
}

// methods are the operations of a path item, in the order bodies are read.
var methods = []string{"get", "put", "post", "patch", "delete", "options", "head", "trace"}

// bodyReader collects the inline body schemas of one document.
type bodyReader struct {
	file       string
	components *openapiComponents
	paths      map[string]map[string]*operationObject
	p          *problems
	skipped    skipCounts
	found      []*inlineBody
	byName     map[string][]*inlineBody // lower-cased Go name -> bodies with that name
	pathTypes  map[string]pathType      // typeOfPath's answers: every action bound to a path asks
}

// inlineBody is one inline object schema and the operations that use it.
type inlineBody struct {
	goName     string
	doc        string
	data       json.RawMessage
	at         Origin
	response   bool
	operations []string
}

func newBodyReader(file string, c *openapiComponents, paths map[string]map[string]*operationObject, p *problems, skipped skipCounts) *bodyReader {
	return &bodyReader{file: file, components: c, paths: paths, p: p, skipped: skipped,
		byName: map[string][]*inlineBody{}, pathTypes: map[string]pathType{}}
}

// read returns a schema for every distinct inline body, components' first.
func (b *bodyReader) read() []rawSchema {
	b.readComponentBodies("responses", b.components.Responses, true)
	b.readComponentBodies("requestBodies", b.components.RequestBodies, false)
	for _, path := range sortedKeys(b.paths) {
		b.readPath(path)
	}
	var out []rawSchema
	for _, body := range b.found {
		out = append(out, b.schemas(body)...)
	}
	return out
}

// readComponentBodies reads components/responses or requestBodies: an
// inline object schema is named after its key, the rest is skipped.
func (b *bodyReader) readComponentBodies(section string, bodies map[string]*bodyObject, response bool) {
	for _, key := range sortedKeys(bodies) {
		at := Origin{File: b.file, Pointer: pointerJoin("/components", section, key)}
		suffix := map[bool]string{true: "Response", false: "Request"}[response]
		name := typeGoName(key)
		if _, taken := b.components.Schemas[key]; taken || !strings.HasSuffix(strings.TrimSuffix(name, "Body"), suffix) {
			name += suffix
		}
		if !b.readBody(bodies[key], at, name, response, "the "+section+" component "+strconv.Quote(key)) {
			b.skipped.add(section, 1)
		}
	}
}

// readPath reads the bodies of every operation of one path.
func (b *bodyReader) readPath(path string) {
	item := b.paths[path]
	for _, method := range methods {
		if op, ok := item[method]; ok {
			b.readOperation(path, method, op, Origin{File: b.file, Pointer: pointerJoin("/paths", path, method)})
		}
	}
}

func (b *bodyReader) readOperation(path, method string, op *operationObject, at Origin) {
	name := b.operationName(path, op)
	what := strings.ToUpper(method) + " " + path
	doc := cmp.Or(op.Description, op.Summary)
	if op.RequestBody != nil {
		b.readBody(op.RequestBody, Origin{at.File, pointerJoin(at.Pointer, "requestBody")}, name+"Request", false, what)
		b.setDoc(name+"Request", doc)
	}
	for _, code := range sortedKeys(op.Responses) {
		if strings.HasPrefix(code, "2") {
			b.readBody(op.Responses[code], Origin{at.File, pointerJoin(at.Pointer, "responses", code)}, name+"Response", true, what)
			b.setDoc(name+"Response", doc)
		}
	}
}

// readBody records the inline object schemas of one body, under each media
// type; it reports whether there was one. Bodies that refer to a schema are
// models already; the others (binary streams, plain values) are skipped.
func (b *bodyReader) readBody(body *bodyObject, at Origin, goName string, response bool, what string) bool {
	if body == nil || body.Ref != "" {
		return false
	}
	found := false
	for _, media := range sortedKeys(body.Content) {
		data := body.Content[media].Schema
		if !isInlineObject(data) {
			if len(data) > 0 && !bytes.Contains(data, []byte(`"$ref"`)) {
				b.skipped.add("bodies without an object schema", 1)
			}
			continue
		}
		found = true
		b.add(&inlineBody{goName: goName, data: data, response: response, operations: []string{what},
			at: Origin{at.File, pointerJoin(at.Pointer, "content", media, "schema")}})
	}
	return found
}

// add records a body, merging it with an identical one of the same name;
// a different schema under a taken name gets a number.
func (b *bodyReader) add(body *inlineBody) {
	key := strings.ToLower(body.goName)
	for _, other := range b.byName[key] {
		if bytes.Equal(other.data, body.data) {
			if !slices.Contains(other.operations, body.operations[0]) {
				other.operations = append(other.operations, body.operations[0])
			}
			return
		}
	}
	if n := len(b.byName[key]); n > 0 {
		b.p.warn(body.at, "name-clash", "the inline schema of %s is named %s%d: %s has another shape", body.operations[0], body.goName, n+1, body.goName)
		body.goName += strconv.Itoa(n + 1)
	}
	b.byName[key] = append(b.byName[key], body)
	b.found = append(b.found, body)
}

// setDoc gives the bodies named goName the operation's description, when
// they have none yet.
func (b *bodyReader) setDoc(goName, doc string) {
	for _, body := range b.byName[strings.ToLower(goName)] {
		if body.doc == "" {
			body.doc = doc
		}
	}
}

// isInlineObject reports whether a body schema is an object declared in
// place: properties or allOf, and no $ref of its own.
func isInlineObject(data json.RawMessage) bool {
	var s struct {
		Ref        string                     `json:"$ref"`
		Properties map[string]json.RawMessage `json:"properties"`
		AllOf      []json.RawMessage          `json:"allOf"`
	}
	return json.Unmarshal(data, &s) == nil && s.Ref == "" && (len(s.Properties) > 0 || len(s.AllOf) > 0)
}

// schemas parses one inline body; its inline object properties become
// schemas of their own (see hoist).
func (b *bodyReader) schemas(body *inlineBody) []rawSchema {
	s := parseSchema(body.data, body.at, b.p)
	if s == nil {
		return nil
	}
	if s.Description == "" {
		s.Description = body.doc
	}
	ops := slices.Clone(body.operations)
	slices.Sort(ops)
	r := rawSchema{Name: bodySchemaName(body.goName), GoName: body.goName, Schema: s, Origin: body.at,
		Body: &Body{Response: body.response, Operations: ops}}
	return append([]rawSchema{r}, hoist(r)...)
}

// bodySchemaName is the schema name of an inline body, by which -types, New
// and graphgen validate know it: "microsoft.graph." and the Go name with a
// lower-case first letter, e.g. "microsoft.graph.serviceAppActivateRequest".
func bodySchemaName(goName string) string {
	r := []rune(goName)
	r[0] = unicode.ToLower(r[0])
	return graphNamespace + string(r)
}

// hoist turns the inline object schemas of r's properties (and of their
// items) into schemas of their own, named after r and the property, and
// refers to them instead: ActivateRequest.settings -> ActivateRequestSettings.
func hoist(r rawSchema) []rawSchema {
	var out []rawSchema
	for _, name := range sortedKeys(r.Schema.Properties) {
		prop := r.Schema.Properties[name]
		target, at := prop, pointerJoin(r.Origin.Pointer, "properties", name)
		if prop != nil && prop.Value != nil && prop.Value.Items != nil && prop.Ref == "" {
			target, at = prop.Value.Items, pointerJoin(at, "items")
		}
		if target == nil || target.Ref != "" || target.Value == nil || len(target.Value.Properties) == 0 {
			continue
		}
		child := rawSchema{GoName: r.GoName + goName(name), Schema: target.Value, Origin: Origin{r.Origin.File, at}, Body: r.Body}
		child.Name = bodySchemaName(child.GoName)
		*target = openapi3.SchemaRef{Ref: componentsPrefix + child.Name}
		out = append(append(out, child), hoist(child)...)
	}
	return out
}

// operationName is the name of an operation's bodies without the
// Request/Response suffix: the binding and the action for a bound action or
// function (ServiceAppActivate), the action alone when it is unbound, else
// the operation id.
func (b *bodyReader) operationName(path string, op *operationObject) string {
	segments := strings.Split(strings.Trim(path, "/"), "/")
	last := segments[len(segments)-1]
	if !strings.Contains(last, ".") || strings.HasPrefix(last, "{") {
		return goName(cmp.Or(op.OperationID, path))
	}
	action, _, _ := strings.Cut(last, "(")
	return b.binding(segments[:len(segments)-1]) + typeGoName(action)
}

// binding names what an action is bound to: the type the parent path's GET
// returns ("ServiceApp", or "ServiceUpdateMessageCollection" for a page),
// or else the parent segment itself; "" for an unbound action.
func (b *bodyReader) binding(parent []string) string {
	if len(parent) == 0 {
		return ""
	}
	if name, ok := b.typeOfPath("/" + strings.Join(parent, "/")); ok {
		if item, isPage := strings.CutSuffix(name, "CollectionResponse"); isPage {
			return typeGoName(item) + "Collection"
		}
		return typeGoName(name)
	}
	seg := strings.Trim(parent[len(parent)-1], "{}")
	return goName(strings.TrimSuffix(seg, "-id"))
}

// typeOfPath returns the schema that a path's GET returns on success.
func (b *bodyReader) typeOfPath(path string) (string, bool) {
	t, ok := b.pathTypes[path]
	if !ok {
		t.name, t.ok = b.getType(path)
		b.pathTypes[path] = t
	}
	return t.name, t.ok
}

type pathType struct {
	name string
	ok   bool
}

// getType reads the schema that a path's GET returns on success.
func (b *bodyReader) getType(path string) (string, bool) {
	op, ok := b.paths[path]["get"]
	if !ok {
		return "", false
	}
	for _, code := range sortedKeys(op.Responses) {
		if name, ok := b.bodySchemaRef(op.Responses[code]); ok && strings.HasPrefix(code, "2") {
			return name, true
		}
	}
	return "", false
}

// bodySchemaRef returns the schema a response refers to, directly or
// through components/responses (which may refer to each other, at most a
// few times).
func (b *bodyReader) bodySchemaRef(body *bodyObject) (string, bool) {
	for hops := 0; body != nil && body.Ref != "" && hops < 8; hops++ {
		key, ok := strings.CutPrefix(body.Ref, "#/components/responses/")
		if !ok {
			return "", false
		}
		body = b.components.Responses[key]
	}
	if body == nil || body.Ref != "" {
		return "", false
	}
	var s struct {
		Ref string `json:"$ref"`
	}
	if json.Unmarshal(body.Content["application/json"].Schema, &s) != nil {
		return "", false
	}
	return strings.CutPrefix(s.Ref, componentsPrefix)
}
