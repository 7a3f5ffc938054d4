// Numbers: scanning number tokens and reading them as integers of a size,
// floats or verbatim text.

package support

import (
	"math"
	"math/bits"
	"strconv"
)

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
