package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// userProgram is code written against the package generated from
// testdata/stability/v1.yaml. It must compile against the package
// regenerated from v2.yaml, which only adds to the schemas (a first derived
// type of conditionalAccessPolicy and of the complex root objectIdentity, a
// new derived type of directoryObject, a new enum member), and print the
// same. (Validate is left out for values of the new types: v1 reports a
// whatIfAnalysisResult as a type it does not know, v2 checks it.)
const userProgram = `package main

import (
	"encoding/json"
	"fmt"

	"example.com/user/graph"
)

const payload = ` + "`" + `{"id":"root",
	"conditionalAccessPolicies":[
		{"@odata.type":"#microsoft.graph.whatIfAnalysisResult","id":"p1","displayName":"Block legacy","state":"high","policyApplies":true},
		{"id":"p2","displayName":"MFA","state":"low"},
		null],
	"defaultPolicy":{"@odata.type":"#microsoft.graph.whatIfAnalysisResult","id":"p3","displayName":"Default"},
	"rooms":[{"id":"r1","displayName":"Room 1","placeId":"x","capacity":8}],
	"signInIdentity":{"@odata.type":"#microsoft.graph.userIdentity","issuer":"contoso","ipAddress":"192.0.2.1"}}` + "`" + `

func main() {
	var root graph.PolicyRoot
	if err := json.Unmarshal([]byte(payload), &root); err != nil {
		panic(err)
	}
	for _, p := range root.ConditionalAccessPolicies.Val {
		if p == nil {
			fmt.Println("null")
			continue
		}
		fmt.Println(p.ID.Val, p.DisplayName.Val, p.State.Val == graph.RiskLevelHigh, p.State.Val.IsKnown())
	}
	fmt.Println(root.DefaultPolicy.Val.DisplayName.Val)
	for _, r := range root.Rooms.Val {
		fmt.Println(r.DisplayName.Val, r.PlaceID.Val, r.Capacity.Val)
	}
	fmt.Println(root.SignInIdentity.Val.Issuer.Val)
	var policies []*graph.ConditionalAccessPolicy = root.ConditionalAccessPolicies.Val
	root.ConditionalAccessPolicies = graph.Some(append(policies[:2], &graph.ConditionalAccessPolicy{DisplayName: graph.Some("new")}))
	root.SignInIdentity = graph.Some(&graph.ObjectIdentity{Issuer: graph.Some("fabrikam")})

	u := &graph.User{DisplayName: graph.Some("Adele"), RiskLevel: graph.Some(graph.RiskLevelLow),
		Identities: graph.Some([]*graph.ObjectIdentity{{Issuer: graph.Some("contoso")}})}
	held := graph.As[graph.DirectoryObject](u)
	switch v := graph.Concrete(held).(type) {
	case *graph.User:
		fmt.Println("user", v.DisplayName.Val, v.Identities.Val[0].Issuer.Val)
	default:
		fmt.Printf("%T\n", v)
	}
	fmt.Println(held.Validate(), root.Rooms.Val[0].Validate())
	root.Rooms = graph.Opt[[]*graph.Room]{} // a property that moves is written in its new place
	out, err := json.Marshal(&root)
	fmt.Println(string(out), err)
	out, err = json.Marshal(held)
	fmt.Println(string(out), err)
}
`

// literalProgram uses Room in a composite literal with a property that v2
// moves into Room's base: that is the one change of v2 that breaks code,
// and graphgen diff says so.
const literalProgram = `package literal

import "example.com/user/graph"

var Room = graph.Room{PlaceID: graph.Some("p1"), Capacity: graph.Some[int32](8)}
`

func TestRegeneratingOnAnAdditiveUpdateKeepsUsersCode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module twice")
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod":             "module example.com/user\n\ngo 1.25\n",
		"main.go":            userProgram,
		"literal/literal.go": literalProgram,
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	}
	generate := func(version string) {
		code, _, stderr := runCLI(t, "generate", "-in", "../../testdata/stability/"+version+".yaml", "-out", filepath.Join(dir, "graph"), "-package", "graph")
		require.Equal(t, 0, code, stderr)
	}
	goCmd := func(args ...string) (string, error) {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	generate("v1")
	out, err := goCmd("build", "./...")
	require.NoError(t, err, "against v1:\n%s", out)
	before, err := goCmd("run", ".")
	require.NoError(t, err, before)
	assert.Contains(t, before, "p1 Block legacy true true\np2 MFA false true\nnull\nDefault\nRoom 1 x 8\ncontoso\nuser Adele contoso\n")

	generate("v2")
	after, err := goCmd("run", ".")
	require.NoError(t, err, "the program must compile against v2:\n%s", after)
	assert.Equal(t, before, after, "and behave the same")

	out, err = goCmd("build", "./literal")
	require.Error(t, err, "a property moved into the base breaks a composite literal")
	assert.Contains(t, out, "unknown field PlaceID in struct literal")
	code, stdout, _ := runCLI(t, "diff", "../../testdata/stability/v1.yaml", "../../testdata/stability/v2.yaml")
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, "breaking moved-property microsoft.graph.room/placeId: microsoft.graph.room -> microsoft.graph.place\n")
	assert.Contains(t, stdout, "graphgen diff: 7 changes, 1 breaking\n", "the move is the only breaking change")
}
