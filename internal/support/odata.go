package support

import (
	"fmt"
	"iter"
	"strings"
)

// OData conventions the generated code follows besides the codec: pages of
// a collection, the error body, and the keys of @odata.type values.

// Page is one page of a Graph collection, as GET on a collection returns
// it: every generated collection response (CloudPCCollectionResponse, …) is
// a Page of its item type. Follow NextLink until it is "" to read them all.
type Page[T any] interface {
	Items() []T
	// NextLink is the URL of the next page, "" on the last one.
	NextLink() string
}

// pageModel is a generated collection response, as Pages reads it.
type pageModel interface {
	model
	NextLink() string
}

// Pages returns the pages of a collection, from the one at url to the
// last, following @odata.nextLink, each decoded into a new P (a generated
// collection response such as UserCollectionResponse). get fetches a URL
// and returns its body: an HTTP GET with your client, token, headers and
// retries, so that this package needs no HTTP of its own. An error of get
// or of decoding ends the pages with it, and so does a nextLink that comes
// back to a page already read, which would never end.
//
//	for page, err := range graph.Pages[graph.UserCollectionResponse](get, url) {
//		if err != nil {
//			return err
//		}
//		for _, u := range page.Items() { … }
//	}
func Pages[P any, PP interface {
	*P
	pageModel
}](get func(url string) ([]byte, error), url string) iter.Seq2[PP, error] {
	return func(yield func(PP, error) bool) {
		read := map[string]bool{}
		for url != "" {
			if read[url] {
				yield(nil, fmt.Errorf("@odata.nextLink %q comes back to a page already read", url))
				return
			}
			read[url] = true
			body, err := get(url)
			if err != nil {
				yield(nil, err)
				return
			}
			page := PP(new(P))
			if err := unmarshalModel(body, page); err != nil {
				yield(nil, err)
				return
			}
			if !yield(page, nil) {
				return
			}
			url = page.NextLink()
		}
	}
}

// errorText is the Error text of OData's error body: "code: message".
func errorText(code, message string) string {
	switch {
	case code == "" && message == "":
		return "Graph error without a code or message"
	case code == "":
		return message
	case message == "":
		return code
	}
	return code + ": " + message
}

// jsonTypeKey turns an @odata.type value into the key dispatch tables match:
// without the leading "#", ASCII lower-cased, appended to buf so that a
// caller's stack buffer avoids allocating.
func jsonTypeKey[T string | []byte](buf []byte, t T) []byte {
	if len(t) > 0 && t[0] == '#' {
		t = t[1:]
	}
	for i := 0; i < len(t); i++ {
		buf = append(buf, lowerASCII(t[i]))
	}
	return buf
}

// sameTypeKey reports whether two @odata.type values have the same
// jsonTypeKey.
func sameTypeKey(a, b string) bool {
	a, b = strings.TrimPrefix(a, "#"), strings.TrimPrefix(b, "#")
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}
