package main

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/graphgen/graphgen/examples/graph"
	"github.com/graphgen/graphgen/examples/internal/graphhttp"
	"github.com/graphgen/graphgen/examples/internal/replay"
)

// Real payloads: error bodies recorded from the service and from test
// fixtures, and a recorded page of users whose first user is served.
const (
	notFound  = "deploymenttheory/terraform-provider-microsoft365/internal/services/resources/identity_and_access/graph_v1.0/conditional_access_terms_of_use/tests/responses/validate_delete/get_agreement_not_found.json#1"
	forbidden = "JupiterOne/graph-microsoft-365/src/steps/active-directory/__tests__/__recordings__/iterateGroupsInsufficientPermissions_403394602/recording.har#2"
	throttle  = "microsoftgraph/msgraph-sdk-dotnet-core/tests/Microsoft.Graph.DotnetCore.Core.Test/Tasks/PageIteratorTests.cs#1"
	users     = "JupiterOne/graph-microsoft-365/src/steps/active-directory/__tests__/__recordings__/iterateUsers_2144043971/recording.har#1"
)

// response is one answer of the test server.
type response struct {
	status int
	header map[string]string
	body   []byte
}

// serve answers requests with responses in turn, and records when each
// request came.
func serve(t *testing.T, responses ...response) (*httptest.Server, *[]time.Time) {
	var times []time.Time
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if len(times) >= len(responses) {
			t.Errorf("unexpected request %s", r.URL)
			http.Error(w, "no more", http.StatusTeapot)
			return
		}
		resp := responses[len(times)]
		times = append(times, time.Now())
		for k, v := range resp.header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(resp.status)
		w.Write(resp.body)
	}))
	t.Cleanup(srv.Close)
	return srv, &times
}

// TestErrorResponses turns Graph's error responses into errors that carry
// the HTTP status, the Graph code and message and the request-id (from the
// header, or else from the body), with errors.As reaching the error body.
func TestErrorResponses(t *testing.T) {
	for _, c := range []struct {
		name      string
		resp      response
		code      string
		message   string
		requestID string
	}{
		{"404, request-id in the header", response{404, map[string]string{"request-id": "4f4e3a7e-0000-4000-8000-000000000404"},
			replay.Payload(t, "recorded-visible.jsonl", notFound)}, "ResourceNotFound", "Agreement not found", "4f4e3a7e-0000-4000-8000-000000000404"},
		{"403, request-id in the body", response{403, nil, replay.Payload(t, "recorded-visible.jsonl", forbidden)},
			"Authorization_IdentityNotFound", "The identity of the calling application could not be established.", "801d4164-3584-45ac-b101-86fe4d48e099"},
		{"503 without Retry-After, not sent again", response{503, nil, replay.Payload(t, "recorded-visible.jsonl", throttle)},
			"ErrorInvalidParameter", "The parameter is not currently supported on the resource.", "e8a0a3c8-7e8d-4b0b-8a0a-3c87e8d4b0b8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv, times := serve(t, c.resp)
			var out strings.Builder
			err := getUser(context.Background(), &graphhttp.Client{Retries: 2}, srv.URL, "adele@contoso.com", &out)
			var ge *graphhttp.Error
			if !errors.As(err, &ge) {
				t.Fatalf("want a *graphhttp.Error, got %v", err)
			}
			if ge.Status != c.resp.status || ge.Code() != c.code || ge.RequestID != c.requestID {
				t.Errorf("status %d, code %q, request-id %q", ge.Status, ge.Code(), ge.RequestID)
			}
			var body *graph.ODataError
			if !errors.As(err, &body) || body.ErrorProperty.Val.Message.Val != c.message {
				t.Errorf("errors.As to *graph.ODataError: %v", body)
			}
			if want := c.code + ": " + c.message; !strings.Contains(err.Error(), want) {
				t.Errorf("%q lacks %q", err, want)
			}
			if len(*times) != 1 || out.Len() != 0 {
				t.Errorf("%d requests, printed %q", len(*times), out.String())
			}
			t.Log(describe(err))
		})
	}
}

// TestThrottledRequestIsSentAgain answers 429 with Retry-After: 1, then the
// user: the request is sent again a second later, and the user printed.
func TestThrottledRequestIsSentAgain(t *testing.T) {
	user := replay.Object(t, replay.Payload(t, "recorded-visible.jsonl", users))["value"].([]any)[0]
	srv, times := serve(t,
		response{429, map[string]string{"Retry-After": "1"}, replay.Payload(t, "recorded-visible.jsonl", throttle)},
		response{200, nil, replay.JSON(t, user)})
	var out strings.Builder
	if err := getUser(context.Background(), &graphhttp.Client{Retries: 2}, srv.URL, "d0e84358-ed79-4ae0-9157-83d3a0ef9b78", &out); err != nil {
		t.Fatal(err)
	}
	if want := "d0e84358-ed79-4ae0-9157-83d3a0ef9b78 Adam Williams \n"; out.String() != want {
		t.Errorf("printed %q, want %q", out.String(), want)
	}
	if len(*times) != 2 || (*times)[1].Sub((*times)[0]) < time.Second {
		t.Errorf("requests at %v: want two, a second apart", *times)
	}
}
