package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/bytedance/sonic"
	gojson "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	jsonserialization "github.com/microsoft/kiota-serialization-json-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	segmentio "github.com/segmentio/encoding/json"

	"github.com/graphgen/graphgen/bench/graph"
	"github.com/graphgen/graphgen/bench/payloads"
	"github.com/graphgen/graphgen/bench/plain"
	"github.com/graphgen/graphgen/bench/recorded"
	"github.com/graphgen/graphgen/bench/wide"
)

// A payload is one page and how each peer decodes it. Every decode function
// starts from the bytes and ends with a fully decoded value.
type payload struct {
	name   string
	data   []byte
	items  int
	single bool // one entity, not a collection page
	// missing says why a recorded payload could not be read (the shared
	// file is absent): its benchmarks and tests skip, or fail under
	// GRAPHGEN_REQUIRE_SHARED (see need).
	missing error

	graphgen func(data []byte) (model, error)
	// graphgenDecode is what BenchmarkDecode times: UnmarshalJSON called
	// directly on a local value, the way a program would.
	graphgenDecode func(data []byte) error
	kiota          absser.ParsableFactory
	// newPlain returns a new package plain value for the page, as a
	// pointer: what the plain-struct peers decode into.
	newPlain func() any
	// newWide returns a new package wide value for the page, as a pointer:
	// what the plain-struct peers decode into in the wide benchmarks (every
	// property of the schema, as oapi-codegen writes them).
	newWide func() any
}

// model is what graphgen's generated types (the pages, the message) have in
// common.
type model interface {
	UnmarshalJSON([]byte) error
	MarshalJSON() ([]byte, error)
	Validate() error
}

// A plainPeer is a JSON library decoding into and encoding from package
// plain's structs.
type plainPeer struct {
	name      string
	unmarshal func(data []byte, v any) error
	marshal   func(v any) ([]byte, error)
}

// plainPeers are the plain-struct peers, in benchmark order; the file built
// with GOEXPERIMENT=jsonv2 appends encoding/json/v2. encoding/json comes
// first: decodeAll and the tests that need one plain decode use it.
var plainPeers = []plainPeer{
	{"encodingjson", json.Unmarshal, json.Marshal},
	// sonic's default API: no string copies (decoded strings point into the
	// input), no UTF-8 validation, no HTML escaping.
	{"sonic", sonic.Unmarshal, sonic.Marshal},
	// sonic.ConfigStd: encoding/json's behaviour (copied strings, validated
	// UTF-8, HTML escaping, sorted map keys).
	{"sonicstd", sonic.ConfigStd.Unmarshal, sonic.ConfigStd.Marshal},
	{"gojson", gojson.Unmarshal, gojson.Marshal},
	{"segmentio", segmentio.Unmarshal, segmentio.Marshal},
	{"jsoniter", jsoniter.ConfigCompatibleWithStandardLibrary.Unmarshal, jsoniter.ConfigCompatibleWithStandardLibrary.Marshal},
}

// A scanPeer only checks that the bytes are JSON: the floor under any
// decode. The jsonv2 file appends jsontext.Value.IsValid.
type scanPeer struct {
	name  string
	valid func(data []byte) bool
}

var scanPeers = []scanPeer{{"jsonvalid", json.Valid}}

var pages = append(syntheticPages(), recordedPages()...)

// syntheticPages are package payloads' pages, always there.
func syntheticPages() []payload {
	return []payload{
		{
			name:  "cloudPCs",
			data:  payloads.CloudPCPage(),
			items: payloads.CloudPCItems,
			graphgen: func(data []byte) (model, error) {
				var p graph.CloudPCCollectionResponse
				err := p.UnmarshalJSON(data)
				return &p, err
			},
			graphgenDecode: func(data []byte) error {
				var p graph.CloudPCCollectionResponse
				return p.UnmarshalJSON(data)
			},
			kiota:    models.CreateCloudPCCollectionResponseFromDiscriminatorValue,
			newPlain: func() any { return new(plain.CloudPCPage) },
			newWide:  func() any { return new(wide.CloudPCCollectionResponse) },
		},
		{
			name:  "users",
			data:  payloads.UserPage(),
			items: payloads.UserItems,
			graphgen: func(data []byte) (model, error) {
				var p graph.UserCollectionResponse
				err := p.UnmarshalJSON(data)
				return &p, err
			},
			graphgenDecode: func(data []byte) error {
				var p graph.UserCollectionResponse
				return p.UnmarshalJSON(data)
			},
			kiota:    models.CreateUserCollectionResponseFromDiscriminatorValue,
			newPlain: func() any { return new(plain.UserPage) },
			newWide:  func() any { return new(wide.UserCollectionResponse) },
		},
	}
}

