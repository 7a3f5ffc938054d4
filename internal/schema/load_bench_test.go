package schema

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoad loads real documents whole (read, lowered), to profile the
// loader: go test ./internal/schema -run XXX -bench Load -benchmem
// -cpuprofile cpu.out. With GRAPHGEN_STANDIN set to the stand-in that
// bench/cmd/standin writes (DIR/standin.yaml), it loads that too and the
// same document without paths, for the full published document's cost
// against its models' (make bench measures the whole generation).
func BenchmarkLoad(b *testing.B) {
	docs := map[string]string{
		"v1.0-openapi": filepath.Join("..", "..", "..", "shared", "graph", "v1.0", "openapi.yaml"),
		"published":    filepath.Join("..", "..", "..", "shared", "graph", "published", "BackupRestore.yml"),
	}
	if standin := os.Getenv("GRAPHGEN_STANDIN"); standin != "" {
		docs["standin"] = standin
		docs["standin-nopaths"] = filepath.Join(filepath.Dir(standin), "standin-nopaths.yaml")
	}
	for _, name := range sortedKeys(docs) {
		data, err := os.ReadFile(docs[name])
		if err != nil {
			b.Logf("%s: %v", name, err)
			continue
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(context.Background(), []Document{{File: name, Data: data}}, Options{AllowMissingRefs: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
