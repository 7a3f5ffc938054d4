package behaviour

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/generated/graph"
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
	assert.Equal(t, "q", h.QuoteD.Val)
	assert.Equal(t, "b", h.BackTick.Val)
	assert.Equal(t, "s", h.WithSpace.Val)
	assert.Equal(t, "w", h.ODataWeird.Val)
	assert.Equal(t, "d", h.DotTed.Val)
	assert.Equal(t, int32(1), h.X1leading.Val)
	assert.Equal(t, "f", h.Func.Val)
	assert.Equal(t, "t", h.Type.Val)
	assert.Equal(t, "v", h.ValidateProperty.Val)
	assert.Equal(t, "e", h.ExtraProperty.Val)
	assert.True(t, h.INJECTEDOsExit1.Val)
	assert.Equal(t, "c", h.XProperty.Val)
	assert.Equal(t, "empty", h.X.Val)
	assert.Equal(t, hostile.EvilModeX, h.Mode.Val, `"" is a member`)
	assert.Equal(t, "o", h.Other.Val.ID.Val, "microsoft.graph.Hostile")
	assert.Equal(t, "n", h.Nested.Val.ID.Val, "microsoft.graph.evil.hostile")
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

// TestWrongItemsDoNotAllocateRoomForAll: a page whose items are numbers
// instead of objects fails on its first item; sizing the slice by counting
// the items first must not allocate room for a million 400-byte structs.
func TestWrongItemsDoNotAllocateRoomForAll(t *testing.T) {
	payload := []byte(`{"value":[` + strings.Repeat("0,", 1_000_000) + `0]}`)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var page graph.CloudPCCollectionResponse
	err := page.UnmarshalJSON(payload)
	runtime.ReadMemStats(&after)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/value/0")
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(8<<20),
		"a 2 MB payload of wrong items allocated %d bytes", after.TotalAlloc-before.TotalAlloc)
}
