package behaviour

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	formats "github.com/graphgen/graphgen/testdata/golden/formats/expected"
)

const formatSample = `{"@odata.type":"#microsoft.graph.formatSample","red":255,"count":42,"size":9007199254740993,"disc":-32768,
	"ratio":0.1,"score":"NaN","price":12345678901234567890.123456789,"created":"2021-06-01T08:00:00.123456789012+05:30",
	"day":"2024-02-29","start":"23:59:59.999999999999","timeout":"-PT1H30M","guid":"8d0e5f7a-1111-4c5b-9b6e-000000000001",
	"data":"aGVsbG8_","sku":"ABC-12","tags":["a"],"days":["monday",null,"funday"],"modes":"password,sms",
	"status":"friday","blob":{"any":["json",1,true,null]},"when":["2021-06-01T00:00:00Z"]}`

func TestFormatsRoundTripExactly(t *testing.T) {
	var s formats.FormatSample
	require.NoError(t, json.Unmarshal([]byte(formatSample), &s))
	assert.Equal(t, uint8(255), s.Red.Val)
	assert.Equal(t, int64(9007199254740993), s.Size.Val, "int64 beyond float64 precision")
	assert.True(t, math.IsNaN(s.Score.Val), "ReferenceNumeric NaN")
	assert.Equal(t, formats.Decimal("12345678901234567890.123456789"), s.Price.Val, "decimal without precision loss")
	d, err := s.Timeout.Val.TimeDuration()
	require.NoError(t, err)
	assert.Equal(t, -90*time.Minute, d, "negative duration")
	created, err := s.Created.Val.Time()
	require.NoError(t, err)
	assert.Equal(t, 5*3600+30*60, offsetOf(created))
	assert.True(t, s.Modes.Val.IsKnown(), "flags set of known members")
	assert.False(t, s.Days.Val[2].Val.IsKnown())

	out, err := json.Marshal(&s)
	require.NoError(t, err)
	assert.JSONEq(t, formatSample, string(out))
	assert.Contains(t, string(out), `"price":12345678901234567890.123456789`)
	assert.Contains(t, string(out), `"start":"23:59:59.999999999999"`)
}

func offsetOf(t time.Time) int {
	_, off := t.Zone()
	return off
}

func TestReferenceNumericInfinities(t *testing.T) {
	for _, text := range []string{`"INF"`, `"-INF"`, `1.5`, `-0.25`} {
		var s formats.FormatSample
		require.NoError(t, json.Unmarshal([]byte(`{"score":`+text+`}`), &s))
		out, err := json.Marshal(&s)
		require.NoError(t, err)
		assert.JSONEq(t, `{"score":`+text+`}`, string(out))
	}
}

func TestFormatValidation(t *testing.T) {
	payload := `{"red":1,"count":101,"created":"2021-02-29T00:00:00Z","day":"2021-1-01","start":"24:00:00",
		"timeout":"P1Y","guid":"not-a-guid","sku":"abc","tags":[],"days":["funday"],"modes":"password,fax",
		"status":"someday","price":1,"when":["2021-06-01T00:00:00Z","soon"]}`
	var s formats.FormatSample
	require.NoError(t, json.Unmarshal([]byte(payload), &s))
	var verrs formats.ValidationErrors
	require.ErrorAs(t, s.Validate(), &verrs)
	got := map[string]string{}
	for _, v := range verrs {
		got[v.Path] = v.Rule
	}
	assert.Equal(t, map[string]string{
		"/count":   "maximum",
		"/created": "format",
		"/day":     "format",
		"/start":   "format",
		"/timeout": "format",
		"/guid":    "format",
		"/sku":     "pattern",
		"/tags":    "minItems",
		"/days/0":  "enum",
		"/modes":   "enum",
		"/status":  "enum",
		"/when/1":  "format",
	}, got)
}

func TestMissingRequiredAndOutOfRangeIntegers(t *testing.T) {
	var s formats.FormatSample
	require.NoError(t, json.Unmarshal([]byte(`{"count":-1}`), &s))
	var verrs formats.ValidationErrors
	require.ErrorAs(t, s.Validate(), &verrs)
	require.Len(t, verrs, 2)
	assert.Equal(t, "/count", verrs[0].Path)
	assert.Equal(t, "minimum", verrs[0].Rule)
	assert.Equal(t, "/red", verrs[1].Path)
	assert.Equal(t, "required", verrs[1].Rule)

	var d *formats.DecodeError
	err := json.Unmarshal([]byte(`{"red":256}`), &s)
	require.ErrorAs(t, err, &d, "a number that does not fit the Go type is a decode error")
	assert.Equal(t, "/red", d.Pointer)
}
