// Package gocheck checks generated Go source for what schema text must never
// become: block comments, directives and build constraints. The tests run it
// over every package they generate (the goldens, generated/graph, the full
// v1.0 set and the published documents) and over fuzzed schemas.
package gocheck

import (
	"errors"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// directive matches the comments the Go toolchain reads as instructions:
// //go:generate, //go:linkname, //line, //export, //extern and any other
// "//name:" form that go/ast treats as a directive (//lint:ignore, …).
var directive = regexp.MustCompile(`^//([a-z0-9]+:[a-z0-9]|line |extern |export |line$|extern$|export$)`)

// Dir checks every .go file in dir.
func Dir(dir string) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("%s: no Go files", dir)
	}
	var errs []error
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		errs = append(errs, Source(name, src))
	}
	return errors.Join(errs...)
}

// Source parses one file and checks that every comment in it is an inert
// // line: no /* */ block, no directive, no build constraint.
func Source(name string, src []byte) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return err
	}
	var errs []error
	for _, group := range f.Comments {
		for _, c := range group.List {
			if msg := problem(c); msg != "" {
				errs = append(errs, fmt.Errorf("%s: %s: %q", fset.Position(c.Pos()), msg, c.Text))
			}
		}
	}
	return errors.Join(errs...)
}

func problem(c *ast.Comment) string {
	switch {
	case !strings.HasPrefix(c.Text, "//"):
		return "block comment"
	case strings.ContainsAny(c.Text, "\r\n\x00"):
		return "comment with a line break or NUL"
	case directive.MatchString(c.Text):
		return "directive"
	case constraint.IsGoBuild(c.Text) || constraint.IsPlusBuild(c.Text):
		return "build constraint"
	}
	return ""
}

// CodeTokens returns the tokens of src outside comments, each as its kind
// and literal, e.g. "IDENT CloudPC", "STRING \"id\"", "{".
func CodeTokens(name string, src []byte) ([]string, error) {
	fset := token.NewFileSet()
	var s scanner.Scanner
	var errs scanner.ErrorList
	s.Init(fset.AddFile(name, -1, len(src)), src, errs.Add, 0)
	var toks []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		toks = append(toks, strings.TrimSpace(tok.String()+" "+lit))
	}
	errs.Sort()
	return toks, errs.Err()
}
