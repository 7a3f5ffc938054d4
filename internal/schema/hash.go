package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/getkin/kin-openapi/openapi3"
	"strings"
)

// inputHash fingerprints what a generation depends on besides graphgen
// itself: every schema (as kin-openapi parsed it, so that the YAML document
// and the folder of the same schemas hash alike) and the options.
func inputHash(raws []rawSchema, opts Options) string {
	h := sha256.New()
	fmt.Fprintf(h, "options %v %q %v\n", opts.AllowMissingRefs, strings.Join(opts.Types, ","), opts.Subtypes)
	for _, names := range []map[string]string{opts.TypeNames, opts.FieldNames} {
		for _, k := range sortedKeys(names) {
			fmt.Fprintf(h, "name %q %q\n", k, names[k])
		}
	}
	for _, r := range raws {
		data, err := json.Marshal(withoutDocumentKeys(r.Schema))
		if err != nil {
			data = []byte(err.Error())
		}
		fmt.Fprintf(h, "%q %d\n", r.Name, len(data))
		h.Write(data)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
}

// withoutDocumentKeys drops the keys that belong to a per-schema file rather
// than to the schema ($schema, $id): the same schema inside an OpenAPI
// document has none of them.
func withoutDocumentKeys(s *openapi3.Schema) *openapi3.Schema {
	c := *s
	c.SchemaDialect, c.SchemaID = "", ""
	return &c
}
