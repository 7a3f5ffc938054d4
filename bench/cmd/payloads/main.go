// Command payloads writes the benchmark payloads to files, for people who
// want to look at them: cloudpcs.json and users.json in DIR (default ".").
//
//	go run ./cmd/payloads [DIR]
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/graphgen/graphgen/bench/payloads"
)

func main() {
	dir := "."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"cloudpcs.json", payloads.CloudPCPage()},
		{"users.json", payloads.UserPage()},
	} {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, f.data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "payloads:", err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d bytes\n", path, len(f.data))
	}
}
