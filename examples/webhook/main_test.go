package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/graphgen/graphgen/examples/graph"
	"github.com/graphgen/graphgen/examples/internal/replay"
)

// Real notifications: a change notification collection from the Graph SDK's
// tests, and a batch with a null item recorded in another project's tests.
const (
	notification = "microsoftgraph/msgraph-sdk-dotnet/tests/Microsoft.Graph.DotnetCore.Test/Models/ModelSerializationTests.cs#1"
	withNull     = "mattermost/mattermost-plugin-mscalendar/msgraph/handle_webhook_test.go#2"
)

// TestWebhook posts to the endpoint what Graph and the internet send: the
// validation handshake, a real notification with the subscription's
// clientState and with another, a batch with a null item, malformed JSON,
// a 1 MB batch of empty objects, a body over the limit, and a GET. Each
// gets the status Graph expects, and only the accepted notification is
// handled.
func TestWebhook(t *testing.T) {
	var mu sync.Mutex
	var handled []string
	srv := httptest.NewServer(&notifications{clientState: "s3cr3t", handle: func(n *graph.ChangeNotification) {
		mu.Lock()
		defer mu.Unlock()
		handled = append(handled, string(n.SubscriptionID.Val)+" "+string(n.ChangeType.Val))
	}})
	defer srv.Close()

	real := replay.Object(t, replay.Payload(t, "recorded-visible.jsonl", notification))
	ours := withClientState(t, real, "s3cr3t")
	theirs := withClientState(t, real, "not ours")
	for _, c := range []struct {
		name, method, query string
		body                []byte
		status              int
		reply               string
	}{
		{"validation handshake", "POST", "?validationToken=Validation%3A+Testing+client+application+reachability", nil, 200,
			"Validation: Testing client application reachability"},
		{"a notification of ours", "POST", "", ours, 202, ""},
		{"another clientState", "POST", "", theirs, 400, "clientState"},
		{"a null item", "POST", "", replay.Payload(t, "recorded-visible.jsonl", withNull), 400, "notification 0"},
		{"malformed JSON", "POST", "", []byte(`{"value":[{"changeType":`), 400, "json:"},
		{"1 MB of empty objects", "POST", "", []byte(`{"value":[` + strings.Repeat(`{},`, (maxBody-14)/3) + `{}]}`), 400, "MaxValueBytes"},
		{"over the limit", "POST", "", bytes.Repeat([]byte(" "), maxBody+1), 400, "too large"},
		{"GET", "GET", "", nil, 405, ""},
	} {
		req, err := http.NewRequest(c.method, srv.URL+"/notify"+c.query, bytes.NewReader(c.body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		reply, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(string(reply), c.reply) {
			t.Errorf("%s: %d %q, want %d %q", c.name, resp.StatusCode, reply, c.status, c.reply)
		}
		if c.name == "validation handshake" && (string(reply) != c.reply || resp.Header.Get("Content-Type") != "text/plain") {
			t.Errorf("the handshake echoes the token as text/plain: %q %s", reply, resp.Header.Get("Content-Type"))
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"c224ac82-d3f3-4079-80ed-b6cd355e0f56 updated"}; strings.Join(handled, ",") != strings.Join(want, ",") {
		t.Errorf("handled %q, want %q", handled, want)
	}
}

// withClientState is a notification batch with every clientState set.
func withClientState(t *testing.T, batch map[string]any, state string) []byte {
	data := replay.JSON(t, batch)
	var copied map[string]any
	if err := json.Unmarshal(data, &copied); err != nil {
		t.Fatal(err)
	}
	for _, n := range copied["value"].([]any) {
		n.(map[string]any)["clientState"] = state
	}
	return replay.JSON(t, copied)
}
