package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/graphgen/graphgen/internal/emit"
	"github.com/graphgen/graphgen/internal/schema"
	"github.com/graphgen/graphgen/internal/verify"
)

// verifyCmd generates the schemas into a temporary module with a harness,
// compiles it and runs every payload record through decode, encode, compare
// and Validate.
func verifyCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("verify", stderr)
	inputs := inputsFlag(fs)
	payloads := fs.String("payloads", "", "JSON Lines file of records {id, type, collection, payload}")
	keep := fs.String("keep", "", "write the temporary module here and keep it")
	var opts schema.Options
	allowMissingRefsFlag(fs, &opts.AllowMissingRefs)
	if err := fs.Parse(args); err != nil {
		return helpOr(err, 2)
	}
	if len(*inputs) == 0 || *payloads == "" || fs.NArg() > 0 {
		fmt.Fprint(stderr, "graphgen verify: -in and -payloads are required\n", usage)
		return 2
	}
	files, code := generateForVerify(ctx, *inputs, opts, stderr)
	if code != 0 {
		return code
	}
	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "graphgen-verify-")
		if err != nil {
			fmt.Fprintln(stderr, "graphgen verify:", err)
			return 2
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	code, err := 2, verify.WriteModule(dir, files)
	if err == nil {
		code, err = verify.Run(ctx, dir, *payloads, stdout, stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "graphgen verify:", err)
	}
	return code
}

// generateForVerify loads and emits the package the harness compiles.
func generateForVerify(ctx context.Context, inputs []string, opts schema.Options, stderr io.Writer) ([]emit.File, int) {
	pkg, code := loadInputs(ctx, "graphgen verify", inputs, opts, 1, stderr)
	if code != 0 {
		return nil, code
	}
	files, err := emit.Emit(pkg, emit.Options{PackageName: "graph", Version: version()})
	if err != nil {
		fmt.Fprintln(stderr, "graphgen verify:", err)
		return nil, 2
	}
	return files, 0
}
