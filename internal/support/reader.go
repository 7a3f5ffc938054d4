// The JSON reader: its state, and the structure of the input (objects,
// arrays, keys, literals). Strings, numbers, skipping and errors have
// files of their own: reader_string.go, reader_number.go, reader_skip.go
// and reader_error.go.

package support

import "unsafe"

// jsonDefaultMaxDepth is the nesting limit used when none is given; it matches
// encoding/json's.
const jsonDefaultMaxDepth = 10000

// jsonReader is a single-pass pull reader over an in-memory JSON document.
// The first error is sticky: once the reader has failed every read returns a
// zero value and every loop driver returns false, so decoders need not check
// for errors until finish.
type jsonReader struct {
	data     []byte
	pos      int
	depth    int
	maxDepth int
	err      *DecodeError
	pointed  bool   // err.Pointer has been computed
	keyBuf   []byte // unescaped keys (see nextKey)
	strBuf   []byte // unescaped string values before they are copied
	arena    []byte // the block decoded strings are copied into (see copyString)
	// maxValueBytes is DecodeOptions.MaxValueBytes, valueBytes what the
	// structs made so far take (see reserveValue).
	maxValueBytes, valueBytes int
	// types are the field guesses and item blocks of the values below
	// the root, by type (see valueTypeOf).
	types []valueType
	// ptrs and strs are the stacks the items of arrays of structs and of
	// strings gather on, and ptrChunk and strChunk the chunks their slices
	// are cut from (see popItems).
	ptrs     []unsafe.Pointer
	strs     []string
	ptrChunk []unsafe.Pointer
	strChunk []string
}

// jsonMark is a saved reader position, see mark and reset.
type jsonMark struct{ pos, depth int }

// newJSONReader returns a reader over data. maxDepth limits the nesting of
// objects and arrays; maxDepth <= 0 means 10000. The structs it creates
// are bounded by DefaultMaxValueBytes (see DecodeOptions).
func newJSONReader(data []byte, maxDepth int) *jsonReader {
	if maxDepth <= 0 {
		maxDepth = jsonDefaultMaxDepth
	}
	return &jsonReader{data: data, maxDepth: maxDepth, maxValueBytes: DefaultMaxValueBytes(len(data))}
}

// finish ends decoding of the top-level value: anything but whitespace after
// it is an error. It returns nil or the first *DecodeError.
func (r *jsonReader) finish() error {
	if r.err == nil {
		r.pos = jsonSkipWS(r.data, r.pos)
		if r.pos < len(r.data) {
			r.failf("invalid character %s after top-level value", jsonQuoteChar(r.data[r.pos]))
		}
	}
	if r.err == nil {
		return nil
	}
	if !r.pointed {
		r.pointed = true
		r.err.Pointer = pointerAt(r.data, int(r.err.Offset))
	}
	return r.err
}

// peekKind skips whitespace and classifies the next value: '{', '[', '"',
// 'n', 't', 'f', or '0' for a number. It returns 0 at the end of input, on a
// character that cannot start a value, or when the reader has failed.
func (r *jsonReader) peekKind() byte {
	if r.err != nil {
		return 0
	}
	r.pos = jsonSkipWS(r.data, r.pos)
	if r.pos >= len(r.data) {
		return 0
	}
	switch c := r.data[r.pos]; c {
	case '{', '[', '"', 'n', 't', 'f':
		return c
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return '0'
	}
	return 0
}

// mark saves the current position.
func (r *jsonReader) mark() jsonMark { return jsonMark{r.pos, r.depth} }

// reset rewinds to a position saved by mark. It does not clear an error.
func (r *jsonReader) reset(m jsonMark) {
	if m.pos >= 0 && m.pos <= len(r.data) {
		r.pos, r.depth = m.pos, m.depth
	}
}

// at skips whitespace and reports whether the next byte is c; if not, it
// fails with "expected what, found ...".
func (r *jsonReader) at(c byte, what string) bool {
	if r.err != nil {
		return false
	}
	r.pos = jsonSkipWS(r.data, r.pos)
	if r.pos < len(r.data) && r.data[r.pos] == c {
		return true
	}
	r.failExpect(r.pos, what)
	return false
}

// readNull consumes a null and reports true, or consumes nothing and reports
// false.
func (r *jsonReader) readNull() bool {
	if r.err != nil {
		return false
	}
	r.pos = jsonSkipWS(r.data, r.pos)
	if len(r.data)-r.pos >= 4 && string(r.data[r.pos:r.pos+4]) == "null" {
		r.pos += 4
		return true
	}
	return false
}

// readBool reads true or false.
func (r *jsonReader) readBool() bool {
	if r.err != nil {
		return false
	}
	r.pos = jsonSkipWS(r.data, r.pos)
	rest := r.data[r.pos:]
	if len(rest) >= 4 && string(rest[:4]) == "true" {
		r.pos += 4
		return true
	}
	if len(rest) >= 5 && string(rest[:5]) == "false" {
		r.pos += 5
		return false
	}
	switch {
	case len(rest) > 0 && rest[0] == 't':
		r.skipLiteral(r.pos, "true")
	case len(rest) > 0 && rest[0] == 'f':
		r.skipLiteral(r.pos, "false")
	default:
		r.failExpect(r.pos, "boolean")
	}
	return false
}

// enter opens a container at data[r.pos] (already checked).
func (r *jsonReader) enter() bool {
	if r.depth >= r.maxDepth {
		r.failf("nesting depth exceeds %d", r.maxDepth)
		return false
	}
	r.depth++
	r.pos++
	return true
}

// beginObject consumes '{'; members are then read with nextKey.
func (r *jsonReader) beginObject() bool {
	return r.at('{', "object") && r.enter()
}

