package schema

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func load(t *testing.T, docs ...Document) (*Package, error) {
	t.Helper()
	return Load(context.Background(), docs, Options{})
}

// TestLoadErrors checks that each kind of bad input is reported with its
// file, position and schema pointer, and that one run reports all problems.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		docs []Document
		want []string
	}{
		{
			name: "malformed JSON",
			docs: []Document{{File: "a.json", Data: []byte("{\n  \"type\": \"object\",\n  \"properties\": {]\n}")}},
			want: []string{`a.json:3:18: malformed JSON: invalid character ']' looking for beginning of object key string`},
		},
		{
			name: "malformed YAML",
			docs: []Document{{File: "api.yaml", Data: []byte("openapi: 3.0.4\ncomponents:\n  schemas:\n    a: [unclosed\n")}},
			want: []string{`api.yaml:3: malformed YAML: did not find expected ',' or ']'`},
		},
		{
			name: "wrong type for a keyword",
			docs: []Document{{File: "a.json", Data: []byte(`{"$id":"#/components/schemas/a","type":"object","properties":{"x":{"type":"string","nullable":"yes"}}}`)}},
			want: []string{`a.json:1:67: /properties/x: not a valid schema: json: cannot unmarshal string into field Schema.nullable of type bool`},
		},
		{
			name: "a null where a schema belongs (found by FuzzLoad)",
			docs: []Document{{File: "api.yaml", Data: []byte("openapi: 3.0.4\ncomponents:\n  schemas:\n    a:\n      properties:\n        x:\n")}},
			want: []string{`api.yaml:6:9: /components/schemas/a/properties/x: a schema must be an object, not null`},
		},
		{
			name: "a schema defined twice, differently",
			docs: []Document{
				{File: "a.json", Data: []byte(`{"$id":"#/components/schemas/microsoft.graph.x","type":"object"}`)},
				{File: "b.json", Data: []byte(`{"$id":"#/components/schemas/microsoft.graph.x","type":"object","description":"X"}`)},
			},
			want: []string{`b.json:1:65: /description: schema "microsoft.graph.x" is also defined in a.json:1:1, differently: "X" here, nothing there (at /description)`},
		},
		{
			name: "dangling refs are all reported",
			docs: []Document{{File: "api.yaml", Data: []byte(`openapi: 3.0.4
components:
  schemas:
    a:
      type: object
      properties:
        x: {$ref: '#/components/schemas/gone1'}
        y: {type: array, items: {$ref: '#/components/schemas/gone2'}}
`)}},
			want: []string{
				`api.yaml:7:12: /components/schemas/a/properties/x: $ref to missing schema "gone1"`,
				`api.yaml:8:33: /components/schemas/a/properties/y/items: $ref to missing schema "gone2"`,
			},
		},
		{
			name: "unsupported construct and external ref",
			docs: []Document{{File: "a.json", Data: []byte(`{"$id":"#/components/schemas/a","type":"object","properties":{
				"u":{"anyOf":[{"type":"string"},{"type":"integer"}]},
				"e":{"$ref":"other.json#/x"}}}`)}},
			want: []string{
				`a.json:2:18: /properties/u/anyOf: anyOf is supported only as [{$ref}, {type: object, nullable: true}]`,
				`a.json:3:9: /properties/e: $ref "other.json#/x": only references to #/components/schemas/NAME are supported`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.docs...)
			var errs Errors
			require.True(t, errors.As(err, &errs), "want Errors, got %v", err)
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLowerCloudPC(t *testing.T) {
	pkg, err := load(t,
		Document{File: "entity.json", Data: []byte(`{"$id":"#/components/schemas/microsoft.graph.entity","type":"object",
			"properties":{"id":{"type":"string"},"@odata.type":{"type":"string"}},
			"discriminator":{"propertyName":"@odata.type","mapping":{"#microsoft.graph.cloudPC":"#/components/schemas/microsoft.graph.cloudPC"}}}`)},
		Document{File: "pc.json", Data: []byte(`{"$id":"#/components/schemas/microsoft.graph.cloudPC","allOf":[
			{"$ref":"#/components/schemas/microsoft.graph.entity"},
			{"type":"object","required":["@odata.type"],"properties":{"aadDeviceId":{"type":"string","nullable":true},
			 "provisioningType":{"anyOf":[{"$ref":"#/components/schemas/microsoft.graph.cloudPcProvisioningType"},{"type":"object","nullable":true}]},
			 "@odata.type":{"type":"string"}}}],"x-ms-discriminator-value":"#microsoft.graph.cloudPC"}`)},
		Document{File: "enum.json", Data: []byte(`{"$id":"#/components/schemas/microsoft.graph.cloudPcProvisioningType","type":"string","enum":["dedicated","shared","unknownFutureValue","sharedByUser"]}`)},
	)
	require.NoError(t, err)
	require.Len(t, pkg.Structs, 2)
	pc, entity := pkg.Structs[0], pkg.Structs[1]
	assert.Equal(t, "CloudPC", pc.Name.Name)
	assert.Same(t, entity, pc.Base)
	assert.Equal(t, "#microsoft.graph.cloudPC", pc.ODataType)
	require.Len(t, pc.Fields, 2, "@odata.type stays on the root")
	assert.Equal(t, "AadDeviceID", pc.Fields[0].Name)
	assert.True(t, pc.Fields[0].Nullable)
	assert.Equal(t, KindEnum, pc.Fields[1].Type.Kind)
	assert.True(t, pc.Fields[1].Nullable, "anyOf with a nullable object is a nullable reference")

	require.NotNil(t, entity.Poly)
	assert.True(t, entity.Tagged(), "a root with subtypes carries the type tag")
	assert.Equal(t, "ODataType", entity.Poly.Field.Name)
	require.Len(t, entity.Poly.Cases, 2)
	assert.Equal(t, "microsoft.graph.cloudpc", entity.Poly.Cases[0].Key, "keys are matched without # and case")
	assert.Same(t, pc, entity.Poly.Cases[0].Struct)
	assert.Equal(t, "#microsoft.graph.entity", entity.Poly.Cases[1].Value, "a Graph base without a declared value is #<name>")
	assert.Same(t, entity, entity.Poly.Cases[1].Struct)

	members := pkg.Enums[0].Members
	assert.True(t, pkg.Enums[0].Evolvable)
	assert.False(t, members[1].OptInOnly)
	assert.True(t, members[2].IsSentinel)
	assert.True(t, members[3].OptInOnly, "members after unknownFutureValue are opt-in")
}

func TestNameClashesResolveDeterministically(t *testing.T) {
	doc := func(name string) Document {
		return Document{File: name + ".json", Data: []byte(`{"$id":"#/components/schemas/` + name + `","type":"object"}`)}
	}
	docs := []Document{doc("microsoft.graph.security.alert"), doc("microsoft.graph.securityAlert"),
		doc("microsoft.graph.cloudPc"), doc("microsoft.graph.cloudPC"), doc("microsoft.graph.opt")}
	for _, order := range [][]Document{docs, {docs[4], docs[3], docs[2], docs[1], docs[0]}} {
		pkg, err := load(t, order...)
		require.NoError(t, err)
		got := map[string]string{}
		for _, s := range pkg.Structs {
			got[s.SchemaName] = s.Name.Name
		}
		assert.Equal(t, map[string]string{
			"microsoft.graph.securityAlert":  "SecurityAlert",
			"microsoft.graph.security.alert": "SecurityAlert2",
			"microsoft.graph.cloudPC":        "CloudPC",
			"microsoft.graph.cloudPc":        "CloudPc2",
			"microsoft.graph.opt":            "Opt2",
		}, got)
		require.Len(t, pkg.Warnings, 3)
		assert.Equal(t, `microsoft.graph.security.alert.json:1:1: schema "microsoft.graph.security.alert" is named SecurityAlert2 because SecurityAlert is microsoft.graph.securityAlert's`, pkg.Warnings[2].Error())
	}
}

func TestNamingOverrides(t *testing.T) {
	doc := Document{File: "pc.json", Data: []byte(`{"$id":"#/components/schemas/microsoft.graph.cloudPC","type":"object","properties":{"aadDeviceId":{"type":"string"}}}`)}
	pkg, err := Load(context.Background(), []Document{doc}, Options{
		TypeNames:  map[string]string{"microsoft.graph.cloudPC": "CloudPc"},
		FieldNames: map[string]string{"microsoft.graph.cloudPC/aadDeviceId": "EntraDeviceID"},
	})
	require.NoError(t, err)
	assert.Equal(t, "CloudPc", pkg.Structs[0].Name.Name)
	assert.Equal(t, "EntraDeviceID", pkg.Structs[0].Fields[0].Name)

	_, err = Load(context.Background(), []Document{doc}, Options{
		TypeNames:  map[string]string{"microsoft.graph.cloudPc": "X", "microsoft.graph.cloudPC": "not exported"},
		FieldNames: map[string]string{"microsoft.graph.cloudPC/aadDeviceID": "Y"},
	})
	var errs Errors
	require.ErrorAs(t, err, &errs)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	assert.Equal(t, []string{
		`options: names.properties: "microsoft.graph.cloudPC/aadDeviceID" is not SCHEMA/PROPERTY of a schema in the input`,
		`options: names.types.microsoft.graph.cloudPC: "not exported" is not an exported Go identifier`,
		`options: names.types: no schema named "microsoft.graph.cloudPc"`,
	}, got)
}
