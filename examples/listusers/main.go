// Command listusers lists a tenant's users with what each is a member of
// (groups, directory roles, administrative units: $expand=memberOf), page by
// page to the last @odata.nextLink, each member as its own Go type.
//
//	GRAPH_TOKEN=… go run ./listusers [-base https://graph.microsoft.com/v1.0]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/graphgen/graphgen/examples/graph"
	"github.com/graphgen/graphgen/examples/internal/graphhttp"
)

func main() {
	base := flag.String("base", "https://graph.microsoft.com/v1.0", "Graph's endpoint")
	flag.Parse()
	c, err := graphhttp.FromEnvironment()
	if err == nil {
		err = listUsers(context.Background(), c, *base, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "listusers:", err)
		os.Exit(1)
	}
}

// listUsers prints every user, and under each what it is a member of.
func listUsers(ctx context.Context, c *graphhttp.Client, base string, out io.Writer) error {
	url := base + "/users?$select=id,displayName&$expand=memberOf"
	for page, err := range graph.Pages[graph.UserCollectionResponse](c.Get(ctx), url) {
		if err != nil {
			return err
		}
		for _, u := range page.Items() {
			if u == nil {
				continue // a null item, which the service sends now and then
			}
			fmt.Fprintf(out, "%s %s\n", u.ID.Val, u.DisplayName.Val)
			for _, m := range u.MemberOf.Val {
				if m != nil {
					fmt.Fprintf(out, "  %s\n", member(m))
				}
			}
		}
	}
	return nil
}

// member describes a directory object by its concrete type.
func member(m *graph.DirectoryObject) string {
	switch v := graph.Concrete(m).(type) {
	case *graph.Group:
		return "group " + v.DisplayName.Val
	case *graph.DirectoryRole:
		return "directory role " + v.DisplayName.Val
	case *graph.AdministrativeUnit:
		return "administrative unit " + v.DisplayName.Val
	}
	return fmt.Sprintf("%s %s", m.ODataType.Val, m.ID.Val) // a type this package was not generated for
}
