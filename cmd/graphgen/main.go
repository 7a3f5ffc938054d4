// Command graphgen generates a Go package from Microsoft Graph schemas.
//
//	graphgen                     regenerate generated/graph from the embedded schemas/
//	graphgen generate -in PATH [-in PATH…] -out DIR -package NAME
//
// Exit codes: 0 success, 1 the input has problems (all are listed), 2 usage
// or I/O errors.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/graphgen/graphgen"
	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/schema"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		if _, err := os.Stat(ConfigFile); err == nil {
			return generateCmd(ctx, nil, stdout, stderr)
		}
		return generateDefault(ctx, stdout, stderr)
	}
	switch args[0] {
	case "generate":
		return generateCmd(ctx, args[1:], stdout, stderr)
	case "verify":
		return verifyCmd(ctx, args[1:], stdout, stderr)
	case "check":
		return checkCmd(ctx, args[1:], stdout, stderr)
	case "diff":
		return diffCmd(ctx, args[1:], stdout, stderr)
	case "validate":
		return validateCmd(ctx, args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "graphgen", version())
		return 0
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "graphgen: unknown command %q\n%s", args[0], usage)
	return 2
}

const usage = `usage:
  graphgen                  with graphgen.yaml in the current directory: generate as it says (go:generate);
                            elsewhere: regenerate generated/graph from the embedded schemas/ (the graphgen repository)
  graphgen generate [-config FILE] -in PATH [-in PATH...] -out DIR [-package NAME] [-types A,B [-subtypes]] [-allow-missing-refs]
                            PATH is a folder of per-schema JSON Schema files or an OpenAPI 3.x document (JSON or YAML)
  graphgen check [the flags of generate]
                            exit 1, listing stale, missing and extra files, when DIR is not what generate would write;
                            without flags, checks generated/graph against the embedded schemas/
  graphgen diff [-json] [-allow-missing-refs] OLD NEW | -old PATH [-old PATH...] -new PATH [-new PATH...]
                            what a schema update changes for Go users: added, removed and retyped types, properties
                            and enum members, and properties moved between a type and its base, each breaking or
                            additive (-json also names the Go identifiers each breaking change breaks); exit 1 when
                            anything breaking changed
  graphgen validate -in PATH -type NAME [-package graph] FILE...
                            validate payload files at run time, without generating code, with the rules and
                            messages of the generated Validate; exit 1 when a file is invalid
  graphgen version          print graphgen's version
  graphgen verify -in PATH [-in PATH...] -payloads FILE.jsonl [-allow-missing-refs] [-keep DIR]
                            generate PATH into a temporary module, compile it, and run every record of FILE through
                            decode, encode, compare and Validate; one JSON result a line, then a summary line

Examples:
  graphgen generate -in openapi.yaml -out internal/graph -package graph
  graphgen generate -in schemas/ -out graph
  graphgen generate -in openapi.yaml -out graph -types microsoft.graph.user,microsoft.graph.cloudPC -allow-missing-refs
`

// generateDefault regenerates the repository's committed output.
func generateDefault(ctx context.Context, stdout, stderr io.Writer) int {
	j, code := defaultJob(stderr)
	if code != 0 {
		return code
	}
	return generate(ctx, j, stdout, stderr)
}

// defaultJob is the repository's own generation: the embedded schemas/
// into generated/graph.
func defaultJob(stderr io.Writer) (job, int) {
	docs, err := schema.ReadInput(graphgen.DefaultSchemas, "schemas", "schemas")
	if err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return job{}, 2
	}
	return job{docs: docs, out: "generated/graph", pkg: "graph"}, 0
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func generateCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	j, code, ok := parseJob("generate", args, stderr)
	if !ok {
		return code
	}
	return generate(ctx, j, stdout, stderr)
}

// newFlags is a command's flag set: a flag error or -h prints the usage.
// Commands end a failed Parse with helpOr.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	return fs
}

// inputsFlag declares -in, repeatable.
func inputsFlag(fs *flag.FlagSet) *multiFlag {
	var inputs multiFlag
	fs.Var(&inputs, "in", "schemas: a folder of schema files or an OpenAPI document (repeatable)")
	return &inputs
}

