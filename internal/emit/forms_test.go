package emit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/graphgen/graphgen"
	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/schema"
	"github.com/graphgen/graphgen/internal/testflag"
)

const seedsYAML = "../../testdata/openapi/seeds.yaml"

// TestBothInputFormsGiveIdenticalOutput generates the seed schemas from the
// folder form, from an OpenAPI JSON document built from the same files, and
// from the committed OpenAPI YAML document (rewritten by -update), and
// requires byte-identical files.
func TestBothInputFormsGiveIdenticalOutput(t *testing.T) {
	folder, err := schema.ReadInput(graphgen.DefaultSchemas, "schemas", "schemas")
	require.NoError(t, err)
	openapiJSON := openAPIDocument(t, folder)
	if *testflag.Update {
		require.NoError(t, os.WriteFile(seedsYAML, toYAML(t, openapiJSON), 0o644))
	}
	yamlData, err := os.ReadFile(seedsYAML)
	require.NoError(t, err)

	want := generateAll(t, folder)
	assertSameFiles(t, want, generateAll(t, []schema.Document{{File: "openapi.json", Data: openapiJSON}}))
	assertSameFiles(t, want, generateAll(t, []schema.Document{{File: "seeds.yaml", Data: yamlData}}))
}

// TestOutputIsDeterministic generates the seed schemas and the hostile and
// polymorphic goldens again and again: with the input files shuffled, and
// with GOMAXPROCS 1 and 8; every run must give the same bytes.
func TestOutputIsDeterministic(t *testing.T) {
	seeds, err := schema.ReadInput(graphgen.DefaultSchemas, "schemas", "schemas")
	require.NoError(t, err)
	hostile, err := schema.ReadInput(os.DirFS(goldenRoot), "hostile/input", "hostile/input")
	require.NoError(t, err)
	seed := time.Now().UnixNano()
	t.Logf("shuffle seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	for _, docs := range [][]schema.Document{seeds, hostile, append(slices.Clone(seeds), hostile...)} {
		want := generateAll(t, docs)
		for _, procs := range []int{1, 8, 1, 8} {
			shuffled := slices.Clone(docs)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			prev := runtime.GOMAXPROCS(procs)
			got := generateAll(t, shuffled)
			runtime.GOMAXPROCS(prev)
			assertSameFiles(t, want, got)
		}
	}
}

func generateAll(t *testing.T, docs []schema.Document) []emit.File {
	pkg, err := schema.Load(context.Background(), docs, schema.Options{AllowMissingRefs: true})
	require.NoError(t, err)
	files, err := emit.Emit(pkg, emit.Options{PackageName: "graph"})
	require.NoError(t, err)
	return files
}

func assertSameFiles(t *testing.T, want, got []emit.File) {
	t.Helper()
	require.Equal(t, len(want), len(got))
	for i := range want {
		assert.Equal(t, want[i].Name, got[i].Name)
		assert.True(t, bytes.Equal(want[i].Data, got[i].Data), "%s differs", want[i].Name)
	}
}

// openAPIDocument wraps per-schema files into one OpenAPI 3.0 document.
func openAPIDocument(t *testing.T, docs []schema.Document) []byte {
	var b bytes.Buffer
	b.WriteString(`{"openapi":"3.0.4","info":{"title":"graphgen seed schemas","version":"v1.0"},"paths":{},"components":{"schemas":{`)
	for i, d := range docs {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(strings.TrimSuffix(path.Base(d.File), ".json"))
		b.Write(name)
		b.WriteByte(':')
		b.Write(d.Data)
	}
	b.WriteString(`}}}`)
	return b.Bytes()
}

// toYAML converts JSON to block-style YAML, keeping member order.
func toYAML(t *testing.T, data []byte) []byte {
	var node yaml.Node
	require.NoError(t, yaml.Unmarshal(data, &node))
	var unflow func(n *yaml.Node)
	unflow = func(n *yaml.Node) {
		n.Style = 0
		for _, c := range n.Content {
			unflow(c)
		}
	}
	unflow(&node)
	out, err := yaml.Marshal(&node)
	require.NoError(t, err)
	return append([]byte("# The seed schemas (schemas/) as one OpenAPI document; go test ./internal/emit -update rewrites it.\n"), out...)
}
