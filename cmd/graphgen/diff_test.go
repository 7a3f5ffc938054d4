package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedVariant copies schemas/ with edits applied to the named files.
func seedVariant(t *testing.T, edits map[string][2]string) string {
	dir := t.TempDir()
	for _, name := range mustReadDir(t, "../../schemas") {
		data, err := os.ReadFile(filepath.Join("../../schemas", name))
		require.NoError(t, err)
		if e, ok := edits[name]; ok {
			require.Contains(t, string(data), e[0])
			data = []byte(strings.Replace(string(data), e[0], e[1], 1))
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	return dir
}

func TestDiffSeedSchemas(t *testing.T) {
	updated := seedVariant(t, map[string][2]string{
		// a removed property
		"microsoft.graph.cloudPC.json": {`"imageDisplayName": {`, `"imageDisplayNameRenamed": {`},
		// a new enum member
		"microsoft.graph.cloudPcProvisioningType.json": {`"shared",`, `"shared", "sharedByUser",`},
		// a retyped property
		"microsoft.graph.cloudPcDeviceImage.json": {`"format": "date",`, `"format": "date-time",`},
	})
	code, stdout, stderr := runCLI(t, "diff", "../../schemas", updated)
	assert.Equal(t, 1, code, stderr)
	assert.Equal(t, strings.Join([]string{
		"breaking removed-property microsoft.graph.cloudPC/imageDisplayName: ImageDisplayName Opt[string]",
		"breaking changed-property microsoft.graph.cloudPcDeviceImage/expirationDate: ExpirationDate Opt[Date] -> ExpirationDate Opt[DateTime]",
		"additive added-property microsoft.graph.cloudPC/imageDisplayNameRenamed: ImageDisplayNameRenamed Opt[string]",
		"additive added-member microsoft.graph.cloudPcProvisioningType/sharedByUser: CloudPcProvisioningTypeSharedByUser",
		"graphgen diff: 4 changes, 2 breaking",
	}, "\n")+"\n", stdout)

	code, stdout, _ = runCLI(t, "diff", "-json", "../../schemas", updated)
	assert.Equal(t, 1, code)
	var changes []map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &changes))
	require.Len(t, changes, 4)
	assert.Equal(t, "removed-property", changes[0]["kind"])
	assert.Equal(t, true, changes[0]["breaking"])

	additive := seedVariant(t, map[string][2]string{"microsoft.graph.cloudPcProvisioningType.json": {`"shared",`, `"shared", "sharedByUser",`}})
	code, stdout, _ = runCLI(t, "diff", "../../schemas", additive)
	assert.Equal(t, 0, code, "only additive changes")
	assert.Contains(t, stdout, "graphgen diff: 1 changes, 0 breaking")
	code, stdout, _ = runCLI(t, "diff", "../../schemas", "../../testdata/openapi/seeds.yaml")
	assert.Equal(t, 0, code)
	assert.Equal(t, "graphgen diff: 0 changes, 0 breaking\n", stdout, "the same schemas in the other form")
}

func TestValidateCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(good, []byte(`{"id":"1","provisioningType":"dedicated"}`), 0o644))
	require.NoError(t, os.WriteFile(bad, []byte(`{"id":"1","provisioningType":"sharedByUser","gracePeriodEndDateTime":"2020-11-010T20:00:34Z"}`), 0o644))
	code, stdout, stderr := runCLI(t, "validate", "-in", "../../schemas", "-type", "microsoft.graph.cloudPC", good, bad)
	assert.Equal(t, 1, code, stderr)
	assert.Equal(t, bad+`: /gracePeriodEndDateTime: "2020-11-010T20:00:34Z" is not a valid date-time (format)`+"\n"+
		bad+`: /provisioningType: "sharedByUser" is not a member of graph.CloudPcProvisioningType (enum)`+"\n"+
		"graphgen validate: 1 of 2 files valid\n", stdout, "the generated Validate's messages")
	code, _, _ = runCLI(t, "validate", "-in", "../../schemas", "-type", "microsoft.graph.cloudPC", good)
	assert.Equal(t, 0, code)
}

// TestSeveralDocuments gives generate and diff several module documents
// that share a schema: generate says how many definitions it merged, and
// diff between the same documents in another order reports nothing, while
// leaving one out removes its types.
func TestSeveralDocuments(t *testing.T) {
	dir := t.TempDir()
	const user = "    microsoft.graph.user:\n      type: object\n      properties:\n        displayName:\n          type: string\n"
	write := func(name, schemas string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte("openapi: 3.0.4\ncomponents:\n  schemas:\n"+user+schemas), 0o644))
		return path
	}
	users := write("Users.yml", "")
	groups := write("Groups.yml", "    microsoft.graph.group:\n      type: object\n      properties:\n        owner:\n          $ref: '#/components/schemas/microsoft.graph.user'\n")

	code, stdout, stderr := runCLI(t, "generate", "-in", users, "-in", groups, "-out", filepath.Join(dir, "graph"), "-package", "graph")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "graphgen: 2 types (2 structs, 0 enums)")
	assert.Contains(t, stdout, "; 1 definition merged")

	code, stdout, stderr = runCLI(t, "diff", "-old", users, "-old", groups, "-new", groups, "-new", users)
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, "graphgen diff: 0 changes, 0 breaking\n", stdout)

	code, stdout, _ = runCLI(t, "diff", "-old", users, "-old", groups, "-new", users)
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, "breaking removed-type microsoft.graph.group")

	code, _, stderr = runCLI(t, "diff", "-old", users, groups)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "want two inputs, OLD and NEW, or -old and -new lists")
}
