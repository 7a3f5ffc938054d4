package gocheck

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSourceFindsWhatSchemaTextMustNotBecome(t *testing.T) {
	for _, c := range []struct{ comment, problem string }{
		{"/* */", "block comment"},
		{"/*line x.go:1*/", "block comment"},
		{"//go:generate echo PWNED", "directive"},
		{"//go:linkname x runtime.x", "directive"},
		{"//line x.go:1", "directive"},
		{"//export Evil", "directive"},
		{"//extern evil", "directive"},
		{"//lint:ignore U1000 x", "directive"},
		{"// +build ignore", "build constraint"},
		{"//+build ignore", "build constraint"},
	} {
		src := "package p\n\n" + c.comment + "\nvar x int\n"
		err := Source("p.go", []byte(src))
		if assert.Error(t, err, c.comment) {
			assert.Contains(t, err.Error(), c.problem, c.comment)
			assert.Contains(t, err.Error(), "p.go:3:1", "the error names the position")
		}
	}
	for _, ok := range []string{"// //go:generate echo", `// \+build ignore`, "// go:generate x", "// /* */", "//", "// Deprecated: x"} {
		assert.NoError(t, Source("p.go", []byte("package p\n\n"+ok+"\nvar x int\n")), ok)
	}
}

func TestCodeTokensIgnoreComments(t *testing.T) {
	a, err := CodeTokens("a.go", []byte("package p // one\n\n// two\nvar x = \"s\"\n"))
	require.NoError(t, err)
	b, err := CodeTokens("b.go", []byte("package p\n\n/* other */ var x = \"s\"\n"))
	require.NoError(t, err)
	assert.Equal(t, a, b)
	assert.Contains(t, a, `STRING "s"`)
}
