package support

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// DecodeError reports malformed or unexpected JSON: where (JSON Pointer and
// byte offset) and what.
type DecodeError struct {
	Pointer string // RFC 6901 JSON Pointer of the value being decoded, e.g. "/value/3/createdDateTime"; "" for the root
	Offset  int64  // byte offset in the input where the problem was found
	Msg     string // what went wrong, e.g. "expected string, found number"
}

// Error formats the error as
// `json: /value/3/createdDateTime (offset 123): expected string, found number`,
// or `json: offset 123: ...` when the problem is at the root value.
func (e *DecodeError) Error() string {
	off := strconv.FormatInt(e.Offset, 10)
	if e.Pointer == "" {
		return "json: offset " + off + ": " + e.Msg
	}
	return "json: " + e.Pointer + " (offset " + off + "): " + e.Msg
}

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
	// guesses are the field guesses of array items, by type (see
	// guessesFor).
	guesses []typeGuesses
}

// jsonMark is a saved reader position, see mark and reset.
type jsonMark struct{ pos, depth int }

// newJSONReader returns a reader over data. maxDepth limits the nesting of
// objects and arrays; maxDepth <= 0 means 10000.
func newJSONReader(data []byte, maxDepth int) *jsonReader {
	if maxDepth <= 0 {
		maxDepth = jsonDefaultMaxDepth
	}
	return &jsonReader{data: data, maxDepth: maxDepth}
}

// failed reports whether the reader has recorded an error.
func (r *jsonReader) failed() bool { return r.err != nil }

// failf records an error at the current offset unless one was recorded
// before.
func (r *jsonReader) failf(format string, args ...any) {
	r.failAt(r.pos, format, args...)
}

func (r *jsonReader) failAt(pos int, format string, args ...any) {
	if r.err != nil {
		return
	}
	if pos > len(r.data) {
		pos = len(r.data)
	}
	r.err = &DecodeError{Offset: int64(pos), Msg: fmt.Sprintf(format, args...)}
}

// failExpect reports that what was expected at data[i] but something else
// (or nothing) was found.
func (r *jsonReader) failExpect(i int, what string) {
	if i >= len(r.data) {
		r.failAt(i, "unexpected end of input")
		return
	}
	r.failAt(i, "expected %s, found %s", what, jsonDescribe(r.data[i]))
}

// failScan reports an error found by scanString or scanNumber at data[i].
func (r *jsonReader) failScan(i int, code uint8) {
	if i >= len(r.data) {
		r.failAt(i, "unexpected end of input")
		return
	}
	c := jsonQuoteChar(r.data[i])
	switch code {
	case scanControl:
		r.failAt(i, "invalid control character U+%04X in string", r.data[i])
	case scanBadEscape:
		r.failAt(i, "invalid character %s in string escape", c)
	case scanBadHex:
		r.failAt(i, "invalid character %s in \\u hexadecimal escape", c)
	case scanBadNumber:
		r.failAt(i, "invalid character %s in numeric literal", c)
	default:
		r.failAt(i, "invalid character %s", c)
	}
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

// unquote returns the unescaped content of a scanned string; it is s itself
// when no change is needed, else it is unescaped into *buf, which is given
// room for s first (the text mostly shrinks), so that a long string does
// not grow it by doubling.
func (r *jsonReader) unquote(s []byte, flags uint8, buf *[]byte) []byte {
	if !needsUnquote(s, flags) {
		return s
	}
	if cap(*buf) < len(s) {
		*buf = make([]byte, 0, len(s))
	}
	*buf = jsonUnescape((*buf)[:0], s)
	return *buf
}

// needsUnquote reports whether a scanned string has escapes or invalid
// UTF-8.
func needsUnquote(s []byte, flags uint8) bool {
	return flags&strEscape != 0 || flags&strNonASCII != 0 && !utf8.Valid(s)
}

// readString reads a string value, unescaping it. Lone surrogates and
// invalid UTF-8 become U+FFFD, as with encoding/json.
func (r *jsonReader) readString() string {
	if !r.at('"', "string") {
		return ""
	}
	end, flags, code := scanString(r.data, r.pos)
	if code != scanOK {
		r.failScan(end, code)
		return ""
	}
	raw := r.data[r.pos+1 : end-1]
	r.pos = end
	if len(raw) > jsonArenaMax/4 && needsUnquote(raw, flags) {
		// A long string gets its own allocation anyway: unescape into it.
		out := jsonUnescape(make([]byte, 0, len(raw)), raw)
		return unsafe.String(unsafe.SliceData(out), len(out))
	}
	return r.copyString(r.unquote(raw, flags, &r.strBuf))
}

// jsonArenaMax is the largest block decoded strings share.
const jsonArenaMax = 64 << 10

// copyBytes copies s into the reader's current block, so that the many
// short strings of a payload cost one allocation per block instead of one
// each. A block is never written again where it has been handed out, and
// the returned slice's capacity ends where s does, so appending to it
// copies. Strings longer than a quarter block get their own allocation.
// A value decoded from the payload keeps its whole block alive.
func (r *jsonReader) copyBytes(s []byte) []byte {
	n := len(s)
	if n > jsonArenaMax/4 {
		return append([]byte(nil), s...)
	}
	if cap(r.arena)-len(r.arena) < n {
		size := min(max(2*cap(r.arena), 4<<10), jsonArenaMax)
		r.arena = make([]byte, 0, size)
	}
	start := len(r.arena)
	r.arena = append(r.arena, s...)
	return r.arena[start:len(r.arena):len(r.arena)]
}

// copyString is copyBytes for a string.
func (r *jsonReader) copyString(s []byte) string {
	if len(s) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(r.copyBytes(s)), len(s))
}

