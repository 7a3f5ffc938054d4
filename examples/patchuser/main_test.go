package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/graphgen/graphgen/examples/graph"
	"github.com/graphgen/graphgen/examples/internal/graphhttp"
	"github.com/graphgen/graphgen/examples/internal/replay"
)

// TestPatchSendsWhatIsSetAndNull checks the request the program sends:
// PATCH of the user's URL, a JSON body with the property set, the one
// cleared as null, and nothing else; Graph's 204 is success, and a
// recorded error body is an error.
func TestPatchSendsWhatIsSetAndNull(t *testing.T) {
	var mu sync.Mutex
	var method, path, contentType, body string
	status := http.StatusNoContent
	var errorBody []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		data, _ := io.ReadAll(r.Body)
		method, path, contentType, body = r.Method, r.URL.EscapedPath(), r.Header.Get("Content-Type"), string(data)
		w.WriteHeader(status)
		w.Write(errorBody)
	}))
	defer srv.Close()

	if err := moveToRemote(context.Background(), &graphhttp.Client{}, srv.URL, "adele@contoso.com"); err != nil {
		t.Fatal(err)
	}
	if method != "PATCH" || path != "/users/adele@contoso.com" || contentType != "application/json" {
		t.Errorf("sent %s %s (%s)", method, path, contentType)
	}
	if want := `{"jobTitle":"Remote engineer","officeLocation":null}`; body != want {
		t.Errorf("sent %s, want %s", body, want)
	}

	status = http.StatusForbidden
	errorBody = replay.Payload(t, "recorded-visible.jsonl",
		"JupiterOne/graph-azure/src/steps/active-directory/access-groups/__recordings__/rm-access-package-assignment-approver-is-user_3888244857/recording.har#7")
	err := moveToRemote(context.Background(), &graphhttp.Client{}, srv.URL, "adele@contoso.com")
	var odata *graph.ODataError
	if !errors.As(err, &odata) || odata.ErrorProperty.Val.Code.Val != "Authentication_RequestFromNonPremiumTenantOrB2CTenant" {
		t.Errorf("a refused PATCH: %v", err)
	}
}
