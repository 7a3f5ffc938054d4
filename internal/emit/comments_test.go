package emit_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/gocheck"
	"github.com/graphgen/graphgen/internal/schema"
)

// TestGeneratedCommentsAreInert runs the go/ast check over generated/graph
// and every committed golden package: only // line comments, no directive, no
// build constraint. TestGolden runs it on what each case generates now. The
// hostile golden carries every such attack in type, property and enum
// member descriptions and deprecation notes.
func TestGeneratedCommentsAreInert(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(goldenRoot, "*", "expected"))
	require.NoError(t, err)
	require.Contains(t, dirs, filepath.Join(goldenRoot, "hostile", "expected"))
	for _, dir := range append(dirs, "../../generated/graph") {
		assert.NoError(t, gocheck.Dir(dir))
	}
}

// jenniferComments are jennifer's calls that write a string that starts
// with "//" or "/*" verbatim and a multi-line one as a /* */ block.
var jenniferComments = map[string]bool{"Comment": true, "Commentf": true, "PackageComment": true, "HeaderComment": true}

// TestCommentsGoThroughOneWriter: only comments.go, which makes every line
// inert, calls jennifer's comment functions.
func TestCommentsGoThroughOneWriter(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "comments.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && jenniferComments[sel.Sel.Name] {
				t.Errorf("%s: %s: comments are written by comment() in comments.go", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}

// TestGoGenerateOnHostileOutputRunsNothing copies the hostile golden, whose
// schemas describe types, properties and enum members with
// "//go:generate echo PWNED" lines, into a module of its own and runs
// go generate there: it must run no command and print nothing.
func TestGoGenerateOnHostileOutputRunsNothing(t *testing.T) {
	module := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(module, "go.mod"), []byte("module hostilecheck\n\ngo 1.25\n"), 0o644))
	files, err := filepath.Glob(filepath.Join(goldenRoot, "hostile", "expected", "*.go"))
	require.NoError(t, err)
	hostile := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		hostile += bytes.Count(data, []byte("go:generate echo PWNED"))
		require.NoError(t, os.WriteFile(filepath.Join(module, filepath.Base(f)), data, 0o644))
	}
	require.Greater(t, hostile, 3, "the hostile golden carries go:generate lines")
	for _, args := range [][]string{{"generate", "-n", "./..."}, {"generate", "-x", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = module
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %v:\n%s", args, out)
		assert.Empty(t, string(out), "go %v ran or would run commands", args)
	}
}

// TestEmitRefusesFilesThatDifferOnlyInCase: lowering gives every type a
// file of its own; should two still share one ignoring case, Emit fails
// instead of returning a package that would lose a file when written.
func TestEmitRefusesFilesThatDifferOnlyInCase(t *testing.T) {
	pkg := &schema.Package{Structs: []*schema.Struct{
		{Name: schema.Ident{Name: "A"}, File: "a_gen.go", SchemaName: "microsoft.graph.a"},
		{Name: schema.Ident{Name: "B"}, File: "A_gen.go", SchemaName: "microsoft.graph.b"},
	}}
	_, err := emit.Emit(pkg, emit.Options{PackageName: "p"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "a_gen.go")
}
