package schema

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The first step of reading CSDL $metadata (OData's EDMX, the form Graph's
// schemas are written in): the XML as a tree of elements, each with its
// line and column. The document is untrusted: a DOCTYPE (the only way to
// declare entities) is refused, entity references other than XML's own
// are errors (encoding/xml's strict mode), nesting is bounded, and every
// error says where. csdl.go reads the tree into the CSDL model.

// csdlMaxDepth bounds the nesting of a CSDL document's elements: Graph's
// go about ten deep (Schema, EntityType, Property, Annotation, Record,
// PropertyValue, Collection, …).
const csdlMaxDepth = 256

// xmlNode is one XML element: its local name, attributes by local name,
// children, the text directly inside it, and where it starts.
type xmlNode struct {
	Name     string
	Attrs    []xml.Attr
	Children []*xmlNode
	Text     string
	Line     int
	Col      int
}

// attr returns the value of the attribute with the given local name.
func (n *xmlNode) attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// xmlError is a problem in an XML document, at a line and column.
type xmlError struct {
	Line, Col int
	Msg       string
}

func (e *xmlError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// parseXMLTree reads a whole XML document into its root element.
func parseXMLTree(data []byte) (*xmlNode, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var root *xmlNode
	var stack []*xmlNode
	var text strings.Builder
	for {
		line, col := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlSyntaxError(d, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= csdlMaxDepth {
				return nil, &xmlError{line, col, fmt.Sprintf("elements nested more than %d deep", csdlMaxDepth)}
			}
			n := &xmlNode{Name: t.Name.Local, Attrs: t.Attr, Line: line, Col: col}
			if len(stack) == 0 {
				if root != nil {
					return nil, &xmlError{line, col, "a second root element"}
				}
				root = n
			} else {
				parent := stack[len(stack)-1]
				parent.Children = append(parent.Children, n)
			}
			stack = append(stack, n)
			text.Reset()
		case xml.EndElement:
			n := stack[len(stack)-1]
			n.Text = strings.TrimSpace(text.String())
			text.Reset()
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, &xmlError{line, col, "text outside the root element"}
				}
				continue
			}
			text.Write(t)
		case xml.Directive:
			return nil, &xmlError{line, col, "a <!DOCTYPE> or other directive is not allowed (entity declarations are refused)"}
		}
	}
	if root == nil {
		return nil, &xmlError{1, 1, "no root element"}
	}
	return root, nil
}

// xmlSyntaxError gives encoding/xml's error the line and column it was
// found at.
func xmlSyntaxError(d *xml.Decoder, err error) error {
	line, col := d.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &xmlError{se.Line, col, "malformed XML: " + se.Msg}
	}
	return &xmlError{line, col, "malformed XML: " + err.Error()}
}
