package behaviour

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/generated/graph"
	poly "github.com/graphgen/graphgen/testdata/golden/polymorphic/expected"
)

// TestEveryKindOfAnnotationSurvives round-trips the annotations Graph
// sends and accepts, at the top level and inside nested and polymorphic
// values.
func TestEveryKindOfAnnotationSurvives(t *testing.T) {
	payload := `{
		"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
		"@odata.etag": "W/\"CQAAABYAAAA\"",
		"@odata.id": "https://graph.microsoft.com/v2/directoryObjects/u1",
		"@odata.type": "#microsoft.graph.user",
		"@microsoft.graph.downloadUrl": "https://contoso.sharepoint.com/download",
		"manager@odata.bind": "https://graph.microsoft.com/v1.0/users/m1",
		"memberOf@odata.navigationLink": "https://graph.microsoft.com/v1.0/users/u1/memberOf",
		"memberOf@odata.nextLink": "https://graph.microsoft.com/v1.0/users/u1/memberOf?$skiptoken=x",
		"displayName@microsoft.graph.tips": "tip",
		"id": "u1",
		"memberOf": [{"@odata.type": "#microsoft.graph.group", "@odata.etag": "W/\"1\"", "id": "g1", "members@odata.count": 3}],
		"@odata.deltaLink": "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=y"
	}`
	v, err := poly.UnmarshalAnyEntity([]byte(payload))
	require.NoError(t, err)
	u, ok := v.(*poly.User)
	require.True(t, ok)
	etag, ok := u.Extra.Get("@odata.etag")
	require.True(t, ok)
	assert.Equal(t, `"W/\"CQAAABYAAAA\""`, string(etag))
	bind, _ := u.Extra.Get("manager@odata.bind")
	assert.Equal(t, `"https://graph.microsoft.com/v1.0/users/m1"`, string(bind))
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, payload, string(out))
}

func TestUnknownEnumValuesInArraysStayInPlace(t *testing.T) {
	var page graph.CloudPCCollectionResponse
	payload := `{"value":[{"provisioningType":"dedicated"},{"provisioningType":"sharedByUser"},{"provisioningType":"shared"}]}`
	require.NoError(t, json.Unmarshal([]byte(payload), &page))
	items := page.Items()
	assert.Equal(t, graph.CloudPcProvisioningTypeDedicated, items[0].ProvisioningType.Val)
	assert.Equal(t, graph.CloudPcProvisioningType("sharedByUser"), items[1].ProvisioningType.Val, "not nil, not the first member")
	assert.Equal(t, graph.CloudPcProvisioningTypeShared, items[2].ProvisioningType.Val)
	out, err := json.Marshal(&page)
	require.NoError(t, err)
	assert.JSONEq(t, payload, string(out))
}

// TestHostileNestingIsAnErrorNotACrash feeds nesting far beyond the limit
// through the generated decoders: in an unknown member (skipped), through a
// recursive polymorphic property, and as the value itself.
func TestHostileNestingIsAnErrorNotACrash(t *testing.T) {
	deep := strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000)
	var pc graph.CloudPC
	err := pc.UnmarshalJSON([]byte(`{"id":"1","unknown":` + deep + `}`))
	var derr *graph.DecodeError
	require.ErrorAs(t, err, &derr)
	assert.Contains(t, derr.Msg, "nesting depth")

	var nested strings.Builder
	const levels = 20_000
	for range levels {
		nested.WriteString(`{"@odata.type":"#microsoft.graph.group","members":[`)
	}
	for range levels {
		nested.WriteString(`]}`)
	}
	_, err = poly.UnmarshalAnyDirectoryObject([]byte(nested.String()))
	var perr *poly.DecodeError
	require.ErrorAs(t, err, &perr)
	assert.Contains(t, perr.Msg, "nesting depth")

	var p graph.CloudPCCollectionResponse
	require.Error(t, p.UnmarshalJSON([]byte(deep)))
}

func TestDepthLimitIsConfigurable(t *testing.T) {
	payload := []byte(`{"id":"1","unknown":[[[[[[[[1]]]]]]]]}`)
	var pc graph.CloudPC
	require.NoError(t, graph.UnmarshalWith(payload, &pc, graph.DecodeOptions{}))
	err := graph.UnmarshalWith(payload, &pc, graph.DecodeOptions{MaxDepth: 5})
	var derr *graph.DecodeError
	require.ErrorAs(t, err, &derr)
	assert.Equal(t, "/unknown/0/0/0/0", derr.Pointer, "the sixth level: the object is the first")
	assert.Contains(t, derr.Msg, "nesting depth exceeds 5")
}
