package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
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
		data, err := json.Marshal(r.Schema)
		if err != nil {
			data = []byte(err.Error())
		}
		fmt.Fprintf(h, "%q %d\n", r.Name, len(data))
		h.Write(data)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
}
