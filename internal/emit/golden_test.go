package emit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/gocheck"
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

// caseOptions is <case>/options.json, for cases that need more than the
// defaults: Load options, and an input shared with another case.
type caseOptions struct {
	Input            string   `json:"input"` // relative to the case, e.g. "../polymorphic/input/openapi.yaml"
	Types            []string `json:"types"`
	Subtypes         bool     `json:"subtypes"`
	AllowMissingRefs bool     `json:"allowMissingRefs"`
	Names            struct {
		Types      map[string]string `json:"types"`      // as names.types in graphgen.yaml
		Properties map[string]string `json:"properties"` // as names.properties
	} `json:"names"`
}

func readCaseOptions(t *testing.T, dir string) caseOptions {
	var opts caseOptions
	data, err := os.ReadFile(filepath.Join(dir, "options.json"))
	if os.IsNotExist(err) {
		return opts
	}
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&opts))
	return opts
}

func runGoldenCase(t *testing.T, dir string) {
	opts := readCaseOptions(t, dir)
	docs := readCaseInput(t, dir)
	if opts.Input != "" {
		var err error
		input := filepath.Join(dir, opts.Input)
		docs, err = schema.ReadInput(os.DirFS(filepath.Dir(input)), filepath.Base(input), opts.Input)
		require.NoError(t, err)
	}
	pkg, err := schema.Load(context.Background(), docs, schema.Options{
		Types: opts.Types, Subtypes: opts.Subtypes, AllowMissingRefs: opts.AllowMissingRefs,
		TypeNames: opts.Names.Types, FieldNames: opts.Names.Properties,
	})
	errFile := filepath.Join(dir, "expected_error.txt")
	if err != nil {
		compareFile(t, errFile, []byte(err.Error()+"\n"))
		require.NoDirExists(t, filepath.Join(dir, "expected"), "a rejected input has no expected output")
		return
	}
	require.NoFileExists(t, errFile, "the input was expected to be rejected")
	compareWarnings(t, filepath.Join(dir, "expected_warnings.txt"), pkg.Warnings)
	name := filepath.Base(dir)
	files, err := emit.Emit(pkg, emit.Options{PackageName: strings.ReplaceAll(name, "-", "")})
	require.NoError(t, err)
	for _, f := range files {
		assert.NoError(t, gocheck.Source(f.Name, f.Data), "comments must be inert")
	}
	compareDir(t, filepath.Join(dir, "expected"), files)
}

// compareWarnings compares warnings with a file, which exists only for
// cases that have warnings.
func compareWarnings(t *testing.T, path string, warnings schema.Errors) {
	if len(warnings) == 0 {
		if *testflag.Update {
			require.NoError(t, os.RemoveAll(path))
		}
		require.NoFileExists(t, path, "the case has no warnings")
		return
	}
	var b strings.Builder
	for _, w := range warnings {
		b.WriteString(w.Error() + "\n")
	}
	compareFile(t, path, []byte(b.String()))
}

// readCaseInput reads <case>/input: an OpenAPI document named openapi.*,
// or else the folder of schema files.
func readCaseInput(t *testing.T, dir string) []schema.Document {
	if _, err := os.Stat(filepath.Join(dir, "input")); os.IsNotExist(err) {
		return nil
	}
	fsys := os.DirFS(dir)
	name := "input"
	for _, doc := range []string{"openapi.yaml", "openapi.json", "metadata.xml"} {
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

// TestGoldenPackagesVet builds and vets every golden package: go test
// ./... skips testdata, so without this a golden that does not compile
// would pass unnoticed.
func TestGoldenPackagesVet(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(goldenRoot, "*", "expected"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	args := []string{"vet"}
	for _, d := range dirs {
		args = append(args, "./"+filepath.ToSlash(d))
	}
	cmd := exec.Command("go", args...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go vet on the golden packages:\n%s", out)
}

// staticcheck is pinned so that a new release cannot fail CI on its own.
const staticcheck = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"

// TestStaticcheck runs staticcheck, fetched through the module proxy, on
// graphgen's own source, generated/graph and every golden package.
func TestStaticcheck(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(goldenRoot, "*", "expected"))
	require.NoError(t, err)
	args := []string{"run", staticcheck, "../../cmd/...", "../../internal/...", "../../generated/..."}
	for _, d := range dirs {
		args = append(args, "./"+filepath.ToSlash(d))
	}
	out, err := exec.Command("go", args...).CombinedOutput()
	require.NoError(t, err, "staticcheck:\n%s", out)
}

// TestGeneratedTablesMatchTypes copies generated/graph and every golden
// package into a throwaway module with the layout test, which checks each
// struct table against its Go type with reflection, and runs it.
func TestGeneratedTablesMatchTypes(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(goldenRoot, "*", "expected"))
	require.NoError(t, err)
	dirs = append(dirs, "../../generated/graph")
	module := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(module, "go.mod"), []byte("module layoutcheck\n\ngo 1.25\n"), 0o644))
	copied := 0
	for i, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		if len(files) == 0 {
			continue // an error case
		}
		dst := filepath.Join(module, fmt.Sprintf("p%d", i))
		require.NoError(t, os.MkdirAll(dst, 0o755))
		pkgName := ""
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue // hand-written tests of the package (generated/graph's examples) stay with it
			}
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			if pkgName == "" {
				pkgName = packageName(data)
			}
			require.NoError(t, os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o644))
		}
		layout, err := emit.LayoutTest(pkgName)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dst, layout.Name), layout.Data, 0o644))
		copied++
	}
	require.Greater(t, copied, 5)
	cmd := exec.Command("go", "test", "./...")
	cmd.Dir = module
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "layout tests:\n%s", out)
}

// packageName reads the package clause of a Go file.
func packageName(src []byte) string {
	for _, line := range strings.Split(string(src), "\n") {
		if name, ok := strings.CutPrefix(line, "package "); ok {
			return strings.TrimSpace(name)
		}
	}
	return ""
}

// TestReservedNamesAreTheGeneratedPackagesOwn: the names lowering keeps
// from generated types are exactly the exported package-level identifiers
// of what every generated package declares besides its types (the support
// code and the registry file), so neither list can drift from the other.
func TestReservedNamesAreTheGeneratedPackagesOwn(t *testing.T) {
	files, err := filepath.Glob("../../generated/graph/graphgen_*.go")
	require.NoError(t, err)
	var declared []string
	for _, name := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		require.NoError(t, err)
		for id := range f.Scope.Objects {
			if ast.IsExported(id) {
				declared = append(declared, id)
			}
		}
	}
	slices.Sort(declared)
	assert.Equal(t, schema.ReservedNames(), declared)
}
