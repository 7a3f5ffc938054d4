package fullset

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/graphgen/graphgen/internal/schema"
	"github.com/graphgen/graphgen/internal/testflag"
	"github.com/graphgen/graphgen/internal/verify"
	"github.com/graphgen/graphgen/internal/verifykit"
)

const (
	corpus = sharedDir + "/examples/docs-2021-visible.jsonl"
	report = "../../testdata/verify/docs-2021.txt"
)

// verifyDocsCorpus runs `graphgen verify`'s harness on the Graph docs
// examples and compares the failures, each with a verdict, with the
// committed report. A failure no rule explains fails the test: it may be a
// graphgen bug.
func verifyDocsCorpus(t *testing.T, module string) {
	var stdout, stderr bytes.Buffer
	code, err := verify.Run(context.Background(), module, corpus, &stdout, &stderr)
	require.NoError(t, err, stderr.String())
	require.NotEqual(t, 2, code, stderr.String())

	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	summary := lines[len(lines)-1]
	var results []verifykit.Result
	for _, l := range lines[:len(lines)-1] {
		var r verifykit.Result
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		results = append(results, r)
	}
	enums := enumMembers(t)
	var b strings.Builder
	fmt.Fprintf(&b, "# graphgen verify -in %s/schemas -allow-missing-refs -payloads %s\n", sharedDir, corpus)
	fmt.Fprintf(&b, "# %s\n", summary)
	b.WriteString("# Every record that fails to decode, round-trip or validate: id, stage, reason, verdict.\n")
	for _, r := range results {
		assert.Equal(t, r.Decoded, r.RoundTrip, "%s: every decoded record round-trips: %s", r.ID, r.Difference)
		for _, f := range failures(r) {
			verdict := classify(f, enums)
			assert.NotContains(t, verdict, "UNEXPLAINED", "%s: %s", r.ID, f.reason)
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", r.ID, f.stage, f.reason, verdict)
		}
	}
	if *testflag.Update {
		require.NoError(t, os.MkdirAll(filepath.Dir(report), 0o755))
		require.NoError(t, os.WriteFile(report, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(report)
	require.NoError(t, err, "run go test ./internal/fullset -update")
	assert.Equal(t, string(want), b.String(), "the verify report changed; review and run go test ./internal/fullset -update")
}

type failure struct{ stage, reason string }

func failures(r verifykit.Result) []failure {
	switch {
	case r.Skipped:
		return nil
	case !r.Decoded:
		return []failure{{"decode", r.Error}}
	case !r.RoundTrip:
		return []failure{{"roundtrip", r.Difference}}
	}
	var out []failure
	for _, v := range r.Violations {
		out = append(out, failure{"validate", v})
	}
	return out
}

var (
	wrongKind   = regexp.MustCompile(`expected (.+), found (\w+)$`)
	badFormat   = regexp.MustCompile(`: "(.*)" is not a valid ([\w-]+)$`)
	notMember   = regexp.MustCompile(`: "(.*)" is not a member of graph\.(\w+)$`)
	notNullable = regexp.MustCompile(`: property "(.*)" is not nullable$`)
	unknownType = regexp.MustCompile(`: "(.*)" is not a known type derived from ([\w.]+)`)
	otherType   = regexp.MustCompile(`: "#?(.*)" names another type than ([\w.]+):`)
	placeholder = regexp.MustCompile(`(?i)value|string|date|timestamp|@odata\.type:`)
)

// classify explains one failure; "UNEXPLAINED" marks what may be a bug.
func classify(f failure, enums map[string][]string) string {
	if m := wrongKind.FindStringSubmatch(f.reason); f.stage == "decode" && m != nil {
		return fmt.Sprintf("real violation: wrong kind, a %s where the schema wants %s", m[2], m[1])
	}
	if m := badFormat.FindStringSubmatch(f.reason); m != nil {
		if placeholder.MatchString(m[1]) {
			return "real violation: placeholder text where a " + m[2] + " belongs"
		}
		return "real violation: malformed " + m[2]
	}
	if m := notMember.FindStringSubmatch(f.reason); m != nil {
		return memberVerdict(m[1], enums[m[2]])
	}
	if notNullable.MatchString(f.reason) {
		return "real violation: null where the schema does not allow it"
	}
	if m := unknownType.FindStringSubmatch(f.reason); m != nil {
		return "real violation: " + m[1] + " is not a v1.0 type derived from " + m[2] + " (kept, not checked)"
	}
	if m := otherType.FindStringSubmatch(f.reason); m != nil {
		return "real violation: the payload says it is a " + m[1] + ", the record that it is a " + m[2]
	}
	return "UNEXPLAINED: possibly a graphgen bug"
}

func memberVerdict(value string, members []string) string {
	for _, m := range members {
		if strings.EqualFold(m, value) {
			return fmt.Sprintf("real violation: wrong case, the schema's member is %q", m)
		}
	}
	switch {
	case value == "":
		return "real violation: empty string is not a member"
	case placeholder.MatchString(value):
		return "real violation: placeholder text where a member belongs"
	}
	return "real violation: not a member of the v1.0 enum (a beta or retired member)"
}

// enumMembers maps each generated enum's Go name to its members.
func enumMembers(t *testing.T) map[string][]string {
	pkg, err := schema.Load(context.Background(), readShared(t, "schemas"), schema.Options{AllowMissingRefs: true})
	require.NoError(t, err)
	out := map[string][]string{}
	for _, e := range pkg.Enums {
		for _, m := range e.Members {
			out[e.Name.Name] = append(out[e.Name.Name], m.Value)
		}
	}
	return out
}
