// Command widepeers writes the full-width structs of the benchmarks'
// plain-struct peers (package bench/wide, not committed): for the closure of
// the bench payloads' types, one struct per schema with every property,
// inherited and navigation ones included, the way oapi-codegen writes them
// (pointer scalars, `json:"name,omitempty"`). It reads the schemas through
// graphgen's own loader, so the structs cannot drift from what graphgen
// generates: the same schemas, Go names and types.
//
//	go run ./cmd/widepeers -in ../../shared/graph/v1.0/schemas -out wide
//
// -types lists the schemas whose closure is written, -union the subtypes
// whose properties a polymorphic base also holds (see the package doc it
// writes); both default to what the five bench payloads need.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/graphgen/graphgen/internal/schema"
)

// benchTypes are the types of the five bench payloads: the cloudPC, user,
// servicePrincipal and unifiedRoleDefinition pages and the message.
var benchTypes = []string{
	"microsoft.graph.cloudPCCollectionResponse",
	"microsoft.graph.userCollectionResponse",
	"microsoft.graph.servicePrincipalCollectionResponse",
	"microsoft.graph.unifiedRoleDefinitionCollectionResponse",
	"microsoft.graph.message",
}

// benchUnions are the subtypes the payloads carry where the schema says a
// base: the users page's memberOf holds groups, directory roles and
// administrative units.
var benchUnions = []union{{
	base:     "microsoft.graph.directoryObject",
	subtypes: []string{"microsoft.graph.group", "microsoft.graph.directoryRole", "microsoft.graph.administrativeUnit"},
}}

// A config is one run's options.
type config struct {
	in     string   // a schemas folder or an OpenAPI document
	out    string   // the package's folder, e.g. "wide"
	pkg    string   // the package name, e.g. "wide"
	types  []string // schema names whose closure is written
	unions []union  // in flag order; one per base
}

// A union names a polymorphic base and the subtypes whose properties its
// struct holds besides its own.
type union struct {
	base     string   // e.g. "microsoft.graph.directoryObject"
	subtypes []string // e.g. "microsoft.graph.group"
}

// fileName is the one file written into the output folder.
const fileName = "wide_gen.go"

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run is the command: 0 on success, 2 on a usage or input error, 1 when
// the schemas do not give the structs.
func run(args []string, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	pkg, err := load(cfg.in)
	if err != nil {
		fmt.Fprintln(stderr, "widepeers:", err)
		return 2
	}
	structs, err := widen(pkg, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "widepeers:", err)
		return 1
	}
	if err := write(cfg, structs); err != nil {
		fmt.Fprintln(stderr, "widepeers:", err)
		return 1
	}
	fmt.Fprintf(stderr, "widepeers: wrote %d structs, %d fields to %s\n",
		len(structs), countFields(structs), filepath.Join(cfg.out, fileName))
	return 0
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("widepeers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.in, "in", "", "the schemas: a folder of JSON Schema files or an OpenAPI document")
	fs.StringVar(&cfg.out, "out", "", "the output package's folder")
	fs.StringVar(&cfg.pkg, "package", "", "the package name (default: the folder's name)")
	types := fs.String("types", strings.Join(benchTypes, ","), "comma-separated schema names whose closure is written")
	fs.Func("union", "`base=subtype,subtype`: the base's struct also holds these subtypes' properties (repeatable; default "+
		formatUnions(benchUnions)+")", func(s string) error {
		u, err := parseUnion(s)
		cfg.unions = append(cfg.unions, u)
		return err
	})
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if cfg.in == "" || cfg.out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: widepeers -in SCHEMAS -out DIR [-package NAME] [-types T,T] [-union BASE=SUB,SUB]...")
		return cfg, errors.New("usage")
	}
	if cfg.pkg == "" {
		cfg.pkg = filepath.Base(filepath.Clean(cfg.out))
	}
	cfg.types = strings.Split(*types, ",")
	if cfg.unions == nil {
		cfg.unions = benchUnions
	}
	return cfg, nil
}

// parseUnion reads "base=subtype,subtype".
func parseUnion(s string) (union, error) {
	base, subs, ok := strings.Cut(s, "=")
	if !ok || base == "" || subs == "" {
		return union{}, fmt.Errorf("want base=subtype,subtype, got %q", s)
	}
	return union{base: base, subtypes: strings.Split(subs, ",")}, nil
}

func formatUnions(us []union) string {
	var parts []string
	for _, u := range us {
		parts = append(parts, u.base+"="+strings.Join(u.subtypes, ","))
	}
	return strings.Join(parts, " ")
}

// load reads and lowers the schemas as graphgen does with
// -allow-missing-refs (Graph v1.0 references three schemas it lacks).
func load(in string) (*schema.Package, error) {
	abs, err := filepath.Abs(in)
	if err != nil {
		return nil, err
	}
	docs, err := schema.ReadInput(os.DirFS(filepath.Dir(abs)), filepath.Base(abs), filepath.ToSlash(filepath.Clean(in)))
	if err != nil {
		return nil, err
	}
	return schema.Load(context.Background(), docs, schema.Options{AllowMissingRefs: true})
}

// write renders the package into cfg.out, replacing the file of an
// earlier run.
func write(cfg config, structs []*wideStruct) error {
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(cfg.out, fileName))
	if err != nil {
		return err
	}
	if err := render(f, cfg, structs); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func countFields(structs []*wideStruct) int {
	n := 0
	for _, s := range structs {
		n += len(s.Fields)
	}
	return n
}

// sortedUnions is us sorted by base, for the package doc.
func sortedUnions(us []union) []union {
	return slices.SortedFunc(slices.Values(us), func(a, b union) int { return strings.Compare(a.base, b.base) })
}
