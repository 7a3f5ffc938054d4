// Command benchtable reads `go test -bench` output of the bench module and
// the `buildcost ...` lines of buildcost.sh (from the files named, or stdin;
// both kinds may be mixed in one file) and prints one markdown table: each
// measure as graphgen against its peer, the ratio, the target and whether it
// is met. Benchmark figures are medians across the -count runs.
//
//	go run ./cmd/benchtable bench.txt buildcost.txt
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	res := newResults()
	if len(os.Args) == 1 {
		if err := res.parse(os.Stdin); err != nil {
			fail(err)
		}
	}
	for _, name := range os.Args[1:] {
		f, err := os.Open(name)
		if err != nil {
			fail(err)
		}
		err = res.parse(f)
		f.Close()
		if err != nil {
			fail(fmt.Errorf("%s: %w", name, err))
		}
	}
	w := bufio.NewWriter(os.Stdout)
	render(w, res)
	if err := w.Flush(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchtable:", err)
	os.Exit(1)
}