// readNumberText reads a number and returns its text verbatim.
func (r *jsonReader) readNumberText() string {
	start, end, ok := r.number()
	if !ok {
		return ""
	}
	return r.copyString(r.data[start:end])
}

// number skips whitespace and scans a number token.
func (r *jsonReader) number() (start, end int, ok bool) {
	if r.err != nil {
		return 0, 0, false
	}
	data := r.data
	i := jsonSkipWS(data, r.pos)
	r.pos = i
	if i >= len(data) || (data[i] != '-' && !isDigit(data[i])) {
		r.failExpect(i, "number")
		return 0, 0, false
	}
	end, code := scanNumber(data, i)
	if code != scanOK {
		r.failScan(end, code)
		return 0, 0, false
	}
	r.pos = end
	return i, end, true
}

// readInt reads a number that is an exact integer in range for a signed
// integer of the given size (8, 16, 32 or 64 bits). Integral values written
// with a fraction or exponent, like 1.0 or 1e2, are accepted.
func (r *jsonReader) readInt(bitSize int) int64 {
	start, end, ok := r.number()
	if !ok {
		return 0
	}
	bitSize = jsonBits(bitSize)
	neg, mag, st := parseIntegral(r.data[start:end])
	limit := uint64(1) << (bitSize - 1)
	if st == parseOK && (mag > limit || mag == limit && !neg) {
		st = parseOverflow
	}
	if st != parseOK {
		r.failIntegral(start, end, st, "int", bitSize)
		return 0
	}
	if neg {
		return -int64(mag)
	}
	return int64(mag)
}

// readUint is readInt for unsigned integers.
func (r *jsonReader) readUint(bitSize int) uint64 {
	start, end, ok := r.number()
	if !ok {
		return 0
	}
	bitSize = jsonBits(bitSize)
	neg, mag, st := parseIntegral(r.data[start:end])
	if st == parseOK && (neg && mag != 0 || bitSize < 64 && mag >= 1<<bitSize) {
		st = parseOverflow
	}
	if st != parseOK {
		r.failIntegral(start, end, st, "uint", bitSize)
		return 0
	}
	return mag
}

func (r *jsonReader) failIntegral(start, end int, st uint8, kind string, bitSize int) {
	text := jsonClip(r.data[start:end])
	if st == parseFraction {
		r.failAt(start, "number %s is not an integer", text)
	} else {
		r.failAt(start, "number %s overflows %s%d", text, kind, bitSize)
	}
}

