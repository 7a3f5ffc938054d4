// Command getuser reads one user, and shows what a failed request tells:
// the HTTP status, Graph's error code and message, and the request-id to
// quote to Microsoft. Throttled requests (429) are sent again after the
// Retry-After Graph asks for.
//
//	GRAPH_TOKEN=… go run ./getuser [-base https://graph.microsoft.com/v1.0] USER-ID-OR-UPN
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"

	"github.com/graphgen/graphgen/examples/graph"
	"github.com/graphgen/graphgen/examples/internal/graphhttp"
)

func main() {
	base := flag.String("base", "https://graph.microsoft.com/v1.0", "Graph's endpoint")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: getuser [-base URL] USER-ID-OR-UPN")
		os.Exit(2)
	}
	c, err := graphhttp.FromEnvironment()
	if err == nil {
		err = getUser(context.Background(), c, *base, flag.Arg(0), os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "getuser:", describe(err))
		os.Exit(1)
	}
}

// getUser prints a user's id, name and mail.
func getUser(ctx context.Context, c *graphhttp.Client, base, id string, out io.Writer) error {
	body, err := c.Do(ctx, "GET", base+"/users/"+url.PathEscape(id)+"?$select=id,displayName,mail", nil)
	if err != nil {
		return err
	}
	var u graph.User
	if err := u.UnmarshalJSON(body); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s %s %s\n", u.ID.Val, u.DisplayName.Val, u.Mail.Val)
	return nil
}

// describe says what a failed request tells, for a person reading it.
func describe(err error) string {
	var ge *graphhttp.Error
	if !errors.As(err, &ge) {
		return err.Error()
	}
	text := fmt.Sprintf("HTTP %d, code %q, request-id %s", ge.Status, ge.Code(), ge.RequestID)
	var body *graph.ODataError // the error body, reached through the *graphhttp.Error
	if errors.As(err, &body) {
		text += ": " + body.ErrorProperty.Val.Message.Val
	}
	return text
}