// recordedPages are package recorded's real pages, read from the shared
// file in place; when it cannot be read, each carries the error in missing.
func recordedPages() []payload {
	rec, err := recorded.Load(recorded.File)
	if err != nil {
		err = fmt.Errorf("recorded payloads: %w", err)
		rec = &recorded.Pages{}
	} else if rec.Message.Collection {
		// The benchmarks decode the message as one microsoft.graph.message.
		err = fmt.Errorf("recorded payloads: the largest message (%s) is now a page", rec.Message.ID)
	}
	return []payload{
		{
			name:    "servicePrincipals",
			data:    rec.ServicePrincipals.Data,
			items:   rec.ServicePrincipals.Items,
			missing: err,
			graphgen: func(data []byte) (model, error) {
				var p graph.ServicePrincipalCollectionResponse
				err := p.UnmarshalJSON(data)
				return &p, err
			},
			graphgenDecode: func(data []byte) error {
				var p graph.ServicePrincipalCollectionResponse
				return p.UnmarshalJSON(data)
			},
			kiota:    models.CreateServicePrincipalCollectionResponseFromDiscriminatorValue,
			newPlain: func() any { return new(plain.ServicePrincipalPage) },
			newWide:  func() any { return new(wide.ServicePrincipalCollectionResponse) },
		},
		{
			name:    "roleDefinitions",
			data:    rec.RoleDefinitions.Data,
			items:   rec.RoleDefinitions.Items,
			missing: err,
			graphgen: func(data []byte) (model, error) {
				var p graph.UnifiedRoleDefinitionCollectionResponse
				err := p.UnmarshalJSON(data)
				return &p, err
			},
			graphgenDecode: func(data []byte) error {
				var p graph.UnifiedRoleDefinitionCollectionResponse
				return p.UnmarshalJSON(data)
			},
			kiota:    models.CreateUnifiedRoleDefinitionCollectionResponseFromDiscriminatorValue,
			newPlain: func() any { return new(plain.UnifiedRoleDefinitionPage) },
			newWide:  func() any { return new(wide.UnifiedRoleDefinitionCollectionResponse) },
		},
		{
			name:    "message",
			data:    rec.Message.Data,
			items:   rec.Message.Items,
			single:  true,
			missing: err,
			graphgen: func(data []byte) (model, error) {
				var p graph.Message
				err := p.UnmarshalJSON(data)
				return &p, err
			},
			graphgenDecode: func(data []byte) error {
				var p graph.Message
				return p.UnmarshalJSON(data)
			},
			kiota:    models.CreateMessageFromDiscriminatorValue,
			newPlain: func() any { return new(plain.Message) },
			newWide:  func() any { return new(wide.Message) },
		},
	}
}

// need skips tb when pl's data could not be read, and fails it instead when
// GRAPHGEN_REQUIRE_SHARED is set (CI sets it).
func need(tb testing.TB, pl payload) {
	tb.Helper()
	if pl.missing == nil {
		return
	}
	if os.Getenv("GRAPHGEN_REQUIRE_SHARED") != "" {
		tb.Fatalf("%s: %v", pl.name, pl.missing)
	}
	tb.Skipf("skipping %s: %v (clone graphgen next to shared/ to run it)", pl.name, pl.missing)
}

// kiotaDecode is what msgraph-sdk-go's request adapter does with a response
// body: build the parse-node tree, then the model.
func kiotaDecode(data []byte, factory absser.ParsableFactory) (absser.Parsable, error) {
	node, err := jsonserialization.NewJsonParseNode(data)
	if err != nil {
		return nil, err
	}
	return node.GetObjectValue(factory)
}

