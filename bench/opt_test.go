package bench

import "github.com/graphgen/graphgen/bench/graph"

// The tests read graphgen's Opt[T] through these two helpers only, so a
// change of Opt's API touches this file alone.

// val is o's value; the zero value when o is absent or null.
func val[T any](o graph.Opt[T]) T { return o.Val }

// lookup is o's value and whether it is present (not absent, not null).
func lookup[T any](o graph.Opt[T]) (T, bool) { return o.Val, o.State == graph.Present }
