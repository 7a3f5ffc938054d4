package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/emit"
	_ "github.com/graphgen/graphgen/internal/testflag"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// snapshot reads every file of dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(data)
	}
	return out
}

func TestGenerateFromFolderAndOpenAPI(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	code, stdout, stderr := runCLI(t, "generate", "-in", "../../schemas", "-out", out, "-package", "graph")
	require.Equal(t, 0, code, stderr)
	fromFolder := snapshot(t, out)
	assert.Regexp(t, fmt.Sprintf(`^graphgen: 11 types \(6 structs, 5 enums\), %d files, \d+ bytes in .*graph, \d+ms\n$`, len(fromFolder)), stdout)
	assert.Contains(t, fromFolder, "cloud_pc_gen.go")

	code, _, stderr = runCLI(t, "generate", "-in", "../../testdata/openapi/seeds.yaml", "-out", out, "-package", "graph")
	require.Equal(t, 0, code, stderr)
	fromOpenAPI := snapshot(t, out)
	require.Equal(t, len(fromFolder), len(fromOpenAPI))
	for name, data := range fromFolder {
		assert.True(t, data == fromOpenAPI[name], "%s differs between the input forms", name)
	}
}

func TestRejectedInputLeavesOutputUntouched(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	code, _, stderr := runCLI(t, "generate", "-in", "../../schemas", "-out", out)
	require.Equal(t, 0, code, stderr)
	before := snapshot(t, out)

	code, stdout, stderr := runCLI(t, "generate", "-in", "../../testdata/golden/err-dangling-ref/input", "-out", out)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, `microsoft.graph.thing.json:9:9: /properties/missingEnum/anyOf/0: $ref to missing schema`)
	assert.Contains(t, stderr, "2 problem(s) in the input; nothing was written")
	assert.Equal(t, before, snapshot(t, out))
}

func TestWriteFailureLeavesOutputUntouched(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "graph")
	require.NoError(t, writeAtomically(out, []emit.File{{Name: "a_gen.go", Data: []byte("// " + emit.Header + "\n\npackage graph\n")}}))
	before := snapshot(t, out)

	bad := []emit.File{
		{Name: "b_gen.go", Data: []byte("// " + emit.Header + "\n\npackage graph\n")},
		{Name: "missing-dir/c_gen.go", Data: []byte("x")}, // fails half way through
	}
	require.Error(t, writeAtomically(out, bad))
	assert.Equal(t, before, snapshot(t, out))
	entries, err := os.ReadDir(parent)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary directory is left behind")
}

// TestCommitFailureRestoresTheOldFiles injects a failure after the old
// files were moved aside: a staged file that is missing.
func TestCommitFailureRestoresTheOldFiles(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "graph")
	header := "// " + emit.Header + "\n\npackage graph\n"
	require.NoError(t, writeAtomically(out, []emit.File{{Name: "a_gen.go", Data: []byte(header + "// a\n")}, {Name: "b_gen.go", Data: []byte(header)}}))
	before := snapshot(t, out)
	staging := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(staging, "a_gen.go"), []byte(header+"// new a\n"), 0o644))
	err := commit(out, staging, []string{"a_gen.go", "c_gen.go"}, []string{"b_gen.go"})
	require.Error(t, err, "c_gen.go was never staged")
	assert.Equal(t, before, snapshot(t, out), "a_gen.go and b_gen.go are back as they were")
}

func TestGeneratingIntoTheCurrentDirectoryKeepsIt(t *testing.T) {
	out := t.TempDir()
	t.Chdir(out)
	before, err := os.Stat(".")
	require.NoError(t, err)
	require.NoError(t, writeAtomically(".", []emit.File{{Name: "a_gen.go", Data: []byte("// " + emit.Header + "\n\npackage graph\n")}}))
	entries, err := os.ReadDir(".")
	require.NoError(t, err, "the working directory still exists")
	assert.Len(t, entries, 1)
	after, err := os.Stat(out)
	require.NoError(t, err)
	assert.True(t, os.SameFile(before, after), "the directory was updated in place, not replaced")
}

func TestRegenerationKeepsHandWrittenFilesAndDropsStaleOnes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	gen := func(name string) emit.File {
		return emit.File{Name: name, Data: []byte("// " + emit.Header + "\n\npackage graph\n")}
	}
	require.NoError(t, writeAtomically(out, []emit.File{gen("old_gen.go"), gen("kept_gen.go")}))
	require.NoError(t, os.WriteFile(filepath.Join(out, "helpers.go"), []byte("package graph\n"), 0o644))

	require.NoError(t, writeAtomically(out, []emit.File{gen("kept_gen.go"), gen("new_gen.go")}))
	files := snapshot(t, out)
	assert.Contains(t, files, "helpers.go")
	assert.Contains(t, files, "new_gen.go")
	assert.NotContains(t, files, "old_gen.go")

	err := writeAtomically(out, []emit.File{{Name: "helpers.go", Data: []byte("x")}})
	assert.ErrorContains(t, err, "was not generated by graphgen; refusing to overwrite it")
}

