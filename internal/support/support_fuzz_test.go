package support

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func FuzzReadRaw(f *testing.F) {
	for _, s := range []string{
		``, ` `, `null`, `nul`, `true`, `false`, `0`, `-0.5e-3`, `01`, `1.`, `"x"`, `"\ud800"`, "\"\xff\"",
		`[]`, `{}`, `[1,2,]`, `{"a":1,}`, `{"a" 1}`, `{"a":[1,{"b":tru}]}`, ` {"a":{"b":[null,true,"\u00e9"]}} `,
		`[[[[[[[[]]]]]]]]`, `[[[[[[[[`, `{"a":1}x`, "\t[1]\n", `"\u12"`, `1e400`, `[1e400]`, `{"\u0000":"\/"}`,
	} {
		f.Add([]byte(s))
	}
	addRealPayloads(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := newJSONReader(data, 0)
		raw := r.readRaw()
		err := r.finish()
		valid := json.Valid(data)
		if err != nil {
			require.False(t, valid, "readRaw rejected valid JSON: %v", err)
			var de *DecodeError
			require.True(t, errors.As(err, &de))
			require.True(t, de.Offset >= 0 && de.Offset <= int64(len(data)))
			require.NotEmpty(t, de.Msg)
		} else {
			require.True(t, valid, "readRaw accepted invalid JSON")
			require.Equal(t, string(bytes.Trim(data, " \t\r\n")), string(raw))
		}

		// The typed methods agree with encoding/json too.
		var want any
		wantErr := json.Unmarshal(data, &want)
		got, err := walkJSON(data)
		if wantErr != nil {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		require.Equal(t, want, got)
	})
}

func FuzzReadString(f *testing.F) {
	for _, s := range []string{"", "plain", "\"\\\n\t\x00", "é日本😀", "\u2028", "\xff", "\xed\xa0\x80", "12345678\x1f"} {
		f.Add(s)
	}
	addRealStrings(f, 300, func(string) bool { return true })
	f.Fuzz(func(t *testing.T, s string) {
		out := append(jsonAppendString(appendKey([]byte("{"), s), s), '}')
		require.Equal(t, stdJSON(t, map[string]string{s: s}), string(out))

		want := s
		if !utf8.ValidString(s) {
			require.NoError(t, json.Unmarshal([]byte(stdJSON(t, s)), &want))
		}
		r := newJSONReader(out, 0)
		require.True(t, r.beginObject())
		k, ok := r.nextKey()
		require.True(t, ok)
		require.Equal(t, want, string(k))
		require.Equal(t, want, r.readString())
		_, ok = r.nextKey()
		require.False(t, ok)
		require.NoError(t, r.finish())
	})
}

var (
	fuzzDateRE     = regexp.MustCompile(`^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$`)
	fuzzDateTimeRE = regexp.MustCompile(`^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$`)
	fuzzTimeRE     = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?$`)
	fuzzDurationRE = regexp.MustCompile(`^-?P([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+([.][0-9]+)?S)?)?$`)
)

// fuzzRealDay reports whether the date at the start of s (already matched
// by the pattern) exists; leap years repeat every 400 years.
func fuzzRealDay(s string) bool {
	i := strings.IndexByte(s, '-')
	y, _ := strconv.Atoi(s[i-4 : i])
	m, _ := strconv.Atoi(s[i+1 : i+3])
	d, _ := strconv.Atoi(s[i+4 : i+6])
	tm := time.Date(2000+y%400, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return tm.Day() == d
}

func fuzzYearInRange(tm time.Time) bool { return tm.Year() >= 1 && tm.Year() <= 9999 }

func FuzzDateTime(f *testing.F) {
	for _, s := range []string{"2024-02-29T13:45:30.123456789012+05:30", "2023-02-29T00:00:00Z", "0000-01-01T00:00:00-99:99", "99999-12-31T23:59:59.5Z", "2024-05-01T13:45:30"} {
		f.Add(s)
	}
	addRealStrings(f, 200, startsWithDigit)
	f.Fuzz(func(t *testing.T, s string) {
		d := DateTime(s)
		valid := d.Valid()
		require.Equal(t, fuzzDateTimeRE.MatchString(s) && fuzzRealDay(s), valid)
		tm, err := d.Time()
		if !valid {
			require.Error(t, err)
			return
		}
		if err != nil {
			require.ErrorContains(t, err, "out of range")
			require.GreaterOrEqual(t, strings.IndexByte(s, '-'), 9)
			return
		}
		if fuzzYearInRange(tm) && fuzzYearInRange(tm.UTC()) {
			back := DateTimeOf(tm)
			require.True(t, back.Valid(), string(back))
			tm2, err := back.Time()
			require.NoError(t, err)
			require.True(t, tm.Equal(tm2), "%s -> %s", s, back)
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2100-02-29", "02000-02-29", "0000-12-31", "2024-13-01"} {
		f.Add(s)
	}
	addRealStrings(f, 200, startsWithDigit)
	f.Fuzz(func(t *testing.T, s string) {
		d := Date(s)
		valid := d.Valid()
		require.Equal(t, fuzzDateRE.MatchString(s) && fuzzRealDay(s), valid)
		tm, err := d.Time()
		if !valid {
			require.Error(t, err)
			return
		}
		if err != nil {
			require.ErrorContains(t, err, "out of range")
			return
		}
		if fuzzYearInRange(tm) {
			back := DateOf(tm)
			require.True(t, back.Valid(), string(back))
			tm2, err := back.Time()
			require.NoError(t, err)
			require.True(t, tm.Equal(tm2))
		}
	})
}

func FuzzTimeOfDay(f *testing.F) {
	for _, s := range []string{"00:00:00", "23:59:59.999999999999", "24:00:00", "12:34:56.7"} {
		f.Add(s)
	}
	addRealStrings(f, 200, startsWithDigit)
	f.Fuzz(func(t *testing.T, s string) {
		v := TimeOfDay(s)
		valid := v.Valid()
		require.Equal(t, fuzzTimeRE.MatchString(s), valid)
		d, err := v.SinceMidnight()
		if !valid {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		require.True(t, d >= 0 && d < 24*time.Hour)
		back := TimeOfDayOf(d)
		require.True(t, back.Valid())
		d2, err := back.SinceMidnight()
		require.NoError(t, err)
		require.Equal(t, d, d2)
	})
}

func FuzzDuration(f *testing.F) {
	for _, s := range []string{"PT0S", "-P1DT2H3M4.5S", "P", "PT", "P1DT", "PT1.0000000009S", "P106751DT23H47M16.854775807S"} {
		f.Add(s)
	}
	addRealStrings(f, 200, startsWithDigit)
	f.Fuzz(func(t *testing.T, s string) {
		v := Duration(s)
		valid := v.Valid()
		wantValid := fuzzDurationRE.MatchString(s) && !strings.HasSuffix(s, "P") && !strings.HasSuffix(s, "T")
		require.Equal(t, wantValid, valid)
		d, err := v.TimeDuration()
		if !valid {
			require.Error(t, err)
			return
		}
		if err != nil {
			require.ErrorContains(t, err, "out of range")
			return
		}
		back := DurationOf(d)
		require.True(t, back.Valid(), string(back))
		d2, err := back.TimeDuration()
		require.NoError(t, err)
		require.Equal(t, d, d2)
	})
}
