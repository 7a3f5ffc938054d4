package emit_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryExportedIdentifierIsDocumented parses generated/graph and the
// golden packages: every exported type, function, method, constant,
// variable and struct field has a doc comment.
func TestEveryExportedIdentifierIsDocumented(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(goldenRoot, "*", "expected"))
	require.NoError(t, err)
	for _, dir := range append(dirs, "../../generated/graph") {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, file := range files {
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ParseComments)
			require.NoError(t, err)
			for _, decl := range f.Decls {
				checkDecl(t, file, decl)
			}
		}
	}
}

func checkDecl(t *testing.T, file string, decl ast.Decl) {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Name.IsExported() {
			assert.NotNil(t, d.Doc, "%s: func %s", file, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			checkSpec(t, file, d, spec)
		}
	}
}

func checkSpec(t *testing.T, file string, d *ast.GenDecl, spec ast.Spec) {
	switch s := spec.(type) {
	case *ast.TypeSpec:
		if s.Name.IsExported() {
			assert.True(t, d.Doc != nil || s.Doc != nil, "%s: type %s", file, s.Name.Name)
		}
		if st, ok := s.Type.(*ast.StructType); ok {
			for _, field := range st.Fields.List {
				for _, name := range field.Names {
					if name.IsExported() {
						assert.True(t, field.Doc != nil || field.Comment != nil, "%s: field %s.%s", file, s.Name.Name, name.Name)
					}
				}
			}
		}
	case *ast.ValueSpec:
		for _, name := range s.Names {
			if name.IsExported() {
				assert.True(t, d.Doc != nil || s.Doc != nil, "%s: %s", file, name.Name)
			}
		}
	}
}