// readFloat reads a number as a float of the given size (32 or 64). It also
// accepts the strings "INF", "-INF" and "NaN", as Graph writes them for
// ReferenceNumeric values.
func (r *jsonReader) readFloat(bitSize int) float64 {
	if r.err != nil {
		return 0
	}
	data := r.data
	i := jsonSkipWS(data, r.pos)
	r.pos = i
	if i < len(data) && data[i] == '"' {
		end, flags, code := scanString(data, i)
		if code == scanOK && flags == 0 {
			f := 0.0
			switch string(data[i+1 : end-1]) {
			case "INF":
				f = math.Inf(1)
			case "-INF":
				f = math.Inf(-1)
			case "NaN":
				f = math.NaN()
			default:
				code = scanBadNumber
			}
			if code == scanOK {
				r.pos = end
				return f
			}
		}
		r.failAt(i, "expected number or \"INF\", \"-INF\", \"NaN\", found string")
		return 0
	}
	start, end, ok := r.number()
	if !ok {
		return 0
	}
	if bitSize != 32 {
		bitSize = 64
	}
	f, err := strconv.ParseFloat(string(data[start:end]), bitSize)
	if err != nil {
		r.failAt(start, "number %s overflows float%d", jsonClip(data[start:end]), bitSize)
		return 0
	}
	return f
}

// readRaw reads exactly one value of any kind, fully validating it, and
// returns a copy of its bytes.
func (r *jsonReader) readRaw() []byte {
	if r.err != nil {
		return nil
	}
	start := jsonSkipWS(r.data, r.pos)
	if !r.skipValue() {
		return nil
	}
	return r.copyBytes(r.data[start:r.pos])
}

// skipValue is readRaw without the copy. It does not recurse, so the nesting
// depth is bounded only by maxDepth (counted from the current depth).
func (r *jsonReader) skipValue() bool {
	if r.err != nil {
		return false
	}
	data := r.data
	i := r.pos
	depth := 0 // nesting relative to r.depth
	var small [8]uint64
	arrays := small[:] // bit d set: the container at relative depth d is an array
	for {
		// A value is expected at i.
		i = jsonSkipWS(data, i)
		if i >= len(data) {
			r.failAt(i, "unexpected end of input")
			return false
		}
		switch c := data[i]; c {
		case '{', '[':
			if r.depth+depth >= r.maxDepth {
				r.failAt(i, "nesting depth exceeds %d", r.maxDepth)
				return false
			}
			w := depth >> 6
			for w >= len(arrays) {
				arrays = append(arrays, 0)
			}
			if c == '[' {
				arrays[w] |= 1 << (depth & 63)
			} else {
				arrays[w] &^= 1 << (depth & 63)
			}
			depth++
			i = jsonSkipWS(data, i+1)
			if i < len(data) && data[i] == c+2 { // '}' or ']'
				i++
				depth--
				break
			}
			if c == '{' {
				if i = r.skipKey(data, i, "string key or '}'"); i < 0 {
					return false
				}
			}
			continue
		case '"':
			end, _, code := scanString(data, i)
			if code != scanOK {
				r.failScan(end, code)
				return false
			}
			i = end
		case 't':
			if i = r.skipLiteral(i, "true"); i < 0 {
				return false
			}
		case 'f':
			if i = r.skipLiteral(i, "false"); i < 0 {
				return false
			}
		case 'n':
			if i = r.skipLiteral(i, "null"); i < 0 {
				return false
			}
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			end, code := scanNumber(data, i)
			if code != scanOK {
				r.failScan(end, code)
				return false
			}
			i = end
		default:
			r.failAt(i, "invalid character %s looking for beginning of value", jsonQuoteChar(c))
			return false
		}
		// A value ended at i: close finished containers, then find the
		// start of the next value.
		for {
			if depth == 0 {
				r.pos = i
				return true
			}
			i = jsonSkipWS(data, i)
			if i >= len(data) {
				r.failAt(i, "unexpected end of input")
				return false
			}
			d := depth - 1
			isArray := arrays[d>>6]&(1<<(d&63)) != 0
			c := data[i]
			if c == ',' {
				if !isArray {
					if i = r.skipKey(data, jsonSkipWS(data, i+1), "string key"); i < 0 {
						return false
					}
				} else {
					i++
				}
				break
			}
			if isArray && c == ']' || !isArray && c == '}' {
				i++
				depth--
				continue
			}
			if isArray {
				r.failExpect(i, "',' or ']' after array element")
			} else {
				r.failExpect(i, "',' or '}' after object member")
			}
			return false
		}
	}
}

