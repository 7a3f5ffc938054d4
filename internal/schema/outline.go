package schema

import (
	"bytes"
)

// The outline of a YAML document: its block mappings cut into entries,
// line by line, without parsing the values. Microsoft's full openapi.yaml is
// 35 MB; graphgen reads its schemas and the bodies of its operations, a
// fraction of it. With the outline, only those values are parsed (by
// yaml.v3, each on its own), and the rest (parameters, examples, the other
// keys of each operation) is cut past unread.
//
// The outline follows YAML's block structure only as far as it can be sure
// of it: a key is a plain or quoted scalar on one line, at the mapping's
// indentation; a value runs to the next line at that indentation or less.
// Lines inside block scalars, multi-line plain scalars, quoted scalars and
// flow collections are followed so that their content is never taken for a
// key. Whatever it is not sure of (tabs in indentation, several documents,
// a continuation line of a quoted scalar or flow collection at or left of
// its owner, which libyaml accepts although YAML forbids it, a duplicate or
// merge key, a key it cannot read) makes it give up, and the document is
// parsed whole, as before: the outline changes the cost, never the result.

// yEntry is one member of a block mapping.
type yEntry struct {
	key     string
	text    string // the key as yaml.v3's node holds it: key, or a plain key's text when YAML reads it as another type (1.0)
	keyLine int    // 1-based
	keyCol  int    // 1-based
	col     int    // 1-based column where the entry starts: keyCol, or the "?" of an explicit key
	val     ySpan
	sub     []yEntry // the value's entries, when the value has been cut too
	cut     bool     // sub is valid (possibly empty)
}

// ySpan is the text of a value: doc[start:end]. inline is set when the value
// starts on its key's line, at column col; otherwise it starts at the
// beginning of line line. compact marks an inline value after an explicit
// key's ": ", which may be a block mapping. An empty span is a null value.
type ySpan struct {
	start, end int
	line, col  int
	inline     bool
	compact    bool
}

// outliner cuts the block mappings of one document.
type outliner struct {
	doc []byte
}

// yLine is one line of the document: [start, end) without the line break,
// and where the next line starts.
type yLine struct {
	start, end, next int
	spaces           int  // spaces at its start
	indent           int  // spaces before its content; -1 for a blank or comment line
	tab              bool // a tab right after the spaces, before content
	blank            bool // nothing but spaces and tabs
}

func (o *outliner) lineAt(pos int) yLine {
	end := pos + bytes.IndexByte(o.doc[pos:], '\n')
	next := end + 1
	if end < pos {
		end, next = len(o.doc), len(o.doc)
	}
	l := yLine{start: pos, end: end, next: next}
	if end > pos && o.doc[end-1] == '\r' {
		l.end--
	}
	i := pos
	for i < l.end && o.doc[i] == ' ' {
		i++
	}
	l.spaces = i - pos
	for i < l.end && o.doc[i] == '\t' {
		l.tab = true
		i++
	}
	l.blank = i == l.end
	l.indent = l.spaces
	if l.blank || o.doc[i] == '#' {
		l.indent, l.tab = -1, false
	}
	return l
}

// lexState is what a line leaves open for the lines after it.
type lexState struct {
	kind  byte // 0 nothing; '|' block scalar; 'p' plain scalar; '"' or '\'' quoted scalar; '[' flow collection
	owner int  // the column its continuation lines must be right of
	depth int  // flow: open brackets
	quote byte // flow: the quote open inside it, if any
}

// mapping cuts the block mapping in doc[from:to) into its entries; ok is
// false when the outline cannot be sure of them. from starts line line at
// column col (1-based): a mapping that is the value of an explicit key
// ("? key" then ": first: …") starts inside its line.
func (o *outliner) mapping(from, to, line, col int) ([]yEntry, bool) {
	m := mappingCut{o: o, indent: -1, cur: -1, seen: map[string]bool{}}
	for pos := from; pos < to; line++ {
		l := o.lineAt(pos)
		pos = l.next
		l.end = min(l.end, to)
		if l.start == from && col > 1 {
			l.spaces += col - 1
			l.indent += col - 1
			l.start -= col - 1 // keyLine and lexLine look at start+indent
		}
		if !m.feed(l, line) {
			return nil, false
		}
	}
	if m.st.kind == '"' || m.st.kind == '\'' || m.st.kind == '[' || m.explicit {
		return nil, false
	}
	if m.cur >= 0 {
		m.entries[m.cur].val.end = to
	}
	return m.entries, true
}

