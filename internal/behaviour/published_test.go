package behaviour

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	pub "github.com/graphgen/graphgen/testdata/golden/published/expected"
)

// TestInlineActionBody builds the request body of the archive action, which
// Microsoft's documents declare inline under paths, encodes and validates
// it, and decodes the action's {"value": true} result.
func TestInlineActionBody(t *testing.T) {
	body := pub.ServiceUpdateMessageCollectionArchiveRequest{
		MessageIds: pub.Some([]pub.Opt[string]{pub.Some("MC172851"), pub.Some("MC167983")}),
	}
	data, err := json.Marshal(&body)
	require.NoError(t, err)
	assert.JSONEq(t, `{"messageIds":["MC172851","MC167983"]}`, string(data))
	assert.NoError(t, body.Validate())

	body.MessageIds.State = pub.Null
	var verrs pub.ValidationErrors
	require.ErrorAs(t, body.Validate(), &verrs)
	assert.Equal(t, "/messageIds", verrs[0].Path)
	assert.Equal(t, "nullable", verrs[0].Rule)

	var result pub.ServiceUpdateMessageCollectionArchiveResponse
	require.NoError(t, json.Unmarshal([]byte(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean","value":true}`), &result))
	assert.True(t, result.Value.Val)

	m := pub.New("microsoft.graph.serviceUpdateMessageCollectionArchiveRequest")
	require.NotNil(t, m, "inline bodies are in the registry under their schema name")
	require.NoError(t, m.UnmarshalJSON(data))
	assert.IsType(t, &pub.ServiceUpdateMessageCollectionArchiveRequest{}, m)
}

// TestFunctionResultIsAPage: a function that returns {"value": [...],
// "@odata.nextLink"} inline is a Page of its items.
func TestFunctionResultIsAPage(t *testing.T) {
	var page pub.ActivitiesRecentResponse
	require.NoError(t, json.Unmarshal([]byte(`{"value":[{"id":"a","feature":"x"}],"@odata.nextLink":"https://next"}`), &page))
	var p interface {
		Items() []*pub.ServiceHealthIssue
		NextLink() string
	} = &page
	require.Len(t, p.Items(), 1)
	assert.Equal(t, "x", p.Items()[0].Feature.Val)
	assert.Equal(t, "https://next", p.NextLink())
}

// TestODataErrorIsAnError decodes every real error body recorded from the
// service through the generated ODataError, which is a Go error: errors.As
// finds it, Error gives code and message, and the body round-trips.
// innerError.date has no UTC offset in what the service sends
// ("2024-05-14T19:09:13"), against the schema's date-time: it is kept as it
// is, and Validate reports it.
func TestODataErrorIsAnError(t *testing.T) {
	bodies := recordedPayloads(t, "microsoft.graph.ODataErrors.ODataError")
	require.NotEmpty(t, bodies)
	localDates := 0
	for _, body := range bodies {
		var oe pub.ODataError
		require.NoError(t, json.Unmarshal(body, &oe), "%s", body)
		err := fmt.Errorf("GET /me: %w", &oe)
		var got *pub.ODataError
		require.True(t, errors.As(err, &got))
		main := got.ErrorProperty.Val
		require.NotNil(t, main)
		assert.Equal(t, main.Code.Val+": "+main.Message.Val, got.Error())
		out, err := json.Marshal(&oe)
		require.NoError(t, err)
		assert.JSONEq(t, string(body), string(out))
		if inner := main.InnerError.Val; inner != nil && inner.Date.State == pub.Present {
			_, terr := inner.Date.Val.Time()
			var verrs pub.ValidationErrors
			if terr != nil {
				localDates++
				require.ErrorAs(t, oe.Validate(), &verrs)
				assert.Equal(t, "/error/innerError/date", verrs[0].Path)
				assert.Equal(t, "format", verrs[0].Rule)
			}
		}
	}
	assert.Positive(t, localDates, "the recorded bodies have dates without an offset")
	assert.Equal(t, "Graph error without a code or message", (&pub.ODataError{}).Error())
}

// recordedPayloads returns the payloads of the given type among the
// responses recorded from the live service (../shared, read in place).
func recordedPayloads(t *testing.T, typeName string) []json.RawMessage {
	path := filepath.Join("..", "..", "..", "shared", "graph", "v1.0", "examples", "recorded-visible.jsonl")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("GRAPHGEN_REQUIRE_SHARED") != "" {
			t.Fatalf("%s is missing: %v", path, err)
		}
		t.Skipf("skipping: %s is missing (clone graphgen next to shared/)", path)
	}
	defer f.Close()
	var out []json.RawMessage
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var rec struct {
			Type    string          `json:"type"`
			Payload json.RawMessage `json:"payload"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &rec))
		if rec.Type == typeName {
			out = append(out, rec.Payload)
		}
	}
	require.NoError(t, sc.Err())
	return out
}

// TestIEEE754CompatibleNumbers: with IEEE754Compatible=true Graph writes
// Edm.Int64 and Edm.Decimal values as JSON strings. Both forms decode, each
// value is written back in the form it came in, and MarshalWith writes the
// string form for a request.
func TestIEEE754CompatibleNumbers(t *testing.T) {
	payload := `{"id":"m1","size":"9007199254740993","price":"123456789012345678901234567890.5",` +
		`"counts":["1","2"],"sizes":["3",4,null]}`
	var m pub.ServiceUpdateMessage
	require.NoError(t, json.Unmarshal([]byte(payload), &m))
	assert.Equal(t, int64(9007199254740993), m.Size.Val)
	assert.Equal(t, pub.Decimal("123456789012345678901234567890.5"), m.Price.Val)
	assert.Equal(t, []int64{1, 2}, m.Counts.Val)
	out, err := json.Marshal(&m)
	require.NoError(t, err)
	assert.JSONEq(t, payload, string(out), "each value in the form it arrived in")
	assert.NoError(t, m.Validate())

	numbers := `{"size":9007199254740993,"price":1.5,"counts":[1],"sizes":[2]}`
	var n pub.ServiceUpdateMessage
	require.NoError(t, json.Unmarshal([]byte(numbers), &n))
	out, err = json.Marshal(&n)
	require.NoError(t, err)
	assert.JSONEq(t, numbers, string(out))
	out, err = pub.MarshalWith(&n, pub.EncodeOptions{IEEE754Compatible: true})
	require.NoError(t, err)
	assert.JSONEq(t, `{"size":"9007199254740993","price":"1.5","counts":["1"],"sizes":["2"]}`, string(out))

	built := pub.ServiceUpdateMessage{Size: pub.Some(int64(7))}
	out, err = pub.MarshalWith(&built, pub.EncodeOptions{IEEE754Compatible: true})
	require.NoError(t, err)
	assert.JSONEq(t, `{"size":"7"}`, string(out))

	for _, bad := range []string{`{"size":"12a"}`, `{"size":" 1"}`, `{"size":"1 "}`, `{"size":""}`, `{"size":"\u0031"}`,
		`{"size":"9223372036854775808"}`, `{"price":"x"}`, `{"title":1}`, `{"counts":["1",true]}`} {
		var v pub.ServiceUpdateMessage
		assert.Error(t, json.Unmarshal([]byte(bad), &v), bad)
	}
}
