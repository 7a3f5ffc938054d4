package schema

import "fmt"

const sentinelMember = "unknownFutureValue"

// lowerEnum fills in an enum's members, their Go names and docs.
func (l *lowerer) lowerEnum(e *Enum, r *rawSchema) {
	s := r.Schema
	e.Deprecation = deprecationOf(s)
	e.Flags = isFlagsEnum(s)
	docs := memberDocs(s)
	sentinel := -1
	for i, v := range s.Enum {
		value, ok := v.(string)
		if !ok {
			l.p.add(Origin{File: r.Origin.File, Pointer: pointerJoin(r.Origin.Pointer, "enum", fmt.Sprint(i))},
				"unsupported", "enum member %v is not a string", v)
			continue
		}
		m := &EnumMember{
			Name:       l.names.claim(e.Name.Name+goName(value), ""),
			Value:      value,
			Doc:        docs[value],
			OptInOnly:  sentinel >= 0,
			IsSentinel: value == sentinelMember,
		}
		if m.IsSentinel {
			sentinel = i
			e.Evolvable = true
		}
		e.Members = append(e.Members, m)
	}
}

// memberDocs reads member descriptions from Graph's x-ms-enum extension.
func memberDocs(s *openapiSchema) map[string]string {
	docs := map[string]string{}
	ext, _ := s.Extensions["x-ms-enum"].(map[string]any)
	values, _ := ext["values"].([]any)
	for _, v := range values {
		m, _ := v.(map[string]any)
		value, _ := m["value"].(string)
		desc, _ := m["description"].(string)
		if value != "" && desc != "" {
			docs[value] = desc
		}
	}
	return docs
}

// isFlagsEnum reports Graph's x-ms-enum-flags: {isFlags: true}.
func isFlagsEnum(s *openapiSchema) bool {
	ext, _ := s.Extensions["x-ms-enum-flags"].(map[string]any)
	flags, _ := ext["isFlags"].(bool)
	return flags
}
