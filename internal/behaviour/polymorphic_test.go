package behaviour

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	poly "github.com/graphgen/graphgen/testdata/golden/polymorphic/expected"
)

// userWithMemberships is a user with a polymorphic manager and memberOf
// (three levels: entity > directoryObject > user/group), annotations and a
// subtype the schema does not know.
const userWithMemberships = `{
	"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
	"id": "u1",
	"displayName": "Adele Vance",
	"businessPhones": ["+1 425 555 0109", null],
	"manager": {"@odata.type": "#microsoft.graph.user", "id": "m1", "displayName": "Megan"},
	"memberOf@odata.navigationLink": "https://graph.microsoft.com/v1.0/users/u1/memberOf",
	"memberOf": [
		{"@odata.type": "#microsoft.graph.group", "id": "g1", "mailEnabled": true,
		 "members": [{"id": "u9", "@odata.type": "#microsoft.graph.user", "accountEnabled": false}]},
		{"@odata.type": "#microsoft.graph.directoryRole", "id": "r1", "roleTemplateId": "62e9"},
		{"id": "d1", "deletedDateTime": null}
	]
}`

func TestPolymorphicPropertiesDispatchAtEveryDepth(t *testing.T) {
	var u poly.User
	require.NoError(t, json.Unmarshal([]byte(userWithMemberships), &u))

	assert.Equal(t, "m1", u.Manager.Val.ID.Val, "the base's properties need no assertion")
	manager, ok := poly.Concrete(u.Manager.Val).(*poly.User)
	require.True(t, ok, "manager is a *User, got %T", poly.Concrete(u.Manager.Val))
	assert.Equal(t, "Megan", manager.DisplayName.Val)

	members := u.MemberOf.Val
	require.Len(t, members, 3)
	assert.Equal(t, "g1", members[0].ID.Val)
	group, ok := poly.Concrete(members[0]).(*poly.Group)
	require.True(t, ok, "memberOf/0 is a *Group, got %T", poly.Concrete(members[0]))
	require.Len(t, group.Members.Val, 1)
	inner, ok := poly.Concrete(group.Members.Val[0]).(*poly.User)
	require.True(t, ok, "a polymorphic array inside a subtype dispatches too, got %T", poly.Concrete(group.Members.Val[0]))
	assert.False(t, inner.AccountEnabled.Val)
	assert.NotEqual(t, poly.Absent, inner.AccountEnabled.State)

	role, ok := poly.Concrete(members[1]).(*poly.DirectoryObject)
	require.True(t, ok, "an unknown subtype decodes as the static type, got %T", poly.Concrete(members[1]))
	assert.Equal(t, "#microsoft.graph.directoryRole", role.ODataType.Val)
	_, kept := role.Extra.Get("roleTemplateId")
	assert.True(t, kept)
	assert.IsType(t, &poly.DirectoryObject{}, poly.Concrete(members[2]))
	assert.Equal(t, poly.Null, members[2].DeletedDateTime.State)
	assert.Equal(t, "d1", members[2].ID.Val)

	phones := u.BusinessPhones.Val
	require.Len(t, phones, 2)
	assert.Equal(t, poly.Null, phones[1].State, "a null item in an array of nullable strings is kept")

	out, err := json.Marshal(&u)
	require.NoError(t, err)
	assert.JSONEq(t, userWithMemberships, string(out))

	var verrs poly.ValidationErrors
	require.ErrorAs(t, u.Validate(), &verrs)
	require.Len(t, verrs, 1, "a value whose concrete type cannot be known is reported, nothing else")
	assert.Equal(t, "/memberOf/1/@odata.type", verrs[0].Path)
	assert.Equal(t, "discriminator", verrs[0].Rule)
}

