package support

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// jsonWriter appends compact JSON to a byte slice. A single flag tracks
// whether the next value needs a separating comma: every value (and '{',
// '[') is preceded by ',' when needComma is set, key and '{'/'[' clear it,
// and finishing a value sets it.
type jsonWriter struct {
	buf       []byte
	needComma bool
	// impliedType is the @odata.type to write into the next object when it
	// has none: set when a subtype is written where its base is expected.
	impliedType string
	// ieee754 writes Edm.Int64 and Edm.Decimal values as JSON strings
	// (EncodeOptions.IEEE754Compatible).
	ieee754 bool
}

// newJSONWriter returns a writer that appends to buf.
func newJSONWriter(buf []byte) *jsonWriter { return &jsonWriter{buf: buf} }

// bytes returns the JSON written so far.
func (w *jsonWriter) bytes() []byte { return w.buf }

func (w *jsonWriter) comma() {
	if w.needComma {
		w.buf = append(w.buf, ',')
	}
}

func (w *jsonWriter) beginObject() {
	w.comma()
	w.buf = append(w.buf, '{')
	w.needComma = false
}

func (w *jsonWriter) endObject() {
	w.buf = append(w.buf, '}')
	w.needComma = true
}

func (w *jsonWriter) beginArray() {
	w.comma()
	w.buf = append(w.buf, '[')
	w.needComma = false
}

func (w *jsonWriter) endArray() {
	w.buf = append(w.buf, ']')
	w.needComma = true
}

// key writes a member name and its colon.
func (w *jsonWriter) key(name string) {
	w.comma()
	w.buf = jsonAppendString(w.buf, name)
	w.buf = append(w.buf, ':')
	w.needComma = false
}

// quotedKey writes a member name already quoted and followed by its colon.
func (w *jsonWriter) quotedKey(quoted string) {
	w.comma()
	w.buf = append(w.buf, quoted...)
	w.needComma = false
}

func (w *jsonWriter) writeNull() {
	w.comma()
	w.buf = append(w.buf, "null"...)
	w.needComma = true
}

func (w *jsonWriter) writeString(s string) {
	w.comma()
	w.buf = jsonAppendString(w.buf, s)
	w.needComma = true
}

func (w *jsonWriter) writeBool(b bool) {
	w.comma()
	w.buf = strconv.AppendBool(w.buf, b)
	w.needComma = true
}

// writeInt writes v, as a JSON string when quoted (IEEE754Compatible).
func (w *jsonWriter) writeInt(v int64, quoted bool) {
	w.comma()
	if quoted {
		w.buf = append(w.buf, '"')
		w.buf = strconv.AppendInt(w.buf, v, 10)
		w.buf = append(w.buf, '"')
	} else {
		w.buf = strconv.AppendInt(w.buf, v, 10)
	}
	w.needComma = true
}

func (w *jsonWriter) writeUint(v uint64) {
	w.comma()
	w.buf = strconv.AppendUint(w.buf, v, 10)
	w.needComma = true
}

// writeFloat writes f formatted as encoding/json does for a float of the
// given size (32 or 64): the shortest representation that reads back
// exactly, in exponent form only below 1e-6 or from 1e21 on. NaN and ±Inf,
// which JSON numbers cannot express, are written as the strings "NaN",
// "INF" and "-INF" that Graph uses.
func (w *jsonWriter) writeFloat(f float64, bitSize int) {
	w.comma()
	w.needComma = true
	switch {
	case math.IsNaN(f):
		w.buf = append(w.buf, `"NaN"`...)
		return
	case math.IsInf(f, 1):
		w.buf = append(w.buf, `"INF"`...)
		return
	case math.IsInf(f, -1):
		w.buf = append(w.buf, `"-INF"`...)
		return
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
	b := strconv.AppendFloat(w.buf, f, format, -1, bitSize)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	w.buf = b
}

// writeNumberText writes a number literal verbatim, as a JSON string when
// quoted (IEEE754Compatible); the caller guarantees that it is valid.
func (w *jsonWriter) writeNumberText(s string, quoted bool) {
	w.comma()
	if quoted {
		w.buf = append(w.buf, '"')
		w.buf = append(w.buf, s...)
		w.buf = append(w.buf, '"')
	} else {
		w.buf = append(w.buf, s...)
	}
	w.needComma = true
}

// writeRaw writes an already-valid JSON value verbatim.
func (w *jsonWriter) writeRaw(raw []byte) {
	w.comma()
	w.buf = append(w.buf, raw...)
	w.needComma = true
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
