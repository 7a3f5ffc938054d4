package fullset

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/diff"
	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/par"
	"github.com/graphgen/graphgen/internal/schema"
)

// releasesDir holds six consecutive monthly releases of the Graph v1.0
// schemas, read in place.
const releasesDir = "../../../shared/graph/releases"

// apidiff is the Go team's API compatibility checker, pinned like
// staticcheck and fetched through the module proxy.
const apidiff = "golang.org/x/exp/cmd/apidiff@v0.0.0-20261113113407-e3970619a1a4"

// TestSchemaUpdatesKeepTheGoAPI generates every release, compares each
// consecutive pair with apidiff, and requires apidiff's incompatible
// changes to be exactly the Go identifiers graphgen diff calls broken, and
// none where the schema only added things. testdata/stability's pair, with
// a property that moves into its base, goes first; the CSDL sources of the
// first and last release make the last pair.
func TestSchemaUpdatesKeepTheGoAPI(t *testing.T) {
	requireShared(t)
	releases, err := filepath.Glob(filepath.Join(releasesDir, "v1.0-*.yaml"))
	require.NoError(t, err)
	require.Len(t, releases, 6, "the six 2025 releases")
	slices.Sort(releases)
	names := append([]string{"../../testdata/stability/v1.yaml", "../../testdata/stability/v2.yaml"}, releases...)
	// The CSDL sources of the first and last release, compared with each other.
	csdlFirst := len(names)
	names = append(names, filepath.Join(csdlDir, "v1.0-2025-06-03.xml"), filepath.Join(csdlDir, "v1.0-2025-11-07.xml"))
	module := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(module, "go.mod"), []byte("module stability\n\ngo 1.25\n"), 0o644))
	pkgs := make([]*schema.Package, len(names))
	for i, name := range names {
		pkgs[i] = writeRelease(t, name, filepath.Join(module, release(i)))
	}
	tool := installAPIDiff(t)
	exports := make([]string, len(names))
	errs := make([]error, len(names))
	par.For(len(names), func(i int) {
		exports[i] = filepath.Join(module, release(i)+".export")
		errs[i] = run(module, tool, "-w", exports[i], "./"+release(i))
	})
	for _, err := range errs {
		require.NoError(t, err)
	}
	for i := 1; i < len(names); i++ {
		if i == 2 || i == csdlFirst {
			continue // testdata's v2 and the first release are no pair, nor the last release and the first CSDL
		}
		pair := filepath.Base(names[i-1]) + " -> " + filepath.Base(names[i])
		out, err := exec.Command(tool, "-incompatible", exports[i-1], exports[i]).CombinedOutput()
		require.NoError(t, err, "%s: apidiff:\n%s", pair, out)
		got := apidiffIdentifiers(string(out))
		want := brokenIdentifiers(diff.Compare(pkgs[i-1], pkgs[i]))
		assert.Equal(t, want, got, "%s: graphgen diff's breaking changes (want) and apidiff's incompatible ones (got) must agree", pair)
		taken := takenAway(pkgs[i-1], pkgs[i])
		if len(taken) == 0 {
			assert.Empty(t, got, "%s: the schema only added things", pair)
		}
		t.Logf("%s: %d incompatible changes %v; the schema removed, retyped or moved %d things: %v", pair, len(got), got, len(taken), taken)
	}
	assert.Equal(t, []string{"Room.PlaceID"}, brokenIdentifiers(diff.Compare(pkgs[0], pkgs[1])), "testdata's one breaking change")
}

func release(i int) string { return fmt.Sprintf("r%d", i) }

// writeRelease generates one release into dir and returns its IR.
func writeRelease(t *testing.T, path, dir string) *schema.Package {
	name := filepath.Base(path)
	docs, err := schema.ReadInput(os.DirFS(filepath.Dir(path)), name, name)
	require.NoError(t, err)
	pkg, err := schema.Load(context.Background(), docs, schema.Options{AllowMissingRefs: true})
	require.NoError(t, err, name)
	files, err := emit.Emit(pkg, emit.Options{PackageName: "graph"})
	require.NoError(t, err, name)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, f := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644))
	}
	return pkg
}