func TestUsageErrors(t *testing.T) {
	code, _, stderr := runCLI(t, "frobnicate")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown command "frobnicate"`)
	code, _, stderr = runCLI(t, "generate", "-out", "x")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "inputs (-in) and an output directory (-out) are required")
	code, _, _ = runCLI(t, "generate", "-no-such-flag")
	assert.Equal(t, 2, code)
	code, _, stderr = runCLI(t, "generate", "-in", "does/not/exist", "-out", t.TempDir())
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "does/not/exist")
}

func TestVerifySeedSchemas(t *testing.T) {
	payloads := filepath.Join(t.TempDir(), "p.jsonl")
	require.NoError(t, os.WriteFile(payloads, []byte(strings.Join([]string{
		`{"id":"pc","type":"microsoft.graph.cloudPC","collection":false,"payload":{"@odata.context":"x","id":"1","provisioningType":"newMember","gracePeriodEndDateTime":"2020-11-010T20:00:34Z"}}`,
		`{"id":"page","type":"microsoft.graph.cloudPC","collection":true,"payload":{"value":[{"id":"1"},{"@odata.type":"#microsoft.graph.cloudPC","id":"2"}],"@odata.nextLink":"n"}}`,
		`{"id":"ent","type":"microsoft.graph.entity","collection":false,"payload":{"id":"3","@odata.type":"#microsoft.graph.cloudPcDeviceImage","status":"ready"}}`,
		`{"id":"other","type":"microsoft.graph.user","collection":false,"payload":{}}`,
		`{"id":"none","type":null,"collection":false,"payload":{}}`,
	}, "\n")), 0o644))
	code, stdout, stderr := runCLI(t, "verify", "-in", "../../schemas", "-payloads", payloads)
	require.Equal(t, 0, code, stderr)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.Len(t, lines, 6)
	assert.Contains(t, lines[0], `"valid":false`)
	assert.Contains(t, lines[0], `/gracePeriodEndDateTime: \"2020-11-010T20:00:34Z\" is not a valid date-time`)
	assert.Contains(t, lines[0], `/provisioningType: \"newMember\" is not a member of`)
	assert.Equal(t, "verify: records=5 decoded=3 roundtrip=3 valid=2 skipped=2", lines[5])

	require.NoError(t, os.WriteFile(payloads, []byte(`{"id":"bad","type":"microsoft.graph.cloudPC","payload":{"id":5}}`+"\n"), 0o644))
	code, stdout, _ = runCLI(t, "verify", "-in", "../../schemas", "-payloads", payloads)
	assert.Equal(t, 1, code, "a record that does not decode fails the run")
	assert.Contains(t, stdout, `"error":"json: /id (offset 6): expected string, found number"`)
}

func TestCheckReportsStaleMissingAndExtraFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	args := []string{"-in", "../../schemas", "-out", out}
	code, _, stderr := runCLI(t, append([]string{"generate"}, args...)...)
	require.Equal(t, 0, code, stderr)

	generated, err := os.ReadDir(out)
	require.NoError(t, err)
	n := len(generated)
	code, stdout, _ := runCLI(t, append([]string{"check"}, args...)...)
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, fmt.Sprintf("is up to date (%d files)", n))

	header := "// " + emit.Header + "\n\npackage graph\n"
	require.NoError(t, os.WriteFile(filepath.Join(out, "cloud_pc_gen.go"), []byte(header+"// edited\n"), 0o644))
	require.NoError(t, os.Remove(filepath.Join(out, "entity_gen.go")))
	require.NoError(t, os.WriteFile(filepath.Join(out, "old_gen.go"), []byte(header), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(out, "mine.go"), []byte("package graph\n"), 0o644))
	before := snapshot(t, out)
	code, stdout, _ = runCLI(t, append([]string{"check"}, args...)...)
	assert.Equal(t, 1, code)
	assert.Equal(t, "stale:   cloud_pc_gen.go\nmissing: entity_gen.go\nextra:   old_gen.go\n"+
		fmt.Sprintf("graphgen check: %s is stale (3 of %d files): generated files were edited by hand; run graphgen generate\n", out, n), stdout)
	assert.Equal(t, before, snapshot(t, out), "check writes nothing")

	changed := t.TempDir()
	for _, e := range mustReadDir(t, "../../schemas") {
		data, err := os.ReadFile(filepath.Join("../../schemas", e))
		require.NoError(t, err)
		if e == "microsoft.graph.cloudPcProvisioningType.json" {
			data = []byte(strings.Replace(string(data), `"shared",`, `"shared", "sharedByUser",`, 1))
		}
		require.NoError(t, os.WriteFile(filepath.Join(changed, e), data, 0o644))
	}
	code, _, stderr = runCLI(t, append([]string{"generate"}, args...)...)
	require.Equal(t, 0, code, stderr)
	code, stdout, _ = runCLI(t, "check", "-in", changed, "-out", out)
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, "stale:   cloud_pc_provisioning_type_gen.go\n")
	assert.Contains(t, stdout, "the schemas or options changed since sha256:")
}

func mustReadDir(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestHelpForEveryCommand(t *testing.T) {
	for _, cmd := range []string{"generate", "check", "verify", "diff", "validate"} {
		code, _, stderr := runCLI(t, cmd, "-h")
		assert.Equal(t, 0, code, cmd)
		assert.Contains(t, stderr, "Examples:", cmd)
		assert.Contains(t, stderr, "graphgen "+cmd, cmd)
	}
	code, stdout, _ := runCLI(t, "help")
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, "graphgen version")
}