// allowMissingRefsFlag declares -allow-missing-refs, which every command
// that reads schemas has.
func allowMissingRefsFlag(fs *flag.FlagSet, v *bool) {
	fs.BoolVar(v, "allow-missing-refs", false, "a $ref to a schema that is not in the input becomes a raw JSON value and a warning, instead of an error")
}

// parseJob reads the flags generate and check share, on top of a config
// file: -config, or graphgen.yaml in the current directory when no -in is
// given. Flags override the file. When ok is false the command ends with
// code: 0 after -h, 2 on errors (already reported).
func parseJob(name string, args []string, stderr io.Writer) (j job, code int, ok bool) {
	fs := newFlags(name, stderr)
	inputs := inputsFlag(fs)
	configPath := fs.String("config", "", "config file (default: "+ConfigFile+" in the current directory, when -in is not given)")
	out := fs.String("out", "", "output directory")
	pkg := fs.String("package", "graph", "Go package name")
	var allowMissing bool
	allowMissingRefsFlag(fs, &allowMissing)
	types := fs.String("types", "", "comma-separated schema names: generate only these and their closure (bases, property types)")
	subtypes := fs.Bool("subtypes", false, "with -types, also generate every schema derived from a selected one")
	if err := fs.Parse(args); err != nil {
		return job{}, helpOr(err, 2), false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "graphgen %s: unexpected arguments %q\n%s", name, fs.Args(), usage)
		return job{}, 2, false
	}
	cfg, err := findConfig(*configPath, len(*inputs) == 0)
	if err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return job{}, 2, false
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	j = job{out: cfg.Output, pkg: cmp.Or(cfg.Package, "graph"), opts: cfg.options()}
	if len(*inputs) == 0 {
		*inputs = cfg.Inputs
	}
	if set["out"] {
		j.out = *out
	}
	if set["package"] {
		j.pkg = *pkg
	}
	if set["allow-missing-refs"] {
		j.opts.AllowMissingRefs = allowMissing
	}
	if set["types"] {
		j.opts.Types = strings.Split(*types, ",")
	}
	if set["subtypes"] {
		j.opts.Subtypes = *subtypes
	}
	if len(*inputs) == 0 || j.out == "" {
		fmt.Fprintf(stderr, "graphgen %s: inputs (-in) and an output directory (-out) are required, as flags or in %s\n%s", name, ConfigFile, usage)
		return job{}, 2, false
	}
	if j.docs, code = readInputs("graphgen "+name, *inputs, stderr); code != 0 {
		return job{}, code, false
	}
	return j, 0, true
}

// findConfig reads the named config file, or graphgen.yaml in the current
// directory when lookHere and it exists; the zero config otherwise.
func findConfig(path string, lookHere bool) (config, error) {
	if path == "" && lookHere {
		if _, err := os.Stat(ConfigFile); err == nil {
			path = ConfigFile
		}
	}
	if path == "" {
		return config{}, nil
	}
	return readConfig(path)
}

// job is one generation: inputs in, package out.
type job struct {
	docs []schema.Document
	out  string
	pkg  string
	opts schema.Options
}

// take returns the job and forgets its documents, so that the input's text
// (35 MB for Microsoft's full document) is not kept while the package is
// emitted: only the returned copy holds it.
func (j *job) take() job {
	c := *j
	j.docs = nil
	return c
}

func generate(ctx context.Context, j job, stdout, stderr io.Writer) int {
	start := time.Now()
	pkg, files, code := build(ctx, j.take(), stderr)
	if code != 0 {
		return code
	}
	if err := writeAtomically(j.out, files); err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return 2
	}
	size := 0
	for _, f := range files {
		size += len(f.Data)
	}
	fmt.Fprintf(stdout, "graphgen: %s, %d files, %d bytes in %s, %s%s%s\n", typeCounts(pkg), len(files), size, j.out,
		time.Since(start).Round(time.Millisecond), mergedText(pkg.Merged), skippedText(pkg.Skipped))
	return 0
}

// typeCounts is "12 types (9 structs, 2 enums, 1 scalar)".
func typeCounts(pkg *schema.Package) string {
	n := len(pkg.Structs) + len(pkg.Enums) + len(pkg.Scalars)
	text := fmt.Sprintf("%d types (%d structs, %d enums", n, len(pkg.Structs), len(pkg.Enums))
	if len(pkg.Scalars) > 0 {
		text += fmt.Sprintf(", %d scalars", len(pkg.Scalars))
	}
	return text + ")"
}

