package schema

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader, as a per-schema file and as
// an OpenAPI document: it must return a Package or Errors, never panic or
// hang. Seeds are the seed schemas, the golden inputs and, when ../shared is
// beside the repository, a sample of the real Graph schemas.
func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{
		"../../schemas/*.json",
		"../../testdata/golden/*/input/*",
		"../../testdata/openapi/*.yaml",
		"../../../shared/graph/v1.0/schemas/microsoft.graph.[a-c]*.json",
	} {
		files, _ := filepath.Glob(pattern)
		for i, file := range files {
			if data, err := os.ReadFile(file); err == nil && i < 120 {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("openapi: 3.0.4\ncomponents:\n  schemas:\n    a: &x [*x]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"microsoft.graph.fuzz.json", "openapi.yaml"} {
			pkg, err := Load(context.Background(), []Document{{File: name, Data: data}}, Options{AllowMissingRefs: true})
			if err == nil && pkg == nil {
				t.Fatal("no package and no error")
			}
		}
	})
}
