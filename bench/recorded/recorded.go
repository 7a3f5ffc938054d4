// Package recorded picks the benchmarks' real pages out of the recorded
// Graph payloads in shared/ (examples/recorded-visible.jsonl, read in place
// beside the repository, never copied into it): payloads other projects
// recorded from the live service or wrote as mocks, one JSON record a line
// with the payload in "payload".
//
//   - ServicePrincipals: the largest microsoft.graph.servicePrincipal
//     collection page (GET /servicePrincipals, 100 items, ~586 KB compact):
//     wide items with many nulls, string lists and arrays of nested objects
//     (appRoles, oauth2PermissionScopes, keyCredentials), and a member the
//     v1.0 schema lacks (createdDateTime).
//   - RoleDefinitions: the largest microsoft.graph.unifiedRoleDefinition
//     collection page (GET /roleManagement/directory/roleDefinitions, ~110
//     items, ~170 KB): long string lists (allowedResourceActions), a
//     self-referencing navigation (inheritsPermissionsFrom) and an
//     annotation on it.
//   - Message: the largest microsoft.graph.message payload (a single
//     message of ~99 KB, most of it an HTML body with escapes).
//
// Each payload is compacted (json.Compact) the way Graph sends it; the
// records store it with a space after every separator. The package is apart
// from package payloads so that the userdemo binaries, which use payloads,
// do not link encoding/json's reader of this file.
package recorded

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// File is the recorded-payloads file, relative to the bench module's root
// (where go test runs the bench package).
const File = "../../shared/graph/v1.0/examples/recorded-visible.jsonl"

// A Payload is one record's payload.
type Payload struct {
	ID         string // the record's id: <repository>/<path>#<n>
	Data       []byte // the payload, compact
	Collection bool   // a collection page {"value": [...], ...}
	Items      int    // items of a collection page; 1 for a single entity
}

// Pages are the three payloads the benchmarks use.
type Pages struct {
	ServicePrincipals, RoleDefinitions, Message Payload
}

type record struct {
	ID         string          `json:"id"`
	Kind       string          `json:"kind"`
	Type       *string         `json:"type"`
	Collection bool            `json:"collection"`
	Payload    json.RawMessage `json:"payload"`
}

// Load reads file and picks the three payloads: for each, the largest
// response of its type (a collection page for service principals and role
// definitions; single or page for messages), by compact size.
func Load(file string) (*Pages, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pages Pages
	picks := []struct {
		typ        string
		collection bool // only collection pages
		dst        *Payload
	}{
		{"microsoft.graph.servicePrincipal", true, &pages.ServicePrincipals},
		{"microsoft.graph.unifiedRoleDefinition", true, &pages.RoleDefinitions},
		{"microsoft.graph.message", false, &pages.Message},
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, line, err)
		}
		if r.Kind != "response" || r.Type == nil {
			continue
		}
		for _, p := range picks {
			if *r.Type != p.typ || (p.collection && !r.Collection) {
				continue
			}
			var b bytes.Buffer
			if err := json.Compact(&b, r.Payload); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", file, line, err)
			}
			if b.Len() <= len(p.dst.Data) {
				continue
			}
			items := 1
			if r.Collection {
				var page struct {
					Value []json.RawMessage `json:"value"`
				}
				if err := json.Unmarshal(b.Bytes(), &page); err != nil {
					return nil, fmt.Errorf("%s:%d: %v", file, line, err)
				}
				items = len(page.Value)
			}
			*p.dst = Payload{ID: r.ID, Data: b.Bytes(), Collection: r.Collection, Items: items}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	for _, p := range picks {
		if p.dst.Data == nil {
			return nil, fmt.Errorf("%s: no %s response", file, p.typ)
		}
	}
	return &pages, nil
}
