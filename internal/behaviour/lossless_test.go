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
	v, err := poly.Unmarshal[poly.Entity]([]byte(payload))
	require.NoError(t, err)
	u, ok := poly.Concrete(v).(*poly.User)
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
	_, err = poly.Unmarshal[poly.DirectoryObject]([]byte(nested.String()))
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

// TestNullItemsOfObjectArraysSurvive: a null in an array whose items the
// schema does not make nullable ({"value": [null, {…}]}, seen in Graph
// webhook notifications) decodes, re-encodes as null and is reported by
// Validate, for structs with and without subtypes: the item is a nil pointer.
func TestNullItemsOfObjectArraysSurvive(t *testing.T) {
	payload := `{"value":[null,{"id":"pc1","displayName":"Desk"},null]}`
	var page graph.CloudPCCollectionResponse
	require.NoError(t, page.UnmarshalJSON([]byte(payload)))
	require.Len(t, page.Value.Val, 3)
	assert.Equal(t, "pc1", page.Value.Val[1].ID.Val)
	assert.Nil(t, page.Value.Val[0], "a null item is a nil pointer")
	out, err := json.Marshal(&page)
	require.NoError(t, err)
	assert.JSONEq(t, payload, string(out))
	var verrs graph.ValidationErrors
	require.ErrorAs(t, page.Validate(), &verrs)
	require.Len(t, verrs, 2)
	assert.Equal(t, "/value/0", verrs[0].Path)
	assert.Equal(t, "nullable", verrs[0].Rule)
	assert.Equal(t, "/value/2", verrs[1].Path)

	users := `{"id":"u1","memberOf":[null,{"@odata.type":"#microsoft.graph.group","id":"g1"}],"assignedLicenses":[null]}`
	var u poly.User
	require.NoError(t, u.UnmarshalJSON([]byte(users)))
	require.Len(t, u.MemberOf.Val, 2)
	assert.Nil(t, u.MemberOf.Val[0])
	out, err = json.Marshal(&u)
	require.NoError(t, err)
	assert.JSONEq(t, users, string(out))
	var pverrs poly.ValidationErrors
	require.ErrorAs(t, u.Validate(), &pverrs)
	require.Len(t, pverrs, 2)
	assert.Equal(t, []string{"/assignedLicenses/0", "/memberOf/0"}, []string{pverrs[0].Path, pverrs[1].Path})
}

// TestODataTypeOfAnotherTypeIsReported: an @odata.type that names a known
// type other than the value's (a group where a user is expected) is a
// discriminator violation, at the top level and nested.
func TestODataTypeOfAnotherTypeIsReported(t *testing.T) {
	var u poly.User
	require.NoError(t, u.UnmarshalJSON([]byte(`{"@odata.type":"#microsoft.graph.group","id":"u1"}`)))
	var verrs poly.ValidationErrors
	require.ErrorAs(t, u.Validate(), &verrs)
	require.Len(t, verrs, 1)
	assert.Equal(t, "/@odata.type", verrs[0].Path)
	assert.Equal(t, "discriminator", verrs[0].Rule)
	assert.Equal(t, "#microsoft.graph.group", verrs[0].Value)

	for _, ok := range []string{`{"@odata.type":"#microsoft.graph.user"}`, `{"@odata.type":"Microsoft.Graph.User"}`, `{}`} {
		var u poly.User
		require.NoError(t, u.UnmarshalJSON([]byte(ok)))
		assert.NoError(t, u.Validate(), ok)
	}
}
