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
	var old, new multiFlag
	fs.Var(&old, "old", "an input of the old schemas (repeatable, instead of OLD)")
	fs.Var(&new, "new", "an input of the new schemas (repeatable, instead of NEW)")
	var opts schema.Options
	allowMissingRefsFlag(fs, &opts.AllowMissingRefs)
	if err := fs.Parse(args); err != nil {
		return helpOr(err, 2)
	}
	sides, ok := diffSides(fs.Args(), old, new)
	if !ok {
		fmt.Fprint(stderr, "graphgen diff: want two inputs, OLD and NEW, or -old and -new lists\n", usage)
		return 2
	}
	var pkgs [2]*schema.Package
	for i, inputs := range sides {
		var code int
		if pkgs[i], code = loadInputs(ctx, "graphgen diff", inputs, opts, 2, stderr); code != 0 {
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

// diffSides is the old and new inputs: OLD and NEW, or the lists of -old
// and -new (several module documents on each side).
func diffSides(args, old, new []string) ([2][]string, bool) {
	switch {
	case len(args) == 2 && len(old) == 0 && len(new) == 0:
		return [2][]string{args[:1], args[1:]}, true
	case len(args) == 0 && len(old) > 0 && len(new) > 0:
		return [2][]string{old, new}, true
	}
	return [2][]string{}, false
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
