package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// Several inputs, one package: Microsoft splits Graph into module documents
// (Users, Groups, Mail, …) that repeat the schemas they share, byte for byte
// within a release. A schema, an inline body or a hoisted body property
// defined in several inputs with the same content is one type; the same name
// with other content is an error at the first place where the two differ,
// naming both files. The definition kept is that of the file that sorts
// first, so the order of the inputs never shows in the output.

// mergeDefinitions drops from raws, sorted by name then file, the
// definitions that repeat the one before them, and reports those that
// differ from it; it returns the rest and how many were merged.
func mergeDefinitions(raws []rawSchema, sources map[string]*source, p *problems) ([]rawSchema, int) {
	out := raws[:0]
	merged := 0
	var kept []byte // the canonical form of out's last definition
	for _, r := range raws {
		if len(out) == 0 || out[len(out)-1].Name != r.Name {
			out = append(out, r)
			kept = nil
			continue
		}
		first := &out[len(out)-1]
		if kept == nil {
			kept = canonicalDefinition(*first)
		}
		if this := canonicalDefinition(r); !bytes.Equal(kept, this) {
			reportDifferent(*first, r, kept, this, sources, p)
			continue
		}
		if first.Body != nil && r.Body != nil {
			first.Body = &Body{Response: first.Body.Response, Operations: unionSorted(first.Body.Operations, r.Body.Operations)}
		}
		merged++
	}
	return out, merged
}

// canonicalDefinition is what two definitions must share to be one type:
// the schema as kin-openapi parsed it (as inputHash sees it), the Go name of
// an inline body, and whether it is a response.
func canonicalDefinition(r rawSchema) []byte {
	data, err := json.Marshal(struct {
		Schema   any    `json:"schema"`
		GoName   string `json:"goName,omitempty"`
		Response *bool  `json:"response,omitempty"`
	}{withoutDocumentKeys(r.Schema), r.GoName, bodyResponse(r.Body)})
	if err != nil {
		return []byte(err.Error())
	}
	return data
}

func bodyResponse(b *Body) *bool {
	if b == nil {
		return nil
	}
	return &b.Response
}

// reportDifferent reports that second defines first's name otherwise, at
// the first JSON Pointer where the two differ.
func reportDifferent(first, second rawSchema, a, b []byte, sources map[string]*source, p *problems) {
	var va, vb any
	_ = json.Unmarshal(a, &va)
	_ = json.Unmarshal(b, &vb)
	path, x, y := firstDifference(va, vb, nil)
	if len(path) > 0 && path[0] == "schema" {
		path = path[1:]
	}
	where := first.Origin.File
	firstAt := pointerJoin(first.Origin.Pointer, path...)
	if src := sources[first.Origin.File]; src != nil {
		if line, col := src.locate(firstAt); line > 0 {
			where += fmt.Sprintf(":%d:%d", line, col)
		}
	}
	at := Origin{File: second.Origin.File, Pointer: pointerJoin(second.Origin.Pointer, path...)}
	p.add(at, "name-clash", "schema %q is also defined in %s, differently: %s here, %s there (%s)",
		second.Name, where, shortJSON(y), shortJSON(x), cmpPointer(path))
}

// cmpPointer names the place of a difference within the schema.
func cmpPointer(path []string) string {
	if len(path) == 0 {
		return "the whole schema"
	}
	return "at " + pointerJoin("", path...)
}

// firstDifference walks a and b in key order to the first place they
// differ; it returns its path and both values there (nil when absent).
func firstDifference(a, b any, path []string) ([]string, any, any) {
	ma, okA := a.(map[string]any)
	mb, okB := b.(map[string]any)
	if okA && okB {
		keys := append(sortedKeys(ma), sortedKeys(mb)...)
		slices.Sort(keys)
		for _, k := range slices.Compact(keys) {
			if p, x, y := firstDifference(ma[k], mb[k], append(path, k)); p != nil {
				return p, x, y
			}
		}
		return nil, nil, nil
	}
	la, okA := a.([]any)
	lb, okB := b.([]any)
	if okA && okB && len(la) == len(lb) {
		for i := range la {
			if p, x, y := firstDifference(la[i], lb[i], append(path, strconv.Itoa(i))); p != nil {
				return p, x, y
			}
		}
		return nil, nil, nil
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if bytes.Equal(ja, jb) {
		return nil, nil, nil
	}
	return append([]string{}, path...), a, b
}

// shortJSON shows a value in a message: JSON, cut to 60 bytes; "nothing"
// when absent.
func shortJSON(v any) string {
	if v == nil {
		return "nothing"
	}
	data, _ := json.Marshal(v)
	if len(data) > 60 {
		return string(data[:57]) + "..."
	}
	return string(data)
}

// unionSorted merges two sorted lists without repeats.
func unionSorted(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}
