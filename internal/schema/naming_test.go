package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"

	_ "github.com/graphgen/graphgen/internal/testflag"
)

func TestTypeGoName(t *testing.T) {
	tests := map[string]string{
		"microsoft.graph.cloudPC":                       "CloudPC",
		"microsoft.graph.cloudPcDeviceImage":            "CloudPcDeviceImage",
		"microsoft.graph.cloudPCCollectionResponse":     "CloudPCCollectionResponse",
		"microsoft.graph.security.alert":                "SecurityAlert",
		"microsoft.graph.termStore.group":               "TermStoreGroup",
		"BaseCollectionPaginationCountResponse":         "BaseCollectionPaginationCountResponse",
		"microsoft.graph.ODataErrors.MainError":         "MainError",
		"microsoft.graph.windows10GeneralConfiguration": "Windows10GeneralConfiguration",
		"microsoft.graph.Json":                          "JSON",
	}
	for in, want := range tests {
		assert.Equal(t, want, typeGoName(in), in)
	}
}

func TestGoName(t *testing.T) {
	tests := map[string]string{
		"aadDeviceId":                          "AadDeviceID",
		"servicePlanId":                        "ServicePlanID",
		"@odata.type":                          "ODataType",
		"@odata.nextLink":                      "ODataNextLink",
		"webUrl":                               "WebURL",
		"vmAlreadyAzureAdJoined":               "VMAlreadyAzureAdJoined",
		"sourceImageNotSupportCustomizeVMName": "SourceImageNotSupportCustomizeVMName",
		"-INF":                                 "INF",
		"":                                     "X",
		"3dModel":                              "X3dModel",
		"user name":                            "UserName",
	}
	for in, want := range tests {
		assert.Equal(t, want, goName(in), in)
	}
}

func TestNameSetClaimsDeterministicSuffixes(t *testing.T) {
	s := newNameSet("Opt")
	assert.Equal(t, "OptSchema", s.claim("Opt", "Schema"))
	assert.Equal(t, "OptSchema2", s.claim("Opt", "Schema"))
	assert.Equal(t, "Foo", s.claim("Foo", ""))
	assert.Equal(t, "Foo2", s.claim("Foo", ""))
	assert.Equal(t, "FOO3", s.claim("FOO", ""), "case is ignored")
}
