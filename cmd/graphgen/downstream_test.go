package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	abs, err := filepath.Abs("../../schemas")
	require.NoError(t, err)
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		return path
	}
	cfg := write("graphgen.yaml", "inputs: ["+abs+"]\noutput: out\npackage: pcs\ntypes: [microsoft.graph.cloudPC]\n"+
		"names:\n  types:\n    microsoft.graph.cloudPC: Desktop\n  properties:\n    microsoft.graph.cloudPC/aadDeviceId: EntraDeviceID\n")
	code, stdout, stderr := runCLI(t, "generate", "-config", cfg)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "3 types (2 structs, 1 enums)", "the subset: cloudPC, entity, cloudPcProvisioningType")
	data, err := os.ReadFile(filepath.Join(dir, "out", "desktop_gen.go"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "package pcs")
	assert.Contains(t, string(data), "EntraDeviceID Opt[string]")

	code, _, stderr = runCLI(t, "generate", "-config", cfg, "-package", "other", "-out", filepath.Join(dir, "o2"))
	require.Equal(t, 0, code, stderr)
	data, err = os.ReadFile(filepath.Join(dir, "o2", "desktop_gen.go"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "package other", "flags override the file")

	bad := write("bad.yaml", "inputs: [x]\noutput: out\npackag: typo\n")
	code, _, stderr = runCLI(t, "generate", "-config", bad)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "line 3: field packag not found")
}

// TestDownstreamGoGenerate builds a throwaway module that uses graphgen the
// way other repositories do: as a Go tool (replaced by this checkout), run
// by go generate next to a graphgen.yaml; the package it writes must
// compile and decode a payload.
func TestDownstreamGoGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds graphgen in a new module")
	}
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/downstream\n\ngo 1.25\n\ntool github.com/graphgen/graphgen/cmd/graphgen\n\n" +
			"require github.com/graphgen/graphgen v0.0.0\n\nreplace github.com/graphgen/graphgen => " + repo + "\n",
		"graph/generate.go":   "// Package graph holds the Graph types this service uses.\npackage graph\n\n//go:generate go tool graphgen\n",
		"graph/graphgen.yaml": "inputs: [" + filepath.Join(repo, "schemas") + "]\noutput: .\npackage: graph\n",
		"main.go": `package main

import (
	"fmt"

	"example.com/downstream/graph"
)

func main() {
	v, err := graph.Unmarshal[graph.Entity]([]byte(` + "`" + `{"@odata.type":"#microsoft.graph.cloudPC","id":"1","displayName":"Desk"}` + "`" + `))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%T %s\n", graph.Concrete(v), graph.Concrete(v).(*graph.CloudPC).DisplayName.Val)
}
`,
	}
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	}
	run := func(args ...string) string {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
		return string(out)
	}
	run("mod", "tidy")
	run("generate", "./...")
	assert.FileExists(t, filepath.Join(dir, "graph", "cloud_pc_gen.go"))
	assert.FileExists(t, filepath.Join(dir, "graph", "generate.go"), "the hand-written file is kept")
	assert.Equal(t, "*graph.CloudPC Desk\n", run("run", "."))
}
