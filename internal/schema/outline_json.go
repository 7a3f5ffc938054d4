package schema

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// Most values graphgen reads are plain YAML: block mappings and sequences
// of one-line strings, booleans and integers ($ref, type, format,
// description, nullable: true). simpleJSON writes those to JSON straight
// from the outline; a value with anything else (block scalars, multi-line
// or double-quoted scalars with escapes, floats, flow collections, anchors,
// tags, comments after a value) is left to yaml.v3, which gives the same
// JSON. FuzzOutline holds the two to the same result.

// simpleJSON appends the JSON of e's value to b; false, with b as it may
// have grown, when the value is not plain YAML.
func (o *outliner) simpleJSON(b []byte, e *yEntry) ([]byte, bool) {
	sp := e.val
	if sp.end <= sp.start {
		return append(b, "null"...), true
	}
	if sp.inline && !sp.compact {
		if !o.oneLine(sp.first, sp.end) {
			return b, false
		}
		return o.scalarJSON(b, sp.start, o.lineEnd(sp.first))
	}
	var first, col, end int
	if sp.compact {
		first, col, end = sp.first, sp.col-1, sp.endLine
	} else {
		first, end = o.table.firstFresh(sp.first, sp.endLine), sp.endLine
		if first == end {
			return append(b, "null"...), true
		}
		col = int(o.table.indent[first])
	}
	if o.isSeqItem(int(o.table.start[first]) + col) {
		return o.sequenceJSON(b, first, col, end)
	}
	return o.mappingJSON(b, first, col, end)
}

// mappingJSON appends the block mapping that mapping would cut.
func (o *outliner) mappingJSON(b []byte, first, col, end int) ([]byte, bool) {
	entries, ok := o.mapping(first, col, end)
	if !ok || len(entries) == 0 {
		return b, false
	}
	b = append(b, '{')
	for i := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		if b, ok = appendJSONString(b, entries[i].key); !ok {
			return b, false
		}
		b = append(b, ':')
		if b, ok = o.simpleJSON(b, &entries[i]); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}

// sequenceJSON appends a block sequence whose items start at column col.
func (o *outliner) sequenceJSON(b []byte, first, col, end int) ([]byte, bool) {
	t := o.table
	b = append(b, '[')
	for i := first; i < end; {
		start := int(t.start[i])
		if int(t.indent[i]) != col || !o.isSeqItem(start+col) {
			return b, false
		}
		next := min(int(t.skip[i]), end)
		if i > first {
			b = append(b, ',')
		}
		item := yEntry{start: start, col: col + 1, val: o.valueAfter(i, start+col+1, o.lineEnd(i))}
		item.val.end, item.val.endLine = int(t.start[next]), next
		if item.val.inline {
			// "- key: value": a mapping starts on the item's line.
			if _, _, isKey := o.scanKey(item.val.start, o.lineEnd(i)); isKey {
				item.val.compact = true
			}
		}
		var ok bool
		if b, ok = o.simpleJSON(b, &item); !ok {
			return b, false
		}
		i = next
	}
	return append(b, ']'), true
}

// oneLine reports whether nothing but blank lines and comments follows line
// i up to end.
func (o *outliner) oneLine(i, end int) bool {
	rest := o.doc[min(o.lineEnd(i)+1, end):end]
	for len(rest) > 0 {
		line := rest
		if n := bytes.IndexByte(rest, '\n'); n >= 0 {
			line, rest = rest[:n], rest[n+1:]
		} else {
			rest = nil
		}
		if t := bytes.TrimLeft(line, " \t\r"); len(t) > 0 && t[0] != '#' {
			return false
		}
	}
	return true
}

// scalarJSON appends a one-line scalar in doc[pos:end] that is certainly a
// string, a boolean, null or a decimal integer.
func (o *outliner) scalarJSON(b []byte, pos, end int) ([]byte, bool) {
	text := bytes.TrimRight(o.doc[pos:end], " \r")
	if s, ok := o.simpleString(ySpan{start: pos, end: pos + len(text), inline: true}); ok {
		return appendJSONString(b, s)
	}
	switch string(text) {
	case "true", "false", "null":
		return append(b, text...), true
	case "~":
		return append(b, "null"...), true
	case "[]", "{}":
		return append(b, text...), true
	}
	if isDecimal(text) {
		if _, err := strconv.ParseInt(string(text), 10, 64); err == nil {
			return append(b, text...), true
		}
	}
	if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' && !bytes.ContainsAny(text[1:len(text)-1], "\"\\") {
		return appendJSONString(b, string(text[1:len(text)-1]))
	}
	return b, false
}

// appendJSONString appends s as a JSON string; false when s holds a
// character YAML does not allow in a document (see yamlPrintable), which
// yaml.v3 is left to report.
func appendJSONString(b []byte, s string) ([]byte, bool) {
	if !yamlPrintable(s) {
		return b, false
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, c)
		}
	}
	return append(b, '"'), true
}

// yamlPrintable reports whether s is valid UTF-8 of characters YAML
// allows in a scalar: tab and the printable ones of YAML's c-printable.
func yamlPrintable(s string) bool {
	for _, r := range s {
		switch {
		case r == '\t' || r >= 0x20 && r <= 0x7e:
		case r == utf8.RuneError:
			return false // invalid UTF-8 (a literal U+FFFD is refused too: yaml.v3 takes it)
		case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd && r != 0xfeff, r >= 0x10000 && r <= 0x10ffff:
		default:
			return false
		}
	}
	return true
}

// isDecimal reports whether text is an integer without a sign or leading
// zero, as YAML and JSON both read it.
func isDecimal(text []byte) bool {
	if len(text) == 0 || len(text) > 1 && text[0] == '0' {
		return false
	}
	for _, c := range text {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