// beginArray consumes '['; elements are then read with nextItem.
func (r *jsonReader) beginArray() bool {
	return r.at('[', "array") && r.enter()
}

// justOpened reports whether the last non-whitespace byte before the
// current position is open. A value never ends in '{' or '[', so this tells
// the first member of a container from the following ones without state.
func (r *jsonReader) justOpened(open byte) bool {
	i := r.pos - 1
	for i >= 0 && jsonIsSpace(r.data[i]) {
		i--
	}
	return i >= 0 && r.data[i] == open
}

// nextKey drives the loop over an object's members: it returns the next key
// (unescaped) after consuming its ':', or false once the closing '}' has been
// consumed or the reader has failed. The key is valid only until the next
// read (in practice: until the next nextKey or peekFirstKeyString, since
// other reads leave it alone).
func (r *jsonReader) nextKey() ([]byte, bool) {
	key, _, ok := r.nextKeyGuess("")
	return key, ok
}

// nextKeyGuess is nextKey for a member whose name is probably want (the
// field the member at this position went to in the previous item of the
// same type). When the key's text is exactly want, it is taken without
// scanning or unescaping it, and hit is true. want must be plain (see
// plainName): then a key whose text equals it is that name, escapes and
// all.
func (r *jsonReader) nextKeyGuess(want string) (key []byte, hit, ok bool) {
	if r.err != nil {
		return nil, false, false
	}
	data := r.data
	i := jsonSkipWS(data, r.pos)
	r.pos = i
	if i >= len(data) {
		r.failf("unexpected end of input")
		return nil, false, false
	}
	if data[i] == '}' {
		r.pos++
		r.depth--
		return nil, false, false
	}
	if !r.justOpened('{') {
		if data[i] != ',' {
			r.failExpect(i, "',' or '}' after object member")
			return nil, false, false
		}
		i = jsonSkipWS(data, i+1)
	}
	if i >= len(data) || data[i] != '"' {
		r.failExpect(i, "string key")
		return nil, false, false
	}
	var end int
	if n := len(want); n > 0 && i+n+1 < len(data) && data[i+1+n] == '"' && string(data[i+1:i+1+n]) == want {
		key, hit, end = data[i+1:i+1+n], true, i+n+2
	} else {
		var flags, code uint8
		end, flags, code = scanString(data, i)
		if code != scanOK {
			r.failScan(end, code)
			return nil, false, false
		}
		key = r.unquote(data[i+1:end-1], flags, &r.keyBuf)
	}
	i = jsonSkipWS(data, end)
	if i >= len(data) || data[i] != ':' {
		r.failExpect(i, "':' after object key")
		return nil, false, false
	}
	r.pos = i + 1
	return key, hit, true
}

// plainName reports whether a member name's JSON text is the name itself
// and nothing else can be: printable ASCII without a quote or backslash.
func plainName(name string) bool {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// nextItem drives the loop over an array's elements: it reports whether
// another element follows, or false once the closing ']' has been consumed
// or the reader has failed.
func (r *jsonReader) nextItem() bool {
	if r.err != nil {
		return false
	}
	data := r.data
	i := jsonSkipWS(data, r.pos)
	r.pos = i
	if i >= len(data) {
		r.failf("unexpected end of input")
		return false
	}
	if data[i] == ']' {
		r.pos++
		r.depth--
		return false
	}
	if r.justOpened('[') {
		return true
	}
	if data[i] != ',' {
		r.failExpect(i, "',' or ']' after array element")
		return false
	}
	i = jsonSkipWS(data, i+1)
	if i < len(data) && data[i] == ']' {
		r.failAt(i, "expected value after ',', found ']'")
		return false
	}
	r.pos = i
	return true
}

// peekFirstKeyString looks ahead, at the start of an object, for a first
// member with the given key and a string value, and returns that value,
// unescaped: the input's own bytes or the reader's string buffer, valid
// until the reader reads another string (a dispatch reads it at once, so a
// poly item costs no copy of its @odata.type). It never moves the position
// and never fails the reader.
func (r *jsonReader) peekFirstKeyString(key string) ([]byte, bool) {
	if r.err != nil {
		return nil, false
	}
	data := r.data
	i := jsonSkipWS(data, r.pos)
	if i >= len(data) || data[i] != '{' {
		return nil, false
	}
	i = jsonSkipWS(data, i+1)
	if i >= len(data) || data[i] != '"' {
		return nil, false
	}
	end, flags, code := scanString(data, i)
	if code != scanOK || string(r.unquote(data[i+1:end-1], flags, &r.keyBuf)) != key {
		return nil, false
	}
	i = jsonSkipWS(data, end)
	if i >= len(data) || data[i] != ':' {
		return nil, false
	}
	i = jsonSkipWS(data, i+1)
	if i >= len(data) || data[i] != '"' {
		return nil, false
	}
	end, flags, code = scanString(data, i)
	if code != scanOK {
		return nil, false
	}
	return r.unquote(data[i+1:end-1], flags, &r.strBuf), true
}

// Scanning primitives. They work on the whole input and an index so that the
// hot loops keep everything in registers.

const (
	scanOK uint8 = iota
	scanControl
	scanBadEscape
	scanBadHex
	scanBadNumber
	scanEOF
)

func jsonIsSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func isDigit(c byte) bool { return c-'0' < 10 }

// jsonSkipWS returns the index of the first non-whitespace byte at or after i.
func jsonSkipWS(data []byte, i int) int {
	for i < len(data) && data[i] <= ' ' && jsonIsSpace(data[i]) {
		i++
	}
	return i
}
