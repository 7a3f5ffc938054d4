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
