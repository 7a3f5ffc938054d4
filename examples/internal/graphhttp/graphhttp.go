// Package graphhttp is the HTTP side of the examples: a request to Graph,
// its error response as a Go error, and retries of throttled requests. The
// generated package has no HTTP of its own; this is what a program adds to
// call Graph with net/http.
package graphhttp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/graphgen/graphgen/examples/graph"
)

// Error is Graph's answer to a request that failed: the HTTP status, the
// request-id to quote to Microsoft, how long Graph asks to wait before
// trying again (429, 503), and the error body, which errors.As reaches as
// a *graph.ODataError.
type Error struct {
	Method, URL string
	Status      int
	RequestID   string
	RetryAfter  time.Duration
	Body        *graph.ODataError // nil when the body is not Graph's error body
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("%s %s: %d %s", e.Method, e.URL, e.Status, http.StatusText(e.Status))
	if e.Body != nil {
		msg += ": " + e.Body.Error()
	}
	if e.RequestID != "" {
		msg += " (request-id " + e.RequestID + ")"
	}
	return msg
}

// Unwrap gives errors.As the error body.
func (e *Error) Unwrap() error {
	if e.Body == nil {
		return nil
	}
	return e.Body
}

// Code is the Graph error code ("Request_ResourceNotFound"), "" without
// one.
func (e *Error) Code() string {
	if e.Body == nil || e.Body.ErrorProperty.Val == nil {
		return ""
	}
	return e.Body.ErrorProperty.Val.Code.Val
}

// Client sends requests to Graph.
type Client struct {
	HTTP *http.Client // nil: http.DefaultClient
	// Retries is how often a throttled request (429, or 503 with
	// Retry-After) is sent again, after the wait Graph asks for.
	Retries int
	// MaxBody bounds the response bodies read; 0 means 64 MiB.
	MaxBody int64
}

// Do sends a request with an optional JSON body and returns the response
// body of a success, or an *Error.
func (c *Client) Do(ctx context.Context, method, url string, body []byte) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		data, err := c.once(ctx, method, url, body)
		var ge *Error
		if !errors.As(err, &ge) || attempt >= c.Retries || !throttled(ge) {
			return data, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(ge.RetryAfter):
		}
	}
}

// Get is Do with GET, the fetch function graph.Pages takes.
func (c *Client) Get(ctx context.Context) func(url string) ([]byte, error) {
	return func(url string) ([]byte, error) { return c.Do(ctx, http.MethodGet, url, nil) }
}

func (c *Client) once(ctx context.Context, method, url string, body []byte) ([]byte, error) {
	var reader io.Reader
	if body != nil {
		reader = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, reader)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	client := c.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	limit := c.MaxBody
	if limit <= 0 {
		limit = 64 << 20
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return data, nil
	}
	return nil, responseError(req, resp, data)
}

// responseError reads a failed response into an *Error.
func responseError(req *http.Request, resp *http.Response, data []byte) *Error {
	e := &Error{Method: req.Method, URL: req.URL.String(), Status: resp.StatusCode, RequestID: resp.Header.Get("request-id")}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s >= 0 {
		e.RetryAfter = time.Duration(s) * time.Second
	}
	var body graph.ODataError
	if body.UnmarshalJSON(data) == nil && body.ErrorProperty.Val != nil {
		e.Body = &body
		if inner := body.ErrorProperty.Val.InnerError.Val; e.RequestID == "" && inner != nil {
			e.RequestID = inner.RequestID.Val
		}
	}
	return e
}

// throttled reports whether Graph asks to send the request again later.
func throttled(e *Error) bool {
	return e.Status == http.StatusTooManyRequests || e.Status == http.StatusServiceUnavailable && e.RetryAfter > 0
}

// Bearer is a transport that sends an access token with every request.
type Bearer struct {
	Token string
	Base  http.RoundTripper // nil: http.DefaultTransport
}

// RoundTrip adds the Authorization header.
func (b Bearer) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+b.Token)
	base := b.Base
	if base == nil {
		base = http.DefaultTransport
	}
	return base.RoundTrip(req)
}

// FromEnvironment is the client of the example programs: the token in
// GRAPH_TOKEN (get one with `az account get-access-token --resource
// https://graph.microsoft.com`), two retries of throttled requests.
func FromEnvironment() (*Client, error) {
	token := os.Getenv("GRAPH_TOKEN")
	if token == "" {
		return nil, errors.New("set GRAPH_TOKEN to an access token for https://graph.microsoft.com")
	}
	return &Client{HTTP: &http.Client{Transport: Bearer{Token: token}, Timeout: time.Minute}, Retries: 2}, nil
}
