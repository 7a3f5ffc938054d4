// Errors of the JSON reader: DecodeError, and how the reader records the
// first error with its byte offset and, on demand, its JSON Pointer.

package support

import (
	"fmt"
	"strconv"
	"unicode/utf8"
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

func (r *jsonReader) failIntegral(start, end int, st uint8, kind string, bitSize int) {
	text := jsonClip(r.data[start:end])
	if st == parseFraction {
		r.failAt(start, "number %s is not an integer", text)
	} else {
		r.failAt(start, "number %s overflows %s%d", text, kind, bitSize)
	}
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
