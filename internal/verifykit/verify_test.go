package verifykit

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/graphgen/graphgen/internal/testflag"
)

func TestEqual(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
		diff string
	}{
		{`{"a":1,"b":[true,null]}`, `{"b":[true,null],"a":1}`, true, ""},
		{`{"n":1.0}`, `{"n":1}`, true, ""},
		{`{"n":1e2}`, `{"n":100}`, true, ""},
		{`{"n":12345678901234567890.5}`, `{"n":12345678901234567890.50}`, true, ""},
		{`{"t":"2021-06-01T08:00:00+02:00"}`, `{"t":"2021-06-01T06:00:00Z"}`, true, ""},
		{`{"t":"2021-06-01T08:00:00.1234567890123Z"}`, `{"t":"2021-06-01T08:00:00.123456789Z"}`, true, ""},
		{`{"d":"PT90M"}`, `{"d":"PT1H30M"}`, true, ""},
		{`{"d":"-P1D"}`, `{"d":"-PT24H"}`, true, ""},
		{`{"d":"PT1H"}`, `{"d":"PT2H"}`, false, `/d: "PT1H" became "PT2H"`},
		{`{"a":{"b":[1,2]}}`, `{"a":{"b":[1,3]}}`, false, `/a/b/1: 2 became 3`},
		{`{"a":1,"x/y":2}`, `{"a":1}`, false, `/: member "x/y" is missing after the round trip`},
		{`{"a":1}`, `{"a":1,"b":null}`, false, `/: member "b" appeared in the round trip`},
		{`{"a":null}`, `{"a":"null"}`, false, `/a: null became "null"`},
		{`{"s":"x"}`, `{"s":"y"}`, false, `/s: "x" became "y"`},
	}
	for _, tt := range tests {
		same, diff := Equal([]byte(tt.a), []byte(tt.b))
		assert.Equal(t, tt.same, same, "%s vs %s", tt.a, tt.b)
		assert.Equal(t, tt.diff, diff, "%s vs %s", tt.a, tt.b)
	}
}

// fakeModel stands in for a generated type.
type fakeModel struct {
	out     string
	invalid error
}

func (f fakeModel) MarshalJSON() ([]byte, error) { return []byte(f.out), nil }
func (f fakeModel) Validate() error              { return f.invalid }

type violationsErr []error

func (v violationsErr) Error() string   { return "violations" }
func (v violationsErr) Unwrap() []error { return v }

func TestRunCountsAndReports(t *testing.T) {
	decode := func(name string, data []byte) (Model, error) {
		switch name {
		case "t.ok", "t.itemCollectionResponse":
			return fakeModel{out: string(data)}, nil
		case "t.lossy":
			return fakeModel{out: `{}`}, nil
		case "t.invalid":
			return fakeModel{out: string(data), invalid: violationsErr{errors.New("/a: bad"), errors.New("/b: worse")}}, nil
		case "t.broken":
			return nil, errors.New("json: /a (offset 5): expected string, found number")
		}
		return nil, nil
	}
	in := strings.Join([]string{
		`{"id":"1","type":"t.ok","payload":{"a":1}}`,
		`{"id":"2","type":"t.lossy","payload":{"a":1}}`,
		`{"id":"3","type":"t.invalid","payload":{"a":1}}`,
		`{"id":"4","type":"t.broken","payload":{"a":1}}`,
		`{"id":"5","type":null,"payload":{}}`,
		`{"id":"6","type":"t.unknown","payload":{}}`,
		``,
		`{"id":"7","type":"t.item","collection":true,"payload":{"value":[]}}`,
	}, "\n")
	var out bytes.Buffer
	sum, err := Run(strings.NewReader(in), &out, decode)
	require.NoError(t, err)
	assert.Equal(t, Summary{Records: 7, Decoded: 4, RoundTrip: 3, Valid: 3, Skipped: 2}, sum)
	assert.True(t, sum.Failed())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 8)
	assert.Equal(t, "verify: records=7 decoded=4 roundtrip=3 valid=3 skipped=2", lines[7])
	var lossy, invalid, broken Result
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &lossy))
	assert.Equal(t, `/: member "a" is missing after the round trip`, lossy.Difference)
	require.NoError(t, json.Unmarshal([]byte(lines[2]), &invalid))
	assert.Equal(t, []string{"/a: bad", "/b: worse"}, invalid.Violations)
	require.NoError(t, json.Unmarshal([]byte(lines[3]), &broken))
	assert.Contains(t, broken.Error, "offset 5")
}

func TestCollectionWithoutCollectionResponseDecodesItemByItem(t *testing.T) {
	decode := func(name string, data []byte) (Model, error) {
		if name == "t.item" {
			return fakeModel{out: string(data), invalid: violationsErr{errors.New("/x: bad")}}, nil
		}
		return nil, nil
	}
	res := Check(Record{ID: "p", Type: ptr("t.item"), Collection: true,
		Payload: json.RawMessage(`{"@odata.context":"c","value":[{"a":1},{"b":2}]}`)}, decode)
	assert.True(t, res.Decoded)
	assert.True(t, res.RoundTrip, res.Difference)
	assert.Equal(t, []string{"/value/0/x: bad", "/value/1/x: bad"}, res.Violations)
}

func ptr(s string) *string { return &s }