// mappingCut is the state of mapping between lines.
type mappingCut struct {
	o        *outliner
	entries  []yEntry
	seen     map[string]bool
	st       lexState
	indent   int  // the keys' indentation, once known
	cur      int  // index of the entry whose value the lines belong to
	explicit bool // entries[cur] is an explicit key still waiting for its ": " line
}

// feed takes one line of the mapping.
func (m *mappingCut) feed(l yLine, line int) bool {
	fresh, ok := m.o.continues(&m.st, l)
	if !ok || !fresh {
		return ok
	}
	if l.tab || l.indent == 0 && isDocumentMarker(m.o.doc[l.start:l.end]) {
		return false
	}
	if m.indent < 0 {
		m.indent = l.indent
	}
	pos := l.start + l.indent
	switch {
	case l.indent < m.indent:
		return false
	case l.indent > m.indent:
		if m.cur < 0 || m.explicit {
			return false
		}
		m.st, ok = m.o.lexLine(pos, l.end, l.indent)
		return ok
	case m.explicit:
		return m.explicitValue(l, line)
	case m.o.isSeqItem(pos):
		// A block sequence at its key's indentation belongs to that key.
		if m.cur < 0 || m.entries[m.cur].val.inline {
			return false
		}
		m.st, ok = m.o.lexLine(pos, l.end, l.indent)
		return ok
	}
	var e yEntry
	if m.o.doc[pos] == '?' && (pos+1 == l.end || m.o.doc[pos+1] == ' ') {
		e, ok = m.o.explicitKey(l, line)
		m.explicit = true
	} else {
		e, m.st, ok = m.o.keyLine(l, line)
	}
	if !ok || m.seen[e.key] {
		return false
	}
	m.seen[e.key] = true
	if m.cur >= 0 {
		m.entries[m.cur].val.end = l.start
	}
	m.entries = append(m.entries, e)
	m.cur = len(m.entries) - 1
	return true
}

// explicitKey reads "? key" where key is a scalar on that line.
func (o *outliner) explicitKey(l yLine, line int) (yEntry, bool) {
	pos := skipSpaces(o.doc, l.start+l.indent+1, l.end)
	e := yEntry{keyLine: line, keyCol: pos - l.start + 1, col: l.indent + 1}
	if pos == l.end {
		return e, false
	}
	var keyEnd int
	switch c := o.doc[pos]; {
	case c == '"' || c == '\'':
		q, closed := o.scanQuoted(pos, l.end)
		if !closed || !o.restIsEmpty(q, l.end) {
			return e, false
		}
		keyEnd = q
	case isIndicator(o.doc, pos, l.end):
		return e, false
	default:
		text := o.doc[pos:l.end]
		if bytes.Contains(text, []byte(": ")) || bytes.Contains(text, []byte(" #")) || bytes.HasSuffix(bytes.TrimRight(text, " "), []byte(":")) {
			return e, false
		}
		keyEnd = l.end
	}
	var ok bool
	e.key, e.text, ok = o.keyText(pos, keyEnd)
	return e, ok
}

// explicitValue reads the ": value" line that follows an explicit key.
func (m *mappingCut) explicitValue(l yLine, line int) bool {
	pos := l.start + l.indent
	if m.o.doc[pos] != ':' || pos+1 < l.end && m.o.doc[pos+1] != ' ' {
		return false
	}
	m.explicit = false
	e := &m.entries[m.cur]
	v := skipSpaces(m.o.doc, pos+1, l.end)
	if v == l.end || m.o.doc[v] == '#' {
		e.val = ySpan{start: l.next, end: l.next, line: line + 1, col: 1}
		m.st = lexState{}
		return true
	}
	e.val = ySpan{start: v, end: l.end, line: line, col: v - l.start + 1, inline: true, compact: true}
	var ok bool
	m.st, ok = m.o.lexLine(v, l.end, l.indent)
	return ok
}

// continues feeds line l to what the lines before it left open; fresh
// reports whether l starts anew. It is not ok for a continuation line that
// libyaml reads although YAML forbids it.
func (o *outliner) continues(st *lexState, l yLine) (fresh, ok bool) {
	switch st.kind {
	case '|':
		if l.blank || l.spaces > st.owner {
			return false, true
		}
	case 'p':
		if l.blank || l.indent > st.owner {
			return false, true
		}
	case '"', '\'', '[':
		if !l.blank && l.spaces <= st.owner {
			return false, false
		}
		var end int
		end, *st = o.resume(l.start+l.spaces, l.end, *st)
		return false, st.kind != 0 || o.restIsEmpty(end, l.end)
	}
	st.kind = 0
	return l.indent >= 0, true
}

