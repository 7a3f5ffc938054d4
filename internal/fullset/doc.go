// Package fullset holds the test that generates the whole Microsoft Graph
// v1.0 schema set from ../shared/graph/v1.0, in both input forms, and builds
// and vets the result. It has no code of its own.
package fullset
