// Package support is the code every generated package carries: the JSON
// reader and writer, the table-driven decoder, encoder and validator (which
// read the tables emit writes per struct, see table.go), Opt, Properties,
// the text-backed format types and the type tag of held subtypes
// (held.go). emit copies every non-test file of this package except this
// one into the generated package, as graphgen_<file>.go with the package
// clause renamed, so that generated code imports only the standard library
// and never skews against a runtime version. Its own tests run on
// hand-written tables (kinds, in support_opt_test.go); the layout test is
// also copied into the packages the tests generate.
package support

import "embed"

// Files holds the support code that emit copies into every generated
// package: every non-test .go file of this package except this one.
//
//go:embed *.go
var Files embed.FS

// EmbedFile is the name of this file, which is not copied.
const EmbedFile = "embed.go"

// registry is declared by each generated package: every schema name and
// @odata.type value, sorted, with its type. Here it is empty.
var registry []registryEntry

// These are the functions that only generated code calls
// (New, UnmarshalByName, Unmarshal, As, Concrete…), named here so that staticcheck
// does not report them unused in this package.
var _ = []any{unmarshalAs, asBase, concreteOf, newByName, unmarshalByName, errorText, MarshalWith, iface{}.data}