// keyLine reads the key of a mapping entry on line l.
func (o *outliner) keyLine(l yLine, line int) (yEntry, lexState, bool) {
	pos := l.start + l.indent
	e := yEntry{keyLine: line, keyCol: l.indent + 1, col: l.indent + 1}
	keyEnd, colon, ok := o.scanKey(pos, l.end)
	if !ok {
		return e, lexState{}, false
	}
	if e.key, e.text, ok = o.keyText(pos, keyEnd); !ok {
		return e, lexState{}, false
	}
	v := skipSpaces(o.doc, colon+1, l.end)
	if v == l.end || o.doc[v] == '#' {
		e.val = ySpan{start: l.next, end: l.next, line: line + 1, col: 1}
		return e, lexState{}, true
	}
	e.val = ySpan{start: v, end: l.end, line: line, col: v - l.start + 1, inline: true}
	st, ok := o.lexValue(v, l.end, l.indent)
	return e, st, ok
}

// scanKey finds the end of the key at pos and its colon (followed by a
// space or the end of the line).
func (o *outliner) scanKey(pos, end int) (keyEnd, colon int, ok bool) {
	c := o.doc[pos]
	if c == '"' || c == '\'' {
		q, closed := o.scanQuoted(pos, end)
		if !closed {
			return 0, 0, false
		}
		keyEnd = q
		i := skipSpaces(o.doc, q, end)
		if i < end && o.doc[i] == ':' && (i+1 == end || o.doc[i+1] == ' ') {
			return keyEnd, i, true
		}
		return 0, 0, false
	}
	if isIndicator(o.doc, pos, end) {
		return 0, 0, false
	}
	for i := pos; i < end; i++ {
		switch {
		case o.doc[i] == ':' && (i+1 == end || o.doc[i+1] == ' '):
			return i, i, i > pos
		case o.doc[i] == '#' && o.doc[i-1] == ' ':
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// keyText is the key's string, as graphgen's conversion of the whole
// document would give it, and its text as yaml.v3's node holds it; false
// for a merge key.
func (o *outliner) keyText(pos, end int) (key, text string, ok bool) {
	raw := bytes.TrimRight(o.doc[pos:end], " ")
	switch {
	case raw[0] == '\'':
		key = string(bytes.ReplaceAll(raw[1:len(raw)-1], []byte("''"), []byte("'")))
		return key, key, true
	case string(raw) == "<<":
		return "", "", false
	case plainIsString(raw):
		return string(raw), string(raw), true
	}
	// A double-quoted key, or one YAML may read as another type (200, 1.0,
	// true, a date): as the whole conversion reads it.
	key, ok = yamlKeyString(raw)
	text = string(raw)
	if raw[0] == '"' {
		text = key
	}
	return key, text, ok
}

// plainIsString reports whether a plain scalar is certainly a string, as
// yaml.v3 resolves it: it starts with a letter, '/', '_' or '$' and is
// none of the words that are null or booleans.
func plainIsString(raw []byte) bool {
	c := raw[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '_' || c == '$') {
		return false
	}
	if len(raw) <= 5 {
		switch string(bytes.ToLower(raw)) {
		case "null", "true", "false", "y", "n", "yes", "no", "on", "off":
			return false
		}
	}
	return true
}

// lexValue lexes the value that starts at pos on a line whose entry is
// owned by column owner (0-based), and returns what it leaves open.
func (o *outliner) lexValue(pos, end, owner int) (lexState, bool) {
	for pos < end && (o.doc[pos] == '&' || o.doc[pos] == '!') {
		// An anchor or a tag: skip it to the node.
		for pos < end && o.doc[pos] != ' ' {
			pos++
		}
		pos = skipSpaces(o.doc, pos, end)
	}
	if pos == end || o.doc[pos] == '#' {
		return lexState{}, true
	}
	switch o.doc[pos] {
	case '|', '>':
		return lexState{kind: '|', owner: owner}, true
	case '"', '\'':
		q, closed := o.scanQuoted(pos, end)
		if !closed {
			return lexState{kind: o.doc[pos], owner: owner}, true
		}
		return lexState{}, o.restIsEmpty(q, end)
	case '[', '{':
		i, st := o.resume(pos, end, lexState{kind: '[', owner: owner})
		if st.kind == 0 && !o.restIsEmpty(i, end) {
			return st, false
		}
		return st, true
	}
	return lexState{kind: 'p', owner: owner}, true
}

// lexLine lexes a line inside a value: sequence dashes, an explicit key or
// value, a key, then the value.
func (o *outliner) lexLine(pos, end, col int) (lexState, bool) {
	for pos < end {
		c := o.doc[pos]
		if (c == '-' || c == '?' || c == ':') && (pos+1 == end || o.doc[pos+1] == ' ') {
			col = o.column(pos)
			pos = skipSpaces(o.doc, pos+1, end)
			continue
		}
		break
	}
	if pos == end || o.doc[pos] == '#' {
		return lexState{}, true
	}
	if keyEnd, colon, ok := o.scanKey(pos, end); ok && keyEnd > pos {
		col = o.column(pos)
		pos = skipSpaces(o.doc, colon+1, end)
	}
	return o.lexValue(pos, end, col)
}

// column is the 0-based column of pos.
func (o *outliner) column(pos int) int {
	return pos - (bytes.LastIndexByte(o.doc[:pos], '\n') + 1)
}

// isSeqItem reports whether a block sequence item starts at pos.
func (o *outliner) isSeqItem(pos int) bool {
	return o.doc[pos] == '-' && (pos+1 == len(o.doc) || o.doc[pos+1] == ' ' || o.doc[pos+1] == '\n' || o.doc[pos+1] == '\r')
}

// scanQuoted returns the position after the closing quote of the quoted
// scalar at pos, if it closes before end.
func (o *outliner) scanQuoted(pos, end int) (int, bool) {
	return o.quoteEnd(pos+1, end, o.doc[pos])
}

// quoteEnd returns the position after the quote q that closes a quoted
// scalar whose text goes on at pos, if it closes before end.
func (o *outliner) quoteEnd(pos, end int, q byte) (int, bool) {
	for i := pos; i < end; i++ {
		switch {
		case q == '"' && o.doc[i] == '\\':
			i++
		case q == '\'' && o.doc[i] == '\'' && i+1 < end && o.doc[i+1] == '\'':
			i++
		case o.doc[i] == q:
			return i + 1, true
		}
	}
	return end, false
}

// resume scans a flow collection or quoted scalar from pos, returning where
// it closed (kind 0) or that it is still open at end.
func (o *outliner) resume(pos, end int, st lexState) (int, lexState) {
	if st.kind == '"' || st.kind == '\'' {
		if i, closed := o.quoteEnd(pos, end, st.kind); closed {
			return i, lexState{}
		}
		return end, st
	}
	for i := pos; i < end; i++ {
		c := o.doc[i]
		switch {
		case st.quote != 0:
			switch {
			case st.quote == '"' && c == '\\':
				i++
			case st.quote == '\'' && c == '\'' && i+1 < end && o.doc[i+1] == '\'':
				i++
			case c == st.quote:
				st.quote = 0
			}
		case c == '"' || c == '\'':
			st.quote = c
		case c == '#' && (i == pos || o.doc[i-1] == ' '):
			return end, st
		case c == '[' || c == '{':
			st.depth++
		case c == ']' || c == '}':
			st.depth--
			if st.depth == 0 {
				return i + 1, lexState{}
			}
		}
	}
	return end, st
}

// restIsEmpty reports whether doc[pos:end] holds nothing but spaces and a
// comment.
func (o *outliner) restIsEmpty(pos, end int) bool {
	pos = skipSpaces(o.doc, pos, end)
	return pos == end || o.doc[pos] == '#' && o.doc[pos-1] == ' '
}

// isIndicator reports whether a plain scalar cannot start at pos.
func isIndicator(doc []byte, pos, end int) bool {
	switch doc[pos] {
	case '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		return true
	case '-', '?', ':':
		return pos+1 == end || doc[pos+1] == ' '
	}
	return false
}

func skipSpaces(doc []byte, pos, end int) int {
	for pos < end && doc[pos] == ' ' {
		pos++
	}
	return pos
}

// isDocumentMarker reports whether a line starts or ends a document.
func isDocumentMarker(line []byte) bool {
	return len(line) >= 3 && (string(line[:3]) == "---" || string(line[:3]) == "...") && (len(line) == 3 || line[3] == ' ' || line[3] == '\t')
}
