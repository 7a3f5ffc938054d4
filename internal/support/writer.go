package support

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
	"unicode/utf8"
	"unsafe"
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

// stringSlack is the room jsonAppendString keeps after what it has written:
// it stores whole words, and a word written past the end of the string is
// overwritten by what follows (or cut off by the final length).
const stringSlack = 8

// jsonAppendString appends s as a quoted JSON string, escaping like
// encoding/json without HTML escaping: '"', '\\' and control characters,
// U+2028 and U+2029 are escaped, and invalid UTF-8 bytes become \ufffd.
//
// It reads and writes in one pass, a word at a time: each word of s is
// stored into the room reserved for it and then checked, so a string with
// nothing to escape costs one load, one store and a few arithmetic
// operations per eight bytes, and no call. Scanning first and copying
// after (with memmove) read every string twice and cost a call per run;
// that was two fifths of encoding a page of cloudPCs and four fifths of
// encoding a message with an HTML body, which has an escape every 15 bytes.
func jsonAppendString(dst []byte, s string) []byte {
	n := len(dst)
	buf := reserve(dst, len(s)+2+stringSlack)
	return writeString(buf[:cap(buf)], n, s)
}

// appendKeyString appends a member whose value is a string: its
// separator, its key and the string, with one reservation for all three.
// key is a plan's (see encodePlan): quoted, with its colon, and followed
// in memory by at least 7 readable bytes, so that it is copied in words.
func appendKeyString(b []byte, key, s string) []byte {
	b = appendSep(b)
	n := len(b)
	buf := reserve(b, len(key)+7+len(s)+2+stringSlack)
	buf = buf[:cap(buf)]
	out := unsafe.Add(unsafe.Pointer(unsafe.SliceData(buf)), n)
	in := unsafe.Pointer(unsafe.StringData(key))
	for k := 0; k < len(key); k += 8 {
		storeWord(unsafe.Add(out, k), loadWord(unsafe.Add(in, k)))
	}
	return writeString(buf, n+len(key), s)
}

// writeString writes s quoted and escaped to buf at n and returns buf up to
// its end; buf has room for s, its quotes and stringSlack. It is the loop
// for strings with nothing to escape, most of Graph's, kept small so that
// its variables stay in registers; the first word with a byte to escape
// hands the rest to writeEscaped.
func writeString(buf []byte, n int, s string) []byte {
	_ = buf[n+len(s)+1] // the room, checked once
	out := unsafe.Pointer(unsafe.SliceData(buf))
	in := unsafe.Pointer(unsafe.StringData(s))
	*(*byte)(unsafe.Add(out, n)) = '"'
	n++
	switch m := len(s); {
	case m < 8:
		x := shortWord(s)
		storeWord(unsafe.Add(out, n), x)
		if plainMask(x)&(1<<(8*m)-1) != 0 {
			return writeEscaped(buf, n, s, 0)
		}
	case m <= 32:
		// Most of Graph's strings: two to four words that overlap, stored
		// and checked with one branch.
		first, last := loadWord(in), loadWord(unsafe.Add(in, m-8))
		storeWord(unsafe.Add(out, n), first)
		storeWord(unsafe.Add(out, n+m-8), last)
		t := plainMask(first) | plainMask(last)
		if m > 16 {
			x := loadWord(unsafe.Add(in, 8))
			storeWord(unsafe.Add(out, n+8), x)
			t |= plainMask(x)
			if m > 24 {
				x := loadWord(unsafe.Add(in, 16))
				storeWord(unsafe.Add(out, n+16), x)
				t |= plainMask(x)
			}
		}
		if t != 0 {
			return writeEscaped(buf, n, s, 0)
		}
	default:
		i := 0
		for ; i+16 <= m; i, n = i+16, n+16 {
			x, y := loadWord(unsafe.Add(in, i)), loadWord(unsafe.Add(in, i+8))
			storeWord(unsafe.Add(out, n), x)
			storeWord(unsafe.Add(out, n+8), y)
			if plainMask(x)|plainMask(y) != 0 {
				return writeEscaped(buf, n, s, i)
			}
		}
		if i+8 <= m {
			x := loadWord(unsafe.Add(in, i))
			storeWord(unsafe.Add(out, n), x)
			if plainMask(x) != 0 {
				return writeEscaped(buf, n, s, i)
			}
			i, n = i+8, n+8
		}
		// The last word of s again, over the bytes already written (which
		// are the same and have nothing to escape).
		x := loadWord(unsafe.Add(in, m-8))
		storeWord(unsafe.Add(out, n+m-i-8), x)
		if plainMask(x) != 0 {
			return writeEscaped(buf, n, s, i)
		}
		n -= i
	}
	n += len(s)
	*(*byte)(unsafe.Add(out, n)) = '"'
	return buf[:n+1]
}

// writeEscaped is writeString from s[i:], which has a byte to escape, at n.
// It reserves room for a segment of s at a time, as if every byte of the
// segment were escaped, so that an escape needs no check of its own: HTML
// bodies have one every 15 bytes or so.
func writeEscaped(buf []byte, n int, s string, i int) []byte {
	for i < len(s) {
		end := min(len(s), i+escapeSegment)
		if need := len(s) - i + 5*(end-i) + 1 + stringSlack; len(buf)-n < need {
			buf = reserve(buf[:n], need)
			buf = buf[:cap(buf)]
		}
		i, n = escapeSegmentOf(buf, n, s, i, end)
	}
	buf[n] = '"'
	return buf[:n+1]
}

