package behaviour

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/rtvalidate"
	"github.com/graphgen/graphgen/internal/schema"
	formats "github.com/graphgen/graphgen/testdata/golden/formats/expected"
	poly "github.com/graphgen/graphgen/testdata/golden/polymorphic/expected"
	pub "github.com/graphgen/graphgen/testdata/golden/published/expected"
)

// validationVectors are payloads that the generated Validate and graphgen
// validate (rtvalidate) must judge alike: same paths, rules and messages,
// in the same order.
var validationVectors = []struct {
	golden, schemaName, payload string
}{
	{"formats", "microsoft.graph.formatSample", formatSample},
	{"formats", "microsoft.graph.formatSample", `{"red":1,"count":101,"created":"2021-02-29T00:00:00Z","day":"2021-1-01","start":"24:00:00",
		"timeout":"P1Y","guid":"not-a-guid","sku":"abcdefghijklmnop","tags":[],"days":["funday",null,"monday"],"modes":"password,fax",
		"status":"someday","price":1,"when":["2021-06-01T00:00:00Z","soon"],"data":"!!","ratio":-1.5}`},
	{"formats", "microsoft.graph.formatSample", `{"count":-1,"blob":null,"tags":null,"@odata.type":null,"score":"INF"}`},
	{"formats", "microsoft.graph.formatSample", `{"red":0,"tags":["a","b","c","d"],"modes":"password","status":"monday"}`},
	{"polymorphic", "microsoft.graph.user", userWithMemberships},
	{"polymorphic", "microsoft.graph.user", `{"id":"u1","manager":{"@odata.type":"#microsoft.graph.group","deletedDateTime":"yesterday"},
		"memberOf":[{"id":"g"},{"@odata.type":"#microsoft.graph.group","members":[{"deletedDateTime":"2021-13-01T00:00:00Z","@odata.type":"#microsoft.graph.x"}]}]}`},
	{"polymorphic", "microsoft.graph.directoryObject", `{"@odata.type":"#Microsoft.Graph.Group","mailEnabled":null,"deletedDateTime":"x"}`},
	{"polymorphic", "microsoft.graph.user", `{"@odata.type":"#microsoft.graph.group","id":"u2","memberOf":[null,{"id":"g"}],
		"assignedLicenses":[null,{"skuId":"x","@odata.type":"#microsoft.graph.user"},{"@odata.type":"microsoft.graph.ASSIGNEDLICENSE"}]}`},
	{"polymorphic", "microsoft.graph.directoryObject", `{"@odata.type":"microsoft.graph.user","assignedLicenses":[{"@odata.type":"#microsoft.graph.x"}]}`},
	{"published", "microsoft.graph.serviceUpdateMessage", `{"size":"9007199254740993","price":"1.5","counts":["1",2],"sizes":[null,"3"],"tags":null}`},
	{"published", "microsoft.graph.ODataErrors.ODataError", `{"error":{"code":"x","message":"y","innerError":{"date":"2024-05-14T19:09:13","request-id":"r"}}}`},
	{"published", "microsoft.graph.serviceUpdateMessageCollectionArchiveRequest", `{"messageIds":null}`},
}

func TestRuntimeValidationAgreesWithGeneratedValidate(t *testing.T) {
	validators := map[string]*rtvalidate.Validator{}
	for _, golden := range []string{"formats", "polymorphic", "published"} {
		validators[golden] = runtimeValidator(t, golden)
	}
	rules := map[string]int{}
	for i, vec := range validationVectors {
		got, err := validators[vec.golden].Validate(vec.schemaName, []byte(vec.payload))
		require.NoError(t, err, "vector %d", i)
		assert.Equal(t, generatedViolations(t, vec.golden, vec.schemaName, vec.payload), got, "vector %d", i)
		for _, v := range got {
			rules[v.Rule]++
		}
	}
	for _, rule := range []string{"required", "nullable", "enum", "format", "pattern", "minimum", "maximum", "maxLength", "minItems", "maxItems", "discriminator"} {
		assert.NotZero(t, rules[rule], "the vectors exercise %s", rule)
	}
}

func runtimeValidator(t *testing.T, golden string) *rtvalidate.Validator {
	input := "../../testdata/golden/" + golden + "/input"
	if golden == "polymorphic" || golden == "published" {
		input += "/openapi.yaml"
	}
	info, err := os.Stat(input)
	require.NoError(t, err)
	name := "."
	if !info.IsDir() {
		name = "openapi.yaml"
		input = input[:len(input)-len("/openapi.yaml")]
	}
	docs, err := schema.ReadInput(os.DirFS(input), name, name)
	require.NoError(t, err)
	pkg, err := schema.Load(context.Background(), docs, schema.Options{})
	require.NoError(t, err)
	return rtvalidate.New(pkg, golden)
}

// generatedViolations decodes and validates with the golden package.
func generatedViolations(t *testing.T, golden, schemaName, payload string) []rtvalidate.Violation {
	var err error
	switch golden {
	case "formats":
		var v formats.FormatSample
		require.NoError(t, json.Unmarshal([]byte(payload), &v))
		err = v.Validate()
	case "polymorphic":
		m, derr := poly.UnmarshalByName(schemaName, []byte(payload))
		require.NoError(t, derr)
		err = m.Validate()
	case "published":
		m, derr := pub.UnmarshalByName(schemaName, []byte(payload))
		require.NoError(t, derr)
		err = m.Validate()
	}
	var out []rtvalidate.Violation
	var fv formats.ValidationErrors
	var pv poly.ValidationErrors
	var bv pub.ValidationErrors
	switch {
	case errors.As(err, &bv):
		for _, v := range bv {
			out = append(out, rtvalidate.Violation{Path: v.Path, Rule: v.Rule, Message: v.Message})
		}
	case errors.As(err, &fv):
		for _, v := range fv {
			out = append(out, rtvalidate.Violation{Path: v.Path, Rule: v.Rule, Message: v.Message})
		}
	case errors.As(err, &pv):
		for _, v := range pv {
			out = append(out, rtvalidate.Violation{Path: v.Path, Rule: v.Rule, Message: v.Message})
		}
	}
	return out
}

func TestRuntimeValidationRejectsWhatTheDecoderRejects(t *testing.T) {
	v := runtimeValidator(t, "formats")
	for _, payload := range []string{`{"red":256}`, `{"red":"1"}`, `{"count":1.5}`, `{"tags":[null]}`, `[]`, `{"days":{}}`} {
		_, err := v.Validate("microsoft.graph.formatSample", []byte(payload))
		assert.Error(t, err, payload)
		var s formats.FormatSample
		assert.Error(t, s.UnmarshalJSON([]byte(payload)), payload)
	}
}