// kiotaEncode is what msgraph-sdk-go does with a request body. The writer
// goes back to kiota's buffer pool afterwards, as in kiota's
// RequestInformation.SetContentFromParsable; GetSerializedContent returns a
// copy.
func kiotaEncode(v absser.Parsable) ([]byte, error) {
	w := jsonserialization.NewJsonSerializationWriter()
	defer w.Close()
	if err := w.WriteObjectValue("", v); err != nil {
		return nil, err
	}
	return w.GetSerializedContent()
}

// run is one sub-benchmark: SetBytes is the payload's size for every peer,
// so MB/s compare directly. f runs once before the timed loop: sonic and
// goccy/go-json build a codec per type on first use (sonic's JIT took a
// second for the wide User, which made the first of three runs report one
// iteration at 0.1 MB/s), and that is no part of decoding or encoding.
func run(b *testing.B, name string, size int, f func() error) {
	b.Run(name, func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := f(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecode and BenchmarkEncode measure the plain-struct peers twice
// on every page: with package plain's trimmed structs (<payload>/<peer>, the
// peers' best case) and with package wide's full-width ones
// (<payload>/wide/<peer>, what users of those libraries have).
func BenchmarkDecode(b *testing.B) {
	for _, pl := range pages {
		b.Run(pl.name, func(b *testing.B) {
			need(b, pl)
			data := pl.data
			run(b, "graphgen", len(data), func() error {
				return pl.graphgenDecode(data)
			})
			run(b, "kiota", len(data), func() error {
				_, err := kiotaDecode(data, pl.kiota)
				return err
			})
			for _, peer := range plainPeers {
				run(b, peer.name, len(data), func() error {
					return peer.unmarshal(data, pl.newPlain())
				})
			}
			b.Run("wide", func(b *testing.B) {
				for _, peer := range plainPeers {
					run(b, peer.name, len(data), func() error {
						return peer.unmarshal(data, pl.newWide())
					})
				}
			})
			for _, peer := range scanPeers {
				run(b, peer.name, len(data), func() error {
					if !peer.valid(data) {
						return errors.New("invalid JSON")
					}
					return nil
				})
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, pl := range pages {
		b.Run(pl.name, func(b *testing.B) {
			need(b, pl)
			g, k, p := decodeAll(b, pl)
			run(b, "graphgen", len(pl.data), func() error {
				_, err := g.MarshalJSON()
				return err
			})
			run(b, "kiota", len(pl.data), func() error {
				_, err := kiotaEncode(k)
				return err
			})
			for _, peer := range plainPeers {
				run(b, peer.name, len(pl.data), func() error {
					_, err := peer.marshal(p)
					return err
				})
			}
			w := decodeWide(b, pl)
			b.Run("wide", func(b *testing.B) {
				for _, peer := range plainPeers {
					run(b, peer.name, len(pl.data), func() error {
						_, err := peer.marshal(w)
						return err
					})
				}
			})
		})
	}
}

func BenchmarkValidate(b *testing.B) {
	for _, pl := range pages {
		b.Run(pl.name, func(b *testing.B) {
			need(b, pl)
			g, _, _ := decodeAll(b, pl)
			run(b, "graphgen", len(pl.data), g.Validate)
		})
	}
}

// decodeAll decodes pl with graphgen, kiota and encoding/json (the first
// plain peer).
func decodeAll(tb testing.TB, pl payload) (model, absser.Parsable, any) {
	tb.Helper()
	need(tb, pl)
	g, err := pl.graphgen(pl.data)
	if err != nil {
		tb.Fatalf("graphgen decode %s: %v", pl.name, err)
	}
	k, err := kiotaDecode(pl.data, pl.kiota)
	if err != nil {
		tb.Fatalf("kiota decode %s: %v", pl.name, err)
	}
	p := pl.newPlain()
	if err := json.Unmarshal(pl.data, p); err != nil {
		tb.Fatalf("encoding/json decode %s: %v", pl.name, err)
	}
	return g, k, p
}

// decodeWide decodes pl into its package wide value with encoding/json.
func decodeWide(tb testing.TB, pl payload) any {
	tb.Helper()
	need(tb, pl)
	w := pl.newWide()
	if err := json.Unmarshal(pl.data, w); err != nil {
		tb.Fatalf("encoding/json decode %s into wide structs: %v", pl.name, err)
	}
	return w
}
