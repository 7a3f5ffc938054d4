package emit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/schema"
	"github.com/graphgen/graphgen/internal/support"
)

// TestSupportIdentifiersAreDeclared: every support identifier the emitter
// names, every kind constant and every format's constant and type, is
// declared by the support code, and the support code names each format
// as the schemas do.
func TestSupportIdentifiersAreDeclared(t *testing.T) {
	decls, formatNames := supportDecls(t)
	names := supportNameConsts(t)
	require.NotEmpty(t, names)
	for _, name := range names {
		assert.True(t, decls[name], "emit names %s, which the support code does not declare", name)
	}
	for key, name := range kindConsts {
		assert.True(t, decls[name], "kind %v: %s is not declared", key, name)
	}
	for _, f := range append(schema.Formats, schema.DecimalFormat) {
		assert.True(t, decls[f.Const], "format %s: %s is not declared", f.Name, f.Const)
		assert.True(t, decls[f.GoType], "format %s: type %s is not declared", f.Name, f.GoType)
		assert.Equal(t, f.Name, formatNames[f.Const], "the support code's name of %s", f.Const)
	}
	assert.Len(t, formatNames, len(schema.Formats)+1, "every format of the support code is in the table")
}

// supportNameConsts are the values of the sup… constants that
// support_names.go declares: read from its source, so that a constant
// added there is checked without being listed again.
func supportNameConsts(t *testing.T) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "support_names.go", nil, parser.SkipObjectResolution)
	require.NoError(t, err)
	var names []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			for i, n := range v.Names {
				if lit, ok := v.Values[i].(*ast.BasicLit); ok && strings.HasPrefix(n.Name, "sup") {
					name, err := strconv.Unquote(lit.Value)
					require.NoError(t, err)
					names = append(names, name)
				}
			}
		}
	}
	return names
}

// supportDecls parses the support code's files and returns the names it
// declares (package-level ones and methods) and its formatNames table.
func supportDecls(t *testing.T) (map[string]bool, map[string]string) {
	decls, formatNames := map[string]bool{}, map[string]string{}
	entries, err := fs.ReadDir(support.Files, ".")
	require.NoError(t, err)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "_test.go") {
			continue // embed.go stays: it declares registry's stand-in
		}
		data, err := fs.ReadFile(support.Files, e.Name())
		require.NoError(t, err)
		f, err := parser.ParseFile(token.NewFileSet(), e.Name(), data, parser.SkipObjectResolution)
		require.NoError(t, err)
		for _, d := range f.Decls {
			collectDecl(d, decls, formatNames)
		}
	}
	return decls, formatNames
}

func collectDecl(d ast.Decl, decls map[string]bool, formatNames map[string]string) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		decls[d.Name.Name] = true // methods too: model is one
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				decls[s.Name.Name] = true
			case *ast.ValueSpec:
				for i, n := range s.Names {
					decls[n.Name] = true
					if n.Name == "formatNames" && i < len(s.Values) {
						collectFormatNames(s.Values[i], formatNames)
					}
				}
			}
		}
	}
}

// collectFormatNames reads formatNames' literal: {formatDateTime: "date-time", …}.
func collectFormatNames(v ast.Expr, into map[string]string) {
	lit, ok := v.(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok1 := kv.Key.(*ast.Ident)
		val, ok2 := kv.Value.(*ast.BasicLit)
		if ok1 && ok2 {
			into[key.Name], _ = strconv.Unquote(val.Value)
		}
	}
}
