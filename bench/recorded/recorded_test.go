package recorded

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	lines := []string{
		// Requests, other types and single service principals are not picked.
		`{"id": "a#1", "kind": "request", "type": "microsoft.graph.servicePrincipal", "collection": true, "payload": {"value": [{"id": "1"}, {"id": "2"}, {"id": "3"}, {"id": "4"}]}}`,
		`{"id": "a#2", "kind": "response", "type": null, "collection": true, "payload": {"value": [{"id": "big big big big big big big"}]}}`,
		`{"id": "a#3", "kind": "response", "type": "microsoft.graph.servicePrincipal", "collection": false, "payload": {"id": "a very long single service principal id"}}`,
		`{"id": "sp#small", "kind": "response", "type": "microsoft.graph.servicePrincipal", "collection": true, "payload": {"value": [{"id": "1"}]}}`,
		`{"id": "sp#large", "kind": "response", "type": "microsoft.graph.servicePrincipal", "collection": true, "payload": {"value": [{"id": "1"}, {"id": "2"}]}}`,
		`{"id": "rd#1", "kind": "response", "type": "microsoft.graph.unifiedRoleDefinition", "collection": true, "payload": {"value": [{"id": "r", "resourceScopes": ["/"]}]}}`,
		`{"id": "m#page", "kind": "response", "type": "microsoft.graph.message", "collection": true, "payload": {"value": [{"id": "m"}]}}`,
		`{"id": "m#single", "kind": "response", "type": "microsoft.graph.message", "collection": false, "payload": {"id": "m", "subject": "a longer subject line"}}`,
	}
	file := filepath.Join(t.TempDir(), "recorded.jsonl")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		got        Payload
		id, data   string
		items      int
		collection bool
	}{
		{p.ServicePrincipals, "sp#large", `{"value":[{"id":"1"},{"id":"2"}]}`, 2, true},
		{p.RoleDefinitions, "rd#1", `{"value":[{"id":"r","resourceScopes":["/"]}]}`, 1, true},
		{p.Message, "m#single", `{"id":"m","subject":"a longer subject line"}`, 1, false},
	} {
		if c.got.ID != c.id || string(c.got.Data) != c.data || c.got.Items != c.items || c.got.Collection != c.collection {
			t.Errorf("got %+v (%s), want %s %s", c.got, c.got.Data, c.id, c.data)
		}
	}

	// A file lacking one of the three is an error, and so is no file.
	if err := os.WriteFile(file, []byte(lines[4]+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(file); err == nil || !strings.Contains(err.Error(), "unifiedRoleDefinition") {
		t.Errorf("Load without role definitions: %v", err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "none.jsonl")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}
