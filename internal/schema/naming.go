package schema

import (
	"strconv"
	"strings"
	"unicode"
)

// Naming rules (changing any of them renames generated identifiers and so
// breaks users; see docs/names.md):
//   - "microsoft.graph." is dropped; other namespace segments become a prefix:
//     microsoft.graph.cloudPC -> CloudPC, microsoft.graph.security.alert -> SecurityAlert;
//     OData's error schemas have none: microsoft.graph.ODataErrors.ODataError -> ODataError.
//   - words split at case changes and non-alphanumerics; each word is
//     capitalized, Go initialisms are upper-cased: aadDeviceId -> AadDeviceID.
//   - "odata" is spelled OData: @odata.type -> ODataType.
//   - a name that would not start with a letter gets an "X" prefix.

const graphNamespace = "microsoft.graph."

// odataErrorsNamespace holds OData's error schemas, which Go names without
// a prefix: microsoft.graph.ODataErrors.ODataError -> ODataError.
const odataErrorsNamespace = "microsoft.graph.ODataErrors."

// initialisms are the words Go spells in upper case (golint's list).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "LHS": true, "QPS": true, "RAM": true, "RHS": true,
	"RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true,
	"TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true,
	"URI": true, "URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true,
	"XSRF": true, "XSS": true,
}

// typeGoName returns the Go type name for a schema name.
func typeGoName(schemaName string) string {
	if name, ok := strings.CutPrefix(schemaName, odataErrorsNamespace); ok {
		return goName(name)
	}
	return goName(strings.TrimPrefix(schemaName, graphNamespace))
}

// goName turns any schema-provided text into an exported Go identifier.
func goName(s string) string {
	var b strings.Builder
	for _, w := range splitWords(s) {
		b.WriteString(spellWord(w))
	}
	name := b.String()
	if name == "" || !unicode.IsLetter([]rune(name)[0]) {
		name = "X" + name
	}
	return name
}

// spellWord capitalizes one word, upper-casing initialisms.
func spellWord(w string) string {
	upper := strings.ToUpper(w)
	switch {
	case initialisms[upper]:
		return upper
	case upper == "ODATA":
		return "OData"
	}
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// splitWords splits at non-alphanumerics and at case changes:
// "cloudPCCollectionResponse" -> cloud PC Collection Response,
// "@odata.nextLink" -> odata next Link.
func splitWords(s string) []string {
	var words []string
	r := []rune(s)
	start := -1
	for i, c := range r {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			if start >= 0 {
				words = append(words, string(r[start:i]))
				start = -1
			}
			continue
		}
		if start >= 0 && isWordStart(r, i) {
			words = append(words, string(r[start:i]))
			start = i
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, string(r[start:]))
	}
	return words
}

// isWordStart reports whether r[i] begins a new word inside a run of letters:
// a lower-to-upper change (cloudP), or the last upper of an upper run that a
// lower letter follows (PCCollection -> PC|Collection).
func isWordStart(r []rune, i int) bool {
	prev, cur := r[i-1], r[i]
	if !unicode.IsUpper(cur) {
		return false
	}
	if unicode.IsLower(prev) || unicode.IsDigit(prev) {
		return true
	}
	return unicode.IsUpper(prev) && i+1 < len(r) && unicode.IsLower(r[i+1])
}

// typeFileName is the file of a type: the snake_case Go name plus "_gen.go",
// CloudPCCollectionResponse -> cloud_pc_collection_response_gen.go. The
// suffix keeps names such as "..._windows" or "..._test" from acting as
// build constraints, and keeps type files apart from the package's other
// files, which start with "graphgen_" and do not end in it.
func typeFileName(goName string) string {
	var b strings.Builder
	r := []rune(goName)
	for i, c := range r {
		upper := c >= 'A' && c <= 'Z'
		if upper && i > 0 && (r[i-1] >= 'a' && r[i-1] <= 'z' || r[i-1] >= '0' && r[i-1] <= '9' ||
			i+1 < len(r) && r[i+1] >= 'a' && r[i+1] <= 'z' && r[i-1] >= 'A' && r[i-1] <= 'Z') {
			b.WriteByte('_')
		}
		b.WriteRune(c)
	}
	return strings.ToLower(b.String()) + "_gen.go"
}

// nameSet hands out identifiers that are unique within one scope, also
// when case is ignored: names that differ only in case confuse readers, and
// type names become file names on case-insensitive file systems.
type nameSet struct {
	taken map[string]bool // lower-cased
}

func newNameSet(reserved ...string) *nameSet {
	s := &nameSet{taken: map[string]bool{}}
	for _, n := range reserved {
		s.taken[strings.ToLower(n)] = true
	}
	return s
}

// isTaken reports whether name, ignoring case, is already handed out.
func (s *nameSet) isTaken(name string) bool { return s.taken[strings.ToLower(name)] }

// claim returns name, or else name with suffix, or else name with suffix
// and a number from 2 up, whichever is first free, and marks it taken.
func (s *nameSet) claim(name, suffix string) string {
	candidate := name
	for i := 1; s.isTaken(candidate); i++ {
		candidate = name + suffix
		if i > 1 {
			candidate += strconv.Itoa(i)
		}
	}
	s.taken[strings.ToLower(candidate)] = true
	return candidate
}
