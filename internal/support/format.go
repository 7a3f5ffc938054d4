package support

import (
	"encoding/base64"
	"errors"
	"math"
	"math/bits"
	"strconv"
	"time"
)

// The types below keep the exact text Graph sent, so that a value decodes
// and encodes back byte for byte, and offer typed access to it. Valid
// reports whether the text matches the format Graph declares.

// DateTime holds an Edm.DateTimeOffset as text, e.g.
// "2024-05-01T13:45:30.1234567Z" or "2024-05-01T15:45:30+02:00".
type DateTime string

// DateTimeOf formats t as RFC 3339 with nanoseconds, trailing zeros of the
// fraction trimmed, and "Z" for a zero offset. A time whose offset is not a
// whole number of minutes, or is 100 hours or more, is written in UTC.
func DateTimeOf(t time.Time) DateTime {
	if _, off := t.Zone(); off%60 != 0 || off <= -100*3600 || off >= 100*3600 {
		t = t.UTC()
	}
	return DateTime(t.Format(time.RFC3339Nano))
}

// Valid reports whether d matches Graph's pattern for date-times and names
// a real calendar day.
func (d DateTime) Valid() bool {
	_, ok := parseDateTimeText(string(d))
	return ok
}

// Time parses d. Fractions beyond nanoseconds (Graph allows 12 digits) are
// truncated; a numeric offset gives a time.FixedZone location, "Z" gives UTC.
func (d DateTime) Time() (time.Time, error) {
	p, ok := parseDateTimeText(string(d))
	if !ok {
		return time.Time{}, fmtInvalid("DateTime", string(d))
	}
	if p.year >= parseYearLimit {
		return time.Time{}, fmtOutOfRange("DateTime", string(d))
	}
	loc := time.UTC
	if !p.utc {
		loc = time.FixedZone("", p.offset)
	}
	return time.Date(p.year, time.Month(p.month), p.day, p.hour, p.minute, p.second, p.nsec, loc), nil
}

// Date holds an Edm.Date as text, e.g. "2024-02-29".
type Date string

// DateOf formats the calendar date of t in t's location.
func DateOf(t time.Time) Date { return Date(t.Format(time.DateOnly)) }

// Valid reports whether d matches Graph's pattern for dates and names a real
// calendar day.
func (d Date) Valid() bool {
	_, _, _, n, ok := parseDatePart(string(d))
	return ok && n == len(d)
}

// Time returns midnight UTC of d.
func (d Date) Time() (time.Time, error) {
	y, m, day, n, ok := parseDatePart(string(d))
	if !ok || n != len(d) {
		return time.Time{}, fmtInvalid("Date", string(d))
	}
	if y >= parseYearLimit {
		return time.Time{}, fmtOutOfRange("Date", string(d))
	}
	return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC), nil
}

// TimeOfDay holds an Edm.TimeOfDay as text, e.g. "13:45:30.5".
type TimeOfDay string

// TimeOfDayOf formats d, a time since midnight, as hh:mm:ss with a fraction
// trimmed of trailing zeros; d is taken modulo 24 hours.
func TimeOfDayOf(d time.Duration) TimeOfDay {
	d %= 24 * time.Hour
	if d < 0 {
		d += 24 * time.Hour
	}
	ns := int64(d)
	b := make([]byte, 0, 18)
	b = fmtAppend2(b, ns/int64(time.Hour))
	b = append(b, ':')
	b = fmtAppend2(b, ns/int64(time.Minute)%60)
	b = append(b, ':')
	b = fmtAppend2(b, ns/int64(time.Second)%60)
	b = fmtAppendFraction(b, uint64(ns%int64(time.Second)))
	return TimeOfDay(b)
}

// Valid reports whether t matches Graph's pattern for times of day.
func (t TimeOfDay) Valid() bool {
	_, end, ok := parseClock(string(t), 0)
	return ok && end == len(t)
}

// SinceMidnight returns the time of day as a duration; fractions beyond
// nanoseconds are truncated.
func (t TimeOfDay) SinceMidnight() (time.Duration, error) {
	c, end, ok := parseClock(string(t), 0)
	if !ok || end != len(t) {
		return 0, fmtInvalid("TimeOfDay", string(t))
	}
	return time.Duration(c.hour)*time.Hour + time.Duration(c.minute)*time.Minute +
		time.Duration(c.second)*time.Second + time.Duration(c.nsec), nil
}

