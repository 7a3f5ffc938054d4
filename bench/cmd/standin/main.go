// Command standin writes a stand-in for Microsoft's full published v1.0
// openapi.yaml (about 35 MB, 10,400 paths; too large to keep here), built
// from what ../shared has, so that make bench can measure what generating
// from a document of that shape costs:
//
//   - components/schemas of graph/v1.0/openapi.yaml (every v1.0 schema);
//   - the paths of graph/published/*.yml with their responses, request
//     bodies and parameters, cloned under numbered prefixes (/s1/admin/…,
//     /s2/admin/…) to 10,400 paths; their components (responses,
//     parameters, securitySchemes, …) once;
//   - components/examples padded to 2,360 with the docs examples' payloads.
//
// It writes DIR/standin.yaml and DIR/standin-nopaths.yaml, the same document
// with empty paths: the same models, so generating from each measures what
// the paths cost.
//
//	go run ./cmd/standin [-shared ../../shared/graph] [-paths 10400] [-examples 2360] DIR
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

func main() {
	shared := flag.String("shared", "../../shared/graph", "the shared graph folder")
	paths := flag.Int("paths", 10400, "number of paths")
	examples := flag.Int("examples", 2360, "number of components/examples")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: standin [-shared DIR] [-paths N] [-examples N] OUTDIR")
		os.Exit(2)
	}
	if err := run(*shared, flag.Arg(0), *paths, *examples); err != nil {
		fmt.Fprintln(os.Stderr, "standin:", err)
		os.Exit(1)
	}
}

func run(shared, out string, nPaths, nExamples int) error {
	doc, err := build(shared, nPaths, nExamples)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	full := filepath.Join(out, "standin.yaml")
	if err := write(full, doc); err != nil {
		return err
	}
	set(doc, "paths", &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle})
	return write(filepath.Join(out, "standin-nopaths.yaml"), doc)
}

// build assembles the stand-in document.
func build(shared string, nPaths, nExamples int) (*yaml.Node, error) {
	base, err := readYAML(filepath.Join(shared, "v1.0", "openapi.yaml"))
	if err != nil {
		return nil, err
	}
	modules, err := filepath.Glob(filepath.Join(shared, "published", "*.yml"))
	if err != nil || len(modules) == 0 {
		return nil, fmt.Errorf("no published documents in %s: %v", filepath.Join(shared, "published"), err)
	}
	slices.Sort(modules)
	var items []pathItem
	components := get(base, "components")
	for _, file := range modules {
		m, err := readYAML(file)
		if err != nil {
			return nil, err
		}
		items = append(items, pathItems(m)...)
		mergeComponents(components, get(m, "components"))
	}
	if len(items) == 0 {
		return nil, errors.New("the published documents have no paths")
	}
	set(base, "paths", clonePaths(items, nPaths))
	ex, err := examples(filepath.Join(shared, "v1.0", "examples", "docs-2021-visible.jsonl"), nExamples)
	if err != nil {
		return nil, err
	}
	set(components, "examples", ex)
	set(get(base, "info"), "title", scalar("OData Service for namespace microsoft.graph (stand-in)"))
	return base, nil
}

type pathItem struct {
	path string
	item *yaml.Node
}

// pathItems returns the paths of a document in order.
func pathItems(doc *yaml.Node) []pathItem {
	var out []pathItem
	paths := get(doc, "paths")
	for i := 0; paths != nil && i+1 < len(paths.Content); i += 2 {
		out = append(out, pathItem{paths.Content[i].Value, paths.Content[i+1]})
	}
	return out
}

// clonePaths repeats items under /s1, /s2, … until there are n paths.
func clonePaths(items []pathItem, n int) *yaml.Node {
	out := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i < n; i++ {
		it := items[i%len(items)]
		prefix := fmt.Sprintf("/s%d", i/len(items)+1)
		out.Content = append(out.Content, scalar(prefix+it.path), it.item)
	}
	return out
}

// mergeComponents adds to dst every section and entry of src that dst does
// not have yet; components/schemas stays the full set's.
func mergeComponents(dst, src *yaml.Node) {
	for i := 0; src != nil && i+1 < len(src.Content); i += 2 {
		key, section := src.Content[i].Value, src.Content[i+1]
		if key == "schemas" {
			continue
		}
		have := get(dst, key)
		if have == nil {
			have = &yaml.Node{Kind: yaml.MappingNode}
			set(dst, key, have)
		}
		for j := 0; j+1 < len(section.Content); j += 2 {
			if get(have, section.Content[j].Value) == nil {
				have.Content = append(have.Content, section.Content[j], section.Content[j+1])
			}
		}
	}
}

// examples returns n component examples: the payloads of the docs examples,
// repeated as often as needed.
func examples(file string, n int) (*yaml.Node, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var payloads []*yaml.Node
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var rec struct {
			Type    string          `json:"type"`
			Payload json.RawMessage `json:"payload"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		var v yaml.Node
		if err := yaml.Unmarshal(rec.Payload, &v); err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		blockStyle(&v)
		payloads = append(payloads, v.Content[0])
	}
	if err := sc.Err(); err != nil || len(payloads) == 0 {
		return nil, fmt.Errorf("%s: no examples (%v)", file, err)
	}
	out := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i < n; i++ {
		ex := &yaml.Node{Kind: yaml.MappingNode}
		set(ex, "summary", scalar(fmt.Sprintf("Example %d", i+1)))
		set(ex, "value", payloads[i%len(payloads)])
		out.Content = append(out.Content, scalar(fmt.Sprintf("example%04d", i+1)), ex)
	}
	return out, nil
}

// blockStyle writes JSON-parsed nodes in YAML's block style, as Microsoft's
// document is.
func blockStyle(n *yaml.Node) {
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		n.Style = 0
	}
	if n.Kind == yaml.ScalarNode && n.Style == yaml.DoubleQuotedStyle && n.Tag == "!!str" {
		n.Style = 0 // the encoder quotes what needs it
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}

func readYAML(file string) (*yaml.Node, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	if len(n.Content) == 0 || n.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: not a YAML mapping", file)
	}
	return n.Content[0], nil
}

func write(file string, doc *yaml.Node) error {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes, %d lines\n", file, b.Len(), strings.Count(b.String(), "\n"))
	return os.Rename(tmp, file)
}

// get returns the value of key in a mapping node; nil when absent.
func get(m *yaml.Node, key string) *yaml.Node {
	for i := 0; m != nil && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// set replaces or adds key in a mapping node.
func set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, scalar(key), v)
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
