package schema

import (
	"bytes"
	"encoding/json"
	"strings"
)

// The CSDL reader: an EDMX document read as the OpenAPI document that
// Microsoft's converter writes from it (components/schemas, docs/csdl.md),
// so that parseOpenAPI and lowering read it as they read that one.

// isXML reports whether a document is XML: after a byte order mark and
// spaces, it starts with "<".
func isXML(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(data) > 0 && data[0] == '<'
}

// readCSDLDocument reads a CSDL document into the docValue tree of its
// OpenAPI form; src locates problems by the elements they come from.
func readCSDLDocument(doc Document, src *source) (*docValue, *source, error) {
	csdl, err := parseCSDL(doc.Data)
	if err != nil {
		return nil, src, err
	}
	var p problems
	c := newCSDLConverter(csdl, doc.File, &p)
	if !c.check() {
		return nil, src, &csdlErrors{p.list}
	}
	schemas := c.schemas()
	if len(p.list) > 0 {
		return nil, src, &csdlErrors{p.list}
	}
	src.csdl = c
	members := make(map[string]*docValue, len(schemas))
	for name, s := range schemas {
		data, err := json.Marshal(s)
		if err != nil {
			return nil, src, err
		}
		members[name] = &docValue{json: data}
	}
	requests, responses := c.operationBodies()
	if len(p.list) > 0 {
		return nil, src, &csdlErrors{p.list}
	}
	components := map[string]*docValue{"schemas": {members: members}}
	for section, bodies := range map[string]map[string]any{"requestBodies": requests, "responses": responses} {
		data, err := json.Marshal(bodies)
		if err != nil {
			return nil, src, err
		}
		components[section] = &docValue{json: data}
	}
	return &docValue{members: map[string]*docValue{
		"openapi":    {json: json.RawMessage(`"3.0.4"`)},
		"components": {members: components},
	}}, src, nil
}

// csdlErrors is every problem of a CSDL document, each with its position.
type csdlErrors struct{ list Errors }

func (e *csdlErrors) Error() string { return e.list.Error() }

// locate finds the element a pointer into the converted document comes
// from: /components/schemas/NAME[/…/properties/PROP…].
func (c *csdlConverter) locate(pointer string) (line, col int) {
	tokens := splitPointer(pointer)
	if len(tokens) < 3 || tokens[0] != "components" || tokens[1] != "schemas" {
		return 1, 1
	}
	name := strings.TrimSuffix(tokens[2], "CollectionResponse")
	if strings.HasPrefix(name, c.errorsPrefix()) {
		name = c.innerErrorName()
	}
	n := c.types[name]
	if n == nil {
		return 1, 1
	}
	at := n.node()
	for i, t := range tokens {
		if t == "properties" && i+1 < len(tokens) && n.typ != nil {
			for _, p := range n.typ.Properties {
				if p.Name == tokens[i+1] {
					at = p.at
				}
			}
		}
	}
	return at.Line, at.Col
}
