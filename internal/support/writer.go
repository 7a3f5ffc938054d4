package support

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// The encoder appends compact JSON to a byte slice that it passes and
// returns by value, the way strconv's Append functions do. A slice held in
// registers costs nothing per append; one stored through a pointer to a
// writer costs a GC write barrier per append while a collection runs, which
// was about 8% of encoding a users page.
//
// Commas need no state either: a member or an item is preceded by ','
// unless the last byte written is its container's '{' or '[' (see
// appendSep), and no JSON value ends in either.

// appendSep appends the ',' that separates a member or an item from the one
// before it, if there is one.
func appendSep(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] != '{' && b[n-1] != '[' {
		b = append(b, ',')
	}
	return b
}

// appendKey appends a member's separator, its quoted name and its colon.
func appendKey(b []byte, name string) []byte {
	b = jsonAppendString(appendSep(b), name)
	return append(b, ':')
}

// appendQuotedKey is appendKey for a name already quoted and followed by
// its colon.
func appendQuotedKey(b []byte, quoted string) []byte {
	return append(appendSep(b), quoted...)
}

func appendNull(b []byte) []byte { return append(b, "null"...) }

// appendInt appends v, as a JSON string when quoted (IEEE754Compatible).
func appendInt(b []byte, v int64, quoted bool) []byte {
	if !quoted {
		return strconv.AppendInt(b, v, 10)
	}
	b = append(b, '"')
	b = strconv.AppendInt(b, v, 10)
	return append(b, '"')
}

// appendFloat appends f formatted as encoding/json does for a float of the
// given size (32 or 64): the shortest representation that reads back
// exactly, in exponent form only below 1e-6 or from 1e21 on. NaN and ±Inf,
// which JSON numbers cannot express, are written as the strings "NaN",
// "INF" and "-INF" that Graph uses.
func appendFloat(b []byte, f float64, bitSize int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(b, `"INF"`...)
	case math.IsInf(f, -1):
		return append(b, `"-INF"`...)
	}
	if bitSize != 32 {
		bitSize = 64
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bitSize == 64 && (abs < 1e-6 || abs >= 1e21) ||
			bitSize == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bitSize)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendNumberText appends a number literal verbatim, as a JSON string when
// quoted (IEEE754Compatible); the caller guarantees that it is valid.
func appendNumberText(b []byte, s string, quoted bool) []byte {
	if !quoted {
		return append(b, s...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

const jsonHexDigits = "0123456789abcdef"

// jsonAppendString appends s as a quoted JSON string, escaping like
// encoding/json without HTML escaping: '"', '\\' and control characters,
// U+2028 and U+2029 are escaped, and invalid UTF-8 bytes become \ufffd.
func jsonAppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		i = scanPlain(s, i)
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', jsonHexDigits[c>>4], jsonHexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			start = i + size
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', jsonHexDigits[r&0xF])
			start = i + size
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
