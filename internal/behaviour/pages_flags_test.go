package behaviour

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/generated/graph"
	formats "github.com/graphgen/graphgen/testdata/golden/formats/expected"
	poly "github.com/graphgen/graphgen/testdata/golden/polymorphic/expected"
)

// collectAll follows a collection the way a Graph client would, with
// fetch standing in for GET nextLink; it needs nothing but Page.
func collectAll[T any, P interface {
	*V
	graph.Page[T]
}, V any](t *testing.T, pages map[string]string, first string) []T {
	var all []T
	for link := first; link != ""; {
		var page V
		require.NoError(t, json.Unmarshal([]byte(pages[link]), &page))
		all = append(all, P(&page).Items()...)
		link = P(&page).NextLink()
	}
	return all
}

func TestCollectionResponsesArePages(t *testing.T) {
	pages := map[string]string{
		"p1": `{"value":[{"id":"a"},{"id":"b"}],"@odata.nextLink":"p2"}`,
		"p2": `{"value":[{"id":"c"}]}`,
	}
	all := collectAll[*graph.CloudPC, *graph.CloudPCCollectionResponse](t, pages, "p1")
	require.Len(t, all, 3)
	assert.Equal(t, "c", all[2].ID.Val)

	var p poly.DirectoryObjectCollectionResponse
	require.NoError(t, json.Unmarshal([]byte(`{"value":[{"@odata.type":"#microsoft.graph.group"}]}`), &p))
	var page poly.Page[*poly.DirectoryObject] = &p
	assert.IsType(t, &poly.Group{}, poly.Concrete(page.Items()[0]))
	assert.Equal(t, "", page.NextLink())
}

func TestFlagsEnumIsATypedSet(t *testing.T) {
	modes := formats.FlagsOf(formats.AuthenticationMethodModesPassword, formats.AuthenticationMethodModesSms)
	assert.Equal(t, formats.AuthenticationMethodModes("password,sms"), modes)
	assert.True(t, modes.Has(formats.AuthenticationMethodModesSms))
	assert.False(t, modes.Has(formats.AuthenticationMethodModesVoice))
	assert.True(t, modes.IsKnown())

	withNew := formats.AuthenticationMethodModes("password,passkey")
	assert.Equal(t, []formats.AuthenticationMethodModes{"password", "passkey"}, withNew.Flags())
	assert.False(t, withNew.IsKnown(), "an unknown flag is kept, and reported by IsKnown")
	assert.True(t, withNew.Has("passkey"))
}
