package emit_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/schema"
	"github.com/graphgen/graphgen/internal/testflag"
)

const goldenRoot = "../../testdata/golden"

// TestGolden generates every case under testdata/golden/<case>/input and
// compares the result with <case>/expected/ (missing and extra files fail)
// or, for inputs that must be rejected, with <case>/expected_error.txt.
// go test ./... -update rewrites them.
func TestGolden(t *testing.T) {
	cases, err := os.ReadDir(goldenRoot)
	require.NoError(t, err)
	for _, c := range cases {
		t.Run(c.Name(), func(t *testing.T) { runGoldenCase(t, filepath.Join(goldenRoot, c.Name())) })
	}
}

func runGoldenCase(t *testing.T, dir string) {
	pkg, err := schema.Load(context.Background(), readCaseInput(t, dir), schema.Options{})
	errFile := filepath.Join(dir, "expected_error.txt")
	if err != nil {
		compareFile(t, errFile, []byte(err.Error()+"\n"))
		require.NoDirExists(t, filepath.Join(dir, "expected"), "a rejected input has no expected output")
		return
	}
	require.NoFileExists(t, errFile, "the input was expected to be rejected")
	name := filepath.Base(dir)
	files, err := emit.Emit(pkg, emit.Options{PackageName: strings.ReplaceAll(name, "-", "")})
	require.NoError(t, err)
	compareDir(t, filepath.Join(dir, "expected"), files)
}

// readCaseInput reads <case>/input: an OpenAPI document named openapi.*,
// or else the folder of schema files.
func readCaseInput(t *testing.T, dir string) []schema.Document {
	fsys := os.DirFS(dir)
	name := "input"
	for _, doc := range []string{"openapi.yaml", "openapi.json"} {
		if _, err := os.Stat(filepath.Join(dir, "input", doc)); err == nil {
			name = "input/" + doc
		}
	}
	docs, err := schema.ReadInput(fsys, name, name)
	require.NoError(t, err)
	return docs
}

func compareFile(t *testing.T, path string, got []byte) {
	if *testflag.Update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./... -update")
	assert.Equal(t, string(want), string(got), path)
}

// compareDir compares generated files with a directory, both ways.
func compareDir(t *testing.T, dir string, files []emit.File) {
	if *testflag.Update {
		require.NoError(t, os.RemoveAll(dir))
		require.NoError(t, os.MkdirAll(dir, 0o755))
	}
	want := map[string]bool{}
	for _, f := range files {
		want[f.Name] = true
		compareFile(t, filepath.Join(dir, f.Name), f.Data)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.True(t, want[e.Name()], "extra file %s in %s", e.Name(), dir)
	}
}