// escapeSegment is how many bytes of a string writeEscaped reserves the
// room to escape at once: at most 6 bytes for each, so it bounds what is
// reserved beyond what a long string needs.
const escapeSegment = 1024

// escapeSegmentOf writes s from i, escaped, to buf at n, until the end of s
// or a position at or after end, and returns both positions. buf has room
// for what is left of s, 5 bytes more for each byte before end, the
// closing quote and stringSlack: an escape writes at most 6 bytes for 1.
func escapeSegmentOf(buf []byte, n int, s string, i, end int) (int, int) {
	out := unsafe.Pointer(unsafe.SliceData(buf))
	in := unsafe.Pointer(unsafe.StringData(s))
	for i < end {
		var t uint64
		if i+8 <= len(s) {
			x := loadWord(unsafe.Add(in, i))
			storeWord(unsafe.Add(out, n), x)
			if t = plainMask(x); t == 0 {
				i, n = i+8, n+8
				continue
			}
		} else {
			r := len(s) - i
			x := tailWord(s, i)
			storeWord(unsafe.Add(out, n), x)
			if t = plainMask(x) & (1<<(8*r) - 1); t == 0 {
				return len(s), n + r
			}
		}
		k := bits.TrailingZeros64(t) >> 3
		if i, n = i+k, n+k; i >= end {
			// An escape past the segment would spend room not reserved.
			break
		}
		e := escapes[s[i]]
		if e == 0 {
			i, n = appendRune(buf, n, s, i)
			continue
		}
		// Escapes come in runs ("\r\n\t" in an HTML body): the bytes after
		// one are looked up before a word is read again.
		for {
			storeWord(unsafe.Add(out, n), e)
			i, n = i+1, n+int(e>>56)
			if i >= end {
				break
			}
			if e = escapes[s[i]]; e == 0 {
				break
			}
		}
	}
	return i, n
}

// reserve returns b with room for at least more bytes after len(b),
// growing it as append does.
func reserve(b []byte, more int) []byte {
	if cap(b)-len(b) >= more {
		return b
	}
	return slices.Grow(b, more)
}

// tailWord is the last len(s)-i bytes of s, fewer than eight, as the low
// bytes of a word whose other bytes are zero.
func tailWord(s string, i int) uint64 {
	if len(s) >= 8 {
		// The last word of s, shifted so that its first bytes are the
		// ones left.
		return loadWord(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), len(s)-8)) >> (64 - 8*(len(s)-i))
	}
	return shortWord(s[i:])
}

// shortWord is s, shorter than eight bytes, as the low bytes of a word
// whose other bytes are zero.
func shortWord(s string) uint64 {
	in := unsafe.Pointer(unsafe.StringData(s))
	switch r := len(s); {
	case r >= 4:
		// Two halves that overlap: a byte in both is ORed with itself.
		return uint64(loadHalf(in)) | uint64(loadHalf(unsafe.Add(in, r-4)))<<(8*(r-4))
	case r == 0:
		return 0
	}
	return uint64(s[0]) | uint64(s[len(s)/2])<<(8*(len(s)/2)) | uint64(s[len(s)-1])<<(8*(len(s)-1))
}

// loadWord is the eight bytes at p, the first the lowest, loadHalf the
// four, and storeWord stores x so. They are written byte by byte, as encoding/binary's
// LittleEndian is, so that the compiler makes one load or store of each
// where the machine allows unaligned ones (amd64, arm64) and stays right
// where it does not.
func loadWord(p unsafe.Pointer) uint64 {
	b := (*[8]byte)(p)
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func loadHalf(p unsafe.Pointer) uint32 {
	b := (*[4]byte)(p)
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func storeWord(p unsafe.Pointer, x uint64) {
	b := (*[8]byte)(p)
	b[0], b[1], b[2], b[3] = byte(x), byte(x>>8), byte(x>>16), byte(x>>24)
	b[4], b[5], b[6], b[7] = byte(x>>32), byte(x>>40), byte(x>>48), byte(x>>56)
}

// escapes holds, for each byte, its escape sequence as a word (the first
// byte lowest) and its length in the top byte; 0 for an ASCII byte written
// as it is and for the bytes of non-ASCII characters (see appendRune).
var escapes = func() (t [256]uint64) {
	set := func(c byte, seq string) {
		var w uint64
		for k := len(seq) - 1; k >= 0; k-- {
			w = w<<8 | uint64(seq[k])
		}
		t[c] = w | uint64(len(seq))<<56
	}
	for c := byte(0); c < 0x20; c++ {
		set(c, string([]byte{'\\', 'u', '0', '0', jsonHexDigits[c>>4], jsonHexDigits[c&0xF]}))
	}
	for c, seq := range map[byte]string{'"': `\"`, '\\': `\\`, '\b': `\b`, '\f': `\f`, '\n': `\n`, '\r': `\r`, '\t': `\t`} {
		set(c, seq)
	}
	return t
}()

// appendRune writes the non-ASCII character of s at i to buf at n, escaped
// if it needs to be, and returns the positions after it; buf has room for
// 6 bytes for each of its bytes.
func appendRune(buf []byte, n int, s string, i int) (int, int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		return i + 1, n + copy(buf[n:], `\ufffd`)
	case r == '\u2028' || r == '\u2029':
		return i + size, n + copy(buf[n:], string([]byte{'\\', 'u', '2', '0', '2', jsonHexDigits[r&0xF]}))
	}
	return i + size, n + copy(buf[n:], s[i:i+size])
}
