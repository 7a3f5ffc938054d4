//go:build goexperiment.jsonv2

package bench

// The encoding/json/v2 peers exist only with GOEXPERIMENT=jsonv2 (Go 1.25
// and later): run.sh runs a second benchmark pass with it. Under the
// experiment encoding/json itself is rebuilt on v2, so that pass runs only
// the two peers below (run.sh's -bench pattern); encodingjson and jsonvalid
// are measured in the ordinary pass.

import (
	"bytes"
	"encoding/json/jsontext"
	jsonv2 "encoding/json/v2"
	"slices"
	"testing"
)

func init() {
	plainPeers = append(plainPeers, plainPeer{
		name:      "jsonv2",
		unmarshal: func(data []byte, v any) error { return jsonv2.Unmarshal(data, v) },
		marshal:   func(v any) ([]byte, error) { return jsonv2.Marshal(v) },
	})
	// The reference floor of the issue: a full syntax check by v2's
	// tokenizer, no values built.
	scanPeers = append(scanPeers, scanPeer{"jsontextvalid", func(data []byte) bool { return jsontext.Value(data).IsValid() }})
}

// TestJSONv2Peers: the v2 peers are registered (so TestDecodersAgree and
// TestEncodersAgree cover jsonv2 in this build) and the scan reference does
// reject what is not JSON, on every payload.
func TestJSONv2Peers(t *testing.T) {
	if !slices.ContainsFunc(plainPeers, func(p plainPeer) bool { return p.name == "jsonv2" }) {
		t.Fatal("jsonv2 is not among the plain peers")
	}
	if !slices.ContainsFunc(scanPeers, func(p scanPeer) bool { return p.name == "jsontextvalid" }) {
		t.Fatal("jsontextvalid is not among the scan peers")
	}
	for _, pl := range pages {
		t.Run(pl.name, func(t *testing.T) {
			need(t, pl)
			if !jsontext.Value(pl.data).IsValid() {
				t.Fatal("jsontext rejects the payload")
			}
			// Drop the last closing brace, then break a string in the middle.
			if jsontext.Value(pl.data[:len(pl.data)-1]).IsValid() {
				t.Error("jsontext accepts a truncated payload")
			}
			bad := bytes.Clone(pl.data)
			i := bytes.IndexByte(bad[len(bad)/2:], '"') + len(bad)/2
			bad[i] = 0x01
			if jsontext.Value(bad).IsValid() {
				t.Error("jsontext accepts a control character in place of a quote")
			}
		})
	}
}