// installAPIDiff builds the pinned apidiff into a temporary directory.
func installAPIDiff(t *testing.T) string {
	bin := t.TempDir()
	cmd := exec.Command("go", "install", apidiff)
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go install %s:\n%s", apidiff, out)
	return filepath.Join(bin, "apidiff")
}

func run(dir, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %v: %v\n%s", name, args, err, out)
	}
	return nil
}

// apidiffIdentifiers are the identifiers of apidiff's report lines,
// "- ConditionalAccessRoot.Policies: changed from … to …", sorted.
func apidiffIdentifiers(out string) []string {
	var ids []string
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "- "); ok {
			id, _, _ := strings.Cut(rest, ": ")
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// brokenIdentifiers are the Go identifiers of diff's breaking changes,
// sorted.
func brokenIdentifiers(changes []diff.Change) []string {
	var ids []string
	for _, c := range changes {
		if c.Breaking {
			ids = append(ids, c.API...)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// takenAway lists what the newer schema set removed, retyped or moved,
// judged on the schemas, not on the Go they give: schemas, properties
// (inherited ones included), enum members and bases that are gone,
// properties whose schema type changed, and properties that moved between
// a type and its base. Nullability is not a type here.
func takenAway(old, new *schema.Package) []string {
	var out []string
	structs := map[string]*schema.Struct{}
	for _, s := range new.Structs {
		structs[s.SchemaName] = s
	}
	for _, o := range old.Structs {
		n := structs[o.SchemaName]
		switch {
		case n == nil:
			out = append(out, o.SchemaName)
		case schemaOf(o.Base) != schemaOf(n.Base):
			out = append(out, o.SchemaName+" base")
		default:
			out = append(out, takenProperties(o, n)...)
		}
	}
	enums := map[string]*schema.Enum{}
	for _, e := range new.Enums {
		enums[e.SchemaName] = e
	}
	for _, o := range old.Enums {
		n := enums[o.SchemaName]
		for _, m := range o.Members {
			if n == nil || !slices.ContainsFunc(n.Members, func(x *schema.EnumMember) bool { return x.Value == m.Value }) {
				out = append(out, o.SchemaName+"/"+m.Value)
			}
		}
	}
	return out
}

func takenProperties(o, n *schema.Struct) []string {
	var out []string
	newTypes := schemaTypes(n)
	for name, typ := range schemaTypes(o) {
		if newTypes[name] != typ {
			out = append(out, o.SchemaName+"/"+name)
		}
	}
	slices.Sort(out)
	return out
}

// schemaTypes maps the JSON names of s's properties, inherited ones
// included, to their schema types and the schema that declares them.
func schemaTypes(s *schema.Struct) map[string]string {
	out := map[string]string{}
	for t := s; t != nil; t = t.Base {
		for _, f := range t.Fields {
			if _, ok := out[f.JSONName]; !ok {
				out[f.JSONName] = schemaType(f.Type) + " in " + t.SchemaName
			}
		}
	}
	return out
}

// schemaType names a property's type by schemas: "struct microsoft.graph.user",
// "[]enum microsoft.graph.dayOfWeek", "int 32".
func schemaType(t *schema.Type) string {
	switch t.Kind {
	case schema.KindArray:
		return "[]" + schemaType(t.Elem)
	case schema.KindStruct:
		return "struct " + t.Struct.SchemaName
	case schema.KindEnum:
		return "enum " + t.Enum.SchemaName
	}
	format := ""
	if t.Format != nil {
		format = t.Format.Name
	}
	return fmt.Sprintf("%d %d %s %s", t.Kind, t.Bits, format, t.Name.Name)
}

func schemaOf(s *schema.Struct) string {
	if s == nil {
		return ""
	}
	return s.SchemaName
}

// basePairs are testdata/stability/bases' pairs of schema versions in which
// a type's base changes, and for each a program that uses only what still
// resolves (promoted fields, selectors through the new bases), which must
// compile against both versions.
var basePairs = []struct {
	name    string
	program string
	want    []string // apidiff's incompatible identifiers, as seen when the pairs were written
}{
	{"root-gains-base", `
	var p graph.Plugin
	_ = p.Identifier.Val + p.Name.Val + p.Version.Val + p.ODataType.Val
	_, _ = p.Extra.Get("@odata.context")
	_ = graph.PluginHolder{Plugins: graph.Some([]*graph.Plugin{&p})}`,
		[]string{"Plugin.Extra", "Plugin.Identifier", "Plugin.Name", "Plugin.ODataType", "Plugin.Version"}},
	{"base-inserted", `
	var c graph.CountryNamedLocation
	_ = c.ID.Val + c.DisplayName.Val + c.Entity.ID.Val + c.NamedLocation.DisplayName.Val
	_ = graph.CountryNamedLocation{CountriesAndRegions: graph.Some([]string{"NL"})}
	var n graph.NamedLocation
	_ = n.ID.Val + n.Entity.ODataType.Val`,
		[]string{"NamedLocation.Entity"}},
	{"base-removed", `
	var c graph.CountryNamedLocation
	_ = c.ID.Val + c.DisplayName.Val + c.NamedLocation.ID.Val
	var n graph.NamedLocation
	_ = n.ID.Val + n.ODataType.Val`,
		[]string{"CountryNamedLocation.Entity", "IPNamedLocation.Entity", "NamedLocation.Entity"}},
	{"base-replaced", `
	var c graph.IPNamedLocation
	_ = c.ID.Val + c.DisplayName.Val + c.ODataType.Val
	_ = c.IsTrusted.Val`,
		[]string{"CountryNamedLocation.Entity", "IPNamedLocation.Entity", "NamedLocation.Entity"}},
}

// TestBaseChangesNameWhatBreaks generates each pair of basePairs, runs
// apidiff on it and requires its incompatible identifiers to be exactly
// those graphgen diff's breaking changes name, and the program to compile
// against both versions.
func TestBaseChangesNameWhatBreaks(t *testing.T) {
	dir := "../../testdata/stability/bases"
	module := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(module, "go.mod"), []byte("module bases\n\ngo 1.25\n"), 0o644))
	tool := installAPIDiff(t)
	for _, pair := range basePairs {
		var pkgs [2]*schema.Package
		var exports [2]string
		for i, side := range []string{"old", "new"} {
			pkg := pair.name + "_" + side
			pkgs[i] = writeRelease(t, filepath.Join(dir, pair.name+"-"+side+".yaml"), filepath.Join(module, pkg))
			exports[i] = filepath.Join(module, pkg+".export")
			require.NoError(t, run(module, tool, "-w", exports[i], "./"+pkg))
			prog := filepath.Join(module, "use_"+pkg)
			require.NoError(t, os.MkdirAll(prog, 0o755))
			src := "package main\n\nimport graph \"bases/" + pkg + "\"\n\nfunc main() {" + pair.program + "\n}\n"
			require.NoError(t, os.WriteFile(filepath.Join(prog, "main.go"), []byte(src), 0o644))
			require.NoError(t, run(module, "go", "vet", "./use_"+pkg), "%s: the program compiles against the %s version", pair.name, side)
		}
		out, err := exec.Command(tool, "-incompatible", exports[0], exports[1]).CombinedOutput()
		require.NoError(t, err, "%s: apidiff:\n%s", pair.name, out)
		got := apidiffIdentifiers(string(out))
		assert.Equal(t, pair.want, got, "%s: apidiff", pair.name)
		changes := diff.Compare(pkgs[0], pkgs[1])
		assert.Equal(t, got, brokenIdentifiers(changes), "%s: graphgen diff's breaking changes must name apidiff's identifiers", pair.name)
		assert.True(t, slices.ContainsFunc(changes, func(c diff.Change) bool { return c.Kind == "changed-base" }), "%s: a changed-base change", pair.name)
		for _, c := range changes {
			t.Logf("%s: %s %v", pair.name, c, c.API)
		}
	}
}
