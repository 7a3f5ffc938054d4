package behaviour

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/generated/graph"
)

// pagesServer is a collection of three pages, as get would fetch them.
var pagesServer = map[string]string{
	"/cloudPCs":        `{"value":[{"id":"pc1"},{"id":"pc2"}],"@odata.nextLink":"/cloudPCs?skip=2"}`,
	"/cloudPCs?skip=2": `{"value":[{"id":"pc3"}],"@odata.nextLink":"/cloudPCs?skip=3"}`,
	"/cloudPCs?skip=3": `{"value":[]}`,
	"/loop":            `{"value":[{"id":"a"}],"@odata.nextLink":"/loop?again"}`,
	"/loop?again":      `{"value":[{"id":"b"}],"@odata.nextLink":"/loop"}`,
	"/broken":          `{"value":[{"id":"a"}],"@odata.nextLink":"/broken?next"}`,
	"/broken?next":     `{"value":[{"id": 7}]}`,
	"/unreachable":     `{"value":[{"id":"a"}],"@odata.nextLink":"/nowhere"}`,
}

func getPage(fetched *[]string) func(string) ([]byte, error) {
	return func(url string) ([]byte, error) {
		*fetched = append(*fetched, url)
		body, ok := pagesServer[url]
		if !ok {
			return nil, errors.New("404 " + url)
		}
		return []byte(body), nil
	}
}

// TestPagesFollowNextLink reads a collection page by page to the last
// nextLink, and ends with the error of a fetch, of a decode, or of a
// nextLink that comes back to a page already read.
func TestPagesFollowNextLink(t *testing.T) {
	var fetched, ids []string
	for page, err := range graph.Pages[graph.CloudPCCollectionResponse](getPage(&fetched), "/cloudPCs") {
		require.NoError(t, err)
		for _, pc := range page.Items() {
			ids = append(ids, pc.ID.Val)
		}
	}
	assert.Equal(t, []string{"pc1", "pc2", "pc3"}, ids)
	assert.Equal(t, []string{"/cloudPCs", "/cloudPCs?skip=2", "/cloudPCs?skip=3"}, fetched)

	for start, want := range map[string]string{
		"/loop":        `@odata.nextLink "/loop" comes back to a page already read`,
		"/broken":      `/value/0/id`,
		"/unreachable": `404 /nowhere`,
	} {
		var pages int
		var last error
		fetched = nil
		for _, err := range graph.Pages[graph.CloudPCCollectionResponse](getPage(&fetched), start) {
			if err != nil {
				last = err
				continue
			}
			pages++
		}
		require.Error(t, last, start)
		assert.Contains(t, last.Error(), want, start)
		assert.Positive(t, pages, "%s: the pages before the error are read", start)
	}

	fetched = nil
	for range graph.Pages[graph.CloudPCCollectionResponse](getPage(&fetched), "/cloudPCs") {
		break
	}
	assert.Equal(t, []string{"/cloudPCs"}, fetched, "a loop that stops fetches no more")
}
