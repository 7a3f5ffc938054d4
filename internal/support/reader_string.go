// Strings: scanning and validating string tokens eight bytes at a time,
// unescaping, and the arena that decoded strings share.

package support

import (
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

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
		return bytesString(out)
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
	return bytesString(r.copyBytes(s))
}

// Flags reported by scanString.
const (
	strEscape   uint8 = 1 << iota // the content has a backslash escape
	strNonASCII                   // the content has a byte >= 0x80
)

const (
	scanLo = 0x0101010101010101
	scanHi = 0x8080808080808080
)

// plainMask has the high bit of a byte of x set if the byte is < 0x20, '"',
// '\\' or >= 0x80, and maybe of bytes above such a byte (a borrow only ever
// reaches upwards): the lowest set bit is a real one. The reader's scan and
// the writer's copy both stop on it.
func plainMask(x uint64) uint64 {
	return ((x - 0x20*scanLo) | ((x ^ '"'*scanLo) - scanLo) | ((x ^ '\\'*scanLo) - scanLo) | x) & scanHi
}

// scanPlain returns the index of the first byte at or after i that is '"',
// '\\', a control character or non-ASCII, or len(data). It checks eight
// bytes at a time.
func scanPlain[T string | []byte](data T, i int) int {
	for ; i+8 <= len(data); i += 8 {
		b := data[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if t := plainMask(x); t != 0 {
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
