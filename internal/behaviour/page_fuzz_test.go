package behaviour

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/generated/graph"
)

// FuzzDecodeCollectionPage feeds arbitrary bytes to a collection page's
// decoder: never a panic, and whatever it accepts re-encodes to JSON that
// decodes to the same encoding again.
func FuzzDecodeCollectionPage(f *testing.F) {
	f.Add(cloudPCPage(f, 3))
	f.Add([]byte(`{"value":[{"id":"1","provisioningType":null,"@odata.etag":"x"}],"@odata.count":1,"@odata.nextLink":"n"}`))
	f.Add([]byte(`{"value":null}`))
	f.Add([]byte(`{"value":[null]}`))
	f.Add([]byte(`{"@odata.count":1.5}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p graph.CloudPCCollectionResponse
		if p.UnmarshalJSON(data) != nil {
			return
		}
		_ = p.Validate()
		first, err := p.MarshalJSON()
		require.NoError(t, err)
		var again graph.CloudPCCollectionResponse
		require.NoError(t, again.UnmarshalJSON(first), "re-decoding %s", first)
		second, err := again.MarshalJSON()
		require.NoError(t, err)
		require.Equal(t, string(first), string(second))
	})
}
