package support

import (
	"encoding/base64"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDateTime(t *testing.T) {
	valid := []struct {
		in   string
		want time.Time
	}{
		{"2024-05-01T13:45:30Z", time.Date(2024, 5, 1, 13, 45, 30, 0, time.UTC)},
		{"2024-05-01T13:45:30.1234567Z", time.Date(2024, 5, 1, 13, 45, 30, 123456700, time.UTC)},
		{"2024-05-01T13:45:30.123456789012Z", time.Date(2024, 5, 1, 13, 45, 30, 123456789, time.UTC)},
		{"2024-05-01T13:45:30.5+02:00", time.Date(2024, 5, 1, 11, 45, 30, 500000000, time.UTC)},
		{"2024-05-01T13:45:30-07:30", time.Date(2024, 5, 1, 21, 15, 30, 0, time.UTC)},
		{"2024-05-01T00:00:00+00:00", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)},
		{"2024-02-29T23:59:59Z", time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC)},
		{"2000-02-29T00:00:00Z", time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"0001-01-01T00:00:00Z", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"12024-12-31T00:00:00Z", time.Date(12024, 12, 31, 0, 0, 0, 0, time.UTC)},
		{"02024-02-29T00:00:00Z", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
	}
	for _, c := range valid {
		d := DateTime(c.in)
		assert.True(t, d.Valid(), c.in)
		got, err := d.Time()
		require.NoError(t, err, c.in)
		assert.True(t, c.want.Equal(got), "%s: got %v want %v", c.in, got, c.want)
	}
	got, err := DateTime("2024-05-01T13:45:30+02:00").Time()
	require.NoError(t, err)
	_, off := got.Zone()
	assert.Equal(t, 2*3600, off)
	got, err = DateTime("2024-05-01T13:45:30Z").Time()
	require.NoError(t, err)
	assert.Equal(t, time.UTC, got.Location())

	invalid := []string{
		"", "2024-05-01", "2024-05-01T13:45:30", "2024-05-01 13:45:30Z", "2024-05-01t13:45:30Z",
		"2024-05-01T13:45:30z", "024-05-01T13:45:30Z", "2024-5-01T13:45:30Z", "2024-00-01T13:45:30Z",
		"2024-13-01T13:45:30Z", "2024-05-00T13:45:30Z", "2024-05-32T13:45:30Z", "2024-04-31T13:45:30Z",
		"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T13:60:00Z",
		"2024-05-01T13:45:60Z", "2024-05-01T13:45:30.Z", "2024-05-01T13:45:30.1234567890123Z",
		"2024-05-01T13:45:30+0200", "2024-05-01T13:45:30+02", "2024-05-01T13:45:30+02:00Z",
		"2024-05-01T13:45:30Z ", "+2024-05-01T13:45:30Z", "-2024-05-01T13:45:30Z", "2024-05-01T1:45:30Z",
		"2024-05-01T13:45:30,5Z", "２０２４-05-01T13:45:30Z",
	}
	for _, in := range invalid {
		assert.False(t, DateTime(in).Valid(), in)
		_, err := DateTime(in).Time()
		assert.Error(t, err, in)
	}
	_, err = DateTime("1000000000-01-01T00:00:00Z").Time()
	assert.ErrorContains(t, err, "out of range")
	assert.True(t, DateTime("1000000000-01-01T00:00:00Z").Valid())

	ofs := []struct {
		in   time.Time
		want DateTime
	}{
		{time.Date(2024, 5, 1, 13, 45, 30, 0, time.UTC), "2024-05-01T13:45:30Z"},
		{time.Date(2024, 5, 1, 13, 45, 30, 120000000, time.UTC), "2024-05-01T13:45:30.12Z"},
		{time.Date(2024, 5, 1, 13, 45, 30, 1, time.UTC), "2024-05-01T13:45:30.000000001Z"},
		{time.Date(2024, 5, 1, 13, 45, 30, 0, time.FixedZone("", -(7*3600+30*60))), "2024-05-01T13:45:30-07:30"},
		{time.Date(2024, 5, 1, 13, 45, 30, 0, time.FixedZone("X", 0)), "2024-05-01T13:45:30Z"},
		{time.Date(2024, 5, 1, 13, 45, 30, 0, time.FixedZone("", 3600+30)), "2024-05-01T12:45:00Z"},
		{time.Date(12345, 1, 1, 0, 0, 0, 0, time.UTC), "12345-01-01T00:00:00Z"},
	}
	for _, c := range ofs {
		got := DateTimeOf(c.in)
		assert.Equal(t, c.want, got)
		assert.True(t, got.Valid(), string(got))
		back, err := got.Time()
		require.NoError(t, err)
		assert.True(t, c.in.Equal(back))
	}
}

