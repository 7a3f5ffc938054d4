package schema

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem in the input: where it is and what is wrong.
type Error struct {
	Origin Origin
	Line   int    // 1-based line of Origin.Pointer in Origin.File; 0 when unknown
	Column int    // 1-based column; 0 when unknown
	Kind   string // what kind of problem: "syntax", "dangling-ref", "allof-cycle", "unsupported", "name-clash", "invalid"
	Msg    string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Origin.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Column > 0 {
		fmt.Fprintf(&b, ":%d", e.Column)
	}
	b.WriteString(": ")
	if e.Origin.Pointer != "" {
		b.WriteString(e.Origin.Pointer)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one Load, sorted by file and position.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find each *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// problems collects errors during one Load.
type problems struct {
	list     Errors
	warnings Errors
}

// merge adds the problems of q, found by a parallel worker.
func (p *problems) merge(q *problems) {
	p.list = append(p.list, q.list...)
	p.warnings = append(p.warnings, q.warnings...)
}

// warn records a problem that does not stop the run.
func (p *problems) warn(at Origin, kind, format string, args ...any) {
	p.warnings = append(p.warnings, &Error{Origin: at, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

func (p *problems) add(at Origin, kind, format string, args ...any) {
	p.list = append(p.list, &Error{Origin: at, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

// result locates every error in its document, sorts them and returns nil
// or Errors.
func (p *problems) result(docs map[string]*source) error {
	if len(p.list) == 0 {
		return nil
	}
	locateAll(p.list, docs)
	return p.list
}

// warningList returns the warnings, located and sorted.
func (p *problems) warningList(docs map[string]*source) Errors {
	locateAll(p.warnings, docs)
	return p.warnings
}

// locateAll finds each error's line and column and sorts the list by
// file and position.
func locateAll(list Errors, docs map[string]*source) {
	for _, e := range list {
		if e.Line == 0 {
			if src := docs[e.Origin.File]; src != nil {
				e.Line, e.Column = src.locate(e.Origin.Pointer)
			}
		}
	}
	slices.SortStableFunc(list, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Origin.File, b.Origin.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Origin.Pointer, b.Origin.Pointer),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}
