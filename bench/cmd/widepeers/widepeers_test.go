package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*/expected")

// TestGolden runs the command on each case's input/openapi.yaml with the
// case's flags (args, besides -in and -out) and compares the file
// written with expected/; -update rewrites it.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/golden/*")
	require.NoError(t, err)
	require.NotEmpty(t, cases)
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			args, err := os.ReadFile(filepath.Join(dir, "args"))
			require.NoError(t, err)
			out := filepath.Join(t.TempDir(), "wide")
			var stderr bytes.Buffer
			code := run(append([]string{"-in", filepath.Join(dir, "input", "openapi.yaml"), "-out", out}, strings.Fields(string(args))...), &stderr)
			require.Equal(t, 0, code, stderr.String())
			got, err := os.ReadFile(filepath.Join(out, fileName))
			require.NoError(t, err)
			want := filepath.Join(dir, "expected", fileName)
			if *update {
				require.NoError(t, os.WriteFile(want, got, 0o644))
			}
			expected, err := os.ReadFile(want)
			require.NoError(t, err)
			assert.Equal(t, string(expected), string(got))
			assert.Contains(t, stderr.String(), "widepeers: wrote ")
		})
	}
}

// TestErrors: what the command refuses, and its exit code.
func TestErrors(t *testing.T) {
	in := filepath.Join("testdata", "golden", "union", "input", "openapi.yaml")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no input", []string{"-out", "x"}, 2, "usage: widepeers"},
		{"bad union", []string{"-in", in, "-out", "x", "-union", "microsoft.graph.directoryObject"}, 2, "want base=subtype,subtype"},
		{"missing input", []string{"-in", "testdata/none", "-out", "x"}, 2, "testdata/none"},
		{"unknown type", []string{"-in", in, "-out", "x", "-types", "microsoft.graph.nothing",
			"-union", "microsoft.graph.directoryObject=microsoft.graph.group"}, 1, `no object schema "microsoft.graph.nothing"`},
		{"not a subtype", []string{"-in", in, "-out", "x", "-types", "microsoft.graph.thing",
			"-union", "microsoft.graph.directoryObject=microsoft.graph.thing"}, 1, "microsoft.graph.thing does not derive from it"},
		{"union twice", []string{"-in", in, "-out", "x", "-types", "microsoft.graph.thing",
			"-union", "microsoft.graph.directoryObject=microsoft.graph.group",
			"-union", "microsoft.graph.directoryObject=microsoft.graph.device"}, 1, "microsoft.graph.directoryObject given twice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			assert.Equal(t, c.code, run(c.args, &stderr))
			assert.Contains(t, stderr.String(), c.want)
		})
	}
}

func TestWrap(t *testing.T) {
	assert.Equal(t, []string{"aa bb", "cc", "a-very-long-word", "d"}, wrap("aa bb cc a-very-long-word d", 6))
	assert.Equal(t, []string{""}, wrap("", 6))
}
