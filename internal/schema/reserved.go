package schema

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/graphgen/graphgen/internal/support"
)

// RegistryNames are the exported identifiers emit declares in every
// generated package besides the support code's: Model, the registry's
// functions and those that hold subtypes.
var RegistryNames = []string{"As", "Concrete", "Model", "New", "Unmarshal", "UnmarshalByName"}

// ReservedNames returns the exported package-level identifiers every
// generated package declares, which no generated type may take: the
// support code's, read from its source (the files emit copies), and
// RegistryNames. Sorted.
var ReservedNames = sync.OnceValue(func() []string {
	names := append(supportNames(support.Files), RegistryNames...)
	slices.Sort(names)
	return slices.Compact(names)
})

// supportNames are the exported package-level identifiers of the support
// code's files: types, functions, constants and variables (methods and
// fields are not package-level).
func supportNames(files fs.FS) []string {
	var names []string
	entries, _ := fs.ReadDir(files, ".")
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") || e.Name() == support.EmbedFile {
			continue
		}
		data, err := fs.ReadFile(files, e.Name())
		if err != nil {
			panic("schema: reading embedded support code: " + err.Error()) // embedded at build time: cannot fail
		}
		f, err := parser.ParseFile(token.NewFileSet(), e.Name(), data, parser.SkipObjectResolution)
		if err != nil {
			panic("schema: parsing embedded support code: " + err.Error()) // it compiled: cannot fail
		}
		names = append(names, exportedDecls(f)...)
	}
	return names
}

// exportedDecls are a file's exported package-level names.
func exportedDecls(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.IsExported() {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				names = append(names, exportedSpecNames(spec)...)
			}
		}
	}
	return names
}

func exportedSpecNames(spec ast.Spec) []string {
	var names []string
	switch s := spec.(type) {
	case *ast.TypeSpec:
		if s.Name.IsExported() {
			names = append(names, s.Name.Name)
		}
	case *ast.ValueSpec:
		for _, n := range s.Names {
			if n.IsExported() {
				names = append(names, n.Name)
			}
		}
	}
	return names
}
