// Command userdemo-kiota decodes a users page with msgraph-sdk-go's kiota
// models and prints the number of users: the twin of userdemo-graphgen for
// buildcost.sh's binary size comparison (kiota models have no Validate).
//
//	userdemo-kiota [FILE]   (default: the benchmark's users page)
package main

import (
	"fmt"
	"os"

	jsonserialization "github.com/microsoft/kiota-serialization-json-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models"

	"github.com/graphgen/graphgen/bench/payloads"
)

func main() {
	data := payloads.UserPage()
	if len(os.Args) > 1 {
		var err error
		if data, err = os.ReadFile(os.Args[1]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	node, err := jsonserialization.NewJsonParseNode(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parse:", err)
		os.Exit(1)
	}
	v, err := node.GetObjectValue(models.CreateUserCollectionResponseFromDiscriminatorValue)
	if err != nil {
		fmt.Fprintln(os.Stderr, "decode:", err)
		os.Exit(1)
	}
	fmt.Println(len(v.(models.UserCollectionResponseable).GetValue()), "users")
}