// skipKey scans an object key and its ':' at data[i], returning the index
// after the colon, or -1 after failing.
func (r *jsonReader) skipKey(data []byte, i int, what string) int {
	if i >= len(data) || data[i] != '"' {
		r.failExpect(i, what)
		return -1
	}
	end, _, code := scanString(data, i)
	if code != scanOK {
		r.failScan(end, code)
		return -1
	}
	i = jsonSkipWS(data, end)
	if i >= len(data) || data[i] != ':' {
		r.failExpect(i, "':' after object key")
		return -1
	}
	return i + 1
}

// skipLiteral matches lit at data[i], returning the index after it, or -1
// after failing.
func (r *jsonReader) skipLiteral(i int, lit string) int {
	for k := 0; k < len(lit); k++ {
		if i+k >= len(r.data) {
			r.failAt(i+k, "unexpected end of input")
			return -1
		}
		if r.data[i+k] != lit[k] {
			r.failAt(i+k, "invalid character %s in literal %s (expecting '%c')", jsonQuoteChar(r.data[i+k]), lit, lit[k])
			return -1
		}
	}
	return i + len(lit)
}

// peekFirstKeyString looks ahead, at the start of an object, for a first
// member with the given key and a string value, and returns that value. It
// never moves the position and never fails the reader.
func (r *jsonReader) peekFirstKeyString(key string) (string, bool) {
	if r.err != nil {
		return "", false
	}
	data := r.data
	i := jsonSkipWS(data, r.pos)
	if i >= len(data) || data[i] != '{' {
		return "", false
	}
	i = jsonSkipWS(data, i+1)
	if i >= len(data) || data[i] != '"' {
		return "", false
	}
	end, flags, code := scanString(data, i)
	if code != scanOK || string(r.unquote(data[i+1:end-1], flags, &r.keyBuf)) != key {
		return "", false
	}
	i = jsonSkipWS(data, end)
	if i >= len(data) || data[i] != ':' {
		return "", false
	}
	i = jsonSkipWS(data, i+1)
	if i >= len(data) || data[i] != '"' {
		return "", false
	}
	end, flags, code = scanString(data, i)
	if code != scanOK {
		return "", false
	}
	return string(r.unquote(data[i+1:end-1], flags, &r.strBuf)), true
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

// Flags reported by scanString.
const (
	strEscape   uint8 = 1 << iota // the content has a backslash escape
	strNonASCII                   // the content has a byte >= 0x80
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

const (
	scanLo = 0x0101010101010101
	scanHi = 0x8080808080808080
)

// scanPlain returns the index of the first byte at or after i that is '"',
// '\\', a control character or non-ASCII, or len(data). It checks eight
// bytes at a time.
func scanPlain[T string | []byte](data T, i int) int {
	for ; i+8 <= len(data); i += 8 {
		b := data[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		// A byte's high bit is set in t if the byte is < 0x20, '"', '\\'
		// or >= 0x80; borrows only ever reach bytes above such a byte, so
		// the lowest flagged byte is a real one.
		t := (x - 0x20*scanLo) | ((x ^ '"'*scanLo) - scanLo) | ((x ^ '\\'*scanLo) - scanLo) | x
		if t &= scanHi; t != 0 {
			return i + bits.TrailingZeros64(t)>>3
		}
	}
	for ; i < len(data); i++ {
		if c := data[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x80 {
			return i
		}
	}
	return i
}

// scanString scans the string token starting with the quote at data[i]. On
// success it returns the index after the closing quote; otherwise the index
// of the offending byte (or len(data)) and an error code.
func scanString(data []byte, i int) (end int, flags, code uint8) {
	i++
	for {
		i = scanPlain(data, i)
		if i >= len(data) {
			return i, flags, scanEOF
		}
		switch c := data[i]; {
		case c == '"':
			return i + 1, flags, scanOK
		case c == '\\':
			flags |= strEscape
			if i+1 >= len(data) {
				return i + 1, flags, scanEOF
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				for k := i + 2; k < i+6; k++ {
					if k >= len(data) {
						return k, flags, scanEOF
					}
					if jsonHexVal(data[k]) < 0 {
						return k, flags, scanBadHex
					}
				}
				i += 6
			default:
				return i + 1, flags, scanBadEscape
			}
		case c < 0x20:
			return i, flags, scanControl
		default:
			flags |= strNonASCII
			i++
		}
	}
}

// scanNumber scans the number token starting at data[i] per the JSON
// grammar. On success it returns the index after it; otherwise the index of
// the offending byte (or len(data)) and an error code.
func scanNumber[T string | []byte](data T, i int) (int, uint8) {
	n := len(data)
	if i < n && data[i] == '-' {
		i++
	}
	if i >= n {
		return i, scanEOF
	}
	switch c := data[i]; {
	case c == '0':
		i++
	case c >= '1' && c <= '9':
		for i++; i < n && isDigit(data[i]); i++ {
		}
	default:
		return i, scanBadNumber
	}
	if i < n && data[i] == '.' {
		i++
		if i >= n {
			return i, scanEOF
		}
		if !isDigit(data[i]) {
			return i, scanBadNumber
		}
		for i++; i < n && isDigit(data[i]); i++ {
		}
	}
	if i < n && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < n && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= n {
			return i, scanEOF
		}
		if !isDigit(data[i]) {
			return i, scanBadNumber
		}
		for i++; i < n && isDigit(data[i]); i++ {
		}
	}
	return i, scanOK
}

func jsonHexVal(c byte) rune {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0')
	case c >= 'a' && c <= 'f':
		return rune(c - 'a' + 10)
	case c >= 'A' && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// jsonHex4 decodes the \uXXXX escape at s[i:], or returns -1.
func jsonHex4(s []byte, i int) rune {
	if i < 0 || i+6 > len(s) || s[i] != '\\' || s[i+1] != 'u' {
		return -1
	}
	var v rune
	for _, c := range s[i+2 : i+6] {
		h := jsonHexVal(c)
		if h < 0 {
			return -1
		}
		v = v<<4 | h
	}
	return v
}

// jsonUnescape appends the unescaped form of string content s to dst. Lone
// surrogates and invalid UTF-8 become U+FFFD. Malformed escapes (possible
// only in unvalidated input) are copied verbatim.
func jsonUnescape(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		if j := scanPlain(s, i); j > i {
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			var e byte
			switch s[i+1] {
			case '"', '\\', '/':
				e = s[i+1]
			case 'b':
				e = '\b'
			case 'f':
				e = '\f'
			case 'n':
				e = '\n'
			case 'r':
				e = '\r'
			case 't':
				e = '\t'
			case 'u':
				if r1 := jsonHex4(s, i); r1 >= 0 {
					i += 6
					if utf16.IsSurrogate(r1) {
						if r2 := jsonHex4(s, i); r2 >= 0 {
							if d := utf16.DecodeRune(r1, r2); d != utf8.RuneError {
								dst = utf8.AppendRune(dst, d)
								i += 6
								continue
							}
						}
						r1 = utf8.RuneError
					}
					dst = utf8.AppendRune(dst, r1)
					continue
				}
			}
			if e != 0 {
				dst = append(dst, e)
				i += 2
				continue
			}
		}
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		ru, size := utf8.DecodeRune(s[i:])
		if ru == utf8.RuneError && size == 1 {
			dst = append(dst, "\uFFFD"...)
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// Integer parsing for readInt and readUint.

const (
	parseOK uint8 = iota
	parseFraction
	parseOverflow
)

// parseIntegral parses a valid JSON number token as an exact integer
// magnitude. Forms like 1.0, 1e2 and 1.50e1 are integral; overflow means
// the magnitude exceeds a uint64.
func parseIntegral(s []byte) (neg bool, mag uint64, st uint8) {
	i := 0
	if len(s) > 0 && s[0] == '-' {
		neg = true
		i = 1
	}
	// Fast path: plain integers of up to 19 digits.
	if n := len(s) - i; n > 0 && n <= 19 {
		var v uint64
		j := i
		for ; j < len(s) && isDigit(s[j]); j++ {
			v = v*10 + uint64(s[j]-'0')
		}
		if j == len(s) {
			return neg, v, parseOK
		}
	}
	intStart := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	intPart := s[intStart:i]
	var frac []byte
	if i < len(s) && s[i] == '.' {
		fs := i + 1
		for i = fs; i < len(s) && isDigit(s[i]); i++ {
		}
		frac = s[fs:i]
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		expNeg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			expNeg = s[i] == '-'
			i++
		}
		for ; i < len(s) && isDigit(s[i]); i++ {
			if exp < 1<<30 {
				exp = exp*10 + int(s[i]-'0')
			}
		}
		if expNeg {
			exp = -exp
		}
	}
	// The value is digits(intPart ++ frac) * 10^e.
	digit := func(k int) byte {
		if k < len(intPart) {
			return intPart[k]
		}
		return frac[k-len(intPart)]
	}
	nd := len(intPart) + len(frac)
	e := exp - len(frac)
	for e < 0 && nd > 0 && digit(nd-1) == '0' {
		nd--
		e++
	}
	first := 0
	for first < nd && digit(first) == '0' {
		first++
	}
	if first == nd {
		return neg, 0, parseOK
	}
	if e < 0 {
		return neg, 0, parseFraction
	}
	if nd-first+e > 20 {
		return neg, 0, parseOverflow
	}
	for k := first; k < nd+e; k++ {
		d := uint64(0)
		if k < nd {
			d = uint64(digit(k) - '0')
		}
		hi, lo := bits.Mul64(mag, 10)
		lo, carry := bits.Add64(lo, d, 0)
		if hi != 0 || carry != 0 {
			return neg, 0, parseOverflow
		}
		mag = lo
	}
	return neg, mag, parseOK
}

func jsonBits(bitSize int) int {
	switch bitSize {
	case 8, 16, 32:
		return bitSize
	}
	return 64
}

// jsonClip returns a token's text for an error message, shortened if long.
func jsonClip(b []byte) string {
	if len(b) > 40 {
		return string(b[:37]) + "..."
	}
	return string(b)
}

// jsonDescribe names the kind of value that starts with c, for messages like
// "expected string, found number".
func jsonDescribe(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "number"
	case '}', ']', ',', ':':
		return "'" + string(rune(c)) + "'"
	}
	return "invalid character " + jsonQuoteChar(c)
}

// jsonQuoteChar formats a byte for an error message: 'x', '\n', '\xff'.
func jsonQuoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c < utf8.RuneSelf {
		return strconv.QuoteRuneToASCII(rune(c))
	}
	return "'\\x" + strconv.FormatUint(uint64(c), 16) + "'"
}

// pointerAt rescans data from the start and returns the RFC 6901 JSON
// Pointer of the innermost value containing offset (an offset at the end of
// a number or literal counts as inside it). It is used only to describe
// errors, so it tolerates malformed data after offset.
func pointerAt(data []byte, offset int) string {
	type frame struct {
		array   bool
		inValue bool   // the current member or element has begun
		index   int    // arrays: current element index
		key     []byte // objects: current member key
	}
	var stack []frame
	if offset > len(data) {
		offset = len(data)
	}
	i := 0
scan:
	for {
		i = jsonSkipWS(data, i)
		if i >= offset {
			break
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch c := data[i]; c {
		case '{', '[':
			stack = append(stack, frame{array: c == '[', inValue: c == '['})
			i++
		case '}', ']':
			if top != nil {
				stack = stack[:len(stack)-1]
				if len(stack) > 0 {
					stack[len(stack)-1].inValue = false
				}
			}
			i++
		case ',':
			if top != nil {
				if top.array {
					top.index++
				}
				top.inValue = top.array
			}
			i++
		case ':':
			if top != nil && !top.array {
				top.inValue = true
			}
			i++
		case '"':
			end, _, code := scanString(data, i)
			isKey := top != nil && !top.array && !top.inValue
			if code != scanOK || offset < end {
				if isKey || offset > end {
					// Inside a key, or malformed data before the offset:
					// report the enclosing value.
					if top != nil {
						top.inValue = false
					}
				}
				break scan
			}
			if isKey {
				top.key = jsonUnescape(top.key[:0], data[i+1:end-1])
			} else if top != nil {
				top.inValue = false
			}
			i = end
		default:
			j := i + 1
			for j < len(data) && !jsonIsDelim(data[j]) {
				j++
			}
			if offset <= j {
				break scan
			}
			if top != nil {
				top.inValue = false
			}
			i = j
		}
	}
	var p []byte
	for k := range stack {
		f := &stack[k]
		if !f.inValue {
			continue
		}
		p = append(p, '/')
		if f.array {
			p = strconv.AppendInt(p, int64(f.index), 10)
			continue
		}
		for _, c := range f.key {
			switch c {
			case '~':
				p = append(p, "~0"...)
			case '/':
				p = append(p, "~1"...)
			default:
				p = append(p, c)
			}
		}
	}
	return string(p)
}

func jsonIsDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ':', '[', ']', '{', '}', '"':
		return true
	}
	return false
}