func TestDate(t *testing.T) {
	for _, in := range []string{"2024-02-29", "2000-02-29", "2023-02-28", "0000-01-01", "9999-12-31", "10000-04-30", "2024-01-31"} {
		assert.True(t, Date(in).Valid(), in)
		tm, err := Date(in).Time()
		require.NoError(t, err, in)
		assert.Equal(t, time.UTC, tm.Location())
		assert.Equal(t, 0, tm.Hour()+tm.Minute()+tm.Second()+tm.Nanosecond())
		assert.Equal(t, Date(in), DateOf(tm), in)
	}
	for _, in := range []string{
		"", "2023-02-29", "1900-02-29", "2100-02-29", "2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31",
		"2024-1-01", "24-01-01", "2024-01-01T00:00:00Z", "2024/01/01", "2024-01-01 ", "2024-00-10", "2024-01-00",
	} {
		assert.False(t, Date(in).Valid(), in)
		_, err := Date(in).Time()
		assert.Error(t, err, in)
	}
	loc := time.FixedZone("", 14*3600)
	assert.Equal(t, Date("2024-03-02"), DateOf(time.Date(2024, 3, 2, 23, 0, 0, 0, loc)))
}

func TestTimeOfDay(t *testing.T) {
	valid := []struct {
		in   string
		want time.Duration
	}{
		{"00:00:00", 0},
		{"13:45:30", 13*time.Hour + 45*time.Minute + 30*time.Second},
		{"23:59:59.999999999", 24*time.Hour - 1},
		{"23:59:59.999999999999", 24*time.Hour - 1},
		{"01:02:03.5", time.Hour + 2*time.Minute + 3*time.Second + 500*time.Millisecond},
	}
	for _, c := range valid {
		assert.True(t, TimeOfDay(c.in).Valid(), c.in)
		got, err := TimeOfDay(c.in).SinceMidnight()
		require.NoError(t, err)
		assert.Equal(t, c.want, got, c.in)
	}
	for _, in := range []string{"", "24:00:00", "12:60:00", "12:00:60", "1:00:00", "12:00", "12:00:00.", "12:00:00.1234567890123", "12:00:00Z", " 12:00:00"} {
		assert.False(t, TimeOfDay(in).Valid(), in)
		_, err := TimeOfDay(in).SinceMidnight()
		assert.Error(t, err, in)
	}
	ofs := map[time.Duration]TimeOfDay{
		0:                                   "00:00:00",
		13*time.Hour + 5*time.Second:        "13:00:05",
		1500 * time.Millisecond:             "00:00:01.5",
		24*time.Hour - time.Nanosecond:      "23:59:59.999999999",
		25 * time.Hour:                      "01:00:00",
		-time.Second:                        "23:59:59",
		10*time.Hour + 123*time.Microsecond: "10:00:00.000123",
	}
	for d, want := range ofs {
		assert.Equal(t, want, TimeOfDayOf(d), d.String())
	}
}

func TestDuration(t *testing.T) {
	valid := []struct {
		in   string
		want time.Duration
	}{
		{"PT0S", 0},
		{"P1D", 24 * time.Hour},
		{"PT1H30M", 90 * time.Minute},
		{"P2DT3H4M5.5S", 2*24*time.Hour + 3*time.Hour + 4*time.Minute + 5500*time.Millisecond},
		{"-PT1S", -time.Second},
		{"-P1DT1H", -25 * time.Hour},
		{"PT0.000000001S", 1},
		{"PT0.0000000019999S", 1},
		{"PT1M", time.Minute},
		{"PT36H", 36 * time.Hour},
		{"PT2562047H47M16.854775807S", math.MaxInt64},
		{"-PT2562047H47M16.854775808S", math.MinInt64},
	}
	for _, c := range valid {
		d := Duration(c.in)
		assert.True(t, d.Valid(), c.in)
		got, err := d.TimeDuration()
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, got, c.in)
	}
	for _, in := range []string{
		"", "P", "PT", "-P", "-PT", "P1DT", "1D", "PT1D", "P1H", "P1M", "PT1.5H", "PT1.5M", "PT1S1M", "PT1M1H",
		"PT1H1H", "PT.5S", "PT1.S", "PT-1S", "--PT1S", "P-1D", "pt1s", "PT1s", "P1W", "P1Y", "PT1S ", " PT1S", "+PT1S",
	} {
		assert.False(t, Duration(in).Valid(), in)
		_, err := Duration(in).TimeDuration()
		assert.Error(t, err, in)
	}
	for _, in := range []string{"PT2562047H47M16.854775808S", "P999999999999999999999D", "PT99999999999999999999S", "P106752D"} {
		assert.True(t, Duration(in).Valid(), in)
		_, err := Duration(in).TimeDuration()
		assert.ErrorContains(t, err, "out of range", in)
	}
	ofs := map[time.Duration]Duration{
		0:                                     "PT0S",
		90 * time.Minute:                      "PT1H30M",
		time.Hour + time.Second:               "PT1H1S",
		-time.Second:                          "-PT1S",
		1500 * time.Millisecond:               "PT1.5S",
		48 * time.Hour:                        "PT48H",
		time.Nanosecond:                       "PT0.000000001S",
		math.MaxInt64:                         "PT2562047H47M16.854775807S",
		math.MinInt64:                         "-PT2562047H47M16.854775808S",
		-(2*time.Minute + 5*time.Millisecond): "-PT2M0.005S",
	}
	for d, want := range ofs {
		got := DurationOf(d)
		assert.Equal(t, want, got, d.String())
		back, err := got.TimeDuration()
		require.NoError(t, err)
		assert.Equal(t, d, back)
	}
}

