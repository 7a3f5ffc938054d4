// Package graphgen embeds the project's default input: the schemas in
// schemas/, written from the documents the project started from. The
// generator itself lives in cmd/graphgen and internal/.
package graphgen

import "embed"

// DefaultSchemas holds schemas/*.json, which `graphgen` with no arguments
// generates into generated/graph.
//
//go:embed schemas/*.json
var DefaultSchemas embed.FS
