// Command webhook receives Graph's change notifications: it answers the
// validationToken handshake of a new subscription, and decodes, checks and
// validates each notification POST before anything trusts it, rejecting
// bad input with 400. Notifications arrive from the internet before they
// are authenticated, so the body is read up to a limit and decoded with
// the generated package's default memory bound.
//
//	WEBHOOK_CLIENT_STATE=secret go run ./webhook [-addr :8080]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/graphgen/graphgen/examples/graph"
)

func main() {
	addr := flag.String("addr", ":8080", "address to listen on")
	flag.Parse()
	h := &notifications{
		clientState: os.Getenv("WEBHOOK_CLIENT_STATE"),
		handle: func(n *graph.ChangeNotification) {
			log.Printf("%s %s (subscription %s)", n.ChangeType.Val, n.Resource.Val, n.SubscriptionID.Val)
		},
	}
	if h.clientState == "" {
		log.Fatal("set WEBHOOK_CLIENT_STATE to the clientState of your subscriptions")
	}
	log.Fatal(http.ListenAndServe(*addr, h))
}

// maxBody bounds a notification POST, and maxValues the memory of its
// decoded notifications: Graph sends batches of a few kilobytes, so both
// are far above what it sends and far below what the package's default
// (128 bytes of structs per input byte) would let a 1 MB body take.
const (
	maxBody   = 1 << 20
	maxValues = 8 << 20
)

// notifications is the endpoint of a subscription's notificationUrl.
type notifications struct {
	clientState string                          // the secret the subscription was created with
	handle      func(*graph.ChangeNotification) // called for each notification of an accepted POST
}

func (h *notifications) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	if token := r.URL.Query().Get("validationToken"); token != "" {
		// A new subscription: echo the token, as plain text, within 10 seconds.
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, token)
		return
	}
	batch, err := h.read(w, r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for _, n := range batch.Value.Val {
		h.handle(n)
	}
	w.WriteHeader(http.StatusAccepted)
}

// read decodes a POST's notifications and checks them: every one carries
// the subscription's clientState, and the batch is valid by the schema.
func (h *notifications) read(w http.ResponseWriter, r *http.Request) (*graph.ChangeNotificationCollection, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("reading the notifications: %w", err)
	}
	var batch graph.ChangeNotificationCollection
	if err := graph.UnmarshalWith(body, &batch, graph.DecodeOptions{MaxValueBytes: maxValues}); err != nil {
		return nil, err // a *graph.DecodeError, naming where
	}
	for i, n := range batch.Value.Val {
		if n == nil || n.ClientState.Val != h.clientState {
			return nil, fmt.Errorf("notification %d: not from a subscription of ours (clientState)", i)
		}
	}
	if problems := validate(&batch); len(problems) > 0 {
		return nil, fmt.Errorf("%d problems, the first %v", len(problems), problems[0])
	}
	return &batch, nil
}

// validate checks a batch by the schema. resourceData's @odata.type names
// the type of the resource that changed ("#Microsoft.Graph.Message"), not a
// subtype of resourceData, so Validate's discriminator rule does not apply
// to it.
func validate(batch *graph.ChangeNotificationCollection) []*graph.ValidationError {
	var verrs graph.ValidationErrors
	if err := batch.Validate(); !errors.As(err, &verrs) {
		if err != nil {
			return []*graph.ValidationError{{Path: "", Rule: "validate", Message: err.Error()}}
		}
		return nil
	}
	var out []*graph.ValidationError
	for _, v := range verrs {
		if v.Rule == "discriminator" && strings.HasSuffix(v.Path, "/resourceData/@odata.type") {
			continue
		}
		out = append(out, v)
	}
	return out
}