func TestSubtypeInABaseSlotIsEncodedWithItsODataType(t *testing.T) {
	g := &poly.Group{DisplayName: poly.Some("Sales")}
	u := poly.User{MemberOf: poly.Some([]*poly.DirectoryObject{poly.As[poly.DirectoryObject](g), {}})}
	u.Manager = poly.Some(poly.As[poly.DirectoryObject](&poly.User{DisplayName: poly.Some("Megan")}))
	out, err := json.Marshal(&u)
	require.NoError(t, err)
	assert.JSONEq(t, `{"manager":{"@odata.type":"#microsoft.graph.user","displayName":"Megan"},
		"memberOf":[{"@odata.type":"#microsoft.graph.group","displayName":"Sales"},{}]}`, string(out),
		"Graph can tell the concrete types; the base itself needs no @odata.type")
	assert.Equal(t, poly.Absent, g.ODataType.State, "encoding does not change the value")

	direct, err := json.Marshal(g)
	require.NoError(t, err)
	assert.JSONEq(t, `{"displayName":"Sales"}`, string(direct), "at the top level the type is known from the request")
	assert.NoError(t, u.Validate())
}

func TestPolymorphicValidationPaths(t *testing.T) {
	payload := `{"id":"u1","manager":{"@odata.type":"#microsoft.graph.group","deletedDateTime":"yesterday"},
		"memberOf":[{"id":"g"},{"@odata.type":"#microsoft.graph.group","members":[{"deletedDateTime":"2021-13-01T00:00:00Z"}]}]}`
	var u poly.User
	require.NoError(t, json.Unmarshal([]byte(payload), &u))
	var verrs poly.ValidationErrors
	require.ErrorAs(t, u.Validate(), &verrs)
	var paths []string
	for _, v := range verrs {
		paths = append(paths, v.Path)
	}
	assert.Equal(t, []string{"/manager/deletedDateTime", "/memberOf/1/members/0/deletedDateTime"}, paths)
}

func TestCollectionPageOfPolymorphicItems(t *testing.T) {
	page := `{"@odata.count":2,"@odata.nextLink":"https://next","value":[{"@odata.type":"#microsoft.graph.user","id":"1"},{"@odata.type":"#microsoft.graph.group","id":"2"}]}`
	var p poly.DirectoryObjectCollectionResponse
	require.NoError(t, json.Unmarshal([]byte(page), &p))
	assert.Equal(t, int64(2), p.ODataCount.Val)
	require.Len(t, p.Value.Val, 2)
	assert.IsType(t, &poly.User{}, poly.Concrete(p.Value.Val[0]))
	assert.IsType(t, &poly.Group{}, poly.Concrete(p.Value.Val[1]))
	out, err := json.Marshal(&p)
	require.NoError(t, err)
	assert.JSONEq(t, page, string(out))
}

