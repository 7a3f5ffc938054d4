package fullset

import (
	"bytes"
	"context"
	"errors"
	"go/format"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/gocheck"
	"github.com/graphgen/graphgen/internal/schema"
	_ "github.com/graphgen/graphgen/internal/testflag"
	"github.com/graphgen/graphgen/internal/verify"
)

// sharedDir is the real Graph v1.0 schema set, read in place beside the
// repository (never copied into it).
const sharedDir = "../../../shared/graph/v1.0"

// requireShared skips when ../shared is missing on a user's clone, and
// fails in CI (.ci/run sets GRAPHGEN_REQUIRE_SHARED=1).
func requireShared(t *testing.T) {
	if _, err := os.Stat(filepath.Join(sharedDir, "openapi.yaml")); err != nil {
		if os.Getenv("GRAPHGEN_REQUIRE_SHARED") != "" {
			t.Fatalf("%s is missing: %v", sharedDir, err)
		}
		t.Skipf("skipping: %s is missing (clone graphgen next to shared/ to run the full-set tests)", sharedDir)
	}
}

func readShared(t *testing.T, name string) []schema.Document {
	docs, err := schema.ReadInput(os.DirFS(sharedDir), name, name)
	require.NoError(t, err)
	return docs
}

func TestFullSetRejectsDanglingRefsByDefault(t *testing.T) {
	requireShared(t)
	_, err := schema.Load(context.Background(), readShared(t, "schemas"), schema.Options{})
	var errs schema.Errors
	require.True(t, errors.As(err, &errs), "want Errors, got %v", err)
	missing := map[string]bool{}
	for _, e := range errs {
		assert.Equal(t, "dangling-ref", e.Kind, e.Error())
		assert.NotZero(t, e.Line, "each names its line: %s", e)
		missing[e.Msg] = true
	}
	for _, name := range []string{
		"microsoft.graph.userExperienceAnalyticsAppHealthDevicePerformanceDetails",
		"microsoft.graph.userExperienceAnalyticsAppHealthAppPerformanceByOSVersion",
		"microsoft.graph.userExperienceAnalyticsAppHealthAppPerformanceByAppVersionDeviceId",
	} {
		assert.True(t, missing[`$ref to missing schema "`+name+`"`], "the error names %s", name)
	}
}

// TestFullSetGeneratesBuildsAndVets generates all 4,183 schemas from both
// input forms, requires identical files, vets the package in the verify
// harness's module, checks its struct tables against its types, and runs the
// docs corpus through it.
func TestFullSetGeneratesBuildsAndVets(t *testing.T) {
	requireShared(t)
	opts := schema.Options{AllowMissingRefs: true}
	fromFolder := generate(t, readShared(t, "schemas"), opts)
	fromOpenAPI := generate(t, readShared(t, "openapi.yaml"), opts)
	require.Equal(t, len(fromFolder), len(fromOpenAPI))
	for i := range fromFolder {
		require.Equal(t, fromFolder[i].Name, fromOpenAPI[i].Name)
		require.True(t, bytes.Equal(fromFolder[i].Data, fromOpenAPI[i].Data), "%s differs between the input forms", fromFolder[i].Name)
	}

	for _, f := range fromFolder {
		formatted, err := format.Source(f.Data)
		require.NoError(t, err, f.Name)
		require.True(t, bytes.Equal(formatted, f.Data), "%s is not gofmt-clean", f.Name)
		require.NoError(t, gocheck.Source(f.Name, f.Data), "comments must be inert")
	}

	module := t.TempDir()
	require.NoError(t, verify.WriteModule(module, fromFolder))
	vet := verify.GoCommand(context.Background(), module, "vet", "./...")
	out, err := vet.CombinedOutput()
	require.NoError(t, err, "go vet:\n%s", out)

	layout, err := emit.LayoutTest("graph")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(module, "graph", layout.Name), layout.Data, 0o644))
	test := verify.GoCommand(context.Background(), module, "test", "./graph")
	out, err = test.CombinedOutput()
	require.NoError(t, err, "the struct tables must describe the Go types:\n%s", out)

	t.Run("verify the docs corpus", func(t *testing.T) { verifyDocsCorpus(t, module) })
	t.Run("verify the recorded payloads", func(t *testing.T) { verifyRecorded(t, module) })
}

func generate(t *testing.T, docs []schema.Document, opts schema.Options) []emit.File {
	pkg, err := schema.Load(context.Background(), docs, opts)
	require.NoError(t, err)
	assert.Len(t, pkg.Warnings, 6, "the three missing schemas, each referred to twice")
	assert.Equal(t, 4183, len(pkg.Structs)+len(pkg.Enums), "every schema becomes a Go type")
	assert.Equal(t, 3420, len(pkg.Structs))
	files, err := emit.Emit(pkg, emit.Options{PackageName: "graph"})
	require.NoError(t, err)
	return files
}
