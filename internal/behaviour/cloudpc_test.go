package behaviour

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/generated/graph"
	_ "github.com/graphgen/graphgen/internal/testflag"
)

// cloudPCExample is a GET /deviceManagement/virtualEndpoint/cloudPCs/{id}
// response as the Graph docs show it: annotations, the @odata.type, and two
// properties (status, statusDetails) the v1.0 schema does not declare.
func cloudPCExample(t *testing.T) []byte {
	data, err := os.ReadFile("../../testdata/payloads/cloudpc-get.json")
	require.NoError(t, err)
	return data
}

func TestCloudPCDecodesDocsExample(t *testing.T) {
	var pc graph.CloudPC
	require.NoError(t, json.Unmarshal(cloudPCExample(t), &pc))

	assert.Equal(t, "ac74ae8b-85f7-4272-88cc-54192674ffff", pc.ID.Val, "base field through embedding")
	assert.Equal(t, "#microsoft.graph.cloudPC", pc.ODataType.Val)
	assert.Equal(t, "f5ff445f-7488-40f8-8ab9-ee784a0b4a8f", pc.AadDeviceID.Val)
	assert.Equal(t, graph.CloudPcProvisioningTypeDedicated, pc.ProvisioningType.Val)
	assert.True(t, pc.ProvisioningType.Val.IsKnown())
	modified, err := pc.LastModifiedDateTime.Val.Time()
	require.NoError(t, err)
	assert.Equal(t, time.Date(2020, 11, 3, 10, 29, 57, 0, time.UTC), modified)
	assert.NotEqual(t, graph.Absent, pc.ImageDisplayName.State)
	assert.NotEqual(t, graph.Null, pc.GracePeriodEndDateTime.State)

	var names []string
	for _, p := range pc.Extra {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"@odata.context", "status", "statusDetails"}, names, "undeclared members kept in order")
	raw, ok := pc.Extra.Get("statusDetails")
	require.True(t, ok)
	assert.Equal(t, "null", string(raw))
	assert.NoError(t, pc.Validate())
}

func TestCloudPCReencodesLosslessly(t *testing.T) {
	var pc graph.CloudPC
	require.NoError(t, json.Unmarshal(cloudPCExample(t), &pc))
	out, err := json.Marshal(&pc)
	require.NoError(t, err)
	assert.JSONEq(t, string(cloudPCExample(t)), string(out))
	assert.True(t, strings.HasPrefix(string(out), `{"@odata.type":"#microsoft.graph.cloudPC","@odata.context":`),
		"control information first: %s", out[:80])
	assert.Contains(t, string(out), `"gracePeriodEndDateTime":"2020-11-10T20:00:34.1234567Z"`, "date-time text kept exactly")
}

func TestDecodeThroughEntityInterface(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		want    any
	}{
		{"discriminator first", string(cloudPCExample(t)), &graph.CloudPC{}},
		{"discriminator last", `{"id":"1","displayName":"x","@odata.type":"#microsoft.graph.cloudPC"}`, &graph.CloudPC{}},
		{"without #", `{"@odata.type":"microsoft.graph.cloudPcDeviceImage","id":"1"}`, &graph.CloudPcDeviceImage{}},
		{"in another case, as Graph's docs write it", `{"@odata.type":"#Microsoft.Graph.CloudPC","id":"1"}`, &graph.CloudPC{}},
		{"absent", `{"id":"1"}`, &graph.Entity{}},
		{"the base itself", `{"@odata.type":"#microsoft.graph.entity","id":"1"}`, &graph.Entity{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := graph.Unmarshal[graph.Entity]([]byte(tt.payload))
			require.NoError(t, err)
			assert.IsType(t, tt.want, graph.Concrete(v))
			assert.NotEmpty(t, v.ID.Val, "base fields without an assertion")
			out, err := json.Marshal(v)
			require.NoError(t, err)
			assert.JSONEq(t, tt.payload, string(out))
		})
	}
}