// Duration holds an Edm.Duration as ISO 8601 text the way Graph writes it,
// e.g. "PT1H30M", "P2DT3.5S" or "-PT1S".
type Duration string

// DurationOf formats d with hours, minutes and seconds (no days), e.g.
// "PT1H30M"; zero is "PT0S".
func DurationOf(d time.Duration) Duration {
	u := uint64(d)
	b := make([]byte, 0, 32)
	if d < 0 {
		u = -u
		b = append(b, '-')
	}
	b = append(b, "PT"...)
	h := u / uint64(time.Hour)
	m := u / uint64(time.Minute) % 60
	s := u / uint64(time.Second) % 60
	frac := u % uint64(time.Second)
	if h > 0 {
		b = strconv.AppendUint(b, h, 10)
		b = append(b, 'H')
	}
	if m > 0 {
		b = strconv.AppendUint(b, m, 10)
		b = append(b, 'M')
	}
	if s > 0 || frac > 0 || h == 0 && m == 0 {
		b = strconv.AppendUint(b, s, 10)
		b = fmtAppendFraction(b, frac)
		b = append(b, 'S')
	}
	return Duration(b)
}

// Valid reports whether d is an ISO 8601 duration of the form Graph uses:
// -?P(nD)?(T(nH)?(nM)?(n(.n)?S)?)? with at least one component, and at
// least one after a T.
func (d Duration) Valid() bool {
	_, _, _, ok := parseDurationText(string(d))
	return ok
}

// TimeDuration returns d as a time.Duration, a day counting as 24 hours.
// Fractions of seconds beyond nanoseconds are truncated.
func (d Duration) TimeDuration() (time.Duration, error) {
	neg, ns, over, ok := parseDurationText(string(d))
	if !ok {
		return 0, fmtInvalid("Duration", string(d))
	}
	if over || !neg && ns > math.MaxInt64 || neg && ns > 1<<63 {
		return 0, fmtOutOfRange("Duration", string(d))
	}
	if neg {
		return -time.Duration(ns), nil
	}
	return time.Duration(ns), nil
}

// UUID holds an Edm.Guid as text, e.g. "0b1f3c1e-4ad6-4a8c-9d5e-2f6b8c1d7a90".
type UUID string

// Valid reports whether u is 8-4-4-4-12 hexadecimal digits (either case).
func (u UUID) Valid() bool {
	if len(u) != 36 {
		return false
	}
	for i := 0; i < len(u); i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if u[i] != '-' {
				return false
			}
		} else if jsonHexVal(u[i]) < 0 {
			return false
		}
	}
	return true
}

// Base64URL holds Edm.Binary data as text, e.g. "aGVsbG8". Graph declares
// base64url but often sends standard base64 with padding, so all four
// variants are accepted.
type Base64URL string

// Base64URLOf encodes b as unpadded base64url.
func Base64URLOf(b []byte) Base64URL { return Base64URL(base64.RawURLEncoding.EncodeToString(b)) }

// Valid reports whether b is base64 in the standard or the URL alphabet
// (not both), padded or not.
func (b Base64URL) Valid() bool { return parseBase64Encoding(string(b)) != nil }

// Bytes decodes b.
func (b Base64URL) Bytes() ([]byte, error) {
	enc := parseBase64Encoding(string(b))
	if enc == nil {
		return nil, fmtInvalid("Base64URL", string(b))
	}
	return enc.DecodeString(string(b))
}

// Decimal holds an Edm.Decimal as the JSON number literal Graph sent, e.g.
// "12345678901234567890.123456789", so no precision is lost.
type Decimal string

// Valid reports whether d is a JSON number.
func (d Decimal) Valid() bool {
	end, code := scanNumber(string(d), 0)
	return code == scanOK && end == len(d) && len(d) > 0
}

