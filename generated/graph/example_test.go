// Examples of the generated API, shown by go doc and run by go test. This
// file is written by hand: graphgen keeps files without its header.

package graph_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/graphgen/graphgen/generated/graph"
)

// ExampleUnmarshal decodes a value as the type its @odata.type names, held
// as the static type asked for.
func ExampleUnmarshal() {
	body := []byte(`{"@odata.type":"#microsoft.graph.cloudPC","id":"pc1","displayName":"Desk 7"}`)
	e, err := graph.Unmarshal[graph.Entity](body)
	if err != nil {
		panic(err)
	}
	pc := graph.Concrete(e).(*graph.CloudPC)
	fmt.Println(e.ID.Val, pc.DisplayName.Val)
	// Output: pc1 Desk 7
}

// ExampleConcrete switches on the concrete type of values held as their
// base, whatever subtype each item is.
func ExampleConcrete() {
	body := []byte(`{"@odata.type":"#microsoft.graph.cloudPcDeviceImage","id":"img1","displayName":"Windows 11"}`)
	e, err := graph.Unmarshal[graph.Entity](body)
	if err != nil {
		panic(err)
	}
	switch v := graph.Concrete(e).(type) {
	case *graph.CloudPC:
		fmt.Println("a Cloud PC:", v.DisplayName.Val)
	case *graph.CloudPcDeviceImage:
		fmt.Println("an image:", v.DisplayName.Val)
	default:
		fmt.Println("an entity:", v.(*graph.Entity).ID.Val)
	}
	// Output: an image: Windows 11
}

// ExampleAs holds a value built in Go as its base. The value stays what it
// is: Concrete gives it back, and encoding writes all of it (with its own
// @odata.type where a property or item expects the base; a top-level value
// gets none, its type is known from the request URL).
func ExampleAs() {
	pc := &graph.CloudPC{DisplayName: graph.Some("Desk 7")}
	e := graph.As[graph.Entity](pc)
	out, err := json.Marshal(e)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
	fmt.Println(graph.Concrete(e) == pc)
	// Output:
	// {"displayName":"Desk 7"}
	// true
}

// ExampleCloudPC_Validate reports every violation of the schema's rules,
// each with its JSON Pointer.
func ExampleCloudPC_Validate() {
	var page graph.CloudPCCollectionResponse
	body := []byte(`{"value":[{"id":"pc1"},{"id":"pc2","gracePeriodEndDateTime":"2020-11-010T20:00:34Z"}]}`)
	if err := json.Unmarshal(body, &page); err != nil {
		panic(err)
	}
	var verrs graph.ValidationErrors
	if errors.As(page.Validate(), &verrs) {
		for _, v := range verrs {
			fmt.Println(v.Path, v.Rule, v.Value)
		}
	}
	// Output: /value/1/gracePeriodEndDateTime format 2020-11-010T20:00:34Z
}

// Example_patch writes a PATCH body: the properties set, one cleared with
// null, nothing else.
func Example_patch() {
	patch := graph.CloudPC{DisplayName: graph.Some("Desk 7")}
	patch.ProvisioningType.State = graph.Null
	out, err := json.Marshal(&patch)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
	// Output: {"displayName":"Desk 7","provisioningType":null}
}

// ExamplePages reads every item of a collection, page by page, to the last
// @odata.nextLink; get stands for an HTTP GET of a URL with your client.
func ExamplePages() {
	pages := map[string]string{
		"https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/cloudPCs": `{"value":[{"id":"pc1"},{"id":"pc2"}],
			"@odata.nextLink":"https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/cloudPCs?$skiptoken=2"}`,
		"https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/cloudPCs?$skiptoken=2": `{"value":[{"id":"pc3"}]}`,
	}
	get := func(url string) ([]byte, error) { return []byte(pages[url]), nil }

	url := "https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/cloudPCs"
	for page, err := range graph.Pages[graph.CloudPCCollectionResponse](get, url) {
		if err != nil {
			panic(err)
		}
		for _, pc := range page.Items() {
			fmt.Println(pc.ID.Val)
		}
	}
	// Output:
	// pc1
	// pc2
	// pc3
}
