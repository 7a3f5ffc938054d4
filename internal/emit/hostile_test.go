package emit_test

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allowedImports are the only packages generated code may import.
var allowedImports = map[string]bool{
	"encoding/json": true, "encoding/base64": true, "errors": true, "fmt": true, "math": true,
	"regexp": true, "strconv": true, "strings": true, "time": true, "unicode/utf8": true,
	"unicode/utf16": true, "unicode": true, "bytes": true, "math/big": true, "math/bits": true,
	"reflect": true, "slices": true, "sync": true, "sync/atomic": true, "unsafe": true, "iter": true,
}

// unsafeUses are what the codec tables and the support code use of unsafe.
var unsafeUses = map[string]bool{"Offsetof": true, "Sizeof": true, "Alignof": true, "Pointer": true, "Add": true, "String": true, "SliceData": true, "StringData": true}

var plainIdent = regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_]*$`)

// TestHostileSchemasCannotInjectCode checks the code generated from
// testdata/golden/hostile (descriptions with */, fake comment lines, code,
// NUL and invalid UTF-8; property names with quotes, backticks, spaces,
// punctuation, keywords and code; enum members like "", "-INF" and "*/"; a
// pattern with backslashes): schema text only ever lands in // comments and
// string literals. Outside them there are plain identifiers, no block
// comments, and only standard-library imports.
func TestHostileSchemasCannotInjectCode(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(goldenRoot, "hostile", "expected", "*.go"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ImportsOnly)
		require.NoError(t, err)
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			assert.True(t, allowedImports[path], "%s imports %s", file, path)
		}
		scanTokens(t, file, src)
	}
}

func scanTokens(t *testing.T, file string, src []byte) {
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile(file, -1, len(src)), src, func(pos token.Position, msg string) {
		t.Errorf("%s: %s", pos, msg)
	}, scanner.ScanComments)
	var last []string // the last two tokens after an unsafe
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return
		}
		if last != nil {
			if last = append(last, tok.String()+lit); len(last) == 2 {
				assert.True(t, last[0] == "." && unsafeUses[strings.TrimPrefix(last[1], "IDENT")],
					"%s: unsafe is used only for %v, not %v", fset.Position(pos), unsafeUses, last)
				last = nil
			}
		}
		if tok == token.IDENT && lit == "unsafe" {
			if _, next, _ := s.Scan(); next == token.STRING { // the import
				continue
			} else {
				last = []string{next.String()}
			}
			continue
		}
		switch tok {
		case token.COMMENT:
			assert.True(t, strings.HasPrefix(lit, "//") && !strings.ContainsAny(lit, "\r\n\x00"),
				"%s: only single-line // comments: %q", fset.Position(pos), lit)
		case token.IDENT:
			assert.Regexp(t, plainIdent, lit, "%s", fset.Position(pos))
			assert.NotContains(t, []string{"os", "exec", "syscall", "INJECTED"}, lit, "%s", fset.Position(pos))
		}
	}
}