// Float64 returns the nearest float64 to d.
func (d Decimal) Float64() (float64, error) {
	if !d.Valid() {
		return 0, fmtInvalid("Decimal", string(d))
	}
	f, err := strconv.ParseFloat(string(d), 64)
	if err != nil {
		return f, fmtOutOfRange("Decimal", string(d))
	}
	return f, nil
}

func fmtInvalid(kind, s string) error {
	return errors.New("invalid " + kind + " " + strconv.Quote(s))
}

func fmtOutOfRange(kind, s string) error {
	return errors.New(kind + " " + strconv.Quote(s) + " is out of range")
}

// parseYearLimit bounds the years that Time accepts; larger ones (which the
// patterns allow) are out of range.
const parseYearLimit = 100000000

// parseParts is a parsed date, time of day and offset.
type parseParts struct {
	year, month, day     int
	hour, minute, second int
	nsec                 int
	offset               int // seconds east of UTC
	utc                  bool
}

// parseDateTimeText parses s per Graph's DateTimeOffset pattern.
func parseDateTimeText(s string) (p parseParts, ok bool) {
	var i int
	p.year, p.month, p.day, i, ok = parseDatePart(s)
	if !ok || i >= len(s) || s[i] != 'T' {
		return p, false
	}
	c, i, ok := parseClock(s, i+1)
	if !ok {
		return p, false
	}
	p.hour, p.minute, p.second, p.nsec = c.hour, c.minute, c.second, c.nsec
	switch {
	case i == len(s)-1 && s[i] == 'Z':
		p.utc = true
		return p, true
	case i == len(s)-6 && (s[i] == '+' || s[i] == '-') && s[i+3] == ':':
		h, ok1 := parse2(s, i+1)
		m, ok2 := parse2(s, i+4)
		p.offset = h*3600 + m*60
		if s[i] == '-' {
			p.offset = -p.offset
		}
		return p, ok1 && ok2
	}
	return p, false
}

// parseDatePart parses `[0-9]{4,}-MM-DD` at the start of s and checks that
// the day exists. The year saturates at parseYearLimit; n is the length
// parsed.
func parseDatePart(s string) (year, month, day, n int, ok bool) {
	i := 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		if year < parseYearLimit {
			year = year*10 + int(s[i]-'0')
		}
	}
	if i < 4 || len(s) < i+6 || s[i] != '-' || s[i+3] != '-' {
		return 0, 0, 0, 0, false
	}
	month, ok1 := parse2(s, i+1)
	day, ok2 := parse2(s, i+4)
	// Leap years repeat every 400 years and 400 divides 10000, so the last
	// four digits of the year decide.
	y4, _ := strconv.Atoi(s[i-4 : i])
	if !ok1 || !ok2 || month < 1 || month > 12 || day < 1 || day > parseDaysIn(month, y4) {
		return 0, 0, 0, 0, false
	}
	return year, month, day, i + 6, true
}

func parseDaysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseClock parses `hh:mm:ss(.f{1,12})?` at s[i:] and returns the index
// after it.
func parseClock(s string, i int) (c parseParts, end int, ok bool) {
	if len(s) < i+8 || s[i+2] != ':' || s[i+5] != ':' {
		return c, 0, false
	}
	var ok1, ok2, ok3 bool
	c.hour, ok1 = parse2(s, i)
	c.minute, ok2 = parse2(s, i+3)
	c.second, ok3 = parse2(s, i+6)
	if !ok1 || !ok2 || !ok3 || c.hour > 23 || c.minute > 59 || c.second > 59 {
		return c, 0, false
	}
	i += 8
	if i < len(s) && s[i] == '.' {
		i++
		k := 0
		for ; k < 12 && i < len(s) && isDigit(s[i]); k, i = k+1, i+1 {
			if k < 9 {
				c.nsec = c.nsec*10 + int(s[i]-'0')
			}
		}
		if k == 0 {
			return c, 0, false
		}
		for ; k < 9; k++ {
			c.nsec *= 10
		}
	}
	return c, i, true
}

// parse2 parses two decimal digits at s[i:].
func parse2(s string, i int) (int, bool) {
	if i < 0 || i+2 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) {
		return 0, false
	}
	return int(s[i]-'0')*10 + int(s[i+1]-'0'), true
}

