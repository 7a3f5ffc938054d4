package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/graphgen/graphgen/internal/diff"
	"github.com/graphgen/graphgen/internal/schema"
)

// diffCmd prints what changes for Go users between two schema inputs:
// exit 0 when nothing breaking changed, 1 when something did, 2 on errors.
func diffCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("diff", stderr)
	asJSON := fs.Bool("json", false, "print the changes as a JSON array")
	var opts schema.Options
	allowMissingRefsFlag(fs, &opts.AllowMissingRefs)
	if err := fs.Parse(args); err != nil {
		return helpOr(err, 2)
	}
	if fs.NArg() != 2 {
		fmt.Fprint(stderr, "graphgen diff: want two inputs, OLD and NEW\n", usage)
		return 2
	}
	var pkgs [2]*schema.Package
	for i, in := range fs.Args() {
		var code int
		if pkgs[i], code = loadInputs(ctx, "graphgen diff", []string{in}, opts, 2, stderr); code != 0 {
			return code
		}
	}
	changes := diff.Compare(pkgs[0], pkgs[1])
	if *asJSON {
		if changes == nil {
			changes = []diff.Change{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(changes); err != nil {
			return 2
		}
	} else {
		for _, c := range changes {
			fmt.Fprintln(stdout, c)
		}
		fmt.Fprintf(stdout, "graphgen diff: %d changes, %d breaking\n", len(changes), countBreaking(changes))
	}
	if diff.Breaking(changes) {
		return 1
	}
	return 0
}

func countBreaking(changes []diff.Change) int {
	n := 0
	for _, c := range changes {
		if c.Breaking {
			n++
		}
	}
	return n
}
