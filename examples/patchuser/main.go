// Command patchuser updates a user with PATCH: the properties it sets, one
// cleared with null, and nothing else.
//
//	GRAPH_TOKEN=… go run ./patchuser [-base https://graph.microsoft.com/v1.0] USER-ID-OR-UPN
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"

	"github.com/graphgen/graphgen/examples/graph"
	"github.com/graphgen/graphgen/examples/internal/graphhttp"
)

func main() {
	base := flag.String("base", "https://graph.microsoft.com/v1.0", "Graph's endpoint")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: patchuser [-base URL] USER-ID-OR-UPN")
		os.Exit(2)
	}
	c, err := graphhttp.FromEnvironment()
	if err == nil {
		err = moveToRemote(context.Background(), c, *base, flag.Arg(0))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "patchuser:", err)
		os.Exit(1)
	}
	fmt.Println("updated")
}

// moveToRemote sets a user's job title and clears the office location.
func moveToRemote(ctx context.Context, c *graphhttp.Client, base, id string) error {
	patch := graph.User{JobTitle: graph.Some("Remote engineer")}
	patch.OfficeLocation.State = graph.Null // sent as null: Graph clears it
	body, err := json.Marshal(&patch)
	if err != nil {
		return err
	}
	_, err = c.Do(ctx, http.MethodPatch, base+"/users/"+url.PathEscape(id), body)
	return err
}
