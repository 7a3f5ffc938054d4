package schema

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// source is one input document as its problems are located in it: its
// text and, for a YAML document read through its outline, that outline.
type source struct {
	data    []byte
	outline *yamlOutline
	csdl    *csdlConverter // a CSDL document, located by its elements
	node    *yaml.Node     // the whole document, parsed on the first locate without an outline
	parsed  bool
}

// locate returns the 1-based line and column of the value at pointer.
func (s *source) locate(pointer string) (line, col int) {
	if s.outline != nil {
		return s.outline.locate(pointer)
	}
	if s.csdl != nil {
		return s.csdl.locate(pointer)
	}
	if !s.parsed {
		s.node, s.parsed = parseNode(s.data), true
	}
	return locateIn(s.node, pointer)
}

// parseNode parses a document for locateIn; nil when it cannot.
func parseNode(data []byte) *yaml.Node {
	var root yaml.Node
	if len(data) == 0 || yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return nil
	}
	return root.Content[0]
}

// locateIn returns the 1-based line and column of the value at a JSON
// Pointer in a parsed JSON or YAML document, or of the deepest part of the
// pointer that exists; 0, 0 for a nil node.
func locateIn(node *yaml.Node, pointer string) (line, col int) {
	if node == nil {
		return 0, 0
	}
	for _, token := range splitPointer(pointer) {
		next := childNode(node, token)
		if next == nil {
			break
		}
		node = next
	}
	return node.Line, node.Column
}

// childNode returns the member named token of a mapping, or the item at
// index token of a sequence; for a mapping it returns the key node, which is
// where an editor should point.
func childNode(node *yaml.Node, token string) *yaml.Node {
	switch node.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(node.Content); i += 2 {
			if node.Content[i].Value == token {
				if node.Content[i+1].Kind == yaml.ScalarNode {
					return node.Content[i]
				}
				return node.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(token); err == nil && i >= 0 && i < len(node.Content) {
			return node.Content[i]
		}
	}
	return nil
}

// splitPointer splits an RFC 6901 JSON Pointer into unescaped tokens.
func splitPointer(pointer string) []string {
	if pointer == "" {
		return nil
	}
	tokens := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i, t := range tokens {
		if strings.IndexByte(t, '~') >= 0 {
			tokens[i] = unescapeToken.Replace(t)
		}
	}
	return tokens
}

// The escapes of RFC 6901.
var (
	escapeToken   = strings.NewReplacer("~", "~0", "/", "~1")
	unescapeToken = strings.NewReplacer("~1", "/", "~0", "~")
)

// pointerJoin appends escaped tokens to a JSON Pointer.
func pointerJoin(pointer string, tokens ...string) string {
	var b strings.Builder
	b.WriteString(pointer)
	for _, t := range tokens {
		b.WriteByte('/')
		if strings.ContainsAny(t, "~/") {
			t = escapeToken.Replace(t)
		}
		b.WriteString(t)
	}
	return b.String()
}