// parseDurationText validates s as a Duration and returns its length in
// nanoseconds; over reports a length beyond what a uint64 holds.
func parseDurationText(s string) (neg bool, ns uint64, over, ok bool) {
	add := func(v, unit uint64) {
		hi, lo := bits.Mul64(v, unit)
		sum, carry := bits.Add64(ns, lo, 0)
		if hi != 0 || carry != 0 {
			over = true
		}
		ns = sum
	}
	i := 0
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	if i >= len(s) || s[i] != 'P' {
		return
	}
	i++
	parts := 0
	if i < len(s) && isDigit(s[i]) {
		v, j, vover := parseDigits(s, i)
		if j >= len(s) || s[j] != 'D' {
			return
		}
		add(v, uint64(24*time.Hour))
		over = over || vover
		i = j + 1
		parts++
	}
	if i < len(s) {
		if s[i] != 'T' {
			return
		}
		i++
		last := 0 // 1 after H, 2 after M, 3 after S
		timeParts := 0
		for i < len(s) {
			v, j, vover := parseDigits(s, i)
			if j == i {
				return
			}
			var frac uint64
			hasFrac := false
			if j < len(s) && s[j] == '.' {
				hasFrac = true
				k, nf := j+1, 0
				for ; k < len(s) && isDigit(s[k]); k, nf = k+1, nf+1 {
					if nf < 9 {
						frac = frac*10 + uint64(s[k]-'0')
					}
				}
				if nf == 0 {
					return
				}
				for ; nf < 9; nf++ {
					frac *= 10
				}
				j = k
			}
			if j >= len(s) {
				return
			}
			var unit uint64
			rank := 0
			switch s[j] {
			case 'H':
				unit, rank = uint64(time.Hour), 1
			case 'M':
				unit, rank = uint64(time.Minute), 2
			case 'S':
				unit, rank = uint64(time.Second), 3
			default:
				return
			}
			if rank <= last || hasFrac && rank != 3 {
				return
			}
			last = rank
			add(v, unit)
			add(frac, 1)
			over = over || vover
			i = j + 1
			timeParts++
		}
		if timeParts == 0 {
			return
		}
		parts += timeParts
	}
	ok = parts > 0
	return
}

// parseDigits parses the decimal digits at s[i:], returning the value, the
// index after them and whether the value overflowed a uint64.
func parseDigits(s string, i int) (v uint64, end int, over bool) {
	for ; i < len(s) && isDigit(s[i]); i++ {
		hi, lo := bits.Mul64(v, 10)
		lo, carry := bits.Add64(lo, uint64(s[i]-'0'), 0)
		if hi != 0 || carry != 0 {
			over = true
		}
		v = lo
	}
	return v, i, over
}

// parseBase64Encoding returns the encoding that decodes s: standard or URL
// alphabet, padded or not; nil if s is none of them.
func parseBase64Encoding(s string) *base64.Encoding {
	n := len(s)
	pad := 0
	for pad < 2 && n > 0 && s[n-1] == '=' {
		n--
		pad++
	}
	if pad > 0 && len(s)%4 != 0 || n%4 == 1 {
		return nil
	}
	std, url := false, false
	for i := 0; i < n; i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '+' || c == '/':
			std = true
		case c == '-' || c == '_':
			url = true
		default:
			return nil
		}
	}
	switch {
	case std && url:
		return nil
	case url && pad > 0:
		return base64.URLEncoding
	case url:
		return base64.RawURLEncoding
	case pad > 0:
		return base64.StdEncoding
	}
	return base64.RawStdEncoding
}

// fmtAppend2 appends v (0..99) as two digits.
func fmtAppend2(b []byte, v int64) []byte {
	return append(b, byte('0'+v/10), byte('0'+v%10))
}

// fmtAppendFraction appends ".fffffffff" for a non-zero count of
// nanoseconds, trimmed of trailing zeros.
func fmtAppendFraction(b []byte, ns uint64) []byte {
	if ns == 0 {
		return b
	}
	var d [10]byte
	d[0] = '.'
	for k := 9; k >= 1; k-- {
		d[k] = byte('0' + ns%10)
		ns /= 10
	}
	n := 10
	for d[n-1] == '0' {
		n--
	}
	return append(b, d[:n]...)
}
