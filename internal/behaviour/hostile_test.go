package behaviour

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hostile "github.com/graphgen/graphgen/testdata/golden/hostile/expected"
)

// TestHostileNamesMeanWhatTheSchemaSays round-trips a payload that uses
// every hostile property name and enum member, and checks that each value
// lands in the field the schema declares.
func TestHostileNamesMeanWhatTheSchemaSays(t *testing.T) {
	payload := `{"quote\"d":"q","back` + "`" + `tick":"b","with space":"s","@odata.weird":"w","dot.ted":"d",
		"1leading":1,"func":"f","type":"t","Validate":"v","Extra":"e","INJECTED();os.Exit(1)":true,
		"*/ x /*":"c","":"empty","mode":"","code":"12\\a.*/","other":{"id":"o"},"nested":{"id":"n"},"undeclared":[1]}`
	var h hostile.Hostile2
	require.NoError(t, json.Unmarshal([]byte(payload), &h))
	assert.Equal(t, "q", h.QuoteD.Get())
	assert.Equal(t, "b", h.BackTick.Get())
	assert.Equal(t, "s", h.WithSpace.Get())
	assert.Equal(t, "w", h.ODataWeird.Get())
	assert.Equal(t, "d", h.DotTed.Get())
	assert.Equal(t, int32(1), h.X1leading.Get())
	assert.Equal(t, "f", h.Func.Get())
	assert.Equal(t, "t", h.Type.Get())
	assert.Equal(t, "v", h.ValidateProperty.Get())
	assert.Equal(t, "e", h.ExtraProperty.Get())
	assert.True(t, h.INJECTEDOsExit1.Get())
	assert.Equal(t, "c", h.XProperty.Get())
	assert.Equal(t, "empty", h.X.Get())
	assert.Equal(t, hostile.EvilModeX, h.Mode.Get(), `"" is a member`)
	assert.Equal(t, "o", h.Other.Get().ID.Get(), "microsoft.graph.Hostile")
	assert.Equal(t, "n", h.Nested.Get().ID.Get(), "microsoft.graph.evil.hostile")
	_, kept := h.Extra.Get("undeclared")
	assert.True(t, kept)
	assert.NoError(t, h.Validate(), "the pattern with backslashes matches 12\\a.*/")

	out, err := json.Marshal(&h)
	require.NoError(t, err)
	assert.JSONEq(t, payload, string(out))

	h.Code = hostile.Some(`12a.*/`)
	h.Mode = hostile.Some(hostile.EvilMode("ab"))
	var verrs hostile.ValidationErrors
	require.ErrorAs(t, h.Validate(), &verrs)
	require.Len(t, verrs, 2)
	assert.Equal(t, "/code", verrs[0].Path)
	assert.Equal(t, "pattern", verrs[0].Rule)
	assert.Equal(t, "/mode", verrs[1].Path, "members differing only by case are distinct")
	for _, m := range []hostile.EvilMode{hostile.EvilModeINF, hostile.EvilModeINF2, hostile.EvilModeAb, hostile.EvilModeAB2, hostile.EvilModeX2} {
		assert.True(t, m.IsKnown(), string(m))
	}
	assert.Equal(t, hostile.EvilMode("-INF"), hostile.EvilModeINF)
}
