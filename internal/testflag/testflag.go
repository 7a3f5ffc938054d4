// Package testflag registers the -update flag once for every test binary of
// the module, so that `go test ./... -update` works in every package. Each
// package with tests imports it (blank when it does not read Update).
package testflag

import "flag"

// Update asks golden tests to rewrite their expected files.
var Update = flag.Bool("update", false, "rewrite golden files instead of comparing them")