func TestUnmarshalDirectoryObject(t *testing.T) {
	v, err := poly.Unmarshal[poly.DirectoryObject]([]byte(`{"displayName":"g","@odata.type":"#microsoft.graph.group"}`))
	require.NoError(t, err)
	assert.IsType(t, &poly.DirectoryObject{}, v)
	require.IsType(t, &poly.Group{}, poly.Concrete(v))
	assert.Equal(t, "g", poly.Concrete(v).(*poly.Group).DisplayName.Val)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"@odata.type":"#microsoft.graph.group","displayName":"g"}`, string(out), "the base pointer encodes the whole group")

	v, err = poly.Unmarshal[poly.DirectoryObject]([]byte(`null`))
	require.NoError(t, err)
	assert.Nil(t, v)

	u, err := poly.Unmarshal[poly.User]([]byte(`{"displayName":"u"}`))
	require.NoError(t, err)
	assert.Equal(t, "u", u.DisplayName.Val, "a type without subtypes decodes as itself")
}

// FuzzUnmarshalDirectoryObject feeds arbitrary bytes to a polymorphic
// decoder: it must never panic, and whatever it accepts must re-encode to
// JSON that decodes to the same encoding again.
func FuzzUnmarshalDirectoryObject(f *testing.F) {
	f.Add([]byte(userWithMemberships))
	f.Add([]byte(`{"@odata.type":"#microsoft.graph.group","members":[{"id":"1"}]}`))
	f.Add([]byte(`{"id":"1","@odata.type":"#microsoft.graph.user","manager":null}`))
	f.Add([]byte(`[[[[[[[[`))
	addCorpusPayloads(f, "microsoft.graph.user", "microsoft.graph.group", "microsoft.graph.directoryObject")
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := poly.Unmarshal[poly.DirectoryObject](data)
		if err != nil || v == nil {
			return
		}
		first, err := json.Marshal(v)
		require.NoError(t, err)
		again, err := poly.Unmarshal[poly.DirectoryObject](first)
		require.NoError(t, err, "re-decoding %s", first)
		second, err := json.Marshal(again)
		require.NoError(t, err)
		require.Equal(t, string(first), string(second))
	})
}

// addCorpusPayloads seeds f with the payloads of Graph's docs corpus (read
// in place beside the repository, when it is there) whose type is one of
// types.
func addCorpusPayloads(f *testing.F, types ...string) {
	data, err := os.ReadFile("../../../shared/graph/v1.0/examples/docs-2021-visible.jsonl")
	if err != nil {
		return
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		var rec struct {
			Type    string          `json:"type"`
			Payload json.RawMessage `json:"payload"`
		}
		if json.Unmarshal(line, &rec) == nil && slices.Contains(types, rec.Type) {
			f.Add([]byte(rec.Payload))
		}
	}
}

func TestNilItemEncodesAsNull(t *testing.T) {
	var nilGroup *poly.Group
	u := poly.User{MemberOf: poly.Some([]*poly.DirectoryObject{poly.As[poly.DirectoryObject](nilGroup), poly.As[poly.DirectoryObject](&poly.Group{})})}
	out, err := json.Marshal(&u)
	require.NoError(t, err)
	assert.JSONEq(t, `{"memberOf":[null,{"@odata.type":"#microsoft.graph.group"}]}`, string(out))
	var verrs poly.ValidationErrors
	require.ErrorAs(t, u.Validate(), &verrs)
	assert.Equal(t, "/memberOf/0 nullable", verrs[0].Path+" "+verrs[0].Rule, "memberOf's items are not nullable")
}

// The type tag counts only on the value it was set on: a copy of a
// subtype's base part is a value of the base, and As refuses a type that is
// not derived from the base.
func TestHeldSubtypesAndCopies(t *testing.T) {
	g := &poly.Group{DisplayName: poly.Some("Sales"), MailEnabled: poly.Some(true)}
	held := poly.As[poly.DirectoryObject](g)
	assert.Same(t, g, poly.Concrete(held), "Concrete gives back the group itself")
	assert.Same(t, held, poly.As[poly.DirectoryObject](held), "holding a held value again changes nothing")
	asEntity := poly.As[poly.Entity](held)
	assert.Same(t, g, poly.Concrete(asEntity), "a grandchild held as the root")

	copied := *held
	assert.Same(t, &copied, poly.Concrete(&copied), "a copy of the base part is a DirectoryObject")
	out, err := json.Marshal(&copied)
	require.NoError(t, err)
	assert.JSONEq(t, `{}`, string(out))

	plain := &g.DirectoryObject
	assert.Same(t, g, poly.Concrete(plain), "the embedded base of a held value is the held value")
	assert.Panics(t, func() { poly.As[poly.Group](&poly.User{}) })
	assert.Nil(t, poly.Concrete(nil))
	assert.Nil(t, poly.As[poly.DirectoryObject](nil))

	var again poly.User
	require.NoError(t, json.Unmarshal([]byte(`{"memberOf":[{"@odata.type":"#microsoft.graph.group","displayName":"Sales","mailEnabled":true}]}`), &again))
	want := poly.User{MemberOf: poly.Some([]*poly.DirectoryObject{poly.As[poly.DirectoryObject](&poly.Group{
		DirectoryObject: poly.DirectoryObject{Entity: poly.Entity{ODataType: poly.Some("#microsoft.graph.group")}},
		DisplayName:     poly.Some("Sales"), MailEnabled: poly.Some(true)})})}
	assert.Equal(t, want, again, "a decoded value equals the one built with As")
}
