package fullset

import (
	"bytes"
	"context"
	"encoding/json"
	"go/format"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/gocheck"
	"github.com/graphgen/graphgen/internal/schema"
	"github.com/graphgen/graphgen/internal/verify"
	"github.com/graphgen/graphgen/internal/verifykit"
)

// publishedDir holds three of Microsoft's published OpenAPI documents,
// unedited (../shared, read in place).
const publishedDir = "../../../shared/graph/published"

// publishedBodies are the inline bodies of the published documents' actions
// and functions, by the Go names graphgen gives them.
var publishedBodies = map[string][]string{
	"Devices.ServiceAnnouncement.yml": {
		"ServiceHealthIssueIncidentReportResponse",
		"ServiceUpdateMessageCollectionArchiveRequest", "ServiceUpdateMessageCollectionArchiveResponse",
		"ServiceUpdateMessageCollectionFavoriteRequest", "ServiceUpdateMessageCollectionFavoriteResponse",
		"ServiceUpdateMessageCollectionMarkReadRequest", "ServiceUpdateMessageCollectionMarkReadResponse",
		"ServiceUpdateMessageCollectionMarkUnreadRequest", "ServiceUpdateMessageCollectionMarkUnreadResponse",
		"ServiceUpdateMessageCollectionUnarchiveRequest", "ServiceUpdateMessageCollectionUnarchiveResponse",
		"ServiceUpdateMessageCollectionUnfavoriteRequest", "ServiceUpdateMessageCollectionUnfavoriteResponse",
	},
	"BackupRestore.yml": {
		"BackupRestoreRootEnableRequest", "RestorePointCollectionSearchRequest", "ServiceAppActivateRequest",
	},
	"CrossDeviceExperiences.yml": {"UserActivityCollectionRecentResponse"},
}

// TestPublishedDocumentsGenerate generates each published document as it
// is, requires its action and function bodies to be typed, the errors to be
// named as Go users expect, the files to be gofmt-clean with inert comments,
// and builds, vets and layout-checks the three packages in one module.
func TestPublishedDocumentsGenerate(t *testing.T) {
	requireShared(t)
	module := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(module, "go.mod"), []byte("module published\n\ngo 1.25\n"), 0o644))
	layout, err := emit.LayoutTest("pub")
	require.NoError(t, err)
	i := 0
	for _, name := range slices.Sorted(maps.Keys(publishedBodies)) {
		i++
		docs, err := schema.ReadInput(os.DirFS(publishedDir), name, name)
		require.NoError(t, err)
		pkg, err := schema.Load(context.Background(), docs, schema.Options{})
		require.NoError(t, err, name)
		assert.Equal(t, publishedBodies[name], bodyNames(pkg), name)
		assert.Equal(t, []string{"ErrorDetails", "InnerError", "MainError", "ODataError"}, errorNames(pkg), name)
		files, err := emit.Emit(pkg, emit.Options{PackageName: "pub"})
		require.NoError(t, err, name)
		dir := filepath.Join(module, "p"+strconv.Itoa(i))
		require.NoError(t, os.MkdirAll(dir, 0o755))
		for _, f := range append(files, layout) {
			formatted, err := format.Source(f.Data)
			require.NoError(t, err, f.Name)
			require.True(t, bytes.Equal(formatted, f.Data), "%s/%s is not gofmt-clean", name, f.Name)
			require.NoError(t, gocheck.Source(f.Name, f.Data), "%s: comments must be inert", name)
			require.NoError(t, os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644))
		}
	}
	// The three together, as one package.
	files, err := emit.Emit(loadPublished(t, slices.Sorted(maps.Keys(publishedBodies))...), emit.Options{PackageName: "pub"})
	require.NoError(t, err)
	dir := filepath.Join(module, "combined")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, f := range append(files, layout) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644))
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		out, err := verify.GoCommand(context.Background(), module, args...).CombinedOutput()
		require.NoError(t, err, "go %v:\n%s", args, out)
	}
}

// loadPublished loads published documents together (file names relative
// to publishedDir; "copy/NAME" is NAME read again under another name).
func loadPublished(t *testing.T, names ...string) *schema.Package {
	t.Helper()
	pkg, err := schema.Load(context.Background(), readPublished(t, names...), schema.Options{})
	require.NoError(t, err, "%v", names)
	return pkg
}

func readPublished(t *testing.T, names ...string) []schema.Document {
	t.Helper()
	var docs []schema.Document
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(publishedDir, strings.TrimPrefix(name, "copy/")))
		require.NoError(t, err)
		docs = append(docs, schema.Document{File: name, Data: data})
	}
	return docs
}

