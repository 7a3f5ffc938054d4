package support

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// benchGraphDoc builds a Graph-like users collection of about size bytes.
func benchGraphDoc(tb testing.TB, size int) []byte {
	type license struct {
		DisabledPlans []string `json:"disabledPlans"`
		SkuID         string   `json:"skuId"`
	}
	type user struct {
		ODataType         string            `json:"@odata.type"`
		ID                string            `json:"id"`
		DisplayName       string            `json:"displayName"`
		GivenName         string            `json:"givenName"`
		Surname           string            `json:"surname"`
		Mail              string            `json:"mail"`
		JobTitle          *string           `json:"jobTitle"`
		BusinessPhones    []string          `json:"businessPhones"`
		AccountEnabled    bool              `json:"accountEnabled"`
		CreatedDateTime   string            `json:"createdDateTime"`
		UsageLocation     string            `json:"usageLocation"`
		AssignedLicenses  []license         `json:"assignedLicenses"`
		ExtensionAttrs    map[string]any    `json:"onPremisesExtensionAttributes"`
		Quota             map[string]any    `json:"quota"`
		AdditionalStrings map[string]string `json:"additionalData"`
	}
	var users []user
	for n := 0; ; n++ {
		title := fmt.Sprintf("Senior Engineer \"L%d\"", n%7)
		users = append(users, user{
			ODataType:       "#microsoft.graph.user",
			ID:              fmt.Sprintf("%08x-4ad6-4a8c-9d5e-2f6b8c1d%04x", n*7919, n),
			DisplayName:     fmt.Sprintf("Adèle Vance %d", n),
			GivenName:       "Adèle",
			Surname:         "Vance",
			Mail:            fmt.Sprintf("adele.vance%d@contoso.onmicrosoft.com", n),
			JobTitle:        &title,
			BusinessPhones:  []string{"+1 425 555 0109"},
			AccountEnabled:  n%3 != 0,
			CreatedDateTime: "2024-05-01T13:45:30Z",
			UsageLocation:   "US",
			AssignedLicenses: []license{
				{DisabledPlans: []string{}, SkuID: "c7df2760-2c81-4ef7-b578-5b5392b571df"},
				{DisabledPlans: []string{"a413a9ff-720c-4822-98ef-2f37c2a21f4c"}, SkuID: "b05e124f-c7cc-45a0-a6aa-8cf78c946968"},
			},
			ExtensionAttrs: map[string]any{"extensionAttribute1": nil, "extensionAttribute2": "dept\\42", "extensionAttribute3": nil},
			Quota:          map[string]any{"used": 123456789 + n, "total": 107374182400, "ratio": 0.115, "state": "normal"},
			AdditionalStrings: map[string]string{
				"note": "Line one\nLine two\twith tab — and ünïcödé",
			},
		})
		doc, err := json.Marshal(map[string]any{
			"@odata.context":  "https://graph.microsoft.com/v1.0/$metadata#users",
			"@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=X%274453707402000100000017",
			"value":           users,
		})
		require.NoError(tb, err)
		if len(doc) >= size {
			return doc
		}
	}
}

func BenchmarkJSONReaderReadRaw(b *testing.B) {
	doc := benchGraphDoc(b, 100_000)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		r := newJSONReader(doc, 0)
		if r.readRaw() == nil || r.finish() != nil {
			b.Fatal("decode failed")
		}
	}
}

func BenchmarkJSONReaderSkipValue(b *testing.B) {
	doc := benchGraphDoc(b, 100_000)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		r := newJSONReader(doc, 0)
		if !r.skipValue() || r.finish() != nil {
			b.Fatal("decode failed")
		}
	}
}

func BenchmarkEncodingJSONValid(b *testing.B) {
	doc := benchGraphDoc(b, 100_000)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if !json.Valid(doc) {
			b.Fatal("invalid")
		}
	}
}

// benchUsers decodes the users collection the way generated code would:
// typed reads for known properties, skipping the rest.
func benchUsers(r *jsonReader) (n int) {
	r.beginObject()
	for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
		if string(k) != "value" {
			r.skipValue()
			continue
		}
		r.beginArray()
		for r.nextItem() {
			n++
			r.beginObject()
			for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
				switch string(k) {
				case "id", "displayName", "mail", "createdDateTime":
					_ = r.readString()
				case "accountEnabled":
					r.readBool()
				case "jobTitle":
					if !r.readNull() {
						_ = r.readString()
					}
				case "businessPhones":
					r.beginArray()
					for r.nextItem() {
						_ = r.readString()
					}
				case "quota":
					r.beginObject()
					for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
						switch string(k) {
						case "used", "total":
							r.readInt(64)
						case "ratio":
							r.readFloat(64)
						default:
							r.skipValue()
						}
					}
				default:
					r.skipValue()
				}
			}
		}
	}
	return n
}

func BenchmarkJSONReaderTyped(b *testing.B) {
	doc := benchGraphDoc(b, 100_000)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		r := newJSONReader(doc, 0)
		if benchUsers(r) == 0 || r.finish() != nil {
			b.Fatal("decode failed")
		}
	}
}

// benchCopy re-encodes the value at r, appending it to b with the typed
// functions.
func benchCopy(b []byte, r *jsonReader) []byte {
	switch r.peekKind() {
	case '{':
		r.beginObject()
		b = append(b, '{')
		for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
			b = benchCopy(appendKey(b, string(k)), r)
		}
		return append(b, '}')
	case '[':
		r.beginArray()
		b = append(b, '[')
		for r.nextItem() {
			b = benchCopy(appendSep(b), r)
		}
		return append(b, ']')
	case '"':
		return jsonAppendString(b, r.readString())
	case 't', 'f':
		return strconv.AppendBool(b, r.readBool())
	case 'n':
		r.readNull()
		return appendNull(b)
	default:
		return appendNumberText(b, r.readNumberText(), false)
	}
}

func TestJSONBenchCopyRoundTrip(t *testing.T) {
	doc := benchGraphDoc(t, 10_000)
	r := newJSONReader(doc, 0)
	out := benchCopy(nil, r)
	require.NoError(t, r.finish())
	require.JSONEq(t, string(doc), string(out))
	require.Equal(t, 1, benchUsersCount(t, out))
}

func benchUsersCount(t *testing.T, doc []byte) int {
	r := newJSONReader(doc, 0)
	n := benchUsers(r)
	require.NoError(t, r.finish())
	if n > 0 {
		return 1
	}
	return 0
}

func BenchmarkJSONWriter(b *testing.B) {
	doc := benchGraphDoc(b, 100_000)
	// Collect the strings once so the benchmark measures the writer.
	var strs []string
	r := newJSONReader(doc, 0)
	var collect func()
	collect = func() {
		switch r.peekKind() {
		case '{':
			r.beginObject()
			for k, ok := r.nextKey(); ok; k, ok = r.nextKey() {
				strs = append(strs, string(k))
				collect()
			}
		case '[':
			r.beginArray()
			for r.nextItem() {
				collect()
			}
		case '"':
			strs = append(strs, r.readString())
		default:
			r.skipValue()
		}
	}
	collect()
	require.NoError(b, r.finish())
	size := 0
	buf := make([]byte, 0, 2*len(doc))
	for _, s := range strs {
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		b := append(buf[:0], '[')
		for i, s := range strs {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonAppendString(b, s)
		}
		buf = append(b, ']')
	}
}
