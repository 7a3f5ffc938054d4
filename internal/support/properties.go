package support

import "encoding/json"

// Property is one JSON member that the schema does not declare: an OData
// annotation such as "@odata.context" or "members@odata.bind", an instance
// annotation, or a property newer than the schema. Value is its raw JSON.
type Property struct {
	Name  string          // the member's name, e.g. "@odata.context"
	Value json.RawMessage // its value, exactly as received
}

// Properties keeps undeclared members in the order they appeared, so that a
// decoded object re-encodes without losing any of them.
type Properties []Property

// Get returns the raw value of the named member and whether it is present.
func (p Properties) Get(name string) (json.RawMessage, bool) {
	for _, m := range p {
		if m.Name == name {
			return m.Value, true
		}
	}
	return nil, false
}

// Set replaces the named member's value, or appends the member.
// value must be valid JSON.
func (p *Properties) Set(name string, value json.RawMessage) {
	for i := range *p {
		if (*p)[i].Name == name {
			(*p)[i].Value = value
			return
		}
	}
	*p = append(*p, Property{Name: name, Value: value})
}

// Delete removes the named member.
func (p *Properties) Delete(name string) {
	for i := range *p {
		if (*p)[i].Name == name {
			*p = append((*p)[:i], (*p)[i+1:]...)
			return
		}
	}
}

// isAnnotationName reports whether a member name is OData control
// information ("@odata.context"), which is written before other members.
func isAnnotationName(name string) bool { return len(name) > 0 && name[0] == '@' }

// appendProperties appends the members whose annotation-ness matches
// annotations.
func appendProperties(b []byte, p Properties, annotations bool) []byte {
	for _, m := range p {
		if isAnnotationName(m.Name) == annotations {
			b = appendRaw(appendKey(b, m.Name), m.Value)
		}
	}
	return b
}
