package behaviour

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/generated/graph"
)

// cloudPCPage builds a page of n cloudPCs from the docs example, each with
// its own id, the way GET .../cloudPCs returns them.
func cloudPCPage(tb testing.TB, n int) []byte {
	item, err := os.ReadFile("../../testdata/payloads/cloudpc-get.json")
	require.NoError(tb, err)
	var b bytes.Buffer
	b.WriteString(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#deviceManagement/virtualEndpoint/cloudPCs","value":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(bytes.Replace(item, []byte(`"ac74ae8b-85f7-4272-88cc-54192674ffff"`), fmt.Appendf(nil, `"%08d-85f7-4272-88cc-54192674ffff"`, i), 1))
	}
	b.WriteString(`],"@odata.nextLink":"https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/cloudPCs?$skiptoken=abc"}`)
	return b.Bytes()
}

// plainCloudPCPointers is what encoding/json users write by hand when they
// need to tell absent from present: a pointer per property.
type plainCloudPCPointers struct {
	ODataType                *string `json:"@odata.type"`
	ID                       *string `json:"id"`
	AadDeviceID              *string `json:"aadDeviceId"`
	DisplayName              *string `json:"displayName"`
	GracePeriodEndDateTime   *string `json:"gracePeriodEndDateTime"`
	ImageDisplayName         *string `json:"imageDisplayName"`
	LastModifiedDateTime     *string `json:"lastModifiedDateTime"`
	ManagedDeviceID          *string `json:"managedDeviceId"`
	ManagedDeviceName        *string `json:"managedDeviceName"`
	OnPremisesConnectionName *string `json:"onPremisesConnectionName"`
	ProvisioningPolicyID     *string `json:"provisioningPolicyId"`
	ProvisioningPolicyName   *string `json:"provisioningPolicyName"`
	ProvisioningType         *string `json:"provisioningType"`
	ServicePlanID            *string `json:"servicePlanId"`
	ServicePlanName          *string `json:"servicePlanName"`
	UserPrincipalName        *string `json:"userPrincipalName"`
}

// plainCloudPC is the same with plain values (absent and null are lost).
type plainCloudPC struct {
	ODataType                string `json:"@odata.type"`
	ID                       string `json:"id"`
	AadDeviceID              string `json:"aadDeviceId"`
	DisplayName              string `json:"displayName"`
	GracePeriodEndDateTime   string `json:"gracePeriodEndDateTime"`
	ImageDisplayName         string `json:"imageDisplayName"`
	LastModifiedDateTime     string `json:"lastModifiedDateTime"`
	ManagedDeviceID          string `json:"managedDeviceId"`
	ManagedDeviceName        string `json:"managedDeviceName"`
	OnPremisesConnectionName string `json:"onPremisesConnectionName"`
	ProvisioningPolicyID     string `json:"provisioningPolicyId"`
	ProvisioningPolicyName   string `json:"provisioningPolicyName"`
	ProvisioningType         string `json:"provisioningType"`
	ServicePlanID            string `json:"servicePlanId"`
	ServicePlanName          string `json:"servicePlanName"`
	UserPrincipalName        string `json:"userPrincipalName"`
}

type plainPage[T any] struct {
	Context  string `json:"@odata.context"`
	NextLink string `json:"@odata.nextLink"`
	Value    []T    `json:"value"`
}

// BenchmarkDecodeCloudPCPage compares, on one 1,000-item page, graphgen's
// decoder (Opt fields, all members kept) with encoding/json into plain
// structs with pointer fields and with value fields, and a bare syntax scan.
func BenchmarkDecodeCloudPCPage(b *testing.B) {
	data := cloudPCPage(b, 1000)
	run := func(name string, decode func() error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := decode(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("graphgen", func() error { var p graph.CloudPCCollectionResponse; return p.UnmarshalJSON(data) })
	run("graphgen-via-json.Unmarshal", func() error { var p graph.CloudPCCollectionResponse; return json.Unmarshal(data, &p) })
	run("encoding-json-pointers", func() error { var p plainPage[plainCloudPCPointers]; return json.Unmarshal(data, &p) })
	run("encoding-json-values", func() error { var p plainPage[plainCloudPC]; return json.Unmarshal(data, &p) })
	run("json.Valid", func() error {
		if !json.Valid(data) {
			return fmt.Errorf("invalid")
		}
		return nil
	})
}

// BenchmarkEncodeCloudPCPage compares encoding the same page.
func BenchmarkEncodeCloudPCPage(b *testing.B) {
	data := cloudPCPage(b, 1000)
	var p graph.CloudPCCollectionResponse
	require.NoError(b, p.UnmarshalJSON(data))
	var plain plainPage[plainCloudPCPointers]
	require.NoError(b, json.Unmarshal(data, &plain))
	run := func(name string, encode func() ([]byte, error)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := encode(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("graphgen", p.MarshalJSON)
	run("encoding-json-pointers", func() ([]byte, error) { return json.Marshal(&plain) })
}

// BenchmarkValidateCloudPCPage measures Validate on the decoded page.
func BenchmarkValidateCloudPCPage(b *testing.B) {
	data := cloudPCPage(b, 1000)
	var p graph.CloudPCCollectionResponse
	require.NoError(b, p.UnmarshalJSON(data))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeLargePage decodes a ~5 MB and a ~50 MB page: decoding is
// linear when both report about the same MB/s (compare them as a ratio).
func BenchmarkDecodeLargePage(b *testing.B) {
	for _, items := range []int{6_300, 63_000} {
		data := cloudPCPage(b, items)
		b.Run(fmt.Sprintf("%dMB", len(data)>>20), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var p graph.CloudPCCollectionResponse
				if err := p.UnmarshalJSON(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