func TestUUID(t *testing.T) {
	for _, in := range []string{"0b1f3c1e-4ad6-4a8c-9d5e-2f6b8c1d7a90", "00000000-0000-0000-0000-000000000000", "ABCDEFAB-CDEF-abcd-ef01-234567890abc"} {
		assert.True(t, UUID(in).Valid(), in)
	}
	for _, in := range []string{"", "0b1f3c1e4ad64a8c9d5e2f6b8c1d7a90", "{0b1f3c1e-4ad6-4a8c-9d5e-2f6b8c1d7a90}", "0b1f3c1e-4ad6-4a8c-9d5e-2f6b8c1d7a9g", "0b1f3c1e-4ad64-a8c-9d5e-2f6b8c1d7a90", "0b1f3c1e-4ad6-4a8c-9d5e-2f6b8c1d7a90 "} {
		assert.False(t, UUID(in).Valid(), in)
	}
}

func TestBase64URL(t *testing.T) {
	for _, raw := range [][]byte{nil, {0}, {0xfb}, {0xfb, 0xff}, {0xfb, 0xff, 0xbf}, []byte("hello, world?>")} {
		encs := []*base64.Encoding{base64.RawURLEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.StdEncoding}
		for _, enc := range encs {
			s := Base64URL(enc.EncodeToString(raw))
			assert.True(t, s.Valid(), string(s))
			got, err := s.Bytes()
			require.NoError(t, err, string(s))
			assert.Equal(t, string(raw), string(got), string(s))
		}
		assert.Equal(t, Base64URL(base64.RawURLEncoding.EncodeToString(raw)), Base64URLOf(raw))
	}
	for _, in := range []string{"a", "abcde", "a+b_", "ab=", "a===", "ab==c", "ab c", "ab\ncd", "ab%d", "=", "==", "abc==", "abcd="} {
		assert.False(t, Base64URL(in).Valid(), in)
		_, err := Base64URL(in).Bytes()
		assert.Error(t, err, in)
	}
}

func TestDecimal(t *testing.T) {
	for _, in := range []string{"0", "-0", "1.5", "12345678901234567890.123456789", "1e10", "-2.5E-3"} {
		d := Decimal(in)
		assert.True(t, d.Valid(), in)
		f, err := d.Float64()
		require.NoError(t, err)
		assert.InDelta(t, f, f, 0)
	}
	f, err := Decimal("-2.5E-3").Float64()
	require.NoError(t, err)
	assert.Equal(t, -0.0025, f)
	for _, in := range []string{"", "01", "1.", ".5", "+1", "1e", "NaN", "INF", " 1", "1 ", "0x10"} {
		assert.False(t, Decimal(in).Valid(), in)
		_, err := Decimal(in).Float64()
		assert.Error(t, err, in)
	}
	_, err = Decimal("1e400").Float64()
	assert.ErrorContains(t, err, "out of range")

	// Decimals survive a read and write unchanged.
	r := newJSONReader([]byte(`12345678901234567890.12345678901234567890`), 0)
	d := Decimal(r.readNumberText())
	require.NoError(t, r.finish())
	assert.Equal(t, "12345678901234567890.12345678901234567890", string(appendNumberText(nil, string(d), false)))
}
