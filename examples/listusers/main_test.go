package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/graphgen/graphgen/examples/internal/graphhttp"
	"github.com/graphgen/graphgen/examples/internal/replay"
)

// Real payloads: two recorded pages of users, and what users are members
// of (a recorded directoryObject page of groups, a documented one).
const (
	usersPage1 = "JupiterOne/graph-microsoft-365/src/steps/active-directory/__tests__/__recordings__/iterateUsers_2144043971/recording.har#1"
	usersPage2 = "apache/airflow/providers/microsoft/azure/tests/unit/microsoft/azure/resources/next_users.json#1"
	groupsOf   = "Azure/azure-cli/src/azure-cli/azure/cli/command_modules/role/tests/latest/recordings/test_user_scenario.yaml#9"
	memberOf   = "api-reference/v1.0/api/user-list-transitivememberof.md#2"
)

// TestListUsers pages through users against a server that replays the real
// pages, the first with each user's memberOf expanded from a real page and
// a nextLink to the second: every user is printed in order, each member as
// its concrete type, and the program follows exactly the links given.
func TestListUsers(t *testing.T) {
	page1 := replay.Object(t, replay.Payload(t, "recorded-visible.jsonl", usersPage1))
	page2 := replay.Object(t, replay.Payload(t, "recorded-visible.jsonl", usersPage2))
	groups := replay.Object(t, replay.Payload(t, "recorded-visible.jsonl", groupsOf))["value"]
	documented := replay.Object(t, replay.Payload(t, "docs-2021-visible.jsonl", memberOf))["value"]
	delete(page2, "@odata.nextLink")

	var requests []string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		requests = append(requests, r.URL.RequestURI())
		switch r.URL.Query().Get("page") {
		case "":
			w.Write(replay.JSON(t, page1))
		case "2":
			w.Write(replay.JSON(t, page2))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	for i, u := range page1["value"].([]any) {
		u.(map[string]any)["memberOf"] = [2]any{groups, documented}[i%2]
	}
	page1["@odata.nextLink"] = srv.URL + "/users?$select=id,displayName&$expand=memberOf&page=2"

	var out strings.Builder
	if err := listUsers(context.Background(), &graphhttp.Client{}, srv.URL, &out); err != nil {
		t.Fatal(err)
	}
	want := expected(page1) + expected(page2)
	if out.String() != want {
		t.Errorf("printed:\n%s\nwant:\n%s", out.String(), want)
	}
	t.Logf("printed:\n%s", out.String())
	wantRequests := []string{"/users?$select=id,displayName&$expand=memberOf", "/users?$select=id,displayName&$expand=memberOf&page=2"}
	if fmt.Sprint(requests) != fmt.Sprint(wantRequests) {
		t.Errorf("requests %q, want %q", requests, wantRequests)
	}
	if !strings.Contains(want, "  group ") || strings.Count(want, "\n") < 6 {
		t.Errorf("the pages hold users and groups:\n%s", want)
	}
}

// expected is what listUsers prints for a page, read from its JSON without
// the generated package.
func expected(page map[string]any) string {
	var b strings.Builder
	for _, item := range page["value"].([]any) {
		u := item.(map[string]any)
		fmt.Fprintf(&b, "%s %s\n", str(u["id"]), str(u["displayName"]))
		members, _ := u["memberOf"].([]any)
		for _, m := range members {
			m := m.(map[string]any)
			kind := map[string]string{"#microsoft.graph.group": "group", "#microsoft.graph.directoryRole": "directory role",
				"#microsoft.graph.administrativeUnit": "administrative unit"}[str(m["@odata.type"])]
			if kind == "" {
				fmt.Fprintf(&b, "  %s %s\n", str(m["@odata.type"]), str(m["id"]))
				continue
			}
			fmt.Fprintf(&b, "  %s %s\n", kind, str(m["displayName"]))
		}
	}
	return b.String()
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