// TestPublishedDocumentsCombine generates the three published documents as
// one package: in every order the same bytes, every type each gives alone,
// the schemas they share merged; a whole document given twice changes
// nothing but the count of merged definitions, and a copy that changes one
// property's type is an error naming both files and where they differ.
func TestPublishedDocumentsCombine(t *testing.T) {
	requireShared(t)
	names := slices.Sorted(maps.Keys(publishedBodies))
	combined := loadPublished(t, names...)
	want := emitFiles(t, combined)
	for _, order := range permutations(names) {
		assert.Equal(t, want, emitFiles(t, loadPublished(t, order...)), "order %v", order)
	}
	all := typeNames(combined)
	for _, name := range names {
		for _, n := range typeNames(loadPublished(t, name)) {
			assert.Contains(t, all, n, "%s's type is in the combined package", name)
		}
	}
	assert.Positive(t, combined.Merged, "the documents share schemas (microsoft.graph.entity, the errors)")

	twice := loadPublished(t, append(slices.Clone(names), "copy/"+names[0])...)
	assert.Equal(t, want, emitFiles(t, twice), "a document given twice changes no file")
	assert.Greater(t, twice.Merged, combined.Merged)

	docs := readPublished(t, names[0], "copy/"+names[0])
	before := []byte("      properties:\n        displayName:\n          type: string")
	require.True(t, bytes.Contains(docs[1].Data, before), "the document has a displayName string property")
	docs[1].Data = bytes.Replace(docs[1].Data, before, []byte("      properties:\n        displayName:\n          type: integer"), 1)
	_, err := schema.Load(context.Background(), docs, schema.Options{})
	require.Error(t, err)
	assert.Regexp(t, `^copy/BackupRestore.yml:\d+:\d+: /components/schemas/[^:]+/properties/displayName/type: `+
		`schema "[^"]+" is also defined in BackupRestore.yml:\d+:\d+, differently: "integer" here, "string" there \(at .*/displayName/type\)`, err.Error())
}

// emitFiles emits a package and returns its files by name.
func emitFiles(t *testing.T, pkg *schema.Package) map[string]string {
	t.Helper()
	files, err := emit.Emit(pkg, emit.Options{PackageName: "pub"})
	require.NoError(t, err)
	out := map[string]string{}
	for _, f := range files {
		out[f.Name] = string(f.Data)
	}
	return out
}

// typeNames lists the Go names of a package's types.
func typeNames(pkg *schema.Package) []string {
	var out []string
	for _, s := range pkg.Structs {
		out = append(out, s.Name.Name)
	}
	for _, e := range pkg.Enums {
		out = append(out, e.Name.Name)
	}
	for _, s := range pkg.Scalars {
		out = append(out, s.Name.Name)
	}
	return out
}

// permutations returns every order of names.
func permutations(names []string) [][]string {
	if len(names) <= 1 {
		return [][]string{slices.Clone(names)}
	}
	var out [][]string
	for i := range names {
		rest := slices.Concat(names[:i:i], names[i+1:])
		for _, p := range permutations(rest) {
			out = append(out, append([]string{names[i]}, p...))
		}
	}
	return out
}

func bodyNames(pkg *schema.Package) []string {
	var out []string
	for _, s := range pkg.Structs {
		if s.Body != nil {
			out = append(out, s.Name.Name)
		}
	}
	return out
}

func errorNames(pkg *schema.Package) []string {
	var out []string
	for _, s := range pkg.Structs {
		if strings.HasPrefix(s.SchemaName, "microsoft.graph.ODataErrors.") {
			out = append(out, s.Name.Name)
		}
	}
	return out
}

// verifySummary matches the last line of graphgen verify.
var verifySummary = regexp.MustCompile(`^verify: records=(\d+) decoded=(\d+) roundtrip=(\d+) valid=(\d+) skipped=(\d+)$`)

// verifyRecorded runs the real payloads of other projects (about half
// recorded from the live service) through the full set: every record whose
// type is in the schemas decodes and round-trips, but for one that puts a
// value of the wrong kind where the schema wants a typed one (a sample
// query's "false" in a boolean), which the decoder rejects with its JSON
// Pointer.
func verifyRecorded(t *testing.T, module string) {
	var stdout, stderr bytes.Buffer
	_, err := verify.Run(context.Background(), module, sharedDir+"/examples/recorded-visible.jsonl", &stdout, &stderr)
	require.NoError(t, err, stderr.String())
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	summary := lines[len(lines)-1]
	m := verifySummary.FindStringSubmatch(summary)
	require.NotNil(t, m, summary)
	n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
	assert.Equal(t, n(2), n(3), "every decoded record round-trips: %s", summary)
	assert.Greater(t, n(2), 300, summary)
	wrongKinds := 0
	for _, l := range lines[:len(lines)-1] {
		var r verifykit.Result
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		if !r.Skipped && !r.Decoded && wrongKind.MatchString(r.Error) {
			wrongKinds++
			continue
		}
		assert.True(t, r.Skipped || r.Decoded && r.RoundTrip, "%s: %s%s", r.ID, r.Error, r.Difference)
	}
	assert.Equal(t, n(1)-n(5)-wrongKinds, n(2), "every other in-schema record decodes: %s", summary)
	assert.LessOrEqual(t, wrongKinds, 1, "records with a value of the wrong kind")
	t.Log(summary)
}
