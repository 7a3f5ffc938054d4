package behaviour

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	clash "github.com/graphgen/graphgen/testdata/golden/namespace-clash/expected"
	nosub "github.com/graphgen/graphgen/testdata/golden/subset-no-subtypes/expected"
	withsub "github.com/graphgen/graphgen/testdata/golden/subset-subtypes/expected"
)

func TestSubsetWithoutSubtypesKeepsUnknownSubtypesIntact(t *testing.T) {
	payload := `{"id":"g1","members":[{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Adele"},{"@odata.type":"#microsoft.graph.group","id":"g2"}]}`
	var g nosub.Group
	require.NoError(t, json.Unmarshal([]byte(payload), &g))
	members := g.Members.Val
	require.Len(t, members, 2)
	u, ok := nosub.Concrete(members[0]).(*nosub.DirectoryObject)
	require.True(t, ok, "user is not in the subset: the static type holds it, got %T", nosub.Concrete(members[0]))
	_, kept := u.Extra.Get("displayName")
	assert.True(t, kept)
	assert.IsType(t, &nosub.Group{}, nosub.Concrete(members[1]), "the dispatch table keeps the generated subtypes")
	out, err := json.Marshal(&g)
	require.NoError(t, err)
	assert.JSONEq(t, payload, string(out))
	assert.Nil(t, nosub.New("microsoft.graph.user"), "the registry has only the subset")
}

func TestSubsetWithSubtypesDispatches(t *testing.T) {
	v, err := withsub.Unmarshal[withsub.DirectoryObject]([]byte(`{"@odata.type":"#microsoft.graph.user","id":"u1"}`))
	require.NoError(t, err)
	assert.IsType(t, &withsub.User{}, withsub.Concrete(v))
	assert.NotNil(t, withsub.New("microsoft.graph.group"))
	assert.Nil(t, withsub.New("microsoft.graph.directoryObjectCollectionResponse"), "not derived from directoryObject, not referenced")
}

func TestNamespaceClashNames(t *testing.T) {
	var g clash.Group
	require.NoError(t, json.Unmarshal([]byte(`{"displayName":"g","termGroup":{"scope":"system"}}`), &g))
	var term *clash.TermStoreGroup = g.TermGroup.Val
	assert.Equal(t, clash.TermStoreTermGroupScopeSystem, term.Scope.Val)
	_ = clash.SecurityAlert{}  // microsoft.graph.securityAlert keeps the name
	_ = clash.SecurityAlert2{} // microsoft.graph.security.alert
	_ = clash.CloudPc2{}
	_ = clash.Opt2{IDProperty: clash.Some("x")}
}