func TestUnknownODataTypeKeepsEverything(t *testing.T) {
	payload := `{"id":"7","@odata.type":"#microsoft.graph.cloudPCv2","displayName":"new","osVersion":{"major":11}}`
	v, err := graph.Unmarshal[graph.Entity]([]byte(payload))
	require.NoError(t, err)
	e, ok := graph.Concrete(v).(*graph.Entity)
	require.True(t, ok, "a subtype newer than the schema decodes as the static type, got %T", graph.Concrete(v))
	assert.Equal(t, "#microsoft.graph.cloudPCv2", e.ODataType.Val)
	assert.Len(t, e.Extra, 2)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, payload, string(out))
}

func TestExplicitNullEnumRoundTrips(t *testing.T) {
	var pc graph.CloudPC
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","provisioningType":null}`), &pc))
	assert.Equal(t, graph.Null, pc.ProvisioningType.State)
	assert.Equal(t, graph.Absent, pc.DisplayName.State)
	out, err := json.Marshal(&pc)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"1","provisioningType":null}`, string(out))

	patch := graph.CloudPC{}
	patch.DisplayName = graph.Some("Desk 7")
	patch.ProvisioningType.State = graph.Null
	out, err = json.Marshal(&patch)
	require.NoError(t, err)
	assert.Equal(t, `{"displayName":"Desk 7","provisioningType":null}`, string(out), "a PATCH body with an explicit null")
}

func TestUnknownEnumMemberAndPropertySurvive(t *testing.T) {
	payload := `{"id":"1","provisioningType":"sharedByEntraGroup","futureProperty":[1,{"a":null}],"displayName":"x"}`
	var pc graph.CloudPC
	require.NoError(t, json.Unmarshal([]byte(payload), &pc))
	assert.Equal(t, graph.CloudPcProvisioningType("sharedByEntraGroup"), pc.ProvisioningType.Val)
	assert.False(t, pc.ProvisioningType.Val.IsKnown())
	out, err := json.Marshal(&pc)
	require.NoError(t, err)
	assert.JSONEq(t, payload, string(out))

	var verrs graph.ValidationErrors
	require.ErrorAs(t, pc.Validate(), &verrs)
	require.Len(t, verrs, 1)
	assert.Equal(t, "/provisioningType", verrs[0].Path)
	assert.Equal(t, "enum", verrs[0].Rule)
	assert.Equal(t, "sharedByEntraGroup", verrs[0].Value)
}

func TestValidateReportsEveryViolationWithItsPath(t *testing.T) {
	page := `{"@odata.nextLink":"https://graph.microsoft.com/v1.0/next","value":[
		{"id":"1","lastModifiedDateTime":"2020-11-03T10:29:57Z"},
		{"id":"2","gracePeriodEndDateTime":"2020-11-010T20:00:34Z","lastModifiedDateTime":null},
		{"id":"3","provisioningType":"dedicated","gracePeriodEndDateTime":"2021-02-30T00:00:00Z"}]}`
	var p graph.CloudPCCollectionResponse
	require.NoError(t, json.Unmarshal([]byte(page), &p))
	assert.Equal(t, "https://graph.microsoft.com/v1.0/next", p.ODataNextLink.Val)
	require.Len(t, p.Value.Val, 3)

	err := p.Validate()
	var verrs graph.ValidationErrors
	require.ErrorAs(t, err, &verrs)
	type violation struct{ Path, Rule string }
	var got []violation
	for _, v := range verrs {
		got = append(got, violation{v.Path, v.Rule})
	}
	assert.Equal(t, []violation{
		{"/value/1/gracePeriodEndDateTime", "format"},
		{"/value/1/lastModifiedDateTime", "nullable"},
		{"/value/2/gracePeriodEndDateTime", "format"},
	}, got)
	var one *graph.ValidationError
	require.ErrorAs(t, err, &one, "a single violation is reachable with errors.As too")
	assert.Equal(t, "2020-11-010T20:00:34Z", one.Value)
	assert.Contains(t, err.Error(), "/value/1/gracePeriodEndDateTime")
}

func TestDecodeErrorNamesPointerAndOffset(t *testing.T) {
	page := `{"value":[{"id":"1"},{"id":"2","displayName":42}]}`
	var p graph.CloudPCCollectionResponse
	err := json.Unmarshal([]byte(page), &p)
	var derr *graph.DecodeError
	require.True(t, errors.As(err, &derr), "got %v", err)
	assert.Equal(t, "/value/1/displayName", derr.Pointer)
	assert.Equal(t, int64(strings.Index(page, "42")), derr.Offset)
}
