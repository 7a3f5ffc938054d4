package schema

import (
	"bytes"
	"encoding/json"
)

// docValue is one value of an input document as its reader gives it: JSON
// text, or a mapping whose members are docValues. The JSON reader gives the
// whole document as text; the YAML outline gives the mappings it has cut
// (the document, its components, paths and operations) with their members,
// and JSON text below them, so that what it left out is never converted.
// parseOpenAPI and the bodies read both alike: lowering has one path,
// whatever the form.
type docValue struct {
	json    json.RawMessage
	members map[string]*docValue // a cut mapping; nil for JSON text
}

// object returns the members of a mapping.
func (v *docValue) object() (map[string]*docValue, error) {
	if v.members != nil {
		return v.members, nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(v.json, &raw); err != nil {
		return nil, err
	}
	out := make(map[string]*docValue, len(raw))
	for k, r := range raw {
		out[k] = &docValue{json: r}
	}
	return out, nil
}

// decode unmarshals the value into out, as encoding/json does.
func (v *docValue) decode(out any) error {
	return json.Unmarshal(v.text(), out)
}

// text is the value as JSON.
func (v *docValue) text() []byte {
	if v.members == nil {
		return v.json
	}
	var b bytes.Buffer
	v.write(&b)
	return b.Bytes()
}

func (v *docValue) write(b *bytes.Buffer) {
	if v.members == nil {
		b.Write(v.json)
		return
	}
	b.WriteByte('{')
	for i, k := range sortedKeys(v.members) {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(k)
		b.Write(key)
		b.WriteByte(':')
		v.members[k].write(b)
	}
	b.WriteByte('}')
}
