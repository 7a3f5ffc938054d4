package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"

	"github.com/graphgen/graphgen/internal/schema"
)

// ConfigFile is the name graphgen looks for in the current directory (the
// directory of a //go:generate line) when it is given no inputs.
const ConfigFile = "graphgen.yaml"

// config is graphgen.yaml. Paths are relative to the file's directory.
type config struct {
	Inputs           []string `yaml:"inputs"`           // folders of schema files or OpenAPI documents
	Output           string   `yaml:"output"`           // the package directory
	Package          string   `yaml:"package"`          // the Go package name
	Types            []string `yaml:"types"`            // a subset: these schemas and their closure
	Subtypes         bool     `yaml:"subtypes"`         // with types, also the schemas derived from them
	AllowMissingRefs bool     `yaml:"allowMissingRefs"` // missing $ref targets become raw JSON, with a warning
	Names            struct {
		Types      map[string]string `yaml:"types"`      // schema name → Go type name
		Properties map[string]string `yaml:"properties"` // "schema/property" → Go field name
	} `yaml:"names"`
}

// readConfig reads a config file; unknown keys are errors with their line.
func readConfig(path string) (config, error) {
	var c config
	data, err := os.ReadFile(path)
	if err != nil {
		return c, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	dir := filepath.Dir(path)
	for i, in := range c.Inputs {
		c.Inputs[i] = relativeTo(dir, in)
	}
	if c.Output != "" {
		c.Output = relativeTo(dir, c.Output)
	}
	return c, nil
}

func relativeTo(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

// options are the config's Load options.
func (c config) options() schema.Options {
	return schema.Options{
		AllowMissingRefs: c.AllowMissingRefs,
		Types:            c.Types,
		Subtypes:         c.Subtypes,
		TypeNames:        c.Names.Types,
		FieldNames:       c.Names.Properties,
	}
}
