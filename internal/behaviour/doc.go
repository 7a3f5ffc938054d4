// Package behaviour holds the tests that compile and exercise generated
// code: the committed generated/graph package and the golden packages under
// testdata/golden. It has no code of its own.
package behaviour
