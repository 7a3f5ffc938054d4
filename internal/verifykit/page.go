package verifykit

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// page is a collection response for an item type that has no generated
// XCollectionResponse: its items decode one by one, other members stay raw.
type page struct {
	members map[string]json.RawMessage
	items   []Model
}

// decodePage decodes {"value": [...], ...} item by item; nil, nil when the
// item type is unknown.
func decodePage(itemType string, data []byte, decode Decoder) (Model, error) {
	var p page
	if err := json.Unmarshal(data, &p.members); err != nil {
		return nil, err
	}
	var items []json.RawMessage
	if err := json.Unmarshal(p.members["value"], &items); err != nil {
		return nil, fmt.Errorf("/value: %w", err)
	}
	for i, raw := range items {
		m, err := decode(itemType, raw)
		if m == nil && err == nil {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("/value/%d: %w", i, err)
		}
		p.items = append(p.items, m)
	}
	return &p, nil
}

func (p *page) MarshalJSON() ([]byte, error) {
	out := make(map[string]json.RawMessage, len(p.members))
	for k, v := range p.members {
		out[k] = v
	}
	items := make([]json.RawMessage, len(p.items))
	for i, m := range p.items {
		data, err := m.MarshalJSON()
		if err != nil {
			return nil, err
		}
		items[i] = data
	}
	value, err := json.Marshal(items)
	if err != nil {
		return nil, err
	}
	out["value"] = value
	return json.Marshal(out)
}

// Validate validates every item, prefixing paths with /value/i.
func (p *page) Validate() error {
	var all pageViolations
	for i, m := range p.items {
		for _, v := range violations(m.Validate()) {
			all = append(all, "/value/"+strconv.Itoa(i)+v)
		}
	}
	if len(all) == 0 {
		return nil
	}
	return all
}

type pageViolations []string

func (v pageViolations) Error() string { return strings.Join(v, "; ") }

func (v pageViolations) Unwrap() []error {
	out := make([]error, len(v))
	for i, s := range v {
		out[i] = pageViolation(s)
	}
	return out
}

type pageViolation string

func (v pageViolation) Error() string { return string(v) }