// mergedText is "; 120 definitions merged" when inputs repeated
// definitions, else "".
func mergedText(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "; 1 definition merged"
	}
	return fmt.Sprintf("; %d definitions merged", n)
}

// skippedText is "; skipped, carrying no model: 5 parameters, 1 security
// schemes", or "" when nothing was.
func skippedText(skipped []schema.Skipped) string {
	if len(skipped) == 0 {
		return ""
	}
	parts := make([]string, len(skipped))
	for i, s := range skipped {
		parts[i] = fmt.Sprintf("%d %s", s.Count, s.What)
	}
	return "; skipped, carrying no model: " + strings.Join(parts, ", ")
}

// build loads and emits a job in memory, reporting problems and warnings.
func build(ctx context.Context, j job, stderr io.Writer) (*schema.Package, []emit.File, int) {
	progress(stderr, "graphgen: lowering %d input files…", len(j.docs))
	pkg, code := load(ctx, "graphgen", j.take().docs, j.opts, 1, stderr)
	if code != 0 {
		return nil, nil, code
	}
	for _, w := range pkg.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	progress(stderr, "graphgen: emitting %d types…", len(pkg.Structs)+len(pkg.Enums))
	files, err := emit.Emit(pkg, emit.Options{PackageName: j.pkg, Version: version()})
	progress(stderr, "")
	if err != nil {
		fmt.Fprintln(stderr, "graphgen:", err)
		return nil, nil, 2
	}
	return pkg, files, 0
}

// progress shows what a long run is doing, on one line that it rewrites,
// when stderr is a terminal; "" clears the line.
func progress(stderr io.Writer, format string, args ...any) {
	f, ok := stderr.(*os.File)
	if !ok {
		return
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return
	}
	fmt.Fprintf(f, "\r\033[K"+format, args...)
}

// version is graphgen's module version: v1.2.3 when installed with
// go install …@v1.2.3, "(devel)" when built from a checkout.
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// readInput reads the folder or file at path p.
func readInput(p string) ([]schema.Document, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	return schema.ReadInput(os.DirFS(filepath.Dir(abs)), filepath.Base(abs), filepath.ToSlash(filepath.Clean(p)))
}

// reportProblems lists every problem, with a hint for missing references.
func reportProblems(stderr io.Writer, problems schema.Errors) {
	missing := 0
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
		if p.Kind == "dangling-ref" {
			missing++
		}
	}
	fmt.Fprintf(stderr, "graphgen: %d problem(s) in the input; nothing was written\n", len(problems))
	if missing > 0 {
		fmt.Fprintf(stderr, "graphgen: %d reference(s) to missing schemas; -allow-missing-refs generates them as raw JSON\n", missing)
	}
}

// helpOr is the exit code after a flag error: 0 when the user asked for
// -h (the usage is already printed), else code.
func helpOr(err error, code int) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return code
}

// readInputs reads every input (a folder or a file), reporting the first
// that cannot be read as cmd's error.
func readInputs(cmd string, inputs []string, stderr io.Writer) ([]schema.Document, int) {
	var docs []schema.Document
	for _, in := range inputs {
		d, err := readInput(in)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", cmd, err)
			return nil, 2
		}
		docs = append(docs, d...)
	}
	return docs, 0
}

// load lowers docs; when the input has problems it lists them all and
// returns problemsCode (commands differ in what 1 means).
func load(ctx context.Context, cmd string, docs []schema.Document, opts schema.Options, problemsCode int, stderr io.Writer) (*schema.Package, int) {
	pkg, err := schema.Load(ctx, docs, opts)
	var problems schema.Errors
	switch {
	case errors.As(err, &problems):
		reportProblems(stderr, problems)
		return nil, problemsCode
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", cmd, err)
		return nil, 2
	}
	return pkg, 0
}

// loadInputs reads and lowers inputs.
func loadInputs(ctx context.Context, cmd string, inputs []string, opts schema.Options, problemsCode int, stderr io.Writer) (*schema.Package, int) {
	docs, code := readInputs(cmd, inputs, stderr)
	if code != 0 {
		return nil, code
	}
	return load(ctx, cmd, docs, opts, problemsCode, stderr)
}
