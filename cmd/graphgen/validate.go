package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/graphgen/graphgen/internal/rtvalidate"
	"github.com/graphgen/graphgen/internal/schema"
)

// validateCmd validates payload files against the schemas at run time, with
// the rules and messages of the generated Validate: exit 0 when every file
// is valid, 1 when one is not, 2 on errors.
func validateCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	inputs := inputsFlag(fs)
	typeName := fs.String("type", "", "the schema of the payloads, e.g. microsoft.graph.user")
	pkgName := fs.String("package", "graph", "the package name messages give enum types, as in the generated code")
	var opts schema.Options
	allowMissingRefsFlag(fs, &opts.AllowMissingRefs)
	if err := fs.Parse(args); err != nil {
		return helpOr(err, 2)
	}
	if len(*inputs) == 0 || *typeName == "" || fs.NArg() == 0 {
		fmt.Fprint(stderr, "graphgen validate: -in, -type and at least one FILE are required\n", usage)
		return 2
	}
	pkg, code := loadInputs(ctx, "graphgen validate", *inputs, opts, 2, stderr)
	if code != 0 {
		return code
	}
	return validateFiles(rtvalidate.New(pkg, *pkgName), *typeName, fs.Args(), stdout, stderr)
}

func validateFiles(v *rtvalidate.Validator, typeName string, files []string, stdout, stderr io.Writer) int {
	valid := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(stderr, "graphgen validate:", err)
			return 2
		}
		violations, err := v.Validate(typeName, data)
		switch {
		case err != nil:
			fmt.Fprintf(stdout, "%s: %v\n", file, err)
		case len(violations) == 0:
			valid++
		}
		for _, violation := range violations {
			fmt.Fprintf(stdout, "%s: %s (%s)\n", file, violation, violation.Rule)
		}
	}
	fmt.Fprintf(stdout, "graphgen validate: %d of %d files valid\n", valid, len(files))
	if valid < len(files) {
		return 1
	}
	return 0
}
