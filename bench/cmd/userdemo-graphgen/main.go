// Command userdemo-graphgen decodes and validates a users page with
// graphgen's generated package and prints the number of users: the program
// whose binary size buildcost.sh compares with userdemo-kiota's.
//
//	userdemo-graphgen [FILE]   (default: the benchmark's users page)
package main

import (
	"fmt"
	"os"

	"github.com/graphgen/graphgen/bench/graph"
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
	var page graph.UserCollectionResponse
	if err := page.UnmarshalJSON(data); err != nil {
		fmt.Fprintln(os.Stderr, "decode:", err)
		os.Exit(1)
	}
	if err := page.Validate(); err != nil {
		fmt.Fprintln(os.Stderr, "validate:", err)
		os.Exit(1)
	}
	fmt.Println(len(page.Items()), "users")
}
