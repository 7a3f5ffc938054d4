package schema

import (
	"bytes"
	"sync"
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
	start   int // where the line of its key starts (of the "?" of an explicit key)
	key     string
	text    string // the key as yaml.v3's node holds it: key, or a plain key's text when YAML reads it as another type (1.0)
	keyLine int    // 1-based
	keyCol  int    // 1-based
	col     int    // 1-based column where the entry starts: keyCol, or the "?" of an explicit key
	val     ySpan
	sub     []yEntry // the value's entries, when it has been cut and is kept (see keepOutlineBytes)
}

// ySpan is the text of a value: doc[start:end], lines first to endLine
// (0-based, endLine excluded). inline is set when the value starts on its
// key's line, at column col; otherwise it starts at the beginning of line
// first. compact marks an inline value after an explicit key's ": ", which
// may be a block mapping. An empty span is a null value.
type ySpan struct {
	start, end     int
	first, endLine int
	col            int
	inline         bool
	compact        bool
}

// outliner cuts the block mappings of one document.
type outliner struct {
	doc   []byte
	table *lineTable
	keys  sync.Map // yamlKey's answers: the keys YAML may read as another type repeat (2XX, 200 in every operation)
}

// yamlKey is yamlKeyString, remembered.
func (o *outliner) yamlKey(raw []byte) (string, bool) {
	type answer struct {
		key string
		ok  bool
	}
	if a, ok := o.keys.Load(string(raw)); ok {
		return a.(answer).key, a.(answer).ok
	}
	key, ok := yamlKeyString(raw)
	o.keys.Store(string(raw), answer{key, ok})
	return key, ok
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

// lineTable is what one pass over the document learns of its lines: where
// each starts and, for each line that starts anew (not blank, not a
// comment, not inside a block scalar, a multi-line scalar or a flow
// collection), its indentation and the next such line at that indentation
// or left of it. Cutting a mapping then steps from entry to entry.
type lineTable struct {
	start  []int32 // byte offset of each line, and len(doc) after the last
	indent []int32 // of a fresh line; -1 for the others
	skip   []int32 // fresh line: the next fresh line at its indentation or less; other line: the next fresh line
}

func (t *lineTable) lines() int { return len(t.indent) }

// lex builds the line table of the document from byte from on; false when
// a line is one the outline cannot be sure of.
func (o *outliner) lex(from int) bool {
	if len(o.doc) >= 1<<31-1 || hasOtherBreaks(o.doc) {
		return false
	}
	t := &lineTable{}
	var st lexState
	for pos := 0; pos < len(o.doc); {
		l := o.lineAt(pos)
		t.start = append(t.start, int32(pos))
		pos = l.next
		if l.start < from {
			t.indent = append(t.indent, -1)
			continue
		}
		fresh, ok := o.continues(&st, l)
		if !ok {
			return false
		}
		if !fresh {
			t.indent = append(t.indent, -1)
			continue
		}
		if l.tab || l.indent == 0 && isDocumentMarker(o.doc[l.start:l.end]) {
			return false
		}
		if st, ok = o.lexLine(l.start+l.indent, l.end, l.indent); !ok {
			return false
		}
		t.indent = append(t.indent, int32(l.indent))
	}
	if st.kind == '"' || st.kind == '\'' || st.kind == '[' {
		return false
	}
	t.start = append(t.start, int32(len(o.doc)))
	t.skip = skips(t.indent)
	o.table = t
	return true
}

// skips computes lineTable.skip.
func skips(indent []int32) []int32 {
	n := int32(len(indent))
	skip := make([]int32, n)
	var open []int32 // fresh lines whose next line at their indentation or less is not found yet
	next := n
	for i := n - 1; i >= 0; i-- {
		if indent[i] < 0 {
			skip[i] = next
			continue
		}
		next = i
	}
	for i := int32(0); i < n; i++ {
		if indent[i] < 0 {
			continue
		}
		for len(open) > 0 && indent[open[len(open)-1]] >= indent[i] {
			skip[open[len(open)-1]] = i
			open = open[:len(open)-1]
		}
		open = append(open, i)
	}
	for _, i := range open {
		skip[i] = n
	}
	return skip
}

// after returns the first fresh line after line i at column col or left of
// it.
func (t *lineTable) after(i, col int) int {
	if int(t.indent[i]) == col {
		return int(t.skip[i])
	}
	j := i + 1
	for j < t.lines() && (t.indent[j] < 0 || int(t.indent[j]) > col) {
		j = int(t.skip[j])
	}
	return j
}

// firstFresh returns the first fresh line in [i, end), or end.
func (t *lineTable) firstFresh(i, end int) int {
	if i < end && t.indent[i] < 0 {
		i = int(t.skip[i])
	}
	return min(i, end)
}

// mapping cuts the block mapping whose first key is on line first at column
// col (0-based; right of the line's indentation for the value of an
// explicit key, "? key" then ": first: …") and which ends before line end;
// ok is false when the outline cannot be sure of its entries.
func (o *outliner) mapping(first, col, end int) ([]yEntry, bool) {
	t := o.table
	var entries []yEntry
	var seen map[string]bool // the keys, once there are many
	for i := first; i < end; {
		pos := int(t.start[i]) + col
		if i != first && int(t.indent[i]) != col || o.isSeqItem(pos) {
			return nil, false
		}
		e, j, ok := o.entry(i, pos, col, end)
		if !ok || seen[e.key] || seen == nil && hasKey(entries, e.key) {
			return nil, false
		}
		if seen == nil && len(entries) >= 16 {
			seen = map[string]bool{}
			for _, x := range entries {
				seen[x.key] = true
			}
		}
		if seen != nil {
			seen[e.key] = true
		}
		// A block sequence at its key's indentation belongs to that key.
		for j < end && int(t.indent[j]) == col && o.isSeqItem(int(t.start[j])+col) {
			if e.val.inline {
				return nil, false
			}
			j = int(t.skip[j])
		}
		e.val.end, e.val.endLine = int(t.start[min(j, end)]), min(j, end)
		entries = append(entries, e)
		i = j
	}
	return entries, true
}

// entry reads the entry whose key starts at pos on line i, and returns the
// first line after its key (and explicit value) at the mapping's column.
func (o *outliner) entry(i, pos, col, end int) (yEntry, int, bool) {
	t := o.table
	lineEnd := o.lineEnd(i)
	if o.doc[pos] != '?' || pos+1 < lineEnd && !isBlank(o.doc[pos+1]) {
		e, ok := o.keyLine(i, pos, lineEnd)
		return e, t.after(i, col), ok
	}
	e, ok := o.explicitKey(i, pos, lineEnd)
	j := t.after(i, col)
	if !ok || j >= end || int(t.indent[j]) != col {
		return e, j, false
	}
	// The ": value" line.
	pos = int(t.start[j]) + col
	lineEnd = o.lineEnd(j)
	if o.doc[pos] != ':' || pos+1 < lineEnd && !isBlank(o.doc[pos+1]) {
		return e, j, false
	}
	e.val = o.valueAfter(j, pos+1, lineEnd)
	e.val.compact = e.val.inline
	return e, t.after(j, col), true
}

// lineEnd is where line i's text ends, before its line break.
func (o *outliner) lineEnd(i int) int {
	end := int(o.table.start[i+1])
	if end > int(o.table.start[i]) && o.doc[end-1] == '\n' {
		end--
	}
	if end > int(o.table.start[i]) && o.doc[end-1] == '\r' {
		end--
	}
	return end
}

// explicitKey reads "? key" where key is a scalar on that line.
func (o *outliner) explicitKey(i, pos, lineEnd int) (yEntry, bool) {
	lineStart := int(o.table.start[i])
	e := yEntry{start: lineStart, keyLine: i + 1, col: pos - lineStart + 1}
	pos = skipSpaces(o.doc, pos+1, lineEnd)
	e.keyCol = pos - lineStart + 1
	if pos == lineEnd {
		return e, false
	}
	var keyEnd int
	switch c := o.doc[pos]; {
	case c == '"' || c == '\'':
		q, closed := o.scanQuoted(pos, lineEnd)
		if !closed || !o.restIsEmpty(q, lineEnd) {
			return e, false
		}
		keyEnd = q
	case isIndicator(o.doc, pos, lineEnd):
		return e, false
	default:
		text := o.doc[pos:lineEnd]
		if bytes.IndexByte(text, '\t') >= 0 || bytes.Contains(text, []byte(": ")) || bytes.Contains(text, []byte(" #")) || bytes.HasSuffix(bytes.TrimRight(text, " "), []byte(":")) {
			return e, false
		}
		keyEnd = lineEnd
	}
	var ok bool
	e.key, e.text, ok = o.keyText(pos, keyEnd)
	return e, ok
}

// keyLine reads the key of a mapping entry at pos on line i.
func (o *outliner) keyLine(i, pos, lineEnd int) (yEntry, bool) {
	lineStart := int(o.table.start[i])
	e := yEntry{start: lineStart, keyLine: i + 1, keyCol: pos - lineStart + 1, col: pos - lineStart + 1}
	keyEnd, colon, ok := o.scanKey(pos, lineEnd)
	if !ok {
		return e, false
	}
	if e.key, e.text, ok = o.keyText(pos, keyEnd); !ok {
		return e, false
	}
	e.val = o.valueAfter(i, colon+1, lineEnd)
	return e, true
}

// valueAfter is the span of the value that follows a colon at pos-1 on
// line i: on that line, or from the next line on.
func (o *outliner) valueAfter(i, pos, lineEnd int) ySpan {
	v := skipSpaces(o.doc, pos, lineEnd)
	if v == lineEnd || o.doc[v] == '#' {
		next := int(o.table.start[i+1])
		return ySpan{start: next, col: 1, first: i + 1}
	}
	return ySpan{start: v, col: v - int(o.table.start[i]) + 1, inline: true, first: i}
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
		if i < end && o.doc[i] == ':' && (i+1 == end || isBlank(o.doc[i+1])) {
			return keyEnd, i, true
		}
		return 0, 0, false
	}
	if isIndicator(o.doc, pos, end) {
		return 0, 0, false
	}
	for i := pos; i < end; i++ {
		switch {
		case o.doc[i] == ':' && (i+1 == end || isBlank(o.doc[i+1])):
			return i, i, i > pos
		case o.doc[i] == '#' && isBlank(o.doc[i-1]):
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// keyText is the key's string, as graphgen's conversion of the whole
// document would give it, and its text as yaml.v3's node holds it; false
// for a merge key.
func (o *outliner) keyText(pos, end int) (key, text string, ok bool) {
	raw := bytes.TrimRight(o.doc[pos:end], " \t")
	if !yamlPrintable(string(raw)) {
		return "", "", false
	}
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
	key, ok = o.yamlKey(raw)
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
		for pos < end && !isBlank(o.doc[pos]) {
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
		if (c == '-' || c == '?' || c == ':') && (pos+1 == end || isBlank(o.doc[pos+1])) {
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
	return o.doc[pos] == '-' && (pos+1 == len(o.doc) || isBlank(o.doc[pos+1]) || o.doc[pos+1] == '\n' || o.doc[pos+1] == '\r')
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
		case c == '#' && (i == pos || isBlank(o.doc[i-1])):
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
	return pos == end || o.doc[pos] == '#' && isBlank(o.doc[pos-1])
}

// isIndicator reports whether a plain scalar cannot start at pos.
func isIndicator(doc []byte, pos, end int) bool {
	switch doc[pos] {
	case '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		return true
	case '-', '?', ':':
		return pos+1 == end || isBlank(doc[pos+1])
	}
	return false
}

// isBlank reports whether c separates tokens on a line.
func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// skipSpaces skips the blanks at pos.
func skipSpaces(doc []byte, pos, end int) int {
	for pos < end && isBlank(doc[pos]) {
		pos++
	}
	return pos
}

// isDocumentMarker reports whether a line starts or ends a document.
func isDocumentMarker(line []byte) bool {
	return len(line) >= 3 && (string(line[:3]) == "---" || string(line[:3]) == "...") && (len(line) == 3 || line[3] == ' ' || line[3] == '\t')
}

// hasOtherBreaks reports whether a document breaks lines otherwise than
// with "\n" or "\r\n": YAML (and libyaml) also break at a lone "\r", at
// NEL, LS and PS, which the outline does not follow.
func hasOtherBreaks(doc []byte) bool {
	for i := bytes.IndexByte(doc, '\r'); i >= 0; {
		if i+1 == len(doc) || doc[i+1] != '\n' {
			return true
		}
		next := bytes.IndexByte(doc[i+1:], '\r')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return bytes.Contains(doc, []byte("\u0085")) || bytes.Contains(doc, []byte("\u2028")) || bytes.Contains(doc, []byte("\u2029"))
}
