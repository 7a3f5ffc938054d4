package bench

import (
	"encoding/json"
	"errors"
	"testing"

	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	jsonserialization "github.com/microsoft/kiota-serialization-json-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models"

	"github.com/graphgen/graphgen/bench/graph"
	"github.com/graphgen/graphgen/bench/payloads"
	"github.com/graphgen/graphgen/bench/plain"
)

// A payload is one page and how each peer decodes it. Every decode function
// starts from the bytes and ends with a fully decoded value.
type payload struct {
	name  string
	data  []byte
	items int

	graphgen     func(data []byte) (model, error)
	kiota        absser.ParsableFactory
	encodingJSON func(data []byte) (any, error)
}

// model is what graphgen's collection responses have in common.
type model interface {
	UnmarshalJSON([]byte) error
	MarshalJSON() ([]byte, error)
	Validate() error
}

var pages = []payload{
	{
		name:  "cloudPCs",
		data:  payloads.CloudPCPage(),
		items: payloads.CloudPCItems,
		graphgen: func(data []byte) (model, error) {
			var p graph.CloudPCCollectionResponse
			err := p.UnmarshalJSON(data)
			return &p, err
		},
		kiota: models.CreateCloudPCCollectionResponseFromDiscriminatorValue,
		encodingJSON: func(data []byte) (any, error) {
			var p plain.CloudPCPage
			err := json.Unmarshal(data, &p)
			return &p, err
		},
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
		kiota: models.CreateUserCollectionResponseFromDiscriminatorValue,
		encodingJSON: func(data []byte) (any, error) {
			var p plain.UserPage
			err := json.Unmarshal(data, &p)
			return &p, err
		},
	},
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
// so MB/s compare directly.
func run(b *testing.B, name string, size int, f func() error) {
	b.Run(name, func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			if err := f(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	for _, pl := range pages {
		b.Run(pl.name, func(b *testing.B) {
			data := pl.data
			// graphgen and encoding/json are called directly on a local
			// value, the way a program would.
			switch pl.name {
			case "cloudPCs":
				run(b, "graphgen", len(data), func() error {
					var p graph.CloudPCCollectionResponse
					return p.UnmarshalJSON(data)
				})
			case "users":
				run(b, "graphgen", len(data), func() error {
					var p graph.UserCollectionResponse
					return p.UnmarshalJSON(data)
				})
			}
			run(b, "kiota", len(data), func() error {
				_, err := kiotaDecode(data, pl.kiota)
				return err
			})
			switch pl.name {
			case "cloudPCs":
				run(b, "encodingjson", len(data), func() error {
					var p plain.CloudPCPage
					return json.Unmarshal(data, &p)
				})
			case "users":
				run(b, "encodingjson", len(data), func() error {
					var p plain.UserPage
					return json.Unmarshal(data, &p)
				})
			}
			run(b, "jsonvalid", len(data), func() error {
				if !json.Valid(data) {
					return errors.New("invalid JSON")
				}
				return nil
			})
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, pl := range pages {
		b.Run(pl.name, func(b *testing.B) {
			g, k, p := decodeAll(b, pl)
			run(b, "graphgen", len(pl.data), func() error {
				_, err := g.MarshalJSON()
				return err
			})
			run(b, "kiota", len(pl.data), func() error {
				_, err := kiotaEncode(k)
				return err
			})
			run(b, "encodingjson", len(pl.data), func() error {
				_, err := json.Marshal(p)
				return err
			})
		})
	}
}

func BenchmarkValidate(b *testing.B) {
	for _, pl := range pages {
		b.Run(pl.name, func(b *testing.B) {
			g, _, _ := decodeAll(b, pl)
			run(b, "graphgen", len(pl.data), g.Validate)
		})
	}
}

// decodeAll decodes pl with the three decoders.
func decodeAll(tb testing.TB, pl payload) (model, absser.Parsable, any) {
	tb.Helper()
	g, err := pl.graphgen(pl.data)
	if err != nil {
		tb.Fatalf("graphgen decode %s: %v", pl.name, err)
	}
	k, err := kiotaDecode(pl.data, pl.kiota)
	if err != nil {
		tb.Fatalf("kiota decode %s: %v", pl.name, err)
	}
	p, err := pl.encodingJSON(pl.data)
	if err != nil {
		tb.Fatalf("encoding/json decode %s: %v", pl.name, err)
	}
	return g, k, p
}
